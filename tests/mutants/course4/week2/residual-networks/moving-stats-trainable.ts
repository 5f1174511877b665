/** blockSummary counting every parameter as trainable, the batch norms' moving statistics included. */
import type { BlockKind, BlockSummary, Filters } from '../../../../../solutions/course4/week2/residual-networks';
export * from '../../../../../solutions/course4/week2/residual-networks';

export const mutant = {
  fn: 'blockSummary',
  hint: "A batch norm's moving mean and variance are not trained (model.nonTrainableWeights): only gamma and beta are.",
};

export function blockSummary(inputShape: number[], f: number, filters: Filters, kind: BlockKind, s = 2): BlockSummary {
  const [nH, nW, nC] = inputShape as [number, number, number];
  const [F1, F2, F3] = filters;
  const stride = kind === 'convolutional' ? s : 1;
  const conv = (k: number, cIn: number, cOut: number) => k * k * cIn * cOut + cOut;
  const bn = (c: number) => 4 * c; // the mistake: gamma, beta, mean and variance all counted as trainable
  let params = conv(1, nC, F1) + bn(F1) + conv(f, F1, F2) + bn(F2) + conv(1, F2, F3) + bn(F3);
  if (kind === 'convolutional') params += conv(1, nC, F3) + bn(F3);
  const out = (n: number) => Math.floor((n - 1) / stride) + 1;
  return { outputShape: [out(nH), out(nW), F3], trainableParams: params, nonTrainableParams: 0 };
}
