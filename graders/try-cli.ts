/**
 * `npm run try -- week3`: runs an assignment's "main" — what the course notebook
 * does with the finished functions (train on the course's data, print the cost
 * and the accuracy) — with the learner's code, in the sandbox. An assignment's
 * main lives in graders/<id>.try.ts and exports `main()`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './engine/paths';
import { describeFailure } from './engine/implementation';
import { SelectorError, selectAssignments } from './engine/registry';
import { buildModule } from './engine/sandbox/build';
import { Sandbox } from './engine/sandbox/client';

/** Training takes a while on the CPU: the limit for one main. */
const LIMIT_MS = 180_000;

export async function main(argv: string[]): Promise<number> {
  const selector = argv[0];
  if (!selector || argv.length > 1) {
    process.stderr.write('Usage: npm run try -- <what>   e.g. npm run try -- week3\n');
    return 2;
  }
  let ids: string[];
  try {
    ids = selectAssignments(repoRoot, selector).map((a) => a.id);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return err instanceof SelectorError ? 2 : 1;
  }
  const runnable = ids.filter((id) => existsSync(tryFile(id)));
  if (!runnable.length) {
    process.stderr.write(`Nothing to try in ${selector}: ${ids.join(', ')} ${ids.length > 1 ? 'have' : 'has'} no "main" yet. Assignments with one: ${allRunnable().join(', ') || 'none'}.\n`);
    return 2;
  }
  const sandbox = new Sandbox({ root: repoRoot, timeoutMs: LIMIT_MS });
  let failed = false;
  try {
    for (const id of runnable) {
      process.stdout.write(`\n${id}\n`);
      const exercises = path.join(repoRoot, 'exercises');
      const built = await buildModule(tryFile(id), repoRoot, { allowedDirs: [exercises, path.join(repoRoot, 'lib'), path.dirname(tryFile(id))] });
      if (!built.ok) {
        process.stdout.write(`Your code does not compile:\n${built.message}\n`);
        failed = true;
        continue;
      }
      const outcome = await sandbox.call(sandbox.install(built), 'main', [], { timeoutMs: LIMIT_MS });
      if ('output' in outcome && outcome.output) process.stdout.write(outcome.output);
      if (outcome.status === 'ok') process.stdout.write(`${typeof outcome.value === 'string' ? outcome.value : ''}\n`);
      else {
        process.stdout.write(`${describeFailure('main', outcome).replace(/^main /, 'It ')}\n`);
        failed = true;
      }
    }
  } finally {
    await sandbox.close();
  }
  return failed ? 1 : 0;
}

function tryFile(id: string): string {
  return path.join(repoRoot, 'graders', `${id}.try.ts`);
}

function allRunnable(): string[] {
  return selectAssignments(repoRoot, 'all')
    .map((a) => a.id)
    .filter((id) => existsSync(tryFile(id)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
