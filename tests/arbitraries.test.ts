import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dim, dims, distinctSizes, tensor } from '../graders/engine/arbitraries';

const SEEDS = Array.from({ length: 30 }, (_, i) => 1000 + i);
const distinct = (sizes: number[]) => new Set(sizes).size === sizes.length;

/** The shrunk counterexample of a property that fails for every input. */
function shrunk<T>(arb: fc.Arbitrary<T>, seed: number): T {
  const r = fc.check(fc.property(arb, () => false), { seed, numRuns: 25 });
  expect(r.failed).toBe(true);
  return (r.counterexample as [T])[0];
}

// Sizes as a grader draws them: a record of sizes, then tensors of those sizes.
const named = dims({ nX: 4, nH: 5, m: [2, 6] }).chain((d) => fc.record({ d: fc.constant(d), X: tensor([d.nX, d.m]), W: tensor([d.nH, d.nX]) }));
const independent = fc.record({ nX: dim(4), nH: dim(5), m: dim(6, 2) }).chain((d) => fc.record({ d: fc.constant(d), X: tensor([d.nX, d.m]) }));

describe('dims', () => {
  it('shrinks a counterexample to sizes that are pairwise distinct, within their ranges', () => {
    for (const seed of SEEDS) {
      const { d, X, W } = shrunk(named, seed);
      expect(distinct([d.nX, d.nH, d.m]), `seed ${seed}: ${JSON.stringify(d)}`).toBe(true);
      expect(d.m).toBeGreaterThanOrEqual(2);
      expect([d.nX, d.nH, d.m].every((n) => n >= 1 && n <= 6)).toBe(true);
      expect(X.shape).toEqual([d.nX, d.m]);
      expect(W.shape).toEqual([d.nH, d.nX]);
    }
  });

  it('does better than independent sizes, which shrink to equal ones', () => {
    const equal = SEEDS.filter((seed) => {
      const { d } = shrunk(independent, seed);
      return !distinct([d.nX, d.nH, d.m]);
    });
    expect(equal.length).toBeGreaterThan(SEEDS.length / 2);
  });

  it('still draws equal sizes now and then, and keeps them when only they fail', () => {
    const arb = dims({ a: 3, b: 3 });
    const draws = fc.sample(arb, { seed: 5, numRuns: 400 });
    const equalShare = draws.filter(({ a, b }) => a === b).length / draws.length;
    expect(equalShare).toBeGreaterThan(0.02);
    expect(equalShare).toBeLessThan(0.2);
    const failing = SEEDS.map((seed) => fc.check(fc.property(arb, ({ a, b }) => a !== b), { seed, numRuns: 50 })).filter((r) => r.failed);
    expect(failing.length).toBeGreaterThan(SEEDS.length / 2);
    for (const r of failing) {
      const { a, b } = (r.counterexample as [{ a: number; b: number }])[0];
      expect(a).toBe(b);
    }
  });

  it('fails at definition time when the ranges cannot give distinct sizes', () => {
    expect(() => dims({ a: 2, b: 2, c: 2 })).toThrow(/cannot all differ/);
    expect(() => dims({ m: [3, 3], n: [3, 3] })).toThrow(/cannot all differ/);
    expect(() => dims({ m: 2, nC: 3, f: 3, nH: 3 })).toThrow(/cannot all differ/);
    expect(() => dims({ a: [4, 2] })).toThrow(/empty or non-integer/);
    // Tight but possible: [1, 1] takes 1, so b must be 2.
    const tight = fc.sample(dims({ a: [1, 1], b: 2 }), { seed: 1, numRuns: 50 });
    expect(tight.filter(({ a, b }) => a !== b).every(({ a, b }) => a === 1 && b === 2)).toBe(true);
    expect(() => dims({ m: 2, nCPrev: 3, nC: 3 })).not.toThrow();
  });

  it('replays the same counterexample from the same seed, and from its path', () => {
    const prop = fc.property(named, ({ d }) => d.nX + d.nH + d.m < 8);
    const first = fc.check(prop, { seed: 42 });
    const again = fc.check(prop, { seed: 42 });
    expect(first.failed).toBe(true);
    expect(again.counterexample).toEqual(first.counterexample);
    const replayed = fc.check(prop, { seed: 42, path: first.counterexamplePath!, endOnFailure: true });
    expect(replayed.counterexample).toEqual(first.counterexample);
  });
});

describe('distinctSizes', () => {
  it('shrinks a list of layer sizes and m to pairwise distinct sizes', () => {
    const net = distinctSizes(fc.record({ sizes: fc.array(dim(4), { minLength: 1, maxLength: 3 }), m: dim(5) }), ({ sizes, m }) => [...sizes, m]);
    for (const seed of SEEDS) {
      const { sizes, m } = shrunk(net, seed);
      expect(distinct([...sizes, m]), `seed ${seed}: ${JSON.stringify({ sizes, m })}`).toBe(true);
    }
  });
});
