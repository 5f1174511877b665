import * as tf from '@tensorflow/tfjs';

/**
 * Course 2, week 1 — the helpers the course provides (its reg_utils and
 * gc_utils), for the regularization and gradient-checking assignments.
 * Provided and not graded: read them, call them, do not change them.
 *
 * The network is the course's three-layer classifier:
 *   LINEAR → RELU → LINEAR → RELU → LINEAR → SIGMOID
 * Examples are columns: X is [nX, m], Y is [1, m]; Wl is [n_l, n_(l−1)], bl is [n_l, 1].
 */

export type ThreeLayerParameters = {
  W1: tf.Tensor2D;
  b1: tf.Tensor2D;
  W2: tf.Tensor2D;
  b2: tf.Tensor2D;
  W3: tf.Tensor2D;
  b3: tf.Tensor2D;
};

/** The course's cache tuple: (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3). */
export type Cache = [
  Z1: tf.Tensor2D,
  A1: tf.Tensor2D,
  W1: tf.Tensor2D,
  b1: tf.Tensor2D,
  Z2: tf.Tensor2D,
  A2: tf.Tensor2D,
  W2: tf.Tensor2D,
  b2: tf.Tensor2D,
  Z3: tf.Tensor2D,
  A3: tf.Tensor2D,
  W3: tf.Tensor2D,
  b3: tf.Tensor2D,
];

/** The gradients backward propagation returns, with the course's keys. */
export type Gradients = {
  dZ3: tf.Tensor2D;
  dW3: tf.Tensor2D;
  db3: tf.Tensor2D;
  dA2: tf.Tensor2D;
  dZ2: tf.Tensor2D;
  dW2: tf.Tensor2D;
  db2: tf.Tensor2D;
  dA1: tf.Tensor2D;
  dZ1: tf.Tensor2D;
  dW1: tf.Tensor2D;
  db1: tf.Tensor2D;
};

/** Z = W·A + b. */
function linear(W: tf.Tensor2D, A: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  return tf.add(tf.matMul(W, A), b) as tf.Tensor2D;
}

/** 1 where A > 0, else 0: the derivative of relu, read from its output. */
function reluGrad(A: tf.Tensor2D): tf.Tensor2D {
  return tf.cast(tf.greater(A, 0), 'float32') as tf.Tensor2D;
}

/** The forward pass without regularization or dropout. Returns [A3, cache]. */
export function forwardPropagation(X: tf.Tensor2D, parameters: ThreeLayerParameters): [tf.Tensor2D, Cache] {
  const { W1, b1, W2, b2, W3, b3 } = parameters;
  const Z1 = linear(W1, X, b1);
  const A1 = tf.relu(Z1);
  const Z2 = linear(W2, A1, b2);
  const A2 = tf.relu(Z2);
  const Z3 = linear(W3, A2, b3);
  const A3 = tf.sigmoid(Z3);
  return [A3, [Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3]];
}

/** The cross-entropy cost −(1/m)·Σ[y·log(a) + (1 − y)·log(1 − a)], as a number. */
export function computeCost(A3: tf.Tensor2D, Y: tf.Tensor2D): number {
  const m = Y.shape[1];
  return tf.tidy(() => {
    const logprobs = tf.add(tf.mul(tf.neg(tf.log(A3)), Y), tf.mul(tf.neg(tf.log(tf.sub(1, A3))), tf.sub(1, Y)));
    return tf.sum(logprobs).dataSync()[0]! / m;
  });
}

/** Backward propagation without regularization or dropout: the gradients of computeCost. */
export function backwardPropagation(X: tf.Tensor2D, Y: tf.Tensor2D, cache: Cache): Gradients {
  const m = X.shape[1];
  const [, A1, , , , A2, W2, , , A3, W3] = cache;
  const dZ3 = tf.sub(A3, Y) as tf.Tensor2D;
  const dW3 = tf.matMul(dZ3, A2, false, true).div(m) as tf.Tensor2D;
  const db3 = tf.sum(dZ3, 1, true).div(m) as tf.Tensor2D;
  const dA2 = tf.matMul(W3, dZ3, true, false) as tf.Tensor2D;
  const dZ2 = tf.mul(dA2, reluGrad(A2)) as tf.Tensor2D;
  const dW2 = tf.matMul(dZ2, A1, false, true).div(m) as tf.Tensor2D;
  const db2 = tf.sum(dZ2, 1, true).div(m) as tf.Tensor2D;
  const dA1 = tf.matMul(W2, dZ2, true, false) as tf.Tensor2D;
  const dZ1 = tf.mul(dA1, reluGrad(A1)) as tf.Tensor2D;
  const dW1 = tf.matMul(dZ1, X, false, true).div(m) as tf.Tensor2D;
  const db1 = tf.sum(dZ1, 1, true).div(m) as tf.Tensor2D;
  return { dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1 };
}

