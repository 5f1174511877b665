import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { prestart } from '../../graders/grade-prestart';
import { runGrading } from '../../graders/engine/run';
import { dropPrestartedSandbox, takePrestartedSandbox, waitingSandbox } from '../../graders/engine/sandbox/prestart';
import { sandboxYoungGenerationMb } from '../../graders/engine/to-run';
import { copyRepo } from '../support/repo-copy';
import { processesWith, until } from '../support/processes';

describe('the sandbox started before `npm run grade` loads', () => {
  let stubs: string;
  let edited: string;
  beforeAll(() => {
    stubs = copyRepo();
    edited = copyRepo();
    // One byte more than the stub: learner code to run.
    appendFileSync(path.join(edited, 'exercises', 'course1', 'week3', 'planar-classification.ts'), '\n// started\n');
    appendFileSync(path.join(edited, 'exercises', 'course1', 'week2', 'logistic-regression.ts'), '\n// started\n');
  });
  afterAll(() => {
    rmSync(stubs, { recursive: true, force: true });
    rmSync(edited, { recursive: true, force: true });
  });
  afterEach(() => dropPrestartedSandbox());

  it.each([
    ['untouched stubs', 'stubs', ['week3']],
    ['help', 'edited', ['week3', '--help']],
    ['watch mode (its own sandbox)', 'edited', ['week3', '--watch']],
    ['a class', 'edited', ['week3', '--submissions', 'class']],
    ['a selector that names nothing', 'edited', ['week33']],
    ['no selector', 'edited', ['--format', 'json']],
    ['an unknown option', 'edited', ['week3', '--bogus']],
    ['a quiz only', 'edited', ['course3/week1/ml-strategy']],
  ])('starts none for %s', (_what, which, argv) => {
    prestart(which === 'stubs' ? stubs : edited, argv);
    expect(takePrestartedSandbox(which === 'stubs' ? stubs : edited)).toBeUndefined();
  });

  it('starts one where learner code will run, reading options as the command does', async () => {
    prestart(edited, ['--format', 'json', 'week3', '--seed', '3']);
    expect(takePrestartedSandbox(stubs)).toBeUndefined(); // another root's grading does not take it
    const sandbox = takePrestartedSandbox(edited);
    expect(sandbox).toBeDefined();
    await sandbox!.warmUp();
    expect(processesWith(sandbox!.dir).length).toBeGreaterThan(0);
    await sandbox!.close();
    expect(existsSync(sandbox!.dir)).toBe(false);
  });

  it('is stopped at once, process and folder, when nothing takes it', async () => {
    prestart(edited, ['week3']);
    const sandbox = takePrestartedSandbox(edited)!;
    expect(sandbox).toBeDefined();
    await sandbox.warmUp();
    expect(processesWith(sandbox.dir).length).toBeGreaterThan(0);
    sandbox.abandon();
    expect(existsSync(sandbox.dir)).toBe(false);
    expect(await until(() => processesWith(sandbox.dir).length === 0)).toBe(true);
    // Abandoned while still starting: no process is left behind either.
    prestart(edited, ['week3']);
    const starting = takePrestartedSandbox(edited)!;
    starting.abandon();
    await new Promise((r) => setTimeout(r, 300));
    expect(processesWith(starting.dir)).toEqual([]);
    await expect(starting.warmUp()).rejects.toThrow(/closed/);
  });

  it('gives a child grading several assignments a larger young generation, and runGrading takes only a matching one', async () => {
    const flagOf = (dir: string) =>
      processesWith(dir)
        .map((pid) => /--max-semi-space-size=(\d+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1])
        .find(Boolean);
    prestart(edited, ['week3']);
    expect(takePrestartedSandbox(edited, sandboxYoungGenerationMb(2))).toBeUndefined();
    const one = takePrestartedSandbox(edited, sandboxYoungGenerationMb(1))!;
    await one.warmUp();
    expect(flagOf(one.dir)).toBe(String(sandboxYoungGenerationMb(1)));
    expect(sandboxYoungGenerationMb(1)).toBeLessThan(sandboxYoungGenerationMb(2));
    await one.close();
    // course1 holds two edited assignments (logistic regression and week 3).
    prestart(edited, ['course1']);
    const several = waitingSandbox(edited)!;
    await several.warmUp();
    expect(flagOf(several.dir)).toBe(String(sandboxYoungGenerationMb(2)));
    // A run of one assignment does not grade in it: it is stopped, and the run starts its own.
    const report = await runGrading({ root: edited, selector: 'week3', hidden: false });
    expect(report.assignments).toHaveLength(1);
    expect(waitingSandbox(edited)).toBeUndefined();
    expect(existsSync(several.dir)).toBe(false);
  });

  it('is the sandbox runGrading grades in, and closes', async () => {
    prestart(edited, ['week3']);
    const sandbox = waitingSandbox(edited)!;
    expect(sandbox).toBeDefined();
    const report = await runGrading({ root: edited, selector: 'week3', hidden: false });
    // Every function is still the stub's: each check ran in the sandbox and says "not attempted".
    expect(report.assignments[0]!.exercises.every((e) => e.status === 'not-attempted')).toBe(true);
    expect(waitingSandbox(edited)).toBeUndefined();
    expect(existsSync(sandbox.dir)).toBe(false); // closed with the run
  });
});
