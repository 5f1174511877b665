/** The learner edition's hashed key (graders/<id>.quiz-key.json): made by `npm run fixtures`, checked by validate. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stableJson } from '../json';
import { buildKeyFile, loadAnswerBook } from './key';
import { answersTemplate, parseAnswersFile } from './answers-file';
import { loadQuiz, quizFiles } from './load';

export async function freshKeyText(root: string, id: string): Promise<string> {
  const files = quizFiles(root, id);
  if (!existsSync(files.answerBook)) throw new Error(`${path.relative(root, files.answerBook)} is missing: the key is made from the answer book.`);
  const book = await loadAnswerBook(files.answerBook, root);
  return stableJson(buildKeyFile(id, loadQuiz(root, id), book, path.relative(root, files.answerBook)));
}

/** Writes the key, and the blank answers file when it no longer lists the questions; returns the lines to print. */
export async function writeQuizKey(root: string, id: string): Promise<string[]> {
  const files = quizFiles(root, id);
  const text = await freshKeyText(root, id);
  writeFileSync(files.key, text);
  const lines = [`wrote ${path.relative(root, files.key)} (hashed answers of every variant)`];
  const quiz = loadQuiz(root, id);
  const current = existsSync(files.answers) ? readFileSync(files.answers, 'utf8') : '';
  const parsed = parseAnswersFile(current, quiz);
  const listsAll = !parsed.fileProblems.length && quiz.questions.every((q) => parsed.answers.has(q.id));
  const holdsAnswers = [...parsed.answers.values()].some((a) => a.text !== '') || parsed.variant !== undefined;
  // Only a blank file is rewritten: one holding answers is somebody's work.
  if (!listsAll && !holdsAnswers) {
    writeFileSync(files.answers, answersTemplate(id, quiz));
    lines.push(`wrote ${path.relative(root, files.answers)} (blank, one line per question)`);
  } else if (!listsAll) lines.push(`left ${path.relative(root, files.answers)} as it is: it holds answers, but does not list the quiz's questions`);
  return lines;
}

/** Why the committed key is stale, or undefined when it is current. */
export async function quizKeyStaleness(root: string, id: string): Promise<string | undefined> {
  const file = quizFiles(root, id).key;
  if (!existsSync(file)) return 'the file is missing';
  return readFileSync(file, 'utf8') === (await freshKeyText(root, id)) ? undefined : 'it differs from the answer book and the quiz';
}
