/**
 * Grader: course 5, week 2 — Emojify: sentiment from word embeddings.
 *
 * sentenceToAvg: seeded cases (capitals, unknown words, none known) and the
 * mean of the known words' vectors for any sentence. forwardBackward: seeded
 * cases, the softmax and its gradient's identities, and a gradient check.
 * model: seeded training runs, and an accuracy floor on the shipped set
 * (lib/datasets/emojify.ts). sentencesToIndices: seeded cases and the row layout.
 * pretrainedEmbeddingLayer: a layer cannot cross the sandbox, so the exercise
 * file's given embeddingLayerReport builds it there and describes it (its
 * matrix, trainable flag, output, matrix after a few training steps); the checks
 * read that description.
 */
import * as fc from 'fast-check';
import { dim, dims } from '../../engine/arbitraries';
import { expectArray, expectClose, expectNumber, expectRecord, expectTensor, violated } from '../../engine/checks/violation';
import { withinTolerance } from '../../engine/compare';
import { defineAssignment, gradient, property, reference, type CheckContext } from '../../engine/define';
import { formatShape, nd, type NdArray } from '../../engine/ndarray';
import { Seeded } from '../../engine/seeded';
import { scaleOf, tolerance } from '../../engine/tolerance';
import type { Value, ValueRecord } from '../../engine/values';
import { emojifySet, readEmojifyVectors } from '../../../lib/datasets/emojify';

// ---------------------------------------------------------------- inputs

const WORDS = ['sun', 'rain', 'cat', 'dog', 'tea', 'milk', 'run', 'jump', 'red', 'blue', 'big', 'old', 'new', 'far'];
const UNKNOWN = ['zzz', 'qux', 'blorp'];

type WordMap = Record<string, NdArray>;

/** The first v words of WORDS with standard normal vectors of length d. */
function wordMap(s: Seeded, v: number, d: number, scale = 1): WordMap {
  return Object.fromEntries(WORDS.slice(0, v).map((w) => [w, s.randn([d], scale)]));
}

/** Integers in [0, n), drawn from s. */
function ints(s: Seeded, count: number, n: number): number[] {
  return s.uniform([count], 0, n).data.map((x) => Math.min(n - 1, Math.floor(x)));
}

const INDICES_SPLIT_HINT =
  "The sentence is split on single spaces: two spaces, a tab or a space at either end give empty or glued words, which have no index. Split on white space, split(/\\s+/), and drop empty words.";

/** A sentence of len words from `words`, some capitalised (every third). */
function sentence(s: Seeded, words: string[], len: number): string {
  return ints(s, len, words.length)
    .map((i, j) => (j % 3 === 1 ? words[i]!.toUpperCase() : j % 3 === 2 ? words[i]![0]!.toUpperCase() + words[i]!.slice(1) : words[i]!))
    .join(' ');
}

/** wordToIndex for the first v words: a seeded permutation of 1 … v (0 is padding). */
function wordIndex(s: Seeded, v: number): Record<string, number> {
  const keys = s.uniform([v]).data;
  const order = [...keys.keys()].sort((a, b) => keys[a]! - keys[b]!);
  return Object.fromEntries(WORDS.slice(0, v).map((w, i) => [w, order[i]! + 1]));
}

/** The shipped vectors as NdArrays. */
function shippedMap(): WordMap {
  return Object.fromEntries(Object.entries(readEmojifyVectors().wordToVecMap).map(([w, v]) => [w, nd(v, [v.length])]));
}

// ---------------------------------------------------------------- plain-JS math the claims use

function meanOfKnown(text: string, map: WordMap, d: number): number[] {
  const known = text.toLowerCase().split(/\s+/).filter((w) => w in map);
  const sum = new Array<number>(d).fill(0);
  for (const w of known) map[w]!.data.forEach((x, i) => (sum[i]! += x));
  return known.length ? sum.map((x) => x / known.length) : sum;
}

function predictJs(X: string[], W: NdArray, b: NdArray, map: WordMap): number[] {
  const [nY, nH] = W.shape as [number, number];
  return X.map((text) => {
    const avg = meanOfKnown(text, map, nH);
    let best = 0;
    let bestZ = -Infinity;
    for (let k = 0; k < nY; k++) {
      let z = b.data[k]!;
      for (let j = 0; j < nH; j++) z += W.data[k * nH + j]! * avg[j]!;
      if (z > bestZ) [best, bestZ] = [k, z];
    }
    return best;
  });
}

const share = (pred: number[], Y: number[]) => pred.filter((p, i) => p === Y[i]).length / Y.length;

// ---------------------------------------------------------------- calls

async function avgOf(ctx: CheckContext, text: string, map: WordMap, d: number): Promise<NdArray> {
  return expectTensor(await ctx.call('sentenceToAvg', [text, map]), `sentenceToAvg(${JSON.stringify(text)}, wordToVecMap)`, [d]);
}

interface Step {
  a: NdArray;
  cost: number;
  dW: NdArray;
  db: NdArray;
}
async function stepOf(ctx: CheckContext, avg: NdArray, yOh: NdArray, W: NdArray, b: NdArray): Promise<Step> {
  const out = expectRecord(await ctx.call('forwardBackward', [avg, yOh, W, b]), 'forwardBackward(avg, yOh, W, b)', ['a', 'cost', 'dW', 'db']);
  return {
    a: expectTensor(out.a!, 'a', [...b.shape]),
    cost: expectNumber(out.cost!, 'cost'),
    dW: expectTensor(out.dW!, 'dW', [...W.shape]),
    db: expectTensor(out.db!, 'db', [...b.shape]),
  };
}

const oneHot = (k: number, n: number) => nd(Array.from({ length: n }, (_, i) => (i === k ? 1 : 0)), [n]);

