/**
 * Grader: course 4, week 4 — art generation with neural style transfer.
 *
 * No VGG here: the costs are computed on random activations [1, nH, nW, nC],
 * and checked against plain-JS math (unrolling, Gram matrices, the course's
 * normalisations). The costs' gradients with respect to the generated image's
 * activations are what the optimiser follows, so a gradient check compares
 * central differences of the learner's cost with the analytic gradient
 * computed here.
 */
import * as fc from 'fast-check';
import { dims as distinctDims, tensor } from '../../engine/arbitraries';
import { expectClose, expectNumber, expectTensor, violated } from '../../engine/checks/violation';
import { withinTolerance } from '../../engine/compare';
import { defineAssignment, gradient, property, reference, type CheckContext } from '../../engine/define';
import { formatNumber, matmul, nd, transpose2d, type NdArray } from '../../engine/ndarray';
import { Seeded } from '../../engine/seeded';
import { tolerance } from '../../engine/tolerance';
import type { Value } from '../../engine/values';

// ---------------------------------------------------------------- plain-JS math

const dims = (a: NdArray) => {
  const [, nH, nW, nC] = a.shape as [number, number, number, number];
  return { nH, nW, nC };
};

/** [1, nH, nW, nC] → [nC, nH·nW]: row c holds channel c at every position, row-major over (h, w). */
function unroll(a: NdArray): NdArray {
  const { nH, nW, nC } = dims(a);
  const n = nH * nW;
  const out = new Array<number>(nC * n);
  for (let p = 0; p < n; p++) for (let c = 0; c < nC; c++) out[c * n + p] = a.data[p * nC + c]!;
  return nd(out, [nC, n]);
}

// A cost of identical activations is a float32 computation whose differences are all exactly 0: 0 within the float32 floor.
const isZero = (J: number) => withinTolerance(0, J, tolerance('float32'));

const gram = (A: NdArray): NdArray => matmul(A, transpose2d(A));
const sumSqDiff = (x: readonly number[], y: readonly number[]) => x.reduce((s, v, i) => s + (v - y[i]!) ** 2, 0);

function contentJs(aC: NdArray, aG: NdArray): number {
  const { nH, nW, nC } = dims(aG);
  return sumSqDiff(aC.data, aG.data) / (4 * nH * nW * nC);
}

function layerStyleJs(aS: NdArray, aG: NdArray): number {
  const { nH, nW, nC } = dims(aG);
  return sumSqDiff(gram(unroll(aS)).data, gram(unroll(aG)).data) / (4 * nC ** 2 * (nH * nW) ** 2);
}

/** ∂J_content/∂a_G = (a_G − a_C) / (2·nH·nW·nC). */
function contentGradient(aC: NdArray, aG: NdArray): NdArray {
  const { nH, nW, nC } = dims(aG);
  return nd(
    aG.data.map((g, i) => (g - aC.data[i]!) / (2 * nH * nW * nC)),
    aG.shape,
  );
}

/** ∂J_style/∂U_G = 4k·(G_G − G_S)·U_G with k = 1/(4·nC²·(nH·nW)²), folded back to [1, nH, nW, nC]. */
function styleGradient(aS: NdArray, aG: NdArray): NdArray {
  const { nH, nW, nC } = dims(aG);
  const U = unroll(aG);
  const GS = gram(unroll(aS));
  const GG = gram(U);
  const k = 1 / (4 * nC ** 2 * (nH * nW) ** 2);
  const D = nd(
    GG.data.map((g, i) => 4 * k * (g - GS.data[i]!)),
    GG.shape,
  );
  const dU = matmul(D, U);
  const n = nH * nW;
  const out = new Array<number>(aG.data.length);
  for (let p = 0; p < n; p++) for (let c = 0; c < nC; c++) out[p * nC + c] = dU.data[c * n + p]!;
  return nd(out, aG.shape);
}

// ---------------------------------------------------------------- inputs

/** Activations [1, nH, nW, nC] after a ReLU: non-negative, some zeros. */
const reluActivations = (s: Seeded, shape: number[]) => nd(s.randn(shape).data.map((v) => Math.max(v, 0) + 0.05 * Math.abs(v)), shape);

