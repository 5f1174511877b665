import { RandomState } from '../np-random';

/**
 * The course's "moons" dataset (course 2, week 2: optimization methods): two
 * interleaving half circles with Gaussian noise, made like the course's
 * load_dataset(), that is `np.random.seed(3)` then
 * `sklearn.datasets.make_moons(n_samples=300, noise=.2)`:
 *
 *   - the outer moon (label 0): (cos t, sin t) for m/2 angles t = linspace(0, π);
 *   - the inner moon (label 1): (1 − cos t, 1 − sin t − 0.5) for the other half;
 *   - the examples are shuffled (numpy's legacy shuffle of arange(m));
 *   - noise ~ N(0, noise²) is added to every coordinate, row by row.
 *
 * Deterministic: the same seed gives the same points. Returns flat row-major
 * arrays: X is [2, m] and Y is [1, m] (examples are columns).
 */
export function loadMoonsDataset(m = 300, noise = 0.2, seed = 3): { X: number[]; Y: number[]; m: number } {
  if (!Number.isInteger(m) || m < 2) throw new Error(`loadMoonsDataset needs at least 2 examples, got ${m}`);
  const rng = new RandomState(seed);
  const nOut = Math.floor(m / 2);
  const nIn = m - nOut;
  // np.linspace(0, π, n): i·step, with the last point exactly at π.
  const linspace = (n: number) => Array.from({ length: n }, (_, i) => (n > 1 && i === n - 1 ? Math.PI : i * (Math.PI / Math.max(1, n - 1))));
  const points: [number, number][] = [
    ...linspace(nOut).map((t): [number, number] => [Math.cos(t), Math.sin(t)]),
    ...linspace(nIn).map((t): [number, number] => [1 - Math.cos(t), 1 - Math.sin(t) - 0.5]),
  ];
  const labels = [...new Array<number>(nOut).fill(0), ...new Array<number>(nIn).fill(1)];
  // sklearn.utils.shuffle: indices = arange(m); generator.shuffle(indices); X[indices].
  const order = Array.from({ length: m }, (_, i) => i);
  rng.shuffle(order);
  const noisy = order.map((i) => {
    const [x, y] = points[i]!;
    const [nx, ny] = rng.randn(2); // generator.normal(scale=noise, size=(m, 2)), row-major
    return [x + noise * nx!, y + noise * ny!];
  });
  return { X: [...noisy.map((p) => p[0]!), ...noisy.map((p) => p[1]!)], Y: order.map((i) => labels[i]!), m };
}
