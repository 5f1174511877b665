import { RandomState } from '../np-random';

/**
 * A small, deterministic stand-in for the course's "cat vs non-cat" images
 * (the originals cannot be shipped). A "cat" is a warm-coloured face with two
 * pointed ears on a random background; a "non-cat" is a random arrangement of
 * stripes and blobs in other colours. Pixels are integers 0–255, images are
 * [m, size, size, 3] as in the course, labels are [1, m] of 0/1.
 */
export interface ImageDataset {
  trainX: number[];
  trainY: number[];
  testX: number[];
  testY: number[];
  /** [mTrain, size, size, 3] and [mTest, size, size, 3] */
  trainShape: [number, number, number, number];
  testShape: [number, number, number, number];
  classes: ['non-cat', 'cat'];
}

export interface ImageDatasetOptions {
  mTrain?: number;
  mTest?: number;
  size?: number;
  seed?: number;
}

export function loadCatDataset({ mTrain = 209, mTest = 50, size = 16, seed = 1 }: ImageDatasetOptions = {}): ImageDataset {
  const rng = new RandomState(seed);
  const make = (m: number) => {
    const X: number[] = [];
    const Y: number[] = [];
    for (let i = 0; i < m; i++) {
      const isCat = rng.randomSample() < 0.35 ? 1 : 0; // the course's set is about one-third cats
      X.push(...(isCat ? drawCat(rng, size) : drawOther(rng, size)));
      Y.push(isCat);
    }
    return { X, Y };
  };
  const train = make(mTrain);
  const test = make(mTest);
  return {
    trainX: train.X,
    trainY: train.Y,
    testX: test.X,
    testY: test.Y,
    trainShape: [mTrain, size, size, 3],
    testShape: [mTest, size, size, 3],
    classes: ['non-cat', 'cat'],
  };
}

type Rgb = [number, number, number];

function background(rng: RandomState, size: number): Rgb[] {
  const base: Rgb = [rng.randomSample() * 200, rng.randomSample() * 200, rng.randomSample() * 200];
  return Array.from({ length: size * size }, () => base.map((c) => c + (rng.randomSample() - 0.5) * 40) as Rgb);
}

function toPixels(img: Rgb[]): number[] {
  return img.flatMap((p) => p.map((c) => Math.max(0, Math.min(255, Math.round(c)))));
}

function drawCat(rng: RandomState, size: number): number[] {
  const img = background(rng, size);
  const fur: Rgb = [200 + rng.randomSample() * 55, 120 + rng.randomSample() * 60, 40 + rng.randomSample() * 40];
  const cx = size / 2 + (rng.randomSample() - 0.5) * size * 0.2;
  const cy = size * 0.58 + (rng.randomSample() - 0.5) * size * 0.1;
  const r = size * (0.25 + rng.randomSample() * 0.08);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const inFace = (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
      // Two ears: triangles above the face, left and right.
      const earTop = cy - r * 1.7;
      const inEar = [-1, 1].some((side) => {
        const ex = cx + side * r * 0.6;
        const t = (y - earTop) / (r * 0.9);
        return t >= 0 && t <= 1 && Math.abs(x - ex) <= t * r * 0.45;
      });
      if (inFace || inEar) img[y * size + x] = fur.map((c) => c + (rng.randomSample() - 0.5) * 20) as Rgb;
    }
  }
  // Eyes: two dark pixels.
  for (const side of [-1, 1]) {
    const ex = Math.round(cx + side * r * 0.4);
    const ey = Math.round(cy - r * 0.2);
    if (ex >= 0 && ex < size && ey >= 0 && ey < size) img[ey * size + ex] = [20, 20, 20];
  }
  return toPixels(img);
}

function drawOther(rng: RandomState, size: number): number[] {
  const img = background(rng, size);
  const colour: Rgb = [rng.randomSample() * 120, 60 + rng.randomSample() * 150, 80 + rng.randomSample() * 175];
  const vertical = rng.randomSample() < 0.5;
  const period = 2 + Math.floor(rng.randomSample() * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (Math.floor((vertical ? x : y) / period) % 2 === 0) img[y * size + x] = colour.map((c) => c + (rng.randomSample() - 0.5) * 30) as Rgb;
    }
  }
  return toPixels(img);
}

/**
 * The course's preprocessing of these images: each image unrolled into one
 * column (numpy's `X.reshape(m, -1).T`) and every pixel divided by 255, so the
 * values lie in [0, 1]. Takes the flat pixels and the shape `loadCatDataset`
 * returns; gives the flat row-major [size·size·3, m] values and their shape,
 * ready for `tf.tensor2d(data, shape)`.
 *
 * In TensorFlow.js the same is
 *   tf.tensor4d(pixels, shape).reshape([m, -1]).transpose().div(255)
 */
export function flattenImages(pixels: readonly number[], shape: readonly [number, number, number, number]): { data: number[]; shape: [number, number] } {
  const [m, height, width, channels] = shape;
  const n = height * width * channels;
  if (pixels.length !== m * n) throw new Error(`flattenImages(): shape [${shape.join(', ')}] needs ${m * n} values, got ${pixels.length}`);
  const data = new Array<number>(n * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) data[j * m + i] = pixels[i * n + j]! / 255;
  return { data, shape: [n, m] };
}
