/** TensorFlow.js built-ins: perturbations as tf.buffer tensors added per parameter tensor, norms with tf.norm, inside tf.tidy. */
import * as tf from '@tensorflow/tfjs';
import { forwardPropagationN, type Gradients, type ThreeLayerParameters } from '../../../../../lib/datasets/course2-week1-utils';

export type { Gradients, ThreeLayerParameters } from '../../../../../lib/datasets/course2-week1-utils';

// J = θ·x and dJ/dθ = x have one way to be written (float64, so that ε = 1e-7 works): re-exported.
export { forwardPropagation, backwardPropagation } from '../../../../../solutions/course2/week1/gradient-checking';
import { forwardPropagation, backwardPropagation } from '../../../../../solutions/course2/week1/gradient-checking';

export function gradientCheck(x: number, theta: number, epsilon = 1e-7): number {
  const gradapprox = [1, -1].reduce((s, sign) => s + sign * forwardPropagation(x, theta + sign * epsilon), 0) / (2 * epsilon);
  const grad = backwardPropagation(x, theta);
  const both = Math.abs(grad) + Math.abs(gradapprox);
  return both === 0 ? 0 : Math.abs(grad - gradapprox) / both;
}

const KEYS = ['W1', 'b1', 'W2', 'b2', 'W3', 'b3'] as const;

export function gradientCheckN(parameters: ThreeLayerParameters, gradients: Gradients, X: tf.Tensor2D, Y: tf.Tensor2D, epsilon = 1e-2): number {
  const approx: number[] = [];
  for (const key of KEYS) {
    const P = parameters[key];
    const size = P.size;
    for (let i = 0; i < size; i++) {
      const costWith = (delta: number) =>
        tf.tidy(() => {
          const b = tf.buffer<tf.Rank.R2>(P.shape);
          b.values[i] = delta;
          const bump = b.toTensor();
          return forwardPropagationN(X, Y, { ...parameters, [key]: P.add(bump) } as ThreeLayerParameters)[0];
        });
      approx.push((costWith(epsilon) - costWith(-epsilon)) / (2 * epsilon));
    }
  }
  return tf.tidy(() => {
    const grad = tf.concat(KEYS.map((k) => (gradients as unknown as Record<string, tf.Tensor>)[`d${k}`]!.flatten()));
    const gradapprox = tf.tensor1d(approx);
    return tf.norm(grad.sub(gradapprox)).div(tf.norm(grad).add(tf.norm(gradapprox))).dataSync()[0]!;
  });
}

export const alternative = { style: 'builtin', fns: ['gradientCheck', 'gradientCheckN'] };
