import { RandomState } from '../../lib/np-random';
import { nd, type NdArray } from './ndarray';

let seedOffset = 0;

/**
 * Runs `make` with every `new Seeded(n)` drawing from seed n + offset instead:
 * the same case builders then give new values. This is how hidden cases are made
 * (fixtures.ts): the shapes and structure of the public cases, values nobody saw.
 */
export async function withSeedOffset<T>(offset: number, make: () => Promise<T>): Promise<T> {
  const before = seedOffset;
  seedOffset = offset;
  try {
    return await make();
  } finally {
    seedOffset = before;
  }
}

/** Seeded inputs for reference cases and gradient checks, drawn like the course's test cases. */
export class Seeded {
  private readonly rng: RandomState;
  constructor(seed: number) {
    this.rng = new RandomState((seed + seedOffset) % 2 ** 32);
  }
  /** Standard normal values × scale. */
  randn(shape: number[], scale = 1): NdArray {
    return nd(
      this.rng.randn(...shape).map((v) => v * scale),
      shape,
    );
  }
  /** Uniform values in [low, high). */
  uniform(shape: number[], low = 0, high = 1): NdArray {
    return nd(this.rng.uniform(low, high, shape.reduce((a, b) => a * b, 1)), shape);
  }
  /** A [1, m] row of 0/1 labels containing both classes when m ≥ 2. */
  labels(m: number): NdArray {
    const y = this.rng.randint(0, 2, m);
    if (m >= 2) {
      y[0] = 0;
      y[m - 1] = 1;
    }
    return nd(y, [1, m]);
  }
}
