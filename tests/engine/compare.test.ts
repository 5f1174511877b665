import { describe, expect, it } from 'vitest';
import { compareValues } from '../../graders/engine/compare';
import { expectClose, Violation } from '../../graders/engine/checks/violation';
import { nd, transpose2d } from '../../graders/engine/ndarray';
import * as tf from '@tensorflow/tfjs';
import { fromTf } from '../../graders/engine/codec';
import { opaque } from '../../graders/engine/values';

const A = nd([1, 2, 3, 4, 5, 6], [2, 3]);

describe('compareValues: tolerance', () => {
  it('accepts float32 rounding noise', () => {
    const noisy = nd(A.data.map((v) => v * (1 + 3e-7)), [2, 3]);
    expect(compareValues(A, noisy)).toBeNull();
  });

  it('accepts a tiny value next to large ones when the error is float32-sized for the array', () => {
    const expected = nd([1000, 1e-6], [2]);
    expect(compareValues(expected, nd([1000, 2e-5], [2]))).toBeNull();
  });

  it('rejects an error of 1% and reports where and how much', () => {
    const actual = nd([1, 2, 3, 4, 5.05, 6], [2, 3]);
    const m = compareValues(A, actual)!;
    expect(m.problem).toBe('values');
    expect(m.message).toContain('1 of 6 values');
    expect(m.message).toContain('[1, 1]');
    expect(m.message).toContain('expected 5, got 5.05');
    expect(m.expected).toContain('[1, 2, 3]');
  });

  it('says how much rounding could explain when a difference is small but real (as a shrunk counterexample\'s is)', () => {
    const small = compareValues(nd([0, 0.5, -0.25], [3]), nd([-1e-6, 0.5, -0.25], [3]), { rtol: 1e-5, atol: 1e-7 })!;
    expect(small.message).toContain('expected 0, got -1.0000e-6');
    expect(small.message).toMatch(/Rounding would explain at most \S+ there: this is a real difference, however small\.$/);
    // A large difference needs no such note; nor does an exact comparison.
    expect(compareValues(A, nd([1, 2, 3, 4, 5.05, 6], [2, 3]))!.message).not.toContain('Rounding');
    expect(compareValues(nd([1, 2], [2]), nd([1, 2.5], [2]), { rtol: 0, atol: 0 })!.message).not.toContain('Rounding');
  });

  it('a typed array returned as it is (dataSync()) is told how to become what was asked for, a number or a tensor', () => {
    const returned = fromTf(new Float32Array([0.25]), tf);
    for (const [expected, asked] of [[0.25, 'number'], [nd([0.25], [1, 1]), 'tensor']] as const) {
      const m = compareValues(expected, returned, undefined, {}, 'output', true)!;
      expect(m.message).toContain(`should be a ${asked}`);
      expect(m.message).toContain('a Float32Array (what dataSync() gives)');
      expect(m.message).toContain('dataSync()[0]');
      expect(m.message).toContain('return the tensor itself');
    }
  });

  it('with exact types (reference cases: the contract\'s types), a number is a number and a tensor a tensor', () => {
    expect(compareValues(0.5, nd([0.5], [1, 1]), undefined, {}, 'output', true)!.message).toBe('output should be a number, but is a tensor of shape [1, 1] holding 0.5: return the number itself (for example tensor.dataSync()[0]).');
    expect(compareValues(nd([0.5], []), 0.5, undefined, {}, 'output', true)!.message).toMatch(/should be a tensor of shape \[\], but is the number 0\.5: return it as a tensor \(for example tf\.scalar\(x\)\)/);
    expect(compareValues([1, { a: 0.5 }], [1, { a: nd([0.5], []) }], undefined, {}, 'output', true)!.message).toMatch(/output\[1\]\.a should be a number/);
    // A property comparing a scalar tensor with a number it computed itself is not about the contract.
    expect(compareValues(0.5, nd([0.5], [1, 1]))).toBeNull();
    expect(compareValues(nd([0.5], []), 0.5)).toBeNull();
    expect(compareValues(nd([0.5], [1]), nd([0.5], [1, 1]))).toBeNull();
    expect(compareValues(0.5, 0.5000001)).toBeNull();
    expect(compareValues(0.5, 0.6)!.message).toContain('is 0.6, expected 0.5');
  });

  it('names a constant factor only when one named quantity fits it', () => {
    const e = nd([1, 2, 3, 4], [2, 2]);
    const twice = nd([2, 4, 6, 8], [2, 2]);
    expect(compareValues(e, twice, undefined, { m: 2, nC: 3 })!.likely).toContain('that is m');
    expect(compareValues(e, twice, undefined, { m: 2, nC: 2 })!.likely).toMatch(/2 is each of m, nC, so which one cannot be told/);
    const times27 = nd([27, 54, 81, 108], [2, 2]);
    expect(compareValues(e, times27, undefined, { f: 3, nC: 3, m: 5 })!.likely).toMatch(/cannot be told/);
    expect(compareValues(e, times27, undefined, { f: 3, m: 5 })!.likely).toContain('that is f·f·f');
    const times18 = nd([18, 36, 54, 72], [2, 2]);
    expect(compareValues(e, times18, undefined, { f: 3, nC: 2, m: 7 })!.likely).toContain('that is f·f·nC');
  });
});

