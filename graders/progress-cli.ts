/**
 * `npm run progress [-- <what>]`: the last score of every function of your
 * course, from the reports in reports/, and what to do next (see
 * learner/progress.ts).
 */
import { repoRoot } from './engine/paths';
import { runCli } from './learner/common';
import { runProgress } from './learner/progress';

void runCli(repoRoot, process.argv.slice(2), runProgress);
