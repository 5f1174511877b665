/**
 * Automatic mutation testing (`npm run validate -- --mutate`): the operators, the
 * cap, the numerical-equivalence check and the score, on one small assignment.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nd } from '../graders/engine/ndarray';
import { repoRoot } from '../graders/engine/paths';
import { assignmentFiles } from '../graders/engine/registry';
import { Sandbox } from '../graders/engine/sandbox/client';
import { report } from '../graders/instructor/mutate-cli';
import {
  createSolutionProgram,
  generateMutations,
  mutateAssignment,
  mutationScore,
  OPERATORS,
  perturb,
  rng,
  tightDifference,
  type Mutation,
} from '../graders/instructor/mutate';
import { applyMutation, capSpread, relocatedSource, unifiedDiff } from '../graders/instructor/mutate-operators';

const ID = 'course1/week2/numpy-basics';
const solution = assignmentFiles(repoRoot, ID).solution;
const scratch = path.join(repoRoot, '.deepgrade', 'mutate-test', String(process.pid));
const sampleFile = path.join(scratch, 'sample.ts');

/** One function with something for every operator class. */
const SAMPLE = `import * as tf from '@tensorflow/tfjs';

export function sample(a: tf.Tensor2D, b: tf.Tensor2D, n: number, flag: boolean, offset = 0): tf.Tensor {
  let total = 0;
  for (let i = 0; i < n; i++) total += i * 2;
  total += offset;
  const z = tf.matMul(a, b, false, true);
  const s = tf.sum(tf.sigmoid(z), 1, true).div(n);
  const big = tf.greater(s, 0.5);
  const h = tf.tanh(tf.add(tf.matMul(a, b, false, true), s));
  if (flag !== false && total > n) return tf.sub(s, tf.sqrt(tf.abs(z)));
  return tf.add(tf.mul(s, -1), tf.add(big, h));
}
`;

let program: ReturnType<typeof createSolutionProgram>;

