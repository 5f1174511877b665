/**
 * Inputs for the course 2 week 1 graders: random networks and data, and the
 * regularization grader's gradient-check points. Nothing here computes an
 * answer; the forward and backward passes are in net.oracle.ts (grader edition only).
 */
import type { NdArray } from '../../engine/ndarray';
import { Seeded } from '../../engine/seeded';
import { randomNet, type Net } from '../../shared/nn-inputs';

export { layerCount, randomNet, type Net } from '../../shared/nn-inputs';

/** A network of layer sizes `dims` and m examples, from one seed: X, labels Y, parameters ~ N(0, weightScale²). */
export function drawPoint(dims: number[], m: number, seed: number, weightScale = 1): { X: NdArray; Y: NdArray; params: Net; seed: number } {
  const s = new Seeded(seed);
  const X = s.randn([dims[0]!, m]);
  const Y = s.labels(m);
  const params = randomNet(s, dims, weightScale);
  return { X, Y, params, seed };
}

/** keepProb of the dropout gradient check. */
export const DROPOUT_KEEP = 0.75;

/**
 * The regularization grader's gradient-check points: the first seeds from 100
 * (L2, layers [3, 4, 3, 1]) and from 200 (dropout, layers [3, 5, 4, 1] with the
 * masks of np.random.seed(1)) whose points are kink-free for steps of 1e-2, with
 * m = 4. Pinned, because a check's point cannot wait for a lazily loaded oracle;
 * net.oracle.ts `regularizationPointSeeds()` searches for them again.
 */
export const L2_POINT = { dims: [3, 4, 3, 1], m: 4, seed: 100 } as const;
export const DROPOUT_POINT = { dims: [3, 5, 4, 1], m: 4, seed: 201 } as const;
