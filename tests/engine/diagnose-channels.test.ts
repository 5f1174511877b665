/** Generic diagnoses of results of rank 3 or more (issue #16, item 1): a term or a factor per index of the first or last axis. */
import { describe, expect, it } from 'vitest';
import { compareValues } from '../../graders/engine/compare';
import { nd, type NdArray } from '../../graders/engine/ndarray';

const likely = (expected: NdArray, actual: NdArray) => compareValues(expected, actual)!.likely;
const mapNd = (x: NdArray, f: (v: number, i: number) => number) => nd(x.data.map(f), x.shape);

/** Values of both signs with no pattern, the same on every run. */
function values(shape: number[], seed = 1): NdArray {
  const size = shape.reduce((p, d) => p * d, 1);
  return nd(Array.from({ length: size }, (_, i) => Math.sin(12.9898 * (i + 1) * seed) * 2), shape);
}

const last = (x: NdArray) => (k: number) => k % x.shape[x.shape.length - 1]!;
const first = (x: NdArray) => (k: number) => Math.floor(k / (x.data.length / x.shape[0]!));
/** x plus a term per index of an axis (`at` gives an element's index along it). */
const plus = (x: NdArray, at: (k: number) => number, terms: number[]) => mapNd(x, (v, k) => v + terms[at(k)]!);
const times = (x: NdArray, at: (k: number) => number, factors: number[]) => mapNd(x, (v, k) => v * factors[at(k)]!);

// A batch of 2 images, 3×3, with 3 channels.
const Z = values([2, 3, 3, 3]);

describe('a term per index of the last or first axis', () => {
  it('a bias per channel added (or the expected one missing), with its values', () => {
    expect(likely(Z, plus(Z, last(Z), [0.3, -0.1, 0.25]))).toBe(
      'Yours − expected depends only on the index along the last axis (+0.3, −0.1, +0.25): a term of shape [1, 1, 1, 3] ' +
        '(one value per index of the last axis — for images [m, nH, nW, nC], a bias per channel) is missing, added twice, or has the wrong sign?',
    );
    // The reference adds b, the learner does not.
    const withBias = plus(Z, last(Z), [0.5, -1.2, 0.8]);
    expect(likely(withBias, Z)).toContain('(−0.5, +1.2, −0.8): a term of shape [1, 1, 1, 3]');
  });

  it('still named under float32 noise within the tolerance', () => {
    const noisy = mapNd(plus(Z, last(Z), [0.3, -0.1, 0.25]), (v, k) => v * (1 + 2e-5 * Math.cos(k)));
    expect(likely(Z, noisy)).toMatch(/^Yours − expected depends only on the index along the last axis/);
  });

  it('many indices: the first values and "…"', () => {
    const wide = values([2, 2, 2, 6]);
    expect(likely(wide, plus(wide, last(wide), [1, 2, 3, -1, -2, -3]))).toContain('(+1, +2, +3, …): a term of shape [1, 1, 1, 6]');
  });

  it('a term per example (first axis)', () => {
    const X = values([3, 2, 2, 2]);
    expect(likely(X, plus(X, first(X), [0.7, -0.4, 1.1]))).toMatch(
      /^Yours − expected depends only on the index along the first axis \(\+0\.7, −0\.4, \+1\.1\): a term of shape \[3, 1, 1, 1\] \(one value per index of the first axis — for images \[m, nH, nW, nC\], one per example\)/,
    );
  });

  it('a result of rank 3 (a sequence [nx, m, Tx]): the axis is not given a meaning', () => {
    const S = values([3, 2, 4]);
    const m = likely(S, plus(S, last(S), [0.2, -0.6, 0.9, 0.4]))!;
    expect(m).toMatch(/^Yours − expected depends only on the index along the last axis .*a term of shape \[1, 1, 4\] \(one value per index of the last axis\) is missing/);
    expect(m).not.toContain('images');
  });
});

describe('a factor per index of the last or first axis', () => {
  it('a scale per channel', () => {
    expect(likely(Z, times(Z, last(Z), [2, 0.5, 1.5]))).toBe(
      'Yours is the expected value times a factor that depends only on the index along the last axis (×2, ×0.5, ×1.5): ' +
        'a scale per index of the last axis (per channel for images [m, nH, nW, nC]), or a division by a sum, norm or count over the other axes, is missing, extra, or wrong?',
    );
  });

  it('a scale per example, and on a result of rank 3', () => {
    const X = values([3, 2, 2, 2]);
    expect(likely(X, times(X, first(X), [0.25, 3, -2]))).toMatch(/factor that depends only on the index along the first axis \(×0\.25, ×3, ×−2\)/);
    const S = values([2, 3, 4]);
    expect(likely(S, times(S, last(S), [1.5, 0.2, 2.5, 4]))).toMatch(/^Yours is the expected value times a factor .* last axis \(×1\.5, ×0\.2, ×2\.5, ×4\): a scale per index of the last axis, or a division/);
  });
});

