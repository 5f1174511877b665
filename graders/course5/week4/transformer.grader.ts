/**
 * Grader: Sequence models, week 4 — Transformer building blocks.
 *
 * Positional encodings and masks: seeded reference cases, and properties stating
 * their definitions (sin on even and cos on odd dimensions, bounded by 1; 1 = keep).
 * Attention: reference cases with and without masks (3-D and per-head 4-D inputs),
 * properties (weights are distributions with no weight on masked keys, keys and
 * values can be permuted together, a look-ahead mask hides the future) and a
 * gradient check of Σ(R ⊙ output) against tf.grads of the course's formula.
 * Encoder layer: it is built from TensorFlow.js layers inside the learner's code
 * and applied there (a layer cannot cross the sandbox), with every weight passed
 * in, so outputs are reproducible; properties check the final layer norm, that
 * dropout is off at inference and drops the rate's share of each sublayer's output
 * while training (Math.random seeded in the sandbox for those calls), that with x ≠ 0
 * it drops the sublayer output alone (not the residual) with the kept units scaled by
 * 1/(1 − rate), that an omitted dropoutRate means 0.1, and (hidden) agreement with
 * the reference at any size.
 */
import type * as TF from '@tensorflow/tfjs';
import * as fc from 'fast-check';
import { dim, dims, distinctSizes } from '../../engine/arbitraries';
import { expectArray, expectClose, expectTensor, violated } from '../../engine/checks/violation';
import { withinTolerance } from '../../engine/compare';
import { defineAssignment, gradient, property, reference, type CheckContext } from '../../engine/define';
import { callOrThrow } from '../../engine/implementation';
import { formatNumber, formatShape, nd, type NdArray } from '../../engine/ndarray';
import { tfOracle } from '../../engine/oracle';
import { Seeded } from '../../engine/seeded';
import { tolerance } from '../../engine/tolerance';
import type { Value } from '../../engine/values';

// ---------------------------------------------------------------- hints (each names one known mistake)

// Not a rounding tolerance: layer norm returns variance σ²/(σ² + ε), which a learner's ε (the course's 1e-6, or
// Keras's default 1e-3) pulls below 1 for rows of small spread; 1% leaves room for both.
const LAYERNORM_VARIANCE_ROOM = 0.01;
// The normalised values have unit spread (variance 1): their float32 mean is 0 within float32's tolerance at that scale.
const LAYERNORM_MEAN = tolerance('float32', { scale: 1 });

const HINTS = {
  angleExponent: 'The exponent is 2·⌊k/2⌋/d, not 2k/d: dimensions 2i and 2i + 1 share the angle pos / 10000^(2i/d) (use tf.floorDiv(k, 2)).',
  sinCosSwapped: 'sin and cos are swapped: even dimensions (k = 0, 2, …) take sin(angle), odd ones cos(angle), so PE[0, 0, :] starts 0, 1, 0, 1, …',
  paddingInverted: 'The padding mask is inverted: in this course 1 marks a real token (id ≠ 0) that may be attended to, 0 marks padding (id = 0).',
  lookAheadUpper: 'The look-ahead mask keeps the wrong triangle: query i may see keys 0 … i, so the ones are on and below the diagonal (tf.linalg.bandPart(ones, -1, 0)), not above.',
  lookAheadInverted:
    'This is the look-ahead mask of the other convention (1 = hidden): in this course 1 marks the keys a query may see, so the ones are on and below the diagonal, tf.linalg.bandPart(ones, -1, 0), without the 1 −.',
  lookAheadStrict: 'The diagonal is 0: query i may attend to itself, so the ones are on and below the diagonal (j ≤ i), tf.linalg.bandPart(ones, -1, 0).',
  maskAfterSoftmax:
    'The mask is applied after the softmax: zeroing the masked weights leaves rows that sum to less than 1. Add (1 − mask)·(−1e9) to the logits before the softmax.',
  scaleByDk: 'The logits are divided by dk: divide Q·Kᵀ by √dk, the square root of the depth of the keys.',
  noScale: 'Q·Kᵀ is not scaled: divide it by √dk (dk = the size of the last axis of k) before the softmax.',
  maskInverted: 'The mask works the wrong way round: with 1 = keep and 0 = ignore, add (1 − mask)·(−1e9) to the logits, not mask·(−1e9).',
  maskDtype:
    "The masks are float32 tensors of 0s and 1s (the instructions' dtype): they are multiplied into the logits, (1 − mask)·(−1e9), so cast the comparison with tf.cast(…, 'float32').",
  maskInfinite:
    "Give masked keys a large negative logit, (1 − mask)·(−1e9) as the course writes it, not −∞: a query whose keys are all masked (a sequence that is all padding) then still gets finite weights, where −∞ everywhere makes the softmax NaN.",
  maskNotLarge: 'Masked positions (mask = 0) still get attention weight: add (1 − mask)·(−1e9) to the logits before the softmax, so that their weight is (numerically) 0.',
  softmaxAxis: 'The softmax runs over the wrong axis: each query attends over the keys, so normalise the last axis (tf.softmax(logits, -1)); every row of the weights sums to 1.',
  transposedWeights: 'Multiply the attention weights by V as they are, weights·V ([…, seqQ, seqK]·[…, seqK, dv]): the transpose belongs only to K in Q·Kᵀ.',
  noResidual: 'A residual connection is missing: each layer normalization takes its sublayer\'s input plus its output, layernorm1(x + attn) and layernorm2(out1 + ffn).',
  normBeforeResidual: 'Add the residual before normalising: out1 = layernorm1(x + attn), out2 = layernorm2(out1 + ffn), not x + layernorm1(attn).',
  dropoutAtInference: 'Dropout acts at inference: apply the dropout layers with layer.apply(t, { training }), so they drop units only when training is true.',
  noDropoutInTraining:
    'No dropout while training: apply tf.layers.dropout({ rate: dropoutRate }) to the attention output before the first residual sum and to the feed-forward output before the second, each with { training }.',
  residualDroppedAttention:
    'Dropout also acts on the residual x: drop only the attention output and add x as it is, out1 = layernorm1(x + dropout(attn)), not layernorm1(dropout(x + attn)) or layernorm1(dropout(x) + dropout(attn)).',
  residualDroppedFeedForward:
    'Dropout also acts on the residual out1: drop only the feed-forward output and add out1 as it is, layernorm2(out1 + dropout(ffn)), not layernorm2(dropout(out1 + ffn)).',
  dropoutUnscaled:
    'The units dropout keeps are not scaled up by 1/(1 − dropoutRate): inverted dropout (tf.layers.dropout, tf.dropout) zeroes a share dropoutRate and divides the rest by 1 − dropoutRate, so a hand-made 0/1 mask needs that division (and multiplying by 1 − dropoutRate undoes it).',
  defaultRateLost:
    'With dropoutRate left out of the options, nothing is dropped while training: its default is 0.1 (const { dropoutRate = 0.1 } = options, or options.dropoutRate ?? 0.1); tf.layers.dropout({ rate: undefined }) drops nothing.',
  rateAsKeepProb: "dropoutRate is the fraction of units dropped, not kept: pass it as it is, tf.layers.dropout({ rate: dropoutRate }) (not 1 − dropoutRate).",
};

