/**
 * Untrusted learner code, graded as a class. Where tests/adversarial.test.ts
 * throws hostile code at one sandbox, this suite puts hostile submissions in a
 * real class and grades it the way an instructor does (gradeClass: intake, one
 * fresh sandbox per learner under namespaces, a time budget, two workers).
 * Every attacker sits between two honest learners, so whatever it leaves behind
 * would show in a neighbour's row.
 *
 * The threat classes, one or more submissions each:
 *
 * - signals: debugging, killing or stopping the grader (process._debugProcess,
 *   _kill, kill, SIGSTOP);
 * - network: reaching the grading machine (net, http, fetch, TF.js's own fetch,
 *   a Socket made from process.stdout's class) or escaping through built-in
 *   modules that run code or touch files (vm, module, child_process, fs);
 * - shared state: built-ins, kernels, backends and flags changed at load time
 *   or again and again, prototype and globalThis pollution, exit hooks;
 * - returned values: giant throws, huge arrays and tensors, deep and wide
 *   objects, Proxies and getters that throw or never return;
 * - file system: symbolic links (to the solutions, to /), FIFOs, oversize
 *   files, imports of text files by attribute or of the solution by path;
 * - freezing the batch: loops at the top level and everywhere, Atomics.wait,
 *   a memory bomb, a flood of stray output.
 *
 * For each attacker the suite asserts its score (what its code deserves, from
 * the reference solution's solo points), what its row and report say, and for
 * the whole run: the honest learners' rows equal their solo grading, no file
 * outside the output folder changed (the graded repository, the submissions, a
 * sentinel folder the attackers aim at), no connection reached a listener on
 * the grading machine, and the batch finished.
 */
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeClass, type BatchResult, type LearnerRow } from '../graders/batch/batch';
import { repoRoot } from '../graders/engine/paths';
import { loadGrader } from '../graders/engine/registry';
import { copyRepo } from './support/repo-copy';

const ID = 'course1/week3/planar-classification';
const FILE = `${ID}.ts`;
const BUDGET_SECONDS = 40;

type ThreatClass = 'signals' | 'network' | 'shared state' | 'returned values' | 'file system' | 'freezing';

/** Points per exercise (and per check) of the reference solution, graded alone. */
interface Ref {
  max: number;
  points(exercise: string, check?: string): number;
}

interface Case {
  name: string;
  class: ThreatClass;
  /** The learner file's source, or a function that lays out the learner's folder itself. */
  files: (dir: string) => void | string;
  expect: {
    /** The whole submission's score. */
    score: number | ((ref: Ref) => number);
    /** Exercises the attack may cost points; every other exercise must have its full marks (default: all may). */
    hit?: string[];
    /** What the row's error says; without it, the row has no error. */
    error?: RegExp;
    /** What the learner's report.json says, in one of its check messages. */
    report?: RegExp;
  };
  /** A known engine bug makes the expectation fail: the submission is still graded in the class, its assertions skipped. */
  bug?: string;
}

// Filled in beforeAll, before any case writes its files: sources bake them in.
const env = {
  /** The graded repository (a private copy, so nobody else's edits show in its snapshot). */
  repo: '',
  solution: '',
  stub: '',
  port: 0,
  sentinelDir: '',
  sentinel: '',
  out: '',
};

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const solutionFile = () => path.join(env.repo, 'solutions', FILE);

// ── Learner sources ────────────────────────────────────────────────────────

/** `process.getBuiltinModule`, as learner code reaches for it (typed loosely, as an attacker would). */
const BUILTIN = '(process as unknown as { getBuiltinModule(id: string): any }).getBuiltinModule';

/** The reference solution with `code` added at its top level (it runs when the file loads). */
function atTop(code: string): string {
  return `${env.solution}\n${code}\n`;
}

/**
 * The reference solution, except that the exported `fn` first runs `body`,
 * then does the honest work (unless `body` returned or threw).
 */
function attackIn(fn: string, body: string, options: { async?: boolean } = {}): string {
  const honest = `honest${fn[0]!.toUpperCase()}${fn.slice(1)}`;
  const renamed = env.solution.replace(`export function ${fn}(`, `function ${honest}(`);
  if (renamed === env.solution) throw new Error(`the solution has no exported function ${fn}`);
  const indented = body.replace(/^/gm, '  ');
  return (
    `${renamed}\nexport ${options.async ? 'async ' : ''}function ${fn}(...args: any[]): any {\n${indented}\n` +
    `  return (${honest} as (...a: any[]) => any)(...args);\n}\n`
  );
}

