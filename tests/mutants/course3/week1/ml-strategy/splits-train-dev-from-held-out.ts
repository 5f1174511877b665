import { np } from '../../../../../lib/np-random';
import type { SplitOptions, Splits } from '../../../../../solutions/course3/week1/ml-strategy';
export * from '../../../../../solutions/course3/week1/ml-strategy';

export const mutant = { fn: 'makeSplits', hint: 'The train-dev set is taken from the held-out mobile examples; carve it out of the training pool, so that it has the training distribution.' };

export function makeSplits(webCount: number, mobileCount: number, options: SplitOptions, seed: number): Splits {
  np.random.seed(seed);
  const mobile = np.random.permutation(mobileCount).map((i) => webCount + i);
  const nMobileTrain = Math.round(options.mobileTrainFraction * mobileCount);
  const pool = [...Array.from({ length: webCount }, (_, i) => i), ...mobile.slice(0, nMobileTrain)];
  const order = np.random.permutation(pool.length).map((i) => pool[i]!);
  const nTrainDev = Math.round(options.trainDevFraction * pool.length);
  const heldOut = mobile.slice(nMobileTrain);
  const trainDev = heldOut.slice(0, nTrainDev);
  const rest = heldOut.slice(nTrainDev);
  const nDev = Math.ceil(rest.length / 2);
  const sorted = (a: number[]) => a.sort((x, y) => x - y);
  return { train: sorted(order), trainDev: sorted(trainDev), dev: sorted(rest.slice(0, nDev)), test: sorted(rest.slice(nDev)) };
}
