import { RandomState } from '../np-random';

/**
 * The course's "flower" dataset: two classes of points on the petals of a
 * rose curve r = a·sin(4θ), with noise. Generated exactly as the course's
 * load_planar_dataset() does (seed 1, 400 points), so it is the same data.
 * Returns flat row-major arrays: X is [2, m] and Y is [1, m] (examples are columns).
 */
export function loadPlanarDataset(m = 400, seed = 1): { X: number[]; Y: number[]; m: number } {
  const rng = new RandomState(seed);
  const perClass = Math.floor(m / 2);
  const a = 4; // the petals' length
  const rows: [number, number][] = [];
  const labels: number[] = [];
  for (let j = 0; j < 2; j++) {
    const noiseT = rng.randn(perClass);
    const noiseR = rng.randn(perClass);
    const start = j * 3.12;
    const stop = (j + 1) * 3.12;
    for (let i = 0; i < perClass; i++) {
      // np.linspace(start, stop, N): start + i·step, with the last point exactly at stop.
      const angle = i === perClass - 1 ? stop : start + i * ((stop - start) / Math.max(1, perClass - 1));
      const t = angle + noiseT[i]! * 0.2;
      const r = a * Math.sin(4 * t) + noiseR[i]! * 0.2;
      rows.push([r * Math.sin(t), r * Math.cos(t)]);
      labels.push(j);
    }
  }
  const n = rows.length;
  const X = [...rows.map((p) => p[0]), ...rows.map((p) => p[1])];
  return { X, Y: labels, m: n };
}