/** nnModel connects to the grading machine with net.Socket, found as the class of process.stdout (a pipe). */
function stdoutSocket(port: number): string {
  return attackIn(
    'nnModel',
    [
      `type Sock = { connect(port: number, host: string, done: () => void): Sock; on(event: string, f: (e: Error) => void): Sock; end(s: string): void };`,
      `const Socket = (process.stdout as unknown as { constructor: new () => Sock }).constructor;`,
      `await new Promise<void>((resolve, reject) => {`,
      `  const s = new Socket();`,
      `  s.on('error', reject);`,
      `  s.connect(${port}, '127.0.0.1', () => {`,
      `    s.end('answers please');`,
      `    resolve();`,
      `  });`,
      `});`,
    ].join('\n'),
    { async: true },
  );
}

function writeLearnerFile(dir: string, source: string) {
  const file = path.join(dir, FILE);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, source);
}

// ── What an attack deserves ────────────────────────────────────────────────

/** What a row's error column may say of a submission that was graded: what the grader saw happen. */
const INCIDENT = /^(time budget \(\d+ s\) spent before \w+ was graded|ran past the time limit: |ran out of memory: |changed built-ins: |its sandbox was stopped for what it sent: |crashed its sandbox: )/;

/** Full marks, less the exercises named (each loses all its points). */
const without =
  (...exercises: string[]) =>
  (r: Ref) =>
    r.max - exercises.reduce((s, e) => s + r.points(e), 0);
/**
 * computeCost's points alone: backwardPropagation's gradient check calls the learner's computeCost only to explain a
 * failure (it differences the reference's cost, from the fixtures), so a hostile computeCost costs it nothing.
 */
const withoutCost = (r: Ref) => r.max - r.points('computeCost');
const COST_HIT = ['computeCost'];

