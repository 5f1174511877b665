export * from '../../../../../solutions/course2/week2/optimization-methods';

export const mutant = { fn: 'scheduleLrDecay', hint: 'epochNum / timeInterval is not rounded down, so the rate decays every epoch: use Math.floor(epochNum / timeInterval).' };

export function scheduleLrDecay(learningRate0: number, epochNum: number, decayRate: number, timeInterval = 1000): number {
  return learningRate0 / (1 + decayRate * (epochNum / timeInterval));
}
