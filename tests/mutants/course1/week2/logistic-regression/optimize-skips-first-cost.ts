import * as tf from '@tensorflow/tfjs';
import { propagate, type Grads, type Params } from '../../../../../solutions/course1/week2/logistic-regression';
export * from '../../../../../solutions/course1/week2/logistic-regression';

export const mutant = { fn: 'optimize', hint: 'The costs are recorded after every 100th step, not at iterations 0, 100, 200…: record when i % 100 === 0.' };

export function optimize(
  w: tf.Tensor2D,
  b: number,
  X: tf.Tensor2D,
  Y: tf.Tensor2D,
  numIterations: number,
  learningRate: number,
  _printCost = false,
): { params: Params; grads: Grads; costs: number[] } {
  const costs: number[] = [];
  let grads: Grads = { dw: tf.zerosLike(w), db: 0 };
  for (let i = 0; i < numIterations; i++) {
    const step = propagate(w, b, X, Y);
    grads = step.grads;
    w = tf.sub(w, tf.mul(learningRate, grads.dw));
    b = b - learningRate * grads.db;
    if ((i + 1) % 100 === 0) costs.push(step.cost);
  }
  return { params: { w, b }, grads, costs };
}
