/**
 * Untouched stubs, known without running them. Each course keeps the digest
 * of every assignment's stub as shipped (graders/<course>/stubs.json, written
 * by `npm run fixtures` and by the release from the very bytes it ships). A
 * learner file with exactly that digest throws the stub's "not implemented"
 * error from every function, so it is graded "not attempted" throughout
 * without building it, starting a sandbox or loading TensorFlow.js: the result
 * a run would give (tests/stubs.test.ts compares both, for every assignment).
 * Any other byte — a learner's first line of code, a line ending changed by
 * an editor — and the file is graded as usual.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stableJson } from './json';

export const digestOf = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

const courseOf = (id: string) => id.split('/')[0]!;

export function stubDigestsPath(root: string, courseId: string): string {
  return path.join(root, 'graders', courseId, 'stubs.json');
}

function readDigests(root: string, courseId: string): Record<string, string> {
  try {
    return JSON.parse(readFileSync(stubDigestsPath(root, courseId), 'utf8')) as Record<string, string>;
  } catch {
    return {}; // none recorded (or unreadable): every file is graded as usual
  }
}

/** True when `learnerFile` is, byte for byte, the stub of assignment `id` as shipped. */
export function isUntouchedStub(root: string, id: string, learnerFile: string): boolean {
  const recorded = readDigests(root, courseOf(id))[id];
  if (!recorded || !existsSync(learnerFile)) return false;
  return digestOf(readFileSync(learnerFile)) === recorded;
}

/** Records the digests of these stubs (assignment id → the stub's bytes) in their courses' stubs.json; returns the files written. */
export function writeStubDigests(root: string, stubs: Map<string, string | Buffer>): string[] {
  const byCourse = new Map<string, Record<string, string>>();
  for (const [id, data] of stubs) {
    const course = courseOf(id);
    const digests = byCourse.get(course) ?? readDigests(root, course);
    digests[id] = digestOf(data);
    byCourse.set(course, digests);
  }
  return [...byCourse].map(([course, digests]) => {
    const file = stubDigestsPath(root, course);
    writeFileSync(file, stableJson(digests));
    return file;
  });
}
