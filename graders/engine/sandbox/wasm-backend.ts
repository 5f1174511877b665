/**
 * Learner code runs on TensorFlow.js's WebAssembly backend. The exercises'
 * tensors are small, so a call's time is mostly TensorFlow.js's cost per
 * operation, which is two to three times lower there than on the JavaScript
 * CPU backend (week 3's 500 training iterations: ~110 ms against ~300 ms).
 *
 * It must compute what the CPU backend computes, for any program, so each of
 * its kernels is guarded (guardKernel):
 * - kernels it lacks (the filter gradients of conv2d and depthwiseConv2d,
 *   einsum, unsortedSegmentSum, which tf.gather's gradient uses) run on a CPU
 *   backend, with their inputs copied across and their outputs copied back;
 * - so do calls with an empty input (its gather returns [1, 1, 0, 1] for [0])
 *   and calls it refuses (matMul of int32 tensors);
 * - matMul and convolution keep XNNPACK operators cached by the weights'
 *   tensor id, and a tensor reshaped keeps its id: the same data used again
 *   in another shape (avg as a column in a dot, then as a row in an outer
 *   product) gets the first shape's operator and wrong numbers. Those kernels
 *   get a copy of their weights, under a new id, when the id was used before
 *   in another shape or the data was rewritten (freshWeights);
 * - so do windowed kernels whose output would be empty (a 'valid' 3×3
 *   convolution of a 3×2 image): XNNPACK writes outside its buffers there,
 *   or aborts, and the heap is broken for every later call (EMPTY_OUTPUT);
 * - a few compute something else (CPU_SEMANTICS: ties, NaN, casts to bool,
 *   a random stream of its own) and always run on the CPU backend;
 * - on the CPU backend, dataSync() hands out the tensor's own storage, and
 *   course-style code fills a tf.zeros() through it; here it is a copy, so
 *   that array is kept and written back before anything reads the tensor
 *   (shareHandedOutArrays).
 * tests/engine/wasm-backend.test.ts holds one program for each of these.
 */
import { Buffer } from 'node:buffer';
import type * as TF from '@tensorflow/tfjs';

/** Kernels that need complex or string tensors, which the WASM backend cannot hold: nothing to borrow. */
const UNSUPPORTED = new Set(['Complex', 'ComplexAbs', 'FFT', 'IFFT', 'Imag', 'Real', 'RFFT', 'IRFFT', 'Draw', 'StaticRegexReplace', 'RaggedGather', 'RaggedRange', 'RaggedTensorToTensor', 'StringNGrams', 'StringSplit', 'StringToHashBucketFast']);

interface CpuBackend extends TF.KernelBackend {
  makeTensorInfo(shape: number[], dtype: TF.DataType, values: TF.backend_util.BackendValues): TF.TensorInfo;
  readSync(dataId: object): TF.backend_util.BackendValues;
  disposeData(dataId: object): boolean;
}

interface WasmBackend {
  readSync(dataId: object): TF.backend_util.BackendValues;
  makeOutput(shape: number[], dtype: TF.DataType, memoryOffset?: number, values?: TF.backend_util.BackendValues): TF.TensorInfo;
}

/**
 * Makes the WASM backend the active one, its binary read from `wasmDir`, in
 * the sandbox and in the grading process alike: a stored mistake's output is
 * then what a learner making that mistake gets. Returns the backend in use:
 * 'cpu' if WebAssembly could not start here.
 */
