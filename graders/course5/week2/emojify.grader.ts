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
import { dim } from '../../engine/arbitraries';
import { expectArray, expectClose, expectNumber, expectRecord, expectTensor, violated } from '../../engine/checks/violation';
import { defineAssignment, gradient, property, reference, type CheckContext } from '../../engine/define';
import { formatShape, nd, type NdArray } from '../../engine/ndarray';
import { Seeded } from '../../engine/seeded';
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

// ---------------------------------------------------------------- the embedding layer's diagnoses

const HINTS = {
  trainable: 'The pretrained vectors must stay frozen: create the layer with trainable: false, so training leaves its matrix unchanged.',
  shifted: "Row 0 of the embedding matrix is the padding and stays zeros; word w's vector goes in row wordToIndex[w] (indices start at 1), not wordToIndex[w] − 1.",
  noPaddingRow: 'The matrix needs vocabLen = (number of words) + 1 rows: row 0 for the padding, then row wordToIndex[w] for each word.',
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
const sameRow = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Array.from(a).every((x, i) => Math.abs(x - b[i]!) <= 1e-5 + 1e-4 * Math.abs(b[i]!));

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
  for (const w of words) {
    if (!sameRow(rowOf(M, x.wordToIndex[w]!), x.map[w]!.data)) {
      violated(`row ${x.wordToIndex[w]} of the embedding matrix should be the vector of "${w}" (wordToIndex["${w}"] = ${x.wordToIndex[w]}), but is not.`);
    }
  }
}

async function reportOf(ctx: CheckContext, x: LayerInput): Promise<ValueRecord> {
  return expectRecord(await ctx.call('embeddingLayerReport', layerArgs(x)), 'the report on your layer', ['trainable', 'weights', 'output', 'weightsAfterTraining']);
}

// ---------------------------------------------------------------- gradient-check point

const gradPoint = (() => {
  const s = new Seeded(61);
  return { avg: s.randn([5], 0.7), yOh: oneHot(2, 4), W: s.randn([4, 5], 0.5), b: s.randn([4], 0.3) };
})();

const stepArb = fc.record({ nY: dim(5, 2), nH: dim(6), seed: fc.integer({ min: 0, max: 10_000 }) }).map(({ nY, nH, seed }) => {
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
            if (Math.abs(total - 1) > 1e-4 || out.a.data.some((p) => !(p > 0 && p < 1 + 1e-6))) {
              violated(`a = [${Array.from(out.a.data).join(', ')}] is not a probability distribution (sum ${total}).`, 'a = softmax(z): exponentials of z (minus its max), divided by their sum over the classes.');
            }
            expectClose(out.cost, -Math.log(out.a.data[label]!), 'the cost (compared with −log a[label])', { rtol: 1e-3, atol: 1e-4 });
            expectClose(out.db, nd(out.a.data.map((p, k) => p - yOh.data[k]!), [...b.shape]), 'db (compared with a − yOh)', { rtol: 1e-3, atol: 1e-5 });
            const nH = avg.shape[0]!;
            expectClose(out.dW, nd(Array.from(out.dW.data, (_, i) => out.db.data[Math.floor(i / nH)]! * avg.data[i % nH]!), [...W.shape]), 'dW (compared with db·avgᵀ)', { rtol: 1e-3, atol: 1e-5 });
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
          tolerance: { rtol: 2e-3, atol: 1e-5 },
          cases: async () => {
            const s = new Seeded(3);
            return [
              { v: 10, d: 6, m: 9, nY: 3, lr: 0.05, n: 12 },
              { v: 12, d: 4, m: 8, nY: 4, lr: 0.1, n: 8 },
            ].map(({ v, d, m, nY, lr, n }) => {
              const map = wordMap(s, v, d);
              const X = Array.from({ length: m }, (_, i) => sentence(s, [...WORDS.slice(0, v), UNKNOWN[0]!], 2 + (i % 4)));
              const Y = Array.from({ length: m }, (_, i) => i % nY);
              return { name: `${m} sentences, ${nY} classes, vectors of length ${d}, learning rate ${lr}, ${n} iterations`, args: [X, Y, map, lr, n] as Value[] };
            });
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
            });
          },
        }),
        property({
          name: 'rows of indices, then zeros',
          points: 2,
          claim: "Row i holds wordToIndex of sentence i's lower-cased words in order, then zeros up to maxLen",
          inputs: fc.record({ v: dim(10, 2), m: dim(4), maxLen: dim(6, 2), seed: fc.integer({ min: 0, max: 10_000 }) }),
          numRuns: 8,
          holds: async ({ v, m, maxLen, seed }, ctx) => {
            const s = new Seeded(seed);
            const wordToIndex = wordIndex(s, v);
            const X = Array.from({ length: m }, () => sentence(s, WORDS.slice(0, v), 1 + ints(s, 1, maxLen)[0]!));
            const out = expectTensor(await ctx.call('sentencesToIndices', [X, wordToIndex, maxLen]), `sentencesToIndices(X, wordToIndex, ${maxLen})`, [m, maxLen]);
            const want = X.flatMap((text) => {
              const ix = text.toLowerCase().split(' ').map((w) => wordToIndex[w]!);
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
            ].map(({ seed, v, d, m, maxLen }) => ({ name: `${v} words, vectors of length ${d}, indices [${m}, ${maxLen}]`, args: layerArgs(layerInput(seed, v, d, m, maxLen)) })),
        }),
        property({
          name: 'the pretrained matrix',
          points: 3,
          claim: 'The layer is an Embedding of (number of words + 1) × (vector length) whose row 0 is zeros and row wordToIndex[w] is the vector of w; applied to indices it gives their rows',
          inputs: fc.record({ v: dim(8, 2), d: dim(5, 2), seed: fc.integer({ min: 0, max: 10_000 }) }),
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
          inputs: fc.record({ v: dim(8, 2), d: dim(5, 2), seed: fc.integer({ min: 0, max: 10_000 }) }),
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
  ],
});
