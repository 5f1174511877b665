/**
 * Correct alternative for model: names trimmed after the shuffle (the shuffle's permutation depends on the count
 * only), a running index wrapped by hand instead of j % length, X and Y built in one loop, and the smoothing written
 * out (0.999·loss + 0.001·curLoss). clip, sample and optimize are the reference's.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import { getInitialLoss, getSample, initializeParameters } from '../../../../../lib/dinosaur-utils';
import { optimize, sample, type ModelResult } from '../../../../../solutions/course5/week1/dinosaur-island';

export * from '../../../../../solutions/course5/week1/dinosaur-island';

export function model(
  data: string[],
  ixToChar: Record<number, string>,
  charToIx: Record<string, number>,
  numIterations = 35000,
  nA = 50,
  dinoNames = 7,
  printEvery = 2000,
): ModelResult {
  const vocabSize = Object.keys(charToIx).length;
  let parameters = initializeParameters(nA, vocabSize, vocabSize);
  let loss = getInitialLoss(vocabSize, dinoNames);
  const examples = [...data];
  np.random.seed(0);
  np.random.shuffle(examples);
  for (let i = 0; i < examples.length; i++) examples[i] = examples[i]!.trim();
  let aPrev = tf.zeros([nA, 1]) as tf.Tensor2D;
  const losses: number[] = [];
  let lastDinoName = '';
  let index = 0;
  for (let j = 0; j < numIterations; j++) {
    const name = examples[index]!;
    index = index + 1 === examples.length ? 0 : index + 1;
    const X: (number | null)[] = [null];
    const Y: number[] = [];
    for (const c of name) {
      X.push(charToIx[c]!);
      Y.push(charToIx[c]!);
    }
    Y.push(charToIx['\n']!);
    const [curLoss, , aLast, updated] = optimize(X, Y, aPrev, parameters, 0.01);
    aPrev = aLast;
    parameters = updated;
    loss = 0.999 * loss + 0.001 * curLoss;
    losses.push(loss);
    if (j % printEvery === 0) {
      for (let seed = 0; seed < dinoNames; seed++) lastDinoName = getSample(sample(parameters, charToIx, seed), ixToChar);
    }
  }
  return { parameters, losses, lastDinoName };
}

export const alternative = { style: 'loops', fns: ['model'] };
