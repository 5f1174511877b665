import { describe, expect, it } from 'vitest';
import { referenceCosts, runGradientCheck } from '../../graders/engine/checks/gradient';
import { expectNumber } from '../../graders/engine/checks/violation';
import { gradient } from '../../graders/engine/define';
import { map, nd, type NdArray } from '../../graders/engine/ndarray';
import { fakeContext } from '../support/fake';

// J(w, b) = Σ tanh(w·x + b)² / 2 over a few fixed x, in float32 like TensorFlow.js.
const xs = [0.3, -1.2, 0.8, 2.0];
const f32 = Math.fround;
function cost(w: NdArray, b: NdArray): number {
  let J = 0;
  for (const x of xs) {
    let z = f32(b.data[0]!);
    w.data.forEach((wi, i) => (z = f32(z + f32(wi * f32(x * (i + 1))))));
    J = f32(J + f32(Math.tanh(z) ** 2 / 2));
  }
  return J;
}
function grads(w: NdArray, b: NdArray, factor = 1, derivative = (t: number) => 1 - t * t) {
  const dw = new Array(w.data.length).fill(0);
  let db = 0;
  for (const x of xs) {
    const z = b.data[0]! + w.data.reduce((s, wi, i) => s + wi * x * (i + 1), 0);
    const t = Math.tanh(z);
    const dz = t * derivative(t) * factor;
    db += dz;
    w.data.forEach((_, i) => (dw[i] += dz * x * (i + 1)));
  }
  return { dw: nd(dw, w.shape), db: nd([db], [1]) };
}

const point = { w: nd([0.4, -0.3, 0.2], [3]), b: nd([0.1], [1]) };

function def(mode: 'entries' | 'directional') {
  return gradient({
      name: 'gradient check',
      points: 4,
      mode,
      at: () => point,
      cost: async (ctx, p) => expectNumber(await ctx.call('cost', [p.w!, p.b!]), 'cost'),
      gradients: async (ctx, p) => {
        const g = (await ctx.call('backward', [p.w!, p.b!])) as { dw: NdArray; db: NdArray };
        return { w: g.dw, b: g.db };
      },
  });
}

function check(mode: 'entries' | 'directional', backward: typeof grads, learnerCost = cost, stored?: number[]) {
  return runGradientCheck(def(mode), 'backward', fakeContext({ cost: learnerCost, backward }), 42, stored);
}

/** The reference's costs at the check's probe points, as `npm run fixtures` stores them. */
function storedCosts(mode: 'entries' | 'directional') {
  return referenceCosts(def(mode), fakeContext({ cost }), 42);
}

describe('gradient check', () => {
  for (const mode of ['entries', 'directional'] as const) {
    it(`passes a right backward pass (${mode})`, async () => {
      const r = await check(mode, grads);
      expect(r.status).toBe('passed');
      expect(r.score).toBe(4);
      expect(r.gradients!.map((g) => g.variable)).toEqual(['w', 'b']);
      for (const g of r.gradients!) expect(g.relativeError).toBeLessThan(1e-3);
    });

    it(`fails a backward pass with the wrong derivative (${mode})`, async () => {
      const r = await check(mode, (w, b) => grads(w, b, 1, (t) => 1 - t));
      expect(r.status).toBe('failed');
      expect(r.message).toContain('disagree');
      expect(r.gradients!.some((g) => !g.passed && g.relativeError > 0.02)).toBe(true);
    });
  }

  it('gives partial credit per variable and names the wrong one', async () => {
    const r = await check('entries', (w, b) => ({ ...grads(w, b), db: map(grads(w, b).db, (v) => v * 3) }));
    expect(r.status).toBe('failed');
    expect(r.score).toBe(2);
    expect(r.message).toContain('gradient of b disagrees');
  });

  it('reports a gradient of the wrong shape instead of crashing', async () => {
    const r = await check('entries', (w, b) => ({ ...grads(w, b), dw: nd([1, 2], [2]) }));
    expect(r.status).toBe('failed');
    expect(r.message).toContain('has shape [2], but w has shape [3]');
  });

  it('reports a learner error with the failing call', async () => {
    const r = await check('entries', () => {
      throw new Error('boom');
    });
    expect(r.status).toBe('error');
    expect(r.message).toContain('backward threw an error: boom');
  });

  describe("with the reference's costs from the fixtures", () => {
    for (const mode of ['entries', 'directional'] as const) {
      it(`passes a right backward pass (${mode})`, async () => {
        const r = await check(mode, grads, cost, await storedCosts(mode));
        expect(r.status).toBe('passed');
        expect(r.score).toBe(4);
      });

      it(`fails a forward pass that answers a constant with an all-zero backward pass (${mode})`, async () => {
        const zero = (w: NdArray, b: NdArray) => ({ dw: map(w, () => 0), db: map(b, () => 0) });
        const constant = () => 0.25;
        // By its own cost alone, the pair agrees: that was the hole.
        expect((await check(mode, zero, constant)).status).toBe('passed');
        const r = await check(mode, zero, constant, await storedCosts(mode));
        expect(r.status).toBe('failed');
        expect(r.score).toBe(0);
        expect(r.message).toContain('Your cost at the check point is 0.25');
      });

      it(`fails a backward pass that agrees with a cost three times too large (${mode})`, async () => {
        const r = await check(mode, (w, b) => grads(w, b, 3), (w, b) => 3 * cost(w, b), await storedCosts(mode));
        expect(r.status).toBe('failed');
        expect(r.message).toContain('disagree');
      });

      it(`passes a right backward pass beside a wrong cost function (${mode})`, async () => {
        const r = await check(mode, grads, (w, b) => 3 * cost(w, b), await storedCosts(mode));
        expect(r.status).toBe('passed');
      });
    }

    it('passes a right backward pass whose cost function throws', async () => {
      const r = await check('entries', grads, () => {
        throw new Error('not written yet');
      }, await storedCosts('entries'));
      expect(r.status).toBe('passed');
    });

    it('judges the learner\'s cost, not the reference\'s, where the gradients are the grader\'s', async () => {
      // As face-recognition's tripletLoss: the learner writes the cost, the grader knows its gradient.
      const graderSide = gradient({ ...def('directional'), gradients: async (_ctx, p) => {
        const g = grads(p.w!, p.b!);
        return { w: g.dw, b: g.db };
      } });
      const stored = await referenceCosts(graderSide, fakeContext({ cost }), 42);
      const right = await runGradientCheck(graderSide, 'cost', fakeContext({ cost }), 42, stored);
      expect(right.status).toBe('passed');
      const wrong = await runGradientCheck(graderSide, 'cost', fakeContext({ cost: (w: NdArray, b: NdArray) => 3 * cost(w, b) }), 42, stored);
      expect(wrong.status).toBe('failed');
      expect(wrong.message).toContain('the cost your code computes');
      // A constant cost so large that any difference looked like float32 noise of it.
      const huge = () => 1e30;
      expect((await runGradientCheck(graderSide, 'cost', fakeContext({ cost: huge }), 42)).status).toBe('passed');
      expect((await runGradientCheck(graderSide, 'cost', fakeContext({ cost: huge }), 42, stored)).status).toBe('failed');
    });

    it('judges by the learner\'s own cost when the stored costs do not fit the probe points', async () => {
      const stored = await storedCosts('entries');
      const r = await check('entries', (w, b) => grads(w, b, 3), (w, b) => 3 * cost(w, b), stored.slice(1));
      expect(r.status).toBe('passed');
    });
  });
});
