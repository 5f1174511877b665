/**
 * `npm run new-exercise`: the scaffold is a working assignment that passes
 * validation as generated, and bad requests change nothing.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../graders/engine/sandbox/client';
import { validateAssignment } from '../graders/instructor/validate';
import { copyRepo } from './support/repo-copy';

const run = promisify(execFile);
let repo: string;

async function newExercise(...args: string[]) {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'new-exercise', '--', ...args], { cwd: repo });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function tree(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (name === 'node_modules' || name === '.deepgrade') continue;
      const p = path.join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = s.mtimeMs;
    }
  };
  walk(dir);
  return out;
}

beforeAll(() => {
  repo = copyRepo();
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('npm run new-exercise', () => {
  it('scaffolds an assignment that validates as generated', async () => {
    const manifestPath = path.join(repo, 'graders/course5/course.json');
    const before = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as { assignments: unknown[] }).assignments : [];
    const r = await newExercise('course5/week4', 'sequence-probe', 'A sequence probe');
    expect(r.code, r.stderr).toBe(0);
    const id = 'course5/week4/sequence-probe';
    for (const f of [
      `exercises/${id}.ts`,
      `exercises/${id}.md`,
      `solutions/${id}.ts`,
      `graders/${id}.grader.ts`,
      `graders/${id}.fixtures.json`,
      `tests/mutants/${id}/missing-mean.mutant.json`,
    ]) {
      expect(existsSync(path.join(repo, f)), f).toBe(true);
    }
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    expect(manifest).toEqual({ id: 'course5', title: 'Sequence models', assignments: [...before, { id, title: 'A sequence probe' }] });
    expect(readFileSync(path.join(repo, `exercises/${id}.ts`), 'utf8')).toContain('export function sequenceProbe(');

    const sandbox = new Sandbox({ root: repo });
    try {
      const v = await validateAssignment(repo, id, sandbox);
      expect(v.problems).toEqual([]);
      expect(v.checks).toBe(3);
      expect(v.mutantsCaught).toBe(1);
    } finally {
      await sandbox.close();
    }
  });

  it.each([
    [['course5/week2', 'word-vectors'], 'exists already'],
    [['course1/week3', 'planar-classification'], 'exists already'],
    [['course9/week1', 'x'], 'Unknown course "course9"'],
    [['course2/week7', 'x'], 'course2 has weeks 1 to 3'],
    [['week2', 'x'], 'is not a course and week'],
    [['course2/week1', 'Bad_Name'], 'is not a valid name'],
  ])('refuses %j, changing nothing', async (args, message) => {
    const before = tree(repo);
    const r = await newExercise(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(tree(repo)).toEqual(before);
  });
});
