/**
 * Values learner code returns to game a check or flood a report, graded for real: the wrong answer loses its
 * points, the report stays small, and the reference solution keeps full marks.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../graders/engine/paths';
import { cutText, exerciseResult, gradeReport, TEXT_LIMITS, type AssignmentResult, type CheckResult } from '../graders/engine/report/model';
import { renderReport } from '../graders/engine/report/render';
import { describeValue } from '../graders/engine/values';
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

describe('a record of 10,000 long keys (it once made each of one learner’s reports 18 MB)', () => {
  const ID = 'course1/week3/planar-classification';
  const wide = [
    '  const r: Record<string, number> = {};',
    "  for (let i = 0; i < 10000; i++) r[String(i).padStart(6, '0') + '<b>'.padEnd(193, 'x')] = 0;",
    '  return r as any;',
  ].join('\n');

  it('is described by a few of its keys, and the reports stay small', async () => {
    const r = await gradeWith(ID, { layerSizes: wide, forwardPropagation: wide, computeCost: wide }, ['layerSizes', 'forwardPropagation', 'computeCost']);
    expect(r.score).toBe(0);
    const report = gradeReport(ID, 1, 'test', [r]);
    for (const format of ['md', 'html', 'json'] as const) expect(renderReport(report, format).length).toBeLessThan(100_000);
    expect(JSON.stringify(r)).toMatch(/and 99\d\d more/);
  }, 120_000);

  it('describeValue names at most 12 keys, each cut to 40 characters', () => {
    const record = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`${i}`.padEnd(199, 'k'), 0]));
    const d = describeValue(record);
    expect(d).toMatch(/^an object with keys 0k+…, 1k+…, .* and 88 more$/);
    expect(d.length).toBeLessThan(12 * 45 + 60);
  });
});

describe('the report model bounds each check’s text', () => {
  const base: CheckResult = { kind: 'reference', name: 'seeded cases', status: 'failed', score: 0, maxScore: 1, message: 'short', hidden: false };

  it('cuts a long message, hint, shown value and output, saying how much was cut', () => {
    const long = 'x'.repeat(1_000_000);
    const [c] = exerciseResult('f', [], [{ ...base, message: long, hint: long, expected: long, actual: long, counterexample: long, output: long }]).checks;
    expect(c!.message).toBe(`${'x'.repeat(TEXT_LIMITS.message)}… (${1_000_000 - TEXT_LIMITS.message} more characters cut)`);
    expect(c!.hint!.length).toBeLessThan(TEXT_LIMITS.hint + 50);
    for (const f of ['expected', 'actual', 'counterexample', 'output'] as const) expect(c![f]).toMatch(new RegExp(`^x{${TEXT_LIMITS.shown}}… \\(${1_000_000 - TEXT_LIMITS.shown} more characters cut\\)$`));
  });

  it('leaves text within the limits as it is', () => {
    const honest = { ...base, message: 'm'.repeat(TEXT_LIMITS.message), output: 'printed\n' };
    expect(exerciseResult('f', [], [honest]).checks[0]).toBe(honest);
    expect(cutText('😀😀', 3)).toBe('😀… (2 more characters cut)');
  });
});
