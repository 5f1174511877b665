import { isNdArray, type NdArray } from './ndarray';

/**
 * What crosses the boundary between learner code and the grader: function
 * arguments, return values and fixture contents. Tensors travel as NdArrays;
 * anything that cannot travel (a function, a cycle, a Proxy that throws) arrives
 * as an Opaque description so the grader can say what it got.
 */
export type Value = NdArray | Opaque | ExportRef | number | string | boolean | null | undefined | Value[] | ValueRecord;
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

/**
 * A function of the module being called, passed by its exported name: functions
 * cannot cross into the sandbox, names can. The course passes its own schedules
 * to `model(…, decay = update_lr)`; a check passes `exportRef('updateLr')`, and
 * the learner's function receives the learner's updateLr (the reference solution
 * its own).
 */
export interface ExportRef {
  readonly kind: 'export';
  readonly name: string;
}

export function exportRef(name: string): ExportRef {
  return { kind: 'export', name };
}

export function isExportRef(v: unknown): v is ExportRef {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'export' && typeof (v as { name?: unknown }).name === 'string';
}

export function isRecord(v: Value): v is ValueRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isNdArray(v) && !isOpaque(v) && !isExportRef(v);
}

/** A one-line description of a value's type, for messages ("a tensor of shape [2, 3]", "undefined"). */
export function describeValue(v: Value): string {
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  if (isNdArray(v)) return `a ${v.dtype} tensor of shape [${v.shape.join(', ')}]`;
  if (isOpaque(v)) return v.description;
  if (isExportRef(v)) return `your function ${v.name}`;
  if (Array.isArray(v)) return `a plain array of length ${v.length}`;
  if (typeof v === 'object') {
    const keys = Object.keys(v);
    return keys.length === 0 ? 'an empty object' : `an object with keys ${keyList(keys)}`;
  }
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return `the ${typeof v} ${String(v)}`;
}

/**
 * A record's keys as a message lists them: the first few, each cut short (a learner's record may hold anything:
 * 10,000 keys of 199 characters once made every report of one learner 18 MB).
 */
export function keyList(keys: readonly string[]): string {
  const shown = keys.slice(0, 12).map((k) => (k.length > 40 ? `${k.slice(0, 40)}…` : k));
  return keys.length > shown.length ? `${shown.join(', ')} and ${keys.length - shown.length} more` : shown.join(', ');
}