/** One step of gradient descent: θ ← θ − learningRate·dθ for every W and b. */
export function updateParameters(parameters: ThreeLayerParameters, grads: Gradients, learningRate: number): ThreeLayerParameters {
  const step = (p: tf.Tensor2D, g: tf.Tensor2D) => tf.sub(p, tf.mul(learningRate, g)) as tf.Tensor2D;
  return {
    W1: step(parameters.W1, grads.dW1),
    b1: step(parameters.b1, grads.db1),
    W2: step(parameters.W2, grads.dW2),
    b2: step(parameters.b2, grads.db2),
    W3: step(parameters.W3, grads.dW3),
    b3: step(parameters.b3, grads.db3),
  };
}

// ---------------------------------------------------------------------------
// Gradient checking (the course's gc_utils).
// ---------------------------------------------------------------------------

/** The cost of the three-layer network at `parameters`, and its cache: [cost, cache]. */
export function forwardPropagationN(X: tf.Tensor2D, Y: tf.Tensor2D, parameters: ThreeLayerParameters): [number, Cache] {
  const [A3, cache] = forwardPropagation(X, parameters);
  return [computeCost(A3, Y), cache];
}

/**
 * Backward propagation as the course hands it out — WITH TWO BUGS planted in it
 * (as in the course's notebook). Your gradientCheckN should find that these
 * gradients are wrong; the difference should be large.
 */
export function backwardPropagationN(X: tf.Tensor2D, Y: tf.Tensor2D, cache: Cache): Gradients {
  const m = X.shape[1];
  const [, A1, , , , A2, W2, , , A3, W3] = cache;
  const dZ3 = tf.sub(A3, Y) as tf.Tensor2D;
  const dW3 = tf.matMul(dZ3, A2, false, true).div(m) as tf.Tensor2D;
  const db3 = tf.sum(dZ3, 1, true).div(m) as tf.Tensor2D;
  const dA2 = tf.matMul(W3, dZ3, true, false) as tf.Tensor2D;
  const dZ2 = tf.mul(dA2, reluGrad(A2)) as tf.Tensor2D;
  const dW2 = tf.matMul(dZ2, A1, false, true).mul(2 / m) as tf.Tensor2D;
  const db2 = tf.sum(dZ2, 1, true).div(m) as tf.Tensor2D;
  const dA1 = tf.matMul(W2, dZ2, true, false) as tf.Tensor2D;
  const dZ1 = tf.mul(dA1, reluGrad(A1)) as tf.Tensor2D;
  const dW1 = tf.matMul(dZ1, X, false, true).div(m) as tf.Tensor2D;
  const db1 = tf.sum(dZ1, 1, true).mul(4 / m) as tf.Tensor2D;
  return { dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1 };
}

/** The parameter keys in the order the vectors use: W1, b1, W2, b2, … */
function parameterKeys(parameters: Record<string, tf.Tensor>): string[] {
  const keys: string[] = [];
  for (let l = 1; parameters[`W${l}`] !== undefined; l++) keys.push(`W${l}`, `b${l}`);
  return keys;
}

/**
 * Flattens the parameters into one vector θ (W1, b1, W2, b2, … each row-major)
 * and returns [θ, the key each entry comes from].
 */
export function dictionaryToVector(parameters: Record<string, tf.Tensor>): [number[], string[]] {
  const theta: number[] = [];
  const keys: string[] = [];
  for (const key of parameterKeys(parameters)) {
    const values = parameters[key]!.dataSync();
    for (const v of values) {
      theta.push(v);
      keys.push(key);
    }
  }
  return [theta, keys];
}

/**
 * The inverse of dictionaryToVector: new parameter tensors from a vector θ,
 * shaped like (and keyed like) `like`.
 */
export function vectorToDictionary<P extends Record<string, tf.Tensor2D>>(theta: number[], like: P): P {
  const out: Record<string, tf.Tensor2D> = {};
  let offset = 0;
  for (const key of parameterKeys(like)) {
    const shape = like[key]!.shape;
    const size = shape[0] * shape[1];
    out[key] = tf.tensor2d(theta.slice(offset, offset + size), shape);
    offset += size;
  }
  if (offset !== theta.length) throw new Error(`vectorToDictionary: θ has ${theta.length} entries, the parameters ${offset}`);
  return out as P;
}

/**
 * Flattens the gradients dW1, db1, dW2, db2, … into one vector, in the same
 * order as dictionaryToVector flattens W1, b1, W2, b2, … (other keys such as
 * dZ3 or dA2 are ignored).
 */
export function gradientsToVector(gradients: Record<string, tf.Tensor>): number[] {
  const out: number[] = [];
  for (let l = 1; gradients[`dW${l}`] !== undefined; l++) {
    for (const key of [`dW${l}`, `db${l}`]) {
      const g = gradients[key];
      if (g === undefined) throw new Error(`gradientsToVector: no ${key}`);
      out.push(...g.dataSync());
    }
  }
  return out;
}
