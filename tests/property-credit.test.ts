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
    // Everything else as it was: the failed property, the reference cases, the gradient check.
    expect([out[0], out[1], out[3], out[4]]).toEqual([checks[0], checks[1], checks[3], checks[4]]);
  });

  it('keeps them once one case passes, for hidden checks, and where a function has no reference case', () => {
    const onePasses = [check('reference', 'failed', 0.5, 2), check('property', 'passed', 1, 1)];
    expect(propertiesAfterCases('f', onePasses)).toEqual(onePasses);
    const hiddenCheck = [check('reference', 'failed', 0, 2), check('property', 'passed', 1, 1, true)];
    expect(propertiesAfterCases('f', hiddenCheck)).toEqual(hiddenCheck);
    const propertiesOnly = [check('property', 'passed', 1, 1), check('property', 'passed', 2, 2)];
    expect(propertiesAfterCases('f', propertiesOnly)).toEqual(propertiesOnly);
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

async function grade(source: string, only: string[]): Promise<AssignmentResult> {
  const file = path.join(dir, 'exercises', `${ID}.ts`);
  writeFileSync(file, source);
  const def = await loadGrader(repoRoot, ID);
  return gradeAssignment(def, { root: repoRoot, seed: 1, sandbox, only, hidden: false, learnerFile: file, learnerRoot: path.join(dir, 'exercises') });
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
});
