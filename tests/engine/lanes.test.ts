/**
 * How many assignments `runGrading` grades side by side (engine/run.ts): two
 * on a machine with a core to spare, where there are two or more to grade;
 * one wherever a second learner process must not run beside the first.
 * tests/speed-identical.test.ts holds the reports to being the same either way.
 */
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { laneCount } from '../../graders/engine/run';
import { fillsTheMachine, sandboxTuning } from '../../graders/engine/to-run';
import { Sandbox } from '../../graders/engine/sandbox/client';
import { repoRoot } from '../../graders/engine/paths';

const cores = os.availableParallelism();

describe('lanes', () => {
  afterEach(() => {
    delete process.env.DEEPGRADE_NO_LANES;
  });

  it('two for two or more assignments with learner code, given two cores', () => {
    expect(laneCount(2, {})).toBe(cores >= 2 ? 2 : 1);
    expect(laneCount(17, { isolation: 'auto' })).toBe(cores >= 2 ? 2 : 1);
    expect(laneCount(1, {})).toBe(1);
    expect(laneCount(0, {})).toBe(1);
  });

  it('one for official grading, a sandbox handed in, or DEEPGRADE_NO_LANES', async () => {
    // Gradescope and pull requests: one learner process at its memory limit in the container, not two.
    expect(laneCount(5, { isolation: 'require' })).toBe(1);
    const sandbox = new Sandbox({ root: repoRoot });
    expect(laneCount(5, { sandbox })).toBe(1);
    await sandbox.close(); // never started: only its folder to remove
    process.env.DEEPGRADE_NO_LANES = '1';
    expect(laneCount(5, {})).toBe(1);
  });

  it('runs sandboxes without V8 helper threads only when they and the grading process fill every core', () => {
    expect(fillsTheMachine(1)).toBe(false);
    expect(fillsTheMachine(cores)).toBe(cores > 1);
    expect(fillsTheMachine(2)).toBe(cores >= 2 && cores <= 3);
    expect(sandboxTuning(1).lean).toBe(false);
    expect(sandboxTuning(17, 1).lean).toBe(false);
    expect(sandboxTuning(17, 2)).toEqual({ youngGenerationMb: 8, lean: cores <= 3 });
  });
});
