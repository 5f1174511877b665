/**
 * Untrusted learner code, at its worst. Each case replaces the learner's
 * computeCost (or the whole file's top level) with something hostile or
 * broken, and asserts the exact status, message and score; that the next
 * exercise (layerSizes) is still graded; that no learner file changed; and that
 * nothing was written outside reports/ and deepgrade's build folder.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeAssignment } from '../graders/engine/grade';
import { loadGrader } from '../graders/engine/registry';
import type { CheckStatus } from '../graders/engine/report/model';
import { Sandbox } from '../graders/engine/sandbox/client';
import { copyRepo } from './support/repo-copy';

const ID = 'course1/week3/planar-classification';
let repo: string;
let sandbox: Sandbox;
let patient: Sandbox;
let solution: string;

const COST = /export function computeCost\([^)]*\): number \{\n[\s\S]*?\n\}\n/;

interface Case {
  name: string;
  /** Replaces computeCost; `top` is added at the top level; `imports` at the top of the file. */
  cost?: string;
  top?: string;
  imports?: string;
  status: CheckStatus;
  message: RegExp;
  /** computeCost's score out of 4. */
  score?: number;
  /** Whether layerSizes, in the same file, still scores its point (false when the whole file cannot run). */
  nextGraded?: boolean;
  /** Grade in a sandbox with a 20 s call limit (memory limits, not time, are what the case is about). */
  patient?: boolean;
}

const fn = (body: string) => `export function computeCost(A2: tf.Tensor2D, Y: tf.Tensor2D): number {\n${body}\n}\n`;
const right = `  const m = Y.shape[1];
  const logprobs = tf.add(tf.mul(Y, tf.log(A2)), tf.mul(tf.sub(1, Y), tf.log(tf.sub(1, A2))));
  return -tf.sum(logprobs).dataSync()[0]! / m;`;

