/**
 * A small, dependency-free port of numpy's legacy `np.random.RandomState`.
 *
 * Why: the course's notebooks seed numpy (`np.random.seed(2)`) and then draw
 * weights, permutations, etc. Their expected outputs ("test cases") depend on
 * the exact random stream, so to grade TensorFlow.js ports of the exercises we
 * reproduce numpy's legacy stream bit for bit:
 *
 *   - MT19937, seeded like `RandomState.seed(n)` for an integer `n` (that is
 *     the reference `init_genrand(n)`, not `init_by_array`);
 *   - `random_sample` / `rand`: numpy's 53-bit double from two 32-bit draws;
 *   - `randn` / `standard_normal`: the legacy polar (Marsaglia) method, with
 *     the cached second value (`has_gauss` / `gauss`) that seeding resets;
 *   - `permutation` / `shuffle`: Fisher–Yates from the end, with numpy's
 *     bitmask-rejection bounded integer (`random_interval`);
 *   - `randint`: legacy masked rejection on `high - low - 1`;
 *   - `uniform`: `low + (high - low) * random_sample()`;
 *   - `choice(a, { p })`: one `random_sample()` searched in the normalised
 *     cumulative sum of `p` (`cdf.searchsorted(u, side='right')`), or without
 *     `p` a `randint(0, n)`, like the legacy `choice` with replacement.
 *
 * Arrays are FLAT and row-major: `randn(3, 2)` returns a `number[]` of length
 * 6, in the same order as numpy's `np.random.randn(3, 2).ravel()`. Pass it on
 * with its shape, e.g. `tf.tensor(values, [3, 2])`.
 *
 * One caveat on "bit for bit": the polar method needs `log`. V8's `Math.log`
 * is one ulp off the correctly rounded result for several percent of inputs
 * (about 3% of `randn` values would differ from numpy), so we use our own
 * correctly rounded `accurateLog` (double-double arithmetic, below). glibc's
 * `log`, which numpy calls on Linux, is itself misrounded for ~0.08% of
 * inputs, so about 1 normal deviate in 2,500 can still differ from numpy by
 * one ulp (~1e-16 relative). Uniforms, permutations and integers are exact,
 * and the stream never desynchronises (the rejection loop does not use `log`).
 *
 * Usage, reading like the course:
 *
 *   import { np } from '../lib/np-random.js';
 *   np.random.seed(2);
 *   const W1 = np.random.randn(nH, nX); // flat, length nH * nX
 */

const N = 624; // MT19937 state length
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;
const MAX_UINT32 = 0xffffffff;

/** Throws unless `n` is an integer in [0, 2^32 - 1], the range numpy accepts. */
function checkSeed(n: unknown): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_UINT32) {
    throw new Error(`Seed must be an integer between 0 and 2**32 - 1, got ${String(n)}`);
  }
  return n;
}

// ---------------------------------------------------------------------------
// Correctly rounded natural log, via double-double ("dd": hi + lo) arithmetic.
// log(x) = k*ln2 + log(m), m in [sqrt(1/2), sqrt(2)], and
// log(m) = 2*atanh(s) = 2s * (1 + t/3 + t^2/5 + ...), s = (m-1)/(m+1), t = s^2.
// Accurate to ~2^-100 relative, so the final rounding to double is correct
// except in astronomically rare near-halfway cases.
// ---------------------------------------------------------------------------

// Every step leaves its result (hi, lo) in R instead of returning a pair: a log takes ~130 such steps, and as
// two-element arrays they were a fifth of what the grading process allocated (and of its garbage collection).
const R = new Float64Array(2);

/** hi + lo exactly, assuming |a| >= |b| (Dekker). */
function fastTwoSum(a: number, b: number): void {
  const s = a + b;
  R[1] = b - (s - a);
  R[0] = s;
}

/** a + b exactly, as a rounded sum plus its error (Knuth). */
function twoSum(a: number, b: number): void {
  const s = a + b;
  const bb = s - a;
  R[1] = a - (s - bb) + (b - bb);
  R[0] = s;
}

/** The high 26 bits of v (Veltkamp split); v - splitHi(v) is exact. */
function splitHi(v: number): number {
  const c = 134217729 * v; // 2^27 + 1
  return c - (c - v);
}