describe('compareValues: diagnosis order', () => {
  it('first: not a tensor', () => {
    const m = compareValues(A, undefined)!;
    expect(m.problem).toBe('type');
    expect(m.message).toContain('undefined');
    expect(m.message).toContain('return statement');
    expect(compareValues(A, [1, 2, 3])!.message).toContain('a plain array of length 3');
    expect(compareValues(A, opaque('a Promise'))!.message).toContain('a Promise');
  });

  it('then: the shape', () => {
    const m = compareValues(A, nd([1, 2, 3], [3]))!;
    expect(m.problem).toBe('shape');
    expect(m.message).toBe('output has shape [3], expected [2, 3].');
  });

  it('then: NaN or infinity, before any value', () => {
    const m = compareValues(A, nd([1, NaN, 3, Infinity, 0, 0], [2, 3]))!;
    expect(m.problem).toBe('not-finite');
    expect(m.message).toContain('2 NaN or infinite values');
    expect(m.message).toContain('[0, 1]');
  });

  // A non-finite expected value (a property's expected side is often the learner's own output) once made the
  // tolerance infinite and skipped the not-finite check: any answer matched.
  it('holds an expected infinity to that very value, and the other elements to the usual tolerance', () => {
    expect(compareValues(nd([Infinity, 1, 2], [3]), nd([-5, 1000, -7], [3]))).not.toBeNull();
    expect(compareValues(nd([Infinity, 1, 2], [3]), nd([Infinity, 1, 2.5], [3]))!.problem).toBe('values');
    expect(compareValues(nd([Infinity, 1, 2], [3]), nd([-Infinity, 1, 2], [3]))!.problem).toBe('not-finite');
    expect(compareValues(nd([Infinity, 1, 2], [3]), nd([NaN, 1, 2], [3]))!.problem).toBe('not-finite');
    expect(compareValues(nd([Infinity, 1, 2], [3]), nd([1e30, 1, 2], [3]))!.problem).toBe('values');
    expect(compareValues(nd([Infinity, 1, 2], [3]), nd([Infinity, 1, 2 + 1e-7], [3]))).toBeNull();
    expect(compareValues(Infinity, 5)).not.toBeNull();
    expect(compareValues(-Infinity, -Infinity)).toBeNull();
  });

  it('matches an expected NaN with nothing, as before', () => {
    expect(compareValues(nd([NaN, 1], [2]), nd([NaN, 1], [2]))).not.toBeNull();
    expect(compareValues(nd([NaN, 1], [2]), nd([0, 1], [2]))).not.toBeNull();
    expect(compareValues(NaN, 3)).not.toBeNull();
  });

  it('walks records and arrays, naming the path and missing keys', () => {
    const expected = { grads: { dW: A, db: 0.5 } };
    expect(compareValues(expected, { grads: { dW: A } })!.message).toContain('output.grads has no "db"');
    const m = compareValues([A, expected], [A, { grads: { dW: transpose2d(A), db: 0.5 } }])!;
    expect(m.path).toBe('output[1].grads.dW');
  });
});

