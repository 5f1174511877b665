/**
 * Grader: course 1, week 4 — building a deep neural network step by step.
 */
import * as fc from 'fast-check';
import { dim, dims, distinctSizes, labels } from '../../engine/arbitraries';
import { expectArray, expectClose, expectNumber, expectRecord, expectTensor, violated } from '../../engine/checks/violation';
import { defineAssignment, gradient, property, reference, type CheckContext } from '../../engine/define';
import { CallFailure, callOrThrow } from '../../engine/implementation';
import { map, zeros, type NdArray } from '../../engine/ndarray';
import { Seeded } from '../../engine/seeded';
import { randnSeedOf, wrongSeedHint } from '../../shared/np-seed';
import { confidentPredictionsCase, crossEntropyProperties } from '../../shared/cost-properties';
import type { Value, ValueRecord } from '../../engine/values';
import { activationPointAt, GRADIENT_POINT_SEEDS, layerCount, modelPointAt, randomNet, values, type Net, type ValueKind } from './dnn-inputs';

/** The plain-JS forward pass: not in the learner edition, so only hidden checks load it. */
const oracle = () => import('./dnn.oracle');

/** A network of 1–3 layers (the last of size 1) with inputs X [nX, m], labels Y and parameters. */
const netArb = (kind: ValueKind) =>
  distinctSizes(fc.record({ sizes: fc.array(dim(4), { minLength: 1, maxLength: 3 }), m: dim(5) }), ({ sizes, m }) => [...sizes, m]).chain(({ sizes, m }) => {
    const layerDims = [...sizes, 1];
    const params: Record<string, fc.Arbitrary<NdArray>> = {};
    for (let l = 1; l < layerDims.length; l++) {
      params[`W${l}`] = values([layerDims[l]!, layerDims[l - 1]!], kind);
      params[`b${l}`] = values([layerDims[l]!, 1], kind);
    }
    return fc.record({ X: values([layerDims[0]!, m], kind), Y: labels(m), params: fc.record(params) });
  });

/** One layer: A_prev [nPrev, m], W [n, nPrev], b [n, 1], and R shaped like Z. */
const layerArb = (kind: ValueKind) =>
  dims({ nPrev: 4, n: 4, m: 5 }).chain(({ nPrev, n, m }) => fc.record({ APrev: values([nPrev, m], kind), W: values([n, nPrev], kind), b: values([n, 1], kind), R: values([n, m], kind) }));

/** Checks a linear cache item by item, so a wrong order reads as such. */
function expectLinearCache(cache: Value, what: string, APrev: NdArray, W: NdArray, b: NdArray): void {
  const items = expectArray(cache, what, 3);
  (
    [
      ['A_prev', APrev],
      ['W', W],
      ['b', b],
    ] as const
  ).forEach(([name, expected], i) => {
    expectTensor(items[i]!, `${what}[${i}] (should be ${name})`, expected.shape);
    expectClose(items[i]!, expected, `${what}[${i}] (should be ${name})`);
  });
}

/** Caches as lModelForward builds them, from the plain-JS forward pass: [[A_prev, W, b], Z] per layer. */
async function jsCaches(X: NdArray, params: Net): Promise<{ AL: NdArray; caches: Value[] }> {
  const { forwardPass } = await oracle();
  const { layers, AL } = forwardPass(X, params);
  return { AL, caches: layers.map(({ APrev, Z }, i) => [[APrev, params[`W${i + 1}`]!, params[`b${i + 1}`]!], Z]) };
}

const LAYER_COUNT_HINT =
  'The loop runs past the last layer and reads a Wl the parameters do not have: parameters holds two entries per layer (Wl and bl), so the number of layers is L = Object.keys(parameters).length / 2 (RELU layers 1 … L − 1, then the sigmoid layer L).';

async function modelForward(ctx: CheckContext, X: NdArray, params: ValueRecord): Promise<[NdArray, Value[]]> {
  const out = expectArray(await ctx.call('lModelForward', [X, params]), 'lModelForward(X, parameters)', 2);
  const AL = expectTensor(out[0]!, 'AL (the first item lModelForward returns)');
  return [AL, expectArray(out[1]!, 'caches (the second item lModelForward returns)')];
}