export async function useWasmBackend(tf: typeof TF, wasmDir: string): Promise<string> {
  // TensorFlow.js keeps one engine per process, whichever copy of this module asks (tests load it afresh per file).
  const engine = tf.engine() as unknown as Record<symbol, boolean>;
  if (engine[GUARDED]) {
    if (tf.getBackend() !== 'wasm') await tf.setBackend('wasm');
    return tf.getBackend();
  }
  const cpu = tf.engine().findBackend('cpu') as unknown as CpuBackend;
  const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');
  // Emscripten's Node glue adds process handlers that rethrow anything uncaught: the runner keeps its own.
  const before = { exception: process.listeners('uncaughtException'), rejection: process.listeners('unhandledRejection') };
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false); // one thread: same order of sums, same results, every run
  setWasmPaths(wasmDir.endsWith('/') ? wasmDir : `${wasmDir}/`);
  guardWasmKernels(tf, cpu);
  let ok = false;
  try {
    ok = await tf.setBackend('wasm');
  } catch {
    ok = false;
  } finally {
    for (const l of process.listeners('uncaughtException')) if (!before.exception.includes(l)) process.off('uncaughtException', l);
    for (const l of process.listeners('unhandledRejection')) if (!before.rejection.includes(l)) process.off('unhandledRejection', l);
  }
  if (!ok) {
    await tf.setBackend('cpu');
    return 'cpu';
  }
  shareHandedOutArrays(tf.backend() as unknown as WasmInternals);
  engine[GUARDED] = true;
  return 'wasm';
}

const GUARDED = Symbol.for('deepgrade.wasm-backend-guarded');

interface WasmInternals {
  readSync(dataId: object, start?: number, end?: number): TF.backend_util.BackendValues;
  disposeData(dataId: object, force?: boolean): boolean;
  dataIdMap: { get(dataId: object): { memoryOffset: number | null; dtype: TF.DataType } | undefined };
  wasm: { HEAPU8: Uint8Array };
}

type Values = Float32Array | Int32Array | Uint8Array;

/** The array each tensor's full read handed out, by data id; written back to the WASM heap before a kernel reads it. */
const handedOut = new WeakMap<object, Values>();
/** Data ids whose bytes were rewritten from such an array: an XNNPACK operator packed from their old bytes is stale. */
const rewritten = new WeakSet<object>();
let heapOf: ((dataId: object) => Uint8Array | undefined) | undefined;
/** The backend's own read, which hands out a fresh copy and records nothing: for this module's copies. */
let rawRead: ((dataId: object) => Values) | undefined;

/**
 * Gives the WASM backend the CPU backend's aliasing: a full read of a tensor
 * hands out one array, the same every time, and what is written into it is
 * what the tensor holds from then on (a tensor's data never changes otherwise).
 */
function shareHandedOutArrays(backend: WasmInternals) {
  const readSync = backend.readSync.bind(backend);
  const disposeData = backend.disposeData.bind(backend);
  rawRead = (dataId) => {
    writeBack(dataId);
    return readSync(dataId) as Values;
  };
  heapOf = (dataId) => {
    const info = backend.dataIdMap.get(dataId);
    const values = handedOut.get(dataId);
    if (!info || info.memoryOffset == null || !values) return undefined;
    return new Uint8Array(backend.wasm.HEAPU8.buffer, info.memoryOffset, values.byteLength);
  };
  backend.readSync = (dataId, start, end) => {
    const info = backend.dataIdMap.get(dataId);
    if (!info || info.dtype === 'string') return readSync(dataId, start, end);
    writeBack(dataId);
    if (start || end != null) return readSync(dataId, start, end);
    let values = handedOut.get(dataId);
    if (!values) handedOut.set(dataId, (values = readSync(dataId) as Values));
    return values;
  };
  backend.disposeData = (dataId, force) => {
    const released = disposeData(dataId, force);
    if (released) handedOut.delete(dataId);
    return released;
  };
}

/**
 * Copies a handed-out array's bytes to the heap when they differ from it (compared first: a copy is rarely written).
 * Every kernel reading the tensor compares, so the comparison is memcmp (Buffer.compare), taken before learner code runs:
 * a byte loop over a training set read once cost a second over a whole course.
 */
function writeBack(dataId: object) {
  const values = handedOut.get(dataId);
  if (!values) return;
  const heap = heapOf?.(dataId);
  if (!heap) return;
  const mine = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  if (mine.length < MEMCMP_FROM ? sameBytes(mine, heap) : compareBytes(mine, heap) === 0) return;
  heap.set(mine);
  rewritten.add(dataId);
}

/** Below this many bytes a loop here beats a call into Buffer.compare. */
const MEMCMP_FROM = 512;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const compareBytes: (a: Uint8Array, b: Uint8Array) => number = Buffer.compare;

