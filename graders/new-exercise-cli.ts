/**
 * `npm run new-exercise -- course2/week2 adam-optimizer ["Title"]`, or with no
 * arguments in a terminal, a short form that asks for them.
 */
import { createInterface } from 'node:readline/promises';
import { repoRoot } from './engine/paths';
import { writeFixtures } from './fixtures-cli';
import { checkRequest, loadCurriculum, scaffold, ScaffoldError, type ScaffoldRequest } from './instructor/scaffold';

const USAGE =
  'Usage: npm run new-exercise -- <courseN/weekN> <name-with-hyphens> ["Title"] [--kind quiz]\n' +
  '  e.g. npm run new-exercise -- course2/week2 adam-optimizer\n' +
  '       npm run new-exercise -- course3/week1 bird-recognition --kind quiz   (an assessment: questions instead of code)';

async function ask(): Promise<ScaffoldRequest> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const courses = loadCurriculum(repoRoot).courses;
    console.log(courses.map((c) => `  ${c.id} (weeks 1–${c.weeks}): ${c.title}`).join('\n'));
    for (;;) {
      const week = (await rl.question('Course and week (e.g. course2/week2): ')).trim();
      const name = (await rl.question('Name (lower-case words joined by hyphens, e.g. adam-optimizer): ')).trim();
      const title = (await rl.question('Title (Enter for one made from the name): ')).trim();
      try {
        checkRequest(repoRoot, { week, name, title });
        return { week, name, title };
      } catch (err) {
        if (!(err instanceof ScaffoldError)) throw err;
        console.log(`${err.message}\n`);
      }
    }
  } finally {
    rl.close();
  }
}

/** Takes `--kind code|quiz` (or `--kind=quiz`) out of the arguments. */
function kindOf(argv: string[]): { rest: string[]; kind?: 'code' | 'quiz'; problem?: string } {
  const rest: string[] = [];
  let kind: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--kind') kind = argv[++i] ?? '';
    else if (a.startsWith('--kind=')) kind = a.slice(7);
    else rest.push(a);
  }
  if (kind !== undefined && kind !== 'code' && kind !== 'quiz') return { rest, problem: `--kind must be "code" or "quiz", not "${kind}".` };
  return { rest, kind: kind as 'code' | 'quiz' | undefined };
}

async function main(all: string[]): Promise<number> {
  const { rest: argv, kind, problem } = kindOf(all);
  if (problem) {
    console.error(`${problem}\n${USAGE}`);
    return 2;
  }
  let req: ScaffoldRequest;
  if (argv.length === 0) {
    if (!process.stdin.isTTY) {
      console.error(USAGE);
      return 2;
    }
    req = await ask();
  } else if (argv.length < 2 || argv.length > 3) {
    console.error(USAGE);
    return 2;
  } else {
    req = { week: argv[0]!, name: argv[1]!, title: argv[2] };
  }
  if (kind) req.kind = kind;
  let made;
  try {
    made = scaffold(repoRoot, req);
  } catch (err) {
    console.error(err instanceof ScaffoldError ? err.message : `Could not scaffold: ${(err as Error).message}`);
    return 2;
  }
  try {
    await writeFixtures(repoRoot, made.id);
  } catch (err) {
    console.error(`The files are written, but the fixtures could not be generated: ${(err as Error).message}`);
    return 1;
  }
  console.log(`Created ${made.id}:\n  ${made.files.join('\n  ')}`);
  console.log(
    req.kind === 'quiz'
      ? `\nNext: write the scenario and questions in graders/${made.id}.quiz.json, their answers in solutions/${made.id}.quiz.ts,\n` +
          `then \`npm run fixtures -- ${made.id}\` (the learner edition's hashed key) and \`npm run validate -- ${made.id}\`.`
      : `\nNext: write the real exercise in the solution and the stub, its checks in the grader and realistic mutants,\n` +
          `then \`npm run fixtures -- ${made.id}\` and \`npm run validate -- ${made.id}\`.`,
  );
  return 0;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
