/** Correct alternative: sum over tasks then tf.mean over examples, divide before masking, a float mask, freezing by slice. */
import * as tf from '@tensorflow/tfjs';
import { buildNetwork, type DenseWeights } from '../../../../../lib/transfer-multitask';
import type { RetrainOptions, RetrainResult } from '../../../../../exercises/course3/week2/transfer-multitask';

/** 1 where a label exists, 0 where it is NaN; and the labels with NaN replaced by 0. */
function known(labels: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const missing = tf.isNaN(labels);
  const present = tf.sub(1, tf.cast(missing, 'float32')) as tf.Tensor2D;
  const filled = tf.where(missing, tf.zerosLike(labels), labels) as tf.Tensor2D;
  return [present, filled];
}

export function multiTaskLoss(Yhat: tf.Tensor2D, Y: tf.Tensor2D): number {
  const cost = tf.tidy(() => {
    const [present, y] = known(Y);
    // log ŷ·y + log(1 − ŷ)·(1 − y), masked by multiplication (both factors are finite).
    const logLik = tf.add(tf.mul(tf.log(Yhat), y), tf.mul(tf.log1p(tf.neg(Yhat)), tf.sub(1, y)));
    const perExample = tf.sum(tf.mul(logLik, present), 0);
    return tf.neg(tf.mean(perExample));
  });
  const value = cost.arraySync() as number;
  cost.dispose();
  return value;
}

export function multiTaskGradient(Yhat: tf.Tensor2D, Y: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const [present, y] = known(Y);
    const m = Yhat.shape[1];
    return tf.mul(present, tf.sub(tf.div(Yhat, m), tf.div(y, m))) as tf.Tensor2D;
  });
}

export async function freezeAndRetrain(pretrained: DenseWeights[], k: number, X: tf.Tensor2D, Y: tf.Tensor2D, { epochs, learningRate }: RetrainOptions): Promise<RetrainResult> {
  const net = buildNetwork(pretrained);
  net.layers.slice(0, net.layers.length - k).forEach((l) => {
    l.trainable = false;
  });
  net.compile({ loss: 'binaryCrossentropy', optimizer: tf.train.adam(learningRate) });
  const { history } = await net.fit(X, Y, { batchSize: Y.shape[0], epochs, shuffle: false, verbose: 0 });
  const result: RetrainResult = {
    trainable: net.layers.map((l) => l.trainable),
    weights: net.layers.map((l) => {
      const [kernel, bias] = l.getWeights().map((w) => w.clone());
      return { kernel: kernel as tf.Tensor2D, bias: bias as tf.Tensor1D };
    }),
    losses: (history.loss as number[]).slice(),
  };
  net.dispose();
  return result;
}

export const alternative = { style: 'reordered', fns: ['multiTaskLoss', 'multiTaskGradient', 'freezeAndRetrain'] };