type KernelArgs = Parameters<TF.KernelFunc>[0];
type Attr = TF.NamedAttrMap[string];
type OutShape = (util: typeof TF.backend_util, inputs: Record<string, TF.TensorInfo | undefined>, attrs: Record<string, Attr>) => readonly number[] | null | undefined;

const num = (a: Attr) => a as unknown as number | [number, number];
const pad = (a: Attr) => a as unknown as 'valid' | 'same' | number;
const rounding = (a: Attr) => a as unknown as 'floor' | 'round' | 'ceil' | undefined;
const list = (a: Attr) => a as unknown as number[] | null | undefined;
const shape = (t: TF.TensorInfo | undefined) => (t ? t.shape : []);

const conv2d = (depthwise: boolean): OutShape => (util, { x, filter }, a) =>
  util.computeConv2DInfo(shape(x) as [number, number, number, number], shape(filter) as [number, number, number, number], num(a.strides), a.dilations === undefined ? 1 : num(a.dilations), pad(a.pad), rounding(a.dimRoundingMode), depthwise, util.convertConv2DDataFormat((a.dataFormat as 'NHWC' | 'NCHW' | undefined) ?? 'NHWC')).outShape;
const pool2d: OutShape = (util, { x }, a) =>
  util.computePool2DInfo(shape(x) as [number, number, number, number], num(a.filterSize), num(a.strides), 1, pad(a.pad), rounding(a.dimRoundingMode)).outShape;
const pool3d: OutShape = (util, { x }, a) =>
  util.computePool3DInfo(shape(x) as [number, number, number, number, number], a.filterSize as unknown as number, a.strides as unknown as number, 1, pad(a.pad) as 'valid', rounding(a.dimRoundingMode)).outShape;

/**
 * The output shape of kernels that slide a window or take an output size, computed as the kernels do: the WASM
 * ones must not run when it has a zero in it. Found with a course-4 mistake (a 'valid' middle convolution in a
 * residual block, on inputs smaller than its filter): XNNPACK's convolution writes outside its buffers for an
 * output of width 0, its pooling aborts, its bilinear resize fails; the next free() then finds the heap broken.
 */
const EMPTY_OUTPUT = new Map<string, OutShape>([
  ['Conv2D', conv2d(false)],
  ['FusedConv2D', conv2d(false)],
  ['DepthwiseConv2dNative', conv2d(true)],
  ['FusedDepthwiseConv2D', conv2d(true)],
  ['MaxPool', pool2d],
  ['AvgPool', pool2d],
  ['MaxPool3D', pool3d],
  ['AvgPool3D', pool3d],
  ['Conv3D', (util, { x, filter }, a) => util.computeConv3DInfo(shape(x) as [number, number, number, number, number], shape(filter) as [number, number, number, number, number], a.strides as unknown as number, a.dilations as unknown as number, pad(a.pad) as 'valid').outShape],
  ['Dilation2D', (util, { x, filter }, a) => util.computeDilation2DInfo(shape(x) as [number, number, number, number], shape(filter) as [number, number, number], num(a.strides), pad(a.pad) as 'valid', 'NHWC', num(a.dilations)).outShape],
  ['Conv2DBackpropInput', (_u, _i, a) => list(a.inputShape)],
  ['ResizeBilinear', (_u, _i, a) => list(a.size)],
  ['ResizeNearestNeighbor', (_u, _i, a) => list(a.size)],
  ['CropAndResize', (_u, _i, a) => list(a.cropSize)],
  ['Transform', (_u, _i, a) => list(a.outputShape)],
]);

/** Whether a kernel's output would hold nothing; false when its shape cannot be computed (the kernel then throws its own error). */
function outputIsEmpty(tf: typeof TF, outShape: OutShape, args: KernelArgs): boolean {
  try {
    const out = outShape(tf.backend_util, args.inputs as Record<string, TF.TensorInfo | undefined>, (args.attrs ?? {}) as Record<string, Attr>);
    return !!out && out.some((d) => !(d > 0));
  } catch {
    return false;
  }
}

