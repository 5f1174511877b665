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

const denied = (what: string) => () => {
  throw new Error(
    what === 'process.exit'
      ? 'process.exit() is not available to exercise code: a function returns its result instead of ending the process.'
      : `${what} is not available to exercise code.`,
  );
};

/** Built-in modules code may still ask for by name: none of them reaches files, processes or the network. */
const BUILTINS_ALLOWED = new Set(['util', 'node:util', 'buffer', 'node:buffer', 'string_decoder', 'node:string_decoder', 'events', 'node:events', 'assert', 'node:assert', 'path', 'node:path', 'url', 'node:url']);

/** process members that reach outside this process, or into Node's internals. */
const PROCESS_DENIED = [
  'kill', '_kill', '_debugProcess', '_debugEnd', '_startProfilerIdleNotifier', '_stopProfilerIdleNotifier',
  'exit', 'reallyExit', 'abort', 'binding', '_linkedBinding', 'dlopen', 'chdir', 'umask',
  'setuid', 'setgid', 'seteuid', 'setegid', 'setgroups', 'initgroups',
  '_getActiveHandles', '_getActiveRequests', 'getActiveResourcesInfo', 'openStdin', 'loadEnvFile',
  'setSourceMapsEnabled', 'setUncaughtExceptionCaptureCallback', '_rawDebug', 'send', 'disconnect',
];

export function lockDown(): void {
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
    ['Set.prototype', Set.prototype],
    ['Reflect', Reflect],
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
   * TensorFlow.js state that is not an object's own member, kept as parallel lists (compared after every call
   * without building anything: that check runs hundreds of times per grade): the backend, each kernel's
   * function by name (looked up one by one: listing them all is slow), and the environment's flags.
   */
  tf: { backend: string; engineBackend: unknown; kernelNames: string[]; kernelFuncs: unknown[]; flags: Map<string, unknown> };
}

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
  const kernelNames = tf.getKernelsForBackend(backend).map((k) => k.kernelName);
  return {
    objects,
    members,
    tf: {
      backend,
      engineBackend: tf.engine().backend,
      kernelNames,
      kernelFuncs: kernelNames.map((name) => tf.getKernel(name, backend)?.kernelFunc),
      flags: new Map(Object.entries(tf.env().getFlags())),
    },
  };
}

/** The built-ins that differ from the snapshot (changed, added or deleted), by name. */
export function tampered(tf: typeof TF, before: Snapshot): string[] {
  const changed: string[] = [];
  for (const m of before.members) {
    // A data member swapped for a getter that returns the original would pass a plain read; it also does no harm.
    const now = m.getter ? memberValue(Reflect.getOwnPropertyDescriptor(m.obj, m.key)) : (m.obj as Record<string | symbol, unknown>)[m.key];
    if (!Object.is(now, m.value)) changed.push(`${m.name}.${String(m.key)}`);
  }
  for (const o of before.objects) {
    const keys = Reflect.ownKeys(o.obj);
    if (keys.length === o.keys) continue;
    const known = new Set(before.members.filter((m) => m.obj === o.obj).map((m) => m.key));
    for (const key of keys) if (!known.has(key)) changed.push(`${o.name}.${String(key)}`);
  }
  const t = before.tf;
  if (tf.getBackend() !== t.backend) changed.push('tf.backend');
  if (tf.engine().backend !== t.engineBackend) changed.push('tf.engine().backend');
  for (let i = 0; i < t.kernelNames.length; i++) {
    if (tf.getKernel(t.kernelNames[i]!, t.backend)?.kernelFunc !== t.kernelFuncs[i]) changed.push(`tf kernel ${t.kernelNames[i]}`);
  }
  const flags = tf.env().getFlags() as Record<string, unknown>;
  let seen = 0;
  for (const flag in flags) {
    if (t.flags.has(flag)) seen++;
    if (!t.flags.has(flag) || !Object.is(t.flags.get(flag), flags[flag])) changed.push(`tf.env() flag ${flag}`);
  }
  if (seen !== t.flags.size) for (const flag of t.flags.keys()) if (!(flag in flags)) changed.push(`tf.env() flag ${flag}`);
  return changed;
}
