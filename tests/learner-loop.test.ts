/**
 * The learner's loop: what they see while and after grading is never
 * misleading. A hang costs only the function that hangs; what their code
 * printed is kept with the check; a file that does not compile is said once;
 * reports wrap at the terminal's width, point at the first wrong function, and
 * keep stable names for CI.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeAssignment } from '../graders/engine/grade';
import { repoRoot } from '../graders/engine/paths';
import { loadGrader } from '../graders/engine/registry';
import { gradeReport, type AssignmentResult } from '../graders/engine/report/model';
import { loadTerminalRendering, renderReport, useColor } from '../graders/engine/report/render';
import { toJunit } from '../graders/engine/report/formats';
import { compareValues } from '../graders/engine/compare';
import { formatNd, nd } from '../graders/engine/ndarray';
import { Sandbox } from '../graders/engine/sandbox/client';

const ID = 'course1/week3/planar-classification';
const solution = readFileSync(path.join(repoRoot, 'solutions', `${ID}.ts`), 'utf8');
let dir: string;
let sandbox: Sandbox;

/** The reference solution with one function's first line of body replaced by `code`. */
function withFirstLine(fn: string, code: string): string {
  const open = new RegExp(`(export function ${fn}\\(.*\\{\\n)`);
  expect(solution).toMatch(open);
  return solution.replace(open, `$1${code}\n`);
}

async function grade(source: string, only: string[]): Promise<AssignmentResult> {
  const file = path.join(dir, 'exercises', `${ID}.ts`);
  writeFileSync(file, source);
  const def = await loadGrader(repoRoot, ID);
  return gradeAssignment(def, { root: repoRoot, seed: 1, sandbox, only, hidden: false, learnerFile: file, learnerRoot: path.join(dir, 'exercises') });
}