/**
 * Kernels whose WASM version computes something else than the CPU one, with when:
 * max pooling's gradient goes to the last maximum of a window, not the first;
 * maximum, minimum and clipByValue drop a NaN instead of keeping it; a cast
 * to bool keeps the number (0.1 → false, 2 → 2); multinomial draws another
 * stream from the same seed.
 */
const CPU_SEMANTICS = new Map<string, (attrs: TF.NamedAttrMap | undefined) => boolean>([
  ['MaxPoolGrad', () => true],
  ['MaxPool3DGrad', () => true],
  ['MaxPoolWithArgmax', () => true],
  ['Maximum', () => true],
  ['Minimum', () => true],
  ['ClipByValue', () => true],
  ['Multinomial', () => true],
  ['Cast', (attrs) => attrs?.dtype === 'bool'],
]);

/**
 * The weights input of each kernel whose XNNPACK operator is cached by that input's tensor id, and, where not
 * every call goes through that cache, which calls do. A matMul takes XNNPACK's cached operator only without
 * transposes and with one matrix on each side (tfjs-backend-wasm's batch_mat_mul_impl.cc); the others compute
 * straight from the heap, so they need no copy and leave no cached operator behind. Course code's backward
 * passes (dW = dZ·Xᵀ) are such calls: copying X there cost ~5% of a training loop.
 */
interface Cached {
  weights: string;
  usesCache?: (inputs: Record<string, TF.TensorInfo | undefined>, attrs: TF.NamedAttrMap | undefined) => boolean;
}

const matMulUsesCache: Cached['usesCache'] = (inputs, attrs) =>
  !attrs?.transposeA && !attrs?.transposeB && oneMatrix(inputs.a) && oneMatrix(inputs.b);

/** A tensor whose dimensions before the last two multiply to 1: a matMul's batch of one. */
function oneMatrix(t: TF.TensorInfo | undefined): boolean {
  if (!t) return false;
  for (let i = 0; i < t.shape.length - 2; i++) if (t.shape[i] !== 1) return false;
  return true;
}

const CACHED_BY = new Map<string, Cached>([
  ['BatchMatMul', { weights: 'b', usesCache: matMulUsesCache }],
  ['_FusedMatMul', { weights: 'b', usesCache: matMulUsesCache }],
  ['Conv2D', { weights: 'filter' }],
  ['FusedConv2D', { weights: 'filter' }],
  ['DepthwiseConv2dNative', { weights: 'filter' }],
  ['FusedDepthwiseConv2D', { weights: 'filter' }],
]);

/** Replaces every WASM kernel by its guarded version and borrows the missing ones; before the backend starts. */
export function guardWasmKernels(tf: typeof TF, cpu: CpuBackend): void {
  const cpuKernels = new Map(tf.getKernelsForBackend('cpu').map((k) => [k.kernelName, k.kernelFunc]));
  const wasmKernels = new Map(tf.getKernelsForBackend('wasm').map((k) => [k.kernelName, k]));
  for (const [name, cpuKernel] of cpuKernels) {
    const own = wasmKernels.get(name);
    if (own) {
      tf.unregisterKernel(name, 'wasm');
      const semantics = CPU_SEMANTICS.get(name);
      const outShape = EMPTY_OUTPUT.get(name);
      const onCpuWhen = semantics ? (args: KernelArgs) => semantics(args.attrs) : outShape ? (args: KernelArgs) => outputIsEmpty(tf, outShape, args) : undefined;
      tf.registerKernel({ ...own, kernelFunc: guardKernel(own.kernelFunc, onCpu(cpuKernel, cpu), CACHED_BY.get(name), onCpuWhen) });
    } else if (!UNSUPPORTED.has(name)) {
      tf.registerKernel({ kernelName: name, backendName: 'wasm', kernelFunc: onCpu(cpuKernel, cpu) });
    }
  }
}

/** How each weights tensor was first used by a caching kernel: its shape and the kernel's attributes. */
const usedAs = new WeakMap<object, string>();

/**
 * A copy of the weights, under an id of its own, when XNNPACK's operator cached
 * for their id may not fit this call: used before in another shape or with other
 * attributes (a reshape keeps the id), or rewritten since. Otherwise undefined,
 * and the cached operator is the right one.
 */
