/**
 * `npm run release -- <dir>`: writes the learner edition (no solutions, hidden
 * cases or oracles) to a new folder. `--grader` writes the grader edition
 * instead: what Gradescope, pull-request and class grading run. Keep it private.
 */
import path from 'node:path';
import { repoRoot } from './engine/paths';
import { buildRelease } from './instructor/release';

async function main(argv: string[]): Promise<number> {
  const grader = argv.includes('--grader');
  const [dir, ...rest] = argv.filter((a) => a !== '--grader');
  if (!dir || dir.startsWith('--') || rest.length) {
    console.error('Usage: npm run release -- <new folder> [--grader]\n  --grader  the grader edition (solutions, hidden cases, oracles): for official grading only');
    return 2;
  }
  try {
    const out = path.resolve(dir);
    const written = await buildRelease(repoRoot, out, { edition: grader ? 'grader' : 'learner' });
    console.log(`${grader ? 'Grader' : 'Learner'} edition written to ${out}:\n  ${written.join('\n  ')}`);
    console.log(grader ? '\nKeep it private: it holds the solutions and hidden cases.' : `\nTry it: cd ${dir} && npm install && npm run grade week3`);
    return 0;
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
}

main(process.argv.slice(2)).then((code) => (process.exitCode = code));
