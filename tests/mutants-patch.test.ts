/**
 * Mutants as patches of the reference solution (tests/mutants/<id>/<name>.mutant.json): the
 * loader applies them, writes a module that imports what the solution imports, rewrites it
 * only when the solution or the patch changes, and stops with the file, the function and
 * the text when a patch no longer fits the solution.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { loadMutants } from '../graders/engine/mutants';

const id = 'course1/week1/toy';
let root: string;
const roots: string[] = [];

const write = (rel: string, text: string) => {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
};
const solution = `import { twice } from '../../../lib/twice';

/** The mean of xs. */
export function mean(xs: number[]): number {
  const total = xs.reduce((a, b) => a + b, 0);
  return total / xs.length;
}

export function doubledMean(xs: number[]): number {
  return twice(mean(xs));
}
`;
const patchMutant = (patch: unknown[], fn = 'mean') =>
  write(`tests/mutants/${id}/sum-not-mean.mutant.json`, JSON.stringify({ fn, hint: 'Divide by the number of values.', patch }));

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-mutants-'));
  roots.push(root);
  write('lib/twice.ts', 'export const twice = (x: number) => 2 * x;\n');
  write(`solutions/${id}.ts`, solution);
});
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

describe('patch mutants', () => {
  it('apply to the named function, import what the solution imports, and load beside whole-file mutants', async () => {
    patchMutant([{ find: '  return total / xs.length;', replace: ['  // the mistake: no division', '  return total;'] }]);
    write(
      `tests/mutants/${id}/mean-of-first.ts`,
      `export * from '../../../../../solutions/${id}';\nexport const mutant = { fn: 'mean', hint: 'Use every value.' };\nexport function mean(xs: number[]): number {\n  return xs[0]!;\n}\n`,
    );
    const mutants = await loadMutants(root, id);
    expect(mutants.map((m) => [m.name, m.fn, m.hint])).toEqual([
      ['mean-of-first', 'mean', 'Use every value.'],
      ['sum-not-mean', 'mean', 'Divide by the number of values.'],
    ]);
    const patched = mutants[1]!.file;
    expect(path.relative(root, patched)).toBe(path.join('.deepgrade', 'mutants', id, 'sum-not-mean.ts'));
    const text = readFileSync(patched, 'utf8');
    expect(text).toContain("from '../../../../../lib/twice'");
    expect(text).toContain('  // the mistake: no division\n  return total;\n}');
    const mod = (await import(pathToFileURL(patched).href)) as { mean: (xs: number[]) => number; doubledMean: (xs: number[]) => number };
    expect(mod.mean([1, 2, 3])).toBe(6);
    // The whole solution is patched: its other functions call the mutant's mean.
    expect(mod.doubledMean([1, 2, 3])).toBe(12);
  });

  it('rewrite the module only when the solution or the patch changes', async () => {
    patchMutant([{ find: '  return total / xs.length;', replace: '  return total;' }]);
    const [first] = await loadMutants(root, id);
    const written = statSync(first!.file).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    await loadMutants(root, id);
    expect(statSync(first!.file).mtimeMs).toBe(written);
    write(`solutions/${id}.ts`, solution.replace('/** The mean of xs. */', '/** The mean of xs, a number. */'));
    await loadMutants(root, id);
    expect(readFileSync(first!.file, 'utf8')).toContain('a number.');
  });

  it('stop, naming the file, the function and the text, when the solution changed under them', async () => {
    const rel = `tests/mutants/${id}/sum-not-mean.mutant.json`;
    patchMutant([{ find: '  return total / xs.length + 0;', replace: '  return total;' }]);
    await expect(loadMutants(root, id)).rejects.toThrow(`${rel}: patch[0]: the text to find occurs nowhere in mean of solutions/${id}.ts`);
    await expect(loadMutants(root, id)).rejects.toThrow('| ' + '  return total / xs.length + 0;');
    patchMutant([{ find: 'xs', replace: 'ys' }]);
    await expect(loadMutants(root, id)).rejects.toThrow(`${rel}: patch[0]: the text to find occurs 3 times in mean`);
    patchMutant([{ find: '  return total / xs.length;', replace: '  return total;' }], 'median');
    await expect(loadMutants(root, id)).rejects.toThrow(`${rel}: patch[0]: solutions/${id}.ts has no top-level median`);
    patchMutant([
      { find: '  return total / xs.length;', replace: '  return total;' },
      { find: 'total / xs', replace: 'total * xs' },
    ]);
    await expect(loadMutants(root, id)).rejects.toThrow(`${rel}: patch[1] overlaps patch[0]`);
    patchMutant([{ in: 'doubledMean', find: 'twice(', replace: 'Math.abs(' }]);
    await expect(loadMutants(root, id)).resolves.toHaveLength(1);
    write(rel, JSON.stringify({ fn: 'mean', hint: 'h', patch: [{ find: 'x' }] }));
    await expect(loadMutants(root, id)).rejects.toThrow(`${rel} does not match its schema`);
  });
});
