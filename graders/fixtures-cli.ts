/**
 * `npm run fixtures [selector]`: regenerates the reference cases from the
 * reference solutions. `--check` only reports stale fixtures (exit 1 if any).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixturePath, generateFixtures, staleness, type FixtureFile, type FixtureVariant } from './engine/fixtures';
import { inProcessImplementation } from './engine/in-process';
import { stableJson } from './engine/json';
import { loadMutants } from './engine/mutants';
import { repoRoot } from './engine/paths';
import { assignmentFiles, loadGrader, selectAssignments } from './engine/registry';
import { quizKeyStaleness, writeQuizKey } from './engine/quiz/key-file';
import { writeStubDigests } from './engine/stubs';
import { isQuiz, quizFiles } from './engine/quiz/load';

export async function buildFixture(root: string, id: string, variant: FixtureVariant = 'public'): Promise<FixtureFile> {
  const def = await loadGrader(root, id);
  const solution = assignmentFiles(root, id).solution;
  if (!existsSync(solution)) throw new Error(`${path.relative(root, solution)} is missing: fixtures are made from the reference solution.`);
  const mutants = await loadMutants(root, id);
  return generateFixtures(
    def,
    inProcessImplementation(solution, 'the reference solution'),
    mutants.map((m) => ({ fn: m.fn, hint: m.hint, impl: inProcessImplementation(m.file, `mutant ${m.name}`) })),
    variant,
  );
}

/** Writes an assignment's public and hidden fixtures; returns a line per file. */
export async function writeFixtures(root: string, id: string): Promise<string[]> {
  if (isQuiz(root, id)) return writeQuizKey(root, id);
  // The stub as exercises/ holds it now: the one a learner gets (engine/stubs.ts).
  const stub = assignmentFiles(root, id).exercise;
  const lines = existsSync(stub) ? writeStubDigests(root, new Map([[id, readFileSync(stub)]])).map((f) => `recorded the stub's digest of ${id} in ${path.relative(root, f)}`) : [];
  for (const variant of ['public', 'hidden'] as const) {
    const fresh = await buildFixture(root, id, variant);
    const file = fixturePath(root, id, variant);
    writeFileSync(file, stableJson(fresh));
    const cases = Object.values(fresh.checks).reduce((n, c) => n + c.cases.length, 0);
    lines.push(`wrote ${path.relative(root, file)} (${cases} ${variant} cases)`);
  }
  return lines;
}

async function main(argv: string[]) {
  const check = argv.includes('--check');
  const selector = argv.find((a) => !a.startsWith('--')) ?? 'all';
  let stale = 0;
  for (const { id } of selectAssignments(repoRoot, selector)) {
    if (!check) {
      for (const line of await writeFixtures(repoRoot, id)) console.log(line);
      continue;
    }
    if (isQuiz(repoRoot, id)) {
      const rel = path.relative(repoRoot, quizFiles(repoRoot, id).key);
      const problem = await quizKeyStaleness(repoRoot, id);
      if (problem) {
        stale++;
        console.log(`stale: ${rel}\n  ${problem}`);
      } else console.log(`up to date: ${rel}`);
      continue;
    }
    for (const variant of ['public', 'hidden'] as const) {
      const fresh = await buildFixture(repoRoot, id, variant);
      const file = fixturePath(repoRoot, id, variant);
      const rel = path.relative(repoRoot, file);
      const problems = existsSync(file) ? staleness(JSON.parse(readFileSync(file, 'utf8')) as FixtureFile, fresh) : ['the file is missing'];
      if (problems.length) {
        stale++;
        console.log(`stale: ${rel}\n  ${problems.slice(0, 10).join('\n  ')}`);
      } else console.log(`up to date: ${rel}`);
    }
  }
  if (stale) {
    console.log(`\n${stale} fixture file(s) are stale: run \`npm run fixtures\`.`);
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 2;
  });
}
