/**
 * The contract every learner call keeps: the tensors it is given are still
 * alive and unchanged when it returns. TensorFlow.js tensors are immutable
 * through its API, but a function can dispose one, or write into the array
 * `dataSync()` hands back (on the CPU backend, the tensor's own storage).
 * Either breaks whatever uses that tensor next — in the course, the cache or
 * parameters a later exercise reads — so it fails the call that did it, with
 * a message saying what, instead of a puzzling failure somewhere later.
 *
 * The sandbox computes on the WebAssembly backend, whose dataSync() hands back
 * a copy: writing into it changes nothing there, but would corrupt the tensor
 * on the CPU backend the course's code runs on elsewhere. So the arrays an
 * argument's dataSync() and data() hand out during the call are kept, and a
 * write into one counts as a change in place, whichever backend runs.
 */
import type * as TF from '@tensorflow/tfjs';

type Values = Float32Array | Int32Array | Uint8Array;

interface WatchedTensor {
  kind: 'tensor';
  where: string;
  tensor: TF.Tensor;
  shape: number[];
  before: Values;
  /** The arrays the tensor's dataSync() and data() handed out during the call. */
  handedOut: Values[];
}

/** A record or array among the arguments, with what it held (watched only where records must stay unchanged). */
interface WatchedRecord {
  kind: 'record';
  where: string;
  record: object;
  entries: [string, unknown][];
}

type Watched = WatchedTensor | WatchedRecord;

/** Where an argument sits, as the learner would name it: "argument 2", "argument 2 (key W1)", "argument 1 (item 0, key W)". */
function describe(index: number, path: string[]): string {
  return path.length ? `argument ${index + 1} (${path.join(', ')})` : `argument ${index + 1}`;
}

/**
 * Copies of every tensor among the arguments, taken before the call; with `records`, also what each record and
 * array among them holds (an assignment whose instructions say functions return new records and leave their
 * arguments unchanged: a key reassigned, added or removed, an item replaced, is then a change in place too).
 */
export function watchArguments(tf: typeof TF, args: unknown[], records: boolean | 'records' = false): Watched[] {
  const out: Watched[] = [];
  const seen = new Set<unknown>();
  const walk = (v: unknown, index: number, path: string[]) => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (v instanceof tf.Tensor) {
      if (v.dtype === 'string' || v.dtype === 'complex64') return;
      const watched: WatchedTensor = { kind: 'tensor', where: describe(index, path), tensor: v, shape: [...v.shape], before: (v.dataSync() as Values).slice(), handedOut: [] };
      keepHandedOut(v, watched.handedOut);
      out.push(watched);
      return;
    }
    // 'records': plain records only; a list may be reordered in place (AssignmentDef.argumentsUnchanged).
    if (records === true || (records === 'records' && !Array.isArray(v))) out.push({ kind: 'record', where: describe(index, path), record: v, entries: Object.entries(v) });
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, index, [...path, `item ${i}`]));
    else for (const [k, x] of Object.entries(v)) walk(x, index, [...path, `key ${k}`]);
  };
  args.forEach((a, i) => walk(a, i, []));
  return out;
}

/** Makes this one tensor's dataSync() and data() remember the arrays they return (own properties, gone with the call's tensors). */
function keepHandedOut(t: TF.Tensor, into: Values[]) {
  const dataSync = t.dataSync;
  const data = t.data;
  Object.defineProperty(t, 'dataSync', {
    configurable: true,
    value: function (this: TF.Tensor) {
      const values = dataSync.call(this) as Values;
      into.push(values);
      return values;
    },
  });
  Object.defineProperty(t, 'data', {
    configurable: true,
    value: async function (this: TF.Tensor) {
      const values = (await data.call(this)) as Values;
      into.push(values);
      return values;
    },
  });
}

/** What the call did to its arguments: nothing (an empty list), or a sentence per tensor disposed or changed. */
export function brokenArguments(watched: Watched[]): string[] {
  const problems: string[] = [];
  for (const w of watched) {
    if (w.kind === 'record') {
      const change = recordChange(w);
      if (change) problems.push(`it changed ${w.where}, a ${Array.isArray(w.record) ? 'list' : 'record'} it was given, in place (${change})`);
      continue;
    }
    if (w.tensor.isDisposed) {
      problems.push(`it disposed ${w.where}, a tensor it was given`);
      continue;
    }
    if (w.tensor.shape.length !== w.shape.length || w.tensor.shape.some((d, k) => d !== w.shape[k])) {
      problems.push(`it changed the shape of ${w.where} from [${w.shape.join(', ')}] to [${w.tensor.shape.join(', ')}]`);
      continue;
    }
    for (const now of [w.tensor.dataSync() as Values, ...w.handedOut]) {
      const i = firstChange(w.before, now);
      if (i >= 0) {
        problems.push(`it changed ${w.where} in place (element ${i} was ${w.before[i]}, is now ${now[i]})`);
        break;
      }
    }
  }
  return problems;
}

function firstChange(before: Values, now: Values): number {
  if (now.length !== before.length) return 0;
  return before.findIndex((x, k) => !Object.is(x, now[k]) && !(Number.isNaN(x) && Number.isNaN(now[k]!)));
}

/** How a record or array differs from what it held before the call (undefined when it does not). */
function recordChange(w: WatchedRecord): string | undefined {
  const item = (k: string) => (Array.isArray(w.record) ? `item ${k}` : `key ${k}`);
  const now = new Map(Object.entries(w.record));
  for (const [k, before] of w.entries) {
    if (!now.has(k)) return `${item(k)} was removed`;
    if (!Object.is(now.get(k), before)) return `${item(k)} now holds another value`;
  }
  const before = new Set(w.entries.map(([k]) => k));
  const added = [...now.keys()].find((k) => !before.has(k));
  return added === undefined ? undefined : `${item(added)} was added`;
}
