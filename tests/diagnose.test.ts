import { describe, expect, it } from 'vitest';
import { compareValues } from '../graders/engine/compare';
import { nd, type NdArray } from '../graders/engine/ndarray';

/** Generic diagnoses (graders/engine/diagnose.ts), seen through compareValues as a check sees them. */
const likely = (expected: NdArray, actual: NdArray, constants = {}) => compareValues(expected, actual, undefined, constants)!.likely;
const grid = (rows: number[][]) => nd(rows.flat(), [rows.length, rows[0]!.length]);
const mapNd = (x: NdArray, f: (v: number, i: number) => number) => nd(x.data.map(f), x.shape);
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

// Scores with both signs and no pattern: [3, 4].
const Z = grid([
  [0.5, -1.2, 2.0, 0.3],
  [-0.7, 1.1, -0.4, 1.6],
  [1.3, 0.2, -1.5, -0.9],
]);

function softmax(x: NdArray, axis: 0 | 1): NdArray {
  const [r, c] = x.shape as [number, number];
  const out = new Array<number>(r * c);
  for (let i = 0; i < (axis === 0 ? c : r); i++) {
    const at = (k: number) => (axis === 0 ? k * c + i : i * c + k);
    const len = axis === 0 ? r : c;
    let sum = 0;
    for (let k = 0; k < len; k++) sum += Math.exp(x.data[at(k)]!);
    for (let k = 0; k < len; k++) out[at(k)] = Math.exp(x.data[at(k)]!) / sum;
  }
  return nd(out, [r, c]);
}

describe('generic diagnoses: each transform, on a case that shows it', () => {
  it('a constant offset', () => {
    expect(likely(Z, mapNd(Z, (v) => v + 0.5))).toBe('Every value is off by the same 0.5 (yours = expected + 0.5): a constant term missing, extra, or with the wrong sign?');
    expect(likely(Z, mapNd(Z, (v) => v - 2))).toContain('yours = expected − 2');
    // Two elements are enough when they differ.
    expect(likely(nd([1, 2], [2]), nd([1.25, 2.25], [2]))).toContain('off by the same 0.25');
  });

  it('a term per row ([n, 1], like b) and per column ([1, m])', () => {
    const b = [1, -2, 0.5];
    expect(likely(Z, mapNd(Z, (v, k) => v + b[Math.floor(k / 4)]!))).toMatch(/same along each row but differs between rows: a term of shape \[3, 1\]/);
    const c = [0.3, -1, 2, 0];
    expect(likely(Z, mapNd(Z, (v, k) => v - c[k % 4]!))).toMatch(/same down each column but differs between columns: a term of shape \[1, 4\]/);
  });

  it('a factor per row and per column', () => {
    const rowNorms = [2, 0.5, 3];
    expect(likely(Z, mapNd(Z, (v, k) => v * rowNorms[Math.floor(k / 4)]!))).toMatch(/^Each row of yours is the expected row times its own factor/);
    const perExample = [4, 1.5, 0.25, 2];
    expect(likely(Z, mapNd(Z, (v, k) => v * perExample[k % 4]!))).toMatch(/^Each column of yours is the expected column times its own factor/);
  });

  it('a softmax or a sum-normalisation over the wrong axis', () => {
    expect(likely(softmax(Z, 0), softmax(Z, 1))).toMatch(/over the wrong axis\?$/);
    // A sum-normalisation of positive values: divided by the row sums where the column sums belong.
    const P = mapNd(Z, Math.exp);
    const colSums = [0, 1, 2, 3].map((j) => [0, 1, 2].reduce((s, i) => s + P.data[i * 4 + j]!, 0));
    const rowSums = [0, 1, 2].map((i) => [0, 1, 2, 3].reduce((s, j) => s + P.data[i * 4 + j]!, 0));
    const byCol = mapNd(P, (v, k) => v / colSums[k % 4]!);
    const byRow = mapNd(P, (v, k) => v / rowSums[Math.floor(k / 4)]!);
    expect(likely(byCol, byRow)).toMatch(/over the wrong axis\?$/);
  });

  it('a missing normalisation is a factor per column (a softmax without its division)', () => {
    expect(likely(softmax(Z, 0), mapNd(Z, Math.exp))).toMatch(/^Each column of yours/);
  });

  it('a ReLU too many, or missing', () => {
    expect(likely(Z, mapNd(Z, (v) => Math.max(0, v)))).toMatch(/^Yours = relu\(expected\)/);
    expect(likely(mapNd(Z, (v) => Math.max(0, v)), Z)).toMatch(/^Expected = relu\(yours\).*The ReLU is missing\?$/);
  });

  it('a sigmoid, tanh or exp too many, or missing', () => {
    expect(likely(Z, mapNd(Z, sigmoid))).toMatch(/^Yours = sigmoid\(expected\)/);
    expect(likely(mapNd(Z, sigmoid), Z)).toBe('Expected = sigmoid(yours): the sigmoid is missing (yours are the values before it)?');
    expect(likely(Z, mapNd(Z, Math.tanh))).toMatch(/^Yours = tanh\(expected\)/);
    expect(likely(mapNd(Z, Math.tanh), Z)).toMatch(/^Expected = tanh\(yours\)/);
    expect(likely(Z, mapNd(Z, Math.exp))).toMatch(/^Yours = exp\(expected\)/);
    expect(likely(mapNd(Z, Math.exp), Z)).toMatch(/^Expected = exp\(yours\), so yours = log\(expected\)/);
  });

  it('a softmax too many, or missing, naming the axis', () => {
    expect(likely(softmax(Z, 0), Z)).toMatch(/^Expected = softmax\(yours\) over axis 0: the softmax is missing/);
    expect(likely(softmax(Z, 1), Z)).toMatch(/^Expected = softmax\(yours\) over axis 1/);
    expect(likely(softmax(Z, 0), softmax(softmax(Z, 0), 0))).toMatch(/^Yours = softmax\(expected\) over axis 0: a softmax too many/);
    const v = nd([0.5, -1, 2], [3]);
    expect(likely(nd(softmax(nd(v.data, [1, 3]), 1).data, [3]), v)).toMatch(/^Expected = softmax\(yours\): /);
  });
});

