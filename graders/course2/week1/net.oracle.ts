/**
 * Plain-JavaScript math of the course 2 week 1 networks (LINEAR → RELU for the
 * hidden layers, LINEAR → SIGMOID at the output), shared by the week's graders:
 * the provided forward and backward passes (no regularization, no dropout) that
 * the properties compare reductions with, the dropout cache, gradient descent
 * for the symmetry check, and kink-free points for the gradient checks. An
 * answer key: grader edition only, loaded lazily by hidden checks.
 */
import { RandomState } from '../../../lib/np-random';
import { kinkFree } from '../../engine/kinks';
import { map, matmul, nd, sumAxis2d, transpose2d, zip, type NdArray } from '../../engine/ndarray';
import { affine, relu, sigmoid } from '../../shared/nn.oracle';
import { DROPOUT_KEEP, DROPOUT_POINT, drawPoint, L2_POINT, layerCount, type Net } from './net-inputs';

export { affine, relu, sigmoid } from '../../shared/nn.oracle';

export const scale = (a: NdArray, k: number): NdArray => map(a, (v) => v * k);
export const add = (a: NdArray, b: NdArray): NdArray => zip(a, b, (x, y) => x + y);
export const sub = (a: NdArray, b: NdArray): NdArray => zip(a, b, (x, y) => x - y);
export const sumSquares = (a: NdArray): number => a.data.reduce((s, v) => s + v * v, 0);

/** Every layer's Z and A (A[0] = X); the output A[L] is sigmoid, the others relu. */
export function forward(X: NdArray, params: Net): { Z: NdArray[]; A: NdArray[] } {
  const L = layerCount(params);
  const Z: NdArray[] = [X];
  const A: NdArray[] = [X];
  for (let l = 1; l <= L; l++) {
    Z[l] = affine(params[`W${l}`]!, A[l - 1]!, params[`b${l}`]!);
    A[l] = l < L ? relu(Z[l]!) : sigmoid(Z[l]!);
  }
  return { Z, A };
}

/** Cross-entropy −(1/m)·Σ[y·log(a) + (1 − y)·log(1 − a)]. */
export function crossEntropy(A: NdArray, Y: NdArray): number {
  const m = Y.shape[1]!;
  return -A.data.reduce((s, a, i) => s + (Y.data[i]! * Math.log(a) + (1 - Y.data[i]!) * Math.log(1 - a)), 0) / m;
}

/** The gradients of the cross-entropy, keyed like the course: dZl, dWl, dbl for every layer and dAl for the hidden ones. */
export function backward(X: NdArray, Y: NdArray, params: Net): Net {
  const L = layerCount(params);
  const { A } = forward(X, params);
  const m = X.shape[1]!;
  const g: Net = {};
  let dZ = sub(A[L]!, Y);
  for (let l = L; l >= 1; l--) {
    g[`dZ${l}`] = dZ;
    g[`dW${l}`] = scale(matmul(dZ, transpose2d(A[l - 1]!)), 1 / m);
    g[`db${l}`] = scale(sumAxis2d(dZ, 1), 1 / m);
    if (l > 1) {
      const dA = matmul(transpose2d(params[`W${l}`]!), dZ);
      g[`dA${l - 1}`] = dA;
      dZ = zip(dA, A[l - 1]!, (d, a) => (a > 0 ? d : 0));
    }
  }
  return g;
}

/** Gradient descent: `steps` steps of learning rate `rate` on the cross-entropy. */
export function train(X: NdArray, Y: NdArray, params: Net, steps: number, rate: number): Net {
  let p = params;
  for (let i = 0; i < steps; i++) {
    const g = backward(X, Y, p);
    const next: Net = {};
    for (const [k, v] of Object.entries(p)) next[k] = sub(v, scale(g[`d${k}`]!, rate));
    p = next;
  }
  return p;
}

/** The course's 12-item cache of a three-layer network: (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3). */
export function cacheTuple(X: NdArray, p: Net): NdArray[] {
  const { Z, A } = forward(X, p);
  return [1, 2, 3].flatMap((l) => [Z[l]!, A[l]!, p[`W${l}`]!, p[`b${l}`]!]);
}

