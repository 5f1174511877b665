/**
 * The sandboxed side: runs learner functions and sends back plain values.
 * It is bundled by esbuild (runtime.ts) and started as its own Node process,
 * under namespaces where the machine allows (isolation.ts), so a learner's
 * crash, loop or tampering stays here; the grader only reads the frames this
 * process writes to its channel, and trusts none of them (runner-message.ts).
 *
 *   node runner.mjs <sandbox folder> <folder of the WebAssembly backend's binaries>
 */
import * as tf from '@tensorflow/tfjs';
import { readSync as fsReadSync, writeSync as fsWriteSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fromTf, toTf } from '../codec';
import { brokenArguments, watchArguments } from './arguments';
import { lockDown, settle, snapshot, tampered } from './lockdown';
import { ANSWERS_FD, REQUESTS_FD, MAX_MESSAGE_CHARS, MAX_OUTPUT_CHARS, SANDBOX_BROKEN_EXIT, type CallRequest, type RunnerMessage, type RunnerOutcome } from './protocol';
import { useWasmBackend } from './wasm-backend';
import { bare, encodeFrame, fromWire, FrameReader, takeBytes, wireValue } from './wire';
import { mulberry32 } from '../mulberry32';

tf.env().set('PROD', true); // silences the "install tfjs-node" banner and debug checks

const folder = process.argv[2]!;
/** Function.prototype.toString as Node made it, for CallRequest.signatureOnly; and how much of a source is sent back. */
const functionSource = Function.prototype.call.bind(Function.prototype.toString) as (f: unknown) => string;
const MAX_SOURCE_CHARS = 20_000;
// Before the lock-down: the backend reads its binary from disk.
await useWasmBackend(tf, process.argv[3]!);
// Answers leave on their own file descriptor, written with fs.writeSync as taken now, before any learner code: no
// stream or socket object stands for it, so nothing learner code could find (through a hook on
// EventEmitter.prototype.emit, say) writes there, and the lock-down takes away the stdio streams' classes that could
// open it. Each answer carries the token of the call it answers (CallRequest.reply), which only this file reads.
const writeChannel = (frame: Uint8Array) => {
  for (let at = 0; at < frame.length; ) at += fsWriteSync(ANSWERS_FD, frame, at, frame.length - at);
};
const send = (m: RunnerMessage) => {
  let frame: Uint8Array;
  try {
    const outcome = m.type !== 'result' ? undefined : m.outcome.status === 'ok' ? bare({ ...m.outcome, value: wireValue(m.outcome.value) }) : bare({ ...m.outcome });
    frame = encodeFrame(outcome ? bare({ ...m, outcome }) : bare({ ...m }));
  } catch (err) {
    if (m.type !== 'result') throw err;
    frame = encodeFrame(bare({ type: m.type, reply: m.reply, id: m.id, outcome: bare({ status: 'threw', message: `the value returned could not be sent back: ${(err as Error).message}`, output: '' }) }));
  }
  writeChannel(frame);
};
// The runner's own way out when the grader hangs up; learner code has none (lockDown).
const reallyExit = (process as unknown as { reallyExit(code: number): void }).reallyExit.bind(process);
// Math.random, from a seed during a call that gives one (CallRequest.randomSeed), else V8's own. Installed
// before the snapshot, so the tamper check holds learner code to this function.
const nativeRandom = Math.random;
let seededRandom: (() => number) | undefined;
Math.random = function random(): number {
  return seededRandom ? seededRandom() : nativeRandom();
};
lockDown((text) => keep(text));
settle(tf);
const pristine = snapshot(tf);
// Nothing else holds the event loop open while a call awaits something that never settles: that call must run
// into its time limit, not end the process. (Made before trackTimers: no call's end cancels it.)
setInterval(() => undefined, 2 ** 30);
const cancelLeftovers = trackTimers();
// A promise the learner's code left to reject after its call returned is no one's result: ignore it.
process.on('unhandledRejection', () => undefined);

// Learner console output is kept with the call that printed it instead of mixing into the grader's terminal.
let output = '';
/** Adds to the call's output, up to MAX_OUTPUT_CHARS; also what process.stdout.write and process.stderr.write print. */
function keep(text: string): void {
  if (output.length < MAX_OUTPUT_CHARS) {
    output += text;
    if (output.length >= MAX_OUTPUT_CHARS) output = output.slice(0, MAX_OUTPUT_CHARS) + '\n… (output cut)\n';
  }
}
const capture = (...parts: unknown[]) => keep(printed(parts) + '\n');
for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) console[method] = capture;