/** nH, nW and nC mostly differ: "that is nC" then cannot be nH·nW, and a transpose shows. */
const shapeArb = distinctDims({ nH: 4, nW: 4, nC: 4 });
/** Two activations of the same random shape, values on a 0.25 grid. */
const pairArb = shapeArb.chain(({ nH, nW, nC }) => fc.record({ a: tensor([1, nH, nW, nC], { min: -2, max: 2, step: 0.25 }), b: tensor([1, nH, nW, nC], { min: -2, max: 2, step: 0.25 }) }));

/** Two activations of a shape whose sizes are all at least 2 and mostly differ: a factor of one size is then named alone. */
const normPairArb = distinctDims({ nH: [2, 5], nW: [2, 5], nC: [2, 5] }).chain(({ nH, nW, nC }) =>
  fc.record({ a: tensor([1, nH, nW, nC], { min: -2, max: 2, step: 0.25 }), b: tensor([1, nH, nW, nC], { min: -2, max: 2, step: 0.25 }) }),
);

/**
 * At least two different non-zero magnitudes among the compared differences. With a single one (d), which
 * shrinking reaches, |d| or ‖d‖ in place of d² is d·(a constant), and the learner would be told "a constant
 * factor is off" (4× for d = 0.25) where the square is missing.
 */
const twoMagnitudes = (diffs: readonly number[]) => new Set(diffs.filter((d) => d !== 0).map(Math.abs)).size >= 2;
const contentNormPairArb = normPairArb.filter(({ a, b }) => twoMagnitudes(a.data.map((v, i) => v - b.data[i]!)));
const styleNormPairArb = normPairArb.filter(({ a, b }) => {
  const GA = gram(unroll(a)).data;
  const GB = gram(unroll(b)).data;
  return twoMagnitudes(GA.map((v, i) => v - GB[i]!));
});

/**
 * The sizes, each on its own: the diagnosis forms their products (nH·nW, nH·nW·nC …) and leaves out a size of 1,
 * so a factor of 2 on [1, 1, 2, 3] is nW, not "nH·nW" (a product given as one constant would be named whole).
 */
const constantsOf = (a: NdArray) => dims(a);

async function cost(ctx: CheckContext, fn: string, args: Value[]): Promise<number> {
  // The instructions ask for scalar tensors (tf.Scalar), as an optimiser needs, not numbers.
  const v = await ctx.call(fn, args);
  if (typeof v === 'number') violated(`${fn}(…) should be a scalar tensor, but is the number ${formatNumber(v)}: return it as a tensor (for example tf.scalar(x), or the tf.div itself).`);
  return expectTensor(v, `${fn}(…)`, []).data[0]!;
}

const contentPoint = (() => {
  const s = new Seeded(71);
  return { aC: reluActivations(s, [1, 2, 3, 2]), aG: s.randn([1, 2, 3, 2]) };
})();
const stylePoint = (() => {
  const s = new Seeded(72);
  return { aS: reluActivations(s, [1, 3, 2, 3]), aG: s.randn([1, 3, 2, 3]) };
})();

// ---------------------------------------------------------------- the assignment

