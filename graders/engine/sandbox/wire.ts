/**
 * The sandbox's wire format: length-prefixed frames over a pipe, JSON for the
 * structure and one binary section for tensor data.
 *
 *   frame = u32 bodyLength | u32 jsonLength | JSON (UTF-8) | padding to 4 | binary
 *
 * The grader reads what the child sends as hostile data: a frame longer than
 * the limit is refused before it is buffered, and a frame is parsed, checked
 * against the wire schema and its tensors' bounds before any Value is made.
 * JSON cannot carry undefined, NaN or ±Infinity, and a record could carry a key
 * named "kind", so every non-JSON value travels as a tagged object.
 */
import { isNdArray, typedNdArray, type DType } from '../ndarray';
import { isExportRef, isOpaque, type Value } from '../values';

/** The largest frame either side accepts (a 5M-element tensor is 20 MB). */
export const MAX_FRAME_BYTES = 48 * 1024 * 1024;
/**
 * How deeply a message's JSON may nest (values nest 8 deep at most, and each
 * record level is two JSON levels), and how many nodes one message may hold.
 */
export const MAX_DEPTH = 40;
export const MAX_NODES = 1_000_000;

export class WireError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WireError';
  }
}

/** A value in its JSON form. */
type WireValue =
  | number
  | string
  | boolean
  | null
  | WireValue[]
  | { kind: 'undefined' }
  | { kind: 'number'; value: 'NaN' | 'Infinity' | '-Infinity' | '-0' }
  | { kind: 'opaque'; description: string }
  | { kind: 'export'; name: string }
  | { kind: 'record'; fields: Record<string, WireValue> }
  | { kind: 'ndarray'; shape: number[]; dtype: DType; offset: number; length: number };

/** What a sender's Value may hold for tensor data: plain numbers or a typed array. */
type Chunk = { dtype: DType; data: ArrayLike<number> };

/**
 * Taken when this module loads, which in the sandbox is before any learner code: the runner's frames are made with
 * these alone, so built-ins learner code replaces later (JSON.stringify, Buffer's methods, Function.prototype.call)
 * never see a frame, its reply token (protocol.ts) or its status on the way out. What remains reachable, the typed
 * arrays' accessors, the lock-down makes unchangeable (lockdown.ts sealSendPath).
 */
const sealed = (() => {
  const uncurry = <A extends unknown[], R>(f: (...a: A) => R) => Function.prototype.call.bind(f) as unknown as (self: unknown, ...a: A) => R;
  const encoder = new TextEncoder();
  const encode = uncurry(TextEncoder.prototype.encode);
  const decoder = new TextDecoder();
  const decode = uncurry(TextDecoder.prototype.decode);
  const typedArray = Object.getPrototypeOf(Uint8Array.prototype) as Uint8Array;
  const bufferFrom = uncurry(Buffer.from as (buffer: ArrayBufferLike, offset: number, length: number) => Buffer);
  return {
    stringify: JSON.stringify,
    parse: JSON.parse,
    utf8: (text: string) => encode(encoder, text),
    text: (bytes: Uint8Array) => decode(decoder, bytes),
    set: uncurry(typedArray.set as (source: ArrayLike<number>, offset: number) => void),
    subarray: uncurry(typedArray.subarray as (start: number, end?: number) => Uint8Array),
    fill: uncurry(typedArray.fill as (value: number, start?: number, end?: number) => Uint8Array),
    /** A Buffer over these bytes, sharing their memory (not a copy in Node's shared pool). */
    buffer: (bytes: Uint8Array) => bufferFrom(Buffer, bytes.buffer, bytes.byteOffset, bytes.byteLength),
    Bytes: Uint8Array,
    Floats: Float32Array,
    Ints: Int32Array,
    create: Object.create,
    keys: Object.keys,
  };
})();

/**
 * Encodes a message whose Values sit at the paths the caller marks with
 * `wireValue(...)`; everything else in the message must be plain JSON.
 */
