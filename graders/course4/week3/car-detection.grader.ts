/**
 * Grader: course 4, week 3 — autonomous driving, car detection with YOLO.
 *
 * Nothing here has a gradient, so every exercise is graded by reference cases
 * and properties. Many properties compare with plain-JS reference math
 * (yolo.oracle.ts): the course's IoU, box corners, score filtering and the greedy
 * non-max suppression that tf.image.nonMaxSuppression computes. Inputs whose
 * NMS answer hangs on a tie (two equal scores, an IoU within 1e-3 of the
 * threshold) are left out, so a hand-written NMS and tf's agree on every input.
 * The oracle is an answer key the learner edition does not ship, so the checks
 * using it (telling ties apart included) are hidden.
 */
import type * as TF from '@tensorflow/tfjs';
import * as fc from 'fast-check';
import { dims } from '../../engine/arbitraries';
import { expectArray, expectClose, expectNumber, expectTensor, violated } from '../../engine/checks/violation';
import { withinTolerance } from '../../engine/compare';
import { defineAssignment, property, reference, type CheckContext } from '../../engine/define';
import { formatNumber, nd, type NdArray } from '../../engine/ndarray';
import { Seeded } from '../../engine/seeded';
import { scaleOf, tolerance } from '../../engine/tolerance';
import type { Value } from '../../engine/values';
import { tfOracle } from '../../engine/oracle';
import { clusteredDetections, cornerBoxArb, row, xyBoxArb, type Corners, type DetectionsJs } from './yolo-inputs';

/** The plain-JS IoU, box and NMS math: not in the learner edition, so only hidden checks load it. */
const oracle = () => import('./yolo.oracle');

// ---------------------------------------------------------------- inputs

/** Class probabilities that look like a softmax output: peaked on one class or two. */
function softmaxRows(s: Seeded, shape: number[], sharpness = 3): NdArray {
  const C = shape[shape.length - 1]!;
  const z = s.randn(shape, sharpness).data;
  const out: number[] = [];
  for (let i = 0; i < z.length; i += C) {
    const r = z.slice(i, i + C);
    const m = Math.max(...r);
    const e = r.map((v) => Math.exp(v - m));
    const sum = e.reduce((a, b) => a + b, 0);
    out.push(...e.map((v) => v / sum));
  }
  return nd(out, shape);
}

/** YOLO's outputs for a grid S1 × S2 with A anchors and C classes: [boxXy, boxWh, boxConfidence, boxClassProbs]. */
function yoloOutputs(s: Seeded, [S1, S2, A, C]: [number, number, number, number]): NdArray[] {
  return [s.uniform([S1, S2, A, 2], 0.05, 0.95), s.uniform([S1, S2, A, 2], 0.1, 0.5), s.uniform([S1, S2, A, 1], 0.3, 1), softmaxRows(s, [S1, S2, A, C])];
}

/** 16 small boxes, one per cell of a 4 × 4 grid and none overlapping, with confidences in (minConfidence, 1) and a class probability of 0.9. */
function separateBoxes(s: Seeded, minConfidence: number): NdArray[] {
  const xy: number[] = [];
  const wh: number[] = [];
  const probs: number[] = [];
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++) {
      xy.push((j + 0.5) / 4, (i + 0.5) / 4);
      wh.push(0.15, 0.12);
      const c = (i + j) % 3;
      probs.push(...[0, 1, 2].map((q) => (q === c ? 0.9 : 0.05)));
    }
  return [nd(xy, [4, 4, 1, 2]), nd(wh, [4, 4, 1, 2]), s.uniform([4, 4, 1, 1], minConfidence, 1), nd(probs, [4, 4, 1, 3])];
}

