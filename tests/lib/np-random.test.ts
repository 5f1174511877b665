import { describe, it, expect } from 'vitest';
import { MT19937, RandomState, accurateLog, np } from '../../lib/np-random.js';

/**
 * Element-wise np.isclose-style comparison: |a - e| <= atol + rtol * |e|.
 * The reference values are numpy's 8-decimal printouts, so a purely relative
 * 1e-8 would fail on small values like -0.05626683 (rounding error ~3e-9);
 * atol = 1e-8 covers that. Full-precision values are pinned exactly below.
 */
function expectClose(actual: number[], expected: number[], rtol = 1e-8, atol = 1e-8): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => {
    if (!(Math.abs(a - expected[i]) <= atol + rtol * Math.abs(expected[i]))) {
      throw new Error(`index ${i}: got ${a}, expected ${expected[i]} (rtol ${rtol}, atol ${atol})`);
    }
  });
}

describe('MT19937', () => {
  it('matches the reference init_genrand(5489) first output', () => {
    expect(new MT19937(5489).nextUint32()).toBe(3499211612);
  });

  it('defaults to the reference seed 5489', () => {
    expect(new MT19937().nextUint32()).toBe(3499211612);
  });
});

describe('RandomState.randn (numpy values, tolerance 1e-8)', () => {
  const cases: Array<[number, number[]]> = [
    [1, [1.62434536, -0.61175641, -0.52817175, -1.07296862, 0.86540763, -2.3015387]],
    [2, [-0.41675785, -0.05626683, -2.1361961, 1.64027081, -1.79343559, -0.84174737]],
    [3, [1.78862847, 0.43650985, 0.09649747, -1.8634927, -0.2773882, -0.35475898]],
  ];
  for (const [seed, expected] of cases) {
    it(`seed(${seed}) randn(6)`, () => {
      const rs = new RandomState();
      rs.seed(seed);
      expectClose(rs.randn(6), expected);
    });
  }
});

describe('bit-for-bit with numpy 2.4.6 (Linux, glibc)', () => {
  it('seed(1) randn(6) is identical to full precision', () => {
    expect(new RandomState(1).randn(6)).toEqual([
      1.6243453636632417, -0.6117564136500754, -0.5281717522634557, -1.0729686221561705,
      0.8654076293246785, -2.3015386968802827,
    ]);
  });

  it('uses a correctly rounded log where V8 Math.log is one ulp off (seed 1, draws 26-27)', () => {
    const values = new RandomState(1).randn(28);
    expect(values[26]).toBe(-0.12289022551864817);
    expect(values[27]).toBe(-0.9357694342590688);
  });

  it('seed(2) and seed(3) randn(6) are identical to full precision', () => {
    expect(new RandomState(2).randn(6)).toEqual([
      -0.4167578474054706, -0.056266827226329474, -2.136196095668454, 1.6402708084049886,
      -1.7934355851948631, -0.841747365656204,
    ]);
    expect(new RandomState(3).randn(6)).toEqual([
      1.7886284734303186, 0.43650985051198943, 0.09649746807200862, -1.8634927033644908,
      -0.27738820251439905, -0.35475897926898675,
    ]);
  });

  it('seed(1) rand(3)', () => {
    expect(new RandomState(1).rand(3)).toEqual([
      0.417022004702574, 0.7203244934421581, 0.00011437481734488664,
    ]);
  });

  it('seed(0) rand(2)', () => {
    expect(new RandomState(0).rand(2)).toEqual([0.5488135039273248, 0.7151893663724195]);
  });

  it('randint and uniform share the stream like numpy', () => {
    const rs = new RandomState(7);
    expect(rs.randint(3, 10, 8)).toEqual([7, 4, 9, 6, 6, 7, 4, 9]);
    expect(rs.uniform(-1, 2, 3)).toEqual([
      -0.20838748288630404, -0.7397697104800242, 0.2581166312494645,
    ]);
  });

  it('randint beyond 32 bits uses 64-bit masked draws, after the gauss draws', () => {
    const rs = new RandomState(4294967295);
    expect(rs.randn(3)).toEqual([0.6484086742306527, 0.6693235306338161, -1.0805437227474493]);
    expect(rs.randint(0, 2 ** 40, 2)).toEqual([116697488525, 784488856663]);
  });
});

