/**
 * `npm run reset -- [where] <function> [--yes]`: one function back to its
 * committed stub, the rest of the file untouched, a backup first (see
 * learner/reset.ts).
 */
import { repoRoot } from './engine/paths';
import { runCli } from './learner/common';
import { runReset } from './learner/reset';

void runCli(repoRoot, process.argv.slice(2), runReset);