export default defineAssignment({
  id: 'course4/week4/style-transfer',
  title: 'Art generation with neural style transfer',
  exercises: [
    {
      name: 'computeContentCost',
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async () => {
            const s = new Seeded(51);
            return (
              [
                [3, 5, 4],
                [2, 6, 3],
                [5, 5, 2],
              ] as const
            ).map(([nH, nW, nC]) => {
              const aC = reluActivations(s, [1, nH, nW, nC]);
              return { name: `a_C and a_G [1, ${nH}, ${nW}, ${nC}]`, args: [aC, reluActivations(s, [1, nH, nW, nC])], constants: constantsOf(aC) };
            });
          },
        }),
        property({
          name: 'zero for identical inputs, never negative',
          points: 1,
          claim: 'For any shape, J_content(a, a) = 0 and J_content(a_C, a_G) ≥ 0',
          inputs: pairArb,
          numRuns: 15,
          holds: async ({ a, b }, ctx) => {
            const same = await cost(ctx, 'computeContentCost', [a, a]);
            if (!isZero(same)) violated(`J_content(a, a) is ${formatNumber(same)}, expected 0.`);
            const J = await cost(ctx, 'computeContentCost', [a, b]);
            if (!(J >= -1e-6)) violated(`J_content(a_C, a_G) is ${formatNumber(J)}: a sum of squares is never negative.`);
          },
        }),
        property({
          name: 'normalised by 4·nH·nW·nC',
          points: 2,
          claim: 'For any shape [1, nH, nW, nC], J_content = Σ(a_C − a_G)² / (4·nH·nW·nC)',
          inputs: contentNormPairArb,
          numRuns: 15,
          holds: async ({ a, b }, ctx) => {
            expectClose(await cost(ctx, 'computeContentCost', [a, b]), contentJs(a, b), `J_content for [${a.shape.join(', ')}]`, {}, constantsOf(a));
          },
        }),
        gradient({
          name: 'gradient with respect to a_G',
          points: 1,
          mode: 'entries',
          at: () => ({ aG: contentPoint.aG }),
          cost: async (ctx, p) => cost(ctx, 'computeContentCost', [contentPoint.aC, p.aG!]),
          // The learner returns only the cost: the analytic gradient is the grader's, and the learner's cost must follow it.
          gradients: async (_ctx, p) => ({ aG: contentGradient(contentPoint.aC, p.aG!) }),
        }),
      ],
    },
    {
      name: 'gramMatrix',
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          cases: async () => {
            const s = new Seeded(52);
            return [
              { name: 'A [3, 8]', args: [s.randn([3, 8])] },
              { name: 'A [5, 4]', args: [s.randn([5, 4])] },
            ];
          },
        }),
        property({
          name: 'symmetric, positive semi-definite',
          points: 1,
          claim: 'For any A [nC, n], the Gram matrix is [nC, nC], symmetric, with Gᵢᵢ = ‖row i‖² ≥ 0 and xᵀGx ≥ 0 for every x',
          inputs: distinctDims({ nC: 5, n: 6 }).chain(({ nC, n }) => fc.record({ A: tensor([nC, n], { min: -2, max: 2, step: 0.25 }), x: fc.array(tensor([nC, 1], { min: -1, max: 1, step: 0.25 }), { minLength: 3, maxLength: 3 }) })),
          numRuns: 20,
          holds: async ({ A, x }, ctx) => {
            const nC = A.shape[0]!;
            const n = A.shape[1]!;
            const G = expectTensor(await ctx.call('gramMatrix', [A]), 'the Gram matrix', [nC, nC]);
            const scale = 1e-4 * (1 + Math.max(...G.data.map(Math.abs)));
            for (let i = 0; i < nC; i++) {
              for (let j = 0; j < i; j++)
                if (Math.abs(G.data[i * nC + j]! - G.data[j * nC + i]!) > scale) violated(`G[${i}, ${j}] = ${formatNumber(G.data[i * nC + j]!)} but G[${j}, ${i}] = ${formatNumber(G.data[j * nC + i]!)}: a Gram matrix is symmetric.`);
              const sq = A.data.slice(i * n, (i + 1) * n).reduce((s, v) => s + v * v, 0);
              if (Math.abs(G.data[i * nC + i]! - sq) > scale) violated(`G[${i}, ${i}] is ${formatNumber(G.data[i * nC + i]!)}, but row ${i} of A has squared length ${formatNumber(sq)}: the diagonal holds each row's dot product with itself.`);
            }
            for (const v of x) {
              const q = matmul(matmul(transpose2d(v), G), v).data[0]!;
              if (q < -scale) violated(`xᵀGx = ${formatNumber(q)} < 0 for x = [${v.data.map(formatNumber).join(', ')}]: G = A·Aᵀ is positive semi-definite (xᵀA·Aᵀx = ‖Aᵀx‖²).`);
            }
          },
        }),
        property({
          name: 'A times its transpose',
          points: 1,
          claim: 'For any A [nC, n], gramMatrix(A) = A·Aᵀ (entry (i, j) is the dot product of rows i and j)',
          inputs: distinctDims({ nC: 5, n: 6 }).chain(({ nC, n }) => tensor([nC, n], { min: -2, max: 2, step: 0.25 })),
          numRuns: 15,
          holds: async (A, ctx) => {
            expectClose(await ctx.call('gramMatrix', [A]), gram(A), 'the Gram matrix');
          },
        }),
      ],
    },
    {
      name: 'computeLayerStyleCost',
      dependsOn: ['gramMatrix'],
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async () => {
            const s = new Seeded(53);
            return (
              [
                [3, 4, 3],
                [2, 5, 4],
                [4, 4, 2],
              ] as const
            ).map(([nH, nW, nC]) => {
              const aS = reluActivations(s, [1, nH, nW, nC]);
              return { name: `a_S and a_G [1, ${nH}, ${nW}, ${nC}]`, args: [aS, reluActivations(s, [1, nH, nW, nC])], constants: constantsOf(aS) };
            });
          },
        }),
        property({
          name: 'zero for identical inputs, never negative',
          points: 1,
          claim: 'For any shape, J_style(a, a) = 0 and J_style(a_S, a_G) ≥ 0',
          inputs: pairArb,
          numRuns: 15,
          holds: async ({ a, b }, ctx) => {
            const same = await cost(ctx, 'computeLayerStyleCost', [a, a]);
            if (!isZero(same)) violated(`J_style(a, a) is ${formatNumber(same)}, expected 0.`);
            const J = await cost(ctx, 'computeLayerStyleCost', [a, b]);
            if (!(J >= -1e-6)) violated(`J_style(a_S, a_G) is ${formatNumber(J)}: a sum of squares is never negative.`);
          },
        }),
        property({
          name: 'blind to where features are',
          points: 1,
          claim:
            'Style is about which features occur together, not where: shuffling the nH·nW positions of a_G (each position keeping its nC channels) leaves J_style unchanged, since the Gram matrix of the unrolled [nC, nH·nW] activations does not change',
          inputs: fc.record({ pair: pairArb, seed: fc.integer({ min: 0, max: 1e6 }) }),
          numRuns: 15,
          holds: async ({ pair: { a, b }, seed }, ctx) => {
            const { nH, nW, nC } = dims(b);
            const order = new Seeded(seed).uniform([nH * nW]).data.map((u, i) => [u, i] as const).sort((x, y) => x[0] - y[0]).map(([, i]) => i);
            const shuffled = nd(
              order.flatMap((p) => b.data.slice(p * nC, (p + 1) * nC)),
              b.shape,
            );
            const J = await cost(ctx, 'computeLayerStyleCost', [a, b]);
            const Js = await cost(ctx, 'computeLayerStyleCost', [a, shuffled]);
            if (!withinTolerance(J, Js, tolerance('float32')))
              violated(
                `J_style is ${formatNumber(J)}, but ${formatNumber(Js)} once the positions of a_G are shuffled (positions in the order ${order.join(', ')}).`,
                'Unroll [1, nH, nW, nC] to [nC, nH·nW] by reshaping to [nH·nW, nC] and then transposing: reshaping straight to [nC, nH·nW] mixes channels and positions, and without the transpose the Gram matrix is [nH·nW, nH·nW], over positions instead of channels.',
              );
          },
        }),
        property({
          name: 'the course normalisation',
          points: 2,
          claim: 'For any shape, J_style = Σ(G_S − G_G)² / (4·nC²·(nH·nW)²), with G = U·Uᵀ of the activations unrolled to U [nC, nH·nW]',
          inputs: styleNormPairArb,
          numRuns: 15,
          holds: async ({ a, b }, ctx) => {
            expectClose(await cost(ctx, 'computeLayerStyleCost', [a, b]), layerStyleJs(a, b), `J_style for [${a.shape.join(', ')}]`, {}, constantsOf(a));
          },
        }),
        gradient({
          name: 'gradient with respect to a_G',
          points: 1,
          mode: 'directional',
          at: () => ({ aG: stylePoint.aG }),
          cost: async (ctx, p) => cost(ctx, 'computeLayerStyleCost', [stylePoint.aS, p.aG!]),
          gradients: async (_ctx, p) => ({ aG: styleGradient(stylePoint.aS, p.aG!) }),
        }),
      ],
    },
    {
      name: 'computeStyleCost',
      dependsOn: ['computeLayerStyleCost'],
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          cases: async () => {
            const s = new Seeded(54);
            const layers = (shapes: number[][]) => ({ S: shapes.map((sh) => reluActivations(s, sh)), G: shapes.map((sh) => reluActivations(s, sh)) });
            const two = layers([
              [1, 4, 4, 2],
              [1, 2, 2, 4],
            ]);
            const five = layers([
              [1, 4, 4, 2],
              [1, 3, 3, 3],
              [1, 2, 2, 4],
              [1, 2, 1, 5],
              [1, 1, 1, 6],
            ]);
            const three = layers([
              [1, 3, 4, 2],
              [1, 2, 3, 3],
              [1, 1, 2, 4],
            ]);
            return [
              {
                name: '2 layers, coefficients 0.7 and 0.3',
                args: [
                  two.S,
                  two.G,
                  [
                    ['conv1', 0.7],
                    ['conv2', 0.3],
                  ],
                ],
              },
              { name: '5 layers, the default STYLE_LAYERS (0.2 each)', args: [five.S, five.G] },
              {
                name: '3 layers, coefficients 0.5, 0.1 and 2',
                args: [
                  three.S,
                  three.G,
                  [
                    ['a', 0.5],
                    ['b', 0.1],
                    ['c', 2],
                  ],
                ],
              },
            ];
          },
        }),
        property({
          name: 'weighted sum of the layers',
          points: 2,
          claim: 'For any number of layers, shapes and coefficients λ, J_style = Σ_l λ_l · J_style^[l](a_S^[l], a_G^[l])',
          inputs: fc
            .array(
              fc.record({
                shape: shapeArb,
                coefficient: fc.integer({ min: 0, max: 8 }).map((k) => k / 4),
                seed: fc.integer({ min: 0, max: 1e6 }),
              }),
              { minLength: 1, maxLength: 4 },
            )
            .map((layers) =>
              layers.map(({ shape: { nH, nW, nC }, coefficient, seed }, l) => {
                const s = new Seeded(seed);
                return { name: `layer${l + 1}`, coefficient, aS: reluActivations(s, [1, nH, nW, nC]), aG: reluActivations(s, [1, nH, nW, nC]) };
              }),
            ),
          numRuns: 15,
          holds: async (layers, ctx) => {
            const styleLayers = layers.map((l) => [l.name, l.coefficient]);
            const J = await cost(ctx, 'computeStyleCost', [layers.map((l) => l.aS), layers.map((l) => l.aG), styleLayers]);
            const parts = layers.map((l) => l.coefficient * layerStyleJs(l.aS, l.aG));
            expectClose(J, parts.reduce((a, b) => a + b, 0), `J_style (the layers contribute ${parts.map(formatNumber).join(' + ')})`);
          },
        }),
      ],
    },
    {
      name: 'totalCost',
      checks: [
        reference({
          name: 'seeded cases',
          points: 1,
          cases: async () => {
            const s = new Seeded(55);
            const [a, b, c, d] = s.uniform([4], 0, 5).data;
            return [
              { name: 'default α = 10, β = 40', args: [a!, b!] },
              { name: 'α = 5, β = 100', args: [c!, d!, 5, 100] },
            ];
          },
        }),
        property({
          name: 'α·J_content + β·J_style',
          points: 1,
          claim: 'For any costs and weights, J = α·J_content + β·J_style (α = 10, β = 40 when not given)',
          inputs: fc.record({
            Jc: fc.integer({ min: 0, max: 40 }).map((k) => k / 4),
            Js: fc.integer({ min: 0, max: 40 }).map((k) => k / 4),
            weights: fc.option(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }))),
          }),
          numRuns: 15,
          holds: async ({ Jc, Js, weights }, ctx) => {
            const [alpha, beta] = weights ?? [10, 40];
            const J = expectNumber(await ctx.call('totalCost', weights ? [Jc, Js, alpha, beta] : [Jc, Js]), 'the total cost');
            expectClose(J, alpha * Jc + beta * Js, `totalCost(${Jc}, ${Js}${weights ? `, ${alpha}, ${beta}` : ''})`);
          },
        }),
      ],
    },
  ],
});