describe('accurateLog', () => {
  it('is correctly rounded where Math.log is not', () => {
    expect(accurateLog(0.832619845547938)).toBe(-0.18317810887244365);
    expect(accurateLog(0.6169339968747569)).toBe(-0.4829932350699631);
    expect(accurateLog(0.3637107709426226)).toBe(-1.0113963125181036);
  });

  it('handles exact and extreme inputs', () => {
    expect(accurateLog(1)).toBe(0);
    expect(accurateLog(0.5)).toBe(-Math.LN2);
    expect(accurateLog(2 ** -104)).toBe(-104 * Math.LN2);
  });
});

describe('RandomState.rand', () => {
  it('seed(1) rand(3)', () => {
    const rs = new RandomState(1);
    expectClose(rs.rand(3), [0.417022005, 0.720324493, 0.000114374817]);
  });

  it('returns flat row-major arrays of length product(shape)', () => {
    const a = new RandomState(1).rand(2, 3);
    const b = new RandomState(1).rand(6);
    expect(a).toHaveLength(6);
    expect(a).toEqual(b);
    expect(new RandomState(1).rand()).toHaveLength(1);
    expect(new RandomState(1).randn(4, 0)).toEqual([]);
  });

  it('randomSample is the scalar form of rand', () => {
    const rs = new RandomState(1);
    expect([rs.randomSample(), rs.randomSample()]).toEqual(new RandomState(1).rand(2));
  });
});

describe('gauss cache', () => {
  it('randn(1) twice equals randn(2) after the same seed', () => {
    const rs = new RandomState(5);
    const two = rs.randn(2);
    rs.seed(5);
    const first = rs.randn(1);
    const second = rs.randn(1);
    expect([...first, ...second]).toEqual(two);
    rs.seed(5);
    expect([rs.standardNormal(), rs.standardNormal()]).toEqual(two);
  });

  it('re-seeding resets the cache', () => {
    const rs = new RandomState(1);
    const expected = rs.randn(2);
    rs.seed(1);
    rs.randn(1); // leaves the second deviate cached
    rs.seed(1);
    expect(rs.randn(2)).toEqual(expected);
  });

  it('rand does not consume the cached deviate', () => {
    const rs = new RandomState(1);
    const [, second] = rs.randn(2);
    rs.seed(1);
    rs.randn(1);
    rs.rand(3);
    expect(rs.randn(1)[0]).toBe(second);
  });
});

describe('permutation / shuffle', () => {
  it('seed(0) permutation(10)', () => {
    expect(new RandomState(0).permutation(10)).toEqual([2, 8, 4, 9, 1, 6, 7, 3, 0, 5]);
  });

  it('seed(1) permutation(5)', () => {
    expect(new RandomState(1).permutation(5)).toEqual([2, 1, 4, 0, 3]);
  });

  it('shuffle works in place like numpy', () => {
    const a = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    new RandomState(3).shuffle(a);
    // numpy: seed(3); shuffle(list(range(7))) -> [4, 6, 5, 3, 1, 0, 2]
    expect(a).toEqual(['e', 'g', 'f', 'd', 'b', 'a', 'c']);
  });

  it('handles empty and single-element inputs', () => {
    expect(new RandomState(0).permutation(0)).toEqual([]);
    expect(new RandomState(0).permutation(1)).toEqual([0]);
  });
});

describe('np.random (global instance)', () => {
  it('reads like the course', () => {
    np.random.seed(2);
    const W1 = np.random.randn(2, 3);
    expect(W1).toHaveLength(6);
    expectClose(W1, [-0.41675785, -0.05626683, -2.1361961, 1.64027081, -1.79343559, -0.84174737]);
  });

  it('shares one state across functions', () => {
    np.random.seed(0);
    expect(np.random.rand(1)).toEqual([0.5488135039273248]);
    expect(np.random.rand(1)).toEqual([0.7151893663724195]);
    np.random.seed(0);
    expect(np.random.permutation(10)).toEqual([2, 8, 4, 9, 1, 6, 7, 3, 0, 5]);
    np.random.seed(7);
    expect(np.random.randint(3, 10, 8)).toEqual([7, 4, 9, 6, 6, 7, 4, 9]);
    const a = [0, 1, 2, 3, 4, 5, 6];
    np.random.seed(3);
    np.random.shuffle(a);
    expect(a).toEqual([4, 6, 5, 3, 1, 0, 2]);
    np.random.seed(7);
    np.random.randint(3, 10, 8);
    expect(np.random.uniform(-1, 2, 1)).toEqual([-0.20838748288630404]);
  });
});

