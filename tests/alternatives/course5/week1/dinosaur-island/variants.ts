/**
 * Correct alternative, variants a learner writes: clipping as sign(g)·min(|g|, maxValue) over the record's
 * keys; sampling in a for loop with a numerically stable softmax written out (exp(z − max z) / Σ); optimize
 * with its own update, W − dW·learningRate; the model with Y built from the name's indices and the
 * smoothing written out (loss·0.999 + curLoss·0.001).
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import {
  getInitialLoss,
  getSample,
  initializeParameters,
  rnnBackward,
  rnnForward,
  type CharGradients,
  type CharParameters,
} from '../../../../../lib/dinosaur-utils';

export type { CharGradients, CharParameters };

/** Every gradient clipped element-wise to [−maxValue, maxValue], as new tensors. */
export function clip(gradients: CharGradients, maxValue: number): CharGradients {
  const out = {} as CharGradients;
  for (const k of ['dWaa', 'dWax', 'dWya', 'db', 'dby'] as const) out[k] = tf.mul(tf.sign(gradients[k]), tf.minimum(tf.abs(gradients[k]), maxValue)) as tf.Tensor2D;
  return out;
}

/**
 * Samples a name: from a = 0 and x = 0 repeatedly a = tanh(Wax·x + Waa·a + b),
 * y = softmax(Wya·a + by), np.random.seed(counter + seed) (as the course: counter
 * counts the draws, and seed also grows by one after each), an index drawn with
 * np.random.choice(vocabSize, { p: y }), x its one-hot column — until the newline
 * index is drawn or 50 characters are drawn (then the newline index is appended).
 */
export function sample(parameters: CharParameters, charToIx: Record<string, number>, seed: number): number[] {
  const { Waa, Wax, Wya, by, b } = parameters;
  const vocabSize = by.shape[0];
  const nA = Waa.shape[1];
  const newline = charToIx['\n']!;
  let x = tf.zeros([vocabSize, 1]) as tf.Tensor2D;
  let aPrev = tf.zeros([nA, 1]) as tf.Tensor2D;
  const indices: number[] = [];
  let idx = -1;
  let counter = 0;
  for (; idx !== newline && counter < 50; ) {
    const a = tf.tanh(tf.add(tf.add(tf.matMul(Wax, x), tf.matMul(Waa, aPrev)), b)) as tf.Tensor2D;
    const z = tf.add(tf.matMul(Wya, a), by);
    const e = tf.exp(tf.sub(z, tf.max(z)));
    const y = tf.div(e, tf.sum(e));
    np.random.seed(counter + seed);
    idx = np.random.choice(vocabSize, { p: Array.from(y.dataSync()) });
    indices.push(idx);
    x = tf.oneHot([idx], vocabSize).reshape([vocabSize, 1]).toFloat() as tf.Tensor2D;
    aPrev = a;
    seed += 1;
    counter += 1;
  }
  if (counter === 50) indices.push(newline);
  return indices;
}

/**
 * One step of training on one name: forward (loss), backward through time, clip
 * the gradients to [−5, 5], update. Returns [loss, gradients (clipped), aLast,
 * parameters (updated)], aLast being the hidden state of the last step.
 */
export function optimize(
  X: (number | null)[],
  Y: number[],
  aPrev: tf.Tensor2D,
  parameters: CharParameters,
  learningRate = 0.01,
): [number, CharGradients, tf.Tensor2D, CharParameters] {
  const [loss, cache] = rnnForward(X, Y, aPrev, parameters);
  const [raw, aLast] = rnnBackward(X, Y, parameters, cache);
  const gradients = clip(raw, 5);
  const step = (p: tf.Tensor2D, g: tf.Tensor2D) => tf.sub(p, tf.mul(g, learningRate)) as tf.Tensor2D;
  const updated = { Wax: step(parameters.Wax, gradients.dWax), Waa: step(parameters.Waa, gradients.dWaa), Wya: step(parameters.Wya, gradients.dWya), b: step(parameters.b, gradients.db), by: step(parameters.by, gradients.dby) };
  return [loss, gradients, aLast, updated];
}

export type ModelResult = { parameters: CharParameters; losses: number[]; lastDinoName: string };

/**
 * Trains on the names (one per iteration, in the order np.random.seed(0) then
 * np.random.shuffle gives), carrying the hidden state from name to name, at
 * learning rate 0.01. losses[j] is the smoothed loss after iteration j, from
 * getInitialLoss(vocabSize, dinoNames). Every printEvery iterations prints the
 * loss and dinoNames sampled names (seeds 0, 1, …).
 */
export function model(
  data: string[],
  ixToChar: Record<number, string>,
  charToIx: Record<string, number>,
  numIterations = 35000,
  nA = 50,
  dinoNames = 7,
  printEvery = 2000,
): ModelResult {
  const vocabSize = Object.keys(charToIx).length;
  let parameters = initializeParameters(nA, vocabSize, vocabSize);
  let loss = getInitialLoss(vocabSize, dinoNames);
  const examples = data.map((name) => name.trim());
  np.random.seed(0);
  np.random.shuffle(examples);
  let aPrev = tf.zeros([nA, 1]) as tf.Tensor2D;
  const losses: number[] = [];
  let lastDinoName = '';
  for (let j = 0; j < numIterations; j++) {
    const example = examples[j % examples.length]!;
    const X = [null, ...[...example].map((c) => charToIx[c]!)];
    const Y = [...[...example].map((c) => charToIx[c]!), charToIx['\n']!];
    const [curLoss, , aLast, updated] = optimize(X, Y, aPrev, parameters, 0.01);
    [aPrev, parameters] = [aLast, updated];
    loss = loss * 0.999 + curLoss * 0.001;
    losses.push(loss);
    if (j % printEvery === 0) {
      console.log(`Iteration: ${j}, Loss: ${loss.toFixed(6)}`);
      for (let seed = 0; seed < dinoNames; seed++) {
        lastDinoName = getSample(sample(parameters, charToIx, seed), ixToChar);
        console.log(lastDinoName.replace('\n', ''));
      }
    }
  }
  return { parameters, losses, lastDinoName };
}

export const alternative = { style: 'variants', fns: ['clip', 'sample', 'optimize', 'model'] };