/** Random detections for NMS: k boxes [y1, x1, y2, x2], distinct scores, classes (near-ties are skipped in `holds`: skipAmbiguous). */
const detectionsArb = (maxK: number) =>
  fc
    .record({
      // A few objects, each seen by one to three boxes that jitter around it: suppression has work to do.
      boxes: fc
        .array(fc.tuple(cornerBoxArb, fc.array(fc.tuple(...[0, 1, 2, 3].map(() => fc.integer({ min: -6, max: 6 }))), { minLength: 0, maxLength: 2 })), { minLength: 1, maxLength: 4 })
        .map((objects) => objects.flatMap(([box, jitters]) => [box, ...jitters.map((j) => box.map((v, q) => v + j[q]! / 100) as Corners)]).slice(0, maxK))
        .filter((boxes) => boxes.every(([y1, x1, y2, x2]) => y2 - y1 > 0.02 && x2 - x1 > 0.02)),
      seed: fc.integer({ min: 0, max: 1e6 }),
      maxBoxes: fc.integer({ min: 1, max: 6 }),
      iouThreshold: fc.constantFrom(0.3, 0.4, 0.5, 0.6, 0.7),
      classes: fc.integer({ min: 1, max: 4 }),
    })
    .map(({ boxes, seed, maxBoxes, iouThreshold, classes }) => {
      const s = new Seeded(seed);
      const k = boxes.length;
      return {
        // Scores below the course's 0.6 too: yoloEval's scoreThreshold may be lower, and NMS itself never filters by score.
        scores: s.uniform([k], 0.1, 1),
        boxes: nd(boxes.flat(), [k, 4]),
        classes: nd(
          s.uniform([k], 0, classes).data.map(Math.floor),
          [k],
          'int32',
        ),
        maxBoxes,
        iouThreshold,
      };
    });

/**
 * Skips (fc.pre) detections whose NMS answer hangs on a tie. Telling takes the
 * oracle's IoU, which an arbitrary cannot wait for, so the checks do it first.
 */
async function skipAmbiguous(d: { scores: NdArray; boxes: NdArray; iouThreshold: number }): Promise<void> {
  const { unambiguous } = await oracle();
  fc.pre(unambiguous(d.scores.data, rows(d.boxes), d.iouThreshold));
}

/** Random YOLO outputs on a small grid. */
const yoloArb = fc
  .record({
    // The grid's sizes mostly differ: an argmax or a flattening over the wrong axis then shows.
    sizes: dims({ S1: 3, S2: 3, A: 3, C: [2, 5] }),
    seed: fc.integer({ min: 0, max: 1e6 }),
    threshold: fc.constantFrom(0.3, 0.4, 0.5, 0.6),
  })
  .map(({ sizes: { S1, S2, A, C }, seed, threshold }) => {
    const s = new Seeded(seed);
    const [xy, wh, conf, probs] = yoloOutputs(s, [S1, S2, A, C]);
    return { xy: xy!, wh: wh!, conf: conf!, probs: probs!, boxes: s.uniform([S1, S2, A, 4]), threshold };
  });

// A value of a few float32 operations (an IoU's products and division, a score's product, a copied box): within a few u.
const near = (want: number, got: number) => withinTolerance(want, got, tolerance('elementwise'));
/** Whether a kept detection is this input box: its score and corners copied (at most a float32 rounding of them). */
const sameDetection = (score: number, box: number[], inScore: number, inBox: number[]) => near(inScore, score) && inBox.every((v, q) => near(v, box[q]!));

const rows = (boxes: NdArray): number[][] => Array.from({ length: boxes.shape[0]! }, (_, i) => row(boxes, i));

// ---------------------------------------------------------------- reading outputs

/** [scores [k], boxes [k, 4], classes [k]], checked to be tensors of matching lengths. */
function detections(v: Value, what: string): DetectionsJs {
  const [scores, boxes, classes] = expectArray(v, what, 3);
  const s = expectTensor(scores!, `scores (the first item ${what} returns)`);
  if (s.shape.length !== 1) violated(`scores (the first item ${what} returns) has shape [${s.shape.join(', ')}]: it should be a 1-D tensor [k], one score per kept box.`);
  const k = s.shape[0]!;
  return {
    scores: s,
    boxes: expectTensor(boxes!, `boxes (the second item ${what} returns)`, [k, 4]),
    classes: expectTensor(classes!, `classes (the third item ${what} returns)`, [k]),
  };
}

function expectDetections(actual: DetectionsJs, expected: DetectionsJs, what: string): void {
  const n = expected.scores.shape[0]!;
  const k = actual.scores.shape[0]!;
  if (k !== n) violated(`${what} keeps ${k} box${k === 1 ? '' : 'es'}, expected ${n}.`);
  expectClose(actual.scores, expected.scores, `${what}: scores`);
  expectClose(actual.boxes, expected.boxes, `${what}: boxes`);
  expectClose(actual.classes, expected.classes, `${what}: classes`);
}

async function callNms(ctx: CheckContext, d: { scores: NdArray; boxes: NdArray; classes: NdArray; maxBoxes: number; iouThreshold: number }): Promise<DetectionsJs> {
  return detections(await ctx.call('nonMaxSuppression', [d.scores, d.boxes, d.classes, d.maxBoxes, d.iouThreshold]), 'nonMaxSuppression');
}

