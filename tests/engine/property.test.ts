import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tensor } from '../../graders/engine/arbitraries';
import { propertyLimits, runPropertyCheck } from '../../graders/engine/checks/property';
import { expectTensor, violated } from '../../graders/engine/checks/violation';
import { property } from '../../graders/engine/define';
import { map, type NdArray } from '../../graders/engine/ndarray';
import { fakeContext } from '../support/fake';

const sigmoid = (x: NdArray) => map(x, (v) => 1 / (1 + Math.exp(-v)));
// Wrong only for inputs above 1: the property should shrink to the smallest such input.
const brokenSigmoid = (x: NdArray) => map(x, (v) => (v > 1 ? 1.5 : 1 / (1 + Math.exp(-v))));

const inRange = property({
  name: 'in (0, 1)',
  points: 2,
  claim: 'sigmoid(x) is in [0, 1]',
  inputs: fc.integer({ min: 1, max: 6 }).chain((n) => tensor([1, n], { min: -5, max: 5 })),
  holds: async (x, ctx) => {
    const s = expectTensor(await ctx.call('sigmoid', [x]), 'sigmoid(x)', x.shape);
    const bad = s.data.find((v) => !(v >= 0 && v <= 1));
    if (bad !== undefined) violated(`sigmoid(x) contains ${bad}.`);
  },
});

describe('property checks', () => {
  it('do not pass a property cut off by its time limit after a few runs', async () => {
    const slow = property({ ...inRange, holds: async (x, ctx) => {
      await new Promise((r) => setTimeout(r, 40));
      await inRange.holds(x, ctx);
    } });
    const saved = propertyLimits.timeMs;
    propertyLimits.timeMs = 100;
    try {
      const r = await runPropertyCheck(slow, 'sigmoid', fakeContext({ sigmoid }), 7);
      expect(r.status).toBe('failed');
      expect(r.score ?? 0).toBe(0);
      expect(r.message).toMatch(/ran past its 0\.1 s budget after \d of 25 random inputs/);
    } finally {
      propertyLimits.timeMs = saved;
    }
  });

  it('pass a right implementation and print the seed', async () => {
    const r = await runPropertyCheck(inRange, 'sigmoid', fakeContext({ sigmoid }), 7);
    expect(r.status).toBe('passed');
    expect(r.score).toBe(2);
    expect(r.seed).toBe(7);
    expect(r.message).toContain('seed 7');
  });

  it('fail a wrong one with a shrunk counterexample, the same every time for a seed', async () => {
    const first = await runPropertyCheck(inRange, 'sigmoid', fakeContext({ sigmoid: brokenSigmoid }), 7);
    const again = await runPropertyCheck(inRange, 'sigmoid', fakeContext({ sigmoid: brokenSigmoid }), 7);
    expect(first.status).toBe('failed');
    expect(first.score).toBe(0);
    expect(first.message).toContain('contains 1.5');
    // Shrunk: the offending element is just above 1, the others are 0.
    expect(first.counterexample).toMatch(/^tensor\[1×\d\] \[\[(0, )*1\.0000\d+(, 0)*\]\]$/);
    expect(first.replayPath).toBeTruthy();
    expect(again).toEqual(first);
  });

  it('stop at once and say "not attempted" for a stub', async () => {
    let calls = 0;
    const ctx = fakeContext({});
    ctx.learner.call = async () => {
      calls++;
      return { status: 'not-implemented', fn: 'sigmoid', output: '' };
    };
    const r = await runPropertyCheck(inRange, 'sigmoid', ctx, 7);
    expect(r.status).toBe('not-attempted');
    expect(calls).toBe(1);
  });

  it('report a learner exception as a failure with the input that caused it', async () => {
    const r = await runPropertyCheck(
      inRange,
      'sigmoid',
      fakeContext({
        sigmoid: (x: NdArray) => {
          if (x.shape[1]! > 2) throw new Error('cannot handle wide inputs');
          return sigmoid(x);
        },
      }),
      7,
    );
    expect(r.status).toBe('failed');
    expect(r.message).toContain('cannot handle wide inputs');
    expect(r.counterexample).toMatch(/^tensor\[1×3\]/);
  });
});
