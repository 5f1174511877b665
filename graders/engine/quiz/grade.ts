/**
 * Grading a quiz, as a pipeline like code grading: read the quiz, read the
 * learner's answers file, pick the key (the answer book where the grader
 * edition has it, the hashed key otherwise), score each question. The result
 * is the same report model as code: one "exercise" per question.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { AssignmentDef } from '../define';
import type { GradeOptions } from '../grade';
import { assignmentResult, exerciseResult, type AssignmentResult, type CheckResult } from '../report/model';
import { parseAnswersFile, type LineProblem } from './answers-file';
import { exactKey, hashedKey, loadAnswerBook, variantAnswers, type AnswerKey, type KeyFile } from './key';
import { loadQuiz, quizFiles, renderQuestion, variantParams } from './load';
import { scoreAnswer } from './score';
import type { QuizFile } from './types';

/** An answers file is a few lines; anything larger is not one. */
const MAX_ANSWERS_BYTES = 64 * 1024;

/** The assignment definition of a quiz: one "exercise" per question, graded by gradeQuiz. */
export function quizDefinition(root: string, id: string, title?: string): AssignmentDef {
  const quiz = loadQuiz(root, id);
  return { id, title: title ?? quiz.title, kind: 'quiz', exercises: quiz.questions.map((q) => ({ name: q.id, checks: [] })) };
}

export async function gradeQuiz(def: AssignmentDef, options: GradeOptions): Promise<AssignmentResult> {
  const files = quizFiles(options.root, def.id);
  const answersPath = options.learnerFile ?? path.join(options.learnerRoot ?? path.join(options.root, 'exercises'), `${def.id}.answers`);
  const relFile =
    options.learnerRoot && answersPath.startsWith(options.learnerRoot + path.sep)
      ? path.join('exercises', path.relative(options.learnerRoot, answersPath))
      : path.relative(options.root, answersPath);
  const only = (name: string) => !options.only || options.only.includes(name);

  let quiz: QuizFile;
  try {
    quiz = loadQuiz(options.root, def.id);
  } catch (err) {
    return whole(def, relFile, 'error', (err as Error).message, only);
  }
  const text = readAnswers(answersPath, relFile);
  if ('problem' in text) return whole(def, relFile, 'error', text.problem, only, quiz);
  const parsed = parseAnswersFile(text.content, quiz);
  const variant = parsed.variant ?? 0;
  const params = variantParams(def.id, quiz, variant);

  let key: AnswerKey;
  try {
    key = await pickKey(options, def.id, quiz, variant, params);
  } catch (err) {
    return whole(def, relFile, 'error', (err as Error).message, only, quiz);
  }

  const fileNote = parsed.fileProblems.map((p) => lineNote(relFile, p)).join(' ');
  const exercises = quiz.questions.filter((q) => only(q.id)).map((q, i) => {
    const answer = parsed.answers.get(q.id);
    const rendered = renderQuestion(q, params);
    const scored = scoreAnswer(rendered, answer?.text ?? '', key);
    const notes = [i === 0 ? fileNote : '', parsed.questionProblems.has(q.id) ? lineNote(relFile, parsed.questionProblems.get(q.id)!) : ''].filter(Boolean);
    const where = answer ? `${relFile} line ${answer.line}` : relFile;
    const message =
      scored.status === 'not-attempted'
        ? `Not answered yet: write your answer after "${q.id}:" in ${relFile}, or run npm run quiz -- ${def.id}.`
        : `${scored.message}${scored.status === 'error' ? ` (${where})` : ''}`;
    const check: CheckResult = {
      kind: 'answer',
      name: shortText(rendered.text),
      status: scored.status,
      score: scored.score,
      maxScore: q.points,
      message: [...notes, message].join(' '),
      hidden: false,
      ...(scored.hint ? { hint: scored.hint } : {}),
      ...(answer?.text ? { actual: answer.text } : {}),
    };
    return exerciseResult(q.id, [], [check]);
  });
  return assignmentResult(def.id, def.title, relFile, exercises);
}

/** The question as a check's name: its first line, at most 90 characters. */
const shortText = (text: string) => {
  const line = text.split('\n')[0]!.trim();
  return line.length > 90 ? `${line.slice(0, 89)}…` : line;
};

const lineNote = (relFile: string, p: LineProblem) => `${relFile} line ${p.line}: ${p.message}`;

function readAnswers(file: string, relFile: string): { content: string } | { problem: string } {
  if (!existsSync(file)) return { problem: `${relFile} is missing. Restore it (git checkout -- ${relFile}) or run npm run quiz to write it.` };
  const st = statSync(file);
  if (!st.isFile()) return { problem: `${relFile} is not a plain file.` };
  if (st.size > MAX_ANSWERS_BYTES) return { problem: `${relFile} is ${st.size} bytes: an answers file holds one short line per question (at most ${MAX_ANSWERS_BYTES} bytes).` };
  return { content: readFileSync(file, 'utf8') };
}

/** The answer book where the grader edition has it (the official grade), else the hashed key (self-study). */
async function pickKey(options: GradeOptions, id: string, quiz: QuizFile, variant: number, params: Record<string, number | string>): Promise<AnswerKey> {
  const files = quizFiles(options.root, id);
  if (options.hidden !== false && existsSync(files.answerBook)) {
    const book = await loadAnswerBook(files.answerBook, options.root);
    return exactKey(variantAnswers(quiz, book, params, path.relative(options.root, files.answerBook), variant));
  }
  if (!existsSync(files.key)) throw new Error(`${path.relative(options.root, files.key)} is missing: this edition has no answers to check against (run npm run fixtures -- ${id}).`);
  const key = JSON.parse(readFileSync(files.key, 'utf8')) as KeyFile;
  if (key.quiz !== id || !Array.isArray(key.variants) || key.variants.length !== quiz.variants) {
    throw new Error(`${path.relative(options.root, files.key)} does not match ${path.relative(options.root, files.quiz)} (run npm run fixtures -- ${id}).`);
  }
  return hashedKey(id, key, variant);
}

/** One problem with the whole quiz: said on the first question, the rest skipped. */
function whole(def: AssignmentDef, relFile: string, status: 'error', message: string, only: (n: string) => boolean, quiz?: QuizFile): AssignmentResult {
  const points = (name: string) => quiz?.questions.find((q) => q.id === name)?.points ?? 0;
  let first = true;
  return assignmentResult(
    def.id,
    def.title,
    relFile,
    def.exercises
      .filter((e) => only(e.name))
      .map((e) => {
        const check: CheckResult = { kind: 'answer', name: 'answer', status: first ? status : 'skipped', score: 0, maxScore: points(e.name), message: first ? message : 'Not graded (see above).', hidden: false };
        first = false;
        return exerciseResult(e.name, [], [check]);
      }),
  );
}
