/**
 * `npm run grade <selector> [options]`: grades the learner's exercises and
 * prints a summary; writes Markdown, HTML and JSON reports under reports/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from './engine/paths';
import { SelectorError } from './engine/registry';
import { renderReport, useColor, type ReportFormat } from './engine/report/render';
import { runGrading } from './engine/run';

const USAGE = `Usage: npm run grade <what> [-- options]

  <what>   week3            a week of your current course (deepgrade.config.json)
           course1/week4    a week of any course
           course1          a whole course
           all              everything

Options (after --, e.g. npm run grade -- week3 --only computeCost):
  --format F               print that report on stdout instead of the summary:
                           json, md, html, gradescope (results.json), junit (XML),
                           github (GitHub Classroom's base64 result)
  --only a,b               grade only these functions
  --seed N                 the seed for random inputs (default: fixed, printed in the report)
  --min-score P            exit with code 1 when the score is below P percent
  --no-hidden              skip checks that need the reference solutions
  --reports DIR            where report files go (default: reports/)
`;

export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        only: { type: 'string' },
        seed: { type: 'string' },
        'min-score': { type: 'string' },
        'no-hidden': { type: 'boolean' },
        reports: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const selector = positionals[0];
  if (!selector || positionals.length > 1) {
    process.stderr.write(`${selector ? `One thing to grade at a time (got ${positionals.join(', ')}).` : 'What should be graded?'}\n\n${USAGE}`);
    return 2;
  }
  const format = values.format;
  const FORMATS = ['json', 'md', 'html', 'gradescope', 'junit', 'github'];
  if (format !== undefined && !FORMATS.includes(format)) {
    process.stderr.write(`--format must be one of ${FORMATS.join(', ')} (got "${format}").\n`);
    return 2;
  }
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32)) {
    process.stderr.write(`--seed must be a whole number from 0 to 4294967295 (got "${values.seed}").\n`);
    return 2;
  }
  const minScore = values['min-score'] === undefined ? undefined : Number(values['min-score']);
  if (minScore !== undefined && !(minScore >= 0 && minScore <= 100)) {
    process.stderr.write(`--min-score is a percentage from 0 to 100 (got "${values['min-score']}").\n`);
    return 2;
  }

  let report;
  const started = Date.now();
  try {
    report = await runGrading({
      root: repoRoot,
      selector,
      seed,
      only: values.only?.split(',').map((s) => s.trim()).filter(Boolean),
      hidden: !values['no-hidden'],
    });
  } catch (err) {
    process.stderr.write(`${err instanceof SelectorError ? '' : 'Grading could not run: '}${(err as Error).message}\n`);
    return 2;
  }

  const reportDir = path.resolve(values.reports ?? path.join(repoRoot, 'reports'));
  const base = selector.replace(/[^A-Za-z0-9_-]+/g, '-');
  const written: string[] = [];
  try {
    mkdirSync(reportDir, { recursive: true });
    for (const ext of ['json', 'md', 'html'] as const) {
      const file = path.join(reportDir, `${base}.${ext}`);
      writeFileSync(file, renderReport(report, ext));
      written.push(path.relative(process.cwd(), file));
    }
  } catch (err) {
    process.stderr.write(`The reports could not be written to ${reportDir}: ${(err as Error).message}\n`);
  }

  if (format) process.stdout.write(renderReport(report, format as ReportFormat, { seconds: (Date.now() - started) / 1000 }));
  else {
    process.stdout.write(renderReport(report, 'terminal', { color: useColor(process.stdout) }));
    if (written.length) process.stdout.write(`Reports: ${written.join(', ')}\n`);
  }
  const percent = report.maxScore > 0 ? (100 * report.score) / report.maxScore : 100;
  return minScore !== undefined && percent < minScore ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
