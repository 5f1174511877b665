/**
 * Correct alternative (builtin): the given initialisations, then TensorFlow.js
 * trains: tf.variables, the cost from tf.losses.sigmoidCrossEntropy on the
 * logits, and tf.train.sgd(learningRate).minimize(…, returnCost = true), which
 * returns the cost of the forward pass before its update. predict uses the
 * builtin step-by-step alternative's lModelForward and tf.round (0.5 → 0).
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import {
  initializeParameters,
  initializeParametersDeep,
  type Parameters,
  type TrainingResult,
} from '../../../../../solutions/course1/week4/deep-network-application';
import { lModelForward } from '../deep-network-step-by-step/builtin';

export { initializeParameters, initializeParametersDeep } from '../../../../../solutions/course1/week4/deep-network-application';

function trainWithSgd(X: tf.Tensor2D, Y: tf.Tensor2D, start: Parameters, learningRate: number, numIterations: number, printCost: boolean): TrainingResult {
  const L = Object.keys(start).length / 2;
  const W: tf.Variable[] = [];
  const b: tf.Variable[] = [];
  for (let l = 1; l <= L; l++) {
    W.push(tf.variable(start[`W${l}`]!));
    b.push(tf.variable(start[`b${l}`]!));
  }
  tf.dispose(Object.values(start));
  const logits = () => {
    let A: tf.Tensor = X;
    for (let l = 0; l < L; l++) {
      const Z = tf.add(tf.matMul(W[l]! as tf.Tensor2D, A as tf.Tensor2D), b[l]!);
      A = l < L - 1 ? tf.relu(Z) : Z;
    }
    return A;
  };
  const sgd = tf.train.sgd(learningRate);
  const costs: number[] = [];
  for (let i = 0; i < numIterations; i++) {
    const costTensor = sgd.minimize(() => tf.losses.sigmoidCrossEntropy(Y, logits()) as tf.Scalar, true);
    const cost = costTensor!.dataSync()[0]!;
    costTensor!.dispose();
    if (i % 100 === 0) costs.push(cost);
    if (printCost && (i % 100 === 0 || i === numIterations - 1)) console.log(`Cost after iteration ${i}: ${cost}`);
  }
  sgd.dispose();
  const parameters: Parameters = {};
  for (let l = 1; l <= L; l++) {
    parameters[`W${l}`] = tf.clone(W[l - 1]!) as tf.Tensor2D;
    parameters[`b${l}`] = tf.clone(b[l - 1]!) as tf.Tensor2D;
  }
  tf.dispose([...W, ...b]);
  return { parameters, costs };
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
  return trainWithSgd(X, Y, initializeParameters(...layersDims), learningRate, numIterations, printCost);
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
  return trainWithSgd(X, Y, initializeParametersDeep(layersDims), learningRate, numIterations, printCost);
}

export function predict(X: tf.Tensor2D, Y: tf.Tensor2D | null, parameters: Parameters): tf.Tensor2D {
  return tf.tidy(() => {
    const [AL] = lModelForward(X, parameters);
    const p = tf.round(AL) as tf.Tensor2D;
    if (Y) console.log(`Accuracy: ${tf.metrics.binaryAccuracy(Y, p).mean().dataSync()[0]}`);
    return p;
  });
}

export const alternative = { style: 'builtin', fns: ['twoLayerModel', 'lLayerModel', 'predict'] };
