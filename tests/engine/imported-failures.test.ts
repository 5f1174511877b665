/**
 * A check that fails in a file importing another assignment's functions names
 * those of them that are not passing (the deep-network application and its
 * step-by-step assignment).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { noteImportedFailures, relativeImports } from '../../graders/engine/imported-failures';
import { assignmentResult, exerciseResult, type CheckResult, type CheckStatus } from '../../graders/engine/report/model';

const dir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-imports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const check = (status: CheckStatus): CheckResult => ({ kind: 'reference', name: 'seeded cases', status, score: status === 'passed' ? 1 : 0, maxScore: 1, message: 'the message.', hidden: false });
const exercise = (name: string, status: CheckStatus) => exerciseResult(name, [], [check(status)]);

const APPLICATION = `import * as tf from '@tensorflow/tfjs';
import {
  computeCost,
  initializeParametersDeep as init,
  type Parameters,
} from './step-by-step';
import type { Other } from './step-by-step';
import { helper } from '../../../lib/helper';
`;

describe('notes on failures that come from another assignment', () => {
  it('reads the named imports of relative paths, their exported names, not types', () => {
    expect(relativeImports(APPLICATION)).toEqual([
      { from: './step-by-step', names: ['computeCost', 'initializeParametersDeep'] },
      { from: '../../../lib/helper', names: ['helper'] },
    ]);
  });

  const appFile = path.join('exercises', 'c1', 'w4', 'application.ts');
  writeFileSync(path.join(dir, 'application.ts'), APPLICATION);
  const fileOf = () => path.join(dir, 'application.ts');
  const stepByStep = (cost: CheckStatus, init: CheckStatus, other: CheckStatus) =>
    assignmentResult('c1/w4/step-by-step', 'Step by step', path.join('exercises', 'c1', 'w4', 'step-by-step.ts'), [exercise('computeCost', cost), exercise('initializeParametersDeep', init), exercise('linearForward', other)]);
  const application = (status: CheckStatus) => assignmentResult('c1/w4/application', 'Application', appFile, [exercise('twoLayerModel', status)]);

  it('names the imported functions that are not passing, on the failing checks only', () => {
    const noted = noteImportedFailures(application('failed'), [stepByStep('failed', 'passed', 'failed')], fileOf);
    expect(noted.exercises[0]!.checks[0]!.message).toBe('Fix `computeCost` in step-by-step.ts first: this file imports it, and it is not passing yet. the message.');
    const two = noteImportedFailures(application('error'), [stepByStep('failed', 'timeout', 'passed')], fileOf);
    expect(two.exercises[0]!.checks[0]!.message).toMatch(/^Fix `computeCost` and `initializeParametersDeep` in step-by-step\.ts first: this file imports them, and they are not passing yet\./);
  });

  it('says nothing when the check passed, the imports pass, a function not imported fails, or the other assignment was not graded', () => {
    expect(noteImportedFailures(application('passed'), [stepByStep('failed', 'failed', 'failed')], fileOf).exercises[0]!.checks[0]!.message).toBe('the message.');
    expect(noteImportedFailures(application('failed'), [stepByStep('passed', 'passed', 'failed')], fileOf).exercises[0]!.checks[0]!.message).toBe('the message.');
    expect(noteImportedFailures(application('failed'), [], fileOf).exercises[0]!.checks[0]!.message).toBe('the message.');
    expect(noteImportedFailures(application('failed'), [stepByStep('failed', 'failed', 'failed')], () => path.join(dir, 'missing.ts')).exercises[0]!.checks[0]!.message).toBe('the message.');
  });
});