function freshWeights(wasm: WasmBackend, w: TF.TensorInfo | undefined, attrs: TF.NamedAttrMap | undefined): TF.TensorInfo | undefined {
  if (!w) return undefined;
  const signature = signatureOf(w.shape, attrs);
  const first = usedAs.get(w.dataId);
  if (first === undefined && !rewritten.has(w.dataId)) usedAs.set(w.dataId, signature);
  else if (first === signature && !rewritten.has(w.dataId)) return undefined;
  else return wasm.makeOutput(w.shape, w.dtype, undefined, rawRead ? rawRead(w.dataId) : wasm.readSync(w.dataId));
  return undefined;
}

/**
 * A use's shape and attributes as one string, compared on every matMul and convolution: built by hand, as
 * JSON.stringify cost a tenth of a second over a course. Attribute values are numbers, strings, booleans or
 * arrays of them (explicit padding: arrays of pairs), whose String() tells them apart within a kernel's attributes.
 */
function signatureOf(shape: number[], attrs: TF.NamedAttrMap | undefined): string {
  let s = shape.join(',');
  if (attrs) for (const key in attrs) s += `|${key}=${String(attrs[key])}`;
  return s;
}

/** The WASM kernel where it is sound, the CPU one where it is not (see the top of this file). */
function guardKernel(
  wasmKernel: TF.KernelFunc,
  cpuKernel: TF.KernelFunc,
  cached: Cached | undefined,
  onCpuWhen: ((args: KernelArgs) => boolean) | undefined,
): TF.KernelFunc {
  const weights = cached?.weights;
  // Runs on every operation of every training loop: one pass over the inputs, nothing allocated.
  return (args) => {
    const inputs = args.inputs as Record<string, TF.TensorInfo | undefined>;
    let empty = false;
    for (const name in inputs) {
      const t = inputs[name];
      if (!t) continue;
      writeBack(t.dataId);
      if (!empty && t.shape.includes(0)) empty = true;
    }
    if (empty || onCpuWhen?.(args)) return cpuKernel(args);
    const wasm = args.backend as unknown as WasmBackend & { disposeData(dataId: object): void };
    const copy = weights && (!cached!.usesCache || cached!.usesCache(inputs, args.attrs)) ? freshWeights(wasm, inputs[weights], args.attrs) : undefined;
    try {
      return wasmKernel(copy ? { ...args, inputs: { ...inputs, [weights!]: copy } } : args);
    } catch {
      // What the WASM backend does not do (a dtype, an attribute), the CPU backend does, or throws its own error.
      return cpuKernel(args);
    } finally {
      if (copy) wasm.disposeData(copy.dataId);
    }
  };
}

function onCpu(kernelFunc: TF.KernelFunc, cpu: CpuBackend): TF.KernelFunc {
  return ({ inputs, attrs, backend }) => {
    const wasm = backend as unknown as WasmBackend;
    const copies: TF.TensorInfo[] = [];
    const copy = (t: TF.TensorInfo | undefined) => {
      if (!t) return t;
      const c = cpu.makeTensorInfo(t.shape, t.dtype, rawRead ? rawRead(t.dataId) : wasm.readSync(t.dataId));
      copies.push(c);
      return c;
    };
    // Some kernels (concat, addN, einsum) take a list of tensors rather than named ones.
    const cpuInputs = Array.isArray(inputs)
      ? (inputs as TF.TensorInfo[]).map(copy)
      : Object.fromEntries(Object.entries(inputs as Record<string, TF.TensorInfo | undefined>).map(([k, t]) => [k, copy(t)]));
    try {
      const out = kernelFunc({ inputs: cpuInputs as TF.NamedTensorInfoMap, attrs, backend: cpu });
      const outs = Array.isArray(out) ? out : [out];
      const back = outs.map((o) => {
        const values = cpu.readSync(o.dataId);
        cpu.disposeData(o.dataId);
        return wasm.makeOutput(o.shape, o.dtype, undefined, values);
      });
      return Array.isArray(out) ? back : back[0]!;
    } finally {
      for (const c of copies) cpu.disposeData(c.dataId);
    }
  };
}
