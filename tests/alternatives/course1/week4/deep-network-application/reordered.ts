/**
 * Correct alternative (reordered): built on a different, correct step-by-step
 * (tests/alternatives/…/deep-network-step-by-step/reordered, standing in for the
 * learner's own file). The 2-layer backward pass starts from dZ2 = A2 − Y with
 * linearBackward instead of dA2 through the sigmoid; the loops dispose each
 * iteration's tensors by hand instead of tf.tidy, count down a while loop, and
 * predict by the sign of the last layer's Z.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import {
  initializeParameters,
  initializeParametersDeep,
  type Parameters,
  type TrainingResult,
} from '../../../../../solutions/course1/week4/deep-network-application';
import {
  computeCost,
  lModelBackward,
  lModelForward,
  linearActivationBackward,
  linearActivationForward,
  linearBackward,
  updateParameters,
} from '../deep-network-step-by-step/reordered';

export { initializeParameters, initializeParametersDeep } from '../../../../../solutions/course1/week4/deep-network-application';

/** Runs fn, then disposes every tensor it created that is not in keep. */
function scoped<T>(fn: () => T, keep: () => tf.Tensor[]): T {
  tf.engine().startScope();
  const out = fn();
  tf.engine().endScope(keep());
  return out;
}

export function twoLayerModel(
  X: tf.Tensor2D,
  Y: tf.Tensor2D,
  layersDims: [number, number, number],
  learningRate = 0.0075,
  numIterations = 3000,
  printCost = false,
): TrainingResult {
  np.random.seed(1);
  const [nX, nH, nY] = layersDims;
  let params = initializeParameters(nX, nH, nY);
  const costs: number[] = [];
  let i = 0;
  while (i < numIterations) {
    let next: Parameters = {};
    const cost = scoped(
      () => {
        const [A1, cache1] = linearActivationForward(X, params.W1!, params.b1!, 'relu');
        const [A2, cache2] = linearActivationForward(A1, params.W2!, params.b2!, 'sigmoid');
        const c = computeCost(A2, Y);
        const [dA1, dW2, db2] = linearBackward(tf.sub(A2, Y) as tf.Tensor2D, cache2[0]);
        const [, dW1, db1] = linearActivationBackward(dA1, cache1, 'relu');
        next = updateParameters(params, { dW2, db2, dW1, db1 }, learningRate);
        return c;
      },
      () => Object.values(next),
    );
    if (i % 100 === 0) {
      costs.push(cost);
      if (printCost) console.log(`Cost after iteration ${i}: ${cost}`);
    } else if (printCost && i === numIterations - 1) console.log(`Cost after iteration ${i}: ${cost}`);
    tf.dispose(Object.values(params));
    params = next;
    i++;
  }
  return { costs, parameters: params };
}

export function lLayerModel(
  X: tf.Tensor2D,
  Y: tf.Tensor2D,
  layersDims: number[],
  learningRate = 0.0075,
  numIterations = 3000,
  printCost = false,
): TrainingResult {
  np.random.seed(1);
  let params = initializeParametersDeep(layersDims);
  const costs: number[] = [];
  for (let i = 0; i < numIterations; i++) {
    let next: Parameters = {};
    const cost = scoped(
      () => {
        const [AL, caches] = lModelForward(X, params);
        next = updateParameters(params, lModelBackward(AL, Y, caches), learningRate);
        return computeCost(AL, Y);
      },
      () => Object.values(next),
    );
    tf.dispose(Object.values(params));
    params = next;
    if (i % 100 === 0) costs.push(cost);
    if (printCost && (i % 100 === 0 || i === numIterations - 1)) console.log(`Cost after iteration ${i}: ${cost}`);
  }
  return { costs, parameters: params };
}

export function predict(X: tf.Tensor2D, Y: tf.Tensor2D | null, parameters: Parameters): tf.Tensor2D {
  return tf.tidy(() => {
    const [, caches] = lModelForward(X, parameters);
    const ZL = caches[caches.length - 1]![1];
    const p = tf.greater(ZL, 0).toFloat() as tf.Tensor2D; // σ(z) > 0.5 ⇔ z > 0
    if (Y !== null) console.log(`Accuracy: ${tf.equal(p, Y).toFloat().mean().dataSync()[0]}`);
    return p;
  });
}

export const alternative = { style: 'reordered', fns: ['twoLayerModel', 'lLayerModel', 'predict'] };
