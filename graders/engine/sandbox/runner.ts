/**
 * The sandboxed side: runs learner functions and sends back plain values.
 * It is bundled by esbuild and started as its own Node process, so a learner's
 * crash, loop or tampering stays here; the grader only ever sees the messages.
 */
import * as tf from '@tensorflow/tfjs';
import { pathToFileURL } from 'node:url';
import { fromTf, toTf } from '../codec';
import type { CallOutcome } from '../implementation';
import { lockDown, snapshot, tampered } from './lockdown';
import { MAX_OUTPUT_CHARS, type CallRequest, type RunnerMessage } from './protocol';

tf.env().set('PROD', true); // silences the "install tfjs-node" banner and debug checks

// Bound now: learner code must not be able to speak for the runner.
const sendMessage = process.send!.bind(process);
const send = (m: RunnerMessage) => sendMessage(m);
delete (process as { send?: unknown }).send;
lockDown();
const pristine = snapshot(tf);

// Learner console output is kept with the call that printed it instead of mixing into the grader's terminal.
let output = '';
const capture = (...parts: unknown[]) => {
  if (output.length < MAX_OUTPUT_CHARS) {
    output += parts.map((p) => (typeof p === 'string' ? p : safeInspect(p))).join(' ') + '\n';
    if (output.length >= MAX_OUTPUT_CHARS) output = output.slice(0, MAX_OUTPUT_CHARS) + '\n… (output cut)\n';
  }
};
for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) console[method] = capture;

function safeInspect(p: unknown): string {
  try {
    if (p instanceof tf.Tensor) return p.toString();
    return JSON.stringify(p) ?? String(p);
  } catch {
    return String(p);
  }
}

const modules = new Map<string, Promise<Record<string, unknown>>>();

async function run(req: CallRequest): Promise<CallOutcome> {
  let mod: Record<string, unknown>;
  try {
    if (!modules.has(req.module)) {
      modules.set(
        req.module,
        import(pathToFileURL(req.module).href).then((m: Record<string, unknown>) => {
          send({ type: 'loaded', module: req.module });
          return m;
        }),
      );
    }
    mod = await modules.get(req.module)!;
  } catch (err) {
    return { status: 'unavailable', message: `Your file could not be loaded: ${errorText(err)}` };
  }
  const fn = mod[req.fn];
  if (typeof fn !== 'function') {
    return { status: 'unavailable', message: `Your file does not export a function named ${req.fn}.` };
  }
  output = '';
  tf.engine().startScope();
  try {
    const args = req.args.map((a) => toTf(a, tf));
    let result = fn(...args);
    if (result instanceof Promise) result = await result;
    // Checked before reading the result: reading it relies on the very built-ins in question.
    const changed = tampered(tf, pristine);
    if (changed.length) return { status: 'tampered', changed: changed.slice(0, 5), output };
    return { status: 'ok', value: fromTf(result, tf), output };
  } catch (err) {
    const changed = tampered(tf, pristine);
    if (changed.length) return { status: 'tampered', changed: changed.slice(0, 5), output };
    const e = err as { name?: string; exercise?: string };
    if (e?.name === 'NotImplementedError') return { status: 'not-implemented', fn: String(e.exercise ?? req.fn), output };
    return { status: 'threw', message: errorText(err), stack: learnerStack(err), output };
  } finally {
    tf.engine().endScope();
  }
}

function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  return `a thrown ${typeof err}: ${String(err)}`;
}

/** Keep only the stack frames in the learner's own files: the rest is noise to them. */
function learnerStack(err: unknown): string | undefined {
  const stack = err instanceof Error ? err.stack : undefined;
  if (!stack) return undefined;
  const frames = stack.split('\n').filter((l) => /^\s+at /.test(l) && /exercises[\\/]|mutants[\\/]|solutions[\\/]/.test(l));
  return frames.length ? frames.slice(0, 6).join('\n') : undefined;
}

process.on('message', (msg: CallRequest) => {
  void run(msg).then((outcome) => send({ type: 'result', id: msg.id, outcome }));
});
send({ type: 'ready' });
