/**
 * The sandbox runs learner code in its own process: whatever that code does,
 * the call it was in ends with a clear status and the next call still works.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNdArray, nd } from '../../graders/engine/ndarray';
import { repoRoot } from '../../graders/engine/paths';
import { buildModule } from '../../graders/engine/sandbox/build';
import { Sandbox } from '../../graders/engine/sandbox/client';

const dir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-sandbox-'));
const sandbox = new Sandbox({ root: repoRoot, timeoutMs: 3000 });
let learner: string;

const SOURCE = `
import * as tf from '@tensorflow/tfjs';
import { Buffer } from 'buffer';
import { notImplemented } from '${path.join(repoRoot, 'lib', 'not-implemented')}';
export function double(x: tf.Tensor) { return tf.mul(x, 2); }
export function stub() { return notImplemented('stub'); }
export function throws() { throw new Error('a learner error'); }
export function loops() { for (;;) {} }
export function exits() { process.exit(0); }
export function chatty(x: tf.Tensor) { console.log('hello from learner code'); return x; }
export function formats() { console.log('Iteration: %d, cost %f, %s%% done %i', 3, '0.25', 'half', 7.9, 'extra', { a: 1 }); console.log('%j and %o', { b: [1] }, 'x', '%d'); return 0; }
export function draws() { return [Math.random(), ...tf.randomUniform([3]).dataSync()]; }
export function reassigns(p: Record<string, unknown>, list: unknown[]) { p.W = tf.zeros([1]); list.push(1); return 0; }
export function readsOnly(p: Record<string, tf.Tensor>) { return p.W!.shape.length; }
export function breaksTheEngine() { (tf.engine() as unknown as { endScope(): void }).endScope = () => { throw new Error('scope lost'); }; return 1; }
export function returnsPromise() { return new Promise(() => {}); }
export function returnsFunction() { return () => 1; }
export function record(x: tf.Tensor) { return { y: tf.neg(x), n: 3, list: [x, 'a'] }; }
export function readsPool() { return Buffer.from(Buffer.allocUnsafe(1).buffer).toString('latin1').match(/"reply":"|"fn":"readsPool"/g) ?? []; }
let count = 0;
export function next() { return ++count; }
export async function crashes() { await new Promise((r) => setTimeout(() => { r(0); throw new Error('uncaught'); }, 0)); }
`;

beforeAll(async () => {
  writeFileSync(path.join(dir, 'learner.ts'), SOURCE);
  const built = await buildModule(path.join(dir, 'learner.ts'), repoRoot);
  if (!built.ok) throw new Error(built.message);
  learner = sandbox.install(built);
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

const x = nd([1, -2, 3], [3]);

describe('sandbox', () => {
  // Node's shared Buffer pool is readable by any code (Buffer.allocUnsafe(1).buffer): the runner once copied each
  // request there, and learner code read the call's own request and its reply token.
  it('leaves no request, nor its reply token, in the Buffer pool learner code can read', async () => {
    for (let i = 0; i < 3; i++) {
      const o = await sandbox.call(learner, 'readsPool', [x]);
      expect(o.status).toBe('ok');
      if (o.status === 'ok') expect(o.value).toEqual([]);
    }
  });

  it('runs a function on tensors and returns plain values', async () => {
    const o = await sandbox.call(learner, 'double', [x]);
    expect(o.status).toBe('ok');
    if (o.status === 'ok' && isNdArray(o.value)) expect(o.value.data).toEqual([2, -4, 6]);
    else throw new Error('expected a tensor');
  });

  it('returns nested records and arrays', async () => {
    const o = await sandbox.call(learner, 'record', [x]);
    expect(o.status === 'ok' && o.value).toMatchObject({ y: { shape: [3], data: [-1, 2, -3] }, n: 3, list: [{ shape: [3] }, 'a'] });
  });

  it('recognises the stub error', async () => {
    expect(await sandbox.call(learner, 'stub', [])).toMatchObject({ status: 'not-implemented', fn: 'stub' });
  });

  it('reports a thrown error with its message and the learner frame', async () => {
    const o = await sandbox.call(learner, 'throws', []);
    expect(o).toMatchObject({ status: 'threw', message: 'a learner error' });
  });

  // Official grading runs hidden cases in a second child; the two never run at once (no signal between them).
  it('runs calls on hidden cases in a child of their own, never while a visible call runs', async () => {
    const apart = new Sandbox({ root: repoRoot, timeoutMs: 3000, hiddenCasesApart: true });
    try {
      const copy = path.join(dir, 'apart');
      mkdirSync(copy, { recursive: true });
      const source = 'let calls = 0;\nexport function span(ms: number) { calls++; const start = Date.now(); while (Date.now() - start < ms) {} return [start, Date.now(), calls]; }\n';
      writeFileSync(path.join(copy, 'span.ts'), source);
      const built = await buildModule(path.join(copy, 'span.ts'), repoRoot);
      if (!built.ok) throw new Error(built.message);
      const mod = apart.install(built);
      await apart.call(mod, 'span', [0]); // both children started and warm before timing
      await apart.call(mod, 'span', [0], { hiddenInputs: true });
      const outcomes = await Promise.all([
        apart.call(mod, 'span', [150]),
        apart.call(mod, 'span', [150], { hiddenInputs: true }),
        apart.call(mod, 'span', [150]),
        apart.call(mod, 'span', [150], { hiddenInputs: true }),
      ]);
      const spans = outcomes.map((o) => (o.status === 'ok' ? (o.value as number[]) : [NaN, NaN, NaN]));
      // Each child counts only its own calls: visible 2 and 3, hidden 2 and 3.
      expect(spans.map((x) => x[2])).toEqual([2, 2, 3, 3]);
      const [visible, hidden] = [[spans[0]!, spans[2]!], [spans[1]!, spans[3]!]];
      for (const v of visible) for (const h of hidden) expect(v[1]! <= h[0]! || h[1]! <= v[0]!).toBe(true);
    } finally {
      await apart.close();
    }
  });

  // A batch grades each submission from a private temporary copy: its folder's name is nobody's business.
  it("names the learner's frames from exercises/, wherever grading keeps the file", async () => {
    const copy = path.join(dir, 'deepgrade-batch-x1y2z3', '0', 'exercises');
    mkdirSync(copy, { recursive: true });
    writeFileSync(path.join(copy, 'thrower.ts'), "export function throws() {\n  throw new Error('from a copy');\n}\n");
    const built = await buildModule(path.join(copy, 'thrower.ts'), repoRoot);
    if (!built.ok) throw new Error(built.message);
    const o = await sandbox.call(sandbox.install(built), 'throws', []);
    expect(o.status === 'threw' && o.stack).toMatch(/at throws \(exercises\/thrower\.ts:2:\d+\)/);
    expect(JSON.stringify(o)).not.toContain('deepgrade-batch-x1y2z3');
  });

  it('ends an infinite loop at the time limit, then starts afresh', async () => {
    expect(await sandbox.call(learner, 'loops', [], { timeoutMs: 500 })).toEqual({ status: 'timeout', limitMs: 500 });
    expect((await sandbox.call(learner, 'double', [x])).status).toBe('ok');
  });

  it('survives process.exit() in learner code', async () => {
    const o = await sandbox.call(learner, 'exits', []);
    expect(o.status).toBe('threw');
    expect(o.status === 'threw' && o.message).toContain('process.exit() is not available to exercise code');
    expect((await sandbox.call(learner, 'double', [x])).status).toBe('ok');
  });

  it('keeps console output with the call instead of printing it', async () => {
    const o = await sandbox.call(learner, 'chatty', [x]);
    expect(o.status === 'ok' && o.output).toBe('hello from learner code\n');
  });

  it("fills in console.log's format string as Node does", async () => {
    const o = await sandbox.call(learner, 'formats', []);
    expect(o.status === 'ok' && o.output).toBe('Iteration: 3, cost 0.25, half% done 7 extra {"a":1}\n{"b":[1]} and x %d\n');
  });

  it('runs Math.random, and so unseeded TensorFlow.js randomness, from a seed when a call gives one', async () => {
    const draws = async (randomSeed?: number) => {
      const o = await sandbox.call(learner, 'draws', [], randomSeed === undefined ? {} : { randomSeed });
      if (o.status !== 'ok') throw new Error(JSON.stringify(o));
      return o.value as number[];
    };
    const a = await draws(5);
    expect(a).toHaveLength(4);
    expect(await draws(5)).toEqual(a);
    expect(await draws(6)).not.toEqual(a);
    // Without a seed: V8's own Math.random again, a new draw every call.
    expect(await draws()).not.toEqual(await draws());
  });

  it('holds records and lists among the arguments unchanged only when asked (recordsUnchanged)', async () => {
    const args = [{ W: x, b: x }, [x]];
    expect((await sandbox.call(learner, 'reassigns', args)).status).toBe('ok');
    const o = await sandbox.call(learner, 'reassigns', args, { recordsUnchanged: true });
    expect(o.status).toBe('broke-contract');
    expect(o.status === 'broke-contract' && o.problems).toEqual([
      'it changed argument 1, a record it was given, in place (key W now holds another value)',
      'it changed argument 2, a list it was given, in place (item 1 was added)',
    ]);
    expect(await sandbox.call(learner, 'readsOnly', [{ W: x }], { recordsUnchanged: true })).toMatchObject({ status: 'ok', value: 1 });
    // 'records': the record still counts, the list (reordered or grown in place) does not.
    const recordsOnly = await sandbox.call(learner, 'reassigns', args, { recordsUnchanged: 'records' });
    expect(recordsOnly.status === 'broke-contract' && recordsOnly.problems).toEqual(['it changed argument 1, a record it was given, in place (key W now holds another value)']);
  });

  it('restarts a process whose TensorFlow.js a call left unusable, blaming that call, and runs the next call afresh', async () => {
    const o = await sandbox.call(learner, 'breaksTheEngine', []);
    expect(o.status).toBe('crashed');
    expect(o.status === 'crashed' && o.message).toMatch(/left TensorFlow\.js in the sandbox unusable \(scope lost\), so the sandbox was restarted/);
    expect((await sandbox.call(learner, 'double', [x])).status).toBe('ok');
  });

  it('describes what cannot cross the boundary', async () => {
    const never = await sandbox.call(learner, 'returnsPromise', [], { timeoutMs: 500 });
    expect(never.status).toBe('timeout');
    const fn = await sandbox.call(learner, 'returnsFunction', []);
    expect(fn.status === 'ok' && fn.value).toEqual({ kind: 'opaque', description: 'a function' });
  });

  it('says when the function is not exported', async () => {
    const o = await sandbox.call(learner, 'missing', []);
    expect(o).toMatchObject({ status: 'unavailable', message: 'Your file does not export a function named missing.' });
  });

  it('reports a syntax error with file, line and column', async () => {
    writeFileSync(path.join(dir, 'broken.ts'), 'export function f( {\n  return 1;\n}\n');
    const built = await buildModule(path.join(dir, 'broken.ts'), repoRoot);
    expect(built.ok).toBe(false);
    expect(!built.ok && built.message).toMatch(/broken\.ts:\d+:\d+: /);
  });
});

describe('calls made at once', () => {
  // Sent ahead of their answers, they still run one at a time, in the order they were made.
  const numbers = (outcomes: { status: string }[]) => outcomes.map((o) => (o.status === 'ok' && 'value' in o ? o.value : o.status));

  it('run in the order they were made, in one process', async () => {
    const first = await sandbox.call(learner, 'next', []);
    const start = first.status === 'ok' ? (first.value as number) : NaN;
    const outcomes = await Promise.all(Array.from({ length: 40 }, () => sandbox.call(learner, 'next', [])));
    expect(numbers(outcomes)).toEqual(Array.from({ length: 40 }, (_, i) => start + i + 1));
  });

  it('a loop among them ends that call only, at its own limit; the calls behind it run in a fresh process', async () => {
    const outcomes = await Promise.all([
      sandbox.call(learner, 'double', [x]),
      sandbox.call(learner, 'loops', [], { timeoutMs: 400 }),
      sandbox.call(learner, 'next', [], { timeoutMs: 400 }),
      sandbox.call(learner, 'next', [], { timeoutMs: 400 }),
      sandbox.call(learner, 'chatty', [x]),
    ]);
    expect(outcomes[0]).toMatchObject({ status: 'ok', value: { data: [2, -4, 6] } });
    expect(outcomes[1]).toEqual({ status: 'timeout', limitMs: 400 });
    // A fresh process: the module's counter starts again.
    expect(numbers(outcomes.slice(2, 4))).toEqual([1, 2]);
    expect(outcomes[4]).toMatchObject({ status: 'ok', output: 'hello from learner code\n' });
  });

  it('a crash among them ends that call only', async () => {
    const outcomes = await Promise.all([sandbox.call(learner, 'next', []), sandbox.call(learner, 'crashes', []), sandbox.call(learner, 'next', [])]);
    expect(outcomes[0]!.status).toBe('ok');
    expect(outcomes[1]).toMatchObject({ status: 'crashed' });
    expect(numbers([outcomes[2]!])).toEqual([1]);
  });

  it('are not started once their signal aborts', async () => {
    const gaveUp = new AbortController();
    const looping = sandbox.call(learner, 'loops', [], { timeoutMs: 300 });
    // Given up as soon as the loop's call fails: the calls queued behind it never run.
    void looping.then(() => gaveUp.abort());
    const behind = Array.from({ length: 5 }, () => sandbox.call(learner, 'loops', [], { timeoutMs: 300, signal: gaveUp.signal }));
    const started = Date.now();
    expect(await looping).toEqual({ status: 'timeout', limitMs: 300 });
    expect(await Promise.all(behind)).toEqual(Array.from({ length: 5 }, () => ({ status: 'cancelled' })));
    expect(Date.now() - started).toBeLessThan(1500);
    const already = new AbortController();
    already.abort();
    expect(await sandbox.call(learner, 'double', [x], { signal: already.signal })).toEqual({ status: 'cancelled' });
  });
});
