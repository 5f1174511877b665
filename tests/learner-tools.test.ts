/**
 * The learner's three helpers, in a fresh copy of the repository:
 * `npm run hint` (staged hints, remembered in .deepgrade/hints.json),
 * `npm run reset` (one function back to its committed stub, with a backup) and
 * `npm run progress` (the last score of every function, from reports/).
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../graders/engine/paths';
import { loadCourses, loadGrader } from '../graders/engine/registry';
import { codeAssignmentIds } from './support/grading';
import { assignmentResult, exerciseResult, gradeReport, type CheckResult, type ExerciseStatus } from '../graders/engine/report/model';
import { validator } from '../graders/engine/schemas/validate';
import type { LearnerIO } from '../graders/learner/common';
import { loadHints, runHint, validateHints, type HintFile } from '../graders/learner/hints';
import { runProgress } from '../graders/learner/progress';
import { exportedFunctions, runReset } from '../graders/learner/reset';
import { copyRepo } from './support/repo-copy';

const run = promisify(execFile);
const PLANAR = 'course1/week3/planar-classification';
const PLANAR_FILE = `exercises/${PLANAR}.ts`;
let repo: string;

interface Captured extends LearnerIO {
  stdout: string;
  stderr: string;
  asked: string[];
}

/** An io for one command run in the copy, capturing what it prints. */
function io(options: { interactive?: boolean; answer?: string; color?: boolean; root?: string } = {}): Captured {
  const c: Captured = {
    root: options.root ?? repo,
    stdout: '',
    stderr: '',
    asked: [],
    out: (s) => void (c.stdout += s),
    err: (s) => void (c.stderr += s),
    interactive: options.interactive ?? false,
    color: options.color ?? false,
    ask: async (q) => {
      c.asked.push(q);
      return options.answer ?? '';
    },
  };
  return c;
}

const read = (rel: string) => readFileSync(path.join(repo, rel), 'utf8');
const write = (rel: string, text: string) => {
  mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
  writeFileSync(path.join(repo, rel), text);
};
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, stdio: 'pipe', encoding: 'utf8' });

