import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import { getInitialLoss, getSample, initializeParameters, smooth } from '../../../../../lib/dinosaur-utils';
import { optimize, sample, type ModelResult } from '../../../../../solutions/course5/week1/dinosaur-island';
export * from '../../../../../solutions/course5/week1/dinosaur-island';

export const mutant = { fn: 'model', hint: 'The hidden state is reset for every name: carry the aLast that optimize returns into the next iteration, as the course does.' };

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
  const examples = data.map((name) => name.trim());
  np.random.seed(0);
  np.random.shuffle(examples);
  let aPrev = tf.zeros([nA, 1]) as tf.Tensor2D;
  const losses: number[] = [];
  let lastDinoName = '';
  for (let j = 0; j < numIterations; j++) {
    const example = examples[j % examples.length]!;
    const X = [null, ...[...example].map((c) => charToIx[c]!)];
    const Y = [...X.slice(1), charToIx['\n']!] as number[];
    const [curLoss, , aLast, updated] = optimize(X, Y, aPrev, parameters, 0.01);
    parameters = updated;
    void aLast;
    loss = smooth(loss, curLoss);
    losses.push(loss);
    if (j % printEvery === 0) {
      for (let seed = 0; seed < dinoNames; seed++) lastDinoName = getSample(sample(parameters, charToIx, seed), ixToChar);
    }
  }
  return { parameters, losses, lastDinoName };
}
