import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { CallOptions, CallOutcome, Implementation } from '../implementation';
import type { Value } from '../values';
import type { BuiltModule } from './build';
import { detectIsolation, describeIsolation, likelyIsolation, namespacesConfirmed, wrapCommand, type Isolation, type IsolationMode } from './isolation';
import { ANSWERS_FD, REQUESTS_FD, SANDBOX_BROKEN_EXIT, type CallRequest, type RunnerMessage } from './protocol';
import { mark } from '../timings';
import { folderless, recordEarlySandbox, takeEarlySandbox } from './early';
import { decodeRunnerMessage } from './runner-message';
import { sandboxRuntime, sandboxTfCache, type Runtime } from './runtime';
import { encodeFrame, FrameReader, WireError, wireValue } from './wire';
import type { SandboxTuning } from '../to-run';

export interface SandboxOptions {
  root: string;
  /** Default limit for one call. */
  timeoutMs?: number;
  /** The JavaScript heap limit; the whole process (tensors included) may use 512 MB more. */
  memoryMb?: number;
  /** How V8 runs in the child (engine/to-run.ts chooses it); by default a 2 MB semi-space and nothing else. */
  tuning?: SandboxTuning;
  /**
   * 'require': refuse to run learner code without namespaces (official grading);
   * 'auto' (default): namespaces where the machine offers them, else the permission model.
   */
  isolation?: 'require' | 'auto';
  /**
   * The command line of the `npm run grade` this sandbox was started ahead for (prestart.ts): its first child
   * may be the one graders/launch.mjs started from the last such run's record, and is recorded in turn (early.ts).
   */
  earlyFor?: string[];
  /**
   * Calls on hidden cases (CallOptions.hiddenInputs) run in a second child of their own, started on first need:
   * what learner code keeps from a hidden case (a global it fills) then never reaches the output, message or value
   * of a visible call, which the report shows. For official grading, where hidden cases are secret.
   */
  hiddenCasesApart?: boolean;
}

const DEFAULT_MEMORY_MB = 1024;
/**
 * What a child may write to its standard error (native code's messages: the runner keeps console.* and
 * process.stdout/stderr's writes as the call's output) before it is stopped.
 */
const MAX_STRAY_OUTPUT_BYTES = 4 * 1024 * 1024;
const STRAY_OUTPUT_MESSAGE = `it wrote more than ${MAX_STRAY_OUTPUT_BYTES / (1024 * 1024)} MB to its standard error outside console.log, so it was stopped.`;

export class IsolationError extends Error {}

/**
 * Two kinds of work that must never overlap: any number of one kind may run together; the other kind waits until
 * they are done, and once one waits, no more of the running kind join (neither kind can starve the other).
 */
class Turns {
  private running = 0;
  private kind?: boolean;
  private readonly queue: { kind: boolean; start: () => void }[] = [];

  take<T>(kind: boolean, work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.running++;
        this.kind = kind;
        work()
          .then(resolve, reject)
          .finally(() => {
            if (--this.running === 0) this.next();
          });
      };
      if (this.running === 0 || (this.kind === kind && !this.queue.length)) start();
      else this.queue.push({ kind, start });
    });
  }

  private next(): void {
    this.kind = undefined;
    const first = this.queue[0];
    if (!first) return;
    while (this.queue[0]?.kind === first.kind) this.queue.shift()!.start();
  }
}

/** A call on its way: waiting to be sent, or sent to the child and not answered yet. */
interface Job {
  module: string;
  fn: string;
  args: Value[];
  /** Its own limit; the budget may cut it shorter when it starts. */
  limitMs: number;
  signal?: AbortSignal;
  randomSeed?: number;
  recordsUnchanged?: boolean | 'records';
  signatureOnly?: boolean;
  resolve: (o: CallOutcome) => void;
  reject: (err: unknown) => void;
  /** Set once sent to a child: the id its answer carries. */
  id?: number;
  /** Set once sent: the token its answers must carry (CallRequest.reply). */
  reply?: string;
}