// A softmax row in float32 is a few roundings per entry; the normalisation makes their sum 1 up to the roundings of
// one short sum and the divisions (a few u), whatever way the learner computes it. Summed here in float64.
const PROBABILITY = tolerance('elementwise');
const nearOne = (x: number) => withinTolerance(1, x, PROBABILITY);

/** Whether a row is a probability distribution: entries in [0, 1] (above 0 when `positive`) summing to 1, within float32 rounding. */
function isDistribution(row: ArrayLike<number>, positive = false): boolean {
  const entries = Array.from(row);
  const total = entries.reduce((a, b) => a + b, 0);
  return nearOne(total) && entries.every((p) => (positive ? p > 0 : p >= 0) && (p <= 1 || nearOne(p)));
}

// ---------------------------------------------------------------- the embedding layer's diagnoses

const HINTS = {
  trainable: 'The pretrained vectors must stay frozen: create the layer with trainable: false, so training leaves its matrix unchanged.',
  shifted: "Row 0 of the embedding matrix is the padding and stays zeros; word w's vector goes in row wordToIndex[w] (indices start at 1), not wordToIndex[w] − 1.",
  noPaddingRow: 'The matrix needs vocabLen = (number of words) + 1 rows: row 0 for the padding, then row wordToIndex[w] for each word.',
  mapOrder: "The vectors are placed in the order of wordToVecMap (row i + 1 for its i-th word): put each word's vector in row wordToIndex[w], the index sentencesToIndices gives it.",
};

interface LayerInput {
  v: number;
  d: number;
  map: WordMap;
  wordToIndex: Record<string, number>;
  indices: NdArray;
  labels: number[];
  seed: number;
}

function layerInput(seed: number, v: number, d: number, m: number, maxLen: number): LayerInput {
  const s = new Seeded(seed);
  const map = wordMap(s, v, d);
  const wordToIndex = wordIndex(s, v);
  const indices = nd(ints(s, m * maxLen, v + 1), [m, maxLen]);
  return { v, d, map, wordToIndex, indices, labels: ints(s, m, 5), seed };
}

const layerArgs = (x: LayerInput): Value[] => [x.map, x.wordToIndex, x.indices, x.labels];

const rowOf = (M: NdArray, i: number) => M.data.slice(i * M.shape[1]!, (i + 1) * M.shape[1]!);
// A matrix row is a float32 copy of a pretrained vector: one rounding per entry.
const sameRow = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && withinTolerance(nd(b, [b.length]), nd(a, [a.length]), tolerance('elementwise'));

/** Explains an embedding matrix that is not the expected one, naming the mistake only when the matrix shows it. */
function expectMatrix(M: NdArray, x: LayerInput): void {
  const words = Object.keys(x.wordToIndex);
  const shiftedBy1 = words.every((w) => x.wordToIndex[w]! - 1 < M.shape[0]! && sameRow(rowOf(M, x.wordToIndex[w]! - 1), x.map[w]!.data));
  if (formatShape(M.shape) !== formatShape([x.v + 1, x.d])) {
    violated(
      `the embedding matrix has shape ${formatShape(M.shape)}, expected [${x.v + 1}, ${x.d}] (${x.v} words + 1, the vector length).`,
      formatShape(M.shape) === formatShape([x.v, x.d]) && shiftedBy1 ? HINTS.noPaddingRow : undefined,
    );
  }
  if (!rowOf(M, 0).every((e) => e === 0)) {
    violated(`row 0 of the embedding matrix (the padding) is not zeros.`, shiftedBy1 ? HINTS.shifted : undefined);
  }
  // Row i + 1 holding the i-th word of wordToVecMap: the vectors placed in the map's order, not at wordToIndex.
  const inMapOrder = Object.keys(x.map).every((w, i) => i + 1 < M.shape[0]! && sameRow(rowOf(M, i + 1), x.map[w]!.data));
  for (const w of words) {
    if (!sameRow(rowOf(M, x.wordToIndex[w]!), x.map[w]!.data)) {
      violated(`row ${x.wordToIndex[w]} of the embedding matrix should be the vector of "${w}" (wordToIndex["${w}"] = ${x.wordToIndex[w]}), but is not.`, inMapOrder ? HINTS.mapOrder : undefined);
    }
  }
}

async function reportOf(ctx: CheckContext, x: LayerInput): Promise<ValueRecord> {
  return expectRecord(await ctx.call('embeddingLayerReport', layerArgs(x)), 'the report on your layer', ['trainable', 'weights', 'output', 'weightsAfterTraining']);
}

// ---------------------------------------------------------------- Emojify-V2: the model's diagnoses

const V2_HINTS = {
  firstNoSequences:
    'The first LSTM must return its whole sequence (returnSequences: true): the second LSTM reads a sequence [m, maxLen, units], and an LSTM that returns only its last output gives it [m, units].',
  secondSequences:
    'The second LSTM must return only its last output (returnSequences: false, the default): with the whole sequence, Dense scores every word and the output is [m, maxLen, 5] instead of [m, 5].',
  noDropout: 'Each LSTM is followed by a Dropout layer of rate 0.5 (LSTM → Dropout → LSTM → Dropout → Dense): the model has fewer Dropout layers than that.',
  dropoutBefore: 'Dropout comes after each LSTM (Embedding → LSTM → Dropout → LSTM → Dropout), not before it: dropout before the first LSTM drops parts of the pretrained vectors.',
  noSoftmax: "The Dense layer of 5 units gives scores, not probabilities: put the softmax after it (tf.layers.activation({ activation: 'softmax' }), or activation: 'softmax' on the Dense layer).",
  sigmoid: 'The last activation is a softmax over the 5 emojis, not a sigmoid: a sigmoid scores each class on its own, so the 5 probabilities do not sum to 1.',
  lstmOnIndices:
    "The LSTM layers read the word vectors [m, maxLen, embDim], not the indices: apply the embedding layer to the input, then the first LSTM to the embedding layer's output.",
  units128: 'The LSTM layers have 128 units whatever lstmUnits is: use the lstmUnits argument (128 is only its default).',
  default128: "emojifyV2's lstmUnits defaults to 128, the course's size: keep lstmUnits = 128 in its signature, so that a model built without the argument has LSTM layers of 128 units.",
  trainable:
    "The embedding layer in emojifyV2 must stay frozen (trainable false, as pretrainedEmbeddingLayer makes it): fitting the model must not change the pretrained vectors, so don't unfreeze it or build a trainable one.",
};

