import { nd, type NdArray } from './ndarray';

/**
 * True when every pre-activation is at least `margin` from 0 and moving any
 * single entry of the point by ±eps changes the sign of none: central
 * differences with that step then never straddle a ReLU kink, so a gradient
 * check at this point is fair.
 */
export function kinkFree(
  point: Record<string, NdArray>,
  preActivations: (p: Record<string, NdArray>) => NdArray[],
  eps: number,
  margin = 1e-3,
): boolean {
  const base = preActivations(point);
  if (base.some((Z) => Z.data.some((z) => Math.abs(z) < margin))) return false;
  for (const [name, value] of Object.entries(point)) {
    for (let i = 0; i < value.data.length; i++) {
      for (const step of [eps, -eps]) {
        const moved = nd(
          value.data.map((x, j) => (j === i ? x + step : x)),
          value.shape,
        );
        const Zs = preActivations({ ...point, [name]: moved });
        if (Zs.some((Z, k) => Z.data.some((z, j) => Math.abs(z) < margin || Math.sign(z) !== Math.sign(base[k]!.data[j]!)))) return false;
      }
    }
  }
  return true;
}
