import os from 'node:os';
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { prestart } from '../../graders/grade-prestart';
import { runGrading } from '../../graders/engine/run';
import { dropPrestartedSandbox, takePrestartedSandbox, waitingSandbox } from '../../graders/engine/sandbox/prestart';
import { sandboxTuning } from '../../graders/engine/to-run';
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

  it('tunes a child grading several assignments apart from one grading one, and runGrading takes only a matching one', async () => {
    const flagsOf = (dir: string) => {
      const pid = processesWith(dir).find((p) => /--max-semi-space-size=/.test(readFileSync(`/proc/${p}/cmdline`, 'utf8')));
      const args = pid === undefined ? [] : readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return { youngGenerationMb: Number(args.find((a) => a.startsWith('--max-semi-space-size='))?.split('=')[1]), lean: args.includes('--single-threaded') && args.includes('--no-turbo-inlining') };
    };
    prestart(edited, ['week3']);
    expect(takePrestartedSandbox(edited, sandboxTuning(2))).toBeUndefined();
    const one = takePrestartedSandbox(edited, sandboxTuning(1))!;
    await one.warmUp();
    expect(flagsOf(one.dir)).toEqual(sandboxTuning(1));
    expect(sandboxTuning(1).lean).toBe(false);
    expect(sandboxTuning(1).youngGenerationMb).toBeLessThan(sandboxTuning(2).youngGenerationMb);
    // Two lanes and the grading process fill a machine of up to 3 cores: their children run without V8's helper threads.
    expect(sandboxTuning(2).lean).toBe(os.availableParallelism() <= 3 && os.availableParallelism() >= 2);
    await one.close();
    // course1 holds two edited assignments (logistic regression and week 3).
    prestart(edited, ['course1']);
    const several = waitingSandbox(edited)!;
    await several.warmUp();
    expect(flagsOf(several.dir)).toEqual(sandboxTuning(2));
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
