/**
 * Mistakes the grader derives from a case's own arguments, with no hand-written
 * mutant: the reference solution run on transformed arguments shows what a
 * learner who made that mistake would return (issue #16).
 *
 * - swap: two top-level arguments of the same kind and shape exchanged
 *   (linearForward(W, A, b) for (A, W, b));
 * - cache-entry: one entry of a cache read where another of the same shape
 *   belongs (cache.Z1 for cache.A1), in every layer's cache alike when the
 *   argument is a list of per-layer caches;
 * - stale-cache: in a list of per-layer caches, layer l's cache replaced by its
 *   neighbour's (l − 1 or l + 1) when their shapes agree.
 *
 * This module only builds the transformed arguments and their hints; running
 * them and choosing which to keep is fixtures.ts's and mistake-selection.ts's job.
 */
import { isNdArray, sameShape, type NdArray } from './ndarray';
import type { Labels, ParamInfo } from './param-names';
import { isRecord, type Value } from './values';

/** 'order' comes from the solution's source instead (order-mistakes.ts). */
export type GeneratedKind = 'swap' | 'cache-entry' | 'stale-cache' | 'order';

export interface Variant {
  kind: GeneratedKind;
  /** Names the transformation; the same transformation has the same hint on every case of a check. */
  hint: string;
  args: Value[];
  /** Lower first: the order variants are tried and kept in when there are too many. */
  priority: number[];
}

/**
 * Integers are swapped only from 1 to below this size, and only when neither is more than MAX_INTEGER_RATIO
 * times the other. The reference runs in this process and cannot be stopped: a count or step of 0 could
 * loop for ever, and a swap multiplies a loop's length by the ratio (2 epochs of batches of 24 become 24
 * epochs of batches of 2); a large integer is also likely a seed.
 */
const MAX_SWAPPED_INTEGER = 1000;
const MAX_INTEGER_RATIO = 10;

/** Every variant of a case's arguments, most plausible first. `params` names the function's parameters (may be empty). */
export function variantsOf(args: Value[], params: ParamInfo[]): Variant[] {
  const name = (i: number) => params[i]?.name || undefined;
  const variants = [...swaps(args, name), ...args.flatMap((a, i) => (/cache/i.test(name(i) ?? '') ? cacheVariants(args, i, params[i]!) : []))];
  return variants.map((v, order) => ({ v, order })).sort((a, b) => compareLex(a.v.priority, b.v.priority) || a.order - b.order).map(({ v }) => v);
}

// ------------------------------------------------------------------------------------------------- swaps

function swaps(args: Value[], name: (i: number) => string | undefined): Variant[] {
  const out: Variant[] = [];
  for (let i = 0; i < args.length; i++) {
    for (let j = i + 1; j < args.length; j++) {
      const a = name(i);
      const b = name(j);
      // A seed is not a quantity: no one writes it where a size or a bound belongs, whatever its value.
      if (!swappable(args[i]!, args[j]!) || isSeed(a) || isSeed(b)) continue;
      const swapped = [...args];
      [swapped[i], swapped[j]] = [args[j]!, args[i]!];
      const what = a && b ? `the arguments \`${a}\` and \`${b}\` are` : `arguments ${i + 1} and ${j + 1} are`;
      out.push({ kind: 'swap', hint: `${what} swapped: each is used where the other belongs.`, args: swapped, priority: [0, j - i] });
    }
  }
  return out;
}

function isSeed(name: string | undefined): boolean {
  return name !== undefined && /seed/i.test(name);
}

/** The same kind and shape, and not equal (swapping equal values changes nothing). */
function swappable(a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === b || !Number.isFinite(a) || !Number.isFinite(b)) return false;
    const ints = Number.isInteger(a) && Number.isInteger(b);
    // A rate and a count swapped is not a slip of the same kind.
    if (Number.isInteger(a) !== Number.isInteger(b)) return false;
    return !ints || (Math.min(a, b) >= 1 && Math.max(a, b) < MAX_SWAPPED_INTEGER && Math.max(a, b) <= MAX_INTEGER_RATIO * Math.min(a, b));
  }
  if (typeof a === 'string' && typeof b === 'string') return a !== b;
  if (isNdArray(a) && isNdArray(b)) return sameTensorShape(a, b) && !sameValues(a, b);
  // Two caches, two sets of gradients: containers of tensors with the same keys and shapes.
  if ((Array.isArray(a) || isRecord(a)) && onlyTensors(a)) return shapeSig(a) === shapeSig(b) && !sameValues(a, b);
  return false;
}

