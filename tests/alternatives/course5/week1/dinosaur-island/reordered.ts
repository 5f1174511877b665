/**
 * Correct alternative, vectorised but rearranged: clipping as
 * min(max(g, −v), v); sampling with the hidden state as a row vector
 * (a·Waaᵀ + x·Waxᵀ + bᵀ) and tf.softmax of the flat logits; optimize with the
 * given forward/backward helpers but its own clipping and an update written as
 * W + (−lr)·dW; the model builds Y first and X from it.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import { getInitialLoss, getSample, initializeParameters, rnnBackward, rnnForward, smooth, type CharGradients, type CharParameters } from '../../../../../lib/dinosaur-utils';

export function clip(gradients: CharGradients, maxValue: number): CharGradients {
  const bound = (g: tf.Tensor2D) => tf.minimum(tf.maximum(g, -maxValue), maxValue) as tf.Tensor2D;
  const out = {} as CharGradients;
  for (const k of Object.keys(gradients) as (keyof CharGradients)[]) out[k] = bound(gradients[k]);
  return out;
}

export function sample(parameters: CharParameters, charToIx: Record<string, number>, seed: number): number[] {
  const { Waa, Wax, Wya, by, b } = parameters;
  const vocab = Wya.shape[0];
  const stop = charToIx['\n']!;
  let row = tf.zeros([1, Waa.shape[0]]) as tf.Tensor2D; // aᵀ
  let xRow = tf.zeros([1, vocab]) as tf.Tensor2D; // xᵀ
  const picked: number[] = [];
  for (let count = 0; ; count++) {
    row = tf.tanh(tf.addN([tf.matMul(row, Waa, false, true), tf.matMul(xRow, Wax, false, true), tf.transpose(b)])) as tf.Tensor2D;
    const probs = tf.softmax(tf.reshape(tf.add(tf.matMul(row, Wya, false, true), tf.transpose(by)), [vocab])).arraySync() as number[];
    np.random.seed(seed + 2 * count); // counter + seed, with seed itself grown by count
    const ix = np.random.choice(vocab, { p: probs });
    picked.push(ix);
    if (ix === stop) return picked;
    if (count + 1 === 50) return [...picked, stop];
    xRow = tf.oneHot(tf.tensor1d([ix], 'int32'), vocab).toFloat() as tf.Tensor2D;
  }
}

export function optimize(X: (number | null)[], Y: number[], aPrev: tf.Tensor2D, parameters: CharParameters, learningRate = 0.01): [number, CharGradients, tf.Tensor2D, CharParameters] {
  const [loss, cache] = rnnForward(X, Y, aPrev, parameters);
  const [grads, aLast] = rnnBackward(X, Y, parameters, cache);
  const g = clip(grads, 5);
  const step = (w: tf.Tensor2D, dw: tf.Tensor2D) => tf.add(w, tf.mul(dw, -learningRate)) as tf.Tensor2D;
  const next: CharParameters = { Wax: step(parameters.Wax, g.dWax), Waa: step(parameters.Waa, g.dWaa), Wya: step(parameters.Wya, g.dWya), b: step(parameters.b, g.db), by: step(parameters.by, g.dby) };
  return [loss, g, aLast, next];
}

export function model(
  data: string[],
  ixToChar: Record<number, string>,
  charToIx: Record<string, number>,
  numIterations = 35000,
  nA = 50,
  dinoNames = 7,
  printEvery = 2000,
): { parameters: CharParameters; losses: number[]; lastDinoName: string } {
  const vocab = Object.keys(charToIx).length;
  let params = initializeParameters(nA, vocab, vocab);
  let smoothed = getInitialLoss(vocab, dinoNames);
  const shuffled = data.map((n) => n.trim());
  np.random.seed(0);
  np.random.shuffle(shuffled);
  let hidden = tf.zeros([nA, 1]) as tf.Tensor2D;
  const losses: number[] = [];
  let lastDinoName = '';
  let idx = 0;
  for (let j = 0; j < numIterations; j++) {
    const chars = [...shuffled[idx]!];
    idx = (idx + 1) % shuffled.length;
    const Y = [...chars.map((c) => charToIx[c]!), charToIx['\n']!];
    const X: (number | null)[] = [null, ...Y.slice(0, -1)];
    const out = optimize(X, Y, hidden, params, 0.01);
    smoothed = smooth(smoothed, out[0]);
    hidden = out[2];
    params = out[3];
    losses.push(smoothed);
    if (j % printEvery === 0) {
      console.log(`Iteration: ${j}, Loss: ${smoothed.toFixed(6)}`);
      for (let s = 0; s < dinoNames; s++) {
        lastDinoName = getSample(sample(params, charToIx, s), ixToChar);
        console.log(lastDinoName.replace('\n', ''));
      }
    }
  }
  return { parameters: params, losses, lastDinoName };
}

export const alternative = { style: 'reordered', fns: ['clip', 'sample', 'optimize', 'model'] };