const CASES: Case[] = [
  // ── signals and debuggers aimed at the grader ──
  {
    name: 'attaches a debugger to the grader: process._debugProcess(process.ppid)',
    class: 'signals',
    files: () => attackIn('nnModel', `(process as unknown as { _debugProcess(pid: number): void })._debugProcess(process.ppid);`),
    expect: { score: without('nnModel'), hit: ['nnModel'], report: /process\._debugProcess is not available to exercise code/ },
  },
  {
    name: 'kills the grader: process._kill(process.ppid, 9) in updateParameters (which its nnModel calls)',
    class: 'signals',
    files: () => attackIn('updateParameters', `(process as unknown as { _kill(pid: number, signal: number): void })._kill(process.ppid, 9);`),
    expect: { score: without('updateParameters', 'nnModel'), hit: ['updateParameters', 'nnModel'], report: /process\._kill is not available to exercise code/ },
  },
  {
    name: "kills init at load time: process.kill(1, 'SIGKILL') at the top level",
    class: 'signals',
    files: () => atTop(`process.kill(1, 'SIGKILL');`),
    expect: { score: 0, report: /Your file could not be loaded: process\.kill is not available to exercise code/ },
  },
  {
    name: 'stops the grader: SIGSTOP to the parent from layerSizes, then through _kill',
    class: 'signals',
    files: () =>
      attackIn(
        'layerSizes',
        `try {\n  process.kill(process.ppid, 'SIGSTOP');\n} catch {\n  (process as unknown as { _kill(pid: number, signal: number): void })._kill(process.ppid, 19);\n}`,
      ),
    expect: { score: without('layerSizes', 'nnModel'), hit: ['layerSizes', 'nnModel'], report: /process\._kill is not available to exercise code/ },
  },

  // ── the network, and built-in modules that run code or touch files ──
  {
    name: "connects to the grading machine: getBuiltinModule('net').connect(PORT, '127.0.0.1')",
    class: 'network',
    files: () => attackIn('nnModel', `${BUILTIN}('net').connect(${env.port}, '127.0.0.1').end('answers please');`),
    expect: { score: without('nnModel'), hit: ['nnModel'], report: /process\.getBuiltinModule\("net"\) is not available to exercise code/ },
  },
  {
    name: "sends an HTTP request from predict: getBuiltinModule('http').get(...)",
    class: 'network',
    files: () => attackIn('predict', `${BUILTIN}('http').get('http://127.0.0.1:${env.port}/steal');`),
    // nnModel's flower check judges the trained parameters itself: only predict's own checks call it.
    expect: {
      score: (r) => r.max - r.points('predict'),
      hit: ['predict'],
      report: /process\.getBuiltinModule\("http"\) is not available to exercise code/,
    },
  },
  {
    name: 'fetches from the grading machine: globalThis.fetch',
    class: 'network',
    files: () => attackIn('nnModel', `await (globalThis as unknown as { fetch(url: string): Promise<unknown> }).fetch('http://127.0.0.1:${env.port}/');`, { async: true }),
    expect: { score: without('nnModel'), hit: ['nnModel'], report: /fetch is not a function/ },
  },
  {
    name: "fetches through TensorFlow.js's own fetch (node-fetch and node:http inside the bundle)",
    class: 'network',
    files: () => attackIn('nnModel', `await tf.util.fetch('http://127.0.0.1:${env.port}/exfiltrate', { method: 'POST', body: 'answers' });`, { async: true }),
    // The bundle's node-fetch would load http through the require TensorFlow.js is given: in a sandbox that require
    // serves util alone (launcher/tf-script.mjs), and under namespaces there would be nothing to reach anyway.
    expect: { score: without('nnModel'), hit: ['nnModel'], report: /nnModel threw an error: (.*"(http|https|stream|zlib|url|punycode)" is not available in the sandbox|systemFetch is not a function)/ },
  },
  {
    name: 'opens a TCP socket with the class of process.stdout (a net.Socket)',
    class: 'network',
    files: () => stdoutSocket(env.port),
    // process.stdout is a plain stand-in (lockdown.ts): its class is Object, and under namespaces there would be nothing to reach anyway.
    expect: { score: without('nnModel'), hit: ['nnModel'], report: /nnModel threw an error: (s\.on is not a function|s\.connect is not a function|connect ECONNREFUSED 127\.0\.0\.1:\d+)/ },
  },
  {
    name: "runs code from a string: getBuiltinModule('vm').runInThisContext",
    class: 'network',
    files: () => attackIn('nnModel', `${BUILTIN}('vm').runInThisContext('process.reallyExit(0)');`),
    expect: { score: without('nnModel'), hit: ['nnModel'], report: /process\.getBuiltinModule\("vm"\) is not available to exercise code/ },
  },
  {
    name: "gets a require: getBuiltinModule('module').createRequire",
    class: 'network',
    files: () => attackIn('nnModel', `const req = ${BUILTIN}('module').createRequire('/');\nreq('fs').writeFileSync(${JSON.stringify(env.sentinel)}, 'pwned');`),
    expect: { score: without('nnModel'), hit: ['nnModel'], report: /process\.getBuiltinModule\("module"\) is not available to exercise code/ },
  },
  {
    name: "spawns a shell: getBuiltinModule('child_process').execSync",
    class: 'network',
    files: () => attackIn('nnModel', `${BUILTIN}('child_process').execSync('kill -STOP ' + process.ppid + '; touch ' + ${JSON.stringify(path.join(env.sentinelDir, 'pwned'))});`),
    expect: { score: without('nnModel'), hit: ['nnModel'], report: /process\.getBuiltinModule\("child_process"\) is not available to exercise code/ },
  },
  {
    name: "overwrites and deletes a file on the grading machine at load time: getBuiltinModule('fs')",
    class: 'network',
    files: () =>
      atTop(
        [
          `const fs = ${BUILTIN}('fs');`,
          `fs.writeFileSync(${JSON.stringify(env.sentinel)}, 'pwned');`,
          `fs.writeFileSync(${JSON.stringify(path.join(env.sentinelDir, 'pwned.txt'))}, 'pwned');`,
          `fs.unlinkSync(${JSON.stringify(env.sentinel)});`,
        ].join('\n'),
      ),
    expect: { score: 0, report: /process\.getBuiltinModule\("fs"\) is not available to exercise code/ },
  },
  {
    name: "forges the gradebook and journal in the output folder: getBuiltinModule('node:fs') in computeCost",
    class: 'network',
    files: () =>
      attackIn(
        'computeCost',
        [
          `const fs = ${BUILTIN}('node:fs');`,
          `fs.appendFileSync(${JSON.stringify(path.join(env.out, 'journal.jsonl'))}, JSON.stringify({ learner: 'a000-honest-full', scores: {}, score: 0, maxScore: 30, error: 'pwned' }) + '\\n');`,
          `fs.writeFileSync(${JSON.stringify(path.join(env.out, 'gradebook.csv'))}, 'learner,total\\nme,100 pwned\\n');`,
        ].join('\n'),
      ),
    expect: { score: withoutCost, hit: COST_HIT, report: /process\.getBuiltinModule\("node:fs"\) is not available to exercise code/ },
  },

  // ── shared state left for whoever comes next ──
  {
    name: 'patches Float32Array.prototype.fill at the top level',
    class: 'shared state',
    files: () => atTop(`(Float32Array.prototype as unknown as { fill: unknown }).fill = function (this: Float32Array) {\n  return this;\n};`),
    expect: { score: 0, report: /changed JavaScript or TensorFlow\.js built-ins \([^)]*Float32Array\.prototype\.fill/ },
  },
  {
    name: 'patches Math.exp at the top level',
    class: 'shared state',
    files: () => atTop(`Math.exp = (x: number) => 1 + x;`),
    expect: { score: 0, report: /changed JavaScript or TensorFlow\.js built-ins \([^)]*Math\.exp/ },
  },
  {
    name: "overrides the backend's Add kernel with tf.registerKernel",
    class: 'shared state',
    files: () =>
      atTop(
        [
          `const realAdd = tf.getKernel('Add', tf.getBackend())!;`,
          `tf.registerKernel({ ...realAdd, kernelFunc: (args) => realAdd.kernelFunc({ ...args, inputs: { a: args.inputs.a!, b: args.inputs.a! } }) });`,
        ].join('\n'),
      ),
    expect: { score: 0, report: /changed JavaScript or TensorFlow\.js built-ins \([^)]*tf kernel Add/ },
  },
  {
    name: "turns on TF.js's DEBUG flag: tf.env().set('DEBUG', true)",
    class: 'shared state',
    files: () => atTop(`tf.env().set('DEBUG', true);`),
    expect: { score: 0, report: /changed JavaScript or TensorFlow\.js built-ins \([^)]*tf\.env\(\) flag DEBUG/ },
  },
  {
    name: 'swaps the backend: tf.registerBackend + tf.setBackend',
    class: 'shared state',
    files: () => atTop(`tf.registerBackend('evil', () => tf.engine().findBackend('cpu')!);\nvoid tf.setBackend('evil');`),
    expect: { score: 0, report: /changed JavaScript or TensorFlow\.js built-ins \([^)]*tf\.backend/ },
  },
  {
    name: 'keeps patching Array.prototype.includes from a setInterval',
    class: 'shared state',
    files: () =>
      atTop(
        [
          `const patch = () => {`,
          `  (Array.prototype as unknown as { includes: unknown }).includes = () => true;`,
          `};`,
          `patch();`,
          `setInterval(patch, 1);`,
        ].join('\n'),
      ),
    expect: { score: 0, report: /changed JavaScript or TensorFlow\.js built-ins \([^)]*Array\.prototype\.includes/ },
  },
  {
    name: 'pollutes Object.prototype at the top level',
    class: 'shared state',
    files: () => atTop(`(Object.prototype as unknown as Record<string, unknown>).isAdmin = true;`),
    expect: { score: 0, report: /changed JavaScript or TensorFlow\.js built-ins \([^)]*Object\.prototype\.isAdmin/ },
  },
  {
    name: "leaves exit hooks and globalThis litter (harmless: the sandbox dies with them; the code is right)",
    class: 'shared state',
    files: () =>
      atTop(
        [
          `const g = globalThis as unknown as Record<string, unknown>;`,
          `g.__deepgradeAnswers = { computeCost: 0.6931 };`,
          `g.structuredClone = () => 'forged';`,
          `process.on('exit', () => {`,
          `  g.__leftForTheNextLearner = true;`,
          `});`,
          `process.on('beforeExit', () => setTimeout(() => undefined, 1e9));`,
        ].join('\n'),
      ),
    expect: { score: (r) => r.max, hit: [] },
  },

  // ── trusting what comes back ──
  {
    name: "throws a 128 MB string: throw 'x'.repeat(2 ** 27)",
    class: 'returned values',
    files: () => attackIn('nnModel', `throw 'x'.repeat(2 ** 27);`),
    expect: { score: without('nnModel'), hit: ['nnModel'], report: /a thrown string: x{100}x*… \(message cut at 4000 characters\)/ },
  },
  {
    name: 'throws an Error with a 128 MB message from computeCost',
    class: 'returned values',
    files: () => attackIn('computeCost', `throw new Error('y'.repeat(2 ** 27));`),
    expect: { score: withoutCost, hit: COST_HIT, report: /computeCost threw an error: y{100}y*… \(message cut at 4000 characters\)/ },
  },
  {
    name: 'returns a plain array of 20 million numbers',
    class: 'returned values',
    files: () => attackIn('nnModel', `return new Array(2e7).fill(0.5);`),
    expect: { score: without('nnModel'), hit: ['nnModel'], report: /a plain array of 20000000 items, too large to check/ },
  },
  {
    name: 'returns a 6-million-element tensor',
    class: 'returned values',
    files: () => attackIn('nnModel', `return tf.zeros([6e6]);`),
    expect: { score: without('nnModel'), hit: ['nnModel'], report: /a tensor of shape \[6000000\], too large to check/ },
  },
  {
    name: 'returns an object nested 1000 levels deep',
    class: 'returned values',
    files: () => attackIn('nnModel', `let deep: Record<string, unknown> = {};\nfor (let i = 0; i < 1000; i++) deep = { W1: deep, b1: deep, W2: deep, b2: deep };\nreturn deep;`),
    expect: { score: without('nnModel'), hit: ['nnModel'], report: /W1 should be a tensor of shape \[3, 2\], but is an object with keys W1, b1, W2, b2/ },
  },
  {
    name: 'returns an object with 100 000 keys',
    class: 'returned values',
    files: () => attackIn('nnModel', `const wide: Record<string, number> = {};\nfor (let i = 0; i < 1e5; i++) wide['k' + i] = i;\nreturn wide;`),
    expect: { score: without('nnModel'), hit: ['nnModel'], report: /an object with 100000 keys, too large to check/ },
  },
  {
    name: 'returns a Proxy that throws on every access',
    class: 'returned values',
    files: () =>
      attackIn(
        'nnModel',
        [
          `const no = () => {`,
          `  throw new Error('no peeking');`,
          `};`,
          `return new Proxy({}, { get: no, has: no, ownKeys: no, getPrototypeOf: no, getOwnPropertyDescriptor: no });`,
        ].join('\n'),
      ),
    expect: { score: without('nnModel'), hit: ['nnModel'], report: /no peeking/ },
  },
  {
    name: 'returns an object whose getter loops forever, from computeCost',
    class: 'returned values',
    files: () => attackIn('computeCost', `return {\n  get cost(): number {\n    for (;;) {}\n  },\n};`),
    expect: { score: withoutCost, hit: COST_HIT, report: /computeCost ran past its 5 s limit/ },
  },

  // ── the file system ──
  {
    name: "submits the learner file as a symbolic link to the repository's solution",
    class: 'file system',
    files: (dir) => {
      mkdirSync(path.join(dir, path.dirname(FILE)), { recursive: true });
      symlinkSync(solutionFile(), path.join(dir, FILE));
    },
    expect: { score: 0, error: /^refused: course1\/week3\/planar-classification\.ts \(a symbolic link\) \| .*is missing/, report: /is missing/ },
  },
  {
    name: "submits exercises/ as a symbolic link to the repository's solutions/",
    class: 'file system',
    files: (dir) => {
      writeFileSync(path.join(dir, 'README.md'), '# my repository\n');
      symlinkSync(path.join(env.repo, 'solutions'), path.join(dir, 'exercises'));
    },
    expect: { score: 0, error: /^refused: exercises \(a symbolic link\) \| .*is missing/, report: /is missing/ },
  },
  {
    name: 'includes a symbolic link to / beside a correct learner file',
    class: 'file system',
    files: (dir) => {
      writeLearnerFile(dir, env.solution);
      symlinkSync('/', path.join(dir, 'course1', 'week3', 'rootfs'));
    },
    // Its own work is right and is graded; the link is refused and named.
    expect: { score: (r) => r.max, hit: [], error: /^refused: course1\/week3\/rootfs \(a symbolic link\)$/ },
  },
  {
    name: "imports /etc/passwd as text: import x from '/etc/passwd' with { type: 'text' }",
    class: 'file system',
    files: () => `import passwd from '/etc/passwd' with { type: 'text' };\n${attackIn('nnModel', 'console.log(passwd);')}`,
    expect: { score: 0, error: /does not compile/, report: /"\/etc\/passwd" is imported with attributes \(type\): exercise code imports TypeScript modules only/ },
  },
  {
    name: 'imports the reference solution as text, by absolute path',
    class: 'file system',
    files: () => `import answers from ${JSON.stringify(solutionFile())} with { type: 'text' };\n${attackIn('nnModel', 'console.log(answers);')}`,
    expect: { score: 0, error: /does not compile/, report: /is imported with attributes \(type\): exercise code imports TypeScript modules only/ },
  },
  {
    name: 'imports the reference solution by absolute path',
    class: 'file system',
    files: () => `import { computeCost as reference } from ${JSON.stringify(solutionFile().replace(/\.ts$/, ''))};\n${attackIn('computeCost', 'return reference(args[0], args[1]);')}`,
    expect: { score: 0, error: /does not compile/, report: /is outside what exercise code may import/ },
  },
  {
    name: 'submits the learner file as a FIFO',
    class: 'file system',
    files: (dir) => {
      mkdirSync(path.join(dir, path.dirname(FILE)), { recursive: true });
      execFileSync('mkfifo', [path.join(dir, FILE)]);
    },
    expect: { score: 0, error: /^refused: course1\/week3\/planar-classification\.ts \(not a regular file \(a device, FIFO or socket\)\) \| .*is missing/, report: /is missing/ },
  },
  {
    name: 'submits a learner file over 512 KiB',
    class: 'file system',
    files: () => `${env.solution}\n// ${'padding '.repeat(80 * 1024)}\n`,
    expect: { score: 0, error: /^refused: course1\/week3\/planar-classification\.ts \(larger than 512 KiB\) \| .*is missing/, report: /is missing/ },
  },

  // ── freezing the batch ──
  {
    name: 'loops forever at the top level',
    class: 'freezing',
    files: () => atTop('for (;;) {}'),
    expect: { score: 0, report: /did not finish loading within 5 s/ },
  },
  {
    name: 'loops forever in every exported function (the time budget ends it)',
    class: 'freezing',
    files: () => env.stub.replace(/return notImplemented\('\w+'\);/g, 'for (;;) {}'),
    expect: { score: 0, report: new RegExp(`time budget for grading this submission \\(${BUDGET_SECONDS} s\\) was spent`) },
  },
  {
    name: 'blocks forever in Atomics.wait on a SharedArrayBuffer, in computeCost',
    class: 'freezing',
    files: () => attackIn('computeCost', `Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);`),
    expect: { score: withoutCost, hit: COST_HIT, report: /computeCost ran past its 5 s limit/ },
  },
  {
    name: 'allocates until memory runs out, in nnModel',
    class: 'freezing',
    files: () => attackIn('nnModel', `const hoard: number[][] = [];\nfor (;;) hoard.push(new Array(1e6).fill(Math.random()));`),
    expect: { score: without('nnModel'), hit: ['nnModel'], report: /ran out of memory/ },
  },
  {
    name: 'floods process.stdout without end, in nnModel',
    class: 'freezing',
    // What process.stdout takes is kept as printed output, cut at its cap (lockdown.ts): only the time limit ends this.
    files: () => attackIn('nnModel', `const chunk = 'x'.repeat(1 << 16);\nfor (;;) {\n  process.stdout.write(chunk);\n  await new Promise((resolve) => setImmediate(resolve));\n}`, { async: true }),
    expect: { score: without('nnModel'), hit: ['nnModel'], report: /nnModel ran past its/ },
  },
  {
    name: 'floods process.stderr with 64 MB, then returns the right parameters, in nnModel',
    class: 'freezing',
    // process.stderr is a stand-in that keeps what it is given as printed output, cut at its cap, as console.log's
    // is: harmless, and the right parameters score. (Output written to fd 2 by native code is capped apart.)
    files: () =>
      attackIn('nnModel', `const chunk = 'x'.repeat(1 << 16);\nfor (let i = 0; i < 1000; i++) {\n  process.stderr.write(chunk);\n  await new Promise((resolve) => setImmediate(resolve));\n}`, { async: true }),
    expect: { score: without() },
  },
  {
    name: 'throws from a timer after layerSizes returns',
    class: 'freezing',
    // The timer is cancelled when the call ends: it can neither crash a later call nor be blamed on one.
    files: () => attackIn('layerSizes', `setTimeout(() => { throw new Error('late'); }, 0);\nsetInterval(() => { throw new Error('later'); }, 1);`),
    expect: { score: without() },
  },
];