async function activationForward(ctx: CheckContext, APrev: NdArray, W: NdArray, b: NdArray, activation: string): Promise<[NdArray, Value]> {
  const out = expectArray(await ctx.call('linearActivationForward', [APrev, W, b, activation]), `linearActivationForward(APrev, W, b, '${activation}')`, 2);
  return [expectTensor(out[0]!, 'A (the first item linearActivationForward returns)'), out[1]!];
}

/** Three gradients [dA_prev, dW, db], checked to be tensors. */
function threeGradients(v: Value, what: string): [NdArray, NdArray, NdArray] {
  const [dAPrev, dW, db] = expectArray(v, what, 3);
  return [expectTensor(dAPrev!, `dA_prev (the first item ${what} returns)`), expectTensor(dW!, `dW (the second item)`), expectTensor(db!, `db (the third item)`)];
}

const dot = (a: NdArray, b: NdArray) => a.data.reduce((s, x, i) => s + x * b.data[i]!, 0);

/**
 * Gradient-check points. The cost of a single layer is J = (1/m)·Σ(out ⊙ R) for a
 * fixed R, so the gradient handed back into the layer is dZ (or dA) = R, the
 * course's dW and db are ∂J/∂W and ∂J/∂b, and dA_prev (a gradient of the summed
 * loss, like every dA in the course) is m·∂J/∂A_prev.
 */
const linearPoint = (() => {
  const s = new Seeded(41);
  return { A: s.randn([4, 5]), W: s.randn([3, 4]), b: s.randn([3, 1]), R: s.randn([3, 5]) };
})();

// Kink-free points, from pinned seeds (see dnn-inputs.ts): the checks stay public.
const activationPoint = activationPointAt(GRADIENT_POINT_SEEDS.activation);
const activationR = new Seeded(43).randn([3, 5]);

const modelPoint = { Y: new Seeded(44).labels(4), p: modelPointAt(GRADIENT_POINT_SEEDS.model) };

function activationGradientCheck(activation: 'relu' | 'sigmoid') {
  const m = activationPoint.APrev.shape[1]!;
  return gradient({
    name: `gradient check (${activation})`,
    points: 2,
    mode: 'entries',
    at: () => activationPoint,
    cost: async (ctx, p) => {
      const [A] = await activationForward(ctx, p.APrev!, p.W!, p.b!, activation);
      return dot(expectTensor(A, 'A', activationR.shape), activationR) / m;
    },
    gradients: async (ctx, p) => {
      const [, cache] = await activationForward(ctx, p.APrev!, p.W!, p.b!, activation);
      const [dAPrev, dW, db] = threeGradients(await ctx.call('linearActivationBackward', [activationR, cache, activation]), 'linearActivationBackward');
      return { APrev: map(dAPrev, (v) => v / m), W: dW, b: db };
    },
  });
}

