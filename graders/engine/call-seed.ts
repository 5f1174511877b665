/**
 * The seed of a learner call's Math.random (CallOptions.randomSeed) when its check gives none: a function of the
 * check's seed, the function called and its arguments. Learner code that draws without a seed of its own (a Dropout
 * layer, tf.randomUniform, a shuffle) then draws the same every run — V8's own Math.random made such a grade differ
 * from run to run — and the same call gets the same numbers whether the check's parts overlap or not.
 */
import { isNdArray } from './ndarray';
import type { Value } from './values';

/** FNV-1a over 32 bits, fed numbers and strings as they come. */
class Hash {
  private h = 0x811c9dc5;

  add(n: number): void {
    this.h = Math.imul(this.h ^ (n | 0), 0x01000193) >>> 0;
    // The fraction too: 0.25 and 0.75 must not hash alike.
    this.h = Math.imul(this.h ^ ((n * 0x10000) | 0), 0x01000193) >>> 0;
  }

  text(s: string): void {
    this.add(s.length);
    for (let i = 0; i < s.length; i++) this.add(s.charCodeAt(i));
  }

  get value(): number {
    return this.h >>> 0;
  }
}

/** How much of a tensor's data is read: both ends, so the cost stays small for large arguments. */
const ENDS = 32;

export function callSeed(checkSeed: number, fn: string, args: readonly Value[]): number {
  const h = new Hash();
  h.add(checkSeed);
  h.text(fn);
  const walk = (v: Value, depth: number): void => {
    if (depth > 8) return;
    if (v === null || v === undefined) return h.add(-1);
    if (typeof v === 'number') return h.add(Number.isFinite(v) ? v : -2);
    if (typeof v === 'boolean') return h.add(v ? 1 : 0);
    if (typeof v === 'string') return h.text(v);
    if (isNdArray(v)) {
      v.shape.forEach((d) => h.add(d));
      const n = v.data.length;
      for (let i = 0; i < Math.min(n, ENDS); i++) h.add(v.data[i]!);
      for (let i = Math.max(ENDS, n - ENDS); i < n; i++) h.add(v.data[i]!);
      return;
    }
    if (Array.isArray(v)) {
      h.add(v.length);
      for (const x of v.slice(0, 64)) walk(x, depth + 1);
      return;
    }
    if (typeof v === 'object') {
      for (const [k, x] of Object.entries(v).slice(0, 64)) {
        h.text(k);
        walk(x as Value, depth + 1);
      }
    }
  };
  args.forEach((a) => walk(a, 0));
  return h.value;
}