describe('compareValues: naming the likely mistake', () => {
  it('a transposed result', () => {
    expect(compareValues(A, transpose2d(A))!.likely).toContain('transpose');
  });

  it('a transposed square result', () => {
    const S = nd([1, 2, 3, 4], [2, 2]);
    expect(compareValues(S, transpose2d(S))!.likely).toContain('transpose');
  });

  it('a missing 1/m, named after the case constant', () => {
    const m = compareValues(A, nd(A.data.map((v) => v * 5), [2, 3]), undefined, { m: 5 })!;
    expect(m.likely).toContain('5× too large');
    expect(m.likely).toContain('that is m');
  });

  it('an extra 1/m', () => {
    const m = compareValues(A, nd(A.data.map((v) => v / 7), [2, 3]), undefined, { m: 7 })!;
    expect(m.likely).toContain('7× too small');
  });

  it('an unexplained constant factor', () => {
    expect(compareValues(A, nd(A.data.map((v) => v * 3), [2, 3]))!.likely).toContain('3× too large');
  });

  it('a flipped sign', () => {
    expect(compareValues(A, nd(A.data.map((v) => -v), [2, 3]))!.likely).toContain('sign is flipped');
  });

  it('a dropped keepDims ([n] instead of [n, 1])', () => {
    const col = nd([1, 2, 3], [3, 1]);
    const m = compareValues(col, nd([1, 2, 3], [3]))!;
    expect(m.problem).toBe('shape');
    expect(m.likely).toContain('keepDims');
  });

  it('a [n] vector broadcast against a [n, 1] column', () => {
    const col = nd([1, 2, 3], [3, 1]);
    const m = compareValues(col, nd(new Array(9).fill(1), [3, 3]))!;
    expect(m.likely).toContain('broadcast');
  });

  it('a reduction over the wrong axis', () => {
    const perUnit = nd([1, 2], [2, 1]);
    expect(compareValues(perUnit, nd([1, 2, 3, 4, 5], [1, 5]))!.likely).toContain('wrong axis');
  });

  it('guesses no factor from a single number, unless the factor has a name', () => {
    expect(compareValues(0.5, 0.9)!.likely).toBeUndefined();
    expect(compareValues(0.5, 2.5, undefined, { m: 5 })!.likely).toContain('that is m');
    expect(compareValues(0.5, -0.5)!.likely).toContain('sign');
  });

  it('says nothing when no transform explains the difference', () => {
    expect(compareValues(A, nd([6, 1, 4, 2, 5, 3], [2, 3]))!.likely).toBeUndefined();
  });
});

describe('expectClose: the expected side of a property', () => {
  const thrown = (f: () => void) => {
    try {
      f();
    } catch (err) {
      return err;
    }
    return undefined;
  };

  it('is a violation when not finite, whatever the actual value (4·Infinity once matched any loss)', () => {
    const e = thrown(() => expectClose(Infinity, 4 * Infinity, 'l2Loss(2·d, 0)'));
    expect(e).toBeInstanceOf(Violation);
    expect((e as Violation).message).toBe('Your output that l2Loss(2·d, 0) is compared with is not finite: Infinity.');
    const t = thrown(() => expectClose(nd([1, 2, 3, 4], [2, 2]), nd([1, 2, NaN, 4], [2, 2]), 'softmax(x + c)'));
    expect((t as Violation).message).toContain('not finite (at [1, 0])');
    const r = thrown(() => expectClose({ a: [1, 2] }, { a: [1, -Infinity] }, 'the record'));
    expect((r as Violation).message).toContain('(at .a[1])');
  });

  it('still passes finite values that agree', () => {
    expect(thrown(() => expectClose(nd([0.25, 0.75], [2]), nd([0.25, 0.75], [2]), 'softmax(x)'))).toBeUndefined();
  });
});
