/** TensorFlow.js built-ins: tf.losses.logLoss, tf.norm, tf.fused.matMul, tf.less masks, and tf.grad/tf.grads (autodiff) for every backward quantity. */
import * as tf from '@tensorflow/tfjs';
import type { Cache, Gradients, ThreeLayerParameters } from '../../../../../lib/datasets/course2-week1-utils';
import { np } from '../../../../../lib/np-random';

export type { Cache, Gradients, ThreeLayerParameters } from '../../../../../lib/datasets/course2-week1-utils';
export type DropoutCache = [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];

export function computeCostWithRegularization(A3: tf.Tensor2D, Y: tf.Tensor2D, parameters: ThreeLayerParameters, lambd: number): number {
  const m = Y.shape[1];
  return tf.tidy(() => {
    const crossEntropy = tf.losses.logLoss(Y, A3);
    const norms = tf.stack([parameters.W1, parameters.W2, parameters.W3].map((W) => tf.norm(W)));
    return crossEntropy.add(tf.sum(tf.square(norms)).mul(lambd / (2 * m))).dataSync()[0]!;
  });
}

const linear = (W: tf.Tensor2D, A: tf.Tensor2D, b: tf.Tensor2D) => tf.fused.matMul({ a: W, b: A, bias: b }) as tf.Tensor2D;

interface Net {
  X: tf.Tensor2D;
  Y: tf.Tensor2D;
  W1: tf.Tensor2D; b1: tf.Tensor2D; W2: tf.Tensor2D; b2: tf.Tensor2D; W3: tf.Tensor2D; b3: tf.Tensor2D;
  Z1: tf.Tensor2D; Z2: tf.Tensor2D; Z3: tf.Tensor2D;
  /** The dropout applied to relu(Zl) (identity without dropout). */
  drop1: (r: tf.Tensor2D) => tf.Tensor2D;
  drop2: (r: tf.Tensor2D) => tf.Tensor2D;
  lambd: number;
}

/**
 * Every course gradient by autodiff. The course's dZ3, dA2, … are the gradients of the summed
 * (not averaged) loss; dW, db those of the mean loss plus the L2 penalty. dAl is taken with
 * respect to relu(Zl), before the dropout mask, as the course defines it.
 */
function autodiff(n: Net): Gradients {
  const { X, Y, W1, b1, W2, b2, W3, b3, drop1, drop2, lambd } = n;
  const m = X.shape[1];
  const summedLoss = (Z3: tf.Tensor) => tf.losses.sigmoidCrossEntropy(Y, Z3, undefined, 0, tf.Reduction.SUM);
  const fromR2 = (r2: tf.Tensor2D) => summedLoss(linear(W3, drop2(r2), b3));
  const fromZ2 = (z2: tf.Tensor2D) => fromR2(tf.relu(z2));
  const fromR1 = (r1: tf.Tensor2D) => fromZ2(linear(W2, drop1(r1), b2));
  const fromZ1 = (z1: tf.Tensor2D) => fromR1(tf.relu(z1));
  const dZ3 = tf.grad((z: tf.Tensor) => summedLoss(z))(n.Z3) as tf.Tensor2D;
  const dA2 = tf.grad((r: tf.Tensor) => fromR2(r as tf.Tensor2D))(tf.relu(n.Z2)) as tf.Tensor2D;
  const dZ2 = tf.grad((z: tf.Tensor) => fromZ2(z as tf.Tensor2D))(n.Z2) as tf.Tensor2D;
  const dA1 = tf.grad((r: tf.Tensor) => fromR1(r as tf.Tensor2D))(tf.relu(n.Z1)) as tf.Tensor2D;
  const dZ1 = tf.grad((z: tf.Tensor) => fromZ1(z as tf.Tensor2D))(n.Z1) as tf.Tensor2D;
  const cost = (w1: tf.Tensor, c1: tf.Tensor, w2: tf.Tensor, c2: tf.Tensor, w3: tf.Tensor, c3: tf.Tensor) => {
    const a1 = drop1(tf.relu(linear(w1 as tf.Tensor2D, X, c1 as tf.Tensor2D)));
    const a2 = drop2(tf.relu(linear(w2 as tf.Tensor2D, a1, c2 as tf.Tensor2D)));
    const meanLoss = tf.losses.sigmoidCrossEntropy(Y, linear(w3 as tf.Tensor2D, a2, c3 as tf.Tensor2D), undefined, 0, tf.Reduction.SUM).div(m);
    if (lambd === 0) return meanLoss;
    return meanLoss.add(tf.addN([w1, w2, w3].map((w) => tf.sum(tf.square(w)))).mul(lambd / (2 * m)));
  };
  const [dW1, db1, dW2, db2, dW3, db3] = tf.grads(cost)([W1, b1, W2, b2, W3, b3]) as tf.Tensor2D[];
  return { dZ3, dW3: dW3!, db3: db3!, dA2, dZ2, dW2: dW2!, db2: db2!, dA1, dZ1, dW1: dW1!, db1: db1! };
}

export function backwardPropagationWithRegularization(X: tf.Tensor2D, Y: tf.Tensor2D, cache: Cache, lambd: number): Gradients {
  const [Z1, , W1, b1, Z2, , W2, b2, Z3, , W3, b3] = cache;
  const same = (r: tf.Tensor2D) => r;
  return autodiff({ X, Y, W1, b1, W2, b2, W3, b3, Z1, Z2, Z3, drop1: same, drop2: same, lambd });
}

function bernoulliMask(rows: number, cols: number, keepProb: number): tf.Tensor2D {
  return tf.less(tf.tensor2d(np.random.rand(rows, cols), [rows, cols]), keepProb).toFloat() as tf.Tensor2D;
}

export function forwardPropagationWithDropout(X: tf.Tensor2D, parameters: ThreeLayerParameters, keepProb = 0.5): [tf.Tensor2D, DropoutCache] {
  np.random.seed(1);
  const { W1, b1, W2, b2, W3, b3 } = parameters;
  const m = X.shape[1];
  const Z1 = linear(W1, X, b1);
  const D1 = bernoulliMask(W1.shape[0], m, keepProb);
  const A1 = tf.relu(Z1).mul(D1).div(keepProb) as tf.Tensor2D;
  const Z2 = linear(W2, A1, b2);
  const D2 = bernoulliMask(W2.shape[0], m, keepProb);
  const A2 = tf.relu(Z2).mul(D2).div(keepProb) as tf.Tensor2D;
  const Z3 = linear(W3, A2, b3);
  const A3 = tf.sigmoid(Z3);
  return [A3, [Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3]];
}

export function backwardPropagationWithDropout(X: tf.Tensor2D, Y: tf.Tensor2D, cache: DropoutCache, keepProb: number): Gradients {
  const [Z1, D1, , W1, b1, Z2, D2, , W2, b2, Z3, , W3, b3] = cache;
  return autodiff({
    X, Y, W1, b1, W2, b2, W3, b3, Z1, Z2, Z3,
    drop1: (r) => r.mul(D1).div(keepProb) as tf.Tensor2D,
    drop2: (r) => r.mul(D2).div(keepProb) as tf.Tensor2D,
    lambd: 0,
  });
}

export const alternative = {
  style: 'builtin',
  fns: ['computeCostWithRegularization', 'backwardPropagationWithRegularization', 'forwardPropagationWithDropout', 'backwardPropagationWithDropout'],
};
