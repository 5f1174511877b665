/** The learner edition's hashed key (graders/<id>.quiz-key.json): made by `npm run fixtures`, checked by validate. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stableJson } from '../json';
import { buildKeyFile, loadAnswerBook } from './key';
import { loadQuiz, quizFiles } from './load';

export async function freshKeyText(root: string, id: string): Promise<string> {
  const files = quizFiles(root, id);
  if (!existsSync(files.answerBook)) throw new Error(`${path.relative(root, files.answerBook)} is missing: the key is made from the answer book.`);
  const book = await loadAnswerBook(files.answerBook, root);
  return stableJson(buildKeyFile(id, loadQuiz(root, id), book, path.relative(root, files.answerBook)));
}

/** Writes the key; returns the line to print. */
export async function writeQuizKey(root: string, id: string): Promise<string> {
  const file = quizFiles(root, id).key;
  const text = await freshKeyText(root, id);
  writeFileSync(file, text);
  return `wrote ${path.relative(root, file)} (hashed answers of every variant)`;
}

/** Why the committed key is stale, or undefined when it is current. */
export async function quizKeyStaleness(root: string, id: string): Promise<string | undefined> {
  const file = quizFiles(root, id).key;
  if (!existsSync(file)) return 'the file is missing';
  return readFileSync(file, 'utf8') === (await freshKeyText(root, id)) ? undefined : 'it differs from the answer book and the quiz';
}