describe('generic diagnoses: nothing named where the case cannot tell', () => {
  it('one value: any two numbers differ by an offset, a factor, a nonlinearity', () => {
    expect(compareValues(0.5, 0.75)!.likely).toBeUndefined();
    expect(compareValues(nd([0.3], [1, 1]), nd([sigmoid(0.3)], [1, 1]))!.likely).toBeUndefined();
    expect(compareValues(nd([-0.3], [1]), nd([0], [1]))!.likely).toBeUndefined();
  });

  it('values all alike: an offset and a factor both fit, so neither is named (unless the factor has a name)', () => {
    expect(likely(nd([2, 2, 2], [3]), nd([3, 3, 3], [3]))).toBeUndefined();
    expect(likely(nd([2, 2, 2, 2], [2, 2]), nd([2.5, 2.5, 2.5, 2.5], [2, 2]))).toBeUndefined();
    expect(likely(nd([2, 2, 2], [3]), nd([10, 10, 10], [3]), { m: 5 })).toContain('that is m');
    // Learner values all alike (zeros returned) say nothing about a transform.
    expect(likely(Z, nd(new Array(12).fill(0), [3, 4]))).toBeUndefined();
  });

  it('one row: per-column differences are no broadcast term (every column has its own)', () => {
    const row = nd([0.5, -1.2, 2, 0.3], [1, 4]);
    expect(likely(row, mapNd(row, (v, k) => v + [1, -2, 0.5, 3][k]!))).toBeUndefined();
    expect(likely(row, mapNd(row, (v, k) => v * [2, 0.5, 3, 1.5][k]!))).toBeUndefined();
  });

  it('a 2×2 result: a factor per row times one per column is checked by one value only', () => {
    const e = grid([[1, 2], [3, 5]]);
    expect(likely(e, grid([[2, 12], [9, 45]]))).toBeUndefined(); // u = [2, 3], v = [1, 3]
  });

  it('a term per row on rows that are constant: a factor per row fits as well', () => {
    const e = grid([[1, 1, 1], [2, 2, 2], [-1, -1, -1]]);
    expect(likely(e, grid([[2, 2, 2], [5, 5, 5], [0, 0, 0]]))).toBeUndefined();
  });

  it('a ReLU case without both signs: zeroing values all negative, or nothing to zero', () => {
    expect(likely(nd([-1, -2, -3], [3]), nd([0, 0, 0], [3]))).toBeUndefined();
    // No negatives: relu(expected) is the expected value itself, so there is no mismatch at all.
    const pos = nd([1, 2, 3], [3]);
    expect(compareValues(pos, mapNd(pos, (v) => Math.max(0, v)))).toBeNull();
  });

  it('a saturated tanh or sigmoid: large values of the right sign are not "the tanh is missing"', () => {
    expect(likely(nd([1, -1, 1, -1], [4]), nd([10, -12, 15, -9], [4]))).toBeUndefined();
    expect(likely(nd([1, 0, 1, 0], [4]), nd([20, -30, 25, -18], [4]))).toBeUndefined();
  });

  it('a factor per line that zeroes a line, or changes one line among lines left as they are, is no scaling', () => {
    expect(likely(Z, mapNd(Z, (v, k) => (k % 4 === 1 ? 0 : v * [2, 0, 3, 0.5][k % 4]!)))).toBeUndefined();
    expect(likely(Z, mapNd(Z, (v, k) => (Math.floor(k / 4) === 1 ? 2 * v : v)))).toBeUndefined();
  });

  it('an outer product (one example\'s gradient dz·xᵀ): a changed dz is a factor per row of any kind, so none is named', () => {
    const dz = [0.3, -0.8, 0.5];
    const x = [1.2, -0.4, 0.9, 2.1];
    const outer = (u: number[]) => nd(u.flatMap((ui) => x.map((xj) => ui * xj)), [3, 4]);
    expect(likely(outer(dz), outer([1.3, 0.2, 0.5 * 1.7]))).toBeUndefined();
  });

  it('ReLU: rows of one sign each, zeroed where negative, is any mistake confined to those rows', () => {
    const rows = grid([[0.5, 1.2, 0.3], [-0.7, -1.1, -0.4], [1.3, 0.2, 2.5], [-0.2, -0.9, -1.5]]);
    expect(likely(mapNd(rows, (v) => Math.max(0, v)), rows)).toBeUndefined();
    expect(likely(rows, mapNd(rows, (v) => Math.max(0, v)))).toBeUndefined();
  });

  it('exp of large values (infinite past 709): its huge scale does not make any output fit', () => {
    const audio = nd([54, 13, 3, -56, -8, 820, -11], [7]);
    expect(likely(audio, mapNd(audio, (v, k) => (k === 3 ? 0 : v)))).toBeUndefined();
  });

  it('integers (indices, labels): an off-by-one offset, but no factor or nonlinearity', () => {
    const idx = nd([3, 0, 7, 2, 5, 1], [2, 3], 'int32');
    expect(likely(idx, nd(idx.data.map((v) => v + 1), [2, 3], 'int32'))).toContain('off by the same 1');
    expect(likely(idx, nd(idx.data.map((v, k) => (k % 3 === 0 ? 0 : v)), [2, 3], 'int32'))).toBeUndefined();
    expect(likely(idx, nd(idx.data.map((v, k) => v * (k < 3 ? 2 : 3)), [2, 3], 'int32'))).toBeUndefined();
  });

  it('two transforms fit (log-softmax vs softmax: an exp and a softmax): neither is named', () => {
    const logSoftmax = mapNd(softmax(Z, 0), Math.log);
    expect(likely(logSoftmax, softmax(Z, 0))).toBeUndefined();
  });

  it('no transform fits: nothing', () => {
    expect(likely(Z, mapNd(Z, (v, k) => v + (k === 5 ? 1 : 0)))).toBeUndefined();
    expect(likely(Z, mapNd(Z, (v, k) => v + 0.1 * k))).toBeUndefined();
  });
});

