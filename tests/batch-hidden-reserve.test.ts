/**
 * A slow learner's hidden cases keep a reserve of the time budget (batch.ts, HIDDEN_RESERVE). The hidden phase comes
 * last, and a reference check with hidden cases scores the smaller of its public and hidden shares, with a function's
 * properties and gradient checks counting only once one of its checks scores: a file whose public cases spent the
 * whole budget once scored 0 on every function, including correct ones whose public checks had all passed.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeClass } from '../graders/batch/batch';
import { repoRoot } from '../graders/engine/paths';
import { loadGrader } from '../graders/engine/registry';

const ID = 'course1/week2/logistic-regression';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-reserve-'));
  // The reference solution, correct everywhere, with predict slow (1 s a call): its checks and model's spend the budget.
  const solution = readFileSync(path.join(repoRoot, 'solutions', `${ID}.ts`), 'utf8');
  const signature = 'export function predict(w: tf.Tensor2D, b: number, X: tf.Tensor2D): tf.Tensor2D {\n';
  expect(solution).toContain(signature);
  const slow = solution.replace(signature, `${signature}  { const t0 = Date.now(); while (Date.now() - t0 < 1000) {} }\n`);
  const file = path.join(dir, 'class', 'ada', `${ID}.ts`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, slow);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the hidden phase keeps part of the time budget', () => {
  it('grades the hidden cases of the functions that ran before the public cases spent their part', async () => {
    const def = await loadGrader(repoRoot, ID);
    const r = await gradeClass({ root: repoRoot, defs: [def], submissions: path.join(dir, 'class'), out: path.join(dir, 'out'), seed: 1, hidden: true, workers: 1, budgetSeconds: 16, allowUnisolated: true });
    const row = r.rows[0]!;
    // The budget was spent (predict's and model's checks), but propagate and optimize, correct and fast, keep every point.
    expect(row.error).toMatch(/time budget \(16 s\) spent/);
    const max = (fn: string) => def.exercises.find((e) => e.name === fn)!.checks.reduce((s, c) => s + c.points, 0);
    expect(row.scores[`${ID} › propagate`]).toBe(max('propagate'));
    expect(row.scores[`${ID} › optimize`]).toBeGreaterThanOrEqual(max('optimize'));
  }, 120_000);
});
