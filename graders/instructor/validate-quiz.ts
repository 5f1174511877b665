/**
 * `npm run validate` for a quiz: the questions are well formed in every
 * variant, every question has an answer that fits it, the hashed key is
 * current, the reference answers score full marks with both keys in every
 * variant, the untouched answers file scores 0, and every wrong answer
 * (each wrong option, each flipped choice, a number off by twice its
 * tolerance, two items swapped) loses points with both keys.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AssignmentDef } from '../engine/define';
import { formatAnswers, parseAnswersFile } from '../engine/quiz/answers-file';
import { gradeQuiz } from '../engine/quiz/grade';
import { loadAnswerBook, numericTolerance, variantAnswers } from '../engine/quiz/key';
import { quizKeyStaleness } from '../engine/quiz/key-file';
import { loadQuiz, quizFiles, renderQuestion, render, variantParams } from '../engine/quiz/load';
import type { Answer, Question, QuizFile } from '../engine/quiz/types';
import type { AssignmentValidation } from './validate';

export async function validateQuiz(root: string, id: string, stubFile?: string): Promise<AssignmentValidation> {
  const started = Date.now();
  const problems: string[] = [];
  const warnings: string[] = [];
  const files = quizFiles(root, id);
  const rel = (f: string) => path.relative(root, f);
  const result = (checks = 0, caught = 0, wrong = 0): AssignmentValidation => ({ id, problems, warnings, checks, mutantsCaught: caught, mutants: wrong, ms: Date.now() - started });

  for (const f of [files.quiz, files.answerBook, files.answers, files.instructions]) if (!existsSync(f)) problems.push(`${rel(f)} is missing`);
  if (problems.length) return result();
  let quiz: QuizFile;
  try {
    quiz = loadQuiz(root, id);
  } catch (err) {
    problems.push((err as Error).message);
    return result();
  }
  const book = await loadAnswerBook(files.answerBook, root);
  const answersOf: Map<string, Answer>[] = [];
  for (let v = 0; v < quiz.variants; v++) {
    const params = variantParams(id, quiz, v);
    try {
      render(quiz.scenario, params);
      quiz.questions.forEach((q) => renderQuestion(q, params));
      answersOf.push(variantAnswers(quiz, book, params, rel(files.answerBook), v));
    } catch (err) {
      problems.push(`variant ${v}: ${(err as Error).message}`);
      return result(quiz.questions.length);
    }
  }
  // An answer computed from the numbers (and every next-step answer) should change with them somewhere.
  for (const q of quiz.questions.filter((x) => x.type === 'next-step' || typeof book[x.id] === 'function')) {
    if (quiz.variants > 1 && new Set(answersOf.map((a) => JSON.stringify(a.get(q.id)))).size === 1) {
      warnings.push(`${q.id}'s answer is the same in every variant: do its numbers matter?`);
    }
  }
  // The committed answers file lists exactly the quiz's questions, none answered.
  const blank = parseAnswersFile(readFileSync(stubFile ?? files.answers, 'utf8'), quiz);
  const unlisted = quiz.questions.filter((q) => !blank.answers.has(q.id)).map((q) => q.id);
  if (blank.fileProblems.length || unlisted.length) {
    problems.push(
      `${rel(files.answers)} does not list the quiz's questions (${[...blank.fileProblems.map((p) => `line ${p.line}: ${p.message}`), ...(unlisted.length ? [`missing ${unlisted.join(', ')}`] : [])].join('; ')}): ` +
        '`npm run fixtures -- ' + id + '` writes it afresh while it holds no answers',
    );
  }
  const stale = await quizKeyStaleness(root, id);
  if (stale) problems.push(`${rel(files.key)} is stale (run \`npm run fixtures -- ${id}\`): ${stale}`);

  const def: AssignmentDef = { id, title: quiz.title, kind: 'quiz', exercises: quiz.questions.map((q) => ({ name: q.id, checks: [] })) };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-quiz-'));
  let caught = 0;
  let wrongCount = 0;
  try {
    const grade = async (text: string, official: boolean) => {
      const file = path.join(dir, 'answers');
      writeFileSync(file, text);
      return gradeQuiz(def, { root, seed: 0, sandbox: [], learnerFile: file, hidden: official });
    };
    for (let v = 0; v < quiz.variants; v++) {
      const reference = new Map(quiz.questions.map((q) => [q.id, answerText(q, answersOf[v]!.get(q.id)!)]));
      for (const official of [true, false]) {
        const r = await grade(formatAnswers(id, quiz, v, reference), official);
        if (r.score !== r.maxScore) {
          const lost = r.exercises.filter((e) => e.score < e.maxScore).map((e) => `${e.name} (${e.checks[0]?.message})`);
          problems.push(`variant ${v}: the reference answers score ${r.score} / ${r.maxScore} with the ${official ? 'answer book' : 'hashed key'}: ${lost.join('; ')}`);
        }
      }
    }
    if (!stale) {
      // Wrong answers, in the first variant and the last: each must lose points with either key.
      for (const v of [...new Set([0, quiz.variants - 1])]) {
        for (const q of quiz.questions) {
          for (const wrong of wrongAnswers(q, answersOf[v]!.get(q.id)!)) {
            wrongCount++;
            const answers = new Map([[q.id, wrong]]);
            let lost = true;
            for (const official of [true, false]) {
              const r = await grade(formatAnswers(id, quiz, v, answers), official);
              const e = r.exercises.find((x) => x.name === q.id)!;
              if (e.score >= e.maxScore) {
                lost = false;
                problems.push(`variant ${v}: the wrong answer "${q.id}: ${wrong}" scores full marks with the ${official ? 'answer book' : 'hashed key'}`);
              }
            }
            if (lost) caught++;
          }
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const stub = await gradeQuiz(def, { root, seed: 0, sandbox: [], learnerFile: stubFile ?? files.answers, hidden: true });
  if (stub.score !== 0) problems.push(`the untouched ${rel(files.answers)} scores ${stub.score}, not 0`);
  for (const e of stub.exercises) if (e.status !== 'not-attempted') problems.push(`the untouched answers file's ${e.name} is "${e.status}", not "not-attempted"`);
  return result(quiz.questions.length, caught, wrongCount);
}

/** An answer as a learner writes it on its line. */
export function answerText(q: Question, a: Answer): string {
  if (q.type === 'numeric') return `${a as number}${q.unit ? ` ${q.unit}` : ''}`;
  return Array.isArray(a) ? a.join(', ') : String(a);
}

/** Realistic wrong answers to a question, as answer lines. */
function wrongAnswers(q: Question, a: Answer): string[] {
  switch (q.type) {
    case 'single':
    case 'next-step':
      return q.options.filter((o) => o.id !== a).map((o) => o.id);
    case 'multiple': {
      const right = a as string[];
      // Each option flipped: one right option left out, or one wrong option added.
      return q.options.map((o) => (right.includes(o.id) ? right.filter((x) => x !== o.id) : [...right, o.id]).join(', ')).filter(Boolean);
    }
    case 'numeric': {
      const c = a as number;
      const off = Math.max(2 * numericTolerance(q, c), 1e-6) * 2;
      return [c + off, c - off].map((x) => answerText(q, Number(x.toPrecision(12))));
    }
    case 'ordering': {
      const order = a as string[];
      return [[order[1]!, order[0]!, ...order.slice(2)].join(', ')];
    }
  }
}