export function encodeFrame(message: unknown): Uint8Array {
  const chunks: Chunk[] = [];
  let binaryLength = 0;
  const toWire = (v: Value): WireValue => {
    if (v === undefined) return { kind: 'undefined' };
    if (typeof v === 'number') {
      if (Number.isNaN(v)) return { kind: 'number', value: 'NaN' };
      if (v === Infinity) return { kind: 'number', value: 'Infinity' };
      if (v === -Infinity) return { kind: 'number', value: '-Infinity' };
      if (Object.is(v, -0)) return { kind: 'number', value: '-0' };
      return v;
    }
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (isNdArray(v)) {
      const offset = binaryLength;
      chunks.push({ dtype: v.dtype, data: v.data });
      binaryLength += 4 * v.data.length;
      return { kind: 'ndarray', shape: [...v.shape], dtype: v.dtype, offset, length: v.data.length };
    }
    if (isOpaque(v)) return { kind: 'opaque', description: v.description };
    if (isExportRef(v)) return { kind: 'export', name: v.name };
    if (Array.isArray(v)) return v.map(toWire);
    return { kind: 'record', fields: Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toWire(x)])) };
  };
  const json = sealed.utf8(sealed.stringify(message, (_key, x: unknown) => (x instanceof WireValueBox ? toWire(x.value) : x)));
  const pad = (4 - (json.length % 4)) % 4;
  const body = 4 + json.length + pad + binaryLength;
  if (body > MAX_FRAME_BYTES) throw new WireError(`a message of ${mb(body)} is over the ${mb(MAX_FRAME_BYTES)} limit`);
  const frame = new sealed.Bytes(4 + body);
  putUint32(frame, 0, body);
  putUint32(frame, 4, json.length);
  sealed.set(frame, json, 8);
  let at = 8 + json.length + pad;
  for (const c of chunks) {
    // Data already in its wire form (a sandbox's TypedNdArray) is copied once, straight into the frame.
    const view =
      c.dtype === 'float32' ? (c.data instanceof sealed.Floats ? c.data : new sealed.Floats(c.data)) : c.data instanceof sealed.Ints ? c.data : new sealed.Ints(c.data);
    sealed.set(frame, new sealed.Bytes(view.buffer, view.byteOffset, view.byteLength), at);
    at += view.byteLength;
  }
  return frame;
}

/** Little-endian, byte by byte: no method of a prototype involved. */
function putUint32(bytes: Uint8Array, at: number, n: number): void {
  bytes[at] = n & 0xff;
  bytes[at + 1] = (n >>> 8) & 0xff;
  bytes[at + 2] = (n >>> 16) & 0xff;
  bytes[at + 3] = (n >>> 24) & 0xff;
}

/**
 * A message object whose own properties are exactly these, with no prototype: JSON.stringify finds no toJSON on it,
 * whatever learner code added to Object.prototype.
 */
export function bare<T extends object>(fields: T): T {
  const o = sealed.create(null) as T;
  for (const k of sealed.keys(fields) as (keyof T)[]) o[k] = fields[k];
  return o;
}

/** Marks a Value inside a message for encodeFrame (JSON.stringify cannot tell a Value from plain data). */
class WireValueBox {
  constructor(readonly value: Value) {}
}
export function wireValue(v: Value): unknown {
  return new WireValueBox(v);
}

export interface Frame {
  json: unknown;
  binary: Buffer;
}

/**
 * Splits a byte stream into frames. `push` throws a WireError as soon as a
 * frame announces more than the limit, before the rest of it is read.
 *
 * Nothing is copied into Node's shared Buffer pool (Buffer.concat and
 * Buffer.from of a small buffer do), which learner code in the sandbox reads
 * through `Buffer.allocUnsafe(1).buffer`: it once found there the request
 * being served and those queued after it, with their reply tokens. Each copy
 * is a Uint8Array of its own, made with the intrinsics taken when this module
 * loaded; with `wipe`, every byte pushed is zeroed once its frame is read.
 */
export class FrameReader {
  private buffered: Uint8Array[] = [];
  private length = 0;

