import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import { softmax, type CharParameters } from '../../../../../lib/dinosaur-utils';
export * from '../../../../../solutions/course5/week1/dinosaur-island';

export const mutant = { fn: 'sample', hint: 'Sampling goes on after the newline: stop the loop as soon as the newline index is drawn (or at 50 characters).' };

export function sample(parameters: CharParameters, charToIx: Record<string, number>, seed: number): number[] {
  const { Waa, Wax, Wya, by, b } = parameters;
  const vocabSize = by.shape[0];
  const newline = charToIx['\n']!;
  let x = tf.zeros([vocabSize, 1]) as tf.Tensor2D;
  let aPrev = tf.zeros([Waa.shape[1], 1]) as tf.Tensor2D;
  const indices: number[] = [];
  let idx = -1;
  let counter = 0;
  while (counter !== 50) {
    const a = tf.tanh(tf.add(tf.add(tf.matMul(Wax, x), tf.matMul(Waa, aPrev)), b)) as tf.Tensor2D;
    const y = softmax(tf.add(tf.matMul(Wya, a), by) as tf.Tensor2D);
    
    np.random.seed(counter + seed);
    idx = np.random.choice(vocabSize, { p: Array.from(y.dataSync()) });
    indices.push(idx);
    x = tf.oneHot([idx], vocabSize).reshape([vocabSize, 1]).toFloat() as tf.Tensor2D;
    aPrev = a;
    seed += 1;
    counter += 1;
  }
  if (counter === 50) indices.push(newline);
  return indices;
}
