/**
 * A plain n-dimensional array: the form tensors take outside TensorFlow.js.
 *
 * The scoring side never holds a tf.Tensor: learner outputs arrive from the
 * sandbox as NdArrays, fixtures store them, and every comparison works on them.
 * That keeps the trusted process free of TensorFlow.js (and of any tensor a
 * learner could have tampered with).
 */
export type DType = 'float32' | 'int32' | 'bool';

export interface NdArray {
  readonly kind: 'ndarray';
  readonly shape: number[];
  readonly dtype: DType;
  /** Row-major values. Kept as a plain number[] so it survives JSON and IPC unchanged. */
  readonly data: number[];
}

export function nd(data: ArrayLike<number>, shape: number[], dtype: DType = 'float32'): NdArray {
  const size = shape.reduce((a, b) => a * b, 1);
  if (size !== data.length) {
    throw new Error(`nd(): shape [${shape.join(', ')}] needs ${size} values, got ${data.length}`);
  }
  const values = Array.from(data, (v) => (dtype === 'float32' ? Math.fround(v) : v));
  return { kind: 'ndarray', shape: [...shape], dtype, data: values };
}

/**
 * An NdArray whose data is still the typed array it was read from, typed as an
 * NdArray so it can travel in a Value. Only the sandbox makes these, for tensor
 * data that goes straight to tf.tensor or into a frame (wire.ts): copying every
 * value into a number[] and back was a measurable part of each learner call.
 * Nothing that computes on NdArrays (the grading process) ever holds one.
 */
export function typedNdArray(data: Float32Array | Int32Array | Uint8Array, shape: readonly number[], dtype: DType): NdArray {
  return { kind: 'ndarray', shape: [...shape], dtype, data: data as unknown as number[] };
}

export function isNdArray(v: unknown): v is NdArray {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'ndarray';
}

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

export function zeros(shape: number[]): NdArray {
  return nd(new Array(sizeOf(shape)).fill(0), shape);
}

export function full(shape: number[], value: number): NdArray {
  return nd(new Array(sizeOf(shape)).fill(value), shape);
}

export function map(a: NdArray, f: (v: number, i: number) => number): NdArray {
  return nd(a.data.map(f), a.shape);
}

/** Element-wise combination of two arrays of the same shape. */
export function zip(a: NdArray, b: NdArray, f: (x: number, y: number) => number): NdArray {
  if (!sameShape(a.shape, b.shape)) {
    throw new Error(`zip(): shapes [${a.shape}] and [${b.shape}] differ`);
  }
  return nd(a.data.map((x, i) => f(x, b.data[i]!)), a.shape);
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Row-major flat index → multi-index. */
export function unravel(index: number, shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length);
  let rest = index;
  for (let d = shape.length - 1; d >= 0; d--) {
    out[d] = rest % shape[d]!;
    rest = Math.floor(rest / shape[d]!);
  }
  return out;
}

export function transpose2d(a: NdArray): NdArray {
  if (a.shape.length !== 2) throw new Error('transpose2d(): needs a 2-D array');
  const [r, c] = a.shape as [number, number];
  const out = new Array<number>(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = a.data[i * c + j]!;
  return nd(out, [c, r], a.dtype);
}

/** Sum over one axis of a 2-D array, keeping it as a length-1 dimension. */
export function sumAxis2d(a: NdArray, axis: 0 | 1): NdArray {
  const [r, c] = a.shape as [number, number];
  if (axis === 0) {
    const out = new Array<number>(c).fill(0);
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j]! += a.data[i * c + j]!;
    return nd(out, [1, c]);
  }
  const out = new Array<number>(r).fill(0);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[i]! += a.data[i * c + j]!;
  return nd(out, [r, 1]);
}

export function matmul(a: NdArray, b: NdArray): NdArray {
  const [n, k] = a.shape as [number, number];
  const [k2, m] = b.shape as [number, number];
  if (k !== k2) throw new Error(`matmul(): inner dimensions ${k} and ${k2} differ`);
  const out = new Array<number>(n * m).fill(0);
  for (let i = 0; i < n; i++)
    for (let p = 0; p < k; p++) {
      const aip = a.data[i * k + p]!;
      for (let j = 0; j < m; j++) out[i * m + j]! += aip * b.data[p * m + j]!;
    }
  return nd(out, [n, m]);
}

/**
 * A short, readable rendering: nested brackets, elided in the middle when large.
 * `focus` (a flat index) stays visible with its neighbours, so an elided
 * expected/actual pair still shows where they differ.
 */
export function formatNd(a: NdArray, maxItems = 6, focus?: number): string {
  const fmt = (v: number) => (a.dtype === 'bool' ? String(Boolean(v)) : formatNumber(v));
  const at = focus === undefined || focus < 0 || focus >= a.data.length ? undefined : unravel(focus, a.shape);
  const render = (offset: number, dim: number, onPath: boolean): string => {
    if (a.shape.length === 0) return fmt(a.data[0]!);
    const len = a.shape[dim]!;
    const stride = sizeOf(a.shape.slice(dim + 1));
    const f = onPath && at ? at[dim]! : undefined;
    const parts: string[] = [];
    let last = -1;
    for (const i of shownIndices(len, maxItems, f)) {
      if (i > last + 1) parts.push('…');
      parts.push(dim === a.shape.length - 1 ? fmt(a.data[offset + i]!) : render(offset + i * stride, dim + 1, i === f));
      last = i;
    }
    return `[${parts.join(', ')}]`;
  };
  return render(0, 0, true);
}

/** The indices shown along one axis: all of a short one; the ends (and the focus with its neighbours) of a long one. */
function shownIndices(len: number, maxItems: number, focus?: number): number[] {
  if (len <= maxItems) return [...Array(len).keys()];
  const keep = new Set([0, 1, 2, len - 2, len - 1]);
  if (focus !== undefined) for (const i of [focus - 1, focus, focus + 1]) if (i >= 0 && i < len) keep.add(i);
  return [...keep].sort((x, y) => x - y);
}


export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  if (Number.isInteger(v) && Math.abs(v) < 1e7) return String(v);
  const abs = Math.abs(v);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e6)) return v.toExponential(4);
  // The shortest form that reads back as the same float32: 0.6, not 0.60000002.
  const target = Math.fround(v);
  for (let digits = 1; digits < 9; digits++) {
    const short = Number(v.toPrecision(digits));
    if (Math.fround(short) === target) return String(short);
  }
  return String(Number(v.toPrecision(9)));
}

export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}