/** The layers expected, in order, with the Dense layer's activation folded in. */
const V2_LAYERS = ['Embedding', 'LSTM', 'Dropout', 'LSTM', 'Dropout', 'Dense'];

interface Stage {
  className: string;
  units: number | null;
  returnSequences: boolean | null;
  rate: number | null;
  activation: string | null;
  recurrentActivation: string | null;
  trainable: boolean;
  outputShape: number[];
  trainableParams: number;
  nonTrainableParams: number;
}

interface V2Input {
  x: LayerInput;
  maxLen: number;
  units: number;
}

function v2Input(seed: number, v: number, d: number, m: number, maxLen: number, units: number): V2Input {
  return { x: layerInput(seed, v, d, m, maxLen), maxLen, units };
}

/** v words with vectors of length d: the matrix [v + 1, d] mostly has a row count other than d. */
const matrixArb = fc
  .record({ sizes: dims({ rows: [3, 9], d: [2, 5] }), seed: fc.integer({ min: 0, max: 10_000 }) })
  .map(({ sizes: { rows, d }, seed }) => ({ v: rows - 1, d, seed }));

const V2_SEED = 11;

/**
 * The training run on the shipped set: small LSTMs, so that it takes under a second. 40 steps, not fewer: dropout's
 * masks follow the grading seed, and at 25 steps a correct model reordered left the loss above half at some seeds.
 * The sentences of at most 4 words (35 of the 40, all five emojis): a step unrolls both LSTMs over maxLen, 4 instead of
 * the one 7-word sentence's 7, which halves the run (~0.55 s, was ~1.2 s); the loss still falls to 7% of where it
 * starts or less and at least 97% come out right, for the solution and every correct alternative, at each of 20
 * dropout seeds tried (Math.random seeded in one process, as the sandbox seeds it per call) and validate's 10.
 */
const V2_TRAIN = { units: 16, steps: 40, accuracy: 0.8, maxWords: 4 };

// The embedding matrix is [v + 1, d]: its row count (not v) is what must differ from d.
const v2Arb = fc
  .record({ sizes: dims({ rows: [4, 10], d: [2, 5], maxLen: [2, 5], units: [2, 5] }), seed: fc.integer({ min: 0, max: 10_000 }) })
  .map(({ sizes: { rows, d, maxLen, units }, seed }) => v2Input(seed, rows - 1, d, 3, maxLen, units));

const showV2 = ({ x, maxLen, units }: V2Input) => `${x.v} words, vectors of length ${x.d}, maxLen ${maxLen}, lstmUnits ${units}, indices [3, ${maxLen}] (seed ${x.seed})`;

/** Calls the given emojifyV2Report as is, lstmUnits left out (undefined: emojifyV2's default) when `units` is. */
async function v2Call(ctx: CheckContext, { x, maxLen }: V2Input, units: number | undefined, labels = x.labels, steps = 0, timeoutMs?: number): Promise<ValueRecord> {
  const args: Value[] = [maxLen, x.map, x.wordToIndex, x.indices, labels, units, steps, V2_SEED];
  return expectRecord(await ctx.call('emojifyV2Report', args, timeoutMs ? { timeoutMs } : {}), 'the report on your model', ['layers', 'probs']);
}

/** Calls the given emojifyV2Report; a model that could not be built ends the check, with the mistake when the error shows it. */
async function v2Report(ctx: CheckContext, input: V2Input, labels = input.x.labels, steps = 0, timeoutMs?: number): Promise<ValueRecord> {
  const r = await v2Call(ctx, input, input.units, labels, steps, timeoutMs);
  if (typeof r.error === 'string') {
    // The report numbers the LSTMs in the order they were created. A 2-D input to the 1st: it was given the indices;
    // to the 2nd: the 1st returned its last output only.
    const twoD = /expected ndim=3, found ndim=2/.test(r.error);
    const hint = twoD && r.errorInLstm === 1 ? V2_HINTS.lstmOnIndices : twoD && r.errorInLstm === 2 ? V2_HINTS.firstNoSequences : undefined;
    violated(`building or running your model failed: ${r.error}`, hint);
  }
  return r;
}

