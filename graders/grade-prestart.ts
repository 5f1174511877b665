/**
 * Run by graders/launch.mjs before `npm run grade` loads (an entry of its own
 * in the command bundle, so it loads little): when the command line grades
 * learner code here, the sandbox starts now (engine/sandbox/prestart.ts).
 * A run that grades a class, watches, asks for help, names nothing valid or
 * only untouched stubs and quizzes starts none.
 */
import { npmEatenOptions, parseGradeArgs } from './grade-args';
import { selectAssignments } from './engine/registry';
import { prestartSandbox } from './engine/sandbox/prestart';
import { assignmentsToRun, sandboxTuning } from './engine/to-run';

export function prestart(root: string, argv: string[]): void {
  if (process.env.DEEPGRADE_NO_PRESTART) return;
  try {
    const { values, positionals } = parseGradeArgs(argv);
    if (values.submissions || values.watch || values.help || npmEatenOptions().length || positionals.length === 0) return;
    const assignments = assignmentsToRun(root, selectAssignments(root, positionals[0]!));
    if (assignments > 0) prestartSandbox(root, sandboxTuning(assignments), argv);
  } catch {
    // the command says what is wrong with its command line
  }
}
