import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import { convertToOneHot, predict, type WordVectors } from '../../../../../lib/emojify-utils';
import { forwardBackward, sentenceToAvg } from '../../../../../solutions/course5/week2/emojify';
export * from '../../../../../solutions/course5/week2/emojify';

export const mutant = { fn: 'model', hint: 'W starts from np.random.randn(nY, nH) without the scaling: divide it by √nH (W = randn(nY, nH)/√nH).' };

export function model(X: string[], Y: number[], wordToVecMap: WordVectors, learningRate = 0.01, numIterations = 400): [number[], tf.Tensor2D, tf.Tensor1D] {
  np.random.seed(1);
  const nY = new Set(Y).size;
  const nH = Object.values(wordToVecMap)[0]!.shape[0];
  let W = tf.tensor2d(np.random.randn(nY, nH), [nY, nH]);
  let b = tf.zeros([nY]) as tf.Tensor1D;
  const Yoh = tf.unstack(convertToOneHot(Y, nY)) as tf.Tensor1D[];
  for (let t = 0; t < numIterations; t++) {
    for (let i = 0; i < X.length; i++) {
      const step = forwardBackward(sentenceToAvg(X[i]!, wordToVecMap), Yoh[i]!, W, b);
      W = tf.sub(W, tf.mul(learningRate, step.dW));
      b = tf.sub(b, tf.mul(learningRate, step.db));
    }
  }
  return [predict(X, null, W, b, wordToVecMap), W, b];
}
