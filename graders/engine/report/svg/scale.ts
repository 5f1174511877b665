/** Scales: from data values to pixels. */

/** A linear map of [d0, d1] onto [r0, r1]; a domain of zero width maps to the middle of the range. */
export function linear([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/** A logarithmic map (base 10) of [d0, d1], both positive, onto [r0, r1]. */
export function log([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): (v: number) => number {
  const map = linear([Math.log10(d0), Math.log10(d1)], [r0, r1]);
  return (v) => map(Math.log10(v));
}

/** n categories side by side over [r0, r1]: the centre of the i-th one, and the width each has. */
export function band(n: number, [r0, r1]: readonly [number, number]): { centre: (i: number) => number; step: number } {
  const step = (r1 - r0) / Math.max(1, n);
  return { centre: (i) => r0 + (i + 0.5) * step, step };
}

/** The 1-2-5 step (…, 0.1, 0.2, 0.5, 1, 2, 5, 10, …) closest to dividing `span` into `count` parts. */
export function niceStep(span: number, count: number): number {
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const r = raw / magnitude;
  return (r < 1.5 ? 1 : r < 3 ? 2 : r < 7 ? 5 : 10) * magnitude;
}

export interface Ticks {
  /** The domain the axis shows: the data's, or widened to whole steps when nice. */
  domain: [number, number];
  values: number[];
  step: number;
}

/**
 * About `count` ticks at 1-2-5 steps over [lo, hi]. With `nice`, the domain
 * widens to the nearest ticks outside it, so the axis starts and ends on one.
 * A single value gets a small span around it.
 */
export function ticks(lo: number, hi: number, count = 5, nice = true): Ticks {
  if (!(Number.isFinite(lo) && Number.isFinite(hi))) throw new Error(`an axis from ${lo} to ${hi}`);
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) {
    const pad = Math.abs(lo) / 10 || 1;
    [lo, hi] = [lo - pad, hi + pad];
  }
  const step = niceStep(hi - lo, count);
  const domain: [number, number] = nice ? [Math.floor(lo / step + 1e-9) * step, Math.ceil(hi / step - 1e-9) * step] : [lo, hi];
  const values: number[] = [];
  // Multiples of the step, rounded to a digit past it: 3 × 0.1 is 0.3, not 0.30000000000000004.
  const digits = Math.min(20, Math.max(0, 1 - Math.floor(Math.log10(step))));
  for (let k = Math.ceil(domain[0] / step - 1e-9); k * step <= domain[1] + step * 1e-9; k++) values.push(Number((k * step).toFixed(digits)));
  return { domain: nice ? [values[0]!, values[values.length - 1]!] : domain, values, step };
}