  constructor(
    private readonly maxBytes = MAX_FRAME_BYTES,
    private readonly wipe = false,
  ) {}

  push(bytes: Uint8Array): Frame[] {
    this.buffered.push(bytes);
    this.length += bytes.length;
    const frames: Frame[] = [];
    for (;;) {
      if (this.length < 4) break;
      const body = getUint32(this.buffered[0]!.length >= 4 ? this.buffered[0]! : this.joined(), 0);
      if (body > this.maxBytes) throw new WireError(`a message of ${mb(body)} is over the ${mb(this.maxBytes)} limit`);
      if (body < 4) throw new WireError('a message too short to be one');
      if (this.length < 4 + body) break;
      const all = this.joined();
      const end = 4 + body;
      const rest = this.length - end;
      this.buffered = rest ? [this.copy(all, end, this.length)] : [];
      this.length = rest;
      try {
        const jsonLength = getUint32(all, 4);
        if (jsonLength > body - 4) throw new WireError('a message whose parts do not add up');
        const pad = (4 - (jsonLength % 4)) % 4;
        let json: unknown;
        try {
          json = sealed.parse(sealed.text(sealed.subarray(all, 8, 8 + jsonLength)));
        } catch {
          throw new WireError('a message that is not valid JSON');
        }
        frames.push({ json, binary: sealed.buffer(this.copy(all, 4 + Math.min(body, 4 + jsonLength + pad), end)) });
      } finally {
        if (this.wipe) sealed.fill(all, 0);
      }
    }
    return frames;
  }

  /** The bytes buffered, as one array (a new one for several, the old ones wiped). */
  private joined(): Uint8Array {
    if (this.buffered.length === 1) return this.buffered[0]!;
    const all = new sealed.Bytes(this.length);
    let at = 0;
    // An indexed loop: learner code in the sandbox may have replaced the array iterator.
    for (let i = 0; i < this.buffered.length; i++) {
      const chunk = this.buffered[i]!;
      sealed.set(all, chunk, at);
      at += chunk.length;
      if (this.wipe) sealed.fill(chunk, 0);
    }
    this.buffered = [all];
    return all;
  }

  /** bytes[start, end) in an array of their own. */
  private copy(bytes: Uint8Array, start: number, end: number): Uint8Array {
    const out = new sealed.Bytes(end - start);
    sealed.set(out, sealed.subarray(bytes, start, end), 0);
    return out;
  }
}

/**
 * A copy of the first n bytes of a read buffer, in an array of its own (not in Node's shared Buffer pool), the
 * buffer wiped: what the sandbox's runner hands a FrameReader after each read.
 */
export function takeBytes(from: Uint8Array, n: number): Uint8Array {
  const out = new sealed.Bytes(n);
  sealed.set(out, sealed.subarray(from, 0, n), 0);
  sealed.fill(from, 0, 0, n);
  return out;
}

/** Little-endian, byte by byte: no method of a prototype involved. */
function getUint32(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}

/**
 * Checks the shape of parsed JSON without recursion (a hostile message may nest
 * a million levels deep): at most MAX_DEPTH levels and MAX_NODES nodes.
 */
export function assertBounded(json: unknown): void {
  const stack: [unknown, number][] = [[json, 0]];
  let nodes = 0;
  while (stack.length) {
    const [x, depth] = stack.pop()!;
    if (++nodes > MAX_NODES) throw new WireError(`a message with more than ${MAX_NODES} parts`);
    if (x === null || typeof x !== 'object') continue;
    if (depth >= MAX_DEPTH) throw new WireError('a message nested too deeply');
    for (const child of Array.isArray(x) ? x : Object.values(x)) stack.push([child, depth + 1]);
  }
}

/**
 * Turns a wire value (already checked against the schema) into a Value,
 * reading tensor data from the frame's binary section within its bounds.
 * `typedData`: tensor data stays in the typed array it was read into instead of
 * becoming a number[] (see TypedNdArray): for the sandbox, which only hands it
 * to tf.tensor.
 */