// ------------------------------------------------------------------------------------------------- caches

type Path = (string | number)[];

interface Leaf {
  /** Relative to its unit (a per-layer cache, or the whole argument). */
  path: Path;
  order: number;
}

/** A place caches sit: the whole argument, or a list of per-layer caches inside it. */
interface Unit {
  /** Where the list is (for a per-layer list), or [] for the whole argument. */
  at: Path;
  perLayer: boolean;
}

function cacheVariants(args: Value[], index: number, param: ParamInfo): Variant[] {
  const arg = args[index]!;
  if (!(Array.isArray(arg) || isRecord(arg))) return [];
  const lists = layerLists(arg, []);
  const units: Unit[] = [{ at: [], perLayer: false }, ...lists.map((at) => ({ at, perLayer: true }))];
  const out: Variant[] = [];
  const withArg = (v: Value) => args.map((a, i) => (i === index ? v : a));
  const show = (p: Path) => showPath(param.name, p, param.labels);
  for (const unit of units) {
    const instances = unit.perLayer ? (get(arg, unit.at) as Value[]).map((_, l) => [...unit.at, l]) : [[]];
    const leaves = unitLeaves(get(arg, instances[0]!), unit.perLayer ? [] : lists);
    const prefix = unit.perLayer ? [...unit.at, 'i'] : [];
    for (const x of leaves) {
      for (const y of leaves) {
        if (x === y) continue;
        // Every layer's cache must allow it: a real mistake in a loop reads the wrong entry in every layer.
        const fits = instances.every((at) => {
          const [vx, vy] = [get(arg, [...at, ...x.path]), get(arg, [...at, ...y.path])];
          return isNdArray(vx) && isNdArray(vy) && sameTensorShape(vx, vy);
        });
        if (!fits || instances.every((at) => sameValues(get(arg, [...at, ...x.path]), get(arg, [...at, ...y.path])))) continue;
        let changed: Value = arg;
        for (const at of instances) changed = set(changed, [...at, ...x.path], get(arg, [...at, ...y.path]));
        const [px, py] = [show([...prefix, ...x.path]), show([...prefix, ...y.path])];
        const each = unit.perLayer ? ", in every layer's (or time step's) cache" : '';
        out.push({
          kind: 'cache-entry',
          hint: `${py} is read where ${px} belongs${each} (a stale or wrong cache entry).`,
          args: withArg(changed),
          priority: [2, sameLayer(entryName(param.labels, [...prefix, ...x.path]), entryName(param.labels, [...prefix, ...y.path])) ? 0 : 1, Math.abs(x.order - y.order)],
        });
      }
    }
    if (!unit.perLayer) continue;
    const list = get(arg, unit.at) as Value[];
    for (let l = 0; l < list.length; l++) {
      for (const k of [l - 1, l + 1]) {
        if (k < 0 || k >= list.length || shapeSig(list[l]!) !== shapeSig(list[k]!) || sameValues(list[l]!, list[k]!)) continue;
        const which = k < l ? 'before' : 'after';
        out.push({
          kind: 'stale-cache',
          hint: `${show([...unit.at, k])} is used where ${show([...unit.at, l])} belongs (a stale cache: the one of the layer or time step ${which}).`,
          args: withArg(set(arg, [...unit.at, l], list[k]!)),
          priority: [1, l],
        });
      }
    }
  }
  return out;
}

/**
 * Lists of per-layer (or per-step) caches inside a value: arrays of two or more
 * containers built alike (the same keys and lengths; shapes may differ by layer).
 * Not searched inside such a list: a layer's cache is one unit.
 */
function layerLists(v: Value, at: Path): Path[] {
  if (Array.isArray(v) && v.length >= 2 && v.every((x) => Array.isArray(x) || isRecord(x)) && v.every((x) => structureSig(x) === structureSig(v[0]!))) return [at];
  if (Array.isArray(v)) return v.flatMap((x, i) => layerLists(x, [...at, i]));
  if (isRecord(v)) return Object.entries(v).flatMap(([k, x]) => layerLists(x, [...at, k]));
  return [];
}

