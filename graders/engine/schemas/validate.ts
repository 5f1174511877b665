import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compiledModule, contentKey, packageVersion } from '../compiled-cache';

const here = path.dirname(fileURLToPath(import.meta.url));
const text = (name: string) => readFileSync(path.join(here, name), 'utf8');

const OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true } as const;
// Ajv itself is loaded only to compile a schema whose code is not kept yet: it is ~0.3 MB of JavaScript that
// every run would otherwise load (a plain require, which bundling leaves to Node, see launcher/cli-bundle.mjs).
const requireHere = createRequire(import.meta.url);
const ajvPackage = () => requireHere('ajv') as typeof import('ajv');
const standaloneCode = (a: Ajv, v: ValidateFunction) => (requireHere('ajv/dist/standalone') as typeof import('ajv/dist/standalone')).default(a, v);
let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

/**
 * A validator for one of the schemas in this folder ("fixture", "report", "manifest"). Ajv's code for it is
 * kept on disk (compiled-cache.ts): compiling the schemas took a good share of a grade's start.
 */
export function validator(name: string): ValidateFunction {
  let v = compiled.get(name);
  if (!v) {
    const schema = text(`${name}.schema.json`);
    const values = text('value.schema.json');
    const key = contentKey(packageVersion('ajv'), JSON.stringify(OPTIONS), values, schema);
    const kept = compiledModule(`schema-${name}`, key, () => standaloneCode(ajvWithSource(values), compile(name, schema, values)));
    v = typeof kept === 'function' ? (kept as ValidateFunction) : compile(name, schema, values);
    compiled.set(name, v);
  }
  return v;
}

function ajvWithSource(values: string): Ajv {
  if (!ajv) {
    ajv = new (ajvPackage().Ajv)({ ...OPTIONS, code: { source: true } });
    ajv.addSchema(JSON.parse(values) as object);
  }
  return ajv;
}

function compile(name: string, schema: string, values: string): ValidateFunction {
  return ajvWithSource(values).getSchema(JSON.parse(schema).$id ?? '') ?? ajvWithSource(values).compile(JSON.parse(schema) as object);
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
