import { isNdArray, type NdArray } from './ndarray';

/**
 * What crosses the boundary between learner code and the grader: function
 * arguments, return values and fixture contents. Tensors travel as NdArrays;
 * anything that cannot travel (a function, a cycle, a Proxy that throws) arrives
 * as an Opaque description so the grader can say what it got.
 */
export type Value = NdArray | Opaque | number | string | boolean | null | undefined | Value[] | ValueRecord;
export interface ValueRecord {
  [key: string]: Value;
}

export interface Opaque {
  readonly kind: 'opaque';
  readonly description: string;
}

export function opaque(description: string): Opaque {
  return { kind: 'opaque', description };
}

export function isOpaque(v: unknown): v is Opaque {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'opaque';
}

export function isRecord(v: Value): v is ValueRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isNdArray(v) && !isOpaque(v);
}

/** A one-line description of a value's type, for messages ("a tensor of shape [2, 3]", "undefined"). */
export function describeValue(v: Value): string {
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  if (isNdArray(v)) return `a ${v.dtype} tensor of shape [${v.shape.join(', ')}]`;
  if (isOpaque(v)) return v.description;
  if (Array.isArray(v)) return `a plain array of length ${v.length}`;
  if (typeof v === 'object') {
    const keys = Object.keys(v);
    return keys.length === 0 ? 'an empty object' : `an object with keys ${keys.join(', ')}`;
  }
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return `the ${typeof v} ${String(v)}`;
}
