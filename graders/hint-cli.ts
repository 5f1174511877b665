/**
 * `npm run hint -- [where] <function> [--again | --reset]`: the next hint for a
 * function, in stages (see learner/hints.ts).
 */
import { repoRoot } from './engine/paths';
import { runCli } from './learner/common';
import { runHint } from './learner/hints';

void runCli(repoRoot, process.argv.slice(2), runHint);