/** a * b exactly, as a rounded product plus its error (Dekker, no FMA). */
function twoProd(a: number, b: number): void {
  const p = a * b;
  const ah = splitHi(a);
  const al = a - ah;
  const bh = splitHi(b);
  const bl = b - bh;
  R[1] = ah * bh - p + ah * bl + al * bh + al * bl;
  R[0] = p;
}

/** (xh + xl) + (yh + yl). */
function ddAdd(xh: number, xl: number, yh: number, yl: number): void {
  twoSum(xh, yh);
  const s = R[0]!;
  const e = R[1]!;
  twoSum(xl, yl);
  const t = R[0]!;
  const f = R[1]!;
  fastTwoSum(s, e + t);
  fastTwoSum(R[0]!, R[1]! + f);
}

/** (xh + xl) * (yh + yl). */
function ddMul(xh: number, xl: number, yh: number, yl: number): void {
  twoProd(xh, yh);
  fastTwoSum(R[0]!, R[1]! + (xh * yl + xl * yh));
}

/** a / (bh + bl) for a double a, to ~2^-104 relative. */
function ddDiv(a: number, bh: number, bl: number): void {
  const q1 = a / bh;
  twoProd(q1, bh);
  const r = a - R[0]! - R[1]! - q1 * bl; // remainder a - q1*b (a - R[0] is exact)
  fastTwoSum(q1, r / bh);
}

const LN2_HI = 0.6931471805599453;
const LN2_LO = 2.3190468138462996e-17;

/** 1/(2i+1) as dd (hi, lo), for i = 0..22; t^23 < 2^-115 for |s| <= 3 - 2*sqrt(2). */
const ATANH_TERMS = 23;
const ATANH_HI = new Float64Array(ATANH_TERMS);
const ATANH_LO = new Float64Array(ATANH_TERMS);
for (let i = 0; i < ATANH_TERMS; i++) {
  ddDiv(1, 2 * i + 1, 0);
  ATANH_HI[i] = R[0]!;
  ATANH_LO[i] = R[1]!;
}

/** Correctly rounded log(x) for finite x > 0 (used for x in (0, 1); exported for tests). */
export function accurateLog(x: number): number {
  // x = 2^k * m with m in [sqrt(1/2), sqrt(2)]; powers of two keep this exact.
  let k = Math.round(Math.log2(x));
  let m = x / 2 ** k;
  if (m > Math.SQRT2) (k += 1), (m /= 2);
  else if (m < Math.SQRT1_2) (k -= 1), (m *= 2);
  twoSum(m, 1);
  ddDiv(m - 1, R[0]!, R[1]!); // m - 1 is exact here
  const sh = R[0]!;
  const sl = R[1]!;
  ddMul(sh, sl, sh, sl);
  const th = R[0]!;
  const tl = R[1]!;
  let seriesHi = ATANH_HI[ATANH_TERMS - 1]!;
  let seriesLo = ATANH_LO[ATANH_TERMS - 1]!;
  for (let i = ATANH_TERMS - 2; i >= 0; i--) {
    ddMul(seriesHi, seriesLo, th, tl);
    ddAdd(R[0]!, R[1]!, ATANH_HI[i]!, ATANH_LO[i]!);
    seriesHi = R[0]!;
    seriesLo = R[1]!;
  }
  ddMul(2 * sh, 2 * sl, seriesHi, seriesLo);
  const logMHi = R[0]!;
  const logMLo = R[1]!;
  twoProd(k, LN2_HI);
  ddAdd(R[0]!, R[1]!, k * LN2_LO, 0);
  ddAdd(R[0]!, R[1]!, logMHi, logMLo);
  return R[0]!;
}

/** The MT19937 generator, seeded as numpy's `mt19937_seed` (= `init_genrand`). */
export class MT19937 {
  private readonly key = new Uint32Array(N);
  private pos = N;

  constructor(seed = 5489) {
    this.seed(seed);
  }

  seed(seed: number): void {
    let s = checkSeed(seed) >>> 0;
    for (let i = 0; i < N; i++) {
      this.key[i] = s;
      // s = 1812433253 * (s ^ (s >> 30)) + i + 1, modulo 2^32
      s = (Math.imul(1812433253, (s ^ (s >>> 30)) >>> 0) + i + 1) >>> 0;
    }
    this.pos = N; // force a regeneration on the next draw
  }