const showDetections = (d: { scores: NdArray; boxes: NdArray; classes: NdArray; maxBoxes: number; iouThreshold: number }) =>
  `maxBoxes = ${d.maxBoxes}, iouThreshold = ${d.iouThreshold}\n` +
  rows(d.boxes)
    .map((b, i) => `  box ${i}: score ${formatNumber(d.scores.data[i]!)}, class ${d.classes.data[i]}, [y1, x1, y2, x2] = [${b.map(formatNumber).join(', ')}]`)
    .join('\n');

// ---------------------------------------------------------------- the assignment

export default defineAssignment({
  id: 'course4/week3/car-detection',
  title: 'Autonomous driving — car detection',
  exercises: [
    {
      name: 'iou',
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async () => {
            const s = new Seeded(31);
            const random = () => {
              const [x, y] = s.uniform([2], 0, 4).data;
              const [w, h] = s.uniform([2], 0.5, 3).data;
              return [x!, y!, x! + w!, y! + h!];
            };
            return [
              { name: 'overlapping boxes [1, 0.5, 4, 3.5] and [2.5, 1.5, 6, 4]', args: [[1, 0.5, 4, 3.5], [2.5, 1.5, 6, 4]] },
              { name: 'boxes apart in x only: [0, 0, 2, 3] and [3, 1, 5, 2]', args: [[0, 0, 2, 3], [3, 1, 5, 2]] },
              { name: 'boxes apart in x and in y: [0, 0, 1, 1] and [2, 3, 4, 5]', args: [[0, 0, 1, 1], [2, 3, 4, 5]] },
              { name: 'boxes touching at an edge: [1, 1, 3, 3] and [3, 1, 4, 2]', args: [[1, 1, 3, 3], [3, 1, 4, 2]] },
              { name: 'a box inside the other: [0, 0, 6, 4] and [1, 1, 3, 2]', args: [[0, 0, 6, 4], [1, 1, 3, 2]] },
              // The first box the smaller: over the first box's area, over the larger one's and over the union all differ.
              { name: 'a small box overlapping a large one: [1, 1, 3, 2] and [2, 0, 6, 4]', args: [[1, 1, 3, 2], [2, 0, 6, 4]] },
              { name: 'random boxes (a)', args: [random(), random()] },
              { name: 'random boxes (b)', args: [random(), random()] },
            ];
          },
        }),
        property({
          name: 'symmetric, between 0 and 1',
          points: 1,
          claim: 'For any two boxes, iou(a, b) = iou(b, a) and 0 ≤ iou ≤ 1',
          inputs: fc.tuple(xyBoxArb, xyBoxArb),
          numRuns: 20,
          holds: async ([a, b], ctx) => {
            const ab = expectNumber(await ctx.call('iou', [a, b]), 'iou(a, b)');
            const ba = expectNumber(await ctx.call('iou', [b, a]), 'iou(b, a)');
            if (!((ab >= 0 || near(0, ab)) && (ab <= 1 || near(1, ab)))) violated(`iou(a, b) is ${formatNumber(ab)}, outside [0, 1].`);
            if (!near(ab, ba)) violated(`iou(a, b) is ${formatNumber(ab)} but iou(b, a) is ${formatNumber(ba)}: the IoU cannot depend on the order of the boxes.`);
          },
        }),
        property({
          name: '1 for identical boxes, 0 for disjoint ones',
          points: 1,
          claim: 'A box has IoU 1 with itself, and IoU 0 with a box that does not overlap it (apart in x, in y or in both)',
          inputs: fc.record({ a: xyBoxArb, dx: fc.integer({ min: -6, max: 6 }), dy: fc.integer({ min: -6, max: 6 }), gap: fc.integer({ min: 0, max: 3 }) }),
          numRuns: 20,
          holds: async ({ a, dx, dy, gap }, ctx) => {
            const same = expectNumber(await ctx.call('iou', [a, [...a]]), 'iou(a, a)');
            if (!near(1, same)) violated(`iou(a, a) is ${formatNumber(same)}, expected 1.`);
            // b: a box placed right of / below a (or left / above), `gap` half-units away, shifted along the other axis by dx/dy.
            const [x1, y1, x2, y2] = a;
            const w = 1 + Math.abs(dx) / 2;
            const h = 1 + Math.abs(dy) / 2;
            const bx1 = dx >= 0 ? x2 + gap / 2 : x1 - gap / 2 - w;
            const by1 = dy >= 0 ? y2 + gap / 2 : y1 - gap / 2 - h;
            // Apart in x always; also apart in y when dy is odd, overlapping in y otherwise.
            const b = Math.abs(dy) % 2 === 1 ? [bx1, by1, bx1 + w, by1 + h] : [bx1, y1, bx1 + w, y1 + h];
            const v = expectNumber(await ctx.call('iou', [a, b]), 'iou(a, b)');
            if (!near(0, v)) violated(`iou([${a.join(', ')}], [${b.map(formatNumber).join(', ')}]) is ${formatNumber(v)}, but the boxes do not overlap: it should be 0.`, 'The intersection is the overlap of the two boxes: xi1 = max of the x1s, yi1 = max of the y1s, xi2 = min of the x2s, yi2 = min of the y2s, and its width and height are clamped at 0 separately: max(xi2 − xi1, 0) · max(yi2 − yi1, 0).');
          },
        }),
        property({
          name: 'intersection over union',
          points: 2,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          claim: 'For any two boxes [x1, y1, x2, y2], iou = area(a ∩ b) / (area(a) + area(b) − area(a ∩ b))',
          inputs: fc.tuple(xyBoxArb, xyBoxArb),
          numRuns: 20,
          holds: async ([a, b], ctx) => {
            const { iouJs } = await oracle();
            expectClose(expectNumber(await ctx.call('iou', [a, b]), 'iou(a, b)'), iouJs(a, b), `iou([${a.join(', ')}], [${b.join(', ')}])`);
          },
        }),
      ],
    },
    {
      name: 'yoloBoxesToCorners',
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          cases: async () => {
            const s = new Seeded(32);
            return [
              { name: '3 × 3 grid, 2 anchors', args: [s.uniform([3, 3, 2, 2]), s.uniform([3, 3, 2, 2], 0.1, 0.6)] },
              { name: '2 × 4 grid, 3 anchors', args: [s.uniform([2, 4, 3, 2]), s.uniform([2, 4, 3, 2], 0.1, 0.6)] },
            ];
          },
        }),
        property({
          name: 'centre and size come back',
          points: 1,
          claim: 'For any grid, the corners are [S1, S2, A, 4] in the order [y1, x1, y2, x2], centred on (x, y): (x1 + x2)/2 = x, (y1 + y2)/2 = y, x2 − x1 = w, y2 − y1 = h',
          inputs: fc
            .record({ sizes: dims({ S1: 3, S2: 3, A: 3 }), seed: fc.integer({ min: 0, max: 1e6 }) })
            .map(({ sizes: { S1, S2, A }, seed }) => {
              const s = new Seeded(seed);
              return { xy: s.uniform([S1, S2, A, 2]), wh: s.uniform([S1, S2, A, 2], 0.1, 0.6) };
            }),
          numRuns: 15,
          holds: async ({ xy, wh }, ctx) => {
            const c = expectTensor(await ctx.call('yoloBoxesToCorners', [xy, wh]), 'the corners', [...xy.shape.slice(0, -1), 4]);
            const n = xy.data.length / 2;
            for (let i = 0; i < n; i++) {
              const [y1, x1, y2, x2] = row(c, i);
              const [x, y, w, h] = [xy.data[2 * i]!, xy.data[2 * i + 1]!, wh.data[2 * i]!, wh.data[2 * i + 1]!];
              const got = { 'x (centre)': (x1! + x2!) / 2, 'y (centre)': (y1! + y2!) / 2, w: x2! - x1!, h: y2! - y1! };
              const want = { 'x (centre)': x, 'y (centre)': y, w, h };
              for (const key of Object.keys(want) as (keyof typeof want)[]) {
                if (!withinTolerance(want[key], got[key], tolerance('elementwise', { scale: scaleOf(x, y, w, h) })))
                  violated(
                    `box ${i}: reading its corners as [y1, x1, y2, x2] = [${[y1, x1, y2, x2].map((v) => formatNumber(v!)).join(', ')}] gives ${key} = ${formatNumber(got[key])}, but the box has ${key} = ${formatNumber(want[key])} ` +
                      `(x = ${formatNumber(x)}, y = ${formatNumber(y)}, w = ${formatNumber(w)}, h = ${formatNumber(h)}).`,
                  );
              }
            }
          },
        }),
        property({
          name: 'corners on any grid',
          points: 1,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          claim: 'For any grid and anchors, the corners are [y − h/2, x − w/2, y + h/2, x + w/2] for every box',
          inputs: fc
            .record({ sizes: dims({ S1: 4, S2: 4, A: 5 }), seed: fc.integer({ min: 0, max: 1e6 }) })
            .map(({ sizes: { S1, S2, A }, seed }) => {
              const s = new Seeded(seed);
              return { xy: s.uniform([S1, S2, A, 2]), wh: s.uniform([S1, S2, A, 2], 0.1, 0.6) };
            }),
          numRuns: 15,
          holds: async ({ xy, wh }, ctx) => {
            const { cornersJs } = await oracle();
            expectClose(await ctx.call('yoloBoxesToCorners', [xy, wh]), cornersJs(xy, wh), 'the corners');
          },
        }),
      ],
    },
    {
      name: 'yoloFilterBoxes',
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async () => {
            const s = new Seeded(33);
            const [, , conf1, probs1] = yoloOutputs(s, [3, 3, 2, 4]);
            const boxes1 = s.uniform([3, 3, 2, 4]);
            const [, , conf2, probs2] = yoloOutputs(s, [2, 4, 3, 5]);
            const boxes2 = s.uniform([2, 4, 3, 4]);
            // A box whose best score is exactly the threshold: confidence 1, best class probability 0.5. Both are exact
            // in float32 and float64 alike (0.6 is not: its float32 score lies above the threshold 0.6, so a strict
            // comparison kept it too), so only "≥ threshold" keeps the box.
            const conf3 = nd(s.uniform([2, 2, 2, 1], 0.3, 1).data.map((v, i) => (i === 3 ? 1 : v)), [2, 2, 2, 1]);
            const probs3 = softmaxRows(s, [2, 2, 2, 3]);
            const p3 = nd(probs3.data.map((v, i) => (i >= 9 && i < 12 ? [0.25, 0.5, 0.25][i - 9]! : v)), probs3.shape);
            return [
              { name: '3 × 3 grid, 2 anchors, 4 classes, default threshold (0.6)', args: [conf1!, boxes1, probs1!] },
              { name: '2 × 4 grid, 3 anchors, 5 classes, threshold 0.45', args: [conf2!, boxes2, probs2!, 0.45] },
              { name: '2 × 2 grid, 2 anchors, 3 classes, threshold 0.5, one score exactly 0.5', args: [conf3, s.uniform([2, 2, 2, 4]), p3, 0.5] },
              {
                // Every box has its two best classes tied: the class kept is the first of them (tf.argMax).
                name: '2 × 2 grid, 2 anchors, 4 classes, threshold 0.3, every box with two classes tied for best',
                args: [
                  s.uniform([2, 2, 2, 1], 0.8, 1),
                  s.uniform([2, 2, 2, 4]),
                  nd(
                    Array.from({ length: 8 }, (_, b) => [[0.4, 0.4, 0.1, 0.1], [0.1, 0.45, 0.0, 0.45], [0.35, 0.05, 0.35, 0.25], [0.05, 0.05, 0.45, 0.45]][b % 4]!).flat(),
                    [2, 2, 2, 4],
                  ),
                  0.3,
                ],
              },
            ];
          },
        }),
        property({
          name: 'the boxes that reach the threshold',
          points: 2,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          claim:
            'For any grid, anchors, classes and threshold, the result keeps exactly the boxes whose best score max_c(confidence × probability_c) is ≥ the threshold, in grid order, with that best score and its class',
          inputs: yoloArb,
          numRuns: 15,
          holds: async ({ conf, boxes, probs, threshold }, ctx) => {
            const got = detections(await ctx.call('yoloFilterBoxes', [conf, boxes, probs, threshold]), 'yoloFilterBoxes');
            const { filterJs } = await oracle();
            const want = filterJs(conf, boxes, probs, threshold);
            const k = got.scores.shape[0]!;
            const low = got.scores.data.findIndex((v) => v < Math.fround(threshold));
            if (low >= 0) violated(`kept score ${low} is ${formatNumber(got.scores.data[low]!)}, below the threshold ${threshold}.`);
            if (k !== want.kept.length)
              violated(`${k} box${k === 1 ? '' : 'es'} kept, but ${want.kept.length} of the ${conf.data.length} boxes have a best score ≥ ${threshold} (boxes ${want.kept.join(', ') || 'none'}, counted in grid order).`);
            expectDetections(got, want, `yoloFilterBoxes(…, ${threshold})`);
          },
        }),
        property({
          name: 'threshold 0 keeps all, above 1 none',
          points: 1,
          claim: 'With threshold 0 every box is kept (scores are ≥ 0), with a threshold above 1 none is (scores are ≤ 1); boxes are [k, 4]',
          inputs: yoloArb,
          numRuns: 10,
          holds: async ({ conf, boxes, probs }, ctx) => {
            const n = conf.data.length;
            const all = detections(await ctx.call('yoloFilterBoxes', [conf, boxes, probs, 0]), 'yoloFilterBoxes(…, 0)');
            if (all.scores.shape[0] !== n) violated(`with threshold 0, ${all.scores.shape[0]} of the ${n} boxes are kept: every box should be.`);
            expectClose(all.boxes, nd(boxes.data, [n, 4]), 'with threshold 0, the boxes (all of them, [S1·S2·A, 4], in grid order)');
            const none = detections(await ctx.call('yoloFilterBoxes', [conf, boxes, probs, 1.01]), 'yoloFilterBoxes(…, 1.01)');
            if (none.scores.shape[0] !== 0) violated(`with threshold 1.01, ${none.scores.shape[0]} boxes are kept: no score can reach it.`);
          },
        }),
      ],
    },
    {
      name: 'nonMaxSuppression',
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async () => {
            const s = new Seeded(34);
            const a = clusteredDetections(s, 12, 3, 4);
            const b = clusteredDetections(s, 15, 4, 3);
            const c = clusteredDetections(s, 9, 2, 2);
            // Scores from 0.1: boxes below 0.6 that no better box overlaps are kept (NMS does not filter by score).
            const low = clusteredDetections(s, 12, 5, 3, 0.1);
            // 14 small, well-separated boxes: more than the default maxBoxes survive suppression.
            const spread = (() => {
              const k = 14;
              const boxes: number[] = [];
              for (let i = 0; i < k; i++) {
                const [y, x] = [Math.floor(i / 4) * 0.25, (i % 4) * 0.25];
                boxes.push(y + 0.02, x + 0.02, y + 0.2, x + 0.2);
              }
              return { scores: s.uniform([k], 0.6, 1), boxes: nd(boxes, [k, 4]), classes: nd(s.uniform([k], 0, 3).data.map(Math.floor), [k], 'int32') };
            })();
            return [
              { name: '12 boxes around 3 objects, default maxBoxes and iouThreshold', args: [a.scores, a.boxes, a.classes] },
              { name: '15 boxes around 4 objects, maxBoxes 3, iouThreshold 0.3', args: [b.scores, b.boxes, b.classes, 3, 0.3] },
              { name: '9 boxes around 2 objects, maxBoxes 5, iouThreshold 0.7', args: [c.scores, c.boxes, c.classes, 5, 0.7] },
              { name: '12 boxes around 5 objects, scores from 0.1 to 1, default maxBoxes and iouThreshold', args: [low.scores, low.boxes, low.classes] },
              { name: '14 separate boxes, default maxBoxes (10)', args: [spread.scores, spread.boxes, spread.classes] },
              {
                // IoU of the first two exactly 1/2 in any precision (areas 2 and 1, all of the smaller inside the larger):
                // at iouThreshold 0.5 the second is dropped ("≥ iouThreshold"), which a strict comparison keeps.
                name: '3 boxes, two of them with IoU exactly the iouThreshold (0.5)',
                args: [nd([0.9, 0.8, 0.7], [3]), nd([0, 0, 1, 2, 0, 0, 1, 1, 2, 2, 3, 3], [3, 4]), nd([0, 0, 1], [3], 'int32'), 10, 0.5],
              },
            ];
          },
        }),
        property({
          name: 'subset, best first, no overlaps',
          points: 2,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          claim:
            'For any boxes, the result is a subset of the input (each kept score, box and class together), holds at most maxBoxes boxes, starts with the highest-scoring box, and no two kept boxes have an IoU ≥ iouThreshold',
          inputs: detectionsArb(8),
          numRuns: 20,
          show: showDetections,
          holds: async (d, ctx) => {
            await skipAmbiguous(d);
            const { nmsIou } = await oracle();
            const got = await callNms(ctx, d);
            const k = got.scores.shape[0]!;
            const input = rows(d.boxes);
            if (k > d.maxBoxes) violated(`${k} boxes are kept, more than maxBoxes = ${d.maxBoxes}.`);
            if (k === 0) violated('no box is kept: the highest-scoring box is always kept.');
            const source: number[] = [];
            for (let j = 0; j < k; j++) {
              const box = row(got.boxes, j);
              const i = input.findIndex((b, i) => sameDetection(got.scores.data[j]!, box, d.scores.data[i]!, b));
              if (i < 0) violated(`kept box ${j} (score ${formatNumber(got.scores.data[j]!)}, [${box.map(formatNumber).join(', ')}]) is not one of the input boxes with its own score.`);
              if (got.classes.data[j] !== d.classes.data[i]) violated(`kept box ${j} is input box ${i}, of class ${d.classes.data[i]}, but its class is returned as ${got.classes.data[j]}: gather the classes with the same indices.`);
              if (source.includes(i)) violated(`input box ${i} is kept twice.`);
              source.push(i);
            }
            const best = d.scores.data.indexOf(Math.max(...d.scores.data));
            if (source[0] !== best) violated(`the first kept box is input box ${source[0]}, but the highest-scoring box is box ${best}: it is always kept, and comes first.`);
            for (let p = 0; p < k; p++)
              for (let q = p + 1; q < k; q++) {
                const v = nmsIou(input[source[p]!]!, input[source[q]!]!);
                if (v >= d.iouThreshold) violated(`kept boxes ${source[p]} and ${source[q]} overlap with IoU ${formatNumber(v)} ≥ iouThreshold = ${d.iouThreshold}: the lower-scoring one should have been suppressed.`);
              }
          },
        }),
        property({
          name: 'greedy suppression',
          points: 2,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          claim:
            'For any boxes, the result is greedy NMS over all classes together: take the boxes by decreasing score, keep one unless its IoU with an already kept box is ≥ iouThreshold, stop at maxBoxes (what tf.image.nonMaxSuppression computes)',
          inputs: detectionsArb(10),
          numRuns: 20,
          show: showDetections,
          holds: async (d, ctx) => {
            await skipAmbiguous(d);
            const { gatherJs, greedyNms } = await oracle();
            const got = await callNms(ctx, d);
            const kept = greedyNms(d.scores.data, rows(d.boxes), d.maxBoxes, d.iouThreshold);
            const want = gatherJs({ scores: d.scores, boxes: d.boxes, classes: d.classes }, kept);
            // Name the kept boxes by their input index when they are input boxes: "kept 2, 0, 5; expected 0, 2" says more than a value diff.
            const input = rows(d.boxes);
            const source = rows(got.boxes).map((box, j) => input.findIndex((b, i) => sameDetection(got.scores.data[j]!, box, d.scores.data[i]!, b)));
            if (source.every((i) => i >= 0) && source.join() !== kept.join())
              violated(`the result keeps input boxes [${source.join(', ')}], in that order; greedy NMS keeps [${kept.join(', ')}] (scores ${kept.map((i) => formatNumber(d.scores.data[i]!)).join(', ')}).`);
            expectDetections(got, want, `nonMaxSuppression (the input boxes ${kept.join(', ')} should be kept, in that order)`);
          },
        }),
        property({
          name: 'equals tf.image.nonMaxSuppression',
          points: 1,
          hidden: true, // hidden: telling ties apart needs the plain-JS oracle (not in the learner edition)
          usesTf: true,
          claim: 'For any boxes, the kept boxes are the ones TensorFlow.js tf.image.nonMaxSuppression keeps, in its order, with their scores and classes',
          inputs: detectionsArb(10),
          numRuns: 15,
          show: showDetections,
          holds: async (d, ctx) => {
            await skipAmbiguous(d);
            const { gatherJs } = await oracle();
            const indices = await tfOracle(ctx, (tf, t) =>
              tf.image.nonMaxSuppression(t(d.boxes) as TF.Tensor2D, t(d.scores) as TF.Tensor1D, d.maxBoxes, d.iouThreshold),
            );
            const kept = indices.data;
            const got = await callNms(ctx, d);
            expectDetections(got, gatherJs({ scores: d.scores, boxes: d.boxes, classes: d.classes }, kept), `nonMaxSuppression (tf.image.nonMaxSuppression keeps input boxes ${kept.join(', ')}, in that order)`);
          },
        }),
      ],
    },
    {
      name: 'yoloEval',
      dependsOn: ['yoloBoxesToCorners', 'yoloFilterBoxes', 'nonMaxSuppression'],
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async () => {
            const s = new Seeded(35);
            return [
              { name: '3 × 3 grid, 2 anchors, 4 classes, default arguments', args: [yoloOutputs(s, [3, 3, 2, 4])] },
              { name: '4 × 4 grid, 3 anchors, 5 classes, image 480 × 640, maxBoxes 4, scoreThreshold 0.5, iouThreshold 0.4', args: [yoloOutputs(s, [4, 4, 3, 5]), [480, 640], 4, 0.5, 0.4] },
              { name: '3 × 5 grid, 2 anchors, 3 classes, image 300 × 200, maxBoxes 12, scoreThreshold 0.3, iouThreshold 0.6', args: [yoloOutputs(s, [3, 5, 2, 3]), [300, 200], 12, 0.3, 0.6] },
              // A threshold above the default 0.6, scores from 0.45 to 0.9 on boxes that do not overlap: a filter left at 0.6 keeps
              // more boxes, an NMS that also drops scores below 0.6 keeps the right ones (so its yoloEval is not told the filter's hint).
              { name: '16 separate boxes, image 400 × 600, maxBoxes 16, scoreThreshold 0.7, iouThreshold 0.5', args: [separateBoxes(s, 0.5), [400, 600], 16, 0.7, 0.5] },
            ];
          },
        }),
        reference({
          name: 'default arguments',
          points: 2,
          // Elementwise, not float32: a default image width of 1279 or 1281 moves the pixel coordinates by 0.08%, which the float32 class would pass.
          tolerance: tolerance('elementwise'),
          cases: async () => {
            const s = new Seeded(36);
            // 16 small, well-separated, confident boxes on a 4 × 4 grid: the default maxBoxes (10) decides how many are kept.
            const many = separateBoxes(s, 0.85);
            // Two confident boxes overlapping with IoU ≈ 0.35 (kept both at the default iouThreshold 0.5), and a third apart.
            const pair = (() => {
              const w = 0.3;
              const d = (0.65 / 1.35) * w; // same-size boxes offset by d along x: IoU = (w − d) / (w + d) = 0.35
              const xy = [0.3, 0.3, 0.3 + d, 0.3, 0.8, 0.8];
              const wh = [w, 0.25, w, 0.25, 0.2, 0.15];
              const probs = [0.1, 0.85, 0.05, 0.8, 0.1, 0.1, 0.05, 0.05, 0.9];
              return [nd(xy, [1, 3, 1, 2]), nd(wh, [1, 3, 1, 2]), nd([0.95, 0.9, 0.88], [1, 3, 1, 1]), nd(probs, [1, 3, 1, 3])];
            })();
            return [
              { name: '16 separate confident boxes on a 4 × 4 grid, default arguments', args: [many] },
              { name: 'two confident boxes overlapping with IoU 0.35 and one apart, default arguments', args: [pair] },
              { name: '2 × 3 grid, 3 anchors, 4 classes, default arguments', args: [yoloOutputs(s, [2, 3, 3, 4])] },
            ];
          },
        }),
        property({
          name: 'the whole pipeline',
          points: 2,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          claim:
            'For any grid, image size and thresholds, yoloEval = corners → filter by score → scale to the image → non-max suppression, with the same scores, pixel boxes [y1, x1, y2, x2] and classes as each step computed separately',
          inputs: fc
            .record({
              grid: dims({ S1: 3, S2: 3, A: 3, C: [2, 4] }).map(({ S1, S2, A, C }): [number, number, number, number] => [S1, S2, A, C]),
              seed: fc.integer({ min: 0, max: 1e6 }),
              // Height ≠ width (mostly): boxes scaled by the wrong one then show.
              imageShape: dims({ h: [50, 800], w: [50, 800] }).map(({ h, w }): [number, number] => [h, w]),
              maxBoxes: fc.integer({ min: 1, max: 6 }),
              scoreThreshold: fc.constantFrom(0.3, 0.4, 0.5),
              iouThreshold: fc.constantFrom(0.3, 0.5, 0.6),
            })
            .map(({ grid, seed, ...rest }) => ({ outputs: yoloOutputs(new Seeded(seed), grid), ...rest })),
          numRuns: 15,
          holds: async ({ outputs, imageShape, maxBoxes, scoreThreshold, iouThreshold }, ctx) => {
            const [xy, wh, conf, probs] = outputs as [NdArray, NdArray, NdArray, NdArray];
            const { cornersJs, evalJs, filterJs, unambiguous } = await oracle();
            // Skip outputs whose answer hangs on a tie: a score at the threshold (within float32 rounding), or an NMS near-tie.
            const f = filterJs(conf, cornersJs(xy, wh), probs, scoreThreshold);
            fc.pre(unambiguous(f.scores.data, rows(f.boxes), iouThreshold) && f.scores.data.every((v) => !near(scoreThreshold, v)));
            const got = detections(await ctx.call('yoloEval', [outputs, imageShape, maxBoxes, scoreThreshold, iouThreshold]), 'yoloEval');
            const want = evalJs(xy, wh, conf, probs, imageShape, maxBoxes, scoreThreshold, iouThreshold);
            expectDetections(got, want, `yoloEval(outputs, [${imageShape.join(', ')}], ${maxBoxes}, ${scoreThreshold}, ${iouThreshold})`);
          },
        }),
      ],
    },
  ],
});
