/**
 * The learner edition: what a learner clones. Stubs, graders with their
 * fixtures, the report templates, the package files and lockfile — and no
 * reference solutions, no mutants, no instructor tools.
 */
import Handlebars from 'handlebars';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCourses } from '../engine/registry';

/** Paths copied as they are (relative to the repository root). */
const SHIPPED = ['exercises', 'lib', 'templates/report', 'graders/engine', 'graders/shared', 'graders/batch', 'graders/cli.ts', 'graders/gradescope-run.ts', 'graders/ci', 'graders/ci-grade.ts', '.github', 'tsconfig.json', 'package-lock.json', 'deepgrade.config.json'];

/** Scripts the learner edition keeps; `test` becomes a type check of the learner's code. */
const LEARNER_SCRIPTS = { grade: 'node --import tsx graders/cli.ts', test: 'tsc --noEmit -p .' };

export function buildRelease(root: string, outDir: string): string[] {
  if (existsSync(outDir) && readdirSync(outDir).length > 0) {
    throw new Error(`${outDir} already exists and is not empty: choose a new folder (nothing was written).`);
  }
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const copy = (rel: string) => {
    cpSync(path.join(root, rel), path.join(outDir, rel), { recursive: true });
    written.push(rel);
  };
  SHIPPED.forEach(copy);

  // Course graders, fixtures and manifests; nothing else from graders/.
  for (const course of loadCourses(root)) copy(path.join('graders', course.id));

  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  // Dependencies stay as they are, so the lockfile still matches and `npm ci` works.
  writeFileSync(path.join(outDir, 'package.json'), JSON.stringify({ ...pkg, scripts: LEARNER_SCRIPTS }, null, 2) + '\n');
  written.push('package.json');

  writeFileSync(path.join(outDir, '.gitignore'), 'node_modules/\nreports/\n.deepgrade/\n');
  written.push('.gitignore');

  const courses = loadCourses(root);
  const readme = Handlebars.compile(readFileSync(path.join(root, 'templates', 'release', 'README.md.hbs'), 'utf8'), { noEscape: true });
  writeFileSync(
    path.join(outDir, 'README.md'),
    readme({ courseTitle: courses.map((c) => c.title).join(' · '), assignments: courses.flatMap((c) => c.assignments) }),
  );
  written.push('README.md');
  return written;
}