/** How many calls may be sent ahead of their answers: enough to keep the child busy, few enough to hold little. */
const MAX_IN_FLIGHT = 32;

/**
 * A child Node process that runs learner functions, one call at a time, with a
 * private folder holding the bundles it may load and nothing else. A call that
 * runs too long, kills the process or breaks the protocol ends that call only:
 * the child is replaced and the calls behind it go on there. One Sandbox
 * serves one learner: batch grading makes a fresh one for each.
 *
 * Calls made while others are under way are sent ahead (up to MAX_IN_FLIGHT),
 * so the child goes from one to the next without waiting for a round trip; it
 * still runs them one at a time, in the order they were made, and each call's
 * time limit starts when the one before it ends.
 */
export class Sandbox {
  /** This sandbox's own folder: its learner's bundles, readable by its child only (an adopted early child's, see launch()). */
  dir: string;
  private child?: ChildProcess;
  private ready?: Promise<void>;
  /** Calls not sent yet, in the order they were made. */
  private waiting: Job[] = [];
  /** Calls sent to the current child, in order: the first is the one running, timed by `timer`. */
  private sent: Job[] = [];
  private timer?: NodeJS.Timeout;
  private starting = false;
  private drained: (() => void)[] = [];
  private nextId = 1;
  private deadline?: { at: number; seconds: number };
  private closed = false;

  constructor(private readonly options: SandboxOptions) {
    this.dir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-sandbox-'));
  }

  /** Starts the process ahead of the first call, so TensorFlow.js loads while the grader prepares. */
  warmUp(): Promise<void> {
    return this.ensureStarted();
  }

  /** How this sandbox is isolated (decided once per grading process). */
  isolation(): Promise<Isolation> {
    return detectIsolation();
  }

  /** Puts a built module where this sandbox's child can load it; returns its name there. */
  install(built: BuiltModule): string {
    const file = path.join(this.dir, built.name);
    if (!existsSync(file)) writeFileSync(file, built.code, { mode: 0o644 });
    if (this.options.hiddenCasesApart) this.installed.set(built.name, built);
    return built.name;
  }

  /** Whether calls on hidden cases run in a child of their own (SandboxOptions.hiddenCasesApart): official grading. */
  get separatesHiddenCases(): boolean {
    return !!this.options.hiddenCasesApart;
  }

  /** With hiddenCasesApart: the modules installed here, for the hidden cases' sandbox to install when it starts. */
  private readonly installed = new Map<string, BuiltModule>();
  /** With hiddenCasesApart: where calls on hidden cases run, made on the first one. */
  private hiddenTwin?: Sandbox;

  private twinFor(module: string): Sandbox {
    if (!this.hiddenTwin) {
      this.hiddenTwin = new Sandbox({ ...this.options, hiddenCasesApart: false, earlyFor: undefined });
      this.hiddenTwin.deadline = this.deadline;
    }
    const built = this.installed.get(module);
    if (built) this.hiddenTwin.install(built);
    return this.hiddenTwin;
  }

  /**
   * A wall-clock budget for everything still to run here, counted from `from`
   * (default now): calls stop at it, whatever their own limit (`undefined` lifts it).
   */
  setBudget(seconds: number | undefined, from = Date.now()): void {
    this.deadline = seconds === undefined ? undefined : { at: from + seconds * 1000, seconds };
    if (this.hiddenTwin) this.hiddenTwin.deadline = this.deadline;
  }

  /** Whether the budget set with setBudget is spent. */
  budgetSpent(): { seconds: number } | undefined {
    return this.deadline && Date.now() >= this.deadline.at ? { seconds: this.deadline.seconds } : undefined;
  }

  implementation(module: string, label = 'your code'): Implementation {
    return { label, call: (fn, args, options) => this.call(module, fn, args, options) };
  }

