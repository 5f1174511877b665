/** Correct alternative: TensorFlow.js ops everywhere — IoU with tf.maximum/tf.minimum/tf.relu, tf.unstack/tf.stack corners, tf.image.nonMaxSuppressionPadded. */
import * as tf from '@tensorflow/tfjs';
import { scaleBoxes } from '../../../../../lib/yolo-utils';
import type { Box, Detections, YoloOutputs } from '../../../../../exercises/course4/week3/car-detection';

export function iou(box1: Box, box2: Box): number {
  return tf.tidy(() => {
    const a = tf.tensor1d(box1);
    const b = tf.tensor1d(box2);
    const lo = tf.maximum(a.slice(0, 2), b.slice(0, 2));
    const hi = tf.minimum(a.slice(2, 2), b.slice(2, 2));
    const inter = tf.prod(tf.relu(tf.sub(hi, lo)));
    const area = (t: tf.Tensor1D) => tf.prod(tf.sub(t.slice(2, 2), t.slice(0, 2)));
    return tf.div(inter, tf.sub(tf.add(area(a), area(b)), inter)).dataSync()[0]!;
  });
}

export function yoloBoxesToCorners(boxXy: tf.Tensor4D, boxWh: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => {
    const [x, y] = tf.unstack(boxXy, 3);
    const [w, h] = tf.unstack(boxWh, 3);
    return tf.stack([y!.sub(h!.div(2)), x!.sub(w!.div(2)), y!.add(h!.div(2)), x!.add(w!.div(2))], 3) as tf.Tensor4D;
  });
}

export function yoloFilterBoxes(boxConfidence: tf.Tensor4D, boxes: tf.Tensor4D, boxClassProbs: tf.Tensor4D, threshold = 0.6): Detections {
  return tf.tidy(() => {
    const boxScores = boxConfidence.mul(boxClassProbs);
    const C = boxClassProbs.shape[3];
    const { values, indices } = tf.topk(boxScores.reshape([-1, C]), 1);
    const best = values.reshape([-1]);
    const mask = Array.from(best.greaterEqual(threshold).dataSync());
    const buffer = tf.buffer([mask.reduce((n, v) => n + v, 0)], 'int32');
    let k = 0;
    mask.forEach((v, i) => {
      if (v) buffer.set(i, k++);
    });
    const kept = buffer.toTensor();
    return [tf.gather(best, kept) as tf.Tensor1D, tf.gather(boxes.reshape([-1, 4]), kept) as tf.Tensor2D, tf.gather(indices.reshape([-1]), kept) as tf.Tensor1D];
  });
}

export function nonMaxSuppression(scores: tf.Tensor1D, boxes: tf.Tensor2D, classes: tf.Tensor1D, maxBoxes = 10, iouThreshold = 0.5): Detections {
  return tf.tidy(() => {
    const { selectedIndices, validOutputs } = tf.image.nonMaxSuppressionPadded(boxes, scores, maxBoxes, iouThreshold, Number.NEGATIVE_INFINITY, true);
    const n = validOutputs.dataSync()[0]!;
    const idx = selectedIndices.slice(0, n);
    return [tf.gather(scores, idx) as tf.Tensor1D, tf.gather(boxes, idx) as tf.Tensor2D, tf.gather(classes, idx) as tf.Tensor1D];
  });
}

export function yoloEval(yoloOutputs: YoloOutputs, imageShape: [number, number] = [720, 1280], maxBoxes = 10, scoreThreshold = 0.6, iouThreshold = 0.5): Detections {
  return tf.tidy(() => {
    const [scores, boxes, classes] = yoloFilterBoxes(yoloOutputs[2], yoloBoxesToCorners(yoloOutputs[0], yoloOutputs[1]), yoloOutputs[3], scoreThreshold);
    return nonMaxSuppression(scores, scaleBoxes(boxes, imageShape), classes, maxBoxes, iouThreshold);
  });
}

export const alternative = { style: 'builtin', fns: ['iou', 'yoloBoxesToCorners', 'yoloFilterBoxes', 'nonMaxSuppression', 'yoloEval'] };
