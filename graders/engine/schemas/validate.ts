import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compiledModule, contentKey, packageVersion } from '../compiled-cache';

const here = path.dirname(fileURLToPath(import.meta.url));
const text = (name: string) => readFileSync(path.join(here, name), 'utf8');

const OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true } as const;
/**
 * The runner's messages are checked hundreds of times per grade, and only their first problem is ever shown: no
 * error list, and each oneOf goes straight to the alternative its tag names (`discriminator`) instead of trying
 * every one and keeping an error object for each that fails — most of the grading process's garbage in a whole
 * course was those objects.
 */
const FAST_OPTIONS = { allErrors: false, discriminator: true, strict: true, allowUnionTypes: true } as const;
const optionsFor = (name: string) => (name === 'wire' ? FAST_OPTIONS : OPTIONS);
// Ajv itself is loaded only to compile a schema whose code is not kept yet: it is ~0.3 MB of JavaScript that
// every run would otherwise load (a plain require, which bundling leaves to Node, see launcher/cli-bundle.mjs).
const requireHere = createRequire(import.meta.url);
const ajvPackage = () => requireHere('ajv') as typeof import('ajv');
const standaloneCode = (a: Ajv, v: ValidateFunction) => (requireHere('ajv/dist/standalone') as typeof import('ajv/dist/standalone')).default(a, v);
const ajvs = new Map<string, Ajv>();
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
    const options = optionsFor(name);
    const key = contentKey(packageVersion('ajv'), JSON.stringify(options), values, schema);
    const kept = compiledModule(`schema-${name}`, key, () => standaloneCode(ajvWithSource(options, values), compile(options, schema, values)));
    v = typeof kept === 'function' ? (kept as ValidateFunction) : compile(options, schema, values);
    compiled.set(name, v);
  }
  return v;
}

type Options = typeof OPTIONS | typeof FAST_OPTIONS;

/** One Ajv per set of options, holding the shared value schema. */
function ajvWithSource(options: Options, values: string): Ajv {
  const id = JSON.stringify(options);
  let ajv = ajvs.get(id);
  if (!ajv) {
    ajv = new (ajvPackage().Ajv)({ ...options, code: { source: true } });
    ajv.addSchema(JSON.parse(values) as object);
    ajvs.set(id, ajv);
  }
  return ajv;
}

function compile(options: Options, schema: string, values: string): ValidateFunction {
  const ajv = ajvWithSource(options, values);
  return ajv.getSchema(JSON.parse(schema).$id ?? '') ?? ajv.compile(JSON.parse(schema) as object);
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
