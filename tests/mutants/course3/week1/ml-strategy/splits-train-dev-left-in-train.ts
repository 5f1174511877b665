import { np } from '../../../../../lib/np-random';
import type { SplitOptions, Splits } from '../../../../../solutions/course3/week1/ml-strategy';
export * from '../../../../../solutions/course3/week1/ml-strategy';

export const mutant = { fn: 'makeSplits', hint: 'The train-dev examples are still in the training set: carve them out of it (train is the pool without train-dev), or the train-dev error measures nothing held out.' };

export function makeSplits(webCount: number, mobileCount: number, options: SplitOptions, seed: number): Splits {
  np.random.seed(seed);
  const mobile = np.random.permutation(mobileCount).map((i) => webCount + i);
  const nMobileTrain = Math.round(options.mobileTrainFraction * mobileCount);
  const heldOut = mobile.slice(nMobileTrain);
  const nDev = Math.ceil(heldOut.length / 2);
  const pool = [...Array.from({ length: webCount }, (_, i) => i), ...mobile.slice(0, nMobileTrain)];
  const order = np.random.permutation(pool.length).map((i) => pool[i]!);
  const nTrainDev = Math.round(options.trainDevFraction * pool.length);
  const sorted = (a: number[]) => a.sort((x, y) => x - y);
  return { train: sorted([...order]), trainDev: sorted(order.slice(0, nTrainDev)), dev: sorted(heldOut.slice(0, nDev)), test: sorted(heldOut.slice(nDev)) };
}
