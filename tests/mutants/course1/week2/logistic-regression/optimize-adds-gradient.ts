import * as tf from '@tensorflow/tfjs';
import { propagate, type Grads, type Params } from '../../../../../solutions/course1/week2/logistic-regression';
export * from '../../../../../solutions/course1/week2/logistic-regression';

export const mutant = { fn: 'optimize', hint: 'The update adds the gradient; gradient descent subtracts it: w − learningRate·dw, b − learningRate·db.' };

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
    w = tf.add(w, tf.mul(learningRate, grads.dw));
    b = b + learningRate * grads.db;
    if (i % 100 === 0) costs.push(step.cost);
  }
  return { params: { w, b }, grads, costs };
}
