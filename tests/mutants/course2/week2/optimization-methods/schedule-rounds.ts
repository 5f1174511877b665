export * from '../../../../../solutions/course2/week2/optimization-methods';

export const mutant = { fn: 'scheduleLrDecay', hint: 'epochNum / timeInterval is rounded to the nearest integer: round it DOWN (Math.floor), so the rate drops only at the end of each interval.' };

export function scheduleLrDecay(learningRate0: number, epochNum: number, decayRate: number, timeInterval = 1000): number {
  return learningRate0 / (1 + decayRate * Math.round(epochNum / timeInterval));
}
