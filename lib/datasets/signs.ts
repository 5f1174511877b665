import { RandomState } from '../np-random';

/**
 * A small, deterministic stand-in for the course's "SIGNS" dataset (photos of
 * hands showing 0 to 5 fingers; the originals cannot be shipped). Each image is
 * a hand on a dark, noisy background: a skin-coloured palm at the bottom and,
 * above it, as many raised fingers (thin vertical bars) as the class number —
 * class 0 is a fist. Skin tone, background, noise, the hand's height (by a
 * pixel) and the finger lengths vary from image to image.
 *
 * Pixels are integers 0–255, images are [m, size, size, 3] as in the course,
 * labels are class indices 0–5 (the course's Y_train_orig, before one-hot).
 */
export type SignsDataset = {
  trainX: number[];
  /** Class indices 0–5, one per training image. */
  trainY: number[];
  testX: number[];
  testY: number[];
  /** [mTrain, size, size, 3] and [mTest, size, size, 3] */
  trainShape: [number, number, number, number];
  testShape: [number, number, number, number];
  classes: number[];
};

export type SignsOptions = {
  mTrain?: number;
  mTest?: number;
  size?: number;
  seed?: number;
};

/** The number of classes: 0, 1, 2, 3, 4 or 5 raised fingers. */
export const SIGNS_CLASSES = 6;

export function loadSignsDataset({ mTrain = 300, mTest = 120, size = 12, seed = 1 }: SignsOptions = {}): SignsDataset {
  if (size < 12) throw new Error(`loadSignsDataset(): images need at least 12×12 pixels, got ${size}`);
  const rng = new RandomState(seed);
  const make = (m: number) => {
    const X: number[] = [];
    const Y: number[] = [];
    for (let i = 0; i < m; i++) {
      const label = i % SIGNS_CLASSES; // balanced classes, then shuffled below
      Y.push(label);
    }
    rng.shuffle(Y);
    for (const label of Y) X.push(...drawHand(rng, size, label));
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
    classes: Array.from({ length: SIGNS_CLASSES }, (_, i) => i),
  };
}

type Rgb = [number, number, number];

function drawHand(rng: RandomState, size: number, fingers: number): number[] {
  const bg: Rgb = [10 + rng.randomSample() * 30, 10 + rng.randomSample() * 30, 15 + rng.randomSample() * 40];
  const img: Rgb[] = Array.from({ length: size * size }, () => bg.map((c) => c + (rng.randomSample() - 0.5) * 20) as Rgb);
  const skin: Rgb = [190 + rng.randomSample() * 60, 130 + rng.randomSample() * 60, 100 + rng.randomSample() * 50];
  const paint = (x: number, y: number) => {
    if (x >= 0 && x < size && y >= 0 && y < size) img[y * size + x] = skin.map((c) => c + (rng.randomSample() - 0.5) * 20) as Rgb;
  };
  // The hand is centred, its height varies by a pixel.
  const dy = Math.floor(rng.randomSample() * 2);
  const left = Math.floor((size - 10) / 2); // the palm spans 10 columns: 5 finger slots, one every 2
  const palmTop = size - 5 + dy;
  for (let y = palmTop; y < size; y++) for (let x = left; x < left + 10; x++) paint(x, y);
  // Raised fingers: the first `fingers` of 5 slots, each a bar of 4–6 pixels above the palm.
  for (let f = 0; f < fingers; f++) {
    const x = left + 1 + 2 * f;
    const length = 4 + Math.floor(rng.randomSample() * 3);
    for (let y = palmTop - length; y < palmTop; y++) paint(x, y);
  }
  return img.flatMap((p) => p.map((c) => Math.max(0, Math.min(255, Math.round(c)))));
}

/**
 * The course's preprocessing: each image unrolled into one column (numpy's
 * `X.reshape(m, -1).T`) and every pixel divided by 255. Returns the flat
 * row-major [size·size·3, m] values and their shape, ready for
 * `tf.tensor2d(data, shape)`. In TensorFlow.js the same is
 *   tf.tensor4d(pixels, shape).reshape([m, -1]).transpose().div(255)
 */
export function flattenSigns(pixels: readonly number[], shape: readonly [number, number, number, number]): { data: number[]; shape: [number, number] } {
  const [m, height, width, channels] = shape;
  const n = height * width * channels;
  if (pixels.length !== m * n) throw new Error(`flattenSigns(): shape [${shape.join(', ')}] needs ${m * n} values, got ${pixels.length}`);
  const data = new Array<number>(n * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) data[j * m + i] = pixels[i * n + j]! / 255;
  return { data, shape: [n, m] };
}

/**
 * The course's `random_mini_batches` (from its tf_utils.py), as column indices:
 * `np.random.seed(seed)`, a permutation of the m examples, then consecutive
 * slices of `miniBatchSize` (the last one smaller when m is not a multiple).
 * Take the columns of a mini-batch with `tf.gather(X, indices, 1)`.
 */
export function randomMiniBatchIndices(m: number, miniBatchSize = 64, seed = 0): number[][] {
  if (!Number.isInteger(miniBatchSize) || miniBatchSize < 1) throw new Error(`randomMiniBatchIndices(): miniBatchSize must be a positive integer, got ${miniBatchSize}`);
  const permutation = new RandomState(seed).permutation(m);
  const batches: number[][] = [];
  for (let k = 0; k < m; k += miniBatchSize) batches.push(permutation.slice(k, k + miniBatchSize));
  return batches;
}
