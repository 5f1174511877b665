/**
 * Generated JavaScript kept on disk by what it was generated from, and loaded
 * with require: Ajv's validators and Handlebars' templates are compiled to
 * code on every run otherwise, which costs a grade tens of milliseconds before
 * anything is graded. A file is named by a hash of its inputs (package
 * version, options, source), so a changed schema or template gets a new file
 * and an old one is never read for it. Writing is best-effort: a read-only
 * checkout compiles in memory, as before.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from './paths';

const dir = path.join(repoRoot, '.deepgrade', 'compiled');
const requireHere = createRequire(path.join(dir, 'index.cjs'));

/** A key for the inputs of a generated module. */
export function contentKey(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(p).update('\0');
  return hash.digest('hex').slice(0, 20);
}

/** The version of an installed package, part of a key: another version may generate other code. */
export function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/**
 * The exports of the CommonJS module `kind-key.cjs`, written from `generate()` first
 * if it is not there yet. Undefined when it can be neither read nor written, or with
 * DEEPGRADE_NO_COMPILED_CACHE=1: the caller then compiles in memory.
 */
export function compiledModule(kind: string, key: string, generate: () => string): unknown {
  if (process.env.DEEPGRADE_NO_COMPILED_CACHE) return undefined; // compile in memory (tests compare the two)
  const file = path.join(dir, `${kind}-${key}.cjs`);
  if (!existsSync(file)) {
    try {
      mkdirSync(dir, { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, generate());
      renameSync(temp, file); // atomic: another run may be reading it
    } catch {
      return undefined;
    }
  }
  try {
    return requireHere(file);
  } catch {
    return undefined;
  }
}
