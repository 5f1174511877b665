import { np } from '../../../../../lib/np-random';
import type { SplitOptions, Splits } from '../../../../../solutions/course3/week1/ml-strategy';
export * from '../../../../../solutions/course3/week1/ml-strategy';

export const mutant = { fn: 'makeSplits', hint: 'Dev and test hold web images: take them from the mobile uploads only, the distribution the app must do well on; web images go into the training pool.' };

export function makeSplits(webCount: number, mobileCount: number, options: SplitOptions, seed: number): Splits {
  np.random.seed(seed);
  // Shuffles every example together, then holds out as many as the mobile held-out share.
  const all = np.random.permutation(webCount + mobileCount);
  const nHeldOut = mobileCount - Math.round(options.mobileTrainFraction * mobileCount);
  const heldOut = all.slice(0, nHeldOut);
  const nDev = Math.ceil(heldOut.length / 2);
  const pool = all.slice(nHeldOut);
  const order = np.random.permutation(pool.length).map((i) => pool[i]!);
  const nTrainDev = Math.round(options.trainDevFraction * pool.length);
  const sorted = (a: number[]) => a.sort((x, y) => x - y);
  return { train: sorted(order.slice(nTrainDev)), trainDev: sorted(order.slice(0, nTrainDev)), dev: sorted(heldOut.slice(0, nDev)), test: sorted(heldOut.slice(nDev)) };
}
