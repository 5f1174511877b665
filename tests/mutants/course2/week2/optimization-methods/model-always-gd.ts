import * as tf from '@tensorflow/tfjs';
import { initializeNetParameters, netBackward, netCostTotal, netForward } from '../../../../../lib/datasets/moons-network';
import {
  initializeAdam,
  initializeVelocity,
  randomMiniBatches,
  updateParametersWithAdam,
  updateParametersWithGd,
  updateParametersWithMomentum,
  type LrDecay,
  type Moments,
  type Optimizer,
  type Parameters,
  type TrainingResult,
} from '../../../../../solutions/course2/week2/optimization-methods';
export * from '../../../../../solutions/course2/week2/optimization-methods';

export const mutant = { fn: 'model', hint: "The optimizer argument is ignored and every step is plain gradient descent: with 'momentum' call updateParametersWithMomentum, with 'adam' updateParametersWithAdam." };

export function model(
  X: tf.Tensor2D,
  Y: tf.Tensor2D,
  layersDims: number[],
  optimizer: Optimizer,
  learningRate = 0.0007,
  miniBatchSize = 64,
  beta = 0.9,
  beta1 = 0.9,
  beta2 = 0.999,
  epsilon = 1e-8,
  numEpochs = 5000,
  printCost = true,
  decay?: LrDecay,
  decayRate = 1,
): TrainingResult {
  const costs: number[] = [];
  const m = X.shape[1];
  const learningRate0 = learningRate;
  let t = 0;
  let seed = 10;
  let parameters: Parameters = initializeNetParameters(layersDims);
  let v: Moments = {};
  let s: Moments = {};
  if (optimizer === 'momentum') v = initializeVelocity(parameters);
  if (optimizer === 'adam') [v, s] = initializeAdam(parameters);
  for (let i = 0; i < numEpochs; i++) {
    seed = seed + 1;
    const miniBatches = randomMiniBatches(X, Y, miniBatchSize, seed);
    let costTotal = 0;
    for (const [miniBatchX, miniBatchY] of miniBatches) {
      const [AL, cache] = netForward(miniBatchX, parameters);
      costTotal += netCostTotal(AL, miniBatchY);
      const grads = netBackward(miniBatchX, miniBatchY, cache);
      if (optimizer.length > 0) {
        parameters = updateParametersWithGd(parameters, grads, learningRate);
      } else if (optimizer === 'momentum') {
        [parameters, v] = updateParametersWithMomentum(parameters, grads, v, beta, learningRate);
      } else {
        t = t + 1;
        [parameters, v, s] = updateParametersWithAdam(parameters, grads, v, s, t, learningRate, beta1, beta2, epsilon);
      }
    }
    costs.push(costTotal / m);
    if (decay) learningRate = decay(learningRate0, i, decayRate);
    if (printCost && i % 1000 === 0) console.log(`Cost after epoch ${i}: ${costTotal / m}`);
  }
  return { parameters, costs };
}
