/**
 * Every shipped assignment passes `npm run validate`: its grader gives the
 * reference solution full marks (identically twice), scores the untouched stub
 * 0 as "not attempted", and catches every mutant with its hint. The course
 * content also ships at least six mutants per assignment.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadMutants } from '../graders/engine/mutants';
import { repoRoot } from '../graders/engine/paths';
import { validateAssignment } from '../graders/instructor/validate';
import { allAssignmentIds, newSandbox } from './support/grading';

const sandbox = newSandbox();
afterAll(() => sandbox.close());

describe.each(allAssignmentIds())('%s', (id) => {
  it('validates: solution full marks, stub 0, every mutant caught with its hint, fixtures current', async () => {
    const v = await validateAssignment(repoRoot, id, sandbox);
    expect(v.problems).toEqual([]);
    expect(v.mutantsCaught).toBe(v.mutants);
  });

  it('ships at least six realistic mutants', async () => {
    expect((await loadMutants(repoRoot, id)).length).toBeGreaterThanOrEqual(6);
  });
});
