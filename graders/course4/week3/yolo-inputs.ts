/**
 * Inputs for the car-detection grader: box arbitraries, clustered detections
 * and row access. Nothing here computes an answer; the IoU, box and NMS math is
 * in yolo.oracle.ts (grader edition only).
 */
import * as fc from 'fast-check';
import { nd, type NdArray } from '../../engine/ndarray';
import type { Seeded } from '../../engine/seeded';

export type Corners = [number, number, number, number];

export type DetectionsJs = { scores: NdArray; boxes: NdArray; classes: NdArray };

/** Row i of a [k, 4] array. */
export function row(boxes: NdArray, i: number): number[] {
  const w = boxes.shape[boxes.shape.length - 1]!;
  return boxes.data.slice(i * w, (i + 1) * w);
}

/** A box [y1, x1, y2, x2] of positive size inside the unit square. */
export const cornerBoxArb: fc.Arbitrary<Corners> = fc
  .record({
    y: fc.integer({ min: 0, max: 90 }),
    x: fc.integer({ min: 0, max: 90 }),
    h: fc.integer({ min: 5, max: 50 }),
    w: fc.integer({ min: 5, max: 50 }),
  })
  .map(({ y, x, h, w }) => [y / 100, x / 100, Math.min(y + h, 100) / 100, Math.min(x + w, 100) / 100] as Corners)
  .filter(([y1, x1, y2, x2]) => y2 > y1 && x2 > x1);

/** A box [x1, y1, x2, y2] with corners on a 0.5 grid (so IoUs read as simple fractions). */
export const xyBoxArb: fc.Arbitrary<Corners> = fc
  .record({ x: fc.integer({ min: 0, max: 10 }), y: fc.integer({ min: 0, max: 10 }), w: fc.integer({ min: 1, max: 8 }), h: fc.integer({ min: 1, max: 8 }) })
  .map(({ x, y, w, h }) => [x / 2, y / 2, (x + w) / 2, (y + h) / 2] as Corners);

/** k candidate detections: distinct scores in (minScore, 1), boxes clustered around a few objects so that suppression happens. */
export function clusteredDetections(s: Seeded, k: number, objects: number, classes: number, minScore = 0.6): { scores: NdArray; boxes: NdArray; classes: NdArray } {
  const centres = s.uniform([objects, 2], 0.2, 0.8).data;
  const jitter = s.randn([k, 4], 0.04).data;
  const which = s.uniform([k], 0, objects).data.map(Math.floor);
  const sizes = s.uniform([objects, 2], 0.15, 0.35).data;
  const boxes: number[] = [];
  for (let i = 0; i < k; i++) {
    const o = which[i]!;
    const [cy, cx] = [centres[2 * o]!, centres[2 * o + 1]!];
    const [h, w] = [sizes[2 * o]!, sizes[2 * o + 1]!];
    boxes.push(cy - h / 2 + jitter[4 * i]!, cx - w / 2 + jitter[4 * i + 1]!, cy + h / 2 + jitter[4 * i + 2]!, cx + w / 2 + jitter[4 * i + 3]!);
  }
  const scores = s.uniform([k], minScore, 1).data;
  const cls = s.uniform([k], 0, classes).data.map(Math.floor);
  return { scores: nd(scores, [k]), boxes: nd(boxes, [k, 4]), classes: nd(cls, [k], 'int32') };
}