/** The course's dropout cache for given masks (A1 and A2 after dropout). */
export function dropoutCache(X: NdArray, p: Net, D1: NdArray, D2: NdArray, keepProb: number): NdArray[] {
  const Z1 = affine(p.W1!, X, p.b1!);
  const A1 = zip(relu(Z1), D1, (a, d) => (a * d) / keepProb);
  const Z2 = affine(p.W2!, A1, p.b2!);
  const A2 = zip(relu(Z2), D2, (a, d) => (a * d) / keepProb);
  const Z3 = affine(p.W3!, A2, p.b3!);
  return [Z1, D1, A1, p.W1!, p.b1!, Z2, D2, A2, p.W2!, p.b2!, Z3, sigmoid(Z3), p.W3!, p.b3!];
}

/** The masks np.random.seed(1) gives: D1 [n1, m] then D2 [n2, m], 1 where rand < keepProb. */
export function seededMasks(n1: number, n2: number, m: number, keepProb: number): [NdArray, NdArray] {
  const rng = new RandomState(1);
  const mask = (n: number) => nd(rng.rand(n, m).map((d) => (d < keepProb ? 1 : 0)), [n, m]);
  const D1 = mask(n1);
  return [D1, mask(n2)];
}

/** The hidden pre-activations Z1 … Z(L−1) (where ReLU has its kink). */
export function hiddenZ(X: NdArray, p: Net): NdArray[] {
  const { Z } = forward(X, p);
  return Z.slice(1, layerCount(p));
}

/** What a kink check looks at: the pre-activations of ReLU units at a point. */
export type PreActivations = (point: Net) => NdArray[];

/**
 * A reproducible gradient-check point: X, Y and parameters (weights and biases
 * ~ N(0, weightScale²)) drawn from the first seed ≥ firstSeed whose point is
 * kink-free (by default for the plain forward pass) and whose output
 * pre-activations stay within ±maxOutput (a saturated sigmoid makes float32
 * costs flat).
 */
export function kinkFreePoint(
  dims: readonly number[],
  m: number,
  eps: number,
  firstSeed: number,
  pre: (X: NdArray) => PreActivations = (X) => (p) => hiddenZ(X, p),
  weightScale = 1,
  maxOutput = Infinity,
): { X: NdArray; Y: NdArray; params: Net; seed: number } {
  for (let seed = firstSeed; seed < firstSeed + 1000; seed++) {
    const point = drawPoint([...dims], m, seed, weightScale);
    const { Z } = forward(point.X, point.params);
    if (Z[dims.length - 1]!.data.some((z) => Math.abs(z) > maxOutput)) continue;
    if (kinkFree(point.params, pre(point.X), eps)) return point;
  }
  throw new Error(`no kink-free point among seeds ${firstSeed}…${firstSeed + 999}`);
}

/** The searches behind net-inputs.ts L2_POINT and DROPOUT_POINT: their seeds must agree. */
export function regularizationPointSeeds(): { l2: number; dropout: number } {
  const [n1, n2] = [DROPOUT_POINT.dims[1], DROPOUT_POINT.dims[2]];
  const [D1, D2] = seededMasks(n1, n2, DROPOUT_POINT.m, DROPOUT_KEEP);
  const dropoutZ = (X: NdArray) => (p: Net) => {
    const c = dropoutCache(X, p, D1, D2, DROPOUT_KEEP);
    return [c[0]!, c[5]!];
  };
  return {
    l2: kinkFreePoint(L2_POINT.dims, L2_POINT.m, 1e-2, 100).seed,
    dropout: kinkFreePoint(DROPOUT_POINT.dims, DROPOUT_POINT.m, 1e-2, 200, dropoutZ).seed,
  };
}

/** The relative difference ‖a − b‖ / (‖a‖ + ‖b‖) of two vectors. */
export function relativeDifference(a: readonly number[], b: readonly number[]): number {
  let d = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    d += (a[i]! - b[i]!) ** 2;
    na += a[i]! ** 2;
    nb += b[i]! ** 2;
  }
  const den = Math.sqrt(na) + Math.sqrt(nb);
  return den === 0 ? 0 : Math.sqrt(d) / den;
}