/** The tensors of a unit, in order, skipping the per-layer lists found in it (they are units of their own). */
function unitLeaves(v: Value, skip: Path[]): Leaf[] {
  const leaves: Leaf[] = [];
  const walk = (x: Value, p: Path) => {
    if (skip.some((s) => samePath(s, p))) return;
    if (isNdArray(x)) leaves.push({ path: p, order: leaves.length });
    else if (Array.isArray(x)) x.forEach((y, i) => walk(y, [...p, i]));
    else if (isRecord(x)) for (const [k, y] of Object.entries(x)) walk(y, [...p, k]);
  };
  walk(v, []);
  return leaves;
}

/** Z1 and A1 (one layer's entries) are confused more often than Z1 and Z2, whose shapes rarely agree anyway. */
function sameLayer(a: string | undefined, b: string | undefined): boolean {
  const digits = (s: string | undefined) => /(\d+)$/.exec(s ?? '')?.[1];
  return digits(a) !== undefined && digits(a) === digits(b);
}

// ------------------------------------------------------------------------------------------------- naming

/** `cache.A1`, `caches[i][0][1]` (A): a path as code reads it, with the tuple label of its last item when known. */
export function showPath(name: string, p: Path, labels: Labels | undefined): string {
  const text = p.map((s) => (typeof s === 'number' || s === 'i' ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`)).join('');
  const label = typeof p[p.length - 1] === 'number' ? entryName(labels, p) : undefined;
  return `\`${name}${text}\`${label ? ` (${label})` : ''}`;
}

/** What an entry is called: its record key, or its tuple label (from the solution's types); undefined when unknown. */
function entryName(labels: Labels | undefined, p: Path): string | undefined {
  const last = p[p.length - 1];
  if (typeof last === 'string' && last !== 'i') return last;
  let at = labels;
  for (const s of p) {
    if (!at || (typeof s === 'string' && s !== 'i')) return undefined; // records carry no labels below them here
    at = typeof s === 'number' && at.items ? at.items[s] : at.element;
  }
  return at?.label;
}

// ------------------------------------------------------------------------------------------------- values

function get(v: Value, p: Path): Value {
  let at: Value = v;
  for (const s of p) at = Array.isArray(at) ? at[s as number] : isRecord(at) ? at[s as string] : undefined;
  return at;
}

/** A copy of v with the value at p replaced (only the containers on the path are copied). */
function set(v: Value, p: Path, x: Value): Value {
  if (!p.length) return x;
  const [s, ...rest] = p;
  if (Array.isArray(v)) return v.map((y, i) => (i === s ? set(y, rest, x) : y));
  if (isRecord(v)) return { ...v, [s as string]: set(v[s as string], rest, x) };
  return v;
}

const samePath = (a: Path, b: Path) => a.length === b.length && a.every((s, i) => s === b[i]);

function sameTensorShape(a: NdArray, b: NdArray): boolean {
  return a.dtype === b.dtype && sameShape(a.shape, b.shape);
}

function onlyTensors(v: Value): boolean {
  if (isNdArray(v)) return true;
  if (Array.isArray(v)) return v.length > 0 && v.every(onlyTensors);
  if (isRecord(v)) return Object.keys(v).length > 0 && Object.values(v).every(onlyTensors);
  return false;
}

/** Kinds, keys, lengths and tensor shapes. */
function shapeSig(v: Value): string {
  if (isNdArray(v)) return `${v.dtype}[${v.shape.join(',')}]`;
  if (Array.isArray(v)) return `[${v.map(shapeSig).join(';')}]`;
  if (isRecord(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${shapeSig(v[k])}`).join(';')}}`;
  return typeof v;
}

/** Kinds, keys and lengths, not shapes: layers' caches are built alike, their sizes differ. */
function structureSig(v: Value): string {
  if (isNdArray(v)) return `t${v.shape.length}`;
  if (Array.isArray(v)) return `[${v.map(structureSig).join(';')}]`;
  if (isRecord(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${structureSig(v[k])}`).join(';')}}`;
  return typeof v;
}

function sameValues(a: Value, b: Value): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function compareLex(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d) return d;
  }
  return 0;
}
