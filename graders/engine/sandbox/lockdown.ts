/**
 * Runs in the sandbox before any learner code: removes what learner code has
 * no business using (network, signals and debuggers aimed at other processes,
 * native bindings, handles, built-in modules by name), and takes a snapshot of
 * the built-ins so tampering can be detected after each call. File writes, child
 * processes and workers are already denied by Node's permission model, and eval
 * / new Function by --disallow-code-generation-from-strings; under namespaces
 * the OS denies the rest (isolation.ts). This is the second wall, not the first.
 */
import type * as TF from '@tensorflow/tfjs';
import { BUILTINS_ALLOWED } from './builtins';

const denied = (what: string) => () => {
  throw new Error(
    what === 'process.exit'
      ? 'process.exit() is not available to exercise code: a function returns its result instead of ending the process.'
      : `${what} is not available to exercise code.`,
  );
};


/** process members that reach outside this process, or into Node's internals. */
const PROCESS_DENIED = [
  'kill', '_kill', '_debugProcess', '_debugEnd', '_startProfilerIdleNotifier', '_stopProfilerIdleNotifier',
  'exit', 'reallyExit', 'abort', 'binding', '_linkedBinding', 'dlopen', 'chdir', 'umask',
  'setuid', 'setgid', 'seteuid', 'setegid', 'setgroups', 'initgroups',
  '_getActiveHandles', '_getActiveRequests', 'getActiveResourcesInfo', 'openStdin', 'loadEnvFile',
  'setSourceMapsEnabled', 'setUncaughtExceptionCaptureCallback', '_rawDebug', 'send', 'disconnect',
  // The machine's memory and more (report.getReport() tells free memory, CPU times, network interfaces): what
  // another process (a learner's other sandbox) holds would show in it.
  'availableMemory', 'constrainedMemory', 'report',
];

/**
 * `print` receives what learner code writes to process.stdout or process.stderr: those become plain objects that
 * hand it on, because the real ones are streams whose classes open any file descriptor (`new
 * process.stdout.constructor(3)` wrote to the runner's channel, `new process.stdin.constructor(null, { fd: 3 })`
 * read the grader's requests).
 */
export function lockDown(print: (text: string) => void): void {
  for (const [name, stream] of [
    ['stdout', writableStub(print)],
    ['stderr', writableStub(print)],
    ['stdin', readableStub()],
  ] as const) {
    Object.defineProperty(process, name, { value: stream, configurable: false, writable: false, enumerable: true });
  }
  sealSendPath();
  for (const name of ['fetch', 'WebSocket', 'EventSource', 'XMLHttpRequest', 'WebAssembly']) {
    if (name in globalThis) Object.defineProperty(globalThis, name, { value: undefined, configurable: false, writable: false });
  }
  const proc = process as unknown as Record<string, unknown>;
  for (const name of PROCESS_DENIED) {
    if (name in proc) Object.defineProperty(proc, name, { value: denied(`process.${name}`), configurable: false, writable: false });
  }
  const getBuiltin = proc.getBuiltinModule as ((id: string) => unknown) | undefined;
  if (getBuiltin) {
    Object.defineProperty(proc, 'getBuiltinModule', {
      value: (id: string) => {
        if (typeof id === 'string' && BUILTINS_ALLOWED.has(id)) return getBuiltin.call(process, id);
        throw new Error(`process.getBuiltinModule(${JSON.stringify(String(id)).slice(0, 40)}) is not available to exercise code.`);
      },
      configurable: false,
      writable: false,
    });
  }
}

/** A stand-in for process.stdout or process.stderr: writes are kept as the call's output; it opens nothing. */
function writableStub(print: (text: string) => void): object {
  const stub = {
    write(chunk: unknown, ...rest: unknown[]): boolean {
      print(typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? new TextDecoder().decode(chunk) : String(chunk));
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      done?.();
      return true;
    },
    end: () => undefined,
    on: () => stub,
    once: () => stub,
    off: () => stub,
    removeListener: () => stub,
    emit: () => false,
    isTTY: false,
    columns: 80,
    writable: true,
  };
  return Object.freeze(stub);
}

/** A stand-in for process.stdin: always at its end (the real one is /dev/null). */
function readableStub(): object {
  const stub = { read: () => null, on: () => stub, once: () => stub, off: () => stub, removeListener: () => stub, emit: () => false, resume: () => stub, pause: () => stub, isTTY: false, readable: false };
  return Object.freeze(stub);
}

/**
 * The runner's frames are built and written with functions it took before learner code loaded (wire.ts), but a
 * typed array's length and buffer are still read through accessors of %TypedArray%.prototype, and fs.writeSync
 * reads the frame's byteLength: those accessors become unchangeable, and Uint8Array.prototype (the frames' own
 * prototype) takes no new members that could shadow them. No correct code redefines a typed array's length.
 */
function sealSendPath(): void {
  const typedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype) as object;
  for (const proto of [typedArrayPrototype, ArrayBuffer.prototype]) {
    for (const key of Reflect.ownKeys(proto)) {
      const d = Reflect.getOwnPropertyDescriptor(proto, key)!;
      if (d.get && d.configurable) Object.defineProperty(proto, key, { configurable: false });
    }
  }
  Object.preventExtensions(Uint8Array.prototype);
}

