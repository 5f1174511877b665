/**
 * Plain-JavaScript reference math for the car-detection grader: IoU, box
 * corners, score filtering and the greedy non-max suppression that
 * tf.image.nonMaxSuppression computes. The grading process has no
 * TensorFlow.js, so the properties compare the learner's output with these. An
 * answer key: grader edition only, loaded lazily by hidden checks.
 */
import { nd, type NdArray } from '../../engine/ndarray';
import { row, type DetectionsJs } from './yolo-inputs';

/** The course's IoU of two boxes [x1, y1, x2, y2]: |A ∩ B| / |A ∪ B|. */
export function iouJs(a: readonly number[], b: readonly number[]): number {
  const w = Math.max(Math.min(a[2]!, b[2]!) - Math.max(a[0]!, b[0]!), 0);
  const h = Math.max(Math.min(a[3]!, b[3]!) - Math.max(a[1]!, b[1]!), 0);
  const inter = w * h;
  const areaA = (a[2]! - a[0]!) * (a[3]! - a[1]!);
  const areaB = (b[2]! - b[0]!) * (b[3]! - b[1]!);
  return inter / (areaA + areaB - inter);
}

/** IoU as tf.image.nonMaxSuppression computes it: corners in either order, 0 for an empty box. */
export function nmsIou(a: readonly number[], b: readonly number[]): number {
  const [ay1, ax1, ay2, ax2] = [Math.min(a[0]!, a[2]!), Math.min(a[1]!, a[3]!), Math.max(a[0]!, a[2]!), Math.max(a[1]!, a[3]!)];
  const [by1, bx1, by2, bx2] = [Math.min(b[0]!, b[2]!), Math.min(b[1]!, b[3]!), Math.max(b[0]!, b[2]!), Math.max(b[1]!, b[3]!)];
  const areaA = (ay2 - ay1) * (ax2 - ax1);
  const areaB = (by2 - by1) * (bx2 - bx1);
  if (areaA <= 0 || areaB <= 0) return 0;
  const inter = Math.max(Math.min(ay2, by2) - Math.max(ay1, by1), 0) * Math.max(Math.min(ax2, bx2) - Math.max(ax1, bx1), 0);
  return inter / (areaA + areaB - inter);
}

/** (x, y), (w, h) → [y1, x1, y2, x2] over the last axis. */
export function cornersJs(xy: NdArray, wh: NdArray): NdArray {
  const n = xy.data.length / 2;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const [x, y, w, h] = [xy.data[2 * i]!, xy.data[2 * i + 1]!, wh.data[2 * i]!, wh.data[2 * i + 1]!];
    out.push(y - h / 2, x - w / 2, y + h / 2, x + w / 2);
  }
  return nd(out, [...xy.shape.slice(0, -1), 4]);
}

/** yolo_filter_boxes in plain JS, scores rounded to float32 as TensorFlow.js computes them. */
export function filterJs(conf: NdArray, boxes: NdArray, probs: NdArray, threshold: number): DetectionsJs & { kept: number[] } {
  const C = probs.shape[probs.shape.length - 1]!;
  const n = conf.data.length;
  const scores: number[] = [];
  const out: number[] = [];
  const classes: number[] = [];
  const kept: number[] = [];
  for (let i = 0; i < n; i++) {
    let best = -Infinity;
    let cls = 0;
    for (let c = 0; c < C; c++) {
      const s = Math.fround(conf.data[i]! * probs.data[i * C + c]!);
      if (s > best) {
        best = s;
        cls = c;
      }
    }
    if (best >= Math.fround(threshold)) {
      kept.push(i);
      scores.push(best);
      out.push(...boxes.data.slice(4 * i, 4 * i + 4));
      classes.push(cls);
    }
  }
  return { scores: nd(scores, [scores.length]), boxes: nd(out, [kept.length, 4]), classes: nd(classes, [classes.length], 'int32'), kept };
}

/**
 * Greedy non-max suppression, as tf.image.nonMaxSuppression computes it: take
 * the boxes by decreasing score (the earlier one first on a tie), keep a box
 * unless its IoU with a kept box is ≥ the threshold, stop at maxBoxes.
 * Returns the kept indices, best first.
 */
export function greedyNms(scores: readonly number[], boxes: readonly number[][], maxBoxes: number, iouThreshold: number): number[] {
  const order = scores.map((_, i) => i).sort((i, j) => scores[j]! - scores[i]! || i - j);
  const kept: number[] = [];
  for (const i of order) {
    if (kept.length >= maxBoxes) break;
    if (kept.every((k) => nmsIou(boxes[i]!, boxes[k]!) < iouThreshold)) kept.push(i);
  }
  return kept;
}

export function gatherJs(d: DetectionsJs, indices: number[]): DetectionsJs {
  return {
    scores: nd(
      indices.map((i) => d.scores.data[i]!),
      [indices.length],
    ),
    boxes: nd(
      indices.flatMap((i) => row(d.boxes, i)),
      [indices.length, 4],
    ),
    classes: nd(
      indices.map((i) => d.classes.data[i]!),
      [indices.length],
      'int32',
    ),
  };
}

/** Scales [y1, x1, y2, x2] boxes to an image [height, width]. */
export function scaleJs(boxes: NdArray, [height, width]: [number, number]): NdArray {
  return nd(
    boxes.data.map((v, i) => v * (i % 2 === 0 ? height : width)),
    boxes.shape,
  );
}

/** yolo_eval in plain JS. */
export function evalJs(xy: NdArray, wh: NdArray, conf: NdArray, probs: NdArray, imageShape: [number, number], maxBoxes: number, scoreThreshold: number, iouThreshold: number): DetectionsJs {
  const filtered = filterJs(conf, cornersJs(xy, wh), probs, scoreThreshold);
  const scaled = { ...filtered, boxes: nd(scaleJs(filtered.boxes, imageShape).data.map(Math.fround), filtered.boxes.shape) };
  const k = scaled.scores.data.length;
  const kept = greedyNms(
    scaled.scores.data,
    Array.from({ length: k }, (_, i) => row(scaled.boxes, i)),
    maxBoxes,
    iouThreshold,
  );
  return gatherJs(scaled, kept);
}

/** True when no pairwise IoU is within `gap` of the threshold and no two scores are equal: NMS then has one answer, whatever the rounding. */
export function unambiguous(scores: readonly number[], boxes: readonly number[][], iouThreshold: number, gap = 1e-3): boolean {
  const f = scores.map(Math.fround);
  if (new Set(f).size !== f.length) return false;
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) if (Math.abs(nmsIou(boxes[i]!, boxes[j]!) - iouThreshold) < gap) return false;
  return true;
}