  /** Regenerates the whole state block (reference `genrand_int32` refill). */
  private generate(): void {
    const mt = this.key;
    const mix = (i: number, next: number, far: number): void => {
      const y = (mt[i] & UPPER_MASK) | (mt[next] & LOWER_MASK);
      mt[i] = mt[far] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    };
    let i = 0;
    for (; i < N - M; i++) mix(i, i + 1, i + M);
    for (; i < N - 1; i++) mix(i, i + 1, i + M - N);
    mix(N - 1, 0, M - 1);
    this.pos = 0;
  }

  /** Next tempered 32-bit output, as an unsigned number in [0, 2^32). */
  nextUint32(): number {
    if (this.pos >= N) this.generate();
    let y = this.key[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** numpy's `next_uint64` for MT19937: high word drawn first. */
  nextUint64(): bigint {
    const hi = BigInt(this.nextUint32());
    const lo = BigInt(this.nextUint32());
    return (hi << 32n) | lo;
  }

  /** numpy's 53-bit double in [0, 1): ((a >> 5) * 2^26 + (b >> 6)) / 2^53. */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }
}

/** Smallest all-ones bit pattern >= max (numpy's `gen_mask`), for max < 2^32. */
function mask32(max: number): number {
  let mask = max;
  mask |= mask >>> 1;
  mask |= mask >>> 2;
  mask |= mask >>> 4;
  mask |= mask >>> 8;
  mask |= mask >>> 16;
  return mask >>> 0;
}

function mask64(max: bigint): bigint {
  let mask = max;
  for (const shift of [1n, 2n, 4n, 8n, 16n, 32n]) mask |= mask >> shift;
  return mask;
}

/** Product of a shape's dimensions, validating each (empty shape -> 1). */
function sizeOf(shape: number[]): number {
  let size = 1;
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw new Error(`Dimensions must be non-negative integers, got ${String(d)}`);
    }
    size *= d;
  }
  return size;
}

function checkCount(n: number): number {
  if (!Number.isInteger(n) || n < 0) {
    throw new Error(`Count must be a non-negative integer, got ${String(n)}`);
  }
  return n;
}

/** numpy's legacy `RandomState`. All array results are flat, row-major. */
export class RandomState {
  private readonly mt = new MT19937();
  private hasGauss = false;
  private gauss = 0;

  /**
   * Without a seed, starts from seed 0. numpy would use OS entropy; here a grade
   * must be the same every run, even for code that forgets to call seed().
   */
  constructor(seed?: number) {
    this.seed(seed ?? 0);
  }

  /** Like `RandomState.seed(n)`; also clears the cached normal deviate. */
  seed(n: number): void {
    this.mt.seed(n);
    this.hasGauss = false;
    this.gauss = 0;
  }

  /** One double in [0, 1) (`random_sample()` with no size). */
  randomSample(): number {
    return this.mt.nextDouble();
  }

  /** Uniform [0, 1) values; `rand(r, c)` has length r * c, `rand()` length 1. */
  rand(...shape: number[]): number[] {
    return Array.from({ length: sizeOf(shape) }, () => this.randomSample());
  }

