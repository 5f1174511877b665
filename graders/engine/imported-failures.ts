/**
 * An exercise file may import functions from another assignment's (the course's
 * deep-network application builds on the step-by-step assignment's functions).
 * When one of its checks fails and a function it imports is not passing in its
 * own assignment, graded earlier in the same run, the check says so — as
 * grade.ts's explainPrerequisites does within one assignment — so that the
 * learner fixes that function first instead of chasing the failure here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AssignmentResult } from './report/model';
import { listing } from './show';

/** Named imports from relative paths: `import { a, b as c, type T } from './x'` gives './x' → [a, b]. */
export function relativeImports(source: string): { from: string; names: string[] }[] {
  const found: { from: string; names: string[] }[] = [];
  // A regular expression, not the TypeScript parser: loading that would cost a whole-course grade ~0.3 s.
  for (const m of source.matchAll(/^\s*import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"](\.{1,2}\/[^'"]+)['"]/gm)) {
    const names = m[1]!
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part && !part.startsWith('type '))
      .map((part) => part.split(/\s+as\s+/)[0]!.trim());
    if (!m[0].trimStart().startsWith('import type')) found.push({ from: m[2]!, names });
  }
  return found;
}

/**
 * `result` with a note on each failing check when its file imports a function that an earlier assignment of the
 * run graded as not passing. `fileOf` says where the graded file of an assignment is on disk.
 */
export function noteImportedFailures(result: AssignmentResult, earlier: AssignmentResult[], fileOf: (r: AssignmentResult) => string): AssignmentResult {
  if (!earlier.length || result.exercises.every((e) => e.status === 'passed' || e.status === 'not-attempted')) return result;
  let source: string;
  try {
    source = readFileSync(fileOf(result), 'utf8');
  } catch {
    return result; // a missing file has its own message already
  }
  const byFile = new Map(earlier.map((r) => [path.normalize(r.file).replace(/\.ts$/, ''), r]));
  const broken: { fn: string; file: string }[] = [];
  for (const { from, names } of relativeImports(source)) {
    const other = byFile.get(path.normalize(path.join(path.dirname(result.file), from)).replace(/\.(ts|js)$/, ''));
    if (!other) continue;
    for (const fn of names) {
      const status = other.exercises.find((e) => e.name === fn)?.status;
      if (status && status !== 'passed') broken.push({ fn, file: path.basename(other.file) });
    }
  }
  if (!broken.length) return result;
  const them = broken.length > 1;
  const names = listing(broken.map((b) => `\`${b.fn}\``));
  const files = [...new Set(broken.map((b) => b.file))].join(' and ');
  const note = `Fix ${names} in ${files} first: this file imports ${them ? 'them' : 'it'}, and ${them ? 'they are' : 'it is'} not passing yet.`;
  return {
    ...result,
    exercises: result.exercises.map((e) =>
      e.status === 'passed' || e.status === 'not-attempted'
        ? e
        : { ...e, checks: e.checks.map((c) => (c.status === 'passed' || c.status === 'skipped' || c.status === 'not-attempted' ? c : { ...c, message: `${note} ${c.message}` })) },
    ),
  };
}
