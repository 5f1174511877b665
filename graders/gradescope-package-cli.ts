/** `npm run gradescope-package -- <what> [out.zip]`: the autograder zip to upload to Gradescope. */
import path from 'node:path';
import { repoRoot } from './engine/paths';
import { buildGradescopePackage } from './instructor/gradescope';

const args = process.argv.slice(2);
const allowUnisolated = args.includes('--allow-unisolated');
const [selector, out = 'deepgrade-gradescope.zip'] = args.filter((a) => a !== '--allow-unisolated');
if (!selector || selector.startsWith('--')) {
  console.error(
    'Usage: npm run gradescope-package -- <what to grade, e.g. course1/week3> [out.zip] [--allow-unisolated]\n' +
      '  --allow-unisolated  grade even where Gradescope\'s container cannot create namespaces (bubblewrap);\n' +
      '                      without it such a container refuses to grade, and says why in results.json',
  );
  process.exitCode = 2;
} else {
  try {
    const zip = path.resolve(out);
    const { entries, assignments } = buildGradescopePackage(repoRoot, selector, zip, { allowUnisolated });
    console.log(`Wrote ${zip} (${entries} files) grading ${assignments.join(', ')}.\nUpload it as the autograder of a Gradescope programming assignment.`);
  } catch (err) {
    console.error((err as Error).message);
    process.exitCode = 2;
  }
}