/** What console.log prints for these arguments, a format string's %s %d %i %f %j %o %O %c %% filled in as Node does. */
function printed(parts: unknown[]): string {
  const [first, ...rest] = parts;
  if (typeof first !== 'string' || !first.includes('%')) return parts.map(shown).join(' ');
  let next = 0;
  const line = first.replace(/%[sdifjoOc%]/g, (spec) => {
    if (spec === '%%') return '%';
    if (next >= rest.length) return spec;
    const p = rest[next++];
    try {
      if (spec === '%d') return typeof p === 'bigint' ? `${p}n` : typeof p === 'object' && p !== null ? 'NaN' : String(Number(p));
      if (spec === '%i') return typeof p === 'bigint' ? `${p}n` : typeof p === 'object' && p !== null ? 'NaN' : String(parseInt(String(p), 10));
      if (spec === '%f') return typeof p === 'object' && p !== null ? 'NaN' : String(parseFloat(String(p)));
      if (spec === '%c') return '';
      return shown(p);
    } catch {
      return '[a value that cannot be printed]';
    }
  });
  return [line, ...rest.slice(next).map(shown)].join(' ');
}

const shown = (p: unknown): string => (typeof p === 'string' ? p : safeInspect(p));

function safeInspect(p: unknown): string {
  try {
    if (p instanceof tf.Tensor) return p.toString();
    return (JSON.stringify(p) ?? String(p)).slice(0, MAX_OUTPUT_CHARS);
  } catch {
    return '[a value that cannot be printed]';
  }
}

const modules = new Map<string, Promise<Record<string, unknown>>>();