// ---------------------------------------------------------------- plain-JS helpers on NdArrays

const strides = (shape: readonly number[]) => shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
/** The element at a multi-index (with broadcasting over axes of size 1). */
function at(a: NdArray, idx: number[]): number {
  const st = strides(a.shape);
  const off = idx.slice(idx.length - a.shape.length);
  return a.data[off.reduce((s, v, i) => s + (a.shape[i] === 1 ? 0 : v) * st[i]!, 0)]!;
}
/** An integer in [low, high], drawn from s. */
const sizeIn = (s: Seeded, low: number, high: number) => low + Math.min(high - low, Math.floor(s.uniform([1], 0, high - low + 1).data[0]!));
const ints = (s: Seeded, shape: number[], high: number) => nd(s.uniform(shape, 0, high).data.map(Math.floor), shape, 'int32');
/** Token ids [m, n] in 0 … 3 with a real first token in every row (no sequence is all padding). */
function tokens(s: Seeded, m: number, n: number): NdArray {
  const t = ints(s, [m, n], 4);
  return nd(t.data.map((v, i) => (i % n === 0 && v === 0 ? 1 : v)), [m, n], 'int32');
}
const paddingMaskOf = (ids: NdArray) => nd(ids.data.map((v) => (v !== 0 ? 1 : 0)), [ids.shape[0]!, 1, ids.shape[1]!]);
const lookAheadOf = (n: number) => nd(Array.from({ length: n * n }, (_, i) => (i % n <= Math.floor(i / n) ? 1 : 0)), [1, n, n]);
const angleOf = (pos: number, k: number, d: number) => pos / Math.pow(10000, (2 * Math.floor(k / 2)) / d);
const dot = (a: NdArray, b: NdArray) => a.data.reduce((s, x, i) => s + x * b.data[i]!, 0);
const same = (a: Value, b: Value) => withinTolerance(a, b);

// ---------------------------------------------------------------- calls

async function attention(ctx: CheckContext, q: NdArray, k: NdArray, v: NdArray, mask: NdArray | null): Promise<[NdArray, NdArray]> {
  const out = expectArray(await ctx.call('scaledDotProductAttention', [q, k, v, mask]), 'scaledDotProductAttention(q, k, v, mask)', 2);
  const lead = q.shape.slice(0, -1);
  return [
    expectTensor(out[0]!, 'the output (the first item scaledDotProductAttention returns)', [...lead, v.shape[v.shape.length - 1]!]),
    expectTensor(out[1]!, 'the attention weights (the second item)', [...lead, k.shape[k.shape.length - 2]!]),
  ];
}

/** Rows [m, seqQ] of the weights [m, seqQ, seqK], each a plain array over the keys. */
function rowsOf(w: NdArray): number[][] {
  const n = w.shape[w.shape.length - 1]!;
  return Array.from({ length: w.data.length / n }, (_, r) => w.data.slice(r * n, r * n + n));
}

// ---------------------------------------------------------------- encoder inputs

interface EncoderSpec {
  m: number;
  seq: number;
  heads: number;
  depth: number;
  dff: number;
  maskKind: 'none' | 'padding' | 'look-ahead';
  training: boolean;
  rate: number;
}

function encoderWeights(s: Seeded, d: number, dff: number) {
  const w = (shape: number[]) => s.randn(shape, 0.5);
  const norm = () => ({ gamma: nd(s.randn([d], 0.1).data.map((v) => 1 + v), [d]), beta: s.randn([d], 0.1) });
  return {
    mha: { wq: w([d, d]), bq: w([d]), wk: w([d, d]), bk: w([d]), wv: w([d, d]), bv: w([d]), wo: w([d, d]), bo: w([d]) },
    ffn: { w1: w([d, dff]), b1: w([dff]), w2: w([dff, d]), b2: w([d]) },
    layernorm1: norm(),
    layernorm2: norm(),
  };
}

/** The arguments of encoderLayer for a spec, drawn from a seed. */
function encoderArgs(s: Seeded, e: EncoderSpec): Value[] {
  const d = e.heads * e.depth;
  const x = s.randn([e.m, e.seq, d]);
  const mask = e.maskKind === 'padding' ? paddingMaskOf(tokens(s, e.m, e.seq)) : e.maskKind === 'look-ahead' ? lookAheadOf(e.seq) : null;
  return [x, e.training, mask, { numHeads: e.heads, fullyConnectedDim: e.dff, dropoutRate: e.rate }, encoderWeights(s, d, e.dff)];
}
const describeSizes = (e: EncoderSpec) =>
  `x [${e.m}, ${e.seq}, ${e.heads * e.depth}], ${e.heads} head${e.heads > 1 ? 's' : ''}, dff = ${e.dff}, ${e.maskKind === 'none' ? 'no mask' : `${e.maskKind} mask`}`;
const describeEncoder = (e: EncoderSpec) => `${describeSizes(e)}, ${e.training ? 'training' : 'inference'}, dropout ${e.rate}`;

// m, seq, heads, depth and dff mostly differ: splitting the heads or a transpose on the wrong axes then shows.
const encoderArb = fc
  .record({
    sizes: dims({ m: 2, seq: 5, heads: 3, depth: 3, dff: 6 }),
    maskKind: fc.constantFrom<EncoderSpec['maskKind']>('none', 'padding', 'look-ahead'),
    training: fc.boolean(),
    rate: fc.constantFrom(0, 0.1, 0.5),
    seed: fc.integer({ min: 0, max: 9999 }),
  })
  .map(({ sizes, ...rest }) => {
    const e = { ...sizes, ...rest };
    return { ...e, args: encoderArgs(new Seeded(e.seed), e) };
  });
type EncoderInput = EncoderSpec & { seed: number; args: Value[] };
const showEncoder = (e: EncoderInput) => `${describeEncoder(e)}, x and every weight drawn from seed ${e.seed}`;

async function encoder(ctx: CheckContext, args: Value[]): Promise<NdArray> {
  const x = args[0] as NdArray;
  return expectTensor(await ctx.call('encoderLayer', args), 'the output of encoderLayer', [...x.shape]);
}

// ---------------------------------------------------------------- dropout while training

/** Where the dropout under test sits: on the attention output (drop1) or on the feed-forward output (drop2). */
type DropoutSite = 'attention' | 'feed-forward';
const DROPOUT_SIZES = { m: 4, seq: 6, heads: 2, depth: 4, dff: 3 };
// Far from a correct layer's share (binomial spread ~0.03 over 192 units), far from 1 − rate and from 0.
const DROPPED_SHARE_ROOM = 0.2;
// The default rate 0.1 over both sites' 384 units: binomial spread ~0.015, so a correct layer lands in [0.03, 0.2]
// (over 4.5 spreads below, 6 above) for any seed; nothing dropped (0) is the default lost.
const DEFAULT_SHARE_RANGE = [0.03, 0.2] as const;

