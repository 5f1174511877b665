/**
 * Course 3, week 2 — two related tasks for transfer learning, generated
 * deterministically (the course's pretrained networks cannot be shipped).
 *
 * Inputs x ∈ R⁶ (examples as rows, the Keras convention: X is [m, 6]). Both tasks
 * read the same low-level features h = relu(relu(relu(x·W1 + b1)·W2 + b2)·W3 + b3) (8 units):
 * task A ("recognise images", lots of data) and task B ("radiology", a few dozen
 * examples) are two different linear read-outs of h. The "pretrained" network is
 * [6 → 8 relu → 8 relu → 8 relu → 1 sigmoid] with W1, W2, W3 the true features and task A's
 * read-out (its bias set to task A's threshold) as its head: what training on task A's large data set converges to,
 * written down directly so that nothing needs training or downloading.
 */
import { RandomState } from '../np-random';

/** A dense layer's weights as plain arrays: kernel [nIn, nOut] row-major, bias [nOut]. */
export interface PlainDense {
  kernel: number[];
  bias: number[];
  shape: [number, number];
}

export const INPUT_SIZE = 6;
export const HIDDEN_SIZE = 8;

const relu = (v: number) => Math.max(0, v);

/** x·W + b for one example; W is [nIn, nOut] row-major. */
function affine(x: number[], layer: PlainDense): number[] {
  const [nIn, nOut] = layer.shape;
  return Array.from({ length: nOut }, (_, j) => {
    let z = layer.bias[j]!;
    for (let i = 0; i < nIn; i++) z += x[i]! * layer.kernel[i * nOut + j]!;
    return z;
  });
}

function denseFrom(rng: RandomState, nIn: number, nOut: number, scale: number, biasScale: number): PlainDense {
  return { kernel: rng.randn(nIn * nOut).map((v) => v * scale), bias: rng.randn(nOut).map((v) => v * biasScale), shape: [nIn, nOut] };
}

/**
 * The shared features and the two tasks' read-outs, fixed once and for all. The
 * first layer pairs four directions u with their opposites, so that the 8
 * features are relu(u·x) and relu(−u·x): together |u·x|, which no linear model
 * of x can read. The next two layers are close to the identity.
 */
function world(): World {
  // Drawn once: every example's features read it (thousands of times for a threshold).
  fixed ??= drawWorld();
  return fixed;
}

type World = ReturnType<typeof drawWorld>;
let fixed: World | undefined;

function drawWorld() {
  const rng = new RandomState(2024);
  const directions = Array.from({ length: HIDDEN_SIZE / 2 }, () => rng.randn(INPUT_SIZE));
  const kernel1 = new Array<number>(INPUT_SIZE * HIDDEN_SIZE).fill(0);
  directions.forEach((u, k) =>
    u.forEach((v, i) => {
      kernel1[i * HIDDEN_SIZE + 2 * k] = v;
      kernel1[i * HIDDEN_SIZE + 2 * k + 1] = -v;
    }),
  );
  const w1: PlainDense = { kernel: kernel1, bias: new Array<number>(HIDDEN_SIZE).fill(0), shape: [INPUT_SIZE, HIDDEN_SIZE] };
  const nearIdentity = (): PlainDense => ({
    kernel: rng.randn(HIDDEN_SIZE * HIDDEN_SIZE).map((v, i) => (Math.floor(i / HIDDEN_SIZE) === i % HIDDEN_SIZE ? 1 : 0) + 0.05 * v),
    bias: new Array<number>(HIDDEN_SIZE).fill(0),
    shape: [HIDDEN_SIZE, HIDDEN_SIZE],
  });
  const w2 = nearIdentity();
  const w3 = nearIdentity();
  // Each head weighs the magnitudes |u·x| its own way (the two halves of a pair share a weight).
  const head = (weights: number[]): PlainDense => ({ kernel: weights.flatMap((w) => [w, w]), bias: [0], shape: [HIDDEN_SIZE, 1] });
  const headA = head(rng.uniform(0.2, 1, HIDDEN_SIZE / 2));
  const headB = head(rng.uniform(-1, 1, HIDDEN_SIZE / 2));
  return { w1, w2, w3, headA, headB };
}

/** The features h of one example. */
function features(x: number[]): number[] {
  const { w1, w2, w3 } = world();
  return affine(affine(affine(x, w1).map(relu), w2).map(relu), w3).map(relu);
}

/** The median of a read-out over many inputs: its threshold, so that both classes are common. */
function medianScore(head: PlainDense): number {
  const rng = new RandomState(7);
  const scores = Array.from({ length: 2001 }, () => affine(features(rng.randn(INPUT_SIZE)), head)[0]!).sort((a, b) => a - b);
  return scores[1000]!;
}

// Each median takes 2001 passes through the network: computed once per process (the grader asks for them per run).
let thresholdA: number | undefined;
let thresholdB: number | undefined;
function taskBThreshold(): number {
  thresholdB ??= medianScore(world().headB);
  return thresholdB;
}

/** Task B's label (0 or 1) of each example; X is [m, 6] row-major. */
export function taskBLabels(X: readonly number[]): number[] {
  const m = X.length / INPUT_SIZE;
  const t = taskBThreshold();
  return Array.from({ length: m }, (_, e) => (affine(features(Array.from(X.slice(e * INPUT_SIZE, (e + 1) * INPUT_SIZE))), world().headB)[0]! > t ? 1 : 0));
}

/**
 * The pretrained network's layers, first to last: 6 → 8 (relu) → 8 (relu) → 8 (relu) → 1
 * (sigmoid, task A's head). Kernels [nIn, nOut] row-major.
 */
export function pretrainedLayers(): PlainDense[] {
  const { w1, w2, w3, headA } = world();
  thresholdA ??= medianScore(headA);
  const head = { ...headA, bias: [-thresholdA] };
  return [w1, w2, w3, head].map((l) => ({ kernel: [...l.kernel], bias: [...l.bias], shape: [...l.shape] as [number, number] }));
}

/**
 * Task B's data: m examples drawn from seed (X [m, 6] row-major, labels [m]).
 * Inputs are standard normal.
 */
export function taskBData(m: number, seed: number): { X: number[]; y: number[] } {
  const X = new RandomState(seed).randn(m * INPUT_SIZE);
  return { X, y: taskBLabels(X) };
}

/** The probability the network gives each example (plain JS forward pass; relu then sigmoid at the end). */
export function forward(layers: readonly PlainDense[], X: readonly number[]): number[] {
  const nIn = layers[0]!.shape[0];
  const m = X.length / nIn;
  return Array.from({ length: m }, (_, e) => {
    let a = Array.from(X.slice(e * nIn, (e + 1) * nIn));
    layers.forEach((l, i) => {
      const z = affine(a, l);
      a = i === layers.length - 1 ? z.map((v) => 1 / (1 + Math.exp(-v))) : z.map(relu);
    });
    return a[0]!;
  });
}

/** The share of examples whose probability is on the side of their label (> 0.5 for 1). */
export function accuracy(probabilities: readonly number[], y: readonly number[]): number {
  return probabilities.filter((p, i) => (p > 0.5 ? 1 : 0) === y[i]).length / y.length;
}