async function run(req: CallRequest): Promise<RunnerOutcome> {
  let mod: Record<string, unknown>;
  if (!/^[\w.-]+\.mjs$/.test(req.module)) return { status: 'unavailable', message: 'The grader asked for a module outside the sandbox.' };
  try {
    if (!modules.has(req.module)) {
      modules.set(
        req.module,
        import(pathToFileURL(path.join(folder, req.module)).href).then((m: Record<string, unknown>) => {
          send({ type: 'loaded', reply: req.reply, module: req.module });
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
  // Built-ins changed since the last call's check (by a getter on its value read after it, or work it left for
  // the event loop) are found before any more learner code runs, which could put them back before its own check.
  const since = tampered(tf, pristine);
  if (since.length) return { status: 'tampered', changed: since.slice(0, 5), output };
  // Through the intrinsic taken before learner code loaded: a toString of the learner's own cannot answer.
  // (Built-ins the file's top level changed were found just above: nothing from it counts.)
  if (req.signatureOnly) return { status: 'ok', value: functionSource(fn).slice(0, MAX_SOURCE_CHARS), output };
  seededRandom = req.randomSeed === undefined ? undefined : mulberry32(req.randomSeed);
  tf.engine().startScope();
  try {
    const args = req.args.map((a) => toTf(a, tf, (name) => mod[name]));
    const watched = watchArguments(tf, args, req.recordsUnchanged === true || req.recordsUnchanged === 'records' ? req.recordsUnchanged : false);
    let result = fn(...args);
    if (result instanceof Promise) result = await result;
    // Read before the check: reading it may run learner code (a getter, a Proxy) that changes built-ins too. A value
    // read with built-ins already changed is never sent: the check below reports them instead.
    const value = fromTf(result, tf, true);
    const changed = tampered(tf, pristine);
    if (changed.length) return { status: 'tampered', changed: changed.slice(0, 5), output };
    const broken = brokenArguments(watched);
    if (broken.length) return { status: 'broke-contract', problems: broken.slice(0, 5), output };
    return { status: 'ok', value, output };
  } catch (err) {
    const changed = tampered(tf, pristine);
    if (changed.length) return { status: 'tampered', changed: changed.slice(0, 5), output };
    // Read with care: a thrown Proxy or getter can throw again on any access.
    let name: unknown;
    let exercise: unknown;
    try {
      const e = err as { name?: unknown; exercise?: unknown };
      [name, exercise] = [e?.name, e?.exercise];
    } catch {
      // a thrown value that cannot be read: errorText says so
    }
    if (name === 'NotImplementedError') return { status: 'not-implemented', fn: (typeof exercise === 'string' ? exercise : req.fn).slice(0, 200), output };
    const stack = learnerStack(err);
    return { status: 'threw', message: errorText(err), ...(stack ? { stack } : {}), output };
  } finally {
    seededRandom = undefined;
    tf.engine().endScope();
    // Work a call scheduled and left behind would run during the next call, and be blamed on it.
    cancelLeftovers();
  }
}

/**
 * Wraps the timer functions so that every timer learner code starts during a
 * call can be cancelled when the call ends; returns the canceller.
 */
function trackTimers(): () => void {
  const g = globalThis as unknown as Record<string, (...args: unknown[]) => unknown>;
  const live = new Map<unknown, (h: unknown) => void>();
  const wrap = (start: string, stop: string) => {
    const begin = g[start]!.bind(globalThis);
    const end = g[stop]!.bind(globalThis);
    g[start] = (fn: unknown, ...rest: unknown[]) => {
      const handle = begin(typeof fn === 'function' ? (...a: unknown[]) => (start !== 'setInterval' && live.delete(handle), (fn as (...x: unknown[]) => unknown)(...a)) : fn, ...rest);
      live.set(handle, end);
      return handle;
    };
    g[stop] = (handle: unknown) => {
      live.delete(handle);
      end(handle);
    };
  };
  wrap('setTimeout', 'clearTimeout');
  wrap('setInterval', 'clearInterval');
  wrap('setImmediate', 'clearImmediate');
  return () => {
    for (const [handle, end] of live) end(handle);
    live.clear();
  };
}

/** A thrown value's text, whatever was thrown: reading it may itself throw, and it may be huge. */
function errorText(err: unknown): string {
  let text: string;
  try {
    text = err instanceof Error ? String(err.message) : `a thrown ${typeof err}: ${String(err)}`;
  } catch {
    text = 'a thrown value that cannot be turned into text';
  }
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS)}… (message cut at ${MAX_MESSAGE_CHARS} characters)` : text;
}

/** Keep only the stack frames in the learner's own files: the rest is noise to them. */
function learnerStack(err: unknown): string | undefined {
  let stack: unknown;
  try {
    stack = err instanceof Error ? err.stack : undefined;
  } catch {
    return undefined;
  }
  if (typeof stack !== 'string') return undefined;
  const frames = stack
    .slice(0, 100_000)
    .split('\n')
    .filter((l) => /^\s+at /.test(l) && /exercises[\\/]|mutants[\\/]|solutions[\\/]/.test(l));
  // Paths from the learner's own folder (exercises/…), not from this sandbox's, whose name is new every run, nor
  // from wherever grading keeps its copy of the submission (a batch's private temporary folder).
  const ours = folder.endsWith(path.sep) ? folder : folder + path.sep;
  const shown = frames.slice(0, 6).join('\n').split(ours).join('').replace(/(\(|at )[^\s()]*?[\\/](exercises|mutants|solutions)[\\/]/g, '$1$2/');
  return frames.length ? shown.slice(0, MAX_MESSAGE_CHARS) : undefined;
}

// Requests are read with fs.readSync, taken before any learner code, on the main thread while nothing else runs:
// between calls this process has nothing to do. No socket or stream object stands for the requests' descriptor
// either (a hook on EventEmitter.prototype.emit found the one there was, and its class opened the answers' fd),
// and no read is left pending in libuv's threads to hold up the process's exit. One call at a time, in order.
// Each read is copied out of the inbox into an array of its own, never into Node's shared Buffer pool (learner code
// reads the pool through Buffer.allocUnsafe(1).buffer: it once found the requests and their reply tokens there), and
// the inbox and every copy are zeroed once read (takeBytes, FrameReader's wipe), with intrinsics taken at load.
const inbox = new Uint8Array(256 * 1024);
const reader = new FrameReader(undefined, true);
async function serve(): Promise<void> {
  for (;;) {
    let n: number;
    try {
      n = fsReadSync(REQUESTS_FD, inbox, 0, inbox.length, null);
    } catch {
      n = 0;
    }
    if (n === 0) reallyExit(0); // the grader hung up
    for (const frame of reader.push(takeBytes(inbox, n))) {
      const req = frame.json as CallRequest;
      const args = (req.args as unknown[]).map((a) => fromWire(a, frame.binary, Infinity, true));
      let outcome: RunnerOutcome;
      try {
        outcome = await run({ ...req, args });
      } catch (err) {
        // Running the call failed outside the learner's code (TensorFlow.js's scope could not be closed: its
        // WebAssembly memory may be broken): this process ends, with the reason on stderr, and the grader reports
        // the call as stopped (SANDBOX_BROKEN_EXIT) and runs the next one in a fresh process.
        try {
          fsWriteSync(2, `\n${errorText(err)}\n`);
        } finally {
          reallyExit(SANDBOX_BROKEN_EXIT);
        }
        return;
      }
      send({ type: 'result', reply: req.reply, id: req.id, outcome });
    }
  }
}
send({ type: 'ready' });
void serve();
