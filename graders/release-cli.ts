/** `npm run release -- <dir>`: writes the learner edition (no solutions) to a new folder. */
import path from 'node:path';
import { repoRoot } from './engine/paths';
import { buildRelease } from './instructor/release';

const dir = process.argv[2];
if (!dir) {
  console.error('Usage: npm run release -- <new folder>');
  process.exitCode = 2;
} else {
  try {
    const out = path.resolve(dir);
    const written = buildRelease(repoRoot, out);
    console.log(`Learner edition written to ${out}:\n  ${written.join('\n  ')}`);
    console.log(`\nTry it: cd ${dir} && npm install && npm run grade week3`);
  } catch (err) {
    console.error((err as Error).message);
    process.exitCode = 2;
  }
}
