/**
 * `npm run quiz -- <quiz or week> [--print]`: answer a quiz with your own
 * numbers, in a terminal (see learner/quiz.ts).
 */
import { repoRoot } from './engine/paths';
import { runCli } from './learner/common';
import { runQuiz } from './learner/quiz';

void runCli(repoRoot, process.argv.slice(2), runQuiz);
