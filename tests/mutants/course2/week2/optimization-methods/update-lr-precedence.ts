export * from '../../../../../solutions/course2/week2/optimization-methods';

export const mutant = { fn: 'updateLr', hint: 'The parentheses are missing: the rate is α0 / (1 + decayRate·epochNum), not α0 / 1 + decayRate·epochNum.' };

export function updateLr(learningRate0: number, epochNum: number, decayRate: number): number {
  return learningRate0 / 1 + decayRate * epochNum;
}
