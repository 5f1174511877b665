export * from '../../../../../solutions/course2/week2/optimization-methods';

export const mutant = { fn: 'scheduleLrDecay', hint: 'epochNum % timeInterval is the position inside the interval, so the rate jumps back up: use Math.floor(epochNum / timeInterval), the number of intervals done.' };

export function scheduleLrDecay(learningRate0: number, epochNum: number, decayRate: number, timeInterval = 1000): number {
  return learningRate0 / (1 + decayRate * (epochNum % timeInterval));
}