const CASES: Case[] = [
  { name: 'a syntax error', cost: 'export function computeCost(A2: tf.Tensor2D, Y: tf.Tensor2D): number {\n  return (1 +;\n}\n', status: 'error', message: /does not compile:\nexercises\/course1\/week3\/planar-classification\.ts:\d+:\d+: /, score: 0, nextGraded: false },
  { name: 'a TypeScript type error (graded on behaviour; `npm test` type-checks)', cost: fn(`  const unused: number = 'text' as unknown as string;\n  void unused;\n${right}`), status: 'passed', message: /All 3 cases match/, score: 4 },
  { name: 'throwing', cost: fn(`  throw new Error('I give up');`), status: 'error', message: /computeCost threw an error: I give up/, score: 0 },
  { name: 'returning undefined', cost: fn(`  return undefined as unknown as number;`), status: 'failed', message: /should be a number, but is undefined\. Did you forget a return statement\?/, score: 0 },
  { name: 'returning a plain array', cost: fn(`  return [0.5] as unknown as number;`), status: 'failed', message: /should be a number, but is a plain array of length 1/, score: 0 },
  { name: 'returning a tensor of the wrong shape', cost: fn(`  return tf.ones([2, 3]) as unknown as number;`), status: 'failed', message: /should be a number, but is a float32 tensor of shape \[2, 3\]/, score: 0 },
  { name: 'returning a tensor of the wrong dtype', cost: fn(`  return tf.tensor(['0.69']) as unknown as number;`), status: 'failed', message: /should be a number, but is a string tensor/, score: 0 },
  { name: 'returning NaN', cost: fn(`  return NaN;`), status: 'failed', message: /contains 1 NaN or infinite value/, score: 0 },
  { name: 'an infinite loop', cost: fn(`  for (;;) {}`), status: 'timeout', message: /ran past its 2 s limit — an infinite loop/, score: 0 },
  { name: 'a busy loop at import time', top: 'for (;;) {}', status: 'timeout', message: /did not finish loading within 2 s/, score: 0, nextGraded: false },
  // Memory bombs get a patient sandbox (20 s a call): on a loaded machine 2 s can pass before 256 MB is reached.
  { name: 'a memory bomb', cost: fn(`  const hoard: number[][] = [];\n  for (;;) hoard.push(new Array(1e6).fill(Math.random()));`), status: 'error', message: /ran out of memory/, score: 0, patient: true },
  // 200 MB a step: over the memory limit within a few steps, well inside the time limit even on a busy machine.
  { name: 'a tensor memory bomb', cost: fn(`  for (;;) tf.keep(tf.fill([5e7], 1));`), status: 'error', message: /ran out of memory/, score: 0, patient: true },
  { name: 'process.exit(0) in the middle', cost: fn(`  process.exit(0);`), status: 'error', message: /computeCost threw an error: process\.exit\(\) is not available to exercise code/, score: 0 },
  // Stopped by the kernel at the file-size limit (prlimit), or by the size check, whichever comes first: a few MB, not the 16 MB a write.
  // process.stderr is a stand-in keeping what it is given as the call's output, cut at its cap (lockdown.ts): this is just a loop.
  { name: 'flooding process.stderr', cost: fn(`  for (;;) process.stderr.write('x'.repeat(1 << 24));`), status: 'timeout', message: /ran past its 2 s limit/, score: 0 },
  // The runner's channel is a bare file descriptor: no socket or stream of it for a hook on every emitter to find
  // and write forged answers through (a Math.abs replaced, then reported 'ok'), no stdio class to open it with.
  {
    name: 'hooking EventEmitter.prototype.emit to take the channel and rewrite its answers',
    imports: `import { EventEmitter } from 'node:events';`,
    top: `const found: { write?: (...a: unknown[]) => unknown }[] = [];
const emit = EventEmitter.prototype.emit;
EventEmitter.prototype.emit = function (this: { write?: (...a: unknown[]) => unknown }, event: string | symbol, ...args: unknown[]) {
  if (typeof this?.write === 'function' && !found.includes(this)) {
    found.push(this);
    const write = this.write.bind(this);
    this.write = (frame: unknown, ...rest: unknown[]) => write(typeof frame === 'string' || frame instanceof Uint8Array ? Buffer.from(Buffer.from(frame as Uint8Array).toString('latin1').replace('"tampered"', '"ok"'), 'latin1') : frame, ...rest);
  }
  return emit.call(this, event, ...args);
};`,
    cost: fn(`  Math.abs = (x: number) => (x < 0 ? -x : x);\n${right}`),
    status: 'error',
    message: /changed JavaScript or TensorFlow\.js built-ins \(Math\.abs\)/,
    score: 0,
  },
  {
    name: "hooking EventEmitter.prototype.emit to take any socket's class and open the answers' descriptor",
    imports: `import { EventEmitter } from 'node:events';`,
    top: `const writers: { write(s: string): unknown }[] = [];
const emit = EventEmitter.prototype.emit;
EventEmitter.prototype.emit = function (this: { constructor?: new (o: object) => { write(s: string): unknown } }, event: string | symbol, ...args: unknown[]) {
  if (this?.constructor?.name === 'Socket' && !writers.length) writers.push(new this.constructor({ fd: 4, readable: false, writable: true }));
  return emit.call(this, event, ...args);
};`,
    cost: fn(`  Math.abs = (x: number) => (x < 0 ? -x : x);\n  for (const w of writers) w.write('forged');\n${right}`),
    status: 'error',
    message: /changed JavaScript or TensorFlow\.js built-ins \(Math\.abs\)/,
    score: 0,
  },
  // TensorFlow.js's bundle holds node-fetch, which loads http, stream, zlib… through the require the bundle is given:
  // in a sandbox, a require that serves util alone (a learner took net.Socket this way, then opened fd 4 with it).
  {
    name: "loading node's http through TensorFlow.js's own fetch",
    cost: fn(`  void (tf.env() as unknown as { platform: { fetch(u: string): unknown } }).platform.fetch('http://127.0.0.1:1/');\n${right}`),
    status: 'error',
    message: /computeCost threw an error: .*"(http|https|stream|zlib|url|punycode)" is not available in the sandbox/,
    score: 0,
  },
  {
    name: "writing a forged answer to the channel with process.stdout's class",
    cost: fn(`  const Writer = (process.stdout as unknown as { constructor: new (fd: number) => { write(s: string): void } }).constructor;\n  new Writer(3).write('{"type":"result"}');\n${right}`),
    status: 'error',
    message: /computeCost threw an error: .*write is not a function/,
    score: 0,
  },
  {
    name: "reading the grader's requests with process.stdin's class",
    cost: fn(`  const Reader = (process.stdin as unknown as { constructor: new (p: null, o: { fd: number }) => { on(e: string, f: () => void): void } }).constructor;\n  new Reader(null, { fd: 3 }).on('data', () => undefined);\n${right}`),
    status: 'error',
    message: /computeCost threw an error: .*on is not a function/,
    score: 0,
  },
  { name: 'huge console output', cost: fn(`  for (let i = 0; i < 1e5; i++) console.log('x'.repeat(100));\n${right}`), status: 'passed', message: /All 3 cases match/, score: 4 },
  // The contract of every call: the tensors given come back alive and unchanged (sandbox/arguments.ts).
  { name: 'mutating its inputs', cost: fn(`  const cost = (() => {\n${right}\n  })();\n  (A2 as unknown as { shape: number[] }).shape[0] = 99;\n  return cost;`), status: 'error', message: /computeCost returned, but it changed the shape of argument 1/, score: 0 },
  { name: 'writing into its inputs', cost: fn(`  const cost = (() => {\n${right}\n  })();\n  (A2.dataSync() as Float32Array)[0] += 1;\n  return cost;`), status: 'error', message: /computeCost returned, but it changed argument 1 in place \(element 0 was/, score: 0 },
  { name: 'disposing its inputs', cost: fn(`  const cost = (() => {\n${right}\n  })();\n  A2.dispose();\n  Y.dispose();\n  return cost;`), status: 'error', message: /computeCost returned, but it disposed argument 1, a tensor it was given; it disposed argument 2/, score: 0 },
  { name: 'leaking thousands of tensors', cost: fn(`  for (let i = 0; i < 5000; i++) tf.scalar(i).add(1);\n${right}`), status: 'passed', message: /All 3 cases match/, score: 4 },
  { name: 'monkey-patching Math', cost: fn(`  Math.log = () => 0;\n${right}`), status: 'error', message: /changed JavaScript or TensorFlow\.js built-ins \(Math\.log\)/, score: 0 },
  { name: 'monkey-patching Array.prototype', cost: fn(`  (Array.prototype as unknown as { map: unknown }).map = () => [];\n${right}`), status: 'error', message: /built-ins \(Array\.prototype\.map\)/, score: 0 },
  // After the check at the call's end: a getter read with its value, or a promise callback it left behind.
  { name: 'monkey-patching Math from a getter on its value', cost: fn(`  return { get cost() { Math.log = () => 0; return 0.69; } } as unknown as number;`), status: 'error', message: /built-ins \(Math\.log\)/, score: 0 },
  // Found when the next call starts (a call of its own may have passed before): the change never goes unreported.
  { name: 'monkey-patching Math in a promise callback left behind', cost: fn(`  void Promise.resolve().then(() => { Math.log = () => 0; });\n${right}`), status: 'error', message: /built-ins \(Math\.log\)/ },
  // The check's own loops once stepped with the array iterator: replaced, it hid every member from the check.
  {
    name: 'blinding the check through the array iterator, then changing Math',
    cost: fn(`  const proto = Object.getPrototypeOf([][Symbol.iterator]()) as { next(): IteratorResult<unknown> };\n  const next = proto.next;\n  proto.next = function (this: unknown) { const r = next.call(this); return r.done || typeof r.value !== 'object' || r.value === null || !('obj' in (r.value as object)) ? r : { done: true, value: undefined }; };\n  Math.log = () => 0;\n${right}`),
    status: 'error',
    message: /changed JavaScript or TensorFlow\.js built-ins \(.*(Math\.log|Array iterator\.next)/,
    score: 0,
  },
  // The machine's free memory (and CPU times, network interfaces) told a hidden case's child to the visible one.
  { name: 'reading the machine through process.report', cost: fn(`  void (process as unknown as { report: { getReport(): unknown } }).report.getReport();\n${right}`), status: 'error', message: /computeCost threw an error: .*(process\.report|getReport)/, score: 0 },
  { name: 'monkey-patching tf', cost: fn(`  (tf.Tensor.prototype as unknown as { sum: unknown }).sum = () => tf.scalar(0);\n${right}`), status: 'error', message: /built-ins \(tf\.Tensor\.prototype\.sum\)/, score: 0 },
  { name: 'reading a solution file', imports: `import { readFileSync } from 'node:fs';`, cost: fn(`  return Number(readFileSync('../../../solutions/course1/week3/planar-classification.ts', 'utf8').length);`), status: 'error', message: /"node:fs" is a Node\.js built-in module: exercise code has no access to files, processes or the network/, score: 0, nextGraded: false },
  { name: 'reading files through process.binding', cost: fn(`  (process as unknown as { binding(n: string): unknown }).binding('fs');\n  return 0;`), status: 'error', message: /process\.binding is not available to exercise code/, score: 0 },
  { name: 'writing to the reports folder', imports: `import * as fs from 'fs';`, cost: fn(`  fs.writeFileSync('reports/week3.json', '{"score": 100}');\n  return 0;`), status: 'error', message: /"fs" is a Node\.js built-in module/, score: 0, nextGraded: false },
  { name: 'spawning a process', imports: `import { execSync } from 'child_process';`, cost: fn(`  execSync('touch /tmp/deepgrade-pwned');\n  return 0;`), status: 'error', message: /"child_process" is a Node\.js built-in module/, score: 0, nextGraded: false },
  { name: 'opening a network socket', imports: `import net from 'node:net';`, cost: fn(`  net.connect(9, '127.0.0.1');\n  return 0;`), status: 'error', message: /"node:net" is a Node\.js built-in module/, score: 0, nextGraded: false },
  { name: 'fetching from the network', cost: fn(`  void (globalThis as unknown as { fetch(u: string): unknown }).fetch('http://127.0.0.1:9/');\n  return 0;`), status: 'error', message: /threw an error: .*fetch is not a function/, score: 0 },
  { name: 'importing a module outside the exercise', imports: `import { computeCost as reference } from '../../../solutions/course1/week3/planar-classification';`, cost: fn(`  return reference(A2, Y);`), status: 'error', message: /"\.\.\/\.\.\/\.\.\/solutions\/course1\/week3\/planar-classification" is outside what exercise code may import/, score: 0, nextGraded: false },
  { name: 'importing a package', imports: `import * as fc from 'fast-check';`, cost: fn(`  void fc;\n  return 0;`), status: 'error', message: /"fast-check" is not available to exercise code/, score: 0, nextGraded: false },
  { name: 'a computed dynamic import', cost: fn(`  void import(['node', 'fs'].join(':'));\n  return 0;`), status: 'error', message: /import\(\) with a computed module name is not allowed/, score: 0, nextGraded: false },
  { name: 'eval', cost: fn(`  return (0, eval)('0.69') as number;`), status: 'error', message: /threw an error: Code generation from strings disallowed/, score: 0 },
  { name: 'killing the grader', cost: fn(`  process.kill(process.ppid, 'SIGKILL');\n  return 0;`), status: 'error', message: /process\.kill is not available to exercise code/, score: 0 },
  { name: 'an async function that never resolves', cost: `export async function computeCost(A2: tf.Tensor2D, Y: tf.Tensor2D): Promise<number> {\n  return new Promise(() => {});\n}\n`, status: 'timeout', message: /ran past its 2 s limit/, score: 0 },
  { name: 'throwing a Proxy that throws when read', cost: fn(`  throw new Proxy({}, { get() { throw new Error('no'); }, getPrototypeOf() { throw new Error('no'); } });`), status: 'error', message: /computeCost threw an error: a thrown value that cannot be turned into text/, score: 0 },
  { name: 'a Proxy that lies about its shape', cost: fn(`  const t = tf.scalar(0.69);\n  return new Proxy(t, { get: (target, key) => (key === 'shape' ? [] : key === 'dataSync' ? () => new Float32Array([1, 2]) : Reflect.get(target, key)) }) as unknown as number;`), status: 'failed', message: /should be a number, but is a tensor whose data \(2 values\) does not fit its shape/, score: 0 },
];

function tree(dir: string, skip = new Set(['node_modules', 'reports', '.deepgrade'])): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (skip.has(name)) continue;
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[path.relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

beforeAll(() => {
  repo = copyRepo();
  solution = readFileSync(path.join(repo, 'solutions', `${ID}.ts`), 'utf8');
  sandbox = new Sandbox({ root: repo, timeoutMs: 2000, memoryMb: 256 });
  patient = new Sandbox({ root: repo, timeoutMs: 20_000, memoryMb: 256 });
});
afterAll(async () => {
  await sandbox.close();
  await patient.close();
  rmSync(repo, { recursive: true, force: true });
});

describe('untrusted learner code', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    let source = c.cost ? solution.replace(COST, c.cost) : solution;
    if (c.top) source += `\n${c.top}\n`;
    if (c.imports) source = `${c.imports}\n${source}`;
    expect(source).not.toBe(solution);
    const learnerFile = path.join(repo, 'exercises', `${ID}.ts`);
    writeFileSync(learnerFile, source);
    const before = tree(repo);

    const def = await loadGrader(repo, ID);
    const result = await gradeAssignment(def, { root: repo, seed: 1, sandbox: c.patient ? patient : sandbox, only: ['layerSizes', 'computeCost'], hidden: false });

    const cost = result.exercises.find((e) => e.name === 'computeCost')!;
    // A problem with the whole file is reported once, on the assignment's first check (the rest are skipped).
    const failing = (k: { status: string }) => k.status !== 'passed' && k.status !== 'skipped';
    const first = cost.checks.find(failing) ?? result.exercises.flatMap((e) => e.checks).find(failing) ?? cost.checks[0]!;
    expect(first.status).toBe(c.status);
    expect(first.message).toMatch(c.message);
    if (c.score !== undefined) expect(cost.score).toBe(c.score);
    const next = result.exercises.find((e) => e.name === 'layerSizes')!;
    expect(next.score).toBe(c.nextGraded === false ? 0 : next.maxScore);

    expect(tree(repo)).toEqual(before);
    expect(existsSync('/tmp/deepgrade-pwned')).toBe(false);
  });

  it("prints a hidden case's inputs nowhere, even when the learner's code prints its arguments", async () => {
    // As many lines as the case's first value says: a count in the report would tell it.
    const spy = fn(`  console.log('A2 = ' + Array.from(A2.dataSync()).join(' '));\n  for (let i = 0; i < Math.round(A2.dataSync()[0]! * 20); i++) console.log('.');\n${right}`);
    writeFileSync(path.join(repo, 'exercises', `${ID}.ts`), solution.replace(COST, spy));
    const def = await loadGrader(repo, ID);
    const result = await gradeAssignment(def, { root: repo, seed: 1, sandbox, only: ['computeCost'], hidden: true });
    const seeded = result.exercises.find((e) => e.name === 'computeCost')!.checks.find((k) => k.name === 'seeded cases')!;
    expect(seeded.status).toBe('passed');
    const hidden = JSON.parse(readFileSync(path.join(repo, 'graders', `${ID}.hidden.fixtures.json`), 'utf8')) as {
      checks: Record<string, { cases: { args: { data: number[] }[] }[] }>;
    };
    const hiddenA2 = hidden.checks['computeCost/seeded cases']!.cases.map((c) => c.args[0]!.data);
    expect(hiddenA2.length).toBeGreaterThan(0);
    // The public cases' arguments are shown; each hidden case's only as a line saying it was withheld.
    expect(seeded.output).toMatch(/^A2 = /m);
    expect(seeded.output!.match(/printed during a hidden case: not shown/g)).toHaveLength(hiddenA2.length);
    expect(seeded.output).not.toMatch(/\d+ lines? printed during a hidden case/);
    const shown = JSON.stringify(result);
    for (const data of hiddenA2) expect(shown).not.toContain(String(Math.fround(data[0]!)).slice(0, 8));
  });

  // Official grading runs hidden cases in a child of their own (SandboxOptions.hiddenCasesApart): what a call keeps
  // from one (a global it fills) cannot be printed, thrown or returned by a later visible call.
  it("lets no later visible call print, throw or return what code kept from a hidden case", async () => {
    const keeper = `const kept: string[] = ((globalThis as unknown as { kept?: string[] }).kept ??= []);
export function computeCost(A2: tf.Tensor2D, Y: tf.Tensor2D): number {
  kept.push(Array.from(A2.dataSync()).join(' '));
  console.log('seen so far: ' + kept.join(' | '));
  if (kept.length > 3) throw new Error('seen so far: ' + kept.join(' | '));
${right}
}
`;
    writeFileSync(path.join(repo, 'exercises', `${ID}.ts`), solution.replace(COST, keeper));
    const hidden = JSON.parse(readFileSync(path.join(repo, 'graders', `${ID}.hidden.fixtures.json`), 'utf8')) as {
      checks: Record<string, { cases: { args: { data: number[] }[] }[] }>;
    };
    const hiddenA2 = hidden.checks['computeCost/seeded cases']!.cases.map((c) => c.args[0]!.data);
    const apart = new Sandbox({ root: repo, timeoutMs: 2000, memoryMb: 256, hiddenCasesApart: true });
    try {
      const def = await loadGrader(repo, ID);
      const result = await gradeAssignment(def, { root: repo, seed: 1, sandbox: apart, only: ['computeCost'], hidden: true });
      const shown = JSON.stringify(result);
      expect(shown).toContain('seen so far: ');
      for (const data of hiddenA2) expect(shown).not.toContain(String(Math.fround(data[0]!)).slice(0, 8));
    } finally {
      await apart.close();
    }
  });

  // The visible child's clock timed the hidden child's calls that ran between two of its own (a hidden case's
  // inputs became how long a call on it waited). Official grading now makes every call on a hidden case after every
  // call on a public one, and judges the checks then: same scores, no visible call after a hidden one.
  it('runs every call on a hidden case after every call on a public one, with the same grade', async () => {
    writeFileSync(path.join(repo, 'exercises', `${ID}.ts`), solution);
    const def = await loadGrader(repo, ID);
    const only = ['computeCost', 'backwardPropagation', 'predict'];
    const apart = new Sandbox({ root: repo, timeoutMs: 5000, hiddenCasesApart: true });
    const order: boolean[] = [];
    const call = apart.call.bind(apart);
    apart.call = (module, fn, args, options) => (order.push(!!options?.hiddenInputs), call(module, fn, args, options));
    try {
      const official = await gradeAssignment(def, { root: repo, seed: 1, sandbox: apart, only, hidden: true });
      const firstHidden = order.indexOf(true);
      expect(firstHidden).toBeGreaterThan(0);
      expect(order.slice(firstHidden)).not.toContain(false);
      const local = await gradeAssignment(def, { root: repo, seed: 1, sandbox, only, hidden: true });
      const scores = (r: typeof local) => r.exercises.flatMap((e) => e.checks.map((k) => `${e.name}/${k.name}: ${k.score} ${k.status} ${k.message}`));
      expect(scores(official)).toEqual(scores(local));
      expect(official.score).toBe(official.maxScore);
    } finally {
      await apart.close();
    }
  });

  // A hidden check's random inputs came from arbitraries and a seed the learner edition ships, and its report showed
  // the counterexample, its seed and the reference's value there: code could answer them the next time.
  it("keeps a hidden check's inputs like a hidden case's: its calls are hidden calls, its report shows no input or value", async () => {
    const wrong = solution.replace(
      '  const m = X.shape[1];\n  const { W2 } = parameters;',
      "  const m = X.shape[1];\n  console.log('X is ' + X.shape.join('x') + ': ' + Array.from(X.dataSync()).join(','));\n  const { W2 } = parameters;",
    ).replace('const dW1 = tf.matMul(dZ1, X, false, true).div(m)', 'const dW1 = tf.matMul(dZ1, X, false, true).div(m).mul(2)');
    expect(wrong).not.toBe(solution);
    writeFileSync(path.join(repo, 'exercises', `${ID}.ts`), wrong);
    const def = await loadGrader(repo, ID);
    const apart = new Sandbox({ root: repo, timeoutMs: 5000, hiddenCasesApart: true });
    const hiddenCalls: string[] = [];
    const call = apart.call.bind(apart);
    apart.call = (module, fn, args, options) => (options?.hiddenInputs && hiddenCalls.push(fn), call(module, fn, args, options));
    try {
      const r = await gradeAssignment(def, { root: repo, seed: 1, sandbox: apart, only: ['backwardPropagation'], hidden: true });
      const check = r.exercises[0]!.checks.find((c) => c.hidden && c.kind === 'property')!;
      expect(check.status).toBe('failed');
      expect(check.message).toMatch(/hidden random inputs/);
      for (const field of ['counterexample', 'seed', 'replayPath', 'expected', 'actual', 'plots'] as const) expect(check[field], field).toBeUndefined();
      expect(check.output ?? '').not.toMatch(/X is/);
      expect(check.output).toMatch(/printed during a hidden case: not shown/);
      expect(hiddenCalls).toContain('backwardPropagation');
      // The public checks still say what is wrong, with values.
      const publicCheck = r.exercises[0]!.checks.find((c) => c.kind === 'reference')!;
      expect(publicCheck.message).toMatch(/dW1/);
    } finally {
      await apart.close();
      writeFileSync(path.join(repo, 'exercises', `${ID}.ts`), solution);
    }
  });

  // Whether a check named a known mistake depended on the hidden cases' outputs too: code that made the mistake on
  // a hidden case or not, as a hidden input said, told that input through the hint's presence.
  it("names a known mistake from the public cases only, whatever the hidden ones return", async () => {
    const publicA2 = JSON.parse(readFileSync(path.join(repo, 'graders', `${ID}.fixtures.json`), 'utf8')) as {
      checks: Record<string, { cases: { args: { data: number[] }[] }[] }>;
    };
    const known = publicA2.checks['computeCost/seeded cases']!.cases.map((c) => c.args[0]!.data[0]!);
    const mistake = right.replace('return -tf.sum', 'return tf.sum');
    const hints: (string | undefined)[] = [];
    for (const onHidden of [mistake, right]) {
      const cost = `export function computeCost(A2: tf.Tensor2D, Y: tf.Tensor2D): number {
  if (${JSON.stringify(known)}.some((k) => Math.abs(k - A2.dataSync()[0]!) < 1e-6)) {
  ${mistake}
  }
${onHidden}
}
`;
      writeFileSync(path.join(repo, 'exercises', `${ID}.ts`), solution.replace(COST, cost));
      const def = await loadGrader(repo, ID);
      const result = await gradeAssignment(def, { root: repo, seed: 1, sandbox, only: ['computeCost'], hidden: true });
      const seeded = result.exercises[0]!.checks.find((k) => k.name === 'seeded cases')!;
      expect(seeded.status).toBe('failed');
      hints.push(seeded.hint);
    }
    expect(hints[0]).toMatch(/missing its leading minus sign/);
    expect(hints[1]).toBe(hints[0]);
  });

  // nnModel's accuracy on the flower was measured with the learner's own predict: an nnModel that never trained
  // handed the labels back beside its parameters, and a predict that returned them earned "learns the flower".
  it("judges a trained model by its parameters, not through the learner's predict", async () => {
    const cheat = solution
      .replace('for (let i = 0; i < numIterations; i++) {', 'for (let i = 0; i < 0; i++) {')
      .replace(/(export function nnModel[\s\S]*?)return parameters;/, '$1return { ...parameters, labels: Y } as Parameters;')
      .replace('export function predict(parameters: Parameters, X: tf.Tensor2D): tf.Tensor2D {', `export function predict(parameters: Parameters, X: tf.Tensor2D): tf.Tensor2D {
  const labels = (parameters as Parameters & { labels?: tf.Tensor2D }).labels;
  if (labels && labels.shape[1] === X.shape[1]) return labels.clone();`);
    expect(cheat).toContain('labels: Y');
    writeFileSync(path.join(repo, 'exercises', `${ID}.ts`), cheat);
    const def = await loadGrader(repo, ID);
    const result = await gradeAssignment(def, { root: repo, seed: 1, sandbox, only: ['nnModel'], hidden: true });
    const learns = result.exercises[0]!.checks.find((k) => k.name === 'learns the flower dataset')!;
    expect(learns.status).toBe('failed');
    expect(learns.message).toMatch(/classifies \d+(\.\d)?% of the points correctly/);
  });

  // Text learner code chooses (a fake NotImplementedError's function name, a thrown message) on a hidden case.
  it("lets no text an answer on a hidden case carries reach the report", async () => {
    const hidden = JSON.parse(readFileSync(path.join(repo, 'graders', `${ID}.hidden.fixtures.json`), 'utf8')) as {
      checks: Record<string, { cases: { args: { data: number[] }[] }[] }>;
    };
    const hiddenA2 = hidden.checks['computeCost/seeded cases']!.cases.map((c) => c.args[0]!.data);
    const publicA2 = JSON.parse(readFileSync(path.join(repo, 'graders', `${ID}.fixtures.json`), 'utf8')) as typeof hidden;
    const known = publicA2.checks['computeCost/seeded cases']!.cases.map((c) => c.args[0]!.data[0]!);
    for (const how of ['fake-stub', 'fake-helper', 'throw']) {
      const leaker = `export function computeCost(A2: tf.Tensor2D, Y: tf.Tensor2D): number {
  const a = Array.from(A2.dataSync());
  if (!${JSON.stringify(known)}.some((k) => Math.abs(k - a[0]!) < 1e-6)) {
    const e = new Error('A2 = ' + a.join(' ')) as Error & { exercise?: string };
    ${how === 'fake-stub' ? "e.name = 'NotImplementedError'; e.exercise = 'A2 = ' + a.join(' ');" : ''}
    ${how === 'fake-helper' ? "e.name = 'NotImplementedError'; e.exercise = a[0]! > 0.5 ? 'predict' : 'layerSizes';" : ''}
    throw e;
  }
${right}
}
`;
      writeFileSync(path.join(repo, 'exercises', `${ID}.ts`), solution.replace(COST, leaker));
      const def = await loadGrader(repo, ID);
      const result = await gradeAssignment(def, { root: repo, seed: 1, sandbox, only: ['computeCost'], hidden: true });
      const seeded = result.exercises.find((e) => e.name === 'computeCost')!.checks.find((k) => k.name === 'seeded cases')!;
      expect(seeded.status).not.toBe('passed');
      const shown = JSON.stringify(seeded);
      for (const data of hiddenA2) expect(shown).not.toContain(String(Math.fround(data[0]!)).slice(0, 8));
      // Which other function a fake stub names could be chosen from the inputs: the one called is named.
      expect(shown).not.toMatch(/predict|layerSizes/);
    }
  });

  it("shows nothing a crash printed during a hidden case (a thrown message could carry the case's inputs)", async () => {
    const hidden = JSON.parse(readFileSync(path.join(repo, 'graders', `${ID}.hidden.fixtures.json`), 'utf8')) as {
      checks: Record<string, { cases: { args: { data: number[] }[] }[] }>;
    };
    const first = hidden.checks['computeCost/seeded cases']!.cases[0]!.args[0]!.data[0]!;
    // On that hidden case: the process dies of an error thrown from a timer, its message the case's A2.
    const crash = `export async function computeCost(A2: tf.Tensor2D, Y: tf.Tensor2D): Promise<number> {
  const a = A2.dataSync();
  if (Math.abs(a[0]! - ${first}) < 1e-6) {
    await new Promise((resolve) => setTimeout(() => { resolve(0); throw new Error('A2 = ' + Array.from(a).join(' ')); }, 0));
  }
${right}
}
`;
    writeFileSync(path.join(repo, 'exercises', `${ID}.ts`), solution.replace(COST, crash));
    const def = await loadGrader(repo, ID);
    const result = await gradeAssignment(def, { root: repo, seed: 1, sandbox, only: ['computeCost'], hidden: true });
    const seeded = result.exercises.find((e) => e.name === 'computeCost')!.checks.find((k) => k.name === 'seeded cases')!;
    expect(seeded.status).toBe('error');
    expect(seeded.message).toMatch(/stopped the process running it on a hidden case \(what it printed then is not shown/);
    expect(JSON.stringify(result)).not.toContain('A2 = ');
  });

  it('keeps what process.stdout.write and process.stderr.write print as the call\'s output', async () => {
    const printing = fn(`  process.stdout.write('to stdout; ');\n  process.stderr.write(new TextEncoder().encode('to stderr\\n'));\n${right}`);
    writeFileSync(path.join(repo, 'exercises', `${ID}.ts`), solution.replace(COST, printing));
    const def = await loadGrader(repo, ID);
    const result = await gradeAssignment(def, { root: repo, seed: 1, sandbox, only: ['computeCost'], hidden: false });
    const seeded = result.exercises.find((e) => e.name === 'computeCost')!.checks.find((k) => k.name === 'seeded cases')!;
    expect(seeded.status).toBe('passed');
    expect(seeded.output).toContain('to stdout; to stderr');
  });

  it('has at least 25 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });
});
