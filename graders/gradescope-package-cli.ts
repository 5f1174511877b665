/** `npm run gradescope-package -- <what> [out.zip]`: the autograder zip (the grader edition) to upload to Gradescope. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from './engine/paths';
import { buildGradescopePackage, defaultZipPath, type GradescopeOptions } from './instructor/gradescope';

const USAGE = `Usage: npm run gradescope-package -- <what to grade, e.g. course1/week3> [out.zip] [options]
  out.zip                     default: reports/gradescope-<what>.zip (git-ignored)
  --hidden-visibility V       when learners see hidden checks' results: hidden, after_due_date,
                              after_published (default) or visible
  --allow-unisolated          grade even where Gradescope's container cannot create namespaces
                              (bubblewrap); without it such a container refuses to grade, and
                              says why in results.json`;

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: { 'hidden-visibility': { type: 'string' }, 'allow-unisolated': { type: 'boolean' } } });
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [selector, out, ...rest] = args.positionals;
  const visibility = args.values['hidden-visibility'] ?? 'after_published';
  if (!selector || rest.length || !['hidden', 'after_due_date', 'after_published', 'visible'].includes(visibility)) {
    console.error(USAGE);
    return 2;
  }
  try {
    const zip = path.resolve(out ?? defaultZipPath(repoRoot, selector));
    const { entries, assignments } = await buildGradescopePackage(repoRoot, selector, zip, {
      allowUnisolated: args.values['allow-unisolated'] === true,
      hiddenVisibility: visibility as GradescopeOptions['hiddenVisibility'],
    });
    console.log(
      `Wrote ${path.relative(process.cwd(), zip)} (${entries} files: the grader edition, with hidden checks and cases) grading ${assignments.join(', ')}.\n` +
        'Upload it as the autograder of a Gradescope programming assignment. It holds the solutions: do not share it.',
    );
    return 0;
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
}

main(process.argv.slice(2)).then((code) => (process.exitCode = code));
