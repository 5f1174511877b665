/**
 * The command line of `npm run grade`, read the same way by the command
 * (cli.ts) and by the sandbox it starts ahead (grade-prestart.ts).
 */
import { parseArgs } from 'node:util';

const OPTIONS = {
  format: { type: 'string' },
  only: { type: 'string' },
  seed: { type: 'string' },
  'min-score': { type: 'string' },
  'no-hidden': { type: 'boolean' },
  reports: { type: 'string' },
  submissions: { type: 'string' },
  out: { type: 'string' },
  workers: { type: 'string' },
  budget: { type: 'string' },
  'allow-unisolated': { type: 'boolean' },
  'feedback-pictures': { type: 'boolean' },
  watch: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Throws (parseArgs's own message) on an unknown option or a missing value. */
export function parseGradeArgs(argv: string[]) {
  return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
}

/**
 * Options npm took for itself when they came before `--` (`npm run grade week3 --seed 3`):
 * npm sets npm_config_<name> for them while running the script.
 */
export function npmEatenOptions(): string[] {
  if (!process.env.npm_lifecycle_event) return [];
  const ours = ['watch', 'seed', 'format', 'min-score', 'no-hidden', 'reports', 'submissions', 'out', 'workers', 'budget', 'allow-unisolated'];
  return ours.filter((o) => process.env[`npm_config_${o.replace(/-/g, '_')}`] !== undefined);
}
