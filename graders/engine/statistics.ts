/**
 * Statistics for checks on random outputs (initializers, dropout masks,
 * samplers): sample moments, and the Kolmogorov–Smirnov distance to the
 * uniform distribution.
 */

export function mean(xs: readonly number[]): number {
  return xs.reduce((s, v) => s + v, 0) / xs.length;
}

/** The population standard deviation. */
export function std(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, v) => s + (v - m) ** 2, 0) / xs.length);
}

/**
 * Kolmogorov–Smirnov distance between the empirical distribution of u (values
 * in [0, 1]) and the uniform one, with the point where it is reached and the
 * empirical CDF there. For n samples, a distance above 1.36/√n happens to a
 * truly uniform sample 5% of the time, above 1.95/√n 0.1% of the time.
 */
export function ksUniform(u: readonly number[]): { d: number; at: number; below: number } {
  const sorted = [...u].sort((a, b) => a - b);
  const n = sorted.length;
  let best = { d: 0, at: 0, below: 0 };
  sorted.forEach((x, i) => {
    const lo = x - i / n; // the CDF just below x is i/n
    const hi = (i + 1) / n - x; // and just above it (i + 1)/n
    if (lo > best.d) best = { d: lo, at: x, below: i / n };
    if (hi > best.d) best = { d: hi, at: x, below: (i + 1) / n };
  });
  return best;
}
