import * as fc from 'fast-check';
import { dim, labels, tensor } from '../engine/arbitraries';
import { expectClose, expectNumber, violated } from '../engine/checks/violation';
import { property, type PropertyCheckDef } from '../engine/define';
import { map, nd } from '../engine/ndarray';
import type { Seeded } from '../engine/seeded';
import type { Value } from '../engine/values';

/**
 * A cross-entropy cost's reference case of confident predictions (every A within 0.002 of 0 or 1, none so close
 * that float32 rounds it there), every other one wrong: a log clipped far from 0 (at 0.01, say) or a large ε added
 * inside it changes the cost only on such entries. Drawn from `s`, so its hidden variant differs.
 */
export function confidentPredictionsCase(s: Seeded, m = 6): { name: string; args: Value[]; constants: { m: number } } {
  const A = map(s.randn([1, m]), (z) => 1 / (1 + Math.exp(-8 * Math.sign(z || 1) * (0.8 + 0.2 * Math.min(Math.abs(z), 2)))));
  const Y = map(A, (a, i) => (a > 0.5 ? 1 : 0) ^ (i % 2 === 0 ? 1 : 0));
  return { name: `m = ${m}, confident predictions (near 0 or 1), every other one wrong`, args: [A, Y], constants: { m } };
}

/**
 * The two invariants of a binary cross-entropy cost function `fn(A, Y)` (a
 * [1, m] prediction and labels): ln 2 at a constant 0.5, and never negative.
 */
export function crossEntropyProperties(fn: string): PropertyCheckDef<any>[] {
  return [
    property({
      name: 'ln 2 at one half',
      points: 1,
      claim: 'The cost is ln 2 ≈ 0.6931 when every prediction is 0.5, whatever the labels and m',
      inputs: dim(20).chain((m) => labels(m)),
      holds: async (Y, ctx) => {
        const m = Y.shape[1]!;
        const cost = expectNumber(await ctx.call(fn, [nd(new Array(m).fill(0.5), [1, m]), Y]), 'the cost');
        expectClose(cost, Math.LN2, 'the cost', {}, { m });
      },
    }),
    property({
      name: 'never negative',
      points: 1,
      claim: 'The cost is a finite number ≥ 0 for predictions in (0, 1)',
      inputs: dim(12).chain((m) => fc.record({ A: tensor([1, m], { min: 0.01, max: 0.99 }), Y: labels(m) })),
      holds: async ({ A, Y }, ctx) => {
        const cost = expectNumber(await ctx.call(fn, [A, Y]), 'the cost');
        if (!(Number.isFinite(cost) && cost >= -1e-6)) {
          violated(`the cost is ${cost}.`, 'Cross-entropy is −(1/m)·Σ[y·log(a) + (1−y)·log(1−a)]: mind the leading minus sign.');
        }
      },
    }),
  ];
}
