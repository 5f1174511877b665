import { describe, expect, it } from 'vitest';
import { RandomState } from '../../lib/np-random';
import { ksUniform, mean, std } from '../../graders/engine/statistics';

describe('statistics', () => {
  it('moments', () => {
    expect(mean([1, 2, 3, 6])).toBe(3);
    expect(std([1, 1, 3, 3])).toBe(1);
  });

  it('Kolmogorov–Smirnov: a uniform sample is close, a skewed one is far, and the point is reported', () => {
    const u = new RandomState(5).rand(2000);
    expect(ksUniform(u).d).toBeLessThan(1.95 / Math.sqrt(2000));
    const skewed = u.map((x) => x * x);
    const ks = ksUniform(skewed);
    expect(ks.d).toBeGreaterThan(0.2);
    expect(ks.at).toBeGreaterThan(0.1);
    expect(ks.at).toBeLessThan(0.4); // x² is furthest from uniform near x = 1/4
    expect(ksUniform([0.5]).d).toBe(0.5);
  });
});
