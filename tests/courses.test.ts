/**
 * Every shipped assignment passes `npm run validate`: its grader gives the
 * reference solution full marks (identically twice), scores the untouched stub
 * 0 as "not attempted", and catches every mutant with its hint. The course
 * content also ships at least six mutants and three correct alternatives per
 * assignment (graded here under one seed; `npm run validate` uses ten); a quiz's wrong answers
 * (made by validate from its answer book) each lose points.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMutants } from '../graders/engine/mutants';
import { loadAlternatives } from '../graders/engine/alternatives';
import { validateAssignment } from '../graders/instructor/validate';
import { allAssignmentIds, newSandbox } from './support/grading';
import { committed } from './support/repo-copy';
import { repoRoot } from '../graders/engine/paths';
import { isQuiz } from '../graders/engine/quiz/load';

const sandbox = newSandbox();
const root = repoRoot;
// The stubs as committed: someone finishing an exercise in this checkout does not turn this red.
const stubs = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-stubs-'));
const stubOf = (id: string) => {
  const ext = isQuiz(root, id) ? 'answers' : 'ts';
  const file = path.join(stubs, 'exercises', `${id}.${ext}`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, committed(`exercises/${id}.${ext}`));
  return file;
};
afterAll(async () => {
  await sandbox.close();
  rmSync(stubs, { recursive: true, force: true });
});

describe.each(allAssignmentIds())('%s', (id) => {
  it('validates: solution full marks, stub 0, every mutant caught with its hint, every correct alternative full marks, fixtures current', async () => {
    const v = await validateAssignment(root, id, sandbox, stubOf(id));
    expect(v.problems).toEqual([]);
    expect(v.mutantsCaught).toBe(v.mutants);
    expect(v.alternativesPassed ?? 0).toBe(v.alternatives ?? 0);
  });

  it(isQuiz(root, id) ? 'is a quiz: every question has wrong answers, and each loses points' : 'ships at least six realistic mutants', async () => {
    if (isQuiz(root, id)) {
      const v = await validateAssignment(root, id, sandbox, stubOf(id));
      expect(v.mutants).toBeGreaterThanOrEqual(v.checks);
      expect(v.mutantsCaught).toBe(v.mutants);
    } else expect((await loadMutants(root, id)).length).toBeGreaterThanOrEqual(6);
  });

  if (!isQuiz(root, id)) {
    it('keeps at least three correct alternatives (validate gives each full marks)', async () => {
      expect((await loadAlternatives(root, id)).length).toBeGreaterThanOrEqual(3);
    });
  }
});
