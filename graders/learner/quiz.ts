/**
 * `npm run quiz -- <selector> [--print]`: shows a quiz's scenario and
 * questions with the learner's own numbers (their variant) and, in a
 * terminal, asks them one by one, saving the answers file after every
 * answer so nothing typed is lost. Feedback comes with `npm run grade`.
 *
 * A learner's variant is chosen once, when the answers file has none: from
 * their git e-mail (or user name), so classmates tend to get different
 * numbers. It is then written into the file, and the grade follows the file.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { selectAssignments, SelectorError } from '../engine/registry';
import { formatAnswers, parseAnswersFile } from '../engine/quiz/answers-file';
import { isQuiz, loadQuiz, quizFiles, render, renderQuestion, variantParams } from '../engine/quiz/load';
import { scoreAnswer } from '../engine/quiz/score';
import type { Question } from '../engine/quiz/types';
import { LearnerError, paint, wrap, type LearnerIO } from './common';

const USAGE = 'Usage: npm run quiz -- <quiz or week> [--print]\n  e.g. npm run quiz -- course3/week1   (--print: show the questions, ask nothing)';

export async function runQuiz(argv: string[], io: LearnerIO): Promise<number> {
  try {
    const print = argv.includes('--print');
    const unknown = argv.filter((a) => a.startsWith('--') && a !== '--print');
    const words = argv.filter((a) => !a.startsWith('--'));
    if (unknown.length || words.length !== 1) throw new LearnerError(unknown.length ? `Unknown option ${unknown[0]}.\n\n${USAGE}` : USAGE, 2);
    const ids = quizzesOf(io.root, words[0]!);
    for (const id of ids) await oneQuiz(id, io, print || !io.interactive || !io.ask);
    return 0;
  } catch (err) {
    if (err instanceof LearnerError) {
      io.err(`${err.message}\n`);
      return err.exitCode;
    }
    throw err;
  }
}

function quizzesOf(root: string, selector: string): string[] {
  let picked;
  try {
    picked = selectAssignments(root, selector);
  } catch (err) {
    if (err instanceof SelectorError) throw new LearnerError(err.message, 2);
    throw err;
  }
  const ids = picked.map((a) => a.id).filter((id) => isQuiz(root, id));
  if (!ids.length) throw new LearnerError(`${selector} has no quiz: its assignments are code (${picked.map((a) => a.id).join(', ')}); grade them with npm run grade -- ${selector}.`, 2);
  return ids;
}

/** A stable variant for this learner: their git e-mail (else user name) hashed with the quiz id. */
export function defaultVariant(id: string, variants: number, root: string): number {
  let who = '';
  try {
    who = execFileSync('git', ['config', 'user.email'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // not a git checkout, or no e-mail set
  }
  if (!who) who = os.userInfo().username;
  return createHash('sha256').update(`${id}\0${who}`).digest().readUInt32BE(0) % variants;
}

async function oneQuiz(id: string, io: LearnerIO, printOnly: boolean): Promise<void> {
  const quiz = loadQuiz(io.root, id);
  const file = quizFiles(io.root, id).answers;
  const rel = path.relative(io.root, file);
  const parsed = parseAnswersFile(existsSync(file) ? readFileSync(file, 'utf8') : '', quiz);
  const variant = parsed.variant ?? defaultVariant(id, quiz.variants, io.root);
  const answers = new Map([...parsed.answers].map(([k, v]) => [k, v.text]));
  const params = variantParams(id, quiz, variant);
  const save = () => {
    // Written whole to a temporary file first: an interrupted write never truncates the learner's answers.
    writeFileSync(`${file}.tmp`, formatAnswers(id, quiz, variant, answers));
    renameSync(`${file}.tmp`, file);
  };
  if (parsed.variant === undefined && !printOnly) save();

  const bold = (t: string) => paint(io.color, 1, t);
  io.out(`${bold(quiz.title)} (${id}, variant ${variant})\n\n${wrap(render(quiz.scenario, params), 78, '')}\n\n`);
  for (const p of parsed.fileProblems) io.out(`${rel} line ${p.line}: ${p.message}\n`);
  for (const q of quiz.questions) {
    const shown = renderQuestion(q, params);
    io.out(`${bold(`${q.id}.`)} ${describe(shown)}\n`);
    const current = answers.get(q.id) ?? '';
    if (printOnly) {
      io.out(`   your answer: ${current || '(none yet)'}\n\n`);
      continue;
    }
    for (;;) {
      const typed = (await io.ask!(`   answer${current ? ` [Enter keeps "${current}"]` : ''} (${howToAnswer(shown)}; "-" to skip): `)).trim();
      if (typed === '' || typed === '-') break;
      const problem = formatProblem(shown, typed);
      if (problem) {
        io.out(`   ${problem}\n`);
        continue;
      }
      answers.set(q.id, typed);
      save();
      break;
    }
    io.out('\n');
  }
  io.out(
    printOnly
      ? `Answer in ${rel} (one line per question), or run npm run quiz -- ${id} in a terminal.\n`
      : `Your answers are saved in ${rel}. Grade them, with feedback on every answer: npm run grade -- ${id}\n`,
  );
}

function describe(q: Question): string {
  const text = wrap(q.text, 78, '   ').trimStart();
  if ('options' in q) return `${text}\n${q.options.map((o) => `     (${o.id}) ${o.text}`).join('\n')}`;
  if ('items' in q) return `${text}\n${q.items.map((o) => `     ${o.id}: ${o.text}`).join('\n')}`;
  return text;
}

function howToAnswer(q: Question): string {
  switch (q.type) {
    case 'single':
    case 'next-step':
      return 'one letter';
    case 'multiple':
      return 'letters, e.g. a, c';
    case 'numeric':
      return q.unit ? `a number in ${q.unit}` : 'a number';
    case 'ordering':
      return 'every item, in order, e.g. ' + q.items.map((i) => i.id).join(', ');
  }
}

/** Whether an answer is well formed for its question: scored against a key that knows nothing, only format errors remain. */
function formatProblem(q: Question, typed: string): string | undefined {
  const blind = { exact: false, optionCorrect: () => false, position: () => 0, numericAccepts: () => false };
  const s = scoreAnswer(q, typed, blind);
  return s.status === 'error' ? s.message : undefined;
}

