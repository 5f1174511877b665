/** A generic diagnosis names a mistake only when every failing case shows it (issue #16: "fits it on every failing case"). */
import { describe, expect, it } from 'vitest';
import { runReferenceCheck } from '../../graders/engine/checks/reference';
import { reference } from '../../graders/engine/define';
import type { FixtureCase } from '../../graders/engine/fixtures';
import { nd, type NdArray } from '../../graders/engine/ndarray';
import { fakeContext } from '../support/fake';

const check = reference({ name: 'cases', points: 2, cases: async () => [] });
const X1 = nd([1, -2, 3, 4, -5, 6], [2, 3]);
const X2 = nd([0.5, 2, -1, 3, 1.5, -2, 4, 1], [2, 4]);
const cases: FixtureCase[] = [
  { name: 'm = 3', args: [X1], expected: X1, constants: { m: 3 } },
  { name: 'm = 4', args: [X2], expected: X2, constants: { m: 4 } },
];
const scaled = (x: NdArray, k: number) => nd(x.data.map((v) => v * k), [...x.shape]);
const grade = (fn: (x: NdArray) => NdArray) => runReferenceCheck(check, 'f', cases, fakeContext({ f: fn }));

describe('a generic diagnosis', () => {
  it('is shown when every failing case shows it, with the first case\'s numbers', async () => {
    // m times too large on both cases: "that is m" fits each.
    const r = await grade((x) => scaled(x, x.shape[1]!));
    expect(r.status).toBe('failed');
    expect(r.hint).toMatch(/3× too large — that is m/);
  });

  it('is not shown when another failing case does not show it', async () => {
    // m times too large on the first case; something unexplained on the second.
    const r = await grade((x) => (x.shape[1] === 3 ? scaled(x, 3) : nd(x.data.map((v, i) => v + i * i), [...x.shape])));
    expect(r.status).toBe('failed');
    expect(r.hint).toBeUndefined();
  });

  it('is not shown when the cases show different mistakes', async () => {
    // m times too large on the first case, the sign flipped on the second.
    const r = await grade((x) => (x.shape[1] === 3 ? scaled(x, 3) : scaled(x, -1)));
    expect(r.hint).toBeUndefined();
  });

  it('agrees across cases whose per-channel terms have different counts', async () => {
    // A bias per channel (last axis) left out, on images with 2 and 3 channels.
    const img = (nC: number) => nd(Array.from({ length: 2 * 2 * 3 * nC }, (_, i) => Math.sin(i + nC)), [2, 2, 3, nC]);
    const imageCases: FixtureCase[] = [
      { name: 'nC = 2', args: [img(2)], expected: img(2) },
      { name: 'nC = 3', args: [img(3)], expected: img(3) },
    ];
    const bias = [0.5, -0.75, 1.25];
    const withBias = (x: NdArray) => nd(x.data.map((v, i) => v + bias[i % x.shape[3]!]!), [...x.shape]);
    const r = await runReferenceCheck(check, 'f', imageCases, fakeContext({ f: withBias }));
    expect(r.status).toBe('failed');
    expect(r.hint).toMatch(/last axis/);
  });
});