async function cli(script: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', script, ...args], { cwd: repo, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(() => {
  repo = copyRepo();
  if (!existsSync(path.join(repo, '.git'))) {
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'as cloned');
  }
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('npm run hint', () => {
  const seen = () => (JSON.parse(read('.deepgrade/hints.json')) as { seen: Record<string, number> }).seen;
  const stages = () => (JSON.parse(read(`graders/${PLANAR}.hints.json`)) as HintFile).hints.computeCost!;
  const firstWords = (s: string) => s.split(/\s+/).slice(0, 8).join(' ');

  it('shows the stages one after the other, remembers them in .deepgrade/hints.json, and then points to the instructions', async () => {
    rmSync(path.join(repo, '.deepgrade'), { recursive: true, force: true });
    for (let stage = 1; stage <= 3; stage++) {
      const r = io();
      expect(await runHint(['week3', 'computeCost'], r)).toBe(0);
      expect(r.stdout).toContain(`computeCost — hint ${stage} of 3`);
      expect(r.stdout.replace(/\s+/g, ' ')).toContain(firstWords(stages()[stage - 1]!));
      expect(seen()[`${PLANAR}/computeCost`]).toBe(stage);
      for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    }
    const after = io();
    expect(await runHint(['week3', 'computeCost'], after)).toBe(0);
    expect(after.stdout).toContain('You have seen all 3 hints for computeCost');
    expect(after.stdout).toContain(`exercises/${PLANAR}.md`);
    expect(seen()[`${PLANAR}/computeCost`]).toBe(3);
  });

  it('--again shows the last hint again, also from a new process (the real CLI reads the saved stage)', async () => {
    const r = await cli('graders/hint-cli.ts', 'week3', 'computeCost', '--again');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('computeCost — hint 3 of 3');
    expect(seen()[`${PLANAR}/computeCost`]).toBe(3);
  });

  it('--reset starts over at the first hint, for that function only', async () => {
    const other = io();
    await runHint(['tripletLoss'], other);
    expect(other.stdout).toContain('tripletLoss — hint 1 of 3');
    const r = io();
    expect(await runHint(['week3', 'computeCost', '--reset'], r)).toBe(0);
    expect(r.stdout).toContain('computeCost — hint 1 of 3');
    const next = io();
    await runHint(['computeCost', 'week3'], next); // either order
    expect(next.stdout).toContain('computeCost — hint 2 of 3');
    expect(seen()).toMatchObject({ [`${PLANAR}/computeCost`]: 2, 'course4/week4/face-recognition/tripletLoss': 1 });
  });

  it('asks which assignment when the name is in several, and suggests a near name for an unknown one (exit 2)', async () => {
    const ambiguous = io();
    expect(await runHint(['computeCost'], ambiguous)).toBe(2);
    expect(ambiguous.stderr).toContain('npm run hint -- week3 computeCost');
    expect(ambiguous.stderr).toContain('npm run hint -- week4 computeCost');

    const typo = io();
    expect(await runHint(['computeCots'], typo)).toBe(2);
    expect(typo.stderr).toContain('Did you mean computeCost?');

    const snake = await cli('graders/hint-cli.ts', 'week3', 'forward_propagation');
    expect(snake.code).toBe(2);
    expect(snake.stderr).toContain('Did you mean forwardPropagation?');

    const wrongWeek = io();
    expect(await runHint(['week2', 'backwardPropagation'], wrongWeek)).toBe(2);
    expect(wrongWeek.stderr).toContain(`backwardPropagation is in ${PLANAR}`);
  });

  it('a broken hints file is refused with its path and the JSON path of the problem', async () => {
    const rel = 'graders/course1/week2/numpy-basics.hints.json';
    const original = read(rel);
    try {
      const data = JSON.parse(original) as HintFile;
      (data.hints.sigmoid as unknown[])[1] = 42;
      write(rel, JSON.stringify(data));
      const r = io();
      expect(await runHint(['week2', 'sigmoid'], r)).toBe(1);
      expect(r.stderr).toContain(rel);
      expect(r.stderr).toContain('/hints/sigmoid/1');
      expect(() => loadHints(repo, 'course1/week2/numpy-basics')).toThrow(/numpy-basics\.hints\.json[\s\S]*\/hints\/sigmoid\/1/);
    } finally {
      write(rel, original);
    }
  });
});

describe('validateHints', () => {
  it('passes on every shipped assignment, which has 3 stages for each graded function', async () => {
    const ids = codeAssignmentIds();
    expect(ids.length).toBeGreaterThanOrEqual(17);
    for (const id of ids) {
      expect(await validateHints(repoRoot, id), id).toEqual([]);
      const hints = loadHints(repoRoot, id).hints;
      for (const e of (await loadGrader(repoRoot, id)).exercises) expect(hints[e.name]?.length, `${id} ${e.name}`).toBe(3);
    }
  });

  it('reports a missing function, an extra name, too few or empty stages and a line of the solution', async () => {
    const id = 'course1/week2/numpy-basics';
    const rel = `graders/${id}.hints.json`;
    const original = read(rel);
    const solutionLine = read(`solutions/${id}.ts`)
      .split('\n')
      .find((l) => l.includes('tf.exp(tf.neg'))!
      .trim();
    try {
      const data = JSON.parse(original) as HintFile;
      delete data.hints.softmax;
      data.hints.cosineSimilarity = ['a', 'b', 'c'];
      data.hints.l1Loss = data.hints.l1Loss!.slice(0, 2);
      data.hints.l2Loss![1] = '   ';
      data.hints.sigmoid![2] = `Compare with this: ${solutionLine}`;
      (data.hints.imageToVector as unknown[])[0] = 7; // left to the schema
      write(rel, JSON.stringify(data, null, 2));
      const problems = await validateHints(repo, id);
      const text = problems.join('\n');
      expect(text).toMatch(/no hints for softmax/);
      expect(text).toMatch(/cosineSimilarity is not an exercise/);
      expect(text).toMatch(/\/hints\/l1Loss: l1Loss has 2 stages; it needs 3/);
      expect(text).toMatch(/\/hints\/l2Loss\/1: stage 2 of l2Loss is empty/);
      expect(text).toMatch(/\/hints\/sigmoid\/2: stage 3 of sigmoid quotes the reference solution/);
      expect(text).toMatch(/\/hints\/imageToVector\/0: must be string/);
      expect(problems.every((p) => p.startsWith(rel))).toBe(true);
      expect(problems).toHaveLength(6);
    } finally {
      write(rel, original);
    }
    expect(await validateHints(repo, id)).toEqual([]);
  });
});

