/**
 * A grade is a pure function of the learner's files, even when their code draws random numbers without a seed of
 * its own (a Dropout layer, tf.randomUniform, Math.random): each call's Math.random runs from a seed made of the
 * check's seed, the function and its arguments (engine/call-seed.ts).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callSeed } from '../../graders/engine/call-seed';
import { gradeAssignment } from '../../graders/engine/grade';
import { nd } from '../../graders/engine/ndarray';
import { loadGrader } from '../../graders/engine/registry';
import { Sandbox } from '../../graders/engine/sandbox/client';
import { copyRepo } from '../support/repo-copy';

const ID = 'course1/week3/planar-classification';
let repo: string;
let sandbox: Sandbox;

beforeAll(() => {
  repo = copyRepo();
  sandbox = new Sandbox({ root: repo, timeoutMs: 5000 });
});
afterAll(async () => {
  await sandbox.close();
  rmSync(repo, { recursive: true, force: true });
});

describe("a call's random numbers", () => {
  it('come from the check, the function and the arguments, and from nothing else', () => {
    const a = nd([0.5, 0.25, 0.75], [1, 3]);
    expect(callSeed(7, 'f', [a])).toBe(callSeed(7, 'f', [nd([0.5, 0.25, 0.75], [1, 3])]));
    expect(new Set([callSeed(7, 'f', [a]), callSeed(8, 'f', [a]), callSeed(7, 'g', [a]), callSeed(7, 'f', [nd([0.5, 0.25, 0.5], [1, 3])]), callSeed(7, 'f', [{ W: a }])]).size).toBe(5);
  });

  it('give the same score every run to code that draws without a seed', async () => {
    const solution = readFileSync(path.join(repo, 'solutions', `${ID}.ts`), 'utf8');
    // Right about half the time, on a coin of its own: graded twice, it must score the same both times.
    const coin = solution.replace(/export function computeCost\([^)]*\): number \{\n/, (head) => `${head}  if (Math.random() < 0.5) return -1;\n`);
    expect(coin).not.toBe(solution);
    writeFileSync(path.join(repo, 'exercises', `${ID}.ts`), coin);
    const def = await loadGrader(repo, ID);
    const grade = async () => JSON.stringify((await gradeAssignment(def, { root: repo, seed: 5, sandbox, only: ['computeCost'], hidden: true })).exercises);
    const first = await grade();
    expect(await grade()).toBe(first);
    expect(await grade()).toBe(first);
  }, 60_000);
});