describe('generic diagnoses: float32 noise', () => {
  it('a correct output with float32 noise is no mismatch', () => {
    for (const f of [(v: number) => v, sigmoid, Math.tanh, Math.exp]) {
      const e = mapNd(Z, f);
      expect(compareValues(e, mapNd(e, (v, k) => v * (1 + (k % 2 ? 3e-7 : -3e-7))))).toBeNull();
    }
  });

  it('an output just past the tolerance (noise, not a transform) gets no diagnosis', () => {
    // Off by ~1.5× the tolerance at alternate elements: a mismatch, but nothing a transform explains.
    const noisy = mapNd(Z, (v, k) => v + (k % 2 ? 1 : -1) * 1.5 * (1e-3 * Math.abs(v) + 1e-6 + 2e-4));
    const m = compareValues(Z, noisy)!;
    expect(m.problem).toBe('values');
    expect(m.likely).toBeUndefined();
    // The same for an offset or a factor per row barely past the tolerance: too close to noise to name.
    expect(compareValues(Z, mapNd(Z, (v) => v + 5e-4))).not.toBeNull();
    expect(likely(Z, mapNd(Z, (v) => v + 5e-4))).toBeUndefined();
    expect(compareValues(Z, mapNd(Z, (v, k) => v * (1 + 1e-3 * Math.floor(k / 4))))).not.toBeNull();
    expect(likely(Z, mapNd(Z, (v, k) => v * (1 + 1e-3 * Math.floor(k / 4))))).toBeUndefined();
    const E = grid([[1.0, -1.5, 2.0, 1.2], [-1.1, 1.9, -1.3, 1.6], [1.4, -1.0, 1.7, -1.8]]);
    const terms = mapNd(E, (v, k) => v + [0.0025, -0.0025, 0.0025][Math.floor(k / 4)]!);
    expect(compareValues(E, terms)).not.toBeNull();
    expect(likely(E, terms)).toBeUndefined();
    expect(likely(E, mapNd(E, (v, k) => v + [0.025, -0.025, 0.025][Math.floor(k / 4)]!))).toMatch(/shape \[3, 1\]/);
    // Clearly past it, the same offset is one.
    expect(likely(Z, mapNd(Z, (v) => v + 0.01))).toContain('off by the same 0.01');
  });
});