  /** One standard normal deviate (numpy's `legacy_gauss`, polar method). */
  standardNormal(): number {
    if (this.hasGauss) {
      const cached = this.gauss;
      this.hasGauss = false;
      this.gauss = 0;
      return cached;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * this.randomSample() - 1;
      x2 = 2 * this.randomSample() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * accurateLog(r2)) / r2);
    this.gauss = f * x1; // keep one for the next call
    this.hasGauss = true;
    return f * x2;
  }

  /** Standard normal values; `randn(r, c)` has length r * c, `randn()` length 1. */
  randn(...shape: number[]): number[] {
    return Array.from({ length: sizeOf(shape) }, () => this.standardNormal());
  }

  /** numpy's `random_interval(max)`: an integer in [0, max] by masked rejection. */
  private interval(max: number): number {
    if (max === 0) return 0;
    if (max <= MAX_UINT32) {
      const mask = mask32(max);
      let value: number;
      do value = (this.mt.nextUint32() & mask) >>> 0;
      while (value > max);
      return value;
    }
    const big = BigInt(max);
    const mask = mask64(big);
    let value: bigint;
    do value = this.mt.nextUint64() & mask;
    while (value > big);
    return Number(value);
  }

  /** Shuffles `a` in place, exactly like numpy's legacy `shuffle` of a 1-d array. */
  shuffle<T>(a: T[]): void {
    for (let i = a.length - 1; i >= 1; i--) {
      const j = this.interval(i);
      [a[i], a[j]] = [a[j], a[i]];
    }
  }

  /** A shuffled `[0, 1, ..., n-1]`, like `permutation(n)`. */
  permutation(n: number): number[] {
    const a = Array.from({ length: checkCount(n) }, (_, i) => i);
    this.shuffle(a);
    return a;
  }

  /**
   * `n` integers in [low, high), like `randint(low, high, size=n)` (int64).
   * Ranges up to 2^53 are supported; larger ones would lose precision in JS.
   */
  randint(low: number, high: number, n: number): number[] {
    if (!Number.isSafeInteger(low) || !Number.isSafeInteger(high)) {
      throw new Error(`randint bounds must be safe integers, got low=${low}, high=${high}`);
    }
    if (low >= high) throw new Error(`randint requires low < high, got low=${low}, high=${high}`);
    const rng = high - low - 1; // numpy's inclusive range
    if (!Number.isSafeInteger(rng)) throw new Error(`randint range too large: [${low}, ${high})`);
    const out = new Array<number>(checkCount(n));
    for (let i = 0; i < out.length; i++) {
      // numpy special-cases rng == 2^32 - 1 as a plain 32-bit draw; masking gives the same.
      out[i] = low + this.interval(rng);
    }
    return out;
  }

  /**
   * One draw from `a` (a population, or `n` for `range(n)`), like the legacy
   * `choice(a, p=p)` with replacement and no size: with `p`, numpy computes
   * `cdf = cumsum(p); cdf /= cdf[-1]` (float64) and returns the first index
   * whose cdf exceeds one `random_sample()`; without `p`, `randint(0, n)`.
   * Like numpy, refuses probabilities that are negative or do not sum to 1
   * (within √eps of float32, as numpy allows for float32 p).
   */
  choice<T = number>(a: number | readonly T[], options: { p?: readonly number[] } = {}): T {
    const population: readonly T[] = typeof a === 'number' ? (Array.from({ length: checkCount(a) }, (_, i) => i) as T[]) : a;
    const n = population.length;
    if (n === 0) throw new Error("'a' cannot be empty unless no samples are taken");
    const { p } = options;
    if (p === undefined) return population[this.interval(n - 1)]!;
    if (p.length !== n) throw new Error("'a' and 'p' must have same size");
    let sum = 0;
    for (const v of p) {
      if (!Number.isFinite(v)) throw new Error('probabilities contain NaN');
      if (v < 0) throw new Error('probabilities are not non-negative');
      sum += v;
    }
    if (Math.abs(sum - 1) > Math.sqrt(2 ** -23)) throw new Error('probabilities do not sum to 1');
    const cdf = new Array<number>(n);
    let acc = 0;
    for (let i = 0; i < n; i++) cdf[i] = acc += p[i]!;
    const last = cdf[n - 1]!;
    for (let i = 0; i < n; i++) cdf[i] = cdf[i]! / last;
    const u = this.randomSample();
    // searchsorted(side='right'): the number of cdf entries <= u.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! <= u) lo = mid + 1;
      else hi = mid;
    }
    return population[lo]!;
  }

  /** `n` doubles in [low, high): `low + (high - low) * random_sample()`. */
  uniform(low: number, high: number, n: number): number[] {
    const range = high - low;
    if (!Number.isFinite(range)) {
      throw new Error(`uniform requires finite bounds, got low=${low}, high=${high}`);
    }
    return Array.from({ length: checkCount(n) }, () => low + range * this.randomSample());
  }
}

/** The shared global generator behind `np.random.*`, like numpy's module functions. */
const globalState = new RandomState();

/** Mirrors numpy's global `np.random` functions, all on one shared `RandomState`. */
export const np = {
  random: {
    seed: (n: number): void => globalState.seed(n),
    rand: (...shape: number[]): number[] => globalState.rand(...shape),
    randn: (...shape: number[]): number[] => globalState.randn(...shape),
    permutation: (n: number): number[] => globalState.permutation(n),
    shuffle: <T>(a: T[]): void => globalState.shuffle(a),
    randint: (low: number, high: number, n: number): number[] => globalState.randint(low, high, n),
    uniform: (low: number, high: number, n: number): number[] => globalState.uniform(low, high, n),
    choice: <T = number>(a: number | readonly T[], options?: { p?: readonly number[] }): T => globalState.choice(a, options),
  },
} as const;
