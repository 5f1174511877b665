/** Course-style: own flattening with loops over arraySync(), explicit copies, norms by loops. */
import * as tf from '@tensorflow/tfjs';
import { forwardPropagationN, type Gradients, type ThreeLayerParameters } from '../../../../../lib/datasets/course2-week1-utils';

export type { Gradients, ThreeLayerParameters } from '../../../../../lib/datasets/course2-week1-utils';

export function forwardPropagation(x: number, theta: number): number {
  const J = x * theta;
  return J;
}

export function backwardPropagation(x: number, theta: number): number {
  const dtheta = x;
  void theta;
  return dtheta;
}

export function gradientCheck(x: number, theta: number, epsilon = 1e-7): number {
  const thetaplus = theta + epsilon;
  const thetaminus = theta - epsilon;
  const Jplus = forwardPropagation(x, thetaplus);
  const Jminus = forwardPropagation(x, thetaminus);
  const gradapprox = (Jplus - Jminus) / (2 * epsilon);
  const grad = backwardPropagation(x, theta);
  const numerator = Math.sqrt((grad - gradapprox) * (grad - gradapprox));
  const denominator = Math.sqrt(grad * grad) + Math.sqrt(gradapprox * gradapprox);
  if (denominator === 0) return 0;
  return numerator / denominator;
}

const KEYS = ['W1', 'b1', 'W2', 'b2', 'W3', 'b3'] as const;

export function gradientCheckN(parameters: ThreeLayerParameters, gradients: Gradients, X: tf.Tensor2D, Y: tf.Tensor2D, epsilon = 1e-2): number {
  // θ as nested arrays per key; g flattened in the same order.
  const values: Record<string, number[][]> = {};
  for (const k of KEYS) values[k] = parameters[k].arraySync() as number[][];
  const grad: number[] = [];
  for (const k of KEYS) {
    const g = (gradients as unknown as Record<string, tf.Tensor2D>)['d' + k]!.arraySync() as number[][];
    for (const row of g) for (const v of row) grad.push(v);
  }
  const costAt = (vals: Record<string, number[][]>): number => {
    const p: Record<string, tf.Tensor2D> = {};
    for (const k of KEYS) p[k] = tf.tensor2d(vals[k]!);
    const J = forwardPropagationN(X, Y, p as ThreeLayerParameters)[0];
    for (const k of KEYS) p[k]!.dispose();
    return J;
  };
  const copy = (): Record<string, number[][]> => {
    const c: Record<string, number[][]> = {};
    for (const k of KEYS) c[k] = values[k]!.map((row) => row.slice());
    return c;
  };
  const gradapprox: number[] = [];
  for (const k of KEYS) {
    const rows = values[k]!.length;
    const cols = values[k]![0]!.length;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const plus = copy();
        plus[k]![i]![j]! += epsilon;
        const minus = copy();
        minus[k]![i]![j]! -= epsilon;
        gradapprox.push((costAt(plus) - costAt(minus)) / (2 * epsilon));
      }
    }
  }
  let num = 0;
  let n1 = 0;
  let n2 = 0;
  for (let i = 0; i < grad.length; i++) {
    num += (grad[i]! - gradapprox[i]!) ** 2;
    n1 += grad[i]! ** 2;
    n2 += gradapprox[i]! ** 2;
  }
  return Math.sqrt(num) / (Math.sqrt(n1) + Math.sqrt(n2));
}

export const alternative = { style: 'loops', fns: ['forwardPropagation', 'backwardPropagation', 'gradientCheck', 'gradientCheckN'] };