/** The model's layers, an Activation or Softmax layer folded into the Dense layer before it (the course's model either way). */
function stagesOf(r: ValueRecord): Stage[] {
  const stages: Stage[] = [];
  for (const item of expectArray(r.layers!, 'the layers of your model')) {
    const layer = expectRecord(item, 'a layer') as unknown as Stage;
    const last = stages[stages.length - 1];
    const activation = layer.className === 'Softmax' ? 'softmax' : layer.className === 'Activation' ? layer.activation : null;
    if (activation && last?.className === 'Dense' && last.activation === 'linear') last.activation = activation;
    else stages.push({ ...layer });
  }
  return stages;
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Explains a layer sequence or setting that is not the course's, naming the mistake only where the layers show it. */
function expectV2Layers(stages: Stage[], units: number): void {
  const names = stages.map((s) => s.className);
  const shown = names.join(' → ');
  if (!sameList(names, V2_LAYERS)) {
    const withoutDropout = names.filter((n) => n !== 'Dropout');
    let hint: string | undefined;
    if (sameList(withoutDropout, V2_LAYERS.filter((n) => n !== 'Dropout')) && withoutDropout.length + 2 > names.length) hint = V2_HINTS.noDropout;
    else if (sameList(names, ['Embedding', 'Dropout', 'LSTM', 'Dropout', 'LSTM', 'Dense'])) hint = V2_HINTS.dropoutBefore;
    violated(`your model's layers are ${shown}; expected ${V2_LAYERS.join(' → ')} (→ softmax).`, hint);
  }
  const [embedding, lstm1, drop1, lstm2, drop2, dense] = stages as [Stage, Stage, Stage, Stage, Stage, Stage];
  if (embedding.trainable) violated('the Embedding layer is trainable.', V2_HINTS.trainable);
  for (const [k, lstm] of [lstm1, lstm2].entries()) {
    const which = k === 0 ? 'the first LSTM' : 'the second LSTM';
    if (lstm.units !== units) violated(`${which} has ${lstm.units} units, but lstmUnits is ${units}.`, lstm.units === 128 ? V2_HINTS.units128 : undefined);
    if (lstm.activation !== 'tanh' || lstm.recurrentActivation !== 'hardSigmoid') {
      violated(`${which} has activation ${lstm.activation} and recurrentActivation ${lstm.recurrentActivation}: keep TensorFlow.js's defaults (tanh, hardSigmoid).`);
    }
  }
  if (lstm1.returnSequences !== true) violated('the first LSTM does not return its whole sequence.', V2_HINTS.firstNoSequences);
  if (lstm2.returnSequences !== false) violated('the second LSTM returns its whole sequence.', V2_HINTS.secondSequences);
  for (const [k, drop] of [drop1, drop2].entries()) {
    if (drop.rate !== 0.5) violated(`the ${k === 0 ? 'first' : 'second'} Dropout layer has rate ${drop.rate}, expected 0.5 (the share of entries dropped).`);
  }
  if (dense.units !== 5) violated(`the Dense layer has ${dense.units} units, expected 5 (one per emoji).`);
  if (dense.activation !== 'softmax') {
    const hint = dense.activation === 'linear' ? V2_HINTS.noSoftmax : dense.activation === 'sigmoid' ? V2_HINTS.sigmoid : undefined;
    violated(`the Dense layer's output goes through ${dense.activation === 'linear' ? 'no activation' : `a ${dense.activation}`}, expected a softmax.`, hint);
  }
}

const lstmUnitsOf = (stages: Stage[]) => stages.filter((s) => s.className === 'LSTM').map((s) => s.units);

/** The course's lstmUnits, emojifyV2's default. */
const COURSE_UNITS = 128;

/**
 * Explains a model built without lstmUnits whose LSTMs are not of the course's 128 units. The default is named as
 * the mistake only when the learner's emojifyV2 honours an explicit lstmUnits (`explicit`, built with input.units).
 */
function expectDefaultUnits(defaulted: ValueRecord, explicit: ValueRecord, input: V2Input): void {
  const honoured = typeof explicit.error !== 'string' && lstmUnitsOf(stagesOf(explicit)).every((u) => u === input.units);
  const hint = honoured ? V2_HINTS.default128 : undefined;
  if (typeof defaulted.error === 'string') violated(`building your model without lstmUnits failed: ${defaulted.error}`, hint);
  const units = lstmUnitsOf(stagesOf(defaulted));
  if (units.length === 0) violated('built without lstmUnits, your model has no LSTM layer.');
  if (units.some((u) => u !== COURSE_UNITS)) {
    violated(`built without lstmUnits, your model's LSTM layers have ${units.join(' and ')} units, expected ${COURSE_UNITS} (emojifyV2's default).`, hint);
  }
}

/** Per layer: [trainable, non-trainable] parameter counts and how they are made. */
function expectedParams(v: number, d: number, u: number): [string, number, number, string][] {
  return [
    ['Embedding', 0, (v + 1) * d, `(${v} words + 1)·${d}, frozen`],
    ['LSTM', 4 * u * (d + u + 1), 0, `4·${u}·(${d} + ${u} + 1)`],
    ['Dropout', 0, 0, 'none'],
    ['LSTM', 4 * u * (u + u + 1), 0, `4·${u}·(${u} + ${u} + 1)`],
    ['Dropout', 0, 0, 'none'],
    ['Dense', 5 * (u + 1), 0, `5·(${u} + 1)`],
  ];
}

/**
 * The shipped training sentences of at most `maxWords` words as rows of indices (the reference layout of
 * sentencesToIndices), their labels, and their maxLen.
 */
function shippedIndices(maxWords = Infinity): { indices: NdArray; labels: number[]; maxLen: number; map: WordMap; wordToIndex: Record<string, number> } {
  const { wordToIndex } = readEmojifyVectors();
  const [X0, Y0] = emojifySet('train');
  const words0 = X0.map((text) => text.toLowerCase().split(/\s+/).filter((w) => w.length > 0));
  const kept = words0.map((_, i) => i).filter((i) => words0[i]!.length <= maxWords);
  const words = kept.map((i) => words0[i]!);
  const maxLen = Math.max(...words.map((w) => w.length));
  const rows = words.flatMap((ws) => [...ws.map((w) => wordToIndex[w]!), ...new Array<number>(maxLen - ws.length).fill(0)]);
  return { indices: nd(rows, [words.length, maxLen]), labels: kept.map((i) => Y0[i]!), maxLen, map: shippedMap(), wordToIndex };
}

// ---------------------------------------------------------------- gradient-check point

const gradPoint = (() => {
  const s = new Seeded(61);
  return { avg: s.randn([5], 0.7), yOh: oneHot(2, 4), W: s.randn([4, 5], 0.5), b: s.randn([4], 0.3) };
})();

const stepArb = fc.record({ sizes: dims({ nY: [2, 5], nH: 6 }), seed: fc.integer({ min: 0, max: 10_000 }) }).map(({ sizes: { nY, nH }, seed }) => {
  const s = new Seeded(seed);
  return { avg: s.randn([nH]), yOh: oneHot(seed % nY, nY), W: s.randn([nY, nH]), b: s.randn([nY], 0.5), label: seed % nY };
});

export default defineAssignment({
  id: 'course5/week2/emojify',
  title: 'Emojify: sentiment from word embeddings',
  exercises: [
    {
      name: 'sentenceToAvg',
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async () => {
            const s = new Seeded(1);
            const m7 = wordMap(s, 7, 3);
            const m9 = wordMap(s, 9, 6);
            const known7 = WORDS.slice(0, 7);
            return [
              { name: '7 words of length 3, a 4-word sentence', args: [sentence(s, known7, 4), m7] },
              { name: '9 words of length 6, a 6-word sentence with unknown words', args: [`${sentence(s, WORDS.slice(0, 9), 3)} zzz ${sentence(s, WORDS.slice(0, 9), 2)} qux`, m9] },
              { name: '9 words of length 6, a word repeated', args: [`${WORDS[2]} ${WORDS[2]!.toUpperCase()} ${WORDS[5]}`, m9] },
              { name: '7 words of length 3, no known word', args: ['zzz qux', m7] },
              // One word: the vector length must come from a vector of the map that exists.
              { name: '1 word of length 4, with unknown words', args: [`zzz ${WORDS[0]!.toUpperCase()} qux ${WORDS[0]}`, wordMap(s, 1, 4)] },
              // White space as typed: a tab and a newline between words (split on white space, not on ' ').
              { name: '7 words of length 3, words separated by a tab and a newline', args: [`${known7[0]}\t${known7[3]}\n${known7[1]}`, m7] },
            ] as { name: string; args: Value[] }[];
          },
        }),
        property({
          name: 'mean of the known words',
          points: 2,
          claim: "The result is the mean of the vectors of the sentence's words that are in wordToVecMap, looked up lower-cased (zeros when none is)",
          inputs: fc.record({ v: dim(8, 2), d: dim(5, 2), len: dim(6), unknown: fc.boolean(), seed: fc.integer({ min: 0, max: 10_000 }) }),
          numRuns: 10,
          holds: async ({ v, d, len, unknown, seed }, ctx) => {
            const s = new Seeded(seed);
            const map = wordMap(s, v, d);
            const text = sentence(s, [...WORDS.slice(0, v), ...(unknown ? UNKNOWN : [])], len);
            const out = await avgOf(ctx, text, map, d);
            expectClose(out, nd(meanOfKnown(text, map, d), [d]), `sentenceToAvg(${JSON.stringify(text)}, wordToVecMap)`);
          },
        }),
      ],
    },
    {
      name: 'forwardBackward',
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async () => {
            const s = new Seeded(2);
            return [
              { nY: 5, nH: 7, label: 3 },
              { nY: 3, nH: 4, label: 0 },
              { nY: 6, nH: 3, label: 5 },
            ].map(({ nY, nH, label }) => ({ name: `nY = ${nY}, nH = ${nH}, label ${label}`, args: [s.randn([nH]), oneHot(label, nY), s.randn([nY, nH], 0.6), s.randn([nY], 0.4)] }));
          },
        }),
        property({
          name: 'softmax and its gradient',
          points: 2,
          claim: 'a is a probability distribution (entries in (0, 1), summing to 1), cost = −log a[label], db = a − yOh, and dW[k][j] = db[k]·avg[j]',
          inputs: stepArb,
          numRuns: 8,
          holds: async ({ avg, yOh, W, b, label }, ctx) => {
            const out = await stepOf(ctx, avg, yOh, W, b);
            const total = out.a.data.reduce((x, y) => x + y, 0);
            if (!isDistribution(out.a.data, true)) {
              violated(`a = [${Array.from(out.a.data).join(', ')}] is not a probability distribution (sum ${total}).`, 'a = softmax(z): exponentials of z (minus its max), divided by their sum over the classes.');
            }
            // −log a and a − yOh are as precise as a in absolute terms: their floors are tied to the probabilities' scale.
            expectClose(out.cost, -Math.log(out.a.data[label]!), 'the cost (compared with −log a[label])', tolerance('float32', { scale: scaleOf(out.a) }));
            expectClose(out.db, nd(out.a.data.map((p, k) => p - yOh.data[k]!), [...b.shape]), 'db (compared with a − yOh)', tolerance('float32', { scale: scaleOf(out.a, yOh) }));
            const nH = avg.shape[0]!;
            expectClose(out.dW, nd(Array.from(out.dW.data, (_, i) => out.db.data[Math.floor(i / nH)]! * avg.data[i % nH]!), [...W.shape]), 'dW (compared with db·avgᵀ)', tolerance());
          },
        }),
        gradient({
          name: 'gradient check',
          points: 3,
          mode: 'entries',
          at: () => ({ W: gradPoint.W, b: gradPoint.b }),
          cost: async (ctx, p) => (await stepOf(ctx, gradPoint.avg, gradPoint.yOh, p.W!, p.b!)).cost,
          gradients: async (ctx, p) => {
            const { dW, db } = await stepOf(ctx, gradPoint.avg, gradPoint.yOh, p.W!, p.b!);
            return { W: dW, b: db };
          },
        }),
      ],
    },
    {
      name: 'model',
      dependsOn: ['sentenceToAvg', 'forwardBackward'],
      checks: [
        reference({
          name: 'seeded training runs',
          points: 4,
          tolerance: tolerance('training'),
          cases: async () => {
            const s = new Seeded(3);
            // The last case leaves learningRate and numIterations at their defaults (0.01, 400), as the course calls it.
            const cases = [
              { v: 10, d: 6, m: 9, nY: 3, lr: 0.05, n: 12 },
              { v: 12, d: 4, m: 8, nY: 4, lr: 0.1, n: 8 },
              { v: 5, d: 2, m: 2, nY: 2 },
            ].map(({ v, d, m, nY, lr, n }: { v: number; d: number; m: number; nY: number; lr?: number; n?: number }) => {
              const map = wordMap(s, v, d);
              const X = Array.from({ length: m }, (_, i) => sentence(s, [...WORDS.slice(0, v), UNKNOWN[0]!], 2 + (i % 4)));
              const Y = Array.from({ length: m }, (_, i) => i % nY);
              const training = lr === undefined || n === undefined ? 'the default learning rate and iterations' : `learning rate ${lr}, ${n} iterations`;
              const args: Value[] = lr === undefined || n === undefined ? [X, Y, map] : [X, Y, map, lr, n];
              return { name: `${m} sentences, ${nY} classes, vectors of length ${d}, ${training}`, args };
            });
            // One hidden run is enough for what hidden cases are for (a table of the published runs earns nothing: the score
            // is the smaller of the public and hidden shares); every mistake the runs tell apart shows on the public ones.
            // The second, the cheapest (64 updates; the defaults' 400 iterations make the last the costliest), which every
            // known mistake fails.
            return Seeded.hiddenVariant ? cases.slice(1, 2) : cases;
          },
        }),
        property({
          name: 'accuracy on the emoji set',
          points: 2,
          claim: 'Trained on the shipped training set (40 sentences, learning rate 0.05, 30 iterations), the returned pred is right for at least 90% of the training sentences, and W, b predict at least 80% of the 15 test sentences',
          inputs: fc.constant(null),
          numRuns: 1,
          timeoutMs: 20_000,
          show: () => 'the shipped emoji set',
          holds: async (_input, ctx) => {
            const map = shippedMap();
            const [X, Y] = emojifySet('train');
            const [Xt, Yt] = emojifySet('test');
            const out = expectArray(await ctx.call('model', [X, Y, map, 0.05, 30], { timeoutMs: 20_000 }), 'model(X, Y, wordToVecMap, 0.05, 30)', 3);
            const pred = expectArray(out[0]!, 'pred (the first item)').map((p) => expectNumber(p, 'a prediction'));
            const W = expectTensor(out[1]!, 'W (the second item)', [5, 20]);
            const b = expectTensor(out[2]!, 'b (the third item)', [5]);
            const train = share(pred, Y);
            const test = share(predictJs(Xt, W, b, map), Yt);
            if (train < 0.9 || test < 0.8) {
              violated(`training accuracy ${(100 * train).toFixed(1)}% (at least 90% expected), test accuracy ${(100 * test).toFixed(1)}% (at least 80% expected).`);
            }
          },
        }),
      ],
    },
    {
      name: 'sentencesToIndices',
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async () => {
            const s = new Seeded(4);
            return [
              { v: 9, m: 3, maxLen: 6 },
              { v: 14, m: 5, maxLen: 7 },
            ].map(({ v, m, maxLen }) => {
              const wordToIndex = wordIndex(s, v);
              const X = Array.from({ length: m }, (_, i) => sentence(s, WORDS.slice(0, v), 1 + ((i * 2) % (maxLen - 1))));
              return { name: `${m} sentences, ${v} words, maxLen = ${maxLen}`, args: [X, wordToIndex, maxLen] as Value[] };
            })
              .concat(
                // White space as typed: two spaces, a tab, a space at either end (split on white space, not on ' ').
                (() => {
                  const wordToIndex = wordIndex(s, 6);
                  const [a, b, c, d] = [WORDS[0]!, WORDS[3]!, WORDS[1]!, WORDS[5]!];
                  const X = [` ${a}  ${b}`, `${c}\t${d} ${a} `];
                  return [{ name: '2 sentences with two spaces, a tab and spaces at the ends, 6 words, maxLen = 5', args: [X, wordToIndex, 5] as Value[] }];
                })(),
              );
          },
        }),
        property({
          name: 'rows of indices, then zeros',
          points: 2,
          claim: "Row i holds wordToIndex of sentence i's lower-cased words in order (the sentence split on white space: spaces, tabs, newlines, one or more), then zeros up to maxLen",
          inputs: fc.record({ v: dim(10, 2), sizes: dims({ m: 4, maxLen: [2, 6] }), seed: fc.integer({ min: 0, max: 10_000 }) }).map(({ sizes, ...rest }) => ({ ...sizes, ...rest })),
          numRuns: 8,
          holds: async ({ v, m, maxLen, seed }, ctx) => {
            const s = new Seeded(seed);
            const wordToIndex = wordIndex(s, v);
            // Words joined by white space as typed: a space, two, a tab, a newline.
            const gaps = [' ', ' ', '  ', '\t', '\n'];
            const typed = (text: string) => text.split(' ').map((w, i) => (i ? gaps[ints(s, 1, gaps.length)[0]!]! : '') + w).join('');
            const X = Array.from({ length: m }, () => typed(sentence(s, WORDS.slice(0, v), 1 + ints(s, 1, maxLen)[0]!)));
            const out = expectTensor(await ctx.call('sentencesToIndices', [X, wordToIndex, maxLen]), `sentencesToIndices(X, wordToIndex, ${maxLen})`, [m, maxLen]);
            if (out.data.some(Number.isNaN)) violated(`sentencesToIndices(${JSON.stringify(X)}, wordToIndex, ${maxLen}) has NaN entries: words without an index.`, INDICES_SPLIT_HINT);
            const want = X.flatMap((text) => {
              const ix = text.toLowerCase().split(/\s+/).filter((w) => w.length > 0).map((w) => wordToIndex[w]!);
              return [...ix, ...new Array<number>(maxLen - ix.length).fill(0)];
            });
            expectClose(out, nd(want, [m, maxLen]), `sentencesToIndices(${JSON.stringify(X)}, wordToIndex, ${maxLen})`);
          },
        }),
      ],
    },
    {
      name: 'pretrainedEmbeddingLayer',
      checks: [
        reference({
          name: 'seeded layers',
          points: 2,
          fn: 'embeddingLayerReport',
          cases: async () =>
            [
              { seed: 5, v: 6, d: 4, m: 3, maxLen: 5 },
              { seed: 6, v: 11, d: 3, m: 4, maxLen: 4 },
              // One word: the vector length must come from a vector of the map that exists.
              { seed: 9, v: 1, d: 3, m: 2, maxLen: 3 },
            ].map(({ seed, v, d, m, maxLen }) => ({
              name: `${v} word${v === 1 ? '' : 's'}, vectors of length ${d}, indices [${m}, ${maxLen}]`,
              args: layerArgs(layerInput(seed, v, d, m, maxLen)),
            })),
        }),
        property({
          name: 'the pretrained matrix',
          points: 3,
          claim: 'The layer is an Embedding of (number of words + 1) × (vector length) whose row 0 is zeros and row wordToIndex[w] is the vector of w; applied to indices it gives their rows',
          inputs: matrixArb,
          numRuns: 6,
          show: ({ v, d, seed }) => `${v} words, vectors of length ${d}, indices [3, 4] (seed ${seed})`,
          holds: async ({ v, d, seed }, ctx) => {
            const x = layerInput(seed, v, d, 3, 4);
            const r = await reportOf(ctx, x);
            const M = expectTensor(r.weights!, "the layer's matrix");
            expectMatrix(M, x);
            const gathered = nd(Array.from(x.indices.data).flatMap((i) => Array.from(rowOf(M, i))), [3, 4, d]);
            expectClose(r.output!, gathered, 'the layer applied to the indices (compared with the rows of its matrix)');
          },
        }),
        property({
          name: 'frozen',
          points: 3,
          claim: 'The layer is not trainable: a few steps of training a model that uses it leave its matrix unchanged',
          inputs: matrixArb,
          numRuns: 3,
          show: ({ v, d, seed }) => `${v} words, vectors of length ${d}, indices [3, 4] (seed ${seed})`,
          holds: async ({ v, d, seed }, ctx) => {
            const x = layerInput(seed, v, d, 3, 4);
            const r = await reportOf(ctx, x);
            if (r.trainable !== false) violated(`the layer's trainable flag is ${String(r.trainable)}.`, HINTS.trainable);
            const before = expectTensor(r.weights!, "the layer's matrix");
            const after = expectTensor(r.weightsAfterTraining!, "the layer's matrix after training", [...before.shape]);
            if (!before.data.every((e, i) => e === after.data[i])) violated('training a model that uses the layer changed its matrix.', HINTS.trainable);
          },
        }),
      ],
    },
    {
      name: 'emojifyV2',
      dependsOn: ['pretrainedEmbeddingLayer'],
      checks: [
        reference({
          name: 'seeded models',
          points: 3,
          fn: 'emojifyV2Outputs',
          timeoutMs: 20_000,
          cases: async () =>
            [
              { seed: 7, v: 8, d: 5, m: 4, maxLen: 6, units: 6 },
              { seed: 8, v: 12, d: 3, m: 3, maxLen: 5, units: 4 },
            ].map(({ seed, v, d, m, maxLen, units }) => {
              const { x } = v2Input(seed, v, d, m, maxLen, units);
              return {
                name: `${v} words, vectors of length ${d}, maxLen ${maxLen}, lstmUnits ${units}, indices [${m}, ${maxLen}], weights from seed ${V2_SEED}`,
                args: [maxLen, x.map, x.wordToIndex, x.indices, units, V2_SEED] as Value[],
              };
            }),
        }),
        property({
          name: 'the layers and their settings',
          points: 3,
          claim:
            'The model is Input([maxLen]) → Embedding (frozen) → LSTM(lstmUnits, returnSequences true) → Dropout(0.5) → LSTM(lstmUnits, returnSequences false) → Dropout(0.5) → Dense(5) → softmax, the layers otherwise at their defaults; its output is [m, 5]',
          inputs: v2Arb,
          numRuns: 3,
          timeoutMs: 20_000,
          show: showV2,
          holds: async (input, ctx) => {
            const r = await v2Report(ctx, input, undefined, 0, 20_000);
            expectV2Layers(stagesOf(r), input.units);
            if (formatShape(r.inputShape as number[]) !== formatShape([input.maxLen])) violated(`the model's input is ${formatShape(r.inputShape as number[])} per example, expected [${input.maxLen}] (maxLen word indices).`);
            if (formatShape(r.outputShape as number[]) !== formatShape([5])) violated(`the model's output is ${formatShape(r.outputShape as number[])} per example, expected [5].`);
          },
        }),
        property({
          name: 'the default lstmUnits',
          points: 1,
          claim: `Built without lstmUnits, the model's two LSTM layers have ${COURSE_UNITS} units (the course's size, emojifyV2's default)`,
          inputs: v2Arb,
          numRuns: 1,
          timeoutMs: 20_000,
          show: showV2,
          holds: async (input, ctx) => {
            const defaulted = await v2Call(ctx, input, undefined, undefined, 0, 20_000);
            // Built with an explicit lstmUnits as well, to tell a wrong default from an ignored argument.
            expectDefaultUnits(defaulted, await v2Call(ctx, input, input.units, undefined, 0, 20_000), input);
          },
        }),
        property({
          name: 'parameter counts',
          points: 2,
          claim:
            'Per layer, trainable / non-trainable parameters: Embedding 0 / (words + 1)·embDim, LSTM 1 4·u·(embDim + u + 1), LSTM 2 4·u·(2u + 1), Dense 5·(u + 1), Dropout none (u = lstmUnits)',
          inputs: v2Arb,
          numRuns: 2,
          timeoutMs: 20_000,
          show: showV2,
          holds: async (input, ctx) => {
            const stages = stagesOf(await v2Report(ctx, input, undefined, 0, 20_000));
            const want = expectedParams(input.x.v, input.x.d, input.units);
            if (!sameList(stages.map((s) => s.className), want.map((w) => w[0]))) expectV2Layers(stages, input.units);
            stages.forEach((s, i) => {
              const [name, trainable, frozen, how] = want[i]!;
              if (s.trainableParams !== trainable || s.nonTrainableParams !== frozen) {
                violated(`layer ${i + 1} (${name}) has ${s.trainableParams} trainable and ${s.nonTrainableParams} non-trainable parameters; expected ${trainable} and ${frozen} (${how}).`);
              }
            });
          },
        }),
        property({
          name: 'probabilities',
          points: 2,
          claim: 'The model applied to indices [m, maxLen] gives [m, 5]: each row a probability distribution over the 5 emojis (entries in [0, 1], summing to 1)',
          inputs: v2Arb,
          numRuns: 2,
          timeoutMs: 20_000,
          show: showV2,
          holds: async (input, ctx) => {
            const r = await v2Report(ctx, input, undefined, 0, 20_000);
            const probs = expectTensor(r.probs!, 'the output');
            const m = input.x.indices.shape[0]!;
            if (formatShape(probs.shape) === formatShape([m, input.maxLen, 5])) violated(`the output has shape ${formatShape(probs.shape)}, expected [${m}, 5].`, V2_HINTS.secondSequences);
            expectTensor(probs, 'the output', [m, 5]);
            for (let i = 0; i < m; i++) {
              const row = Array.from(probs.data.slice(5 * i, 5 * i + 5));
              const total = row.reduce((a, b) => a + b, 0);
              if (!isDistribution(row)) {
                const last = stagesOf(r).at(-1);
                const hint = last?.className === 'Dense' ? (last.activation === 'linear' ? V2_HINTS.noSoftmax : last.activation === 'sigmoid' ? V2_HINTS.sigmoid : undefined) : undefined;
                violated(`row ${i} of the output, [${row.map((p) => p.toPrecision(4)).join(', ')}], is not a probability distribution (sum ${total.toPrecision(6)}).`, hint);
              }
            }
          },
        }),
        property({
          name: 'the frozen pretrained embedding',
          points: 2,
          claim: "The model's Embedding layer holds the pretrained matrix (row 0 zeros, row wordToIndex[w] the vector of w) and is not trainable",
          inputs: v2Arb,
          numRuns: 2,
          timeoutMs: 20_000,
          show: showV2,
          holds: async (input, ctx) => {
            const r = await v2Report(ctx, input, undefined, 0, 20_000);
            if (r.embedding === null) violated('your model has no Embedding layer.');
            expectMatrix(expectTensor(r.embedding!, "the model's embedding matrix"), input.x);
            const embedding = stagesOf(r).find((s) => s.className === 'Embedding')!;
            if (embedding.trainable) violated('the Embedding layer is trainable.', V2_HINTS.trainable);
          },
        }),
        property({
          name: 'training on the emoji set',
          points: 3,
          claim: `Built with lstmUnits ${V2_TRAIN.units} and trained for ${V2_TRAIN.steps} steps of Adam on the shipped training sentences of at most ${V2_TRAIN.maxWords} words (35 of the 40; dropout on), the model leaves the embedding matrix unchanged, at least halves the loss, and then labels at least ${100 * V2_TRAIN.accuracy}% of those sentences right`,
          inputs: fc.constant(null),
          numRuns: 1,
          timeoutMs: 60_000,
          show: () => `the shipped emoji set's training sentences of at most ${V2_TRAIN.maxWords} words`,
          holds: async (_input, ctx) => {
            const set = shippedIndices(V2_TRAIN.maxWords);
            const input: V2Input = { x: { v: Object.keys(set.wordToIndex).length, d: 20, map: set.map, wordToIndex: set.wordToIndex, indices: set.indices, labels: set.labels, seed: 0 }, maxLen: set.maxLen, units: V2_TRAIN.units };
            const r = await v2Report(ctx, input, set.labels, V2_TRAIN.steps, 60_000);
            const t = expectRecord(r.training!, 'the training run', ['lossBefore', 'lossAfter', 'accuracy', 'embeddingAfter']);
            const before = expectTensor(r.embedding!, "the model's embedding matrix");
            const after = expectTensor(t.embeddingAfter!, 'the embedding matrix after training', [...before.shape]);
            if (!before.data.every((e, i) => e === after.data[i])) violated('training the model changed its embedding matrix.', V2_HINTS.trainable);
            const [lossBefore, lossAfter, accuracy] = [expectNumber(t.lossBefore!, 'lossBefore'), expectNumber(t.lossAfter!, 'lossAfter'), expectNumber(t.accuracy!, 'accuracy')];
            if (!(lossAfter <= lossBefore / 2)) violated(`the loss went from ${lossBefore.toFixed(4)} to ${lossAfter.toFixed(4)}: it should at least halve.`);
            if (accuracy < V2_TRAIN.accuracy) violated(`after training, ${(100 * accuracy).toFixed(1)}% of the training sentences are labelled right (at least ${100 * V2_TRAIN.accuracy}% expected).`);
          },
        }),
      ],
    },
  ],
});
