/**
 * Correct alternative with TensorFlow.js built-ins: clipping every gradient at
 * once (flattened, tf.clipByValue, split back); sampling with tf.softmax and
 * tf.oneHot inside tf.tidy; optimize by automatic differentiation — tf.valueAndGrads
 * of the sequence loss −Σ_t logSoftmax(Wya·a⟨t⟩ + by)[Y[t]] — instead of the
 * given backward helper; the model uses tf.tidy around each step.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import { getInitialLoss, getSample, initializeParameters, smooth, type CharGradients, type CharParameters } from '../../../../../lib/dinosaur-utils';

const gradKeys = ['dWaa', 'dWax', 'dWya', 'db', 'dby'] as const;

export function clip(gradients: CharGradients, maxValue: number): CharGradients {
  return tf.tidy(() => {
    const flat = tf.concat(gradKeys.map((k) => tf.reshape(gradients[k], [-1])));
    const parts = tf.split(tf.clipByValue(flat, -maxValue, maxValue), gradKeys.map((k) => gradients[k].size));
    const out = {} as CharGradients;
    gradKeys.forEach((k, i) => (out[k] = tf.reshape(parts[i]!, gradients[k].shape) as tf.Tensor2D));
    return out;
  });
}

export function sample(parameters: CharParameters, charToIx: Record<string, number>, seed: number): number[] {
  const { Waa, Wax, Wya, by, b } = parameters;
  const vocab = by.shape[0];
  const newline = charToIx['\n']!;
  let a = tf.zeros([Waa.shape[0], 1]) as tf.Tensor2D;
  let x = tf.zeros([vocab, 1]) as tf.Tensor2D;
  const out: number[] = [];
  let counter = 0;
  let idx = -1;
  while (idx !== newline && counter < 50) {
    const [aNext, probs] = tf.tidy(() => {
      const h = tf.tanh(tf.addN([tf.matMul(Wax, x), tf.matMul(Waa, a), b])) as tf.Tensor2D;
      const p = tf.softmax(tf.reshape(tf.add(tf.matMul(Wya, h), by), [vocab]));
      return [h, p] as [tf.Tensor2D, tf.Tensor1D];
    });
    np.random.seed(counter + seed);
    idx = np.random.choice(vocab, { p: Array.from(probs.dataSync()) });
    out.push(idx);
    tf.dispose([a, x, probs]);
    a = aNext;
    x = tf.tidy(() => tf.transpose(tf.oneHot(tf.tensor1d([idx], 'int32'), vocab)).toFloat() as tf.Tensor2D);
    seed++;
    counter++;
  }
  if (counter === 50) out.push(newline);
  return out;
}

export function optimize(X: (number | null)[], Y: number[], aPrev: tf.Tensor2D, parameters: CharParameters, learningRate = 0.01): [number, CharGradients, tf.Tensor2D, CharParameters] {
  const vocab = parameters.by.shape[0];
  let aLast: tf.Tensor2D = aPrev;
  const lossFn = (Wax: tf.Tensor, Waa: tf.Tensor, Wya: tf.Tensor, b: tf.Tensor, by: tf.Tensor) => {
    let a: tf.Tensor = aPrev;
    let total: tf.Tensor = tf.scalar(0);
    X.forEach((ix, t) => {
      const xw = ix === null ? tf.zerosLike(b) : tf.slice(Wax, [0, ix], [-1, 1]); // Wax·onehot(ix)
      a = tf.tanh(tf.addN([xw, tf.matMul(Waa as tf.Tensor2D, a as tf.Tensor2D), b]));
      const logp = tf.logSoftmax(tf.reshape(tf.add(tf.matMul(Wya as tf.Tensor2D, a as tf.Tensor2D), by), [vocab]));
      total = tf.sub(total, tf.slice(logp, [Y[t]!], [1]).reshape([]));
    });
    aLast = tf.keep(a.clone()) as tf.Tensor2D;
    return total as tf.Scalar;
  };
  const { value, grads } = tf.valueAndGrads(lossFn)([parameters.Wax, parameters.Waa, parameters.Wya, parameters.b, parameters.by]);
  const raw: CharGradients = { dWax: grads[0] as tf.Tensor2D, dWaa: grads[1] as tf.Tensor2D, dWya: grads[2] as tf.Tensor2D, db: grads[3] as tf.Tensor2D, dby: grads[4] as tf.Tensor2D };
  const g = clip(raw, 5);
  const next = tf.tidy(() => ({
    Wax: tf.sub(parameters.Wax, tf.mul(learningRate, g.dWax)),
    Waa: tf.sub(parameters.Waa, tf.mul(learningRate, g.dWaa)),
    Wya: tf.sub(parameters.Wya, tf.mul(learningRate, g.dWya)),
    b: tf.sub(parameters.b, tf.mul(learningRate, g.db)),
    by: tf.sub(parameters.by, tf.mul(learningRate, g.dby)),
  })) as CharParameters;
  return [value.dataSync()[0]!, g, aLast, next];
}

export function model(
  data: string[],
  ixToChar: Record<number, string>,
  charToIx: Record<string, number>,
  numIterations = 35000,
  nA = 50,
  dinoNames = 7,
  printEvery = 2000,
): { parameters: CharParameters; losses: number[]; lastDinoName: string } {
  const vocabSize = Object.keys(charToIx).length;
  let parameters = initializeParameters(nA, vocabSize, vocabSize);
  let loss = getInitialLoss(vocabSize, dinoNames);
  const examples = data.map((n) => n.trim());
  np.random.seed(0);
  np.random.shuffle(examples);
  let a = tf.zeros([nA, 1]) as tf.Tensor2D;
  const losses: number[] = [];
  let lastDinoName = '';
  for (let j = 0; j < numIterations; j++) {
    const ixs = Array.from(examples[j % examples.length]!, (c) => charToIx[c]!);
    const [cur, , aNext, updated] = optimize([null, ...ixs], [...ixs, charToIx['\n']!], a, parameters);
    a = aNext;
    parameters = updated;
    loss = smooth(loss, cur);
    losses.push(loss);
    if (j % printEvery === 0) {
      console.log(`Iteration: ${j}, Loss: ${loss.toFixed(6)}`);
      for (let s = 0; s < dinoNames; s++) {
        lastDinoName = getSample(sample(parameters, charToIx, s), ixToChar);
        console.log(lastDinoName.replace('\n', ''));
      }
    }
  }
  return { parameters, losses, lastDinoName };
}

export const alternative = { style: 'builtin', fns: ['clip', 'sample', 'optimize', 'model'] };