/**
 * TensorFlow.js sets its backend and evaluates its flags on first use: do it
 * now, so the snapshot holds their settled values and a later change is the
 * learner's, not a lazy default arriving.
 */
export function settle(tf: typeof TF): void {
  void tf.engine().backend;
  const env = tf.env() as unknown as { flagRegistry?: Record<string, unknown>; get(flag: string): unknown };
  for (const flag of Object.keys(env.flagRegistry ?? {})) {
    try {
      env.get(flag);
    } catch {
      // a flag that cannot be evaluated on this platform (WebGL's): it stays unset
    }
  }
}

/** Built-ins whose members learner code must leave alone, by name. */
function watched(tf: typeof TF): [string, object][] {
  return [
    ['Math', Math],
    ['JSON', JSON],
    ['Object', Object],
    ['Object.prototype', Object.prototype],
    ['Array', Array],
    ['Array.prototype', Array.prototype],
    ['Function.prototype', Function.prototype],
    ['Number', Number],
    ['Number.prototype', Number.prototype],
    ['String.prototype', String.prototype],
    ['Promise', Promise],
    ['Promise.prototype', Promise.prototype],
    ['Float32Array.prototype', Float32Array.prototype],
    ['Int32Array.prototype', Int32Array.prototype],
    ['Uint8Array.prototype', Uint8Array.prototype],
    ['TypedArray.prototype', Object.getPrototypeOf(Float32Array.prototype) as object],
    ['ArrayBuffer.prototype', ArrayBuffer.prototype],
    ['Map.prototype', Map.prototype],
    // What a for…of over a Map steps with (the kernel check below iterates TensorFlow.js's kernel map).
    ['Map iterator', Object.getPrototypeOf(new Map().values()) as object],
    // What every for…of, spread and destructuring of an array or string steps with, the runner's own included.
    ['Array iterator', Object.getPrototypeOf([][Symbol.iterator]()) as object],
    ['String iterator', Object.getPrototypeOf(''[Symbol.iterator]()) as object],
    ['Set iterator', Object.getPrototypeOf(new Set().values()) as object],
    ['Iterator prototype', Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())) as object],
    ['RegExp.prototype', RegExp.prototype],
    ['Error.prototype', Error.prototype],
    ['Set.prototype', Set.prototype],
    ['Reflect', Reflect],
    // What the runner's own plumbing is made of (its frames are sealed from these: wire.ts), watched all the same.
    ['Buffer', Buffer],
    ['Buffer.prototype', Buffer.prototype],
    ['TextEncoder.prototype', TextEncoder.prototype],
    ['TextDecoder.prototype', TextDecoder.prototype],
    // The tf module namespace itself cannot be written to; the classes behind it can.
    ['tf.Tensor.prototype', tf.Tensor.prototype],
    ['tf.Variable.prototype', tf.Variable.prototype],
  ];
}

/** Where each watched member stood, kept as flat lists so checking after every call is cheap. */
export interface Snapshot {
  objects: { name: string; obj: object; keys: number }[];
  /** `getter` members are compared by their descriptor; data members by a plain read, which is much cheaper. */
  members: { name: string; obj: object; key: string | symbol; value: unknown; getter: boolean }[];
  /**
   * TensorFlow.js state that is not an object's own member, compared after every call without building
   * anything (that check runs hundreds of times per grade): the backend, the kernels, the environment's flags.
   */
  tf: { backend: string; engineBackend: unknown; kernels: Kernels; flags: Map<string, unknown> };
}

/**
 * Every registered kernel, for every backend (the WASM guard falls back on the CPU ones), as parallel lists in
 * the registry's own order: its config object and function. `registry` is TensorFlow.js's own map when it can
 * be found (then the check is one pass over it); otherwise each kernel is looked up by name (tf.getKernel).
 */
interface Kernels {
  registry?: Map<string, { kernelFunc?: unknown }>;
  keys: string[];
  names: string[];
  backends: string[];
  configs: unknown[];
  funcs: unknown[];
}

/** Taken when this module loads, before any learner code: what the tamper check itself relies on. */
const seal = { descriptor: Reflect.getOwnPropertyDescriptor, ownKeys: Reflect.ownKeys, same: Object.is };

const memberValue = (d: PropertyDescriptor | undefined) => (d === undefined ? MISSING : 'value' in d ? d.value : d.get);
const MISSING = Symbol('missing');

export function snapshot(tf: typeof TF): Snapshot {
  const objects: Snapshot['objects'] = [];
  const members: Snapshot['members'] = [];
  for (const [name, obj] of watched(tf)) {
    const keys = Reflect.ownKeys(obj);
    objects.push({ name, obj, keys: keys.length });
    for (const key of keys) {
      const d = Reflect.getOwnPropertyDescriptor(obj, key);
      members.push({ name, obj, key, value: memberValue(d), getter: d !== undefined && !('value' in d) });
    }
  }
  const backend = tf.getBackend();
  return {
    objects,
    members,
    tf: { backend, engineBackend: tf.engine().backend, kernels: kernelsOf(tf, backend), flags: new Map(Object.entries(tf.env().getFlags())) },
  };
}

