/**
 * Speed never changes a grade. `npm run grade` runs the command bundled once
 * (graders/launcher/cli-bundle.mjs) unless DEEPGRADE_NO_BUNDLE is set, the
 * grading process loads TensorFlow.js from the sandbox's bundle
 * (graders/engine/sandbox/tf-redirect.mjs) unless DEEPGRADE_TF_PACKAGE is set,
 * and the independent parts of a check run at once, their calls sent to the
 * sandbox together (graders/engine/checks/overlap.ts), unless
 * DEEPGRADE_NO_OVERLAP is set, and both processes run TensorFlow.js as a
 * script with V8's compiled code kept (graders/launcher/tf-script.mjs) unless
 * DEEPGRADE_NO_TF_CACHE is set. The JSON reports of `npm run grade week3` must
 * be identical either way, bit for bit (but for when they were made), on the
 * full solutions, on the untouched stubs, on wrong implementations, and on
 * code that prints, throws on some inputs or loops on some.
 */
import { execFile } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyRepo } from './support/repo-copy';

const run = promisify(execFile);
const ID = 'course1/week3/planar-classification';
let repo: string;

beforeAll(async () => {
  repo = copyRepo();
  // A first run builds the sandbox runtime, after which the bundle can be used here too.
  await grade({});
}, 120_000);
afterAll(() => rmSync(repo, { recursive: true, force: true }));

async function grade(env: Record<string, string>, selector = 'week3', timings?: string[]): Promise<string> {
  const { stdout, stderr } = await run('node', ['graders/launch.mjs', 'cli.ts', selector, '--format', 'json'], {
    cwd: repo,
    env: { ...process.env, NO_COLOR: '1', ...env, ...(timings ? { DEEPGRADE_TIMINGS: '1' } : {}) },
    maxBuffer: 20 * 1024 * 1024,
  });
  timings?.push(stderr);
  const report = JSON.parse(stdout) as Record<string, unknown>;
  delete report.generatedAt;
  return JSON.stringify(report);
}

const solution = () => readFileSync(path.join(repo, 'solutions', `${ID}.ts`), 'utf8');
/** Wrong implementations, each a small edit of the reference solution. */
const wrong: [string, (s: string) => string][] = [
  ['cost without 1/m', (s) => s.replace('dataSync()[0]! / m;', 'dataSync()[0]!;')],
  ['sigmoid in the hidden layer', (s) => s.replace('const A1 = tf.tanh(Z1);', 'const A1 = tf.sigmoid(Z1);')],
  ['db2 summed over the wrong axis', (s) => s.replace('const db2 = tf.sum(dZ2, 1, true)', 'const db2 = tf.sum(dZ2, 0, true)')],
  // Fails some property runs (fast-check then shrinks) and the gradient check's cost at its point (m = 5).
  ['computeCost throws when m is 5', (s) => s.replace('  const m = Y.shape[1];\n', "  const m = Y.shape[1];\n  if (m === 5) throw new Error('five');\n")],
  // Runs past its limit on some property runs (m = 6): the runs behind it are given up.
  ['predict loops on 6 examples', (s) => s.replace('  const [A2] = forwardPropagation(X, parameters);\n', '  const [A2] = forwardPropagation(X, parameters);\n  if (X.shape[1] === 6) for (;;) {}\n')],
];

