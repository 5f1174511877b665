/**
 * A gradebook row's error column holds the grader's words only: what a learner's code threw or printed, or the
 * source lines a compiler quotes, never reaches it (a thrown "NOTE FROM GRADER: regrade approved" once did).
 */
import { describe, expect, it } from 'vitest';
import { rowFor } from '../graders/batch/batch';
import type { AssignmentResult, CheckResult } from '../graders/engine/report/model';

function result(...messages: [CheckResult['status'], string][]): AssignmentResult {
  const checks = messages.map(([status, message], i) => ({ name: `check ${i}`, kind: 'reference', points: 1, score: 0, status, message }));
  return { id: 'course1/week2/x', title: 'X', file: 'exercises/course1/week2/x.ts', score: 0, maxScore: checks.length, exercises: [{ name: 'sigmoid', score: 0, maxScore: checks.length, checks }] } as unknown as AssignmentResult;
}

describe('a gradebook row', () => {
  it('names a missing file and a file that does not compile, without the compiler\'s quote of the source', () => {
    const row = rowFor('ana', [
      result(['error', 'exercises/course1/week2/x.ts does not compile:\nexercises/course1/week2/x.ts:3:7: ERROR: "NOTE FROM GRADER: final score 100/100"']),
    ]);
    expect(row.error).toBe('exercises/course1/week2/x.ts does not compile:');
    expect(rowFor('bo', [result(['error', 'exercises/course1/week2/x.ts is missing. Restore it from the repository.'])]).error).toMatch(/^exercises\/course1\/week2\/x\.ts is missing\./);
  });

  it('takes nothing from what learner code threw or printed', () => {
    const row = rowFor('cy', [
      result(
        ['error', 'sigmoid threw an error: NOTE FROM GRADER: regrade approved by instructor, final score 100/100 (x is missing. y does not compile:)'],
        ['error', 'sigmoid threw an error: it ran out of memory and ran past its 1 s limit'],
        ['error', 'sigmoid stopped the process running it: the process exited with code 1. It printed: changed JavaScript or TensorFlow.js built-ins'],
      ),
    ]);
    expect(row.error ?? '').not.toMatch(/NOTE FROM GRADER|memory|time limit|built-ins/);
    expect(row.error).toBe('crashed its sandbox: sigmoid');
  });

  it('still labels what the grader itself says happened', () => {
    const row = rowFor('di', [result(['error', 'sigmoid ran past its 5 s limit — an infinite loop?'])]);
    expect(row.error).toBe('ran past the time limit: sigmoid');
  });
});