  call(module: string, fn: string, args: Value[], options: CallOptions = {}): Promise<CallOutcome> {
    if (!this.options.hiddenCasesApart || this.closed) return this.callHere(module, fn, args, options);
    // Never both children at once: a hidden call running beside a visible one could signal to it (the machine's free
    // memory, CPU time), so calls of one kind wait while calls of the other are under way.
    const hidden = !!options.hiddenInputs;
    return this.turns.take(hidden, () => (hidden ? this.twinFor(module).call(module, fn, args, options) : this.callHere(module, fn, args, options)));
  }

  /** With hiddenCasesApart: whose turn it is, the visible calls' (here) or the hidden ones' (the twin's). */
  private readonly turns = new Turns();

  private callHere(module: string, fn: string, args: Value[], options: CallOptions): Promise<CallOutcome> {
    return new Promise<CallOutcome>((resolve, reject) => {
      const limitMs = options.timeoutMs ?? this.options.timeoutMs ?? 5000;
      this.waiting.push({ module, fn, args, limitMs, signal: options.signal, randomSeed: options.randomSeed, recordsUnchanged: options.recordsUnchanged, signatureOnly: options.signatureOnly, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const twin = this.hiddenTwin?.close();
    // Calls not sent yet fail at once (the sandbox is closed); those under way finish first.
    this.pump();
    if (this.waiting.length || this.sent.length) await new Promise<void>((r) => this.drained.push(r));
    // A start still under way would leave a process behind: let it finish, then stop it.
    await this.ready?.catch(() => undefined);
    const child = this.child;
    this.child = undefined;
    this.ready = undefined;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    }
    await twin;
    rmSync(this.dir, { recursive: true, force: true });
  }

  /**
   * Stops at once, without waiting for calls or for a start under way: for a sandbox started ahead that turned
   * out not to be needed (prestart.ts). Calls still waiting fail as after close().
   */
  abandon(): void {
    this.closed = true;
    this.hiddenTwin?.abandon();
    const child = this.child;
    this.child = undefined;
    this.live = false;
    clearTimeout(this.timer);
    child?.kill('SIGKILL');
    this.waiting.unshift(...this.sent.splice(0));
    this.pump();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Modules that finished loading once, and modules whose loading ran past a limit. */
  private readonly loaded = new Set<string>();
  private readonly hung = new Map<string, number>();

  /** Sends waiting calls to the child, starting one first if there is none. */
  private pump(): void {
    while (this.waiting.length && this.sent.length < MAX_IN_FLIGHT) {
      const job = this.waiting[0]!;
      const early = this.answerWithoutRunning(job);
      if (early) {
        this.waiting.shift();
        this.settle(job, early);
        continue;
      }
      const child = this.child;
      if (!child || !this.live) {
        this.startThenPump();
        return;
      }
      this.waiting.shift();
      const id = this.nextId++;
      const reply = randomBytes(16).toString('hex');
      let frame: Uint8Array;
      try {
        frame = encodeFrame({ type: 'call', id, reply, module: job.module, fn: job.fn, args: job.args.map(wireValue), ...(job.randomSeed === undefined ? {} : { randomSeed: job.randomSeed }), ...(job.recordsUnchanged ? { recordsUnchanged: job.recordsUnchanged } : {}), ...(job.signatureOnly ? { signatureOnly: true } : {}) } satisfies Omit<CallRequest, 'args'> & { args: unknown[] });
      } catch (err) {
        this.settle(job, { status: 'crashed', message: `the grader could not send the arguments: ${(err as Error).message}`, output: '' });
        continue;
      }
      job.id = id;
      job.reply = reply;
      this.sent.push(job);
      (child.stdio[REQUESTS_FD] as NodeJS.WritableStream).write(frame);
      if (this.sent.length === 1) this.begin(job);
    }
    this.checkDrained();
  }

  /** The outcome of a call that need not (or must not) reach the child: cancelled, budget spent, a file that hung. */
  private answerWithoutRunning(job: Job): CallOutcome | undefined {
    if (job.signal?.aborted) return { status: 'cancelled' };
    if (this.closed) return { status: 'crashed', message: 'the sandbox was closed before the call could start.', output: '' };
    // A file that never finished loading will not now: say so at once instead of waiting again.
    const hungFor = this.hung.get(job.module);
    if (hungFor !== undefined) return { status: 'timeout', limitMs: hungFor, phase: 'load' };
    const spent = this.budgetSpent();
    if (spent) return { status: 'timeout', limitMs: spent.seconds * 1000, phase: 'budget' };
    return undefined;
  }

  /** Whether the current child said it is ready. */
  private live = false;

  private startThenPump(): void {
    if (this.starting) return;
    this.starting = true;
    this.ensureStarted().then(
      () => {
        this.starting = false;
        // Started, and gone again before anything was sent: the next call fails rather than start forever.
        if (!this.child) this.failNext({ status: 'crashed', message: 'the sandbox stopped before the call could start.', output: '' });
        this.pump();
      },
      (err: unknown) => {
        this.starting = false;
        const job = this.waiting.shift();
        if (job && err instanceof IsolationError) job.reject(err);
        else if (job) this.settle(job, { status: 'crashed', message: `the sandbox could not start: ${(err as Error).message}`, output: '' });
        // Each call tries its own start, as when they came one by one.
        this.pump();
      },
    );
  }

  private failNext(outcome: CallOutcome): void {
    const job = this.waiting.shift();
    if (job) this.settle(job, outcome);
  }

  /** The first sent call is now the one running: its time starts. */
  private begin(job: Job): void {
    const callLimitMs = job.limitMs;
    const byBudget = this.deadline !== undefined && this.deadline.at - Date.now() < callLimitMs;
    const limitMs = byBudget ? Math.max(1, this.deadline!.at - Date.now()) : callLimitMs;
    const child = this.child;
    this.timer = setTimeout(() => {
      // Past its time and over its memory: the memory is the better explanation (on a busy machine, the
      // watcher's last look may predate the call's growth).
      if (treeResidentKb(child?.pid) > ((this.options.memoryMb ?? DEFAULT_MEMORY_MB) + 512) * 1024) {
        this.memoryExceeded = true;
        this.endRunning({ status: 'crashed', message: this.describeExit(null, 'SIGKILL'), output: '' });
      } else if (byBudget) this.endRunning({ status: 'timeout', limitMs: this.deadline!.seconds * 1000, phase: 'budget' });
      else if (this.loaded.has(job.module)) this.endRunning({ status: 'timeout', limitMs });
      else {
        this.hung.set(job.module, limitMs);
        this.endRunning({ status: 'timeout', limitMs, phase: 'load' });
      }
      this.kill();
    }, limitMs);
  }

  /** The running call ended with this outcome (when `id`, only if it is that call); false if none was running. */
  private endRunning(outcome: CallOutcome, id?: number): boolean {
    const job = this.sent[0];
    if (!job || (id !== undefined && job.id !== id)) return false;
    clearTimeout(this.timer);
    this.sent.shift();
    this.settle(job, outcome);
    return true;
  }

  /** The running call ended: the next sent one starts, and more are sent. */
  private finish(outcome: CallOutcome, id?: number) {
    if (!this.endRunning(outcome, id)) return;
    if (this.sent.length) this.begin(this.sent[0]!);
    this.pump();
  }

  private settle(job: Job, outcome: CallOutcome): void {
    job.resolve(outcome);
    this.checkDrained();
  }

  private checkDrained(): void {
    if (this.waiting.length || this.sent.length || !this.drained.length) return;
    for (const r of this.drained.splice(0)) r();
  }

  /**
   * Stops the child (or forgets it, when it is gone already): calls sent to it and not answered go back to
   * the front of the line, and go on in a fresh child.
   */
  private kill(alreadyGone = false) {
    const child = this.child;
    const wasLive = this.live;
    this.child = undefined;
    this.live = false;
    // A child that dies while its start is awaited (a guess at namespaces) leaves that start to decide.
    if (!alreadyGone || this.provisional !== child) this.ready = undefined;
    clearTimeout(this.timer);
    this.waiting.unshift(...this.sent.splice(0));
    if (!alreadyGone) child?.kill('SIGKILL');
    // A child that never came up had nothing sent to it: its start, failing, tells the calls waiting for it.
    if (wasLive) this.pump();
  }

  /** The child broke the protocol: the call fails with the reason and the child is replaced. */
  private refuse(reason: string) {
    this.stop(`it sent the grader something it refused (${reason}), so the sandbox was stopped.`);
  }

  private stop(message: string) {
    this.endRunning({ status: 'crashed', message, output: '' });
    this.kill();
  }

  private ensureStarted(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the sandbox was closed'));
    if (this.ready) return this.ready;
    this.ready = this.start();
    return this.ready;
  }

  private async start(): Promise<void> {
    const runtime = await sandboxRuntime();
    // Where namespaces are likely, the child starts under them at once: coming up at all proves them, so no
    // probe (a process start of its own, ~0.1 s) is needed. Only when it does not come up does the probe decide.
    if (likelyIsolation() === 'namespaces') {
      try {
        await this.launch(runtime, 'namespaces', true);
        namespacesConfirmed();
        return;
      } catch {
        // Not under namespaces, or not at all: the probe says which, below.
      } finally {
        this.provisional = undefined;
      }
    }
    const isolation = await detectIsolation();
    if (this.options.isolation === 'require' && isolation.mode !== 'namespaces') {
      throw new IsolationError(
        `Learner code must run isolated by the OS here, but ${isolation.reason ?? 'namespaces are unavailable'}. ` +
          `Install bubblewrap, or pass --allow-unisolated to grade with the permission model only (${describeIsolation(isolation)}), which the report then records.`,
      );
    }
    return this.launch(runtime, isolation.mode);
  }

  /** The child started on a guess, while start() waits for it: its exit does not end the start. */
  private provisional?: ChildProcess;

  private async launch(runtime: Runtime, mode: IsolationMode, provisional = false): Promise<void> {
    const memoryMb = this.options.memoryMb ?? DEFAULT_MEMORY_MB;
    const v8 = v8Flags(memoryMb, this.options.tuning ?? { youngGenerationMb: 2, lean: false });
    const tfCache = await sandboxTfCache(runtime, v8);
    if (this.closed) throw new Error('the sandbox was closed'); // abandoned while its runtime was being made ready
    const readable = [runtime.tf, runtime.script, ...(tfCache ? [tfCache] : []), runtime.runner, runtime.wasm, this.dir];
    const nodeArgs = [...nodeFlags(readable, v8), runtime.runner, this.dir, runtime.wasm];
    // Where the child finds V8's compiled code for TensorFlow.js (a file it may read, see runtime.ts).
    const env: Record<string, string> = tfCache ? { DEEPGRADE_TF_CACHE: tfCache } : {};
    // A little over the stray-output limit: the size check below names it first, the kernel stops a flood.
    const { command, args } = wrapCommand(mode, { node: process.execPath, nodeArgs, readable, cwd: this.dir, env, maxFileBytes: MAX_STRAY_OUTPUT_BYTES + 1024 * 1024 });
    const childCommand = { command, args, env: { NODE_ENV: 'production', ...env } };
    const recordable = this.starts === 0 && this.options.earlyFor ? folderless(childCommand, this.dir) : undefined;
    // The child graders/launch.mjs started for this command line, if it is this very command (early.ts).
    const early = recordable ? takeEarlySandbox(recordable) : undefined;
    if (early) {
      rmSync(this.dir, { recursive: true, force: true }); // empty: the early child's folder is this sandbox's now
      this.dir = early.dir;
      mark('sandbox took the child graders/launch.mjs started');
    }
    // stdout goes nowhere and stderr to a file: neither may be a socket, or learner code could take
    // net.Socket from process.stdout.constructor (Node's permission model does not cover sockets).
    // Writes to a file are synchronous, so what a call printed is on disk when its answer arrives.
    const stderrFile = path.join(this.dir, `stderr-${this.starts++}.log`);
    // The last child's is read already (describeExit): a child that floods stderr at every start leaves one file, not one each.
    if (this.stderrFile) rmSync(this.stderrFile, { force: true });
    let child: ChildProcess;
    if (early) child = early.child;
    else {
      const stderrFd = openSync(stderrFile, 'w', 0o600);
      try {
        child = spawn(command, args, { cwd: this.dir, stdio: ['ignore', 'ignore', stderrFd, 'pipe', 'pipe'], env: childCommand.env });
      } finally {
        closeSync(stderrFd);
      }
    }
    this.child = child;
    if (provisional) this.provisional = child;
    this.stderrFile = stderrFile;
    const channel = child.stdio[ANSWERS_FD] as Readable;
    const reader = new FrameReader();
    let onReady: (() => void) | undefined;
    channel.on('data', (chunk: Buffer) => {
      if (this.child !== child) return;
      let messages: RunnerMessage[];
      try {
        messages = reader.push(chunk).map(decodeRunnerMessage);
      } catch (err) {
        this.refuse(err instanceof WireError ? err.message : 'an unreadable message');
        return;
      }
      for (const m of messages) {
        if (this.child !== child) return;
        const running = this.sent[0];
        // An answer without the running call's token was not written by the runner (learner code that found a way
        // to write to the channel): refused, as is any message nobody asked for.
        if (m.type !== 'ready' && (!running || m.reply !== running.reply)) {
          this.refuse(`a "${m.type}" message that does not answer the call it was running`);
          return;
        }
        if (m.type === 'ready' && onReady) {
          this.live = true;
          onReady();
          onReady = undefined;
        } else if (m.type === 'loaded' && running && m.module === running.module) {
          this.loaded.add(m.module);
        } else if (m.type === 'result' && running && m.id === running.id) {
          // Printed around console.log, beyond the cap: this call did it (the writes were synchronous).
          if (this.strayOutputOver()) return this.stop(STRAY_OUTPUT_MESSAGE);
          if (m.outcome.status === 'tampered') {
            // Built-ins the learner changed would leak into the next call: that one runs in a fresh child.
            this.endRunning(m.outcome, m.id);
            this.kill();
            return;
          }
          this.finish(m.outcome, m.id);
        } else {
          this.refuse(`a "${m.type}" message it was not asked for`);
          return;
        }
      }
    });
    channel.on('error', () => undefined); // the exit handler says what happened
    (child.stdio[REQUESTS_FD] as Readable).on('error', () => undefined); // a request to a child that is gone: likewise
    this.watchMemory(child);
    child.on('exit', (code, signal) => {
      // A child we killed ourselves (after a timeout) is no longer current: its exit ends nothing.
      if (this.child !== child) return;
      this.endRunning({ status: 'crashed', message: this.describeExit(code, signal), output: '' });
      this.kill(true);
    });
    await new Promise<void>((resolve, reject) => {
      onReady = () => {
        child.off('exit', onExit);
        // Up: the next `npm run grade` with this command line may start this same command first of all.
        if (recordable) recordEarlySandbox(this.options.root, this.options.earlyFor!, recordable);
        resolve();
      };
      const onExit = (code: number | null) => reject(new Error(`it exited with code ${code}: ${this.stderrTail.trim().slice(-1000)}`));
      child.once('exit', onExit);
      child.once('error', (err) => reject(err));
    });
  }

  /**
   * The heap limit does not cover tensor memory (ArrayBuffers live outside the
   * JavaScript heap), so the resident size of the child and everything under it
   * (bubblewrap's processes included) is watched too (Linux).
   */
  private watchMemory(child: ChildProcess) {
    const limitKb = ((this.options.memoryMb ?? DEFAULT_MEMORY_MB) + 512) * 1024;
    const timer = setInterval(() => {
      if (this.child !== child) return;
      const rss = treeResidentKb(child.pid);
      if (rss > limitKb) {
        this.memoryExceeded = true;
        child.kill('SIGKILL');
      } else if (this.strayOutputOver()) {
        this.stop(STRAY_OUTPUT_MESSAGE);
      }
    }, 100);
    timer.unref();
    child.once('exit', () => clearInterval(timer));
  }

  private memoryExceeded = false;
  private starts = 0;
  private stderrFile?: string;

  private strayOutputOver(): boolean {
    try {
      return this.stderrFile !== undefined && statSync(this.stderrFile).size > MAX_STRAY_OUTPUT_BYTES;
    } catch {
      return false;
    }
  }

  /** The last few thousand characters the child wrote to stderr (Node's own fatal errors land there). */
  private get stderrTail(): string {
    if (!this.stderrFile) return '';
    try {
      const size = statSync(this.stderrFile).size;
      const fd = openSync(this.stderrFile, 'r');
      try {
        const length = Math.min(size, 4000);
        const buf = Buffer.alloc(length);
        readSync(fd, buf, 0, length, size - length);
        return buf.toString('utf8');
      } finally {
        closeSync(fd);
      }
    } catch {
      return '';
    }
  }

  private describeExit(code: number | null, signal: NodeJS.Signals | null): string {
    const limit = this.options.memoryMb ?? DEFAULT_MEMORY_MB;
    if (this.memoryExceeded || /heap out of memory|Allocation failed/i.test(this.stderrTail)) {
      this.memoryExceeded = false;
      return `it ran out of memory (the limit is ${limit} MB of heap, ${limit + 512} MB in all). Free tensors you no longer need (tf.tidy, dispose).`;
    }
    // Past the file-size limit (ChildSpec.maxFileBytes): killed by SIGXFSZ (under bubblewrap, 128 + 25), or, as
    // Node ignores that signal, its next write to stderr fails and the runner exits. Either may come before the answer.
    if (signal === 'SIGXFSZ' || code === 128 + 25 || this.strayOutputOver()) return STRAY_OUTPUT_MESSAGE;
    if (code === SANDBOX_BROKEN_EXIT) {
      const why = this.stderrTail.trim().split('\n').at(-1)?.slice(0, 300);
      return `running it left TensorFlow.js in the sandbox unusable${why ? ` (${why})` : ''}, so the sandbox was restarted.`;
    }
    if (signal) return `the process was killed (${signal}).`;
    if (code === 0) return 'the process exited (code 0) in the middle of the call — does your code call process.exit()?';
    return `the process exited with code ${code}.${this.stderrTail.trim() ? ` It printed: ${this.stderrTail.trim().slice(-500)}` : ''}`;
  }
}

/**
 * Node's permission model for the child: read only the runtime and its own
 * folder; no file writes, child processes, workers or native addons; no eval or
 * new Function (v8Flags). Under namespaces this is the second wall.
 */
function nodeFlags(readable: string[], v8: string[]): string[] {
  return [
    '--experimental-permission',
    ...readable.map((p) => `--allow-fs-read=${/\.(mjs|js|cache)$/.test(p) ? p : `${p}${path.sep}*`}`),
    '--no-addons',
    '--disable-warning=ExperimentalWarning',
    ...v8,
    '--enable-source-maps',
  ];
}

/** The child's V8 flags: also those of the process that makes V8's code cache for it (runtime.ts), which must match. */
function v8Flags(memoryMb: number, tuning: SandboxTuning): string[] {
  return [
    '--disallow-code-generation-from-strings',
    `--max-old-space-size=${memoryMb}`,
    // Smaller than V8's default of up to 16 MB (see SandboxTuning).
    `--max-semi-space-size=${tuning.youngGenerationMb}`,
    ...(tuning.lean ? ['--single-threaded', '--no-turbo-inlining'] : []),
  ];
}

/** Resident memory of a process and all its descendants, in kB (0 where /proc cannot tell). */
export function treeResidentKb(pid: number | undefined): number {
  if (pid === undefined) return 0;
  let total = 0;
  const stack = [pid];
  for (let guard = 0; stack.length && guard < 64; guard++) {
    const p = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) total += Number(m[1]);
      const children = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim();
      if (children) stack.push(...children.split(/\s+/).map(Number));
    } catch {
      // gone already, or not Linux
    }
  }
  return total;
}
