import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { buildDir } from '../paths';
import type { CallOptions, CallOutcome, Implementation } from '../implementation';
import type { Value } from '../values';
import { buildRunner } from './build';
import type { CallRequest, RunnerMessage } from './protocol';

export interface SandboxOptions {
  root: string;
  /** Default limit for one call. */
  timeoutMs?: number;
  /** The JavaScript heap limit; the whole process (tensors included) may use 512 MB more. */
  memoryMb?: number;
}

const DEFAULT_MEMORY_MB = 1024;

type Pending = { id: number; resolve: (o: CallOutcome) => void; timer: NodeJS.Timeout; limitMs: number };

/**
 * A child Node process that runs learner functions, one call at a time.
 * A call that runs too long or kills the process ends that call only: the child
 * is replaced on the next call, so grading goes on.
 */
export class Sandbox {
  private child?: ChildProcess;
  private ready?: Promise<void>;
  private pending?: Pending;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private stderrTail = '';

  constructor(private readonly options: SandboxOptions) {}

  /** Starts the process ahead of the first call, so TensorFlow.js loads while the grader prepares. */
  warmUp(): Promise<void> {
    return this.ensureStarted();
  }

  implementation(moduleFile: string, label = 'your code'): Implementation {
    return { label, call: (fn, args, options) => this.call(moduleFile, fn, args, options) };
  }

  call(moduleFile: string, fn: string, args: Value[], options: CallOptions = {}): Promise<CallOutcome> {
    const run = this.queue.then(() => this.callNow(moduleFile, fn, args, options.timeoutMs ?? this.options.timeoutMs ?? 5000));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await this.queue;
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
  }

  /** Modules that finished loading once, and modules whose loading ran past a limit. */
  private readonly loaded = new Set<string>();
  private readonly hung = new Map<string, number>();

  private async callNow(module: string, fn: string, args: Value[], limitMs: number): Promise<CallOutcome> {
    // A file that never finished loading will not now: say so at once instead of waiting again.
    const hungFor = this.hung.get(module);
    if (hungFor !== undefined) return { status: 'timeout', limitMs: hungFor, phase: 'load' };
    try {
      await this.ensureStarted();
    } catch (err) {
      return { status: 'crashed', message: `the sandbox could not start: ${(err as Error).message}`, output: '' };
    }
    const child = this.child!;
    const id = this.nextId++;
    return new Promise<CallOutcome>((resolve) => {
      const timer = setTimeout(() => {
        if (this.loaded.has(module)) this.finish({ status: 'timeout', limitMs });
        else {
          this.hung.set(module, limitMs);
          this.finish({ status: 'timeout', limitMs, phase: 'load' });
        }
        this.kill();
      }, limitMs);
      this.pending = { id, resolve, timer, limitMs };
      const request: CallRequest = { type: 'call', id, module, fn, args };
      try {
        child.send(request);
      } catch (err) {
        this.finish({ status: 'crashed', message: `the sandbox stopped answering (${(err as Error).message}).`, output: '' });
      }
    });
  }

  private finish(outcome: CallOutcome, id?: number) {
    const p = this.pending;
    if (!p || (id !== undefined && p.id !== id)) return;
    clearTimeout(p.timer);
    this.pending = undefined;
    p.resolve(outcome);
  }

  private kill() {
    const child = this.child;
    this.child = undefined;
    this.ready = undefined;
    child?.kill('SIGKILL');
  }

  private ensureStarted(): Promise<void> {
    if (this.ready) return this.ready;
    this.ready = this.start();
    return this.ready;
  }

  private async start(): Promise<void> {
    const runner = await buildRunner(this.options.root);
    const child = fork(runner, [], {
      cwd: buildDir(this.options.root),
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      execArgv: sandboxFlags(this.options.root, this.options.memoryMb ?? DEFAULT_MEMORY_MB),
      env: { NODE_ENV: 'production' },
    });
    this.child = child;
    this.stderrTail = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString()).slice(-4000);
    });
    child.on('message', (m: RunnerMessage) => {
      if (m.type === 'loaded') this.loaded.add(m.module);
      if (m.type !== 'result') return;
      this.finish(m.outcome, m.id);
      // Built-ins the learner changed would leak into the next check: start that one afresh.
      if (m.outcome.status === 'tampered') this.kill();
    });
    this.watchMemory(child);
    child.on('exit', (code, signal) => {
      // A child we killed ourselves (after a timeout) is no longer current: its exit ends nothing.
      if (this.child !== child) return;
      this.child = undefined;
      this.ready = undefined;
      this.finish({ status: 'crashed', message: this.describeExit(code, signal), output: '' });
    });
    await new Promise<void>((resolve, reject) => {
      const onMessage = (m: RunnerMessage) => {
        if (m.type === 'ready') {
          child.off('message', onMessage);
          child.off('exit', onExit);
          resolve();
        }
      };
      const onExit = (code: number | null) => reject(new Error(`it exited with code ${code}: ${this.stderrTail.trim()}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.once('error', (err) => reject(err));
    });
  }

  /**
   * The heap limit does not cover tensor memory (ArrayBuffers live outside the
   * JavaScript heap), so the process's resident size is watched too (Linux).
   */
  private watchMemory(child: ChildProcess) {
    const limitKb = ((this.options.memoryMb ?? DEFAULT_MEMORY_MB) + 512) * 1024;
    const timer = setInterval(() => {
      const rss = residentKb(child.pid);
      if (rss !== undefined && rss > limitKb && this.child === child) {
        this.memoryExceeded = true;
        child.kill('SIGKILL');
      }
    }, 100);
    timer.unref();
    child.once('exit', () => clearInterval(timer));
  }

  private memoryExceeded = false;

  private describeExit(code: number | null, signal: NodeJS.Signals | null): string {
    const limit = this.options.memoryMb ?? DEFAULT_MEMORY_MB;
    if (this.memoryExceeded || /heap out of memory|Allocation failed/i.test(this.stderrTail)) {
      this.memoryExceeded = false;
      return `it ran out of memory (the limit is ${limit} MB of heap, ${limit + 512} MB in all). Free tensors you no longer need (tf.tidy, dispose).`;
    }
    if (signal) return `the process was killed (${signal}).`;
    if (code === 0) return 'the process exited (code 0) in the middle of the call — does your code call process.exit()?';
    return `the process exited with code ${code}.${this.stderrTail.trim() ? ` It printed: ${this.stderrTail.trim().slice(-500)}` : ''}`;
  }
}

/**
 * Node's permission model for the sandbox: read only the built code and the
 * packages it imports; no file writes, child processes or workers (denied by
 * default once permissions are on); no eval or new Function.
 */
function sandboxFlags(root: string, memoryMb: number): string[] {
  const readable = new Set<string>();
  for (const dir of [path.join(root, 'node_modules'), buildDir(root)]) {
    readable.add(dir);
    try {
      readable.add(realpathSync(dir));
    } catch {
      // not there yet: the build creates it, and a missing node_modules fails loudly on import
    }
  }
  return [
    '--experimental-permission',
    ...[...readable].map((dir) => `--allow-fs-read=${dir}${path.sep}*`),
    '--disallow-code-generation-from-strings',
    '--disable-warning=ExperimentalWarning',
    `--max-old-space-size=${memoryMb}`,
    '--enable-source-maps',
  ];
}

function residentKb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}