// ── The run ────────────────────────────────────────────────────────────────

type Snapshot = Map<string, string>;

/** Every entry under dir (lstat: links are not followed, FIFOs not opened) → what it is and, for files, a content hash. */
function snapshot(dir: string, skip = new Set<string>()): Snapshot {
  const out: Snapshot = new Map();
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d).sort()) {
      if (skip.has(name)) continue;
      const full = path.join(d, name);
      const r = rel ? `${rel}/${name}` : name;
      const st = lstatSync(full);
      if (st.isSymbolicLink()) out.set(r, `link → ${readlinkSync(full)}`);
      else if (st.isDirectory()) {
        out.set(r, `dir ${st.mode.toString(8)}`);
        walk(full, r);
      } else if (st.isFile()) out.set(r, `file ${st.mode.toString(8)} ${sha(readFileSync(full))}`);
      else out.set(r, `special ${st.mode.toString(8)}`);
    }
  };
  walk(dir, '');
  return out;
}

const REPO_SKIP = new Set(['node_modules', '.git', 'reports', '.deepgrade']);

const HONEST = ['full', 'partial'] as const;
type Honest = (typeof HONEST)[number];

let tmp: string;
let server: net.Server;
let connections = 0;
let ref: Ref;
let solo: Record<Honest, LearnerRow>;
let result: BatchResult;
let seconds = 0;
const learnerOf = new Map<Case, string>();
const honestLearners: [string, Honest][] = [];
const before = new Map<string, Snapshot>();
const watched = () => ({
  'the graded repository': [env.repo, REPO_SKIP] as const,
  "the checkout's solutions/": [path.join(repoRoot, 'solutions'), new Set<string>()] as const,
  "the checkout's exercises/": [path.join(repoRoot, 'exercises'), new Set<string>()] as const,
  "the checkout's lib/": [path.join(repoRoot, 'lib'), new Set<string>()] as const,
  'the submissions': [path.join(tmp, 'class'), new Set<string>()] as const,
  'the sentinel folder': [env.sentinelDir, new Set<string>()] as const,
});

