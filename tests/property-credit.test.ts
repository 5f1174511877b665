/**
 * A function's properties count once it matches the reference on one of its cases (engine/credit.ts): code that
 * computes nothing (a constant, its input handed back) passes many properties that compare a function's output
 * with another of its own, and once earned those points with no correct computation at all.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { propertiesAfterCases } from '../graders/engine/credit';
import { gradeAssignment } from '../graders/engine/grade';
import { repoRoot } from '../graders/engine/paths';
import { loadGrader } from '../graders/engine/registry';
import type { AssignmentResult, CheckResult } from '../graders/engine/report/model';
import { Sandbox } from '../graders/engine/sandbox/client';

const check = (kind: CheckResult['kind'], status: CheckResult['status'], score: number, maxScore: number, hidden = false): CheckResult => ({
  kind,
  name: `${kind} ${status} ${score}`,
  status,
  score,
  maxScore,
  message: 'as it was',
  hidden,
});

describe('properties after cases', () => {
  it('withholds passed properties while every reference case fails, and says why', () => {
    const checks = [check('reference', 'failed', 0, 2), check('reference', 'failed', 0, 1, true), check('property', 'passed', 1, 1), check('property', 'failed', 0, 1), check('gradient', 'passed', 2, 2)];
    const out = propertiesAfterCases('computeCost', checks);
    expect(out[2]).toMatchObject({ status: 'failed', score: 0, maxScore: 1 });
    expect(out[2]!.message).toMatch(/holds, but it counts only once computeCost matches the reference on at least one case/);
    expect(out[4]).toMatchObject({ status: 'failed', score: 0, maxScore: 2 });
    // Everything else as it was: the failed property, the reference cases.
    expect([out[0], out[1], out[3]]).toEqual([checks[0], checks[1], checks[3]]);
  });

  it('keeps them once a case passes (one with hidden cases, where there are some) and where a function has no reference case; holds hidden ones to it too', () => {
    const onePasses = [check('reference', 'failed', 0.5, 2), check('property', 'passed', 1, 1)];
    expect(propertiesAfterCases('f', onePasses)).toEqual(onePasses);
    // Hidden properties too: their inputs are secret, but one comparing the function with itself holds for a constant.
    const hiddenCheck = propertiesAfterCases('f', [check('reference', 'failed', 0, 2), check('property', 'passed', 1, 1, true)]);
    expect(hiddenCheck[1]).toMatchObject({ status: 'failed', score: 0, hidden: true });
    // With hidden cases, only checks that had some open the gate: a check of fixed edge cases (public only) passed by
    // a trivial answer does not.
    const edges = { ...check('reference', 'passed', 1.5, 1.5), name: 'edge cases' };
    const seeded = { ...check('reference', 'failed', 0, 2), hiddenCases: 3 };
    const trivial = propertiesAfterCases('iou', [edges, seeded, check('property', 'passed', 2, 2)]);
    expect(trivial.map((c) => c.score)).toEqual([1.5, 0, 0]);
    expect(trivial[2]!.message).toMatch(/counts only once iou matches the reference on a case of a check with hidden cases/);
    const computed = [edges, { ...seeded, status: 'passed' as const, score: 2 }, check('property', 'passed', 2, 2)];
    expect(propertiesAfterCases('iou', computed)).toEqual(computed);
    const propertiesOnly = [check('property', 'passed', 1, 1), check('property', 'passed', 2, 2)];
    expect(propertiesAfterCases('f', propertiesOnly)).toEqual(propertiesOnly);
    // Gradient checks run at a published point: withheld alike; a hidden one is not.
    const gradient = propertiesAfterCases('backwardPropagation', [check('reference', 'failed', 0, 2), check('gradient', 'passed', 3, 3)]);
    expect(gradient.map((c) => [c.status, c.score])).toEqual([['failed', 0], ['failed', 0]]);
    expect(gradient[1]!.message).toMatch(/^The gradient check passes, but it counts only once backwardPropagation matches/);
    // Reference checks skipped (one problem with the whole file, said once) do not count as failing cases.
    const skipped = [check('reference', 'skipped', 0, 2), check('property', 'passed', 1, 1)];
    expect(propertiesAfterCases('f', skipped)).toEqual(skipped);
  });
});

const ID = 'course1/week3/planar-classification';
const solution = readFileSync(path.join(repoRoot, 'solutions', `${ID}.ts`), 'utf8');
let dir: string;
let sandbox: Sandbox;

/** The reference solution with one function's body replaced by `body`. */
function withBody(fn: string, body: string): string {
  const start = solution.indexOf(`export function ${fn}(`);
  const next = solution.indexOf('\nexport function ', start + 1);
  const end = solution.lastIndexOf('\n}', next === -1 ? solution.length : next);
  const open = solution.indexOf(' {\n', start) + ' {\n'.length;
  expect(start).toBeGreaterThan(-1);
  return `${solution.slice(0, open)}${body}${solution.slice(end)}`;
}