beforeAll(() => {
  mkdirSync(scratch, { recursive: true });
  writeFileSync(sampleFile, SAMPLE);
  // One program for both files: type-checking with TensorFlow.js's types takes seconds.
  program = createSolutionProgram([sampleFile, solution]);
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('mutant generation', () => {
  it('makes mutants of every operator class, each one well-formed change', () => {
    const [g] = generateMutations(sampleFile, ['sample'], { program, limit: 0 });
    const ops = new Set(g!.mutations.map((m) => m.operator));
    for (const op of OPERATORS) expect(ops, `no ${op} mutant`).toContain(op);
    const find = (op: string, after: string) => g!.mutations.find((m) => m.operator === op && applyMutation(SAMPLE, m).includes(after));
    expect(find('transpose', 'tf.matMul(a, b, true, true)')).toBeDefined();
    expect(find('transpose', 'tf.matMul(a, b, false, false)')).toBeDefined();
    expect(find('axis', 'tf.sum(tf.sigmoid(z), 0, true)')).toBeDefined();
    expect(find('keepdims', 'tf.sum(tf.sigmoid(z), 1, false)')).toBeDefined();
    expect(find('activation', 'tf.tanh(z)')).toBeDefined();
    expect(find('activation', 'tf.relu(z)')).toBeDefined();
    expect(find('div-removed', 'const s = tf.sum(tf.sigmoid(z), 1, true);')).toBeDefined();
    expect(find('reduction', 'tf.mean(tf.sigmoid(z), 1, true)')).toBeDefined();
    expect(find('math', 'tf.sub(s, tf.abs(z))')).toBeDefined();
    expect(find('comparison', 'tf.greaterEqual(s, 0.5)')).toBeDefined();
    expect(find('logical', '||')).toBeDefined();
    expect(find('loop-bound', 'i <= n')).toBeDefined();
    expect(find('loop-bound', 'let i = 1')).toBeDefined();
    expect(find('arg-order', 'tf.sub(tf.sqrt(tf.abs(z)), s)')).toBeDefined();
    expect(find('sign', 'tf.neg(tf.add(')).toBeDefined();
    expect(find('boolean', 'flag !== true')).toBeDefined();
    expect(find('argument', 'offset = 0): tf.Tensor { offset = 0;')).toBeDefined();
    expect(find('order', 'const h = tf.add(tf.tanh(tf.matMul(a, b, false, true)), s);')).toBeDefined();
    // No literal mutant of the axis itself (the axis class owns it), none in the loop's i++.
    expect(g!.mutations.some((m) => m.operator === 'literal' && applyMutation(SAMPLE, m).includes('tf.sum(tf.sigmoid(z), 2, true)'))).toBe(false);
    for (const m of g!.mutations) {
      expect(m.id).toMatch(/^sample#\d+$/);
      expect(m.description).toMatch(new RegExp(`^line ${m.line} \\[${m.operator}\\]: `));
      expect(m.diff).toContain(`@@ -${m.line},`);
      expect(m.diff.split('\n').some((l) => l.startsWith('+') && !l.startsWith('+++'))).toBe(true);
    }
  });

  it('is deterministic, and the cap keeps ids and spreads over operators', () => {
    const fns = ['sigmoid', 'softmax', 'l2Loss'];
    const a = generateMutations(solution, fns, { program, limit: 0 });
    const b = generateMutations(solution, fns, { program, limit: 0 });
    expect(a.map((g) => g.mutations.map((m) => `${m.id} ${m.description}`))).toEqual(b.map((g) => g.mutations.map((m) => `${m.id} ${m.description}`)));
    const capped = generateMutations(solution, fns, { program, limit: 5 });
    for (const [i, g] of capped.entries()) {
      expect(g.candidates).toBe(a[i]!.mutations.length);
      expect(g.mutations).toHaveLength(Math.min(5, g.candidates));
      // The same mutation keeps its id under a cap.
      for (const m of g.mutations) expect(a[i]!.mutations.find((x) => x.id === m.id)?.description).toBe(m.description);
      const ops = new Set(g.mutations.map((m) => m.operator));
      expect(ops.size).toBe(Math.min(5, Object.keys(g.byOperator).length));
    }
  });

  it('caps evenly: every class gets a share, unused shares go to the others', () => {
    const mk = (op: Mutation['operator'], k: number) => ({ id: `f#${op}${k}`, operator: op }) as Mutation;
    const all = [...Array.from({ length: 10 }, (_, k) => mk('arithmetic', k)), mk('axis', 0), ...Array.from({ length: 6 }, (_, k) => mk('literal', k))];
    const kept = capSpread(all, 7);
    expect(kept).toHaveLength(7);
    expect(kept.filter((m) => m.operator === 'axis')).toHaveLength(1);
    expect(kept.filter((m) => m.operator === 'arithmetic')).toHaveLength(3);
    expect(kept.filter((m) => m.operator === 'literal')).toHaveLength(3);
    expect(capSpread(all, 0)).toHaveLength(all.length);
  });

  it('relocates relative imports and writes a readable diff', () => {
    const src = `import { np } from '../../../lib/np-random';\nexport const f = () => 1 + 2;\n`;
    const from = path.join(repoRoot, 'solutions', 'course9', 'week1', 'x.ts');
    const to = path.join(repoRoot, '.deepgrade', 'mutate', 'course9', 'week1', 'x');
    const at = src.indexOf('+');
    const out = relocatedSource(src, from, to, { start: at, end: at + 1, replacement: '-' });
    expect(out).toContain(`from "../../../../../lib/np-random"`);
    expect(out).toContain('1 - 2');
    expect(unifiedDiff(src, { start: at, end: at + 1, replacement: '-' }, 'x.ts', 'f#0')).toBe(
      ['--- x.ts', '+++ f#0', '@@ -2,1 +2,1 @@', '-export const f = () => 1 + 2;', '+export const f = () => 1 - 2;'].join('\n'),
    );
  });
});

describe('equivalence inputs', () => {
  it('perturbs values but keeps shapes, dtypes, integers and [0, 1] ranges', () => {
    const x = nd([0.5, -1.25, 3.5, 2], [2, 2]);
    const p = nd([0, 0.2, 0.9, 1], [4]);
    const idx = nd([1, 2, 3], [3], 'int32');
    const [x2, p2, idx2, n2, lr2, rec] = perturb([x, p, idx, 7, 0.01, { W: x, k: 3 }], rng(1));
    expect(x2).toMatchObject({ shape: [2, 2], dtype: 'float32' });
    expect((x2 as typeof x).data).not.toEqual(x.data);
    (x2 as typeof x).data.forEach((v, i) => expect(Math.abs(v / x.data[i]!)).toBeGreaterThan(0.45));
    (p2 as typeof p).data.forEach((v) => expect(v >= 0 && v <= 1).toBe(true));
    expect(idx2).toEqual(idx);
    expect(n2).toBe(7);
    expect(lr2).not.toBe(0.01);
    expect((rec as { k: number }).k).toBe(3);
    expect(perturb([x], rng(5))).toEqual(perturb([x], rng(5)));
  });

  it('compares outputs tightly', () => {
    expect(tightDifference(nd([1, 2], [2]), nd([1, 2.0000001], [2]))).toBeUndefined();
    expect(tightDifference(nd([1, 2], [2]), nd([1, 2.001], [2]))).toMatch(/output\[1\]/);
    expect(tightDifference(nd([NaN], [1]), nd([NaN], [1]))).toBeUndefined();
    expect(tightDifference(3, nd([3], []))).toBeUndefined();
    expect(tightDifference({ a: nd([1], [1, 1]) }, { a: nd([1], [1, 1]), b: 2 })).toMatch(/output\.b/);
    expect(tightDifference(nd([1, 2], [2, 1]), nd([1, 2], [1, 2]))).toMatch(/shape/);
  });
});

describe('grading mutants', () => {
  it('kills a killable mutant, recognises an equivalent one, counts a survivor, and scores them', async () => {
    const source = readFileSync(solution, 'utf8');
    const body = 'return tf.mul(s, tf.sub(1, s));';
    const at = source.indexOf(body);
    expect(at).toBeGreaterThan(0);
    const make = (n: number, operator: Mutation['operator'], replacement: string): Mutation => {
      const line = source.slice(0, at).split('\n').length;
      return {
        id: `sigmoidDerivative#hand${n}`,
        fn: 'sigmoidDerivative',
        operator,
        start: at,
        end: at + body.length,
        replacement,
        line,
        description: `line ${line} [${operator}]: ${replacement}`,
        diff: unifiedDiff(source, { start: at, end: at + body.length, replacement }, 'numpy-basics.ts', `hand${n}`),
      };
    };
    const killable = make(1, 'arithmetic', 'return tf.mul(s, tf.add(1, s));');
    // s·(1 − s) = (1 − s)·s exactly in floating point: equivalent.
    const equivalent = make(2, 'arg-order', 'return tf.mul(tf.sub(1, s), s);');
    // 0.01 % off: inside the grader's tolerance, outside the equivalence check's.
    const survivor = make(3, 'literal', 'return tf.mul(tf.mul(s, tf.sub(1, s)), 1.0001);');

    const sandbox = new Sandbox({ root: repoRoot });
    try {
      const r = await mutateAssignment(repoRoot, ID, sandbox, {
        fns: ['sigmoidDerivative'],
        limit: -1, // only the hand-made mutants
        extra: [killable, equivalent, survivor],
        dir: path.join(scratch, 'run'),
        equivalence: { maxCases: 3, perturbations: 1 },
      });
      const status = Object.fromEntries(r.mutants.map((m) => [m.id, m.status]));
      expect(status).toEqual({ [killable.id]: 'killed', [equivalent.id]: 'equivalent', [survivor.id]: 'survived' });
      expect(r.mutants.find((m) => m.id === equivalent.id)!.detail).toMatch(/equal to the reference on \d+ inputs/);
      expect(r.mutants.find((m) => m.id === survivor.id)!.detail).toMatch(/differs from the reference/);
      expect(r).toMatchObject({ generated: 3, killed: 1, survived: 1, equivalent: 1, invalid: 0, score: 0.5 });
      expect(r.functions[0]).toMatchObject({ fn: 'sigmoidDerivative', killed: 1, survived: 1, equivalent: 1, score: 0.5 });
      const text = report([r], 40, false);
      expect(text).toContain('50.0%');
      expect(text).toContain(`${survivor.id}  ${survivor.description}`);
      expect(text).toContain('+  return tf.mul(tf.mul(s, tf.sub(1, s)), 1.0001);');
    } finally {
      await sandbox.close();
    }
  });

  it('scores killed / (killed + survived)', () => {
    expect(mutationScore(9, 1)).toBe(0.9);
    expect(mutationScore(0, 0)).toBeUndefined();
    expect(mutationScore(3, 0)).toBe(1);
  });
});