export default defineAssignment({
  id: 'course1/week4/deep-network-step-by-step',
  title: 'Building your deep neural network: step by step',
  // The instructions: "Every function returns new tensors and records; leave its arguments unchanged." Records only:
  // a backward pass may walk its caches list reversed in place.
  argumentsUnchanged: 'records',
  exercises: [
    {
      name: 'initializeParametersDeep',
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          cases: async () => {
            // Drawn sizes too: their hidden variant has others, which a table of the published answers cannot pass.
            const s = new Seeded(41);
            const drawn = [s.int(7, 10), s.int(2, 6), s.int(2, 6), 1];
            return [[4, 3, 2], [6, 5, 4, 1], drawn].map((dims) => ({ name: `layerDims = [${dims.join(', ')}]`, args: [dims] }));
          },
        }),
        property({
          name: 'one W and b per layer',
          points: 1,
          claim: 'For layerDims of any length L + 1, the parameters are exactly W1, b1, …, WL, bL; Wl is [n_l, n_{l−1}], bl is [n_l, 1] of zeros, and the weights are small (|w| < 0.1); W1 drawn after a seed other than 3 is named',
          inputs: distinctSizes(fc.array(dim(6), { minLength: 2, maxLength: 5 }), (layerDims) => layerDims),
          numRuns: 15,
          holds: async (layerDims, ctx) => {
            const L = layerDims.length - 1;
            const keys = Array.from({ length: L }, (_, i) => [`W${i + 1}`, `b${i + 1}`]).flat();
            const p = expectRecord(await ctx.call('initializeParametersDeep', [layerDims]), 'parameters', keys);
            const extra = Object.keys(p).filter((k) => !keys.includes(k));
            if (extra.length) violated(`parameters has extra keys ${extra.join(', ')}: a network with layerDims of length ${L + 1} has ${L} layers.`);
            for (let l = 1; l <= L; l++) {
              const W = expectTensor(p[`W${l}`]!, `W${l}`, [layerDims[l]!, layerDims[l - 1]!]);
              expectClose(p[`b${l}`]!, zeros([layerDims[l]!, 1]), `b${l}`);
              const big = W.data.find((w) => Math.abs(w) >= 0.1);
              if (big !== undefined) violated(`a weight of W${l} is ${big}: scale the random values by 0.01.`);
              if (W.data.length > 1 && W.data.every((w) => w === W.data[0])) violated(`all of W${l} is the same value: the weights must be random to break symmetry.`);
            }
            const seed = randnSeedOf(p.W1 as NdArray, 3);
            if (seed !== undefined && seed !== 3) violated(`W1 holds the numbers np.random.randn draws after np.random.seed(${seed}) (times 0.01), not after np.random.seed(3).`, wrongSeedHint(seed, 3));
          },
        }),
      ],
    },
    {
      name: 'linearForward',
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          cases: async () => {
            const s = new Seeded(11);
            return [
              { name: 'A [4, 3], W [2, 4]', args: [s.randn([4, 3]), s.randn([2, 4]), s.randn([2, 1])] },
              { name: 'A [3, 6], W [5, 3]', args: [s.randn([3, 6]), s.randn([5, 3]), s.randn([5, 1])] },
            ];
          },
        }),
        property({
          name: 'Z and cache',
          points: 1,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          claim: 'For any shapes, Z = W·A + b is [n, m] and the cache is [A, W, b]',
          inputs: layerArb('grid'),
          holds: async ({ APrev, W, b }, ctx) => {
            const { affine } = await oracle();
            const [Z, cache] = expectArray(await ctx.call('linearForward', [APrev, W, b]), 'linearForward(A, W, b)', 2);
            expectTensor(Z!, 'Z', [W.shape[0]!, APrev.shape[1]!]);
            expectClose(Z!, affine(W, APrev, b), 'Z');
            expectLinearCache(cache!, 'cache', APrev, W, b);
          },
        }),
      ],
    },
    {
      name: 'linearActivationForward',
      dependsOn: ['linearForward'],
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          cases: async () => {
            const s = new Seeded(12);
            return [
              { name: 'sigmoid, A_prev [3, 4], W [2, 3]', args: [s.randn([3, 4]), s.randn([2, 3]), s.randn([2, 1]), 'sigmoid'] },
              { name: 'relu, A_prev [4, 5], W [3, 4]', args: [s.randn([4, 5]), s.randn([3, 4]), s.randn([3, 1]), 'relu'] },
            ];
          },
        }),
        property({
          name: 'activation of the cached Z',
          points: 2,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          claim: "For either activation, the cache is [[A_prev, W, b], Z] with Z = W·A_prev + b, and A = relu(Z) = max(0, Z) ≥ 0 for 'relu', A = σ(Z) in (0, 1) for 'sigmoid'",
          inputs: fc.record({ layer: layerArb('grid'), activation: fc.constantFrom('relu', 'sigmoid') }),
          holds: async ({ layer: { APrev, W, b }, activation }, ctx) => {
            const { affine, relu, sigmoid } = await oracle();
            const [A, cache] = await activationForward(ctx, APrev, W, b, activation);
            const shape = [W.shape[0]!, APrev.shape[1]!];
            expectTensor(A, 'A', shape);
            const [linearCache, Z] = expectArray(cache, 'the cache', 2);
            expectLinearCache(linearCache!, 'cache[0] (the linear cache)', APrev, W, b);
            expectTensor(Z!, 'the activation cache (cache[1], should be Z)', shape);
            expectClose(Z!, affine(W, APrev, b), 'the activation cache (cache[1], should be Z = W·A_prev + b)');
            if (activation === 'relu') {
              const negative = A.data.find((a) => a < 0);
              if (negative !== undefined) violated(`with 'relu', A holds ${negative}: relu(z) = max(0, z) is never negative.`);
              expectClose(A, relu(Z as NdArray), "A for 'relu' (should be max(0, Z))");
            } else {
              if (A.data.some((a) => !(a >= 0 && a <= 1))) violated("with 'sigmoid', A has values outside [0, 1].");
              expectClose(A, sigmoid(Z as NdArray), "A for 'sigmoid' (should be σ(Z))");
            }
          },
        }),
      ],
    },
    {
      name: 'lModelForward',
      dependsOn: ['linearActivationForward'],
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async () => {
            const s = new Seeded(13);
            return [
              { name: 'layers [4, 3, 2, 1], m = 5', args: [s.randn([4, 5]), randomNet(s, [4, 3, 2, 1]) as ValueRecord] },
              { name: 'layers [3, 5, 1], m = 6', args: [s.randn([3, 6]), randomNet(s, [3, 5, 1]) as ValueRecord] },
              { name: 'layers [2, 4, 3, 2, 1], m = 3', args: [s.randn([2, 3]), randomNet(s, [2, 4, 3, 2, 1]) as ValueRecord] },
            ];
          },
        }),
        property({
          name: 'one layer per W, b pair',
          points: 1,
          claim: 'For any number of layers L (parameters holding W1, b1, …, WL, bL), lModelForward runs the L layers and no more: AL is [1, m] and caches holds L caches',
          inputs: netArb('grid'),
          holds: async ({ X, params }, ctx) => {
            const m = X.shape[1]!;
            const L = layerCount(params);
            let out: [NdArray, Value[]];
            try {
              out = await modelForward(ctx, X, params);
            } catch (err) {
              // A loop past layer L reads parameters[`W${L + 1}`], which is undefined: tf.matMul says so in its words.
              if (err instanceof CallFailure && err.outcome.status === 'threw' && /must be a Tensor or TensorLike, but got '(undefined|null)'/.test(err.outcome.message)) {
                violated(`for a network of ${L} layer${L > 1 ? 's' : ''}, lModelForward threw an error: ${err.outcome.message}`, LAYER_COUNT_HINT);
              }
              throw err;
            }
            const [AL, caches] = out;
            expectTensor(AL, 'AL', [1, m]);
            if (caches.length !== L) violated(`caches holds ${caches.length} caches for a network of ${L} layer${L > 1 ? 's' : ''}: append one cache per layer, the last (sigmoid) one included.`);
          },
        }),
        property({
          name: 'shapes and caches for any depth',
          points: 2,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          claim: 'For any number of layers L and sizes, AL is [1, m] in (0, 1) and caches holds L caches [[A_prev, W, b], Z]: relu on layers 1 … L − 1, sigmoid on layer L',
          inputs: netArb('grid'),
          holds: async ({ X, params }, ctx) => {
            const m = X.shape[1]!;
            const L = layerCount(params);
            const [AL, caches] = await modelForward(ctx, X, params);
            expectTensor(AL, 'AL', [1, m]);
            if (caches.length !== L) violated(`caches holds ${caches.length} caches for a network of ${L} layer${L > 1 ? 's' : ''}: append one cache per layer, the last (sigmoid) one included.`);
            const expected = await jsCaches(X, params);
            expectClose(caches, expected.caches, 'caches');
            expectClose(AL, expected.AL, 'AL');
          },
        }),
      ],
    },
    {
      name: 'computeCost',
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          cases: async () => {
            const s = new Seeded(14);
            return [...[5, 8].map((m) => ({ name: `m = ${m}`, args: [s.uniform([1, m], 0.05, 0.95), s.labels(m)], constants: { m } })), confidentPredictionsCase(s)];
          },
        }),
        ...crossEntropyProperties('computeCost'),
      ],
    },
    {
      name: 'linearBackward',
      dependsOn: ['linearForward'],
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async () => {
            const s = new Seeded(15);
            return [
              [3, 4, 5],
              [1, 2, 7],
            ].map(([n, nPrev, m]) => ({
              name: `dZ [${n}, ${m}], A_prev [${nPrev}, ${m}]`,
              args: [s.randn([n!, m!]), [s.randn([nPrev!, m!]), s.randn([n!, nPrev!]), s.randn([n!, 1])]],
              constants: { m: m! },
            }));
          },
        }),
        property({
          name: 'shapes',
          points: 1,
          claim: 'For any shapes, dA_prev has the shape of A_prev, dW the shape of W, db the shape of b ([n, 1])',
          inputs: layerArb('grid'),
          holds: async ({ APrev, W, b, R }, ctx) => {
            const [dAPrev, dW, db] = threeGradients(await ctx.call('linearBackward', [R, [APrev, W, b]]), 'linearBackward');
            expectTensor(dAPrev, 'dA_prev', APrev.shape);
            expectTensor(dW, 'dW', W.shape);
            expectTensor(db, 'db', b.shape);
          },
        }),
        gradient({
          name: 'gradient check',
          points: 3,
          mode: 'entries',
          at: () => ({ A: linearPoint.A, W: linearPoint.W, b: linearPoint.b }),
          cost: async (ctx, p) => {
            const [Z] = expectArray(await ctx.call('linearForward', [p.A!, p.W!, p.b!]), 'linearForward(A, W, b)', 2);
            return dot(expectTensor(Z!, 'Z', linearPoint.R.shape), linearPoint.R) / p.A!.shape[1]!;
          },
          gradients: async (ctx, p) => {
            const [, cache] = expectArray(await ctx.call('linearForward', [p.A!, p.W!, p.b!]), 'linearForward(A, W, b)', 2);
            const [dAPrev, dW, db] = threeGradients(await ctx.call('linearBackward', [linearPoint.R, cache!]), 'linearBackward');
            return { A: map(dAPrev, (v) => v / p.A!.shape[1]!), W: dW, b: db };
          },
        }),
      ],
    },
    {
      name: 'linearActivationBackward',
      dependsOn: ['linearActivationForward', 'linearBackward'],
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async (ref) => {
            const s = new Seeded(16);
            return Promise.all(
              (
                [
                  ['relu', 3, 4, 5],
                  ['sigmoid', 2, 3, 6],
                ] as const
              ).map(async ([activation, n, nPrev, m]) => {
                const [, cache] = (await callOrThrow(ref, 'linearActivationForward', [s.randn([nPrev, m]), s.randn([n, nPrev]), s.randn([n, 1]), activation])) as Value[];
                return { name: `${activation}, dA [${n}, ${m}], A_prev [${nPrev}, ${m}]`, args: [s.randn([n, m]), cache!, activation], constants: { m } };
              }),
            );
          },
        }),
        activationGradientCheck('relu'),
        activationGradientCheck('sigmoid'),
        property({
          name: 'matches the reference on random inputs',
          points: 1,
          hidden: true,
          claim: "The gradients equal the reference solution's for random shapes, values and either activation",
          inputs: fc.record({ layer: layerArb('real'), activation: fc.constantFrom('relu', 'sigmoid') }),
          holds: async ({ layer: { APrev, W, b, R }, activation }, ctx) => {
            const [, cache] = expectArray(await callOrThrow(ctx.reference!, 'linearActivationForward', [APrev, W, b, activation]), 'reference forward');
            const expected = await callOrThrow(ctx.reference!, 'linearActivationBackward', [R, cache!, activation]);
            // No { m } for naming a factor: shrinking ends on W = 0, b = 0, where every Z is 0 and a wrong activation
            // derivative is a constant factor of the right one (1 − σ² over σ(1 − σ) is 3 at 0), which then coincided
            // with m and read "a division by m missing". The reference cases name m where it is the factor.
            expectClose(await ctx.call('linearActivationBackward', [R, cache!, activation]), expected, '[dA_prev, dW, db]');
          },
        }),
      ],
    },
    {
      name: 'lModelBackward',
      dependsOn: ['lModelForward', 'computeCost', 'linearActivationBackward'],
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async (ref) => {
            const s = new Seeded(17);
            return Promise.all(
              [
                [[4, 3, 2, 1], 5],
                [[3, 4, 1], 6],
              ].map(async ([dims, m]) => {
                const layerDims = dims as number[];
                const X = s.randn([layerDims[0]!, m as number]);
                const params = randomNet(s, layerDims) as ValueRecord;
                // AL and the caches come from the reference forward pass, so they are always consistent.
                const [AL, caches] = (await callOrThrow(ref, 'lModelForward', [X, params])) as Value[];
                return { name: `layers [${layerDims.join(', ')}], m = ${m}`, args: [AL!, s.labels(m as number), caches!], constants: { m: m as number } };
              }),
            );
          },
        }),
        property({
          name: 'a gradient for every layer',
          points: 1,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          claim: 'For any depth L, grads holds dA{l−1}, dW{l} and db{l} for l = 1 … L, shaped like A{l−1}, W{l} and b{l}',
          inputs: netArb('grid'),
          holds: async ({ X, Y, params }, ctx) => {
            const L = layerCount(params);
            const { AL, caches } = await jsCaches(X, params);
            const keys = Array.from({ length: L }, (_, i) => [`dA${i}`, `dW${i + 1}`, `db${i + 1}`]).flat();
            const g = expectRecord(await ctx.call('lModelBackward', [AL, Y, caches]), 'grads', keys);
            const { layers } = (await oracle()).forwardPass(X, params);
            for (let l = 1; l <= L; l++) {
              expectTensor(g[`dA${l - 1}`]!, `grads.dA${l - 1}`, layers[l - 1]!.APrev.shape);
              expectTensor(g[`dW${l}`]!, `grads.dW${l}`, params[`W${l}`]!.shape);
              expectTensor(g[`db${l}`]!, `grads.db${l}`, params[`b${l}`]!.shape);
            }
          },
        }),
        gradient({
          name: 'gradient check',
          points: 3,
          mode: 'entries',
          at: () => modelPoint.p,
          cost: async (ctx, { X, ...params }) => {
            const [AL] = await modelForward(ctx, X!, params);
            return expectNumber(await ctx.call('computeCost', [AL, modelPoint.Y]), 'the cost');
          },
          gradients: async (ctx, { X, ...params }) => {
            const [AL, caches] = await modelForward(ctx, X!, params);
            const L = layerCount(params);
            const keys = Array.from({ length: L }, (_, i) => [`dW${i + 1}`, `db${i + 1}`]).flat();
            const g = expectRecord(await ctx.call('lModelBackward', [AL, modelPoint.Y, caches]), 'grads', ['dA0', ...keys]);
            const m = X!.shape[1]!;
            const out: Record<string, Value> = { X: map(expectTensor(g.dA0!, 'grads.dA0', X!.shape), (v) => v / m) };
            for (let l = 1; l <= L; l++) Object.assign(out, { [`W${l}`]: g[`dW${l}`], [`b${l}`]: g[`db${l}`] });
            return out;
          },
        }),
        property({
          name: 'matches the reference on random inputs',
          points: 1,
          hidden: true,
          claim: "The gradients equal the reference solution's for random depths, shapes and values",
          inputs: netArb('real'),
          holds: async ({ X, Y, params }, ctx) => {
            const [AL, caches] = expectArray(await callOrThrow(ctx.reference!, 'lModelForward', [X, params]), 'reference forward');
            const expected = await callOrThrow(ctx.reference!, 'lModelBackward', [AL!, Y, caches!]);
            expectClose(await ctx.call('lModelBackward', [AL!, Y, caches!]), expected, 'grads', {}, { m: X.shape[1]! });
          },
        }),
      ],
    },
    {
      name: 'updateParameters',
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          cases: async () => {
            const s = new Seeded(18);
            const grads = (net: Net) => Object.fromEntries(Object.entries(net).map(([k, v]) => [`d${k}`, v]));
            return [
              { name: 'layers [3, 4, 2, 1], learning rate 0.1', args: [randomNet(s, [3, 4, 2, 1]) as ValueRecord, grads(randomNet(s, [3, 4, 2, 1])), 0.1] },
              { name: 'layers [2, 3, 1], learning rate 1.5', args: [randomNet(s, [2, 3, 1]) as ValueRecord, grads(randomNet(s, [2, 3, 1])), 1.5] },
            ];
          },
        }),
        property({
          name: 'learning rate 0 changes nothing',
          points: 1,
          claim: 'With learning rate 0 the parameters come back unchanged, for any depth',
          inputs: netArb('grid'),
          holds: async ({ params }, ctx) => {
            const grads = Object.fromEntries(Object.entries(params).map(([k, v]) => [`d${k}`, v]));
            expectClose(await ctx.call('updateParameters', [params, grads, 0]), params, 'parameters');
          },
        }),
        property({
          name: 'one step on every layer',
          points: 1,
          claim: 'With grads equal to the parameters, one step of learning rate α scales every Wl and bl by (1 − α), for any depth',
          inputs: fc.record({ net: netArb('grid'), alpha: fc.double({ min: 0.05, max: 2, noNaN: true }) }),
          holds: async ({ net: { params }, alpha }, ctx) => {
            const grads = Object.fromEntries(Object.entries(params).map(([k, v]) => [`d${k}`, v]));
            const expected = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, map(v, (x) => (1 - alpha) * x)]));
            const updated = expectRecord(await ctx.call('updateParameters', [params, grads, alpha]), 'parameters', Object.keys(params));
            expectClose(updated, expected, 'parameters');
          },
        }),
      ],
    },
  ],
});

