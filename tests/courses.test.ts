/**
 * Every assignment's grader accepts its reference solution, scores the
 * untouched stub 0 as "not attempted", and catches every mutant with its hint.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { assignmentFiles } from '../graders/engine/registry';
import { loadMutants } from '../graders/engine/mutants';
import { repoRoot } from '../graders/engine/paths';
import { allAssignmentIds, gradeFile, newSandbox } from './support/grading';

const sandbox = newSandbox();
afterAll(() => sandbox.close());

const failures = (r: Awaited<ReturnType<typeof gradeFile>>) =>
  r.exercises.flatMap((e) => e.checks.filter((c) => c.status !== 'passed' && c.status !== 'skipped').map((c) => `${e.name} / ${c.name}: ${c.message}`));

describe.each(allAssignmentIds())('%s', async (id) => {
  const files = assignmentFiles(repoRoot, id);
  const mutants = await loadMutants(repoRoot, id);

  it('gives the reference solution full marks', async () => {
    const r = await gradeFile(sandbox, id, files.solution);
    expect(failures(r)).toEqual([]);
    expect(r.score).toBe(r.maxScore);
    expect(r.maxScore).toBeGreaterThan(0);
  });

  it('scores the untouched stub 0, every exercise "not attempted"', async () => {
    const r = await gradeFile(sandbox, id, files.exercise);
    expect(r.score).toBe(0);
    for (const e of r.exercises) expect.soft(e.status, e.name).toBe('not-attempted');
  });

  it('ships at least six mutants', () => {
    expect(mutants.length).toBeGreaterThanOrEqual(6);
  });

  it.each(mutants.map((m) => [m.name, m] as const))('catches the mutant %s and names the mistake', async (_name, m) => {
    const r = await gradeFile(sandbox, id, m.file, { only: [m.fn] });
    const target = r.exercises.find((e) => e.name === m.fn);
    expect(target, `the grader has no exercise ${m.fn}`).toBeDefined();
    expect(target!.score).toBeLessThan(target!.maxScore);
    const hints = target!.checks.map((c) => c.hint).filter(Boolean);
    expect(hints).toContain(m.hint);
  });
});