/**
 * encoderLayer's arguments where the sublayer at `site` outputs the same vector c (distinct positive values) at
 * every position and everything else adds 0: x = 0, layer norms plain (γ = 1, β = 0), and for 'attention' Wo = 0,
 * bo = c, W2 = 0, b2 = 0 (ffn = 0); for 'feed-forward' Wo = 0, bo = 0 (attn = 0, so out1 = 0), W1 = 0, b1 = 1
 * (relu gives 1s), W2 = 0, b2 = c. The output's every row is then layernorm(c with the dropped units zeroed): the
 * dropped units are the ones at the row's minimum, all equal.
 */
function dropoutArgs(site: DropoutSite, rate: number | undefined, seed: number, sizes = DROPOUT_SIZES): { args: Value[]; c: number[] } {
  const { m, seq, heads, depth, dff } = sizes;
  const d = heads * depth;
  const s = new Seeded(seed);
  const w = encoderWeights(s, d, dff);
  const zeros = (shape: number[]) => nd(new Array(shape.reduce((a, b) => a * b, 1)).fill(0), shape);
  const c = Array.from({ length: d }, (_, j) => 0.5 + j);
  const plain = { gamma: nd(new Array(d).fill(1), [d]), beta: zeros([d]) };
  const attention = site === 'attention';
  const weights = {
    mha: { ...w.mha, wo: zeros([d, d]), bo: attention ? nd(c, [d]) : zeros([d]) },
    ffn: attention ? { ...w.ffn, w2: zeros([dff, d]), b2: zeros([d]) } : { w1: zeros([d, dff]), b1: nd(new Array(dff).fill(1), [dff]), w2: zeros([dff, d]), b2: nd(c, [d]) },
    layernorm1: plain,
    layernorm2: plain,
  };
  // rate undefined: dropoutRate left out of the options (its default, 0.1, applies).
  const options = { numHeads: heads, fullyConnectedDim: dff, ...(rate === undefined ? {} : { dropoutRate: rate }) };
  return { args: [zeros([m, seq, d]), true, null, options, weights], c };
}

/** Layer normalization of a row in float64 (ε as the layer's default). */
function layerNorm(row: number[], eps = 1e-6): number[] {
  const mean = row.reduce((a, b) => a + b, 0) / row.length;
  const variance = row.reduce((a, b) => a + (b - mean) ** 2, 0) / row.length;
  return row.map((v) => (v - mean) / Math.sqrt(variance + eps));
}

/**
 * How many units of each output row were dropped, read from the row: the units at its minimum, unless the row is
 * layernorm(c) itself (none dropped). Undefined for a row that is not layernorm(c with some units zeroed).
 */
function droppedIn(row: number[], c: number[]): number | undefined {
  // Unit-spread values from a float32 forward pass (the layer's own ε moves them by far less).
  const near = (expected: number, actual: number) => withinTolerance(expected, actual, tolerance('float32', { scale: 1 }));
  const close = (a: number[], b: number[]) => a.every((v, j) => near(b[j]!, v));
  if (close(row, layerNorm(c))) return 0;
  const low = Math.min(...row);
  const dropped = row.map((v) => near(low, v));
  return close(row, layerNorm(c.map((v, j) => (dropped[j] ? 0 : v)))) ? dropped.filter(Boolean).length : undefined;
}

/** The share of units the dropout at `site` dropped in one training call, or a violation saying what is wrong. */
async function droppedShare(ctx: CheckContext, site: DropoutSite, rate: number | undefined, seed: number): Promise<number> {
  const { args, c } = dropoutArgs(site, rate, seed);
  // Math.random from a seed: the layer's masks, and so the share, are the same every run.
  const x = args[0] as NdArray;
  const out = expectTensor(await ctx.call('encoderLayer', args, { randomSeed: seed }), 'the output of encoderLayer', [...x.shape]);
  let dropped = 0;
  for (const [r, row] of rowsOf(out).entries()) {
    const n = droppedIn(row, c);
    if (n === undefined) {
      // At the attention site the feed-forward output is 0: layernorm2(out1 + 0) gives out1 back, unless the second sum is changed.
      const after = site === 'attention' ? ' (the feed-forward output is 0 here, so the second residual, layernorm2(out1 + dropout(ffn)), should pass out1 through: a change there shows too)' : '';
      violated(
        `with the ${site === 'attention' ? 'attention output' : 'feed-forward output'} the same vector [${c.join(', ')}] at every position and everything else adding 0, output vector ${r} is [${row.map((v) => formatNumber(v)).join(', ')}]: not the layer norm of that vector with some of its units zeroed by dropout${after}.`,
      );
    }
    dropped += n!;
  }
  return dropped / out.data.length;
}

// ---------------------------------------------------------------- dropout on the sublayer output only (x ≠ 0)

const RESIDUAL_SIZES = { m: 4, seq: 6, heads: 2, depth: 3, dff: 3 };
// Kept units scaled by 1/(1 − 0.25) = 4/3: far from 1 (no scaling) and from 1 − rate (scaled down).
const RESIDUAL_RATE = 0.25;

/**
 * encoderLayer's arguments where the sublayer at `site` outputs the vector c at every position, the other adds 0,
 * and x ≠ 0, layer norms plain: for 'attention' Wo = 0, bo = c and the feed-forward output 0, so output =
 * layernorm(layernorm(x + dropout(c))); for 'feed-forward' Wo = 0, bo = 0 (out1 = layernorm(x)) and W1 = 0, b1 = 1,
 * W2 = 0, b2 = c, so output = layernorm(out1 + dropout(c)). `residuals` holds, row by row, what the residual adds
 * (x, or layernorm(x)).
 */
function residualArgs(site: DropoutSite, seed: number): { args: Value[]; c: number[]; residuals: number[][] } {
  const { m, seq, heads, depth, dff } = RESIDUAL_SIZES;
  const d = heads * depth;
  // Another stream than the weights' (drawn from seed by dropoutArgs).
  const x = new Seeded(seed + 1).randn([m, seq, d]);
  const { args, c } = dropoutArgs(site, RESIDUAL_RATE, seed, RESIDUAL_SIZES);
  const residuals = rowsOf(x).map((row) => (site === 'attention' ? row : layerNorm(row)));
  return { args: [x, ...args.slice(1)], c, residuals };
}

/** What the layer adds before the layer norm that reads the row, for each way of placing dropout (mask bits k). */
const RESIDUAL_FORMS = {
  // Only the sublayer output is dropped, kept units scaled by 1/(1 − rate).
  correct: { bits: 1, v: (u: number[], c: number[], k: (j: number, h?: number) => boolean, scale: number) => u.map((x, j) => x + (k(j) ? c[j]! * scale : 0)) },
  // Only the sublayer output is dropped, kept units not scaled (or scaled back by 1 − rate).
  unscaled: { bits: 1, v: (u: number[], c: number[], k: (j: number, h?: number) => boolean) => u.map((x, j) => x + (k(j) ? c[j]! : 0)) },
  // dropout(residual + sublayer output): one mask on the sum.
  sumDropped: { bits: 1, v: (u: number[], c: number[], k: (j: number, h?: number) => boolean, scale: number) => u.map((x, j) => (k(j) ? (x + c[j]!) * scale : 0)) },
  // dropout(residual) + dropout(sublayer output): a mask on each.
  bothDropped: { bits: 2, v: (u: number[], c: number[], k: (j: number, h?: number) => boolean, scale: number) => u.map((x, j) => ((k(j, 0) ? x : 0) + (k(j, 1) ? c[j]! : 0)) * scale) },
};
type ResidualForm = keyof typeof RESIDUAL_FORMS;