beforeAll(async () => {
  await loadTerminalRendering();
  dir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-loop-'));
  const file = path.join(dir, 'exercises', `${ID}.ts`);
  mkdirSync(path.dirname(file), { recursive: true });
  sandbox = new Sandbox({ root: repoRoot, timeoutMs: 1500 });
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('grading, as the learner sees it', () => {
  it('blames a hang on the function that hangs: later checks that call it are not run, and say why', async () => {
    const r = await grade(withFirstLine('forwardPropagation', '  for (;;) {}'), ['forwardPropagation', 'backwardPropagation']);
    const forward = r.exercises.find((e) => e.name === 'forwardPropagation')!;
    expect(forward.checks[0]!.status).toBe('timeout');
    const backward = r.exercises.find((e) => e.name === 'backwardPropagation')!;
    // The gradient check works from the learner's forward pass (its cache).
    const gradientCheck = backward.checks.find((c) => c.kind === 'gradient')!;
    expect(gradientCheck.status).toBe('timeout');
    expect(gradientCheck.message).toMatch(/Not run: forwardPropagation already ran past its 1\.5 s limit earlier in this run, and this check calls it/);
    // backwardPropagation's own cases, which do not call forwardPropagation, still pass.
    expect(backward.checks.find((c) => c.kind === 'reference')!.status).toBe('passed');
  }, 60_000);

  it('does not hold a hanging cost against the backward pass: its gradient check differences the reference\'s cost', async () => {
    const r = await grade(withFirstLine('computeCost', '  for (;;) {}'), ['computeCost', 'backwardPropagation']);
    expect(r.exercises.find((e) => e.name === 'computeCost')!.checks[0]!.status).toBe('timeout');
    const backward = r.exercises.find((e) => e.name === 'backwardPropagation')!;
    expect(backward.checks.map((c) => c.status)).toEqual(backward.checks.map(() => 'passed'));
  }, 60_000);

  it('keeps what the code printed with the check, even when it passes', async () => {
    const r = await grade(withFirstLine('layerSizes', "  console.log('shapes:', X.shape, Y.shape);"), ['layerSizes']);
    const check = r.exercises[0]!.checks[0]!;
    expect(check.status).toBe('passed');
    expect(check.output).toMatch(/^shapes: \[5,3\] \[2,3\]\nshapes: \[2,7\] \[1,7\]\n$/);
    const report = gradeReport('week3', 1, '', [r]);
    for (const format of ['md', 'html', 'terminal'] as const) expect(renderReport(report, format), format).toContain('shapes: [5,3] [2,3]');
  });

  it('says a compile error once, not once per check', async () => {
    const r = await grade(`${solution}\nexport function broken( {\n`, ['layerSizes', 'computeCost', 'predict']);
    const checks = r.exercises.flatMap((e) => e.checks);
    expect(checks.filter((c) => /does not compile:\n/.test(c.message))).toHaveLength(1);
    expect(checks[0]!.status).toBe('error');
    expect(checks.slice(1).every((c) => c.status === 'skipped' && /see the first error above/.test(c.message))).toBe(true);
    const text = renderReport(gradeReport('week3', 1, '', [r]), 'terminal');
    expect(text.match(/does not compile/g)).toHaveLength(1);
  });
});

describe('reports', () => {
  const check = (name: string, score: number, message: string) => ({ kind: 'reference' as const, name, status: score ? ('passed' as const) : ('failed' as const), score, maxScore: 1, message, hidden: false });
  const assignment = (costScore: number): AssignmentResult => ({
    id: ID,
    title: 'Planar',
    file: `exercises/${ID}.ts`,
    score: costScore,
    maxScore: 2,
    exercises: [
      { name: 'layerSizes', status: 'not-attempted', score: 0, maxScore: 1, dependsOn: [], checks: [{ ...check('seeded cases', 0, 'Not attempted yet.'), status: 'not-attempted' }] },
      {
        name: 'computeCost',
        status: costScore ? 'passed' : 'failed',
        score: costScore,
        maxScore: 1,
        dependsOn: [],
        checks: [check('seeded cases', costScore, 'Case "m = 4": computeCost(…) is 1.0961595, expected 0.27403986 (off by 0.8221196). 0 of 4 cases pass; this sentence goes on long enough to need wrapping at eighty columns.')],
      },
    ],
  });

  it('wraps at the terminal width at word boundaries, keeping the indentation', () => {
    const text = renderReport(gradeReport('week3', 1, '', [assignment(0)]), 'terminal', { width: 80 });
    const lines = text.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
    const at = lines.findIndex((l) => l.includes('Case "m = 4"'));
    expect(lines[at + 1]).toMatch(/^ {10}\S/); // the continuation keeps the message's indentation
    expect(lines[at]!.trimEnd().endsWith(' ')).toBe(false);
  });

  it('points "Next up" at the first wrong function before the first one not started', () => {
    expect(renderReport(gradeReport('week3', 1, '', [assignment(0)]), 'terminal')).toContain('Next up: computeCost');
    expect(renderReport(gradeReport('week3', 1, '', [assignment(1)]), 'terminal')).toContain('Next up: layerSizes');
  });

  it('keeps JUnit test names the same whatever the score', () => {
    const names = (xml: string) => [...xml.matchAll(/<testcase [^>]*name="([^"]*)"/g)].map((m) => m[1]);
    expect(names(toJunit(gradeReport('w', 1, '', [assignment(0)])))).toEqual(names(toJunit(gradeReport('w', 1, '', [assignment(1)]))));
  });

  it('honours FORCE_COLOR and NO_COLOR', () => {
    const tty = { isTTY: true } as NodeJS.WriteStream;
    const pipe = { isTTY: false } as NodeJS.WriteStream;
    const env = { ...process.env };
    try {
      delete process.env.FORCE_COLOR;
      delete process.env.NO_COLOR;
      expect(useColor(pipe)).toBe(false);
      process.env.FORCE_COLOR = '1';
      expect(useColor(pipe)).toBe(true);
      process.env.FORCE_COLOR = '0';
      expect(useColor(tty)).toBe(false);
      delete process.env.FORCE_COLOR;
      process.env.NO_COLOR = '1';
      expect(useColor(tty)).toBe(false);
    } finally {
      process.env = env;
    }
  });

  it('elides large arrays around the value that differs, and says "The 1 case matches"', () => {
    const expected = nd(Array.from({ length: 40 }, (_, i) => i), [4, 10]);
    const actual = nd(expected.data.map((v, i) => (i === 25 ? 99 : v)), [4, 10]);
    const m = compareValues(expected, actual)!;
    expect(m.expected).toContain('24, 25, 26');
    expect(m.actual).toContain('24, 99, 26');
    expect(m.message).toMatch(/Largest error 74 \(relative [\d.]+\) at \[2, 5\]/);
    expect(formatNd(expected)).not.toContain('25');
  });
});
