/** blockSummary computing the strided output size as ⌊n / s⌋. */
import type { BlockKind, BlockSummary, Filters } from '../../../../../solutions/course4/week2/residual-networks';
export * from '../../../../../solutions/course4/week2/residual-networks';

export const mutant = {
  fn: 'blockSummary',
  hint: "A 1×1 'valid' convolution with stride s gives ⌊(n − 1)/s⌋ + 1 = ⌈n/s⌉ pixels, not ⌊n/s⌋: the last, partial stride still has a pixel.",
};

export function blockSummary(inputShape: number[], f: number, filters: Filters, kind: BlockKind, s = 2): BlockSummary {
  const [nH, nW, nC] = inputShape as [number, number, number];
  const [F1, F2, F3] = filters;
  const stride = kind === 'convolutional' ? s : 1;
  const conv = (k: number, cIn: number, cOut: number) => k * k * cIn * cOut + cOut;
  let trainable = conv(1, nC, F1) + conv(f, F1, F2) + conv(1, F2, F3) + 2 * (F1 + F2 + F3);
  let nonTrainable = 2 * (F1 + F2 + F3);
  if (kind === 'convolutional') {
    trainable += conv(1, nC, F3) + 2 * F3;
    nonTrainable += 2 * F3;
  }
  const out = (n: number) => Math.floor(n / stride); // the mistake
  return { outputShape: [out(nH), out(nW), F3], trainableParams: trainable, nonTrainableParams: nonTrainable };
}
