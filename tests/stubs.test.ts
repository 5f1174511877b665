/**
 * Untouched stubs are graded without running them (graders/engine/stubs.ts).
 * That is only a shortcut if the result is the one running them gives: for
 * every assignment, the two reports must be identical.
 */
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourses } from '../graders/engine/registry';
import { isQuiz } from '../graders/engine/quiz/load';
import { runGrading } from '../graders/engine/run';
import { Sandbox } from '../graders/engine/sandbox/client';
import { digestOf, isUntouchedStub, stubDigestsPath } from '../graders/engine/stubs';
import { committed, copyRepo } from './support/repo-copy';

let repo: string;
let sandbox: Sandbox;
beforeAll(() => {
  repo = copyRepo();
  sandbox = new Sandbox({ root: repo });
});
afterAll(async () => {
  await sandbox.close();
  rmSync(repo, { recursive: true, force: true });
});

const courses = loadCourses(process.cwd());
const coded = courses.flatMap((c) => c.assignments).filter((a) => !isQuiz(process.cwd(), a.id));
const withoutTime = (r: object) => JSON.stringify({ ...r, generatedAt: undefined });

/** The shared sandbox, counting the learner calls made through it. */
function countingSandbox(): [Sandbox, () => number] {
  let calls = 0;
  const counting = Object.assign(Object.create(sandbox) as Sandbox, {
    call: (...args: Parameters<Sandbox['call']>) => (calls++, sandbox.call(...args)),
  });
  return [counting, () => calls];
}

describe('untouched stubs', () => {
  it('every assignment records the digest of its committed stub (npm run fixtures writes it)', () => {
    for (const a of coded) {
      const recorded = (JSON.parse(readFileSync(stubDigestsPath(process.cwd(), a.id.split('/')[0]!), 'utf8')) as Record<string, string>)[a.id];
      expect(recorded, `${a.id}: graders/${a.id.split('/')[0]}/stubs.json does not match exercises/${a.id}.ts — run \`npm run fixtures -- ${a.id}\``).toBe(
        digestOf(Buffer.from(committed(`exercises/${a.id}.ts`))),
      );
    }
  });

  it.each(courses.map((c) => c.id))('%s: graded without running them, exactly as running them grades them', async (course) => {
    const quick = await runGrading({ root: repo, selector: course });
    const [counting, calls] = countingSandbox();
    const run = await runGrading({ root: repo, selector: course, sandbox: counting, stubShortcut: false });
    expect(calls()).toBeGreaterThan(0);
    expect(quick.score).toBe(0);
    expect(withoutTime(quick)).toBe(withoutTime(run));
  }, 300_000);

  it('one byte more and the file is graded by running it', async () => {
    const id = 'course1/week3/planar-classification';
    const file = path.join(repo, 'exercises', `${id}.ts`);
    expect(isUntouchedStub(repo, id, file)).toBe(true);
    appendFileSync(file, '\n');
    expect(isUntouchedStub(repo, id, file)).toBe(false);
    const [counting, calls] = countingSandbox();
    const report = await runGrading({ root: repo, selector: id, sandbox: counting });
    expect(calls()).toBeGreaterThan(0);
    expect(report.assignments[0]!.exercises.every((e) => e.status === 'not-attempted')).toBe(true);
  }, 120_000);
});