describe('nothing per axis where the case cannot tell, or something simpler fits', () => {
  it('a constant offset or factor is named as such, not per channel', () => {
    expect(likely(Z, mapNd(Z, (v) => v + 0.4))).toMatch(/^Every value is off by the same 0\.4/);
    expect(likely(Z, mapNd(Z, (v) => v * 3))).toMatch(/^Every value is 3× too large/);
    // Terms that differ by less than the tolerance are one constant term.
    expect(likely(Z, plus(Z, last(Z), [0.4, 0.4 + 1e-4, 0.4]))).toMatch(/^Every value is off by the same/);
    // Large values (9 to 13) take a wider tolerance: terms 0.015 apart are both "per channel" and one constant term.
    const large = mapNd(Z, (v) => v + 11);
    expect(likely(large, plus(large, last(large), [0.5, 0.515, 0.5]))).toMatch(/^Every value is off by the same 0\.505/);
    // A channel of small values takes any factor within 1%: factors 2 and 2.01 fit one constant factor as well,
    // so no factor per channel is named (nor the constant one, which compare.ts reads to 0.1%).
    const mixed = mapNd(Z, (v, k) => (k % 3 === 1 ? v / 100 : v));
    expect(likely(mixed, times(mixed, last(mixed), [2, 2.01, 2]))).toBeUndefined();
  });

  it('an outer product of the last axis with the rest: a factor per index is any change of either', () => {
    const rest = values([2, 2, 2, 1]).data;
    const outer = (perChannel: number[]) => nd(rest.flatMap((r) => perChannel.map((c) => r * c)), [2, 2, 2, 3]);
    expect(likely(outer([0.5, -1, 2]), outer([1, -0.3, 2.5]))).toBeUndefined();
  });

  it('differences beyond the tolerance on top of a term per channel', () => {
    const noisy = mapNd(plus(Z, last(Z), [0.3, -0.1, 0.25]), (v, k) => v + 0.05 * Math.cos(k));
    expect(likely(Z, noisy)).toBeUndefined();
  });

  it('two transforms combined: a factor and a term per channel, or a term per channel and one per example', () => {
    expect(likely(Z, plus(times(Z, last(Z), [2, 0.5, 1.5]), last(Z), [0.3, -0.1, 0.25]))).toBeUndefined();
    expect(likely(Z, plus(plus(Z, last(Z), [0.3, -0.1, 0.25]), first(Z), [0.6, -0.9]))).toBeUndefined();
  });

  it('an axis of length 1, or other axes all of size 1', () => {
    // One channel: its term is a constant offset.
    const one = values([2, 3, 3, 1]);
    expect(likely(one, mapNd(one, (v) => v - 0.2))).toMatch(/^Every value is off by the same 0\.2/);
    // One element per channel: any difference is a "term per channel".
    const pixel = values([1, 1, 1, 4]);
    expect(likely(pixel, plus(pixel, last(pixel), [0.3, -0.1, 0.25, 1]))).toBeUndefined();
    expect(likely(pixel, times(pixel, last(pixel), [2, 0.5, 1.5, 3]))).toBeUndefined();
  });

  it('a term of 0 at some index, or a factor of 1: a mistake confined to the other indices', () => {
    expect(likely(Z, plus(Z, last(Z), [0.3, 0, -0.2]))).toBeUndefined();
    expect(likely(Z, times(Z, last(Z), [2, 1, 0.5]))).toBeUndefined();
  });

  it('values alike within each channel: a term and a factor per channel both fit', () => {
    const flat = mapNd(Z, (_, k) => [1, -2, 0.5][k % 3]!);
    expect(likely(flat, plus(flat, last(flat), [0.3, -0.1, 0.25]))).toBeUndefined();
  });

  it('a 2-D result keeps its own row and column wording', () => {
    const M = values([3, 4]);
    expect(likely(M, plus(M, last(M), [0.3, -1, 2, 0.5]))).toMatch(/^Yours − expected is the same down each column/);
  });
});