/** Whether some dropout mask makes `form` give the output row (its layer norm; twice for the attention site). */
function explains(form: ResidualForm, site: DropoutSite, row: number[], u: number[], c: number[]): boolean {
  const { bits, v } = RESIDUAL_FORMS[form];
  const d = u.length;
  const scale = 1 / (1 - RESIDUAL_RATE);
  const near = (expected: number, actual: number) => withinTolerance(expected, actual, tolerance('float32', { scale: 1 }));
  for (let mask = 0; mask < 2 ** (bits * d); mask++) {
    const sum = v(u, c, (j, h = 0) => ((mask >> (h * d + j)) & 1) === 1, scale);
    const expected = site === 'attention' ? layerNorm(layerNorm(sum)) : layerNorm(sum);
    if (expected.every((e, j) => near(e, row[j]!))) return true;
  }
  return false;
}

/** How the sublayer output at `site` reaches its layer norm with x ≠ 0: the first form explaining every row, or the first row none explains. */
async function residualForm(ctx: CheckContext, site: DropoutSite, seed: number): Promise<{ form: ResidualForm } | { row: number; values: number[] }> {
  const { args, c, residuals } = residualArgs(site, seed);
  const x = args[0] as NdArray;
  const out = expectTensor(await ctx.call('encoderLayer', args, { randomSeed: seed }), 'the output of encoderLayer', [...x.shape]);
  const rows = rowsOf(out);
  let unexplained = 0;
  for (const form of Object.keys(RESIDUAL_FORMS) as ResidualForm[]) {
    const bad = rows.findIndex((row, r) => !explains(form, site, row, residuals[r]!, c));
    if (bad < 0) return { form };
    if (form === 'correct') unexplained = bad;
  }
  return { row: unexplained, values: rows[unexplained]! };
}

// ---------------------------------------------------------------- attention inputs

interface AttentionInput {
  m: number;
  seqQ: number;
  seqK: number;
  dk: number;
  dv: number;
  seed: number;
  q: NdArray;
  k: NdArray;
  v: NdArray;
  /** [m, seqQ, seqK], 0/1, at least one 1 per row. */
  mask: NdArray;
}

/**
 * seqQ, seqK, dk and dv mostly differ, so that q·k without the transpose, a softmax over the queries
 * or an axis taken for another shows. m stays free: with it, the shrunk mask would be [2, 4, 5].
 */
const attentionArb = (selfAttention = false) =>
  fc
    .record({
      m: dim(2),
      sizes: distinctSizes(fc.record({ seqQ: dim(4), seqK: dim(5), dk: dim(4), dv: dim(3) }), ({ seqQ, seqK, dk, dv }) =>
        selfAttention ? [seqQ, dk, dv] : [seqQ, seqK, dk, dv],
      ),
      seed: fc.integer({ min: 0, max: 9999 }),
    })
    .map(({ m, sizes: { seqQ, seqK, dk, dv }, seed }): AttentionInput => {
      const s = new Seeded(seed);
      const nK = selfAttention ? seqQ : seqK;
      const bits = s.uniform([m, seqQ, nK]).data.map((u, i) => (u < 0.6 || i % nK === (Math.floor(i / nK) * 7) % nK ? 1 : 0));
      return { m, seqQ, seqK: nK, dk, dv, seed, q: s.randn([m, seqQ, dk]), k: s.randn([m, nK, dk]), v: s.randn([m, nK, dv]), mask: nd(bits, [m, seqQ, nK]) };
    });
const showAttention = (a: AttentionInput) =>
  `q [${a.m}, ${a.seqQ}, ${a.dk}], k [${a.m}, ${a.seqK}, ${a.dk}], v [${a.m}, ${a.seqK}, ${a.dv}] (standard normal, seed ${a.seed}), mask ${formatShape(a.mask.shape)} of 0/1 = ${JSON.stringify(rowsOf(a.mask))}`;

// A float32 softmax entry is a few roundings, and its row sums to 1 up to a few u (summed here in float64).
const nearOne = (x: number) => withinTolerance(1, x, tolerance('elementwise'));
const isProbability = (x: number) => x >= 0 && (x <= 1 || nearOne(x));
// A masked key's weight: exp(score − 1e9) underflows to exactly 0, so anything above the float32 floor leaks.
const isZero = (x: number) => withinTolerance(0, x, tolerance('float32'));

/** Tells apart the known ways of getting the weights of a mask wrong; otherwise states what is wrong. */
function expectMaskedWeights(w: NdArray, mask: NdArray): void {
  const rows = rowsOf(w);
  const keep = rowsOf(mask);
  rows.forEach((row, r) => {
    const sum = row.reduce((a, b) => a + b, 0);
    if (!row.every(isProbability) || !nearOne(sum)) {
      // Masked after the softmax: the masked keys get 0, the others keep their unmasked share, so rows sum to at most 1.
      const rowSum = (rw: number[]) => rw.reduce((a, b) => a + b, 0);
      const maskedAfter = sum < 1 && rows.every((rw, i) => rw.every((x, j) => keep[i]![j] !== 0 || isZero(x)) && (rowSum(rw) < 1 || nearOne(rowSum(rw))));
      violated(
        `row ${r} of the attention weights (one query) sums to ${formatNumber(sum)}: ${JSON.stringify(row.map(formatNumber))}; each query's weights over the keys should sum to 1.`,
        columnsSumTo1(w) ? HINTS.softmaxAxis : maskedAfter ? HINTS.maskAfterSoftmax : undefined,
      );
    }
  });
  const leak = rows.flatMap((row, r) => row.map((x, j) => ({ x, r, j })).filter(({ j }) => keep[r]![j] === 0)).find(({ x }) => !isZero(x));
  if (leak) {
    const inverted = rows.every((row, r) => row.every((x, j) => keep[r]![j] === 0 || isZero(x)));
    violated(
      `query ${leak.r} puts weight ${formatNumber(leak.x)} on key ${leak.j}, which its mask row ${JSON.stringify(keep[leak.r])} masks (0): masked keys should get weight 0.`,
      inverted ? HINTS.maskInverted : HINTS.maskNotLarge,
    );
  }
}

/** Whether the weights [..., seqQ, seqK] are normalised over the queries instead of the keys. */
function columnsSumTo1(w: NdArray): boolean {
  const [nQ, nK] = w.shape.slice(-2) as [number, number];
  const blocks = w.data.length / (nQ * nK);
  for (let b = 0; b < blocks; b++) {
    for (let j = 0; j < nK; j++) {
      let sum = 0;
      for (let i = 0; i < nQ; i++) sum += w.data[b * nQ * nK + i * nK + j]!;
      if (!nearOne(sum)) return false;
    }
  }
  return nQ > 1;
}

/** Rows of a [m, n, d] array reordered along the middle axis: out[:, j] = a[:, order[j]]. */
function permuteMiddle(a: NdArray, order: number[]): NdArray {
  const [m, n, d] = a.shape as [number, number, number];
  const out = new Array<number>(a.data.length);
  for (let b = 0; b < m; b++) for (let j = 0; j < n; j++) for (let c = 0; c < d; c++) out[(b * n + j) * d + c] = a.data[(b * n + order[j]!) * d + c]!;
  return nd(out, [m, n, d]);
}

