import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const load = (name: string) => JSON.parse(readFileSync(path.join(here, name), 'utf8')) as object;

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

/** A validator for one of the schemas in this folder ("fixture", "report", "manifest"). */
export function validator(name: string): ValidateFunction {
  if (!ajv) {
    ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    ajv.addSchema(load('value.schema.json'));
  }
  let v = compiled.get(name);
  if (!v) {
    v = ajv.compile(load(`${name}.schema.json`));
    compiled.set(name, v);
  }
  return v;
}

/** Throws an error naming the file and the JSON path of each problem. */
export function assertValid(name: string, data: unknown, file: string): void {
  const validate = validator(name);
  if (!validate(data)) throw new SchemaError(file, validate.errors ?? []);
}

export class SchemaError extends Error {
  constructor(
    readonly file: string,
    readonly errors: ErrorObject[],
  ) {
    const lines = errors.slice(0, 8).map((e) => `  at ${e.instancePath || '(top level)'}: ${e.message ?? 'is invalid'}${paramsText(e)}`);
    super(`${file} does not match its schema:\n${lines.join('\n')}`);
    this.name = 'SchemaError';
  }
}

function paramsText(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  if ('additionalProperty' in p) return ` ("${String(p.additionalProperty)}")`;
  if ('allowedValues' in p) return ` (${JSON.stringify(p.allowedValues)})`;
  return '';
}
