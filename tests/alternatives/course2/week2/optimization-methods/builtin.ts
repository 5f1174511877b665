/** Built-ins: tf.split for the partition, tf.train.sgd for gradient descent, tf.zerosLike, tf.scalar hyperparameters and tf.tidy everywhere. */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import { initializeNetParameters, netBackward, netCostTotal, netForward } from '../../../../../lib/datasets/moons-network';

export type Parameters = { [key: string]: tf.Tensor2D };
export type Grads = { [key: string]: tf.Tensor2D };
export type Moments = { [key: string]: tf.Tensor2D };
export type MiniBatch = [tf.Tensor2D, tf.Tensor2D];
export type Optimizer = 'gd' | 'momentum' | 'adam';
export type LrDecay = (learningRate0: number, epochNum: number, decayRate: number) => number;
export type TrainingResult = { parameters: Parameters; costs: number[] };

const paramKeys = (parameters: Parameters) => Object.keys(parameters).filter((k) => /^[Wb]\d+$/.test(k));

export function randomMiniBatches(X: tf.Tensor2D, Y: tf.Tensor2D, miniBatchSize = 64, seed = 0): MiniBatch[] {
  np.random.seed(seed);
  const m = X.shape[1];
  const perm = np.random.permutation(m);
  const sizes: number[] = [];
  for (let left = m; left > 0; left -= miniBatchSize) sizes.push(Math.min(miniBatchSize, left));
  return tf.tidy(() => {
    const XY = tf.gather(tf.concat([X, Y], 0), tf.tensor1d(perm, 'int32'), 1);
    return tf.split(XY, sizes, 1).map((b) => tf.split(b, [X.shape[0], Y.shape[0]], 0) as MiniBatch);
  });
}

export function updateParametersWithGd(parameters: Parameters, grads: Grads, learningRate: number): Parameters {
  const keys = paramKeys(parameters);
  const vars = keys.map((k) => tf.variable(parameters[k]!, true));
  const sgd = tf.train.sgd(learningRate);
  sgd.applyGradients(keys.map((k, i) => ({ name: vars[i]!.name, tensor: grads[`d${k}`]! })));
  const out: Parameters = {};
  keys.forEach((k, i) => (out[k] = tf.clone(vars[i]!) as tf.Tensor2D));
  tf.dispose(vars);
  sgd.dispose();
  return out;
}

function zerosRecord(parameters: Parameters): Moments {
  return tf.tidy(() => Object.fromEntries(paramKeys(parameters).map((k) => [`d${k}`, tf.zerosLike(parameters[k]!)])) as Moments);
}

export function initializeVelocity(parameters: Parameters): Moments {
  return zerosRecord(parameters);
}

/** β·a + (1 − β)·b with tensor hyperparameters. */
const ema = (beta: tf.Scalar, a: tf.Tensor, b: tf.Tensor) => tf.addN([tf.mul(beta, a), tf.mul(tf.sub(1, beta), b)]);

export function updateParametersWithMomentum(parameters: Parameters, grads: Grads, v: Moments, beta: number, learningRate: number): [Parameters, Moments] {
  return tf.tidy(() => {
    const b = tf.scalar(beta);
    const lr = tf.scalar(learningRate);
    const P: Parameters = {};
    const V: Moments = {};
    for (const k of paramKeys(parameters)) {
      V[`d${k}`] = ema(b, v[`d${k}`]!, grads[`d${k}`]!) as tf.Tensor2D;
      P[k] = tf.sub(parameters[k]!, tf.mul(lr, V[`d${k}`]!)) as tf.Tensor2D;
    }
    return [P, V] as [Parameters, Moments];
  });
}

export function initializeRmsprop(parameters: Parameters): Moments {
  return zerosRecord(parameters);
}

export function updateParametersWithRmsprop(parameters: Parameters, grads: Grads, s: Moments, beta2: number, learningRate: number, epsilon: number): [Parameters, Moments] {
  return tf.tidy(() => {
    const b2 = tf.scalar(beta2);
    const P: Parameters = {};
    const S: Moments = {};
    for (const k of paramKeys(parameters)) {
      const g = grads[`d${k}`]!;
      S[`d${k}`] = ema(b2, s[`d${k}`]!, tf.square(g)) as tf.Tensor2D;
      P[k] = tf.sub(parameters[k]!, tf.mul(learningRate, tf.div(g, tf.add(tf.sqrt(S[`d${k}`]!), epsilon)))) as tf.Tensor2D;
    }
    return [P, S] as [Parameters, Moments];
  });
}

