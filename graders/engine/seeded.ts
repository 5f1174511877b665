import { RandomState } from '../../lib/np-random';
import { nd, type NdArray } from './ndarray';

/**
 * Kept on globalThis, not in this module: a grader loaded from another checkout
 * (a test's copy, a scaffolded course) has its own copy of this module, and the
 * offset must reach its Seeded too.
 */
const OFFSET = Symbol.for('deepgrade.seedOffset');
const holder = globalThis as unknown as { [OFFSET]?: number };

/**
 * Runs `make` with every `new Seeded(n)` drawing from seed n + offset instead:
 * the same case builders then give new values. This is how hidden cases are made
 * (fixtures.ts): the shapes and structure of the public cases, values nobody saw.
 */
export async function withSeedOffset<T>(offset: number, make: () => Promise<T>): Promise<T> {
  const before = holder[OFFSET];
  holder[OFFSET] = offset;
  try {
    return await make();
  } finally {
    holder[OFFSET] = before;
  }
}

/** Seeded inputs for reference cases and gradient checks, drawn like the course's test cases. */
export class Seeded {
  /**
   * Whether the cases being made are the hidden variants (withSeedOffset). Draws vary by themselves; a builder asks
   * this only to vary what no draw reaches, such as which word of a planted map is the answer: the public cases'
   * words and answers ship in the learner edition, and a hidden case with the same ones is answered from a table.
   */
  static get hiddenVariant(): boolean {
    return (holder[OFFSET] ?? 0) !== 0;
  }

  private readonly rng: RandomState;
  constructor(seed: number) {
    this.rng = new RandomState((seed + (holder[OFFSET] ?? 0)) % 2 ** 32);
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
  /** A whole number in [low, high], both included. */
  int(low: number, high: number): number {
    return Math.min(high, low + Math.floor(this.rng.uniform(0, 1, 1)[0]! * (high - low + 1)));
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