/** The `kind`s that mark the grader's own values (ndarray.ts, values.ts), which no record may pass for. */
const VALUE_KINDS = new Set(['ndarray', 'opaque', 'export']);

export function fromWire(w: unknown, binary: Buffer, maxElements: number, typedData = false): Value {
  const walk = (x: unknown): Value => {
    if (x === null || typeof x === 'number' || typeof x === 'string' || typeof x === 'boolean') return x;
    if (Array.isArray(x)) return x.map(walk);
    const o = x as { kind: string } & Record<string, unknown>;
    switch (o.kind) {
      case 'undefined':
        return undefined;
      case 'number':
        return o.value === 'NaN' ? NaN : o.value === 'Infinity' ? Infinity : o.value === '-Infinity' ? -Infinity : -0;
      case 'opaque':
        return { kind: 'opaque', description: String(o.description) };
      // Grader to sandbox only: wire.schema.json refuses it from a sandbox.
      case 'export':
        return { kind: 'export', name: String(o.name) };
      case 'record': {
        const fields = o.fields as Record<string, unknown>;
        // A record whose `kind` field names one of the grader's own values would read as that value: a tensor whose
        // data was never checked against its shape ({ kind: 'ndarray', shape, data: [] }), an opaque value, a
        // reference to a function.
        if (typeof fields.kind === 'string' && VALUE_KINDS.has(fields.kind)) return { kind: 'opaque', description: `a record with kind "${fields.kind}"` };
        return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, walk(v)]));
      }
      case 'ndarray':
        return readArray(o as unknown as { shape: number[]; dtype: DType; offset: number; length: number }, binary, maxElements, typedData);
      default:
        throw new WireError(`an unknown value kind "${String(o.kind).slice(0, 40)}"`);
    }
  };
  return walk(w);
}

function readArray(a: { shape: number[]; dtype: DType; offset: number; length: number }, binary: Buffer, maxElements: number, typedData: boolean): Value {
  const size = a.shape.reduce((p, d) => p * d, 1);
  if (size !== a.length) throw new WireError(`a tensor of shape [${a.shape.join(', ')}] with ${a.length} values`);
  if (size > maxElements) return { kind: 'opaque', description: `a tensor of shape [${a.shape.join(', ')}], too large to check` };
  const bytes = 4 * a.length;
  if (a.offset % 4 !== 0 || a.offset + bytes > binary.length) throw new WireError('a tensor whose data lies outside its message');
  const data = typedData ? typedCopy(a, binary) : numbersOf(a, binary);
  if (a.dtype === 'bool' && data.some((v) => v !== 0 && v !== 1)) throw new WireError('a bool tensor holding values other than 0 and 1');
  if (typedData) return typedNdArray(data as Float32Array | Int32Array, a.shape, a.dtype);
  return { kind: 'ndarray', shape: [...a.shape], dtype: a.dtype, data: data as number[] };
}

/** The tensor's data as a typed array of its own (the frame's buffer is not kept). */
function typedCopy(a: { dtype: DType; offset: number; length: number }, binary: Buffer): Float32Array | Int32Array {
  const copy = new ArrayBuffer(4 * a.length);
  binary.copy(new Uint8Array(copy), 0, a.offset, a.offset + 4 * a.length);
  return a.dtype === 'float32' ? new Float32Array(copy) : new Int32Array(copy);
}

// encodeFrame writes typed arrays' memory as it is: read it back in this machine's byte order.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The tensor's data as numbers, read straight from the frame: no typed array in between, which for the many
 * small tensors of a grade cost more than the reading (an ArrayBuffer each, and Array.from over an iterator).
 */
function numbersOf(a: { dtype: DType; offset: number; length: number }, binary: Buffer): number[] {
  const data: number[] = [];
  const float = a.dtype === 'float32';
  for (let i = 0, at = a.offset; i < a.length; i++, at += 4) {
    data.push(float ? (LITTLE_ENDIAN ? binary.readFloatLE(at) : binary.readFloatBE(at)) : LITTLE_ENDIAN ? binary.readInt32LE(at) : binary.readInt32BE(at));
  }
  return data;
}

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