function honestSource(kind: Honest): string {
  if (kind === 'full') return env.solution;
  // A realistic slip: the cost without its 1/m.
  const partial = env.solution.replace('return -tf.sum(logprobs).dataSync()[0]! / m;', 'return -tf.sum(logprobs).dataSync()[0]!;');
  if (partial === env.solution) throw new Error('the solution no longer holds the line the partial learner changes');
  return partial;
}

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 48).replace(/-$/, '');

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-adversarial-batch-'));
  env.repo = copyRepo();
  env.solution = readFileSync(solutionFile(), 'utf8');
  env.stub = readFileSync(path.join(env.repo, 'exercises', FILE), 'utf8');
  env.sentinelDir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-sentinel-'));
  env.sentinel = path.join(env.sentinelDir, 'precious.txt');
  writeFileSync(env.sentinel, 'the instructor keeps this\n');
  env.out = path.join(tmp, 'out');

  server = net.createServer((socket) => socket.destroy());
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  env.port = (server.address() as AddressInfo).port;

  const def = await loadGrader(env.repo, ID);
  const options = { root: env.repo, defs: [def], seed: 1, hidden: false, workers: 2, budgetSeconds: BUDGET_SECONDS };

  // The honest learners, graded alone: what their rows must be in the class too.
  for (const kind of HONEST) writeLearnerFile(path.join(tmp, 'solo', kind), honestSource(kind));
  const alone = await gradeClass({ ...options, submissions: path.join(tmp, 'solo'), out: path.join(tmp, 'solo-out') });
  solo = { full: alone.rows[0]!, partial: alone.rows[1]! };
  const report = JSON.parse(readFileSync(path.join(alone.feedback, 'full', 'report.json'), 'utf8')) as {
    maxScore: number;
    assignments: { exercises: { name: string; maxScore: number; checks: { name: string; maxScore: number }[] }[] }[];
  };
  const exercises = report.assignments[0]!.exercises;
  ref = {
    max: report.maxScore,
    points: (exercise, check) => {
      const e = exercises.find((x) => x.name === exercise);
      if (!e) throw new Error(`no exercise ${exercise}`);
      if (check === undefined) return e.maxScore;
      const c = e.checks.find((x) => x.name === check);
      if (!c) throw new Error(`no check ${check} in ${exercise}`);
      return c.maxScore;
    },
  };

  // The class: honest, attacker, honest, attacker, …, honest (names sort in that order).
  const pad = (n: number) => String(n).padStart(3, '0');
  const addHonest = (i: number) => {
    const kind = HONEST[honestLearners.length % 2]!;
    const learner = `a${pad(i)}-honest-${kind}`;
    writeLearnerFile(path.join(tmp, 'class', learner), honestSource(kind));
    honestLearners.push([learner, kind]);
  };
  CASES.forEach((c, k) => {
    addHonest(2 * k);
    const learner = `a${pad(2 * k + 1)}-${slug(c.name)}`;
    const dir = path.join(tmp, 'class', learner);
    mkdirSync(dir, { recursive: true });
    const source = c.files(dir);
    if (typeof source === 'string') writeLearnerFile(dir, source);
    learnerOf.set(c, learner);
  });
  addHonest(2 * CASES.length);

  for (const [name, [dir, skip]] of Object.entries(watched())) before.set(name, snapshot(dir, skip));
  const started = Date.now();
  result = await gradeClass({ ...options, submissions: path.join(tmp, 'class'), out: env.out });
  seconds = (Date.now() - started) / 1000;
}, 600_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  for (const dir of [tmp, env.repo, env.sentinelDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

function rowOf(learner: string): LearnerRow {
  const row = result.rows.find((r) => r.learner === learner);
  if (!row) throw new Error(`no row for ${learner}`);
  return row;
}

/** Every check message of a learner's report.json, one per line. */
function reportMessages(learner: string): { score: number; text: string } {
  const report = JSON.parse(readFileSync(path.join(result.feedback, learner, 'report.json'), 'utf8')) as {
    score: number;
    assignments: { exercises: { checks: { message: string }[] }[] }[];
  };
  const text = report.assignments.flatMap((a) => a.exercises.flatMap((e) => e.checks.map((c) => c.message))).join('\n');
  return { score: report.score, text };
}

describe('a class with hostile submissions', () => {
  it('has at least 22 cases, covering every threat class', () => {
    expect(CASES.filter((c) => !c.bug).length).toBeGreaterThanOrEqual(22);
    expect(new Set(CASES.map((c) => c.class))).toEqual(new Set<ThreatClass>(['signals', 'network', 'shared state', 'returned values', 'file system', 'freezing']));
    expect(new Set(CASES.map((c) => slug(c.name))).size).toBe(CASES.length);
  });

  it('finishes, under namespaces, with a row for every learner in order', () => {
    expect(result.isolation).toBe('namespaces');
    expect(result.rows.map((r) => r.learner)).toEqual([...honestLearners.map(([l]) => l), ...learnerOf.values()].sort());
    expect(JSON.parse(readFileSync(result.summary, 'utf8')).learners).toBe(2 * CASES.length + 1);
    // Generous: the budget bounds each learner; two workers share the class.
    expect(seconds).toBeLessThan(600);
  });

  const attackerRow = (c: Case) => {
    const row = rowOf(learnerOf.get(c)!);
    const expected = typeof c.expect.score === 'number' ? c.expect.score : c.expect.score(ref);
    expect(row.maxScore).toBe(ref.max);
    if (c.expect.hit) {
      for (const [key, points] of Object.entries(solo.full.scores)) {
        if (!c.expect.hit.some((e) => key.endsWith(` › ${e}`))) expect(row.scores[key], key).toBe(points);
      }
    }
    expect(row.score).toBe(expected);
    if (c.expect.error) expect(row.error).toMatch(c.expect.error);
    // Otherwise the row may only say what the grader saw happen (limits hit, tampering): no refusal, no build error.
    else for (const part of row.error?.split(' | ') ?? []) expect(part).toMatch(INCIDENT);
    if (row.error?.startsWith('refused: ')) {
      const refused = row.error.split(' | ')[0]!;
      expect(readFileSync(path.join(result.feedback, row.learner, 'refused.txt'), 'utf8')).toBe(`Not graded from your submission: ${refused}\n`);
    }
    const report = reportMessages(row.learner);
    expect(report.score).toBe(row.score);
    if (c.expect.report) expect(report.text).toMatch(c.expect.report);
  };
  it.each(CASES.filter((c) => !c.bug).map((c) => [c.class, c.name, c] as const))('%s: %s', (_class, _name, c) => attackerRow(c));
  // BUG cases (see each case's comment): graded with the class, asserted once the engine is fixed.
  it.skip.each(CASES.filter((c) => c.bug).map((c) => [c.bug, c.name, c] as const))('BUG: %s: %s', (_bug, _name, c) => attackerRow(c));

  it("gives every honest learner exactly the row it gets graded alone, whoever its neighbours", () => {
    expect(solo.full.score).toBe(solo.full.maxScore);
    expect(solo.partial.score).toBeGreaterThan(0);
    expect(solo.partial.score).toBeLessThan(solo.partial.maxScore);
    expect(honestLearners.length).toBe(CASES.length + 1);
    for (const [learner, kind] of honestLearners) {
      const row = rowOf(learner);
      const alone = solo[kind];
      expect({ learner, hash: row.hash, scores: row.scores, score: row.score, maxScore: row.maxScore, error: row.error }).toEqual({
        learner,
        hash: alone.hash,
        scores: alone.scores,
        score: alone.score,
        maxScore: alone.maxScore,
        error: undefined,
      });
    }
  });

  it('changes no file outside the output folder', () => {
    for (const [name, [dir, skip]] of Object.entries(watched())) {
      const now = snapshot(dir, skip);
      const was = before.get(name)!;
      const changed = [...new Set([...was.keys(), ...now.keys()])].filter((k) => was.get(k) !== now.get(k));
      expect(changed, name).toEqual([]);
    }
    expect(readFileSync(env.sentinel, 'utf8')).toBe('the instructor keeps this\n');
    // The forged journal line and gradebook never landed.
    expect(readFileSync(path.join(env.out, 'journal.jsonl'), 'utf8')).not.toMatch(/pwned/);
    expect(readFileSync(result.gradebook, 'utf8')).not.toMatch(/pwned/);
  });

  it('lets no connection reach the grading machine', () => {
    expect(connections).toBe(0);
  });

  // BUG: graders/engine/sandbox/lockdown.ts removes `net` from process.getBuiltinModule but leaves net.Socket
  // reachable as process.stdout.constructor (the child's stdout is a pipe, i.e. a net.Socket), and Node 20's
  // permission model does not cover the network. Under namespaces the sandbox's own network namespace refuses
  // the connection (the case above), but with the permission model only (--allow-unisolated, or a machine
  // without bubblewrap) learner code connects to the grading machine: 2 connections, and full marks.
  it('with the permission model only, no Socket can be made from process.stdout to reach the grading machine', async () => {
    const listener = net.createServer((socket) => socket.destroy());
    let accepted = 0;
    listener.on('connection', () => accepted++);
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    try {
      const dir = path.join(tmp, 'unisolated');
      writeLearnerFile(path.join(dir, 'class', 'mallory'), stdoutSocket((listener.address() as AddressInfo).port));
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', path.join(repoRoot, 'tests', 'support', 'grade-unisolated.ts'), env.repo, path.join(dir, 'class'), path.join(dir, 'out')],
        { cwd: repoRoot, env: { ...process.env, DEEPGRADE_ISOLATION: 'none' }, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 },
      );
      const graded = JSON.parse(stdout) as { isolation: string; rows: LearnerRow[] };
      expect(graded.isolation).toMatch(/permission model only/);
      expect(accepted).toBe(0);
      expect(graded.rows[0]!.score).toBe(without('nnModel')(ref));
    } finally {
      await new Promise((resolve) => listener.close(resolve));
    }
  }, 300_000);
});
