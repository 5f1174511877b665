/**
 * Runs in the sandbox before any learner code: removes what learner code has
 * no business using (network, signals to other processes, native bindings),
 * and takes a snapshot of the built-ins so tampering can be detected after each
 * call. File writes, child processes and workers are already denied by Node's
 * permission model, and eval / new Function by --disallow-code-generation-from-strings.
 */
import type * as TF from '@tensorflow/tfjs';

const denied = (what: string) => () => {
  throw new Error(`${what} is not available to exercise code.`);
};

export function lockDown(): void {
  for (const name of ['fetch', 'WebSocket', 'EventSource', 'XMLHttpRequest']) {
    if (name in globalThis) Object.defineProperty(globalThis, name, { value: undefined, configurable: false, writable: false });
  }
  const proc = process as unknown as Record<string, unknown>;
  proc.kill = denied('process.kill');
  proc.binding = denied('process.binding');
  proc._linkedBinding = denied('process._linkedBinding');
  proc.dlopen = denied('process.dlopen');
  proc.chdir = denied('process.chdir');
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
    ['Reflect', Reflect],
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
