/** Course-style: plain loops, one draw at a time from np.random.rand (numpy's uniform is low + (high − low)·rand), selection of the k best by repeated scans. */
import { np } from '../../../../../lib/np-random';

export function sampleLogUniform(low: number, high: number, n: number, seed = 1): number[] {
  np.random.seed(seed);
  const a = Math.log10(low);
  const b = Math.log10(high);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const u = np.random.rand()[0]!;
    const r = a + (b - a) * u;
    out.push(Math.pow(10, r));
  }
  return out;
}

export function sampleBeta(low: number, high: number, n: number, seed = 1): number[] {
  np.random.seed(seed);
  const a = Math.log10(1 - high);
  const b = Math.log10(1 - low);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = a + (b - a) * np.random.rand()[0]!;
    out.push(1 - Math.pow(10, r));
  }
  return out;
}

export function zoomIn(values: number[], scores: number[], k: number): [number, number] {
  const taken: boolean[] = new Array(values.length).fill(false);
  let lo = Infinity;
  let hi = -Infinity;
  for (let round = 0; round < k; round++) {
    let best = -1;
    for (let i = 0; i < scores.length; i++) {
      if (!taken[i] && (best < 0 || scores[i]! > scores[best]!)) best = i;
    }
    taken[best] = true;
    if (values[best]! < lo) lo = values[best]!;
    if (values[best]! > hi) hi = values[best]!;
  }
  return [lo, hi];
}

export const alternative = { style: 'loops', fns: ['sampleLogUniform', 'sampleBeta', 'zoomIn'] };
