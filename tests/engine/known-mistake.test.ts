/**
 * A known mistake's hint is shown only when the learner behaves exactly like
 * that mistake on every case, and no other known mistake fits as well.
 */
import { describe, expect, it } from 'vitest';
import { knownMistake } from '../../graders/engine/checks/reference';
import type { FixtureCase } from '../../graders/engine/fixtures';
import { nd } from '../../graders/engine/ndarray';
import type { Value } from '../../graders/engine/values';

const kase = (expected: Value, mistakes: [string, Value][] = []): FixtureCase => ({
  name: 'c',
  args: [],
  expected,
  ...(mistakes.length ? { mistakes: mistakes.map(([hint, output]) => ({ hint, output })) } : {}),
});

describe('knownMistake', () => {
  const c1 = kase(nd([1, 2], [2]), [['A', nd([2, 4], [2])], ['B', nd([1, 3], [2])]]);
  const c2 = kase(nd([3, 4], [2]), [['A', nd([6, 8], [2])]]);

  it('names the mistake the learner matches on every failing case', () => {
    expect(knownMistake([{ c: c1, passed: false, actual: nd([2, 4], [2]), finite: true }, { c: c2, passed: false, actual: nd([6, 8], [2]), finite: true }])).toBe('A');
  });

  it('names nothing when a failing case does not match it, or a passing case is one the mistake fails', () => {
    expect(knownMistake([{ c: c1, passed: false, actual: nd([2, 4], [2]), finite: true }, { c: c2, passed: false, actual: nd([7, 8], [2]), finite: true }])).toBeUndefined();
    expect(knownMistake([{ c: c1, passed: false, actual: nd([2, 4], [2]), finite: true }, { c: c2, passed: true, actual: nd([3, 4], [2]), finite: true }])).toBeUndefined();
    expect(knownMistake([{ c: c1, passed: false, actual: nd([1, 3], [2]), finite: true }, { c: c2, passed: true, actual: nd([3, 4], [2]), finite: true }])).toBe('B');
  });

  it('matches far tighter than grading, and on every key of a record', () => {
    expect(knownMistake([{ c: c1, passed: false, actual: nd([2.001, 4], [2]), finite: true }, { c: c2, passed: false, actual: nd([6, 8], [2]), finite: true }])).toBeUndefined();
    const r = kase({ a: 1, b: 2 }, [['R', { a: 5, b: 2 }]]);
    expect(knownMistake([{ c: r, passed: false, actual: { a: 5, b: 2 }, finite: true }])).toBe('R');
    expect(knownMistake([{ c: r, passed: false, actual: { a: 5, b: 2, extra: 1 }, finite: true }])).toBeUndefined();
    expect(knownMistake([{ c: r, passed: false, actual: { a: 5 }, finite: true }])).toBeUndefined();
  });

  it('takes a case whose call threw as no evidence either way', () => {
    expect(knownMistake([{ c: c1, passed: false, actual: nd([2, 4], [2]), finite: true }, { c: c2, passed: false, finite: true }])).toBe('A');
    expect(knownMistake([{ c: c2, passed: false, finite: true }])).toBeUndefined();
  });

  it('names neither of two mistakes that fit equally well', () => {
    const twins = kase(1, [['X', 2], ['Y', 2]]);
    expect(knownMistake([{ c: twins, passed: false, actual: 2, finite: true }])).toBeUndefined();
  });
});
