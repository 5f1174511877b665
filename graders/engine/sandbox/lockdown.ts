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
    ['tf', tf],
    ['tf.Tensor.prototype', tf.Tensor.prototype],
  ];
}

export type Snapshot = Map<string, unknown>;

export function snapshot(tf: typeof TF): Snapshot {
  const out: Snapshot = new Map();
  for (const [name, obj] of watched(tf)) {
    for (const key of Reflect.ownKeys(obj)) {
      const d = Reflect.getOwnPropertyDescriptor(obj, key)!;
      out.set(`${name}.${String(key)}`, 'value' in d ? d.value : d.get);
    }
  }
  // The backend, its kernels and the environment's flags: a learner who swaps them changes what tf computes.
  out.set('tf.backend', tf.getBackend());
  out.set('tf.engine().backend', tf.engine().backend);
  for (const k of tf.getKernelsForBackend(tf.getBackend())) out.set(`tf kernel ${k.kernelName}`, k.kernelFunc);
  for (const [flag, value] of Object.entries(tf.env().getFlags())) out.set(`tf.env() flag ${flag}`, value);
  return out;
}

/** The built-ins that differ from the snapshot (changed, added or deleted), by name. */
export function tampered(tf: typeof TF, before: Snapshot): string[] {
  const now = snapshot(tf);
  const changed: string[] = [];
  for (const [key, value] of now) if (!before.has(key) || !Object.is(before.get(key), value)) changed.push(key);
  for (const key of before.keys()) if (!now.has(key)) changed.push(key);
  return changed;
}
