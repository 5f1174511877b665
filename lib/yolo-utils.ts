/**
 * Course 4, week 3 — helpers the car-detection assignment gives you, as the
 * course's yad2k utilities did.
 */
import * as tf from '@tensorflow/tfjs';

/** The 80 COCO class names, in the order of YOLO's class probabilities (coco_classes.txt). */
export const COCO_CLASSES: readonly string[] = [
  'person', 'bicycle', 'car', 'motorbike', 'aeroplane', 'bus', 'train', 'truck', 'boat', 'traffic light',
  'fire hydrant', 'stop sign', 'parking meter', 'bench', 'bird', 'cat', 'dog', 'horse', 'sheep', 'cow',
  'elephant', 'bear', 'zebra', 'giraffe', 'backpack', 'umbrella', 'handbag', 'tie', 'suitcase', 'frisbee',
  'skis', 'snowboard', 'sports ball', 'kite', 'baseball bat', 'baseball glove', 'skateboard', 'surfboard', 'tennis racket', 'bottle',
  'wine glass', 'cup', 'fork', 'knife', 'spoon', 'bowl', 'banana', 'apple', 'sandwich', 'orange',
  'broccoli', 'carrot', 'hot dog', 'pizza', 'donut', 'cake', 'chair', 'sofa', 'pottedplant', 'bed',
  'diningtable', 'toilet', 'tvmonitor', 'laptop', 'mouse', 'remote', 'keyboard', 'cell phone', 'microwave', 'oven',
  'toaster', 'sink', 'refrigerator', 'book', 'clock', 'vase', 'scissors', 'teddy bear', 'hair drier', 'toothbrush',
];

/**
 * scale_boxes: YOLO's box corners are fractions of the image (0 … 1); this
 * multiplies them by the image's size, so that they are in pixels.
 * boxes is [k, 4] in the order [y1, x1, y2, x2]; imageShape is [height, width].
 */
export function scaleBoxes(boxes: tf.Tensor2D, imageShape: readonly number[]): tf.Tensor2D {
  const [height, width] = imageShape as [number, number];
  return tf.tidy(() => tf.mul(boxes, tf.tensor2d([[height, width, height, width]])) as tf.Tensor2D);
}