export function initializeAdam(parameters: Parameters): [Moments, Moments] {
  return [zerosRecord(parameters), zerosRecord(parameters)];
}

export function updateParametersWithAdam(
  parameters: Parameters,
  grads: Grads,
  v: Moments,
  s: Moments,
  t: number,
  learningRate = 0.01,
  beta1 = 0.9,
  beta2 = 0.999,
  epsilon = 1e-8,
): [Parameters, Moments, Moments, Moments, Moments] {
  return tf.tidy(() => {
    const b1 = tf.scalar(beta1);
    const b2 = tf.scalar(beta2);
    const out: [Parameters, Moments, Moments, Moments, Moments] = [{}, {}, {}, {}, {}];
    for (const k of paramKeys(parameters)) {
      const d = `d${k}`;
      const g = grads[d]!;
      const vNew = ema(b1, v[d]!, g) as tf.Tensor2D;
      const sNew = ema(b2, s[d]!, tf.square(g)) as tf.Tensor2D;
      const vHat = tf.div(vNew, 1 - Math.pow(beta1, t)) as tf.Tensor2D;
      const sHat = tf.div(sNew, 1 - Math.pow(beta2, t)) as tf.Tensor2D;
      out[0][k] = tf.sub(parameters[k]!, tf.mul(learningRate, tf.div(vHat, tf.add(tf.sqrt(sHat), epsilon)))) as tf.Tensor2D;
      [out[1][d], out[2][d], out[3][d], out[4][d]] = [vNew, sNew, vHat, sHat];
    }
    return out;
  });
}

export function updateLr(learningRate0: number, epochNum: number, decayRate: number): number {
  return learningRate0 / (1 + decayRate * epochNum);
}

export function scheduleLrDecay(learningRate0: number, epochNum: number, decayRate: number, timeInterval = 1000): number {
  return updateLr(learningRate0, Math.floor(epochNum / timeInterval), decayRate);
}

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
  const lr0 = learningRate;
  let t = 0;
  let seed = 10;
  let parameters = initializeNetParameters(layersDims);
  let v: Moments = {};
  let s: Moments = {};
  if (optimizer === 'momentum') v = initializeVelocity(parameters);
  if (optimizer === 'adam') [v, s] = initializeAdam(parameters);
  for (let i = 0; i < numEpochs; i++) {
    seed++;
    const batches = randomMiniBatches(X, Y, miniBatchSize, seed);
    let costTotal = 0;
    for (const [bx, by] of batches) {
      const grads = tf.tidy(() => {
        const [AL, cache] = netForward(bx, parameters);
        costTotal += netCostTotal(AL, by);
        return netBackward(bx, by, cache);
      });
      const old = [parameters, v, s].flatMap((r) => Object.values(r));
      if (optimizer === 'gd') parameters = updateParametersWithGd(parameters, grads, learningRate);
      else if (optimizer === 'momentum') [parameters, v] = updateParametersWithMomentum(parameters, grads, v, beta, learningRate);
      else {
        t++;
        [parameters, v, s] = updateParametersWithAdam(parameters, grads, v, s, t, learningRate, beta1, beta2, epsilon);
      }
      const live = new Set([parameters, v, s].flatMap((r) => Object.values(r)));
      tf.dispose([...Object.values(grads), ...old.filter((x) => !live.has(x))]);
    }
    tf.dispose(batches.flat());
    costs.push(costTotal / m);
    if (decay) learningRate = decay(lr0, i, decayRate);
    if (printCost && i % 1000 === 0) console.log(`Cost after epoch ${i}: ${costs[i]}`);
  }
  return { parameters, costs };
}

export const alternative = {
  style: 'builtin',
  fns: [
    'randomMiniBatches', 'updateParametersWithGd', 'initializeVelocity', 'updateParametersWithMomentum', 'initializeRmsprop',
    'updateParametersWithRmsprop', 'initializeAdam', 'updateParametersWithAdam', 'updateLr', 'scheduleLrDecay', 'model',
  ],
};
