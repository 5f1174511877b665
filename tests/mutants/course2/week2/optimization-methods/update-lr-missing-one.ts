export * from '../../../../../solutions/course2/week2/optimization-methods';

export const mutant = { fn: 'updateLr', hint: 'The 1 + is missing: the rate is α0 / (1 + decayRate·epochNum), which is α0 at epoch 0.' };

export function updateLr(learningRate0: number, epochNum: number, decayRate: number): number {
  return learningRate0 / (decayRate * epochNum);
}