/**
 * TensorFlow.js keeps its kernels in one Map, held by a global namespace of its own (`_tfGlobals`, an
 * internal name): used only when it holds exactly the kernels the public API lists, each under
 * `<backend>_<kernel>`, so a TensorFlow.js that keeps them otherwise gets the lookups instead.
 */
function kernelsOf(tf: typeof TF, backend: string): Kernels {
  const globals = (globalThis as { _tfGlobals?: unknown })._tfGlobals;
  const registry = globals instanceof Map ? (globals.get('kernelRegistry') as unknown) : undefined;
  const listed = tf.getKernelsForBackend(backend);
  if (registry instanceof Map && listed.every((k) => registry.get(`${backend}_${k.kernelName}`) === k)) {
    const entries = [...(registry as Map<string, TF.KernelConfig>)];
    return {
      registry: registry as Map<string, { kernelFunc?: unknown }>,
      keys: entries.map(([key]) => key),
      names: entries.map(([, k]) => k.kernelName),
      backends: entries.map(([, k]) => k.backendName),
      configs: entries.map(([, k]) => k),
      funcs: entries.map(([, k]) => k.kernelFunc),
    };
  }
  return {
    keys: listed.map((k) => `${backend}_${k.kernelName}`),
    names: listed.map((k) => k.kernelName),
    backends: listed.map(() => backend),
    configs: listed.map(() => undefined),
    funcs: listed.map((k) => k.kernelFunc),
  };
}

/** The kernels registered, replaced or removed since the snapshot, by name. */
function changedKernels(tf: typeof TF, k: Kernels): string[] {
  const changed: string[] = [];
  if (k.registry) {
    let i = 0;
    if (k.registry.size === k.keys.length) {
      // Same size: unchanged unless an entry in the same place holds another config or function.
      for (const config of k.registry.values()) {
        if (config !== k.configs[i] || config?.kernelFunc !== k.funcs[i]) break;
        i++;
      }
      if (i === k.keys.length) return changed;
    }
    // Something differs: say what, by key.
    const before = new Map(k.keys.map((key, j) => [key, j]));
    for (const [key, config] of k.registry) {
      const j = before.get(key);
      if (j === undefined || config !== k.configs[j] || config?.kernelFunc !== k.funcs[j]) changed.push(`tf kernel ${key.replace(/^[^_]*_/, '')}`);
    }
    for (const [key] of before) if (!k.registry.has(key)) changed.push(`tf kernel ${key.replace(/^[^_]*_/, '')}`);
    return changed;
  }
  for (let i = 0; i < k.names.length; i++) {
    if (tf.getKernel(k.names[i]!, k.backends[i]!)?.kernelFunc !== k.funcs[i]) changed.push(`tf kernel ${k.names[i]}`);
  }
  return changed;
}

/** The built-ins that differ from the snapshot (changed, added or deleted), by name. */
export function tampered(tf: typeof TF, before: Snapshot): string[] {
  const changed: string[] = [];
  // Indexed loops and functions taken before learner code loaded (seal): a for…of would step with the array
  // iterator's next, which learner code could replace to hide members from this very check.
  const members = before.members;
  for (let i = 0; i < members.length; i++) {
    const m = members[i]!;
    // A data member swapped for a getter that returns the original would pass a plain read; it also does no harm.
    const now = m.getter ? memberValue(seal.descriptor(m.obj, m.key)) : (m.obj as Record<string | symbol, unknown>)[m.key];
    if (!seal.same(now, m.value)) changed[changed.length] = `${m.name}.${String(m.key)}`;
  }
  const objects = before.objects;
  for (let i = 0; i < objects.length; i++) {
    const o = objects[i]!;
    const keys = seal.ownKeys(o.obj);
    if (keys.length === o.keys) continue;
    for (let j = 0; j < keys.length; j++) {
      let known = false;
      for (let k = 0; k < members.length && !known; k++) known = members[k]!.obj === o.obj && members[k]!.key === keys[j];
      if (!known) changed[changed.length] = `${o.name}.${String(keys[j])}`;
    }
  }
  // Everything below steps through what the loops above vouch for (the Map and array iterators are watched).
  if (changed.length) return changed;
  const t = before.tf;
  if (tf.getBackend() !== t.backend) changed.push('tf.backend');
  if (tf.engine().backend !== t.engineBackend) changed.push('tf.engine().backend');
  changed.push(...changedKernels(tf, t.kernels));
  const flags = tf.env().getFlags() as Record<string, unknown>;
  let seen = 0;
  for (const flag in flags) {
    if (t.flags.has(flag)) seen++;
    if (!t.flags.has(flag) || !Object.is(t.flags.get(flag), flags[flag])) changed.push(`tf.env() flag ${flag}`);
  }
  if (seen !== t.flags.size) for (const flag of t.flags.keys()) if (!(flag in flags)) changed.push(`tf.env() flag ${flag}`);
  return changed;
}