describe('validation', () => {
  it.each([1.5, -1, 2 ** 32, Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects seed %s with an error naming it',
    (bad) => {
      const rs = new RandomState(0);
      expect(() => rs.seed(bad)).toThrow(String(bad));
      expect(() => new RandomState(bad)).toThrow(/Seed must be an integer/);
      expect(() => np.random.seed(bad)).toThrow(String(bad));
    },
  );

  it('accepts the full uint32 range', () => {
    expect(() => new RandomState(0)).not.toThrow();
    expect(() => new RandomState(2 ** 32 - 1)).not.toThrow();
  });

  it('rejects bad shapes, counts and bounds', () => {
    const rs = new RandomState(0);
    expect(() => rs.randn(2.5)).toThrow(/2\.5/);
    expect(() => rs.rand(-1)).toThrow(/-1/);
    expect(() => rs.permutation(-3)).toThrow(/-3/);
    expect(() => rs.randint(5, 5, 1)).toThrow(/low < high/);
    expect(() => rs.randint(0, 1.5, 1)).toThrow(/1\.5/);
  });
});

describe('RandomState.choice (legacy algorithm: cdf = cumsum(p) / cdf[-1], searchsorted(random_sample(), side="right"))', () => {
  it('seed(0): the uniforms 0.5488…, 0.7152… fall in the cdf [0.1, 0.3, 0.6, 1] at 2 then 3, as numpy returns', () => {
    const rs = new RandomState(0);
    const p = [0.1, 0.2, 0.3, 0.4];
    expect([rs.choice(4, { p }), rs.choice(4, { p })]).toEqual([2, 3]);
  });

  it('draws exactly one random_sample per call, the same stream as rand()', () => {
    const p = [0.25, 0.25, 0.25, 0.25];
    const rs = new RandomState(1);
    const draws = Array.from({ length: 6 }, () => rs.choice(4, { p }));
    const u = new RandomState(1).rand(6);
    expect(draws).toEqual(u.map((v) => Math.floor(v * 4)));
  });

  it('side="right": a uniform equal to a cdf entry goes to the next index; zero-probability entries are never drawn', () => {
    const rs = new RandomState(3);
    const p = [0.5, 0, 0.5];
    for (let i = 0; i < 200; i++) expect(rs.choice(3, { p })).not.toBe(1);
  });

  it('normalises by the last cdf entry (float32 probabilities summing to 1 ± 1e-7 are accepted)', () => {
    const p32 = Array.from(new Float32Array([0.1, 0.2, 0.3, 0.4]));
    expect(() => new RandomState(0).choice(4, { p: p32 })).not.toThrow();
    expect(new RandomState(0).choice(['a', 'b', 'c', 'd'], { p: p32 })).toBe('c');
  });

  it('without p it is randint(0, n): seed(0) choice(5) is 4 like numpy', () => {
    expect(new RandomState(0).choice(5)).toBe(4);
    expect(new RandomState(0).choice(5)).toBe(new RandomState(0).randint(0, 5, 1)[0]);
  });

  it('refuses negative probabilities, ones that do not sum to 1, and a size mismatch', () => {
    const rs = new RandomState(0);
    expect(() => rs.choice(2, { p: [1.5, -0.5] })).toThrow(/non-negative/);
    expect(() => rs.choice(2, { p: [0.5, 0.4] })).toThrow(/sum to 1/);
    expect(() => rs.choice(3, { p: [0.5, 0.5] })).toThrow(/same size/);
  });

  it('np.random.choice shares the global stream', () => {
    np.random.seed(0);
    expect(np.random.choice(4, { p: [0.1, 0.2, 0.3, 0.4] })).toBe(2);
  });
});