describe('npm run reset', () => {
  const backups = () => (existsSync(path.join(repo, '.deepgrade/backups')) ? readdirSync(path.join(repo, '.deepgrade/backups')) : []);
  const committed = () => git('show', `HEAD:${PLANAR_FILE}`);
  let edited: string;

  beforeAll(() => {
    // The learner wrote computeCost and predict, and a helper of their own.
    edited = committed()
      .replace("return notImplemented('computeCost');", 'const m = Y.shape[1];\n  return helper(m); // my cost')
      .replace("return notImplemented('predict');", 'return tf.zeros([1, X.shape[1]]) as tf.Tensor2D;')
      .concat('\nfunction helper(m: number): number {\n  return 1 / m;\n}\n');
    expect(edited).not.toBe(committed());
  });

  it('refuses without a terminal and without --yes, and changes nothing', async () => {
    write(PLANAR_FILE, edited);
    const r = io({ interactive: false });
    expect(await runReset(['week3', 'computeCost'], r)).toBe(1);
    expect(r.stderr).toContain('--yes');
    expect(read(PLANAR_FILE)).toBe(edited);
    expect(backups()).toEqual([]);

    const real = await cli('graders/reset-cli.ts', 'week3', 'computeCost');
    expect(real.code).toBe(1);
    expect(real.stderr).toContain('npm run reset -- week3 computeCost --yes');
    expect(read(PLANAR_FILE)).toBe(edited);
  });

  it('asks in a terminal, and "no" changes nothing', async () => {
    const r = io({ interactive: true, answer: 'n' });
    expect(await runReset(['week3', 'computeCost'], r)).toBe(0);
    expect(r.asked).toHaveLength(1);
    expect(r.stdout).toContain('Nothing changed');
    expect(read(PLANAR_FILE)).toBe(edited);
    expect(backups()).toEqual([]);
  });

  it('restores only that function from the committed stub, the rest byte for byte, after a backup', async () => {
    const r = io();
    expect(await runReset(['week3', 'computeCost', '--yes'], r)).toBe(0);
    const after = read(PLANAR_FILE);
    const stub = committed();
    // Everything before computeCost and after it is the learner's file as it was.
    const start = 'export function computeCost';
    const next = '/**\n * Exercise 5';
    expect(after.slice(0, after.indexOf(start))).toBe(edited.slice(0, edited.indexOf(start)));
    expect(after.slice(after.indexOf(next))).toBe(edited.slice(edited.indexOf(next)));
    // computeCost itself is the stub's, to the byte.
    expect(after.slice(after.indexOf(start), after.indexOf(next))).toBe(stub.slice(stub.indexOf(start), stub.indexOf(next)));
    expect(after).toContain('return tf.zeros([1, X.shape[1]])'); // predict is still the learner's
    expect(after).toContain('function helper(m: number)');

    const files = backups();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^course1__week3__planar-classification-.+\.ts$/);
    expect(readFileSync(path.join(repo, '.deepgrade/backups', files[0]!), 'utf8')).toBe(edited);
    expect(r.stdout).toContain(`.deepgrade/backups/${files[0]}`);
  });

  it('says so when the function is already the stub, and changes nothing', async () => {
    const before = read(PLANAR_FILE);
    const r = io();
    expect(await runReset(['week3', 'computeCost', '--yes'], r)).toBe(0);
    expect(r.stdout).toContain('already the stub');
    expect(read(PLANAR_FILE)).toBe(before);
    expect(backups()).toHaveLength(1);
  });

  it('"yes" in a terminal resets; an unknown name gets a suggestion (exit 2)', async () => {
    const r = io({ interactive: true, answer: 'y' });
    expect(await runReset(['week3', 'predict'], r)).toBe(0);
    expect(r.asked).toHaveLength(1);
    const after = read(PLANAR_FILE);
    const stubPredict = exportedFunctions(committed()).find((f) => f.name === 'predict')!.text;
    expect(exportedFunctions(after).find((f) => f.name === 'predict')!.text).toBe(stubPredict);
    expect(after).toContain('function helper(m: number)');
    expect(backups()).toHaveLength(2);

    const typo = io();
    expect(await runReset(['week3', 'computeCots', '--yes'], typo)).toBe(2);
    expect(typo.stderr).toContain('Did you mean computeCost?');
  });

  it('refuses to cut into a file that does not parse', async () => {
    const before = read(PLANAR_FILE);
    const broken = before.replace("return notImplemented('layerSizes');", 'return { nX: X.shape[0], nH: 4, nY: ');
    write(PLANAR_FILE, broken);
    try {
      const r = io();
      expect(await runReset(['week3', 'computeCost', '--yes'], r)).toBe(1);
      expect(r.stderr).toMatch(/does not parse \(line \d+/);
      expect(read(PLANAR_FILE)).toBe(broken);
    } finally {
      write(PLANAR_FILE, before);
    }
  });

  it('fails clearly outside a git checkout', async () => {
    const bare = copyRepo();
    try {
      rmSync(path.join(bare, '.git'), { recursive: true, force: true });
      writeFileSync(path.join(bare, PLANAR_FILE), edited);
      const r = io({ root: bare });
      expect(await runReset(['week3', 'computeCost', '--yes'], r)).toBe(1);
      expect(r.stderr).toContain('not a git checkout');
      expect(readFileSync(path.join(bare, PLANAR_FILE), 'utf8')).toBe(edited);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});

describe('npm run progress', () => {
  const NUMPY = 'course1/week2/numpy-basics';
  const check = (status: ExerciseStatus, score: number, maxScore: number): CheckResult => ({
    kind: 'reference',
    name: 'case',
    status: status === 'not-attempted' ? 'not-attempted' : score >= maxScore ? 'passed' : 'failed',
    score,
    maxScore,
    message: '',
    hidden: false,
  });
  /** A report as `npm run grade` writes it, with these results for numpy-basics. */
  function report(results: [string, ExerciseStatus, number, number][], only?: string[]) {
    const exercises = results.map(([name, status, score, max]) =>
      status === 'partial'
        ? exerciseResult(name, [], [check('passed', score, score), check('failed', 0, max - score)])
        : exerciseResult(name, [], [check(status, score, max)]),
    );
    const r = gradeReport('week2', 1, '0.1.0', [assignmentResult(NUMPY, 'Python and tensor basics', `exercises/${NUMPY}.ts`, exercises)]);
    const full = only ? { ...r, only } : r;
    const validate = validator('report');
    expect(validate(full), JSON.stringify(validate.errors)).toBe(true);
    return JSON.stringify(full, null, 2);
  }
  const writeReport = (name: string, text: string, minutesAgo: number) => {
    write(`reports/${name}`, text);
    const t = new Date(Date.now() - minutesAgo * 60_000);
    utimesSync(path.join(repo, 'reports', name), t, t);
  };

  it('without reports: every function not graded yet, and the first one to write next', async () => {
    rmSync(path.join(repo, 'reports'), { recursive: true, force: true });
    const r = io();
    expect(await runProgress([], r)).toBe(0);
    expect(r.stdout).toContain('course1 — Neural networks and deep learning');
    expect(r.stdout).toMatch(/sigmoid\s+not graded yet/);
    expect(r.stdout).toContain(PLANAR);
    expect(r.stdout).toContain(`npm run grade -- ${NUMPY} --only sigmoid`);
  });

  it('reads the reports (newest per function wins, partial runs count for what they graded) and names the next step', async () => {
    const ALL = ['sigmoid', 'sigmoidDerivative', 'imageToVector', 'normalizeRows', 'softmax', 'l1Loss', 'l2Loss'];
    const rest = ALL.slice(3).map((n): [string, ExerciseStatus, number, number] => [n, 'not-attempted', 0, 2]);
    // An old partial run said imageToVector passed; the later full run says it fails now.
    writeReport('week2-old-partial.json', report([['imageToVector', 'passed', 2, 2]], ['imageToVector']), 30);
    writeReport(
      'week2.json',
      report([['sigmoid', 'passed', 2, 2], ['sigmoidDerivative', 'partial', 1, 2], ['imageToVector', 'failed', 0, 2], ...rest]),
      20,
    );
    // Then a partial run fixed sigmoidDerivative.
    writeReport('week2-partial.json', report([['sigmoidDerivative', 'passed', 2, 2]], ['sigmoidDerivative']), 10);
    writeReport('notes.json', '{ "not": "a report" }', 5);

    const r = io();
    expect(await runProgress([], r)).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/ sigmoid\s+passed\s+2 \/ 2\n/);
    expect(out).toMatch(/ sigmoidDerivative\s+passed\s+2 \/ 2\n/);
    expect(out).toMatch(/ imageToVector\s+failed\s+0 \/ 2\n/);
    expect(out).toMatch(/ softmax\s+not attempted\s+0 \/ 2\n/);
    expect(out).toMatch(/ initializeWithZeros\s+not graded yet\n/);
    expect(out).toContain('notes.json');
    expect(out).toMatch(/Next: fix imageToVector \(failed, 0 \/ 2\)/);
    expect(out).toContain('reports/week2.json'); // where it went wrong (no .md written here)
    expect(out).toContain(`npm run grade -- ${NUMPY} --only imageToVector`);
    expect(out).not.toContain('\u001b[');
    // 80 columns, commands aside (they stay whole, to be copied).
    for (const line of out.split('\n')) if (!/^\s*npm run /.test(line)) expect(line.length, line).toBeLessThanOrEqual(80);

    // Once it passes, the next step is the first function not attempted.
    // (as `npm run grade -- course1/week2/numpy-basics --only imageToVector` names its report)
    writeReport('course1-week2-numpy-basics-partial.json', report([['imageToVector', 'passed', 2, 2]], ['imageToVector']), 1);
    const later = io();
    await runProgress([], later);
    expect(later.stdout).toMatch(/Next: write normalizeRows\./);
    expect(later.stdout).toContain(`npm run grade -- ${NUMPY} --only normalizeRows`);
  });

  it('takes another course or all, colours only when asked, and suggests a selector for a typo', async () => {
    const course2 = io();
    expect(await runProgress(['course2'], course2)).toBe(0);
    expect(course2.stdout).toContain('course2/week2/optimization-methods');
    expect(course2.stdout).not.toContain(NUMPY);

    const coloured = io({ color: true });
    await runProgress(['week2'], coloured);
    expect(coloured.stdout).toContain('\u001b[32mpassed');

    const typo = io();
    expect(await runProgress(['wek2'], typo)).toBe(2);
    expect(typo.stderr).toContain('Did you mean week2?');

    const real = await cli('graders/progress-cli.ts', 'week2');
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toMatch(/sigmoid\s+passed/);
    expect(real.stdout).not.toContain('\u001b[');
  });
});
