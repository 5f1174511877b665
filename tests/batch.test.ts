/**
 * Grading a class: every submission gets its row (broken ones with an error),
 * in parallel, and an interrupted run resumes without grading anyone twice.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeClass } from '../graders/batch/batch';
import { repoRoot } from '../graders/engine/paths';
import { loadGrader } from '../graders/engine/registry';

const ID = 'course1/week3/planar-classification';
let dir: string;
const learnerFile = (learner: string, nested = false) => path.join(dir, 'class', learner, ...(nested ? ['exercises'] : []), `${ID}.ts`);
const put = (file: string, text: string) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
};

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-class-'));
  const solution = readFileSync(path.join(repoRoot, 'solutions', `${ID}.ts`), 'utf8');
  put(learnerFile('ada'), solution);
  put(learnerFile('bea'), readFileSync(path.join(repoRoot, 'exercises', `${ID}.ts`), 'utf8'));
  put(learnerFile('cai'), 'export function layerSizes( {\n');
  mkdirSync(path.join(dir, 'class', 'dan')); // submitted nothing
  put(learnerFile('eve', true), solution); // a whole repository, with its own (tampered) lib/
  put(path.join(dir, 'class', 'eve', 'lib', 'np-random.ts'), 'export const np = "tampered";\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('batch grading', () => {
  it('grades every learner in parallel and writes a gradebook and summary; broken submissions get an error row', async () => {
    const def = await loadGrader(repoRoot, ID);
    const out = path.join(dir, 'out');
    const progress: number[] = [];
    const r = await gradeClass({ root: repoRoot, defs: [def], submissions: path.join(dir, 'class'), out, seed: 1, hidden: false, workers: 2, onProgress: (d) => progress.push(d) });
    const byName = Object.fromEntries(r.rows.map((row) => [row.learner, row]));
    expect(r.rows.map((row) => row.learner)).toEqual(['ada', 'bea', 'cai', 'dan', 'eve']);
    expect(byName.ada!.score).toBe(byName.ada!.maxScore);
    expect(byName.eve!.score).toBe(byName.eve!.maxScore); // graded with the grader's own lib/, not the submission's
    expect(byName.bea!.score).toBe(0);
    expect(byName.bea!.error).toBeUndefined();
    expect(byName.cai!.error).toMatch(/does not compile/);
    expect(byName.dan!.error).toMatch(/is missing/);
    expect(progress.at(-1)).toBe(5);

    const csv = readFileSync(r.gradebook, 'utf8').trim().split('\n');
    expect(csv[0]).toBe(`learner,${def.exercises.map((e) => `${ID} › ${e.name}`).join(',')},total,max,error`);
    expect(csv).toHaveLength(6);
    expect(csv[1]).toMatch(/^ada,1,3,/);
    const summary = JSON.parse(readFileSync(r.summary, 'utf8'));
    expect(summary.learners).toBe(5);
    expect(summary.withErrors).toBe(2);
    expect(summary.histogram.reduce((s: number, b: { learners: number }) => s + b.learners, 0)).toBe(5);
    expect(summary.histogram[9].learners).toBe(2);

    // Interrupted after three learners: the journal keeps them, the rest are graded again.
    const journal = path.join(out, 'journal.jsonl');
    const lines = readFileSync(journal, 'utf8').trim().split('\n');
    writeFileSync(journal, lines.slice(0, 3).join('\n') + '\n{"learner": "half-writ');
    const again = await gradeClass({ root: repoRoot, defs: [def], submissions: path.join(dir, 'class'), out, seed: 1, hidden: false, workers: 2 });
    expect(again.resumed).toBe(3);
    expect(again.rows).toEqual(r.rows);
  });

  it('refuses a submissions path that is not a folder', async () => {
    const def = await loadGrader(repoRoot, ID);
    await expect(gradeClass({ root: repoRoot, defs: [def], submissions: path.join(dir, 'nope'), out: path.join(dir, 'o2'), seed: 1 })).rejects.toThrow(/is not a folder of submissions/);
  });
});
