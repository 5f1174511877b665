import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AssignmentDef } from './define';
import { assertValid } from './schemas/validate';
import { didYouMean } from './suggest';
import { quizDefinition } from './quiz/grade';
import { isQuiz } from './quiz/load';
import { importSource } from './source-import';

export interface CourseManifest {
  id: string;
  title: string;
  assignments: { id: string; title: string }[];
}

/** Where an assignment's files live: one id, the same relative path everywhere. */
export function assignmentFiles(root: string, id: string) {
  return {
    // The learner's file: their code, or for a quiz their answers.
    exercise: path.join(root, 'exercises', isQuiz(root, id) ? `${id}.answers` : `${id}.ts`),
    instructions: path.join(root, 'exercises', `${id}.md`),
    solution: path.join(root, 'solutions', `${id}.ts`),
    grader: path.join(root, 'graders', `${id}.grader.ts`),
  };
}

/** The learner's file of an assignment, relative to exercises/: "<id>.ts", or "<id>.answers" for a quiz. */
export function learnerFileName(root: string, id: string): string {
  return isQuiz(root, id) ? `${id}.answers` : `${id}.ts`;
}

function readJson(file: string, root: string): unknown {
  const rel = path.relative(root, file);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${rel} is not valid JSON: ${(err as Error).message}`);
  }
}

/** Every course under graders/, in course order. */
export function loadCourses(root: string): CourseManifest[] {
  const dir = path.join(root, 'graders');
  return readdirSync(dir)
    .filter((d) => /^course\d+$/.test(d) && existsSync(path.join(dir, d, 'course.json')))
    .sort((a, b) => Number(a.slice(6)) - Number(b.slice(6)))
    .map((d) => {
      const file = path.join(dir, d, 'course.json');
      const data = readJson(file, root);
      assertValid('manifest', data, path.relative(root, file));
      const manifest = data as CourseManifest;
      if (manifest.id !== d) throw new Error(`${path.relative(root, file)}: "id" is "${manifest.id}" but the folder is ${d}.`);
      for (const a of manifest.assignments) {
        if (!a.id.startsWith(`${d}/`)) throw new Error(`${path.relative(root, file)}: assignment "${a.id}" is not in ${d}.`);
      }
      return manifest;
    });
}

/** The learner's current course, from deepgrade.config.json (default course1). */
export function currentCourse(root: string): string {
  const file = path.join(root, 'deepgrade.config.json');
  if (!existsSync(file)) return 'course1';
  const data = readJson(file, root);
  assertValid('config', data, 'deepgrade.config.json');
  return (data as { course?: string }).course ?? 'course1';
}

export class SelectorError extends Error {}

/** Every course of the curriculum (graders/curriculum.json), with or without assignments. */
function curriculumCourses(root: string): { id: string; title: string }[] {
  const file = path.join(root, 'graders', 'curriculum.json');
  if (!existsSync(file)) return [];
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { courses: { id: string; title: string }[] }).courses;
  } catch {
    return [];
  }
}

/**
 * Resolves what the learner asked to grade: "week3" (in the current course),
 * "course1/week4", "course1", "all", or one assignment id.
 */
export function selectAssignments(root: string, selector: string): { id: string; title: string }[] {
  const courses = loadCourses(root);
  const all = courses.flatMap((c) => c.assignments);
  const s = selector.trim().replace(/\/+$/, '');
  let picked: { id: string; title: string }[];
  if (s === 'all') picked = all;
  else if (/^week\d+$/.test(s)) picked = all.filter((a) => a.id.startsWith(`${currentCourse(root)}/${s}/`));
  else picked = all.filter((a) => a.id === s || a.id.startsWith(`${s}/`));
  if (picked.length === 0) {
    const weeks = [...new Set(all.map((a) => a.id.split('/').slice(0, 2).join('/')))];
    const current = currentCourse(root);
    const shortWeeks = weeks.filter((w) => w.startsWith(`${current}/`)).map((w) => w.split('/')[1]!);
    const choices = ['all', ...courses.map((c) => c.id), ...weeks, ...shortWeeks, ...all.map((a) => a.id)];
    const empty = curriculumCourses(root).find((c) => c.id === s.split('/')[0] && !courses.some((k) => k.id === c.id));
    const guess = empty ? undefined : didYouMean(s, choices);
    const lead = empty
      ? `${empty.id} (${empty.title}) has no assignments yet.`
      : /^week\d+$/.test(s)
        ? `${current}, your current course (deepgrade.config.json), has no ${s}.`
        : `Nothing to grade for "${selector}".`;
    throw new SelectorError(
      `${lead}${guess ? ` Did you mean ${guess}?` : ''} Valid choices:\n` +
        `  all\n` +
        `  ${courses.map((c) => c.id).join(', ')}\n` +
        `  ${weeks.join(', ')}\n` +
        (shortWeeks.length ? `  ${shortWeeks.join(', ')} (in ${current}, your current course)\n` : '') +
        `  or one assignment: ${all.map((a) => a.id).join(', ')}`,
    );
  }
  return picked;
}

/** Imports an assignment's grader and checks it is the one the manifest names. */
export async function loadGrader(root: string, id: string): Promise<AssignmentDef> {
  // A quiz is data, not a grader module: its definition comes from graders/<id>.quiz.json.
  if (isQuiz(root, id)) return quizDefinition(root, id, loadCourses(root).flatMap((c) => c.assignments).find((a) => a.id === id)?.title);
  const file = assignmentFiles(root, id).grader;
  const rel = path.relative(root, file);
  if (!existsSync(file)) throw new Error(`${rel} is missing (the course manifest lists ${id}).`);
  let mod: { default?: AssignmentDef };
  try {
    mod = (await importSource(pathToFileURL(file).href)) as { default?: AssignmentDef };
  } catch (err) {
    throw new Error(`${rel} could not be loaded: ${(err as Error).message}`);
  }
  const def = mod.default;
  if (!def || !Array.isArray(def.exercises)) throw new Error(`${rel} must default-export defineAssignment({ … }).`);
  if (def.id !== id) throw new Error(`${rel} defines "${def.id}", but its path says "${id}".`);
  return def;
}
