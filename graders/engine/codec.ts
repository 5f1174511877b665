import type * as TF from '@tensorflow/tfjs';
import { nd, isNdArray, typedNdArray, type DType } from './ndarray';
import { isExportRef, isOpaque, opaque, type Value } from './values';

type Tf = typeof TF;

/**
 * Turns grader values into what learner functions take: NdArrays become
 * tensors, and a reference to an export (values.ts exportRef) the module's own
 * function, looked up with `exported`.
 */
export function toTf(v: Value, tf: Tf, exported: (name: string) => unknown = () => undefined): unknown {
  if (isNdArray(v)) return tf.tensor(v.data, v.shape, v.dtype);
  if (Array.isArray(v)) return v.map((x) => toTf(x, tf, exported));
  if (isOpaque(v)) throw new Error(`cannot pass ${v.description} to a learner function`);
  if (isExportRef(v)) {
    const f = exported(v.name);
    if (typeof f !== 'function') throw new Error(`this call passes your function ${v.name}, but the file does not export a function named ${v.name}`);
    return f;
  }
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toTf(x, tf, exported)]));
  }
  return v;
}

const MAX_DEPTH = 8;
export const MAX_ELEMENTS = 5_000_000;
/** The longest record key a value may carry (keys are names: "W1", "dA_prev", "trainError"). */
export const MAX_KEY_CHARS = 200;
/**
 * Plain (non-tensor) values beyond these sizes are described, not sent: the
 * grader would refuse them (they sit below wire.schema.json's and wire.ts's limits).
 */
const MAX_ITEMS = 100_000;
const MAX_KEYS = 10_000;
const MAX_STRING = 100_000;
const MAX_PARTS = 50_000;

/**
 * Turns whatever a learner function returned into a Value. Never throws: a thing
 * that cannot be read (a Proxy that lies, a getter that throws, a cycle) becomes
 * an Opaque with a description the report can show.
 */
export function fromTf(v: unknown, tf: Tf, typedData = false): Value {
  // The objects being walked into: meeting one again below itself is a cycle; meeting it elsewhere is sharing, which is fine.
  const ancestors = new Set<unknown>();
  let parts = 0;
  const walk = (x: unknown, depth: number): Value => {
    try {
      if (++parts > MAX_PARTS) return opaque(`a value with more than ${MAX_PARTS} parts, too large to check`);
      if (typeof x === 'string') return x.length > MAX_STRING ? opaque(`a string of ${x.length} characters, too long to check`) : x;
      if (x === null || x === undefined || typeof x === 'number' || typeof x === 'boolean') return x;
      if (typeof x === 'bigint') return opaque(`a bigint ${String(x).slice(0, 40)}`);
      if (typeof x === 'function') return opaque(`a function${x.name ? ` named ${String(x.name).slice(0, 60)}` : ''}`);
      if (typeof x !== 'object') return opaque(`a ${typeof x}`);
      if (x instanceof tf.Tensor) return readTensor(x, typedData);
      if (ancestors.has(x)) return opaque('a reference back to an enclosing object (a cycle)');
      if (depth >= MAX_DEPTH) return opaque('an object nested too deeply');
      if (x instanceof Promise) return opaque('a Promise (did you forget an await, or return the promise of an async call?)');
      // Usually dataSync()'s result, returned as it is: neither a tensor nor a number, and the fix depends on which was asked for.
      if (ArrayBuffer.isView(x)) {
        return opaque(`a ${String(x.constructor.name).slice(0, 40)} (what dataSync() gives): where a tensor is asked for, return the tensor itself (or tf.tensor(…) of the array); where a number is, one entry of it (for example tensor.dataSync()[0])`);
      }
      if (x instanceof Map) return opaque('a Map (use a plain object)');
      if (Array.isArray(x)) {
        if (x.length > MAX_ITEMS) return opaque(`a plain array of ${x.length} items, too large to check (return a tensor)`);
        ancestors.add(x);
        try {
          return Array.from(x, (item) => walk(item, depth + 1));
        } finally {
          ancestors.delete(x);
        }
      }
      const proto = Object.getPrototypeOf(x);
      if (proto !== Object.prototype && proto !== null) {
        return opaque(`an instance of ${String(proto?.constructor?.name ?? 'an unknown class').slice(0, 60)}`);
      }
      const keys = Object.keys(x);
      if (keys.length > MAX_KEYS) return opaque(`an object with ${keys.length} keys, too large to check`);
      // Messages name a record's keys: one of millions of characters would fill the report (and the grader's memory).
      const long = keys.find((k) => k.length > MAX_KEY_CHARS);
      if (long !== undefined) return opaque(`an object with a key of ${long.length} characters, too long to check`);
      ancestors.add(x);
      try {
        return Object.fromEntries(keys.map((k) => [k, walk((x as Record<string, unknown>)[k], depth + 1)]));
      } finally {
        ancestors.delete(x);
      }
    } catch (err) {
      let why: string;
      try {
        why = String((err as Error)?.message ?? err);
      } catch {
        why = 'reading it threw';
      }
      return opaque(`a value that could not be read (${why.slice(0, 200)})`);
    }
  };
  return walk(v, 0);
}

/** `typedData`: keep dataSync()'s typed array (ndarray.ts typedNdArray), for a sandbox that only sends it on. */
function readTensor(t: TF.Tensor, typedData: boolean): Value {
  if (t.isDisposed) return opaque('a tensor that was already disposed (by your code, or, if an earlier call made it and your file kept it, when that call ended)');
  const shape = [...t.shape];
  if (!shape.every((d) => Number.isInteger(d) && d >= 0)) return opaque('a tensor with an invalid shape');
  const size = shape.reduce((a, b) => a * b, 1);
  if (size > MAX_ELEMENTS) return opaque(`a tensor of shape [${shape.join(', ')}], too large to check`);
  const dtype = t.dtype;
  if (dtype !== 'float32' && dtype !== 'int32' && dtype !== 'bool') return opaque(`a ${dtype} tensor`);
  const data = t.dataSync() as Float32Array | Int32Array | Uint8Array;
  if (data.length !== size) return opaque(`a tensor whose data (${data.length} values) does not fit its shape`);
  return typedData ? typedNdArray(data, shape, dtype as DType) : nd(data, shape, dtype as DType);
}