// ---------------------------------------------------------------- gradient-check point

const gradPoint = (() => {
  const s = new Seeded(61);
  return { q: s.randn([2, 3, 4]), k: s.randn([2, 4, 4]), v: s.randn([2, 4, 2]), R: s.randn([2, 3, 2]) };
})();
const gradMask = nd([1, 1, 1, 0, 1, 0, 1, 1], [2, 1, 4]);

// ---------------------------------------------------------------- the assignment

export default defineAssignment({
  id: 'course5/week4/transformer',
  title: 'Transformer building blocks',
  exercises: [
    {
      name: 'getAngles',
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          // A few float32 operations per angle (a pow or an exp, a division): a base of 10001 for 10000 is off by 1e-4·2i/d.
          tolerance: tolerance('elementwise'),
          cases: async () => {
            const s = new Seeded(1);
            const row = (ks: number[]) => nd(ks, [1, ks.length]);
            return [
              { name: 'pos [5, 1] (random, 0 … 50), k = 0 … 5, d = 6', args: [s.uniform([5, 1], 0, 50), row([0, 1, 2, 3, 4, 5]), 6] },
              { name: 'pos [3, 1], k = 0 … 7, d = 8', args: [s.uniform([3, 1], 0, 50), row([0, 1, 2, 3, 4, 5, 6, 7]), 8] },
              { name: 'pos [4, 1], k = [3, 0, 5, 2], d = 10', args: [s.uniform([4, 1], 0, 50), row([3, 0, 5, 2]), 10] },
              // Only the last pair (exponent 0.8): no small angle next to a large one, so each is held to its own float32 accuracy.
              { name: 'pos [4, 1] (0 … 10000, a long sequence), the last pair k = [8, 9], d = 10', args: [s.uniform([4, 1], 0, 10000), row([8, 9]), 10] },
            ];
          },
        }),
        property({
          name: 'pairs of dimensions share an angle',
          points: 2,
          claim: 'For positions pos [P, 1] and dimensions k = 0 … d − 1 as a row [1, d], the result is [P, d] with angle(pos, k) = pos / 10000^(2·⌊k/2⌋/d): dimensions 2i and 2i + 1 get the same angle',
          inputs: fc.record({ sizes: dims({ P: 5, d: [2, 10] }), pos: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 5, maxLength: 5 }) }).map(({ sizes, pos }) => ({ ...sizes, pos })),
          show: ({ P, d, pos }) => `pos = ${JSON.stringify(pos.slice(0, P))} (a column), k = 0 … ${d - 1} (a row), d = ${d}`,
          holds: async ({ P, d, pos }, ctx) => {
            const p = pos.slice(0, P);
            const out = expectTensor(await ctx.call('getAngles', [nd(p, [P, 1]), nd(Array.from({ length: d }, (_, k) => k), [1, d]), d]), 'getAngles(pos, k, d)', [P, d]);
            const expected = nd(p.flatMap((x) => Array.from({ length: d }, (_, k) => angleOf(x, k, d))), [P, d]);
            const twoK = nd(p.flatMap((x) => Array.from({ length: d }, (_, k) => x / Math.pow(10000, (2 * k) / d))), [P, d]);
            if (!same(expected, out) && same(twoK, out)) violated('the angles follow pos / 10000^(2k/d).', HINTS.angleExponent);
            expectClose(out, expected, 'the angles', tolerance('elementwise'));
          },
        }),
      ],
    },
    {
      name: 'positionalEncoding',
      checks: [
        reference({
          name: 'reference cases',
          points: 2,
          // Sizes drawn from Seeded, so the hidden cases have sizes of their own (a table of the public encodings answers
          // none of them): a small even d, an odd d (its last dimension a sin with no cos partner), and a long sequence.
          cases: async () => {
            const s = new Seeded(2);
            return [
              [sizeIn(s, 5, 9), 2 * sizeIn(s, 3, 5)],
              [sizeIn(s, 2, 4), 2 * sizeIn(s, 2, 4) + 1],
              [sizeIn(s, 30, 45), 2 * sizeIn(s, 6, 10)],
            ].map(([P, d]) => ({ name: `positions = ${P}, d = ${d}`, args: [P!, d!] }));
          },
        }),
        property({
          name: 'sin on even, cos on odd dimensions',
          points: 2,
          claim: 'positionalEncoding(P, d) is [1, P, d], bounded by 1, with PE[0, pos, k] = sin(angle) for even k and cos(angle) for odd k, angle = pos / 10000^(2·⌊k/2⌋/d) (so position 0 reads 0, 1, 0, 1, …)',
          inputs: dims({ P: 12, d: [2, 12] }),
          holds: async ({ P, d }, ctx) => {
            const pe = expectTensor(await ctx.call('positionalEncoding', [P, d]), `positionalEncoding(${P}, ${d})`, [1, P, d]);
            const big = pe.data.findIndex((x) => !(Math.abs(x) <= 1 || nearOne(Math.abs(x))));
            if (big >= 0) violated(`PE holds ${formatNumber(pe.data[big]!)}: sines and cosines are bounded by 1.`);
            const build = (even: (a: number) => number, odd: (a: number) => number, angle = angleOf) =>
              nd(Array.from({ length: P * d }, (_, i) => (i % d) % 2 === 0 ? even(angle(Math.floor(i / d), i % d, d)) : odd(angle(Math.floor(i / d), i % d, d))), [1, P, d]);
            const expected = build(Math.sin, Math.cos);
            if (!same(expected, pe)) {
              if (same(build(Math.cos, Math.sin), pe)) violated('PE has cos on the even dimensions and sin on the odd ones.', HINTS.sinCosSwapped);
              if (same(build(Math.sin, Math.cos, (p, k) => p / Math.pow(10000, (2 * k) / d)), pe)) violated('PE uses the angles pos / 10000^(2k/d).', HINTS.angleExponent);
            }
            expectClose(pe, expected, 'the positional encodings');
          },
        }),
      ],
    },
    {
      name: 'createPaddingMask',
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          cases: async () => {
            const s = new Seeded(3);
            return [
              { name: 'token ids [3, 5]', args: [tokens(s, 3, 5)] },
              { name: 'token ids [2, 7]', args: [tokens(s, 2, 7)] },
              { name: 'token ids [1, 4] ending with padding', args: [nd([5, 2, 0, 0], [1, 4], 'int32')] },
            ];
          },
        }),
        property({
          name: '1 on tokens, 0 on padding',
          points: 1,
          claim: 'For token ids [m, n], the mask is [m, 1, n] with mask[i, 0, j] = 1 where ids[i, j] ≠ 0 and 0 where ids[i, j] = 0 (padding)',
          inputs: dims({ m: 3, n: 6 }).chain(({ m, n }) => fc.array(fc.integer({ min: 0, max: 3 }), { minLength: m * n, maxLength: m * n }).map((ids) => nd(ids, [m, n], 'int32'))),
          show: (ids) => `ids = ${JSON.stringify(rowsOf(ids))}`,
          holds: async (ids, ctx) => {
            const mask = expectTensor(await ctx.call('createPaddingMask', [ids]), 'createPaddingMask(ids)', [ids.shape[0]!, 1, ids.shape[1]!]);
            if (mask.dtype !== 'float32') violated(`the mask is a ${mask.dtype} tensor; it should be float32 (1 on tokens, 0 on padding).`, HINTS.maskDtype);
            const expected = paddingMaskOf(ids);
            const inverted = nd(expected.data.map((v) => 1 - v), expected.shape);
            if (!same(expected, mask) && same(inverted, mask)) violated('the mask is 1 on padding and 0 on tokens.', HINTS.paddingInverted);
            expectClose(mask, expected, 'the padding mask');
          },
        }),
      ],
    },
    {
      name: 'createLookAheadMask',
      checks: [
        reference({
          name: 'reference cases',
          points: 2,
          // n = 1 (a lone query sees itself: the strict triangle gives [0]) stays as it is; the other sizes are drawn from
          // Seeded, so the hidden cases have sizes of their own.
          cases: async () => {
            const s = new Seeded(4);
            return [1, sizeIn(s, 2, 7), sizeIn(s, 8, 16)].map((n) => ({ name: `sequenceLength = ${n}`, args: [n] }));
          },
        }),
        property({
          name: 'the lower triangle',
          points: 1,
          claim: 'createLookAheadMask(n) is [1, n, n] with mask[0, i, j] = 1 when j ≤ i (query i sees keys up to i) and 0 when j > i',
          inputs: dim(8),
          holds: async (n, ctx) => {
            const mask = expectTensor(await ctx.call('createLookAheadMask', [n]), `createLookAheadMask(${n})`, [1, n, n]);
            if (mask.dtype !== 'float32') violated(`the mask is a ${mask.dtype} tensor; it should be float32 (ones on and below the diagonal).`, HINTS.maskDtype);
            const expected = lookAheadOf(n);
            if (!same(expected, mask)) {
              // At n = 1 the wrong triangles cannot be told apart (all of them are [0] or [1]): look at n = 3 to name one.
              const at = n >= 2 ? n : 3;
              const seen = n >= 2 ? mask : expectTensor(await ctx.call('createLookAheadMask', [at]), `createLookAheadMask(${at})`, [1, at, at]);
              const form = (keep: (row: number, col: number) => boolean) => nd(Array.from({ length: at * at }, (_, e) => (keep(Math.floor(e / at), e % at) ? 1 : 0)), [1, at, at]);
              const hint = same(form((r, c) => c >= r), seen)
                ? HINTS.lookAheadUpper
                : same(form((r, c) => c > r), seen)
                  ? HINTS.lookAheadInverted
                  : same(form((r, c) => c < r), seen)
                    ? HINTS.lookAheadStrict
                    : undefined;
              if (hint) violated(`createLookAheadMask(${at}) is ${JSON.stringify(rowsOf(seen))}: not ones on and below the diagonal.`, hint);
            }
            expectClose(mask, expected, 'the look-ahead mask');
          },
        }),
      ],
    },
    {
      name: 'scaledDotProductAttention',
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async () => {
            const s = new Seeded(5);
            return [
              { name: 'q [2, 3, 4], k [2, 5, 4], v [2, 5, 3], a padding mask [2, 1, 5]', args: [s.randn([2, 3, 4]), s.randn([2, 5, 4]), s.randn([2, 5, 3]), paddingMaskOf(tokens(s, 2, 5))] },
              { name: 'q, k [2, 2, 4, 3] (two heads), v [2, 2, 4, 2], a look-ahead mask [1, 4, 4]', args: [s.randn([2, 2, 4, 3]), s.randn([2, 2, 4, 3]), s.randn([2, 2, 4, 2]), lookAheadOf(4)] },
              { name: 'q, k, v [1, 3, 6], no mask (null)', args: [s.randn([1, 3, 6]), s.randn([1, 3, 6]), s.randn([1, 3, 6]), null] },
            ];
          },
        }),
        property({
          name: 'weights are distributions that ignore masked keys',
          points: 2,
          claim: 'For any q, k, v and 0/1 mask [m, seqQ, seqK], each row of the attention weights (one query) sums to 1 and puts (numerically) zero weight on the keys its mask row marks 0',
          inputs: attentionArb(),
          numRuns: 12,
          show: showAttention,
          holds: async (a, ctx) => {
            const [, w] = await attention(ctx, a.q, a.k, a.v, a.mask);
            expectMaskedWeights(w, a.mask);
          },
        }),
        property({
          name: 'a query with every key masked',
          points: 1,
          claim: 'A query whose mask row is all 0 (a sequence that is all padding) still gets finite weights and a finite output: no NaN reaches the next layer',
          inputs: attentionArb(),
          numRuns: 5,
          show: (a) => `${showAttention(a)}, then query 0 of example 0 with every key masked`,
          holds: async (a, ctx) => {
            const bits = a.mask.data.map((b, i) => (i < a.seqK ? 0 : b));
            const [out, w] = await attention(ctx, a.q, a.k, a.v, nd(bits, [...a.mask.shape]));
            // Only finiteness: what a query with nothing to attend to gets is otherwise the course's float32 accident.
            const row = rowsOf(w)[0]!;
            if (!row.every(Number.isFinite) || !out.data.every(Number.isFinite)) {
              violated(`with every key masked, query 0 of example 0 gets the weights ${JSON.stringify(row.map(formatNumber))}; they should be finite numbers.`, HINTS.maskInfinite);
            }
          },
        }),
        property({
          name: 'keys and values permuted together',
          points: 1,
          claim: 'Attention is a weighted sum over the keys: reordering the keys and the values (and the mask\'s key axis) the same way leaves the output unchanged and reorders the weights\' last axis',
          inputs: fc.tuple(attentionArb(), fc.integer({ min: 0, max: 9999 })),
          numRuns: 10,
          show: ([a, p]) => `${showAttention(a)}, keys shuffled with seed ${p}`,
          holds: async ([a, p], ctx) => {
            const order = new Seeded(p).uniform([a.seqK]).data.map((u, i) => [u, i] as const).sort((x, y) => x[0] - y[0]).map(([, i]) => i);
            const permuteKeys = (t: NdArray) => nd(rowsOf(t).flatMap((row) => order.map((j) => row[j]!)), [...t.shape]);
            const [out, w] = await attention(ctx, a.q, a.k, a.v, a.mask);
            const [outP, wP] = await attention(ctx, a.q, permuteMiddle(a.k, order), permuteMiddle(a.v, order), permuteKeys(a.mask));
            expectClose(outP, out, `the output with the keys and values in the order ${order.join(', ')}`);
            expectClose(wP, permuteKeys(w), 'the attention weights of the reordered keys (they should be reordered the same way)');
          },
        }),
        property({
          name: 'a look-ahead mask hides the future',
          points: 2,
          claim: 'With a look-ahead mask [1, n, n], output position i depends only on keys and values 0 … i: changing k and v after position i leaves outputs 0 … i unchanged',
          inputs: fc.tuple(attentionArb(true), fc.integer({ min: 0, max: 9999 })),
          numRuns: 10,
          show: ([a, p]) => `q [${a.m}, ${a.seqQ}, ${a.dk}], k [${a.m}, ${a.seqK}, ${a.dk}], v [${a.m}, ${a.seqK}, ${a.dv}] (seed ${a.seed}), a look-ahead mask, the keys and values after a random position redrawn (seed ${p})`,
          holds: async ([a, p], ctx) => {
            const n = a.seqQ;
            const s = new Seeded(p);
            const i = Math.floor(s.uniform([1]).data[0]! * n);
            const redraw = (t: NdArray) => {
              const fresh = s.randn([...t.shape]);
              const d = t.shape[2]!;
              return nd(t.data.map((x, e) => (Math.floor(e / d) % n > i ? fresh.data[e]! : x)), [...t.shape]);
            };
            const mask = lookAheadOf(n);
            const [out] = await attention(ctx, a.q, a.k, a.v, mask);
            const [out2] = await attention(ctx, a.q, redraw(a.k), redraw(a.v), mask);
            const upTo = (t: NdArray) => nd(t.data.filter((_, e) => Math.floor(e / a.dv) % n <= i), [a.m, i + 1, a.dv]);
            expectClose(upTo(out2), upTo(out), `outputs 0 … ${i} after changing the keys and values after position ${i}`);
          },
        }),
        gradient({
          name: 'gradient matches tf.grads',
          points: 2,
          mode: 'entries',
          usesTf: true,
          at: () => ({ q: gradPoint.q, k: gradPoint.k, v: gradPoint.v }),
          cost: async (ctx, pt) => dot((await attention(ctx, pt.q!, pt.k!, pt.v!, gradMask))[0], gradPoint.R),
          // The learner returns only the forward pass: the analytic gradient is tf.grads of the course's formula.
          gradients: async (ctx, pt) => {
            const formula = (tf: typeof TF, q: TF.Tensor, k: TF.Tensor, v: TF.Tensor, mask: TF.Tensor, R: TF.Tensor) => {
              const logits = tf.add(tf.div(tf.matMul(q, k, false, true), Math.sqrt(q.shape[2]!)), tf.mul(tf.sub(1, mask), -1e9));
              return tf.sum(tf.mul(tf.matMul(tf.softmax(logits, -1), v), R));
            };
            const d = (i: 0 | 1 | 2) =>
              tfOracle(ctx, (tf, t) => tf.grads((q: TF.Tensor, k: TF.Tensor, v: TF.Tensor) => formula(tf, q, k, v, t(gradMask), t(gradPoint.R)))([t(pt.q!), t(pt.k!), t(pt.v!)])[i]!);
            return { q: await d(0), k: await d(1), v: await d(2) };
          },
        }),
      ],
    },
    {
      name: 'encoderLayer',
      dependsOn: ['scaledDotProductAttention'],
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          timeoutMs: 20000,
          cases: async () => {
            const s = new Seeded(7);
            const specs: EncoderSpec[] = [
              { m: 2, seq: 4, heads: 2, depth: 2, dff: 8, maskKind: 'padding', training: false, rate: 0.1 },
              { m: 1, seq: 5, heads: 3, depth: 2, dff: 5, maskKind: 'none', training: false, rate: 0.3 },
              { m: 2, seq: 3, heads: 1, depth: 4, dff: 6, maskKind: 'look-ahead', training: true, rate: 0 },
            ];
            // Rows of x + attn nearly constant (variance ~1e-6, the size of the default layernormEps): the epsilon changes the output.
            const flat: EncoderSpec = { m: 2, seq: 3, heads: 2, depth: 3, dff: 7, maskKind: 'none', training: false, rate: 0.1 };
            const t = new Seeded(17);
            const [, training, mask, options, weights] = encoderArgs(t, flat) as [NdArray, boolean, null, object, ReturnType<typeof encoderWeights>];
            const d = flat.heads * flat.depth;
            const small = t.randn([flat.m, flat.seq, d], 1e-3);
            const flatWeights = { ...weights, mha: { ...weights.mha, wo: t.randn([d, d], 1e-3), bo: nd(new Array(d).fill(0), [d]) } };
            // layernormEps given: 0.5 is of the size of a row's variance, so it changes the output a lot.
            const wide: EncoderSpec = { m: 1, seq: 4, heads: 2, depth: 2, dff: 6, maskKind: 'padding', training: false, rate: 0.1 };
            const wideArgs = encoderArgs(new Seeded(23), wide);
            return [
              ...specs.map((e) => ({ name: describeEncoder(e), args: encoderArgs(s, e) })),
              { name: `${describeEncoder(flat)}, x and attn tiny (each row's variance ~1e-6, the default layernormEps)`, args: [small, training, mask, options, flatWeights] as Value[] },
              {
                name: `${describeEncoder(wide)}, layernormEps 0.5`,
                args: [...wideArgs.slice(0, 3), { ...(wideArgs[3] as object), layernormEps: 0.5 }, wideArgs[4]!] as Value[],
              },
            ];
          },
        }),
        property({
          name: 'ends with a layer normalization',
          points: 1,
          timeoutMs: 20000,
          claim: "With layernorm2's gamma = 1 and beta = 0, every output vector (one position of one sequence) has mean 0 and variance 1 over its d values, in inference and in training",
          inputs: encoderArb,
          numRuns: 6,
          show: (e) => `${showEncoder(e)}, then layernorm2's gamma set to 1 and beta to 0`,
          holds: async (e, ctx) => {
            const w = e.args[4] as ReturnType<typeof encoderWeights>;
            const d = e.heads * e.depth;
            const args = [...e.args.slice(0, 4), { ...w, layernorm2: { gamma: nd(new Array(d).fill(1), [d]), beta: nd(new Array(d).fill(0), [d]) } }];
            const out = await encoder(ctx, args);
            if (d < 2) return;
            rowsOf(out).forEach((row, r) => {
              const mean = row.reduce((a, b) => a + b, 0) / d;
              const variance = row.reduce((a, b) => a + (b - mean) ** 2, 0) / d;
              if (!withinTolerance(0, mean, LAYERNORM_MEAN) || Math.abs(variance - 1) > LAYERNORM_VARIANCE_ROOM) {
                violated(`output vector ${r} (sequence ${Math.floor(r / e.seq)}, position ${r % e.seq}) has mean ${formatNumber(mean)} and variance ${formatNumber(variance)}, expected 0 and 1: the layer should end with layernorm2(out1 + ffn).`);
              }
            });
          },
        }),
        property({
          name: 'no dropout at inference',
          points: 2,
          timeoutMs: 20000,
          claim: 'With training = false the output does not depend on the dropout rate: rates 0.5 and 0 give the same output',
          inputs: encoderArb,
          numRuns: 4,
          show: (e) => `${describeSizes(e)}, x and every weight drawn from seed ${e.seed}, at inference with dropout rates 0.5 and 0`,
          holds: async (e, ctx) => {
            const withRate = (rate: number) => [e.args[0]!, false, e.args[2]!, { ...(e.args[3] as object), dropoutRate: rate }, e.args[4]!];
            const out = await encoder(ctx, withRate(0));
            const dropped = await encoder(ctx, withRate(0.5));
            if (!same(out, dropped)) {
              const again = await encoder(ctx, withRate(0.5));
              const random = !same(dropped, again);
              violated(`at inference the output with dropout rate 0.5 differs from the output with rate 0${random ? ', and from one call to the next' : ''}.`, HINTS.dropoutAtInference);
            }
          },
        }),
        property({
          name: 'dropout while training',
          points: 2,
          timeoutMs: 20000,
          claim:
            'With training = true, dropout drops a share dropoutRate of the units of the attention output (before layernorm1) and of the feed-forward output (before layernorm2), each measured alone with weights that make that sublayer output one known vector everywhere (Math.random seeded, so the masks are the same every run)',
          inputs: fc.record({ rate: fc.constantFrom(0.2, 0.3), seed: fc.integer({ min: 0, max: 9999 }) }),
          numRuns: 2,
          show: ({ rate, seed }) => {
            const { m, seq, heads, depth, dff } = DROPOUT_SIZES;
            return `x = 0 [${m}, ${seq}, ${heads * depth}], ${heads} heads, dff = ${dff}, no mask, training, dropoutRate ${rate}; Math.random seeded with ${seed}`;
          },
          holds: async ({ rate, seed }, ctx) => {
            for (const site of ['attention', 'feed-forward'] as const) {
              const share = await droppedShare(ctx, site, rate, seed);
              if (Math.abs(share - rate) <= DROPPED_SHARE_ROOM) continue;
              const what = `with training = true and dropoutRate ${rate}, ${(100 * share).toFixed(1)}% of the ${site} output's units were dropped`;
              if (share === 0) violated(`${what}: no dropout acts there.`, HINTS.noDropoutInTraining);
              if (Math.abs(share - (1 - rate)) <= DROPPED_SHARE_ROOM) {
                // Named only when another rate shows the same swap: anything else measured there (a residual that adds
                // the wrong input, say) can land near 1 − dropoutRate for one rate by chance.
                const other = rate === 0.2 ? 0.3 : 0.2;
                const swapped = Math.abs((await droppedShare(ctx, site, other, seed)) - (1 - other)) <= DROPPED_SHARE_ROOM;
                violated(`${what}, about 1 − dropoutRate.`, swapped ? HINTS.rateAsKeepProb : undefined);
              }
              violated(`${what}, expected about ${100 * rate}%.`);
            }
          },
        }),
        property({
          name: 'dropout on the sublayer outputs only',
          points: 2,
          timeoutMs: 20000,
          claim:
            'With training = true and x ≠ 0, dropout zeroes units of the sublayer output alone and scales the kept ones by 1/(1 − dropoutRate): with one sublayer outputting a known vector c everywhere and the other 0, every output vector is layernorm(residual + mask ⊙ c / (1 − dropoutRate)) for some 0/1 mask, the residual (x, or out1) added whole (Math.random seeded)',
          inputs: fc.integer({ min: 0, max: 9999 }),
          numRuns: 2,
          show: (seed) => {
            const { m, seq, heads, depth, dff } = RESIDUAL_SIZES;
            return `x [${m}, ${seq}, ${heads * depth}] (standard normal, seed ${seed}), ${heads} heads, dff = ${dff}, no mask, training, dropoutRate ${RESIDUAL_RATE}; Math.random seeded with ${seed}`;
          },
          holds: async (seed, ctx) => {
            const found: Array<{ site: DropoutSite; result: Awaited<ReturnType<typeof residualForm>> }> = [];
            for (const site of ['attention', 'feed-forward'] as const) found.push({ site, result: await residualForm(ctx, site, seed) });
            const setup = (site: DropoutSite) =>
              site === 'attention'
                ? 'with the attention output the same vector c at every position and the feed-forward output 0'
                : 'with the attention output 0 (out1 = layernorm1(x)) and the feed-forward output the same vector c at every position';
            for (const { site, result } of found) {
              if (!('form' in result) || result.form === 'correct') continue;
              const residual = site === 'attention' ? 'x' : 'out1';
              if (result.form === 'unscaled') {
                violated(`${setup(site)}, every output vector is layernorm(${residual} + mask ⊙ c): the units dropout keeps are not divided by 1 − dropoutRate.`, HINTS.dropoutUnscaled);
              }
              const how = result.form === 'sumDropped' ? `dropout(${residual} + c)` : `dropout(${residual}) + dropout(c)`;
              violated(
                `${setup(site)}, every output vector is the layer norm of ${how}: units of the residual ${residual} are zeroed too.`,
                site === 'attention' ? HINTS.residualDroppedAttention : HINTS.residualDroppedFeedForward,
              );
            }
            for (const { site, result } of found) {
              if ('form' in result) continue;
              violated(
                `${setup(site)} (c = [${residualArgs(site, seed).c.join(', ')}]), output vector ${result.row} is [${result.values.map((v) => formatNumber(v)).join(', ')}]: not layernorm(residual + mask ⊙ c / (1 − dropoutRate)) for any 0/1 mask.`,
              );
            }
          },
        }),
        property({
          name: 'dropoutRate defaults to 0.1',
          points: 1,
          timeoutMs: 20000,
          claim:
            'With training = true and dropoutRate left out of the options, dropout drops about 10% of the units of the attention output and of the feed-forward output, each measured alone as in "dropout while training" (Math.random seeded)',
          inputs: fc.integer({ min: 0, max: 9999 }),
          numRuns: 1,
          show: (seed) => {
            const { m, seq, heads, depth, dff } = DROPOUT_SIZES;
            return `x = 0 [${m}, ${seq}, ${heads * depth}], ${heads} heads, dff = ${dff}, no mask, training, options without dropoutRate; Math.random seeded with ${seed}`;
          },
          holds: async (seed, ctx) => {
            const shares = [await droppedShare(ctx, 'attention', undefined, seed), await droppedShare(ctx, 'feed-forward', undefined, seed)];
            const share = (shares[0]! + shares[1]!) / 2;
            if (share >= DEFAULT_SHARE_RANGE[0] && share <= DEFAULT_SHARE_RANGE[1]) return;
            violated(
              `with training = true and no dropoutRate given, ${(100 * shares[0]!).toFixed(1)}% of the attention output's units and ${(100 * shares[1]!).toFixed(1)}% of the feed-forward output's were dropped, expected about 10% (the default rate 0.1).`,
              share === 0 ? HINTS.defaultRateLost : undefined,
            );
          },
        }),
        property({
          name: 'matches the encoder layer',
          points: 2,
          hidden: true, // hidden: needs the reference solution
          timeoutMs: 20000,
          claim: 'For any sizes, mask and weights (inference, or training without dropout), the output is layernorm2(out1 + ffn(out1)) with out1 = layernorm1(x + mha(x, x, x, mask))',
          inputs: encoderArb.map((e) => (e.training ? { ...e, rate: 0, args: [...e.args.slice(0, 3), { ...(e.args[3] as object), dropoutRate: 0 }, e.args[4]!] } : e)),
          numRuns: 6,
          show: showEncoder,
          holds: async (e, ctx) => {
            const expected = await callOrThrow(ctx.reference!, 'encoderLayer', e.args);
            expectClose(await encoder(ctx, e.args), expected, 'the output');
          },
        }),
      ],
    },
  ],
});
