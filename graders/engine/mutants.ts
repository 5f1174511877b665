import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * A mutant: a realistic wrong implementation of one exercise. It lives in
 * tests/mutants/<assignment id>/<name>.ts, re-exports the reference solution
 * and overrides one function, and says what it gets wrong.
 */
export interface MutantInfo {
  /** The function it breaks. */
  fn: string;
  /** The hint a learner who made this mistake should see. */
  hint: string;
}

export interface Mutant extends MutantInfo {
  name: string;
  file: string;
}

export function mutantDir(root: string, assignmentId: string): string {
  return path.join(root, 'tests', 'mutants', assignmentId);
}

export async function loadMutants(root: string, assignmentId: string): Promise<Mutant[]> {
  const dir = mutantDir(root, assignmentId);
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort();
  const mutants: Mutant[] = [];
  for (const f of files) {
    const file = path.join(dir, f);
    const mod = (await import(pathToFileURL(file).href)) as { mutant?: MutantInfo };
    if (!mod.mutant?.fn || !mod.mutant.hint) {
      throw new Error(`${path.relative(root, file)} must export \`mutant = { fn, hint }\`.`);
    }
    mutants.push({ name: f.replace(/\.ts$/, ''), file, ...mod.mutant });
  }
  return mutants;
}
