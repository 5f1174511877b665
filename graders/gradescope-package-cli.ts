/** `npm run gradescope-package -- <what> [out.zip]`: the autograder zip to upload to Gradescope. */
import path from 'node:path';
import { repoRoot } from './engine/paths';
import { buildGradescopePackage } from './instructor/gradescope';

const [selector, out = 'deepgrade-gradescope.zip'] = process.argv.slice(2);
if (!selector) {
  console.error('Usage: npm run gradescope-package -- <what to grade, e.g. course1/week3> [out.zip]');
  process.exitCode = 2;
} else {
  try {
    const zip = path.resolve(out);
    const { entries, assignments } = buildGradescopePackage(repoRoot, selector, zip);
    console.log(`Wrote ${zip} (${entries} files) grading ${assignments.join(', ')}.\nUpload it as the autograder of a Gradescope programming assignment.`);
  } catch (err) {
    console.error((err as Error).message);
    process.exitCode = 2;
  }
}
