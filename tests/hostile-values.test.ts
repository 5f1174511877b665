/**
 * Values learner code returns to game a check or flood a report, graded for real: the wrong answer loses its
 * points, the report stays small, and the reference solution keeps full marks.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../graders/engine/paths';
import type { AssignmentResult } from '../graders/engine/report/model';
import { gradeFile, newSandbox } from './support/grading';

const sandbox = newSandbox();
const dir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-hostile-values-'));
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The reference solution with some functions' bodies replaced, graded as a learner's file. */
async function gradeWith(id: string, bodies: Record<string, string>, only: string[]): Promise<AssignmentResult> {
  let text = readFileSync(path.join(repoRoot, 'solutions', `${id}.ts`), 'utf8');
  for (const [fn, body] of Object.entries(bodies)) {
    const start = text.indexOf(`export function ${fn}(`);
    const open = text.indexOf('{\n', start);
    const close = text.indexOf('\n}\n', open);
    text = `${text.slice(0, open)}{\n${body}\n${text.slice(close + 1)}`;
  }
  const file = path.join(dir, 'exercises', `${id}.ts`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text.replace(/from '\.\.\/\.\.\/\.\.\/lib\//g, `from '${path.join(repoRoot, 'lib')}/`));
  return gradeFile(sandbox, id, file, { only, hidden: false, trusted: true });
}

const check = (r: AssignmentResult, exercise: string, name: string) => r.exercises.find((e) => e.name === exercise)!.checks.find((c) => c.name === name)!;

describe('a property whose expected side is the learner’s own output', () => {
  const ID = 'course1/week2/numpy-basics';

  it('fails a softmax of random garbage holding one Infinity, and an l2Loss that is Infinity (they once passed)', async () => {
    const r = await gradeWith(
      ID,
      {
        softmax: [
          '  const garbage = tf.randomUniform(x.shape, -100, 100).arraySync() as number[][];',
          '  garbage[0]![0] = Infinity;',
          '  return tf.tensor2d(garbage);',
        ].join('\n'),
        l2Loss: '  return tf.sum(tf.abs(tf.sub(y, yhat))).dataSync()[0]! === 0 ? 0 : Infinity;',
      },
      ['softmax', 'l2Loss'],
    );
    expect(check(r, 'softmax', 'shift invariance').score).toBe(0);
    expect(check(r, 'l2Loss', 'quadratic in the error').score).toBe(0);
  }, 120_000);

  it('passes the reference solution', async () => {
    const r = await gradeWith(ID, {}, ['softmax', 'l2Loss']);
    for (const e of r.exercises) expect(e.score).toBe(e.maxScore);
  }, 120_000);
});
