/**
 * `npm run new-exercise`: a complete, working assignment from the templates in
 * templates/new-exercise/ — stub, solution, grader (one check of each kind),
 * an example mutant, instructions, the manifest entry and its fixtures — that
 * passes `npm run validate` as generated.
 */
import Handlebars from 'handlebars';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { assertValid } from '../engine/schemas/validate';
import { assignmentFiles, loadCourses, type CourseManifest } from '../engine/registry';
import { mutantDir, PATCH_SUFFIX } from '../engine/mutants';
import { fixturePath } from '../engine/fixtures';
import { answersTemplate } from '../engine/quiz/answers-file';
import { loadQuiz, quizFiles } from '../engine/quiz/load';

export interface Curriculum {
  courses: { id: string; title: string; weeks: number }[];
}

export function loadCurriculum(root: string): Curriculum {
  const file = path.join(root, 'graders', 'curriculum.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  assertValid('curriculum', data, 'graders/curriculum.json');
  return data as Curriculum;
}

export class ScaffoldError extends Error {}

export interface ScaffoldRequest {
  /** "course2/week2" */
  week: string;
  /** "adam-optimizer": lower-case words joined by hyphens. */
  name: string;
  title?: string;
  /** "quiz": an assessment (questions in graders/<id>.quiz.json) instead of code. */
  kind?: 'code' | 'quiz';
}

export interface Scaffold {
  id: string;
  files: string[];
}

/** Checks a request and says exactly what is wrong; changes nothing. */
export function checkRequest(root: string, req: ScaffoldRequest) {
  const curriculum = loadCurriculum(root);
  const m = /^(course\d+)\/week(\d+)$/.exec(req.week.trim());
  if (!m) throw new ScaffoldError(`"${req.week}" is not a course and week: write it like course2/week2.`);
  const [, courseId, weekText] = m as unknown as [string, string, string];
  const course = curriculum.courses.find((c) => c.id === courseId);
  if (!course) throw new ScaffoldError(`Unknown course "${courseId}": the curriculum has ${curriculum.courses.map((c) => c.id).join(', ')}.`);
  const week = Number(weekText);
  if (week < 1 || week > course.weeks) throw new ScaffoldError(`${courseId} has weeks 1 to ${course.weeks}; there is no week ${week}.`);
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(req.name)) {
    throw new ScaffoldError(`"${req.name}" is not a valid name: use lower-case words joined by hyphens, starting with a letter (e.g. adam-optimizer).`);
  }
  const id = `${courseId}/week${week}/${req.name}`;
  const files = assignmentFiles(root, id);
  const listed = loadCourses(root).some((c) => c.assignments.some((a) => a.id === id));
  const quiz = quizFiles(root, id);
  const existing = [files.exercise, files.solution, files.grader, files.instructions, mutantDir(root, id), quiz.quiz, quiz.answerBook, quiz.answers].filter((f) => existsSync(f));
  if (listed || existing.length) {
    throw new ScaffoldError(
      `${id} exists already${existing.length ? ` (${existing.map((f) => path.relative(root, f)).join(', ')})` : ' in the course manifest'}: nothing was changed.`,
    );
  }
  const fnName = req.name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  const title = req.title?.trim() || req.name.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
  return { id, course, week, fnName, title };
}

export function scaffold(root: string, req: ScaffoldRequest): Scaffold {
  const { id, course, week, fnName, title } = checkRequest(root, req);
  const files = assignmentFiles(root, id);
  const mutantFile = path.join(mutantDir(root, id), `missing-mean${PATCH_SUFFIX}`);
  const render = (template: string, target: string) => {
    const source = readFileSync(path.join(root, 'templates', 'new-exercise', template), 'utf8');
    const rootFromTarget = path.relative(path.dirname(target), root).split(path.sep).join('/') + '/';
    const text = Handlebars.compile(source, { noEscape: true })({
      id,
      name: req.name,
      fnName,
      title,
      week,
      courseTitle: course.title,
      root: rootFromTarget,
    });
    return [target, text] as const;
  };
  // Render everything first: a template error must leave the repository as it was.
  const outputs = req.kind === 'quiz' ? quizOutputs(root, id, render) : [
    render('solution.ts.hbs', files.solution),
    render('exercise.ts.hbs', files.exercise),
    render('instructions.md.hbs', files.instructions),
    render('grader.ts.hbs', files.grader),
    render('mutant.json.hbs', mutantFile),
    render('hints.json.hbs', path.join(root, 'graders', `${id}.hints.json`)),
  ];
  for (const [target, text] of outputs) {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  if (req.kind === 'quiz') {
    // The learner's answers file lists the questions, so it is made from the quiz just written.
    const answers = quizFiles(root, id).answers;
    writeFileSync(answers, answersTemplate(id, loadQuiz(root, id)));
    outputs.push([answers, '']);
  }
  const manifestFile = path.join(root, 'graders', course.id, 'course.json');
  const manifest: CourseManifest = existsSync(manifestFile)
    ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as CourseManifest)
    : { id: course.id, title: course.title, assignments: [] };
  manifest.assignments.push({ id, title });
  // Keep the manifest in course order: by week, then as added.
  manifest.assignments.sort((a, b) => weekOf(a.id) - weekOf(b.id));
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
  return {
    id,
    files: [...outputs.map(([t]) => t), manifestFile, req.kind === 'quiz' ? quizFiles(root, id).key : fixturePath(root, id)].map((f) => path.relative(root, f)),
  };
}

/** A quiz's files: the questions, the answer book, the instructions (the answers file follows from the questions). */
function quizOutputs(root: string, id: string, render: (template: string, target: string) => readonly [string, string]): (readonly [string, string])[] {
  const files = quizFiles(root, id);
  return [render('quiz.json.hbs', files.quiz), render('quiz-answers.ts.hbs', files.answerBook), render('quiz-instructions.md.hbs', files.instructions)];
}

function weekOf(id: string): number {
  return Number(/\/week(\d+)\//.exec(id)?.[1] ?? 0);
}

