/**
 * Patch mutants type-check: every tests/mutants/<id>/<name>.mutant.json, written out by the
 * loader as .deepgrade/mutants/<id>/<name>.ts, compiles under the repository's compiler options.
 * `tsc -p .` never sees these generated files, and tsx runs them without checking types, so a
 * patch could otherwise hold code no learner's TypeScript would accept.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMutants, PATCH_SUFFIX, patchedMutantDir } from '../graders/engine/mutants';
import { repoRoot } from '../graders/engine/paths';
import { createSolutionProgram } from '../graders/instructor/mutate-operators';

/** The assignment ids that have patch mutants: the folders under tests/mutants holding a .mutant.json. */
function idsWithPatches(root: string): string[] {
  const top = path.join(root, 'tests', 'mutants');
  return readdirSync(top, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(PATCH_SUFFIX))
    .map((f) => path.dirname(f).split(path.sep).join('/'))
    .filter((id, i, all) => all.indexOf(id) === i)
    .sort();
}

/** Writes every patch mutant (with the loader) and type-checks them all in one program; one line per error. */
async function patchMutantTypeErrors(root: string): Promise<{ checked: number; errors: string[] }> {
  const origin = new Map<string, string>(); // generated file → its .mutant.json, as the error names it
  for (const id of idsWithPatches(root)) {
    for (const m of await loadMutants(root, id)) {
      if (path.dirname(m.file) !== patchedMutantDir(root, id)) continue; // a whole-file mutant: tsc -p . checks it
      origin.set(path.resolve(m.file), path.posix.join('tests/mutants', id, `${m.name}${PATCH_SUFFIX}`));
    }
  }
  const program = createSolutionProgram([...origin.keys()]);
  const errors: string[] = [];
  for (const [file, rel] of origin) {
    const sf = program.getSourceFile(file)!;
    for (const d of [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]) {
      const { line, character } = sf.getLineAndCharacterOfPosition(d.start ?? 0);
      const where = `${path.relative(root, file).split(path.sep).join('/')}:${line + 1}:${character + 1}`;
      errors.push(`${rel} (${where}): TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ').replace(/\s+/g, ' ')}`);
    }
  }
  return { checked: origin.size, errors };
}

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

describe('patch mutants', () => {
  it('type-check as the patched solutions the loader writes', async () => {
    const { checked, errors } = await patchMutantTypeErrors(repoRoot);
    expect(checked).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('a patch that does not type-check is named with its diagnostic', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-mutant-types-'));
    roots.push(root);
    const write = (rel: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    };
    write('solutions/course1/week1/toy.ts', 'export function mean(xs: number[]): number {\n  return xs.reduce((a, b) => a + b, 0) / xs.length;\n}\n');
    const patch = { find: ' / xs.length;', replace: ' / xs;' }; // a number divided by an array
    write('tests/mutants/course1/week1/toy/by-array.mutant.json', JSON.stringify({ fn: 'mean', hint: 'h', patch: [patch] }));
    const { checked, errors } = await patchMutantTypeErrors(root);
    expect(checked).toBe(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^tests\/mutants\/course1\/week1\/toy\/by-array\.mutant\.json \(\.deepgrade\/mutants\/course1\/week1\/toy\/by-array\.ts:3:\d+\): TS2363 /);
  });
});