describe('the same grades whichever way the grader and TensorFlow.js are loaded', () => {
  const slow = { DEEPGRADE_TF_PACKAGE: '1', DEEPGRADE_NO_BUNDLE: '1', DEEPGRADE_NO_OVERLAP: '1', DEEPGRADE_NO_TF_CACHE: '1', DEEPGRADE_NO_LANES: '1' };
  const both = async () => [await grade({}), await grade(slow)] as const;

  it('runs the bundled command when nothing asks otherwise', async () => {
    await grade({});
    const manifest = JSON.parse(readFileSync(path.join(repo, '.deepgrade', 'cli', 'manifest.json'), 'utf8')) as { outputs: Record<string, string> };
    expect(Object.keys(manifest.outputs)).toContain('graders/cli.ts');
    expect(Object.keys(manifest.outputs)).toContain(`graders/${ID}.grader.ts`);
  }, 120_000);

  it('untouched stubs', async () => {
    const [fast, plain] = await both();
    expect(fast).toBe(plain);
  }, 120_000);

  it('the full solutions', async () => {
    cpSync(path.join(repo, 'solutions', `${ID}.ts`), path.join(repo, 'exercises', `${ID}.ts`));
    const [fast, plain] = await both();
    expect(JSON.parse(fast).score).toBe(JSON.parse(fast).maxScore);
    expect(fast).toBe(plain);
  }, 120_000);

  it('code that prints on every call: the same output, in the same order', async () => {
    const text = solution()
      .replace('  const { W1, b1, W2, b2 } = parameters;\n', "  const { W1, b1, W2, b2 } = parameters;\n  console.log('forward', X.shape[1], W1.dataSync()[0]);\n")
      .replace('  const m = Y.shape[1];\n', "  const m = Y.shape[1];\n  console.log('cost', m);\n");
    writeFileSync(path.join(repo, 'exercises', `${ID}.ts`), text);
    const [fast, plain] = await both();
    expect(fast).toContain('forward');
    expect(fast).toBe(plain);
  }, 120_000);

  it.each(wrong)('a wrong implementation: %s', async (_name, edit) => {
    const text = edit(solution());
    expect(text).not.toBe(solution());
    writeFileSync(path.join(repo, 'exercises', `${ID}.ts`), text);
    const [fast, plain] = await both();
    expect(JSON.parse(fast).score).toBeLessThan(JSON.parse(fast).maxScore);
    expect(fast).toBe(plain);
  }, 120_000);

  it('several assignments, graded side by side in two sandboxes or one after another in one', async () => {
    // Course 1's five assignments, the solutions in place but for a softmax normalised over the wrong axis.
    for (const id of ['course1/week2/numpy-basics', 'course1/week2/logistic-regression', ID, 'course1/week4/deep-network-step-by-step', 'course1/week4/deep-network-application']) {
      cpSync(path.join(repo, 'solutions', `${id}.ts`), path.join(repo, 'exercises', `${id}.ts`));
    }
    const basics = path.join(repo, 'exercises', 'course1/week2/numpy-basics.ts');
    const text = readFileSync(basics, 'utf8').replace('tf.sum(xExp, 1, true)', 'tf.sum(xExp, 0, true)');
    expect(text).not.toBe(readFileSync(basics, 'utf8'));
    writeFileSync(basics, text);
    const timings: string[] = [];
    const side = await grade({}, 'course1', timings);
    expect(timings[0]).toContain('(2 lanes)');
    // The slowest checks, each named by assignment, function and check, slowest first.
    const slowest = timings[0]!.split('slowest checks')[1]?.split('\n').slice(1).filter((l) => /^\s+\d+\s+course1\//.test(l)) ?? [];
    expect(slowest.length).toBe(15);
    const ms = slowest.map((l) => Number(/\d+/.exec(l)![0]));
    expect(ms).toEqual([...ms].sort((a, b) => b - a));
    const report = JSON.parse(side) as { assignments: { id: string; score: number; maxScore: number }[] };
    expect(report.assignments.map((a) => a.id)).toEqual(['course1/week2/numpy-basics', 'course1/week2/logistic-regression', ID, 'course1/week4/deep-network-step-by-step', 'course1/week4/deep-network-application']);
    expect(report.assignments[0]!.score).toBeLessThan(report.assignments[0]!.maxScore);
    expect(report.assignments.slice(1).every((a) => a.score === a.maxScore)).toBe(true);
    expect(side).toBe(await grade(slow, 'course1'));
  }, 180_000);
});