async function grade(source: string, only: string[], hidden = false): Promise<AssignmentResult> {
  const file = path.join(dir, 'exercises', `${ID}.ts`);
  writeFileSync(file, source);
  const def = await loadGrader(repoRoot, ID);
  return gradeAssignment(def, { root: repoRoot, seed: 1, sandbox, only, hidden, learnerFile: file, learnerRoot: path.join(dir, 'exercises') });
}

/** How many published cases computeCost has (as many hidden ones are made from the same builder). */
const tableSize = () =>
  (JSON.parse(readFileSync(path.join(repoRoot, 'graders', `${ID}.fixtures.json`), 'utf8')) as { checks: Record<string, { cases: unknown[] }> }).checks['computeCost/seeded cases']!.cases.length;

/** computeCost answering the published cases from a table (their m and the sum of A2), ln 2 for anything else. */
function tableOfPublishedCosts(): string {
  const fixtures = JSON.parse(readFileSync(path.join(repoRoot, 'graders', `${ID}.fixtures.json`), 'utf8')) as {
    checks: Record<string, { cases: { args: { shape: number[]; data: number[] }[]; expected: number }[] }>;
  };
  const cases = fixtures.checks['computeCost/seeded cases']!.cases;
  expect(cases.length).toBeGreaterThan(0);
  const rows = cases.map((c) => `[${JSON.stringify(`${c.args[0]!.shape[1]}:${c.args[0]!.data.reduce((a, b) => a + b, 0).toFixed(3)}`)}, ${c.expected}]`);
  return solution.replace(
    /(export function computeCost\(.*\{\n)/,
    `$1  const table = new Map<string, number>([${rows.join(', ')}]);\n  const key = \`\${A2.shape[1]}:\${Array.from(A2.dataSync()).reduce((a, b) => a + b, 0).toFixed(3)}\`;\n  return table.get(key) ?? Math.LN2;\n`,
  );
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-credit-'));
  mkdirSync(path.dirname(path.join(dir, 'exercises', `${ID}.ts`)), { recursive: true });
  sandbox = new Sandbox({ root: repoRoot, timeoutMs: 5000 });
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('code that computes nothing, graded', () => {
  it('earns nothing from properties that a constant or its input handed back satisfies; the solution keeps them', async () => {
    const attacker = withBody('updateParameters', '  return parameters;').replace(/(export function computeCost\(.*\{\n)/, '$1  return Math.LN2;\n');
    const [wrong, right] = [await grade(attacker, ['computeCost', 'updateParameters']), await grade(solution, ['computeCost', 'updateParameters'])];
    for (const fn of ['computeCost', 'updateParameters']) {
      const [w, r] = [wrong, right].map((a) => a.exercises.find((e) => e.name === fn)!);
      expect(w!.score, fn).toBe(0);
      expect(r!.score, fn).toBe(r!.maxScore);
      // The properties held, and the report says that they did and why they earn nothing.
      const withheld = w!.checks.filter((c) => c.kind === 'property');
      expect(withheld.length, fn).toBeGreaterThan(0);
      for (const c of withheld) expect(c.message, `${fn} / ${c.name}`).toMatch(/This property holds, but it counts only once/);
    }
  }, 120_000);

  it('with hidden cases, earns nothing from a table of the published answers: the hidden share counts', async () => {
    const source = tableOfPublishedCosts();
    const [feedback, official] = [await grade(source, ['computeCost']), await grade(source, ['computeCost'], true)];
    const cases = (r: AssignmentResult) => r.exercises[0]!.checks.find((c) => c.kind === 'reference')!;
    // The learner edition's feedback: the published cases pass (that is what they are for).
    expect(cases(feedback).status).toBe('passed');
    // Official grading: every public case passes, no hidden one does, and the check earns nothing.
    const n = tableSize();
    expect(cases(official).message).toContain(`${n} of ${2 * n} cases pass (${n} of them hidden). The score counts the hidden cases' share (0 of ${n})`);
    expect(cases(official).score).toBe(0);
    expect(official.exercises[0]!.score).toBe(0);
    expect(official.exercises[0]!.checks.filter((c) => c.kind === 'property').every((c) => /This property holds, but it counts only once/.test(c.message))).toBe(true);
    // The solution, graded the same way, keeps full marks.
    const right = await grade(solution, ['computeCost'], true);
    expect(right.exercises[0]!.score).toBe(right.exercises[0]!.maxScore);
  }, 120_000);

  it("with hidden cases, earns nothing from a gradient check answered from the published reference costs", async () => {
    // The stub with a forward pass of zeros and a backward pass returning the central differences of the costs the
    // public fixtures hold at the check's probe points (round 8: 3 points in official grading, computing nothing).
    const fixtures = JSON.parse(readFileSync(path.join(repoRoot, 'graders', `${ID}.fixtures.json`), 'utf8')) as { gradientCosts?: Record<string, number[]> };
    const c = fixtures.gradientCosts?.['backwardPropagation/gradient check'];
    expect(c?.length).toBe(43);
    const g = Array.from({ length: (c!.length - 1) / 2 }, (_, i) => (c![1 + 2 * i]! - c![2 + 2 * i]!) / (2 * 1e-2));
    const stub = readFileSync(path.join(repoRoot, 'exercises', `${ID}.ts`), 'utf8');
    const forward = "export function forwardPropagation(X: tf.Tensor2D, parameters: Parameters): [tf.Tensor2D, Cache] {\n  return notImplemented('forwardPropagation');";
    const backward = "export function backwardPropagation(parameters: Parameters, cache: Cache, X: tf.Tensor2D, Y: tf.Tensor2D): Gradients {\n  return notImplemented('backwardPropagation');";
    expect(stub).toContain(forward);
    expect(stub).toContain(backward);
    const attacker = stub
      .replace(
        forward,
        `${forward.split('\n')[0]}\n  const h = tf.zeros([parameters.W1.shape[0], X.shape[1]]) as tf.Tensor2D, o = tf.zeros([1, X.shape[1]]) as tf.Tensor2D;\n  return [o, { Z1: h, A1: h, Z2: o, A2: o }];`,
      )
      .replace(
        backward,
        `const G = ${JSON.stringify(g)};\n${backward.split('\n')[0]}\n  const t = (a: number[], s: [number, number]) => tf.tensor2d(a, s);\n  return { dW1: t(G.slice(0, 12), [4, 3]), db1: t(G.slice(12, 16), [4, 1]), dW2: t(G.slice(16, 20), [1, 4]), db2: t(G.slice(20, 21), [1, 1]) };`,
      );
    const official = await grade(attacker, ['backwardPropagation'], true);
    const check = official.exercises.find((e) => e.name === 'backwardPropagation')!.checks.find((k) => k.kind === 'gradient')!;
    expect(check.message).toMatch(/The gradient check passes, but it counts only once backwardPropagation matches/);
    expect(official.exercises.find((e) => e.name === 'backwardPropagation')!.score).toBe(0);
  }, 120_000);
});
