/**
 * Answer keys. The grader edition computes each variant's answers from the
 * answer book (solutions/<id>.quiz.ts); the learner edition ships them hashed
 * (graders/<id>.quiz-key.json) so a learner gets feedback while studying.
 * Hashing only keeps answers out of plain sight: with four options, trying
 * each is trivial. It is not a secret, and the official grade never uses it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { variantParams } from './load';
import type { Answer, AnswerBook, NumericQuestion, Params, Question, QuizFile } from './types';
import { importSource } from '../source-import';

/** What scoring asks of a key: the same questions whichever edition answers them. */
export interface AnswerKey {
  /** Computed from the answer book (the official grade), or from hashes (self-study). */
  exact: boolean;
  optionCorrect(questionId: string, optionId: string): boolean;
  /** An ordering question: the item's place in the correct order. */
  position(questionId: string, itemId: string): number;
  numericAccepts(q: NumericQuestion, x: number): boolean;
}

export class AnswerBookError extends Error {}

/** Imports solutions/<id>.quiz.ts (trusted instructor code) and returns its answer book. */
export async function loadAnswerBook(file: string, root: string): Promise<AnswerBook> {
  const rel = path.relative(root, file);
  let mod: { default?: AnswerBook };
  try {
    // Keyed by content: an edited answer book is read again (validate, watch), an unchanged one is not.
    const version = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 12);
    mod = (await importSource(`${pathToFileURL(file).href}?v=${version}`)) as { default?: AnswerBook };
  } catch (err) {
    throw new AnswerBookError(`${rel} could not be loaded: ${(err as Error).message}`);
  }
  if (!mod.default || typeof mod.default !== 'object') throw new AnswerBookError(`${rel} must default-export defineAnswers({ … }).`);
  return mod.default;
}

/** One variant's answers, each checked against its question (type, option ids). */
export function variantAnswers(quiz: QuizFile, book: AnswerBook, params: Params, where: string, variant: number): Map<string, Answer> {
  const out = new Map<string, Answer>();
  for (const q of quiz.questions) {
    const spec = book[q.id];
    const at = `${where}: ${q.id} (variant ${variant})`;
    if (spec === undefined) throw new AnswerBookError(`${where}: ${q.id} has no answer.`);
    let a: Answer;
    try {
      a = typeof spec === 'function' ? spec(params) : spec;
    } catch (err) {
      throw new AnswerBookError(`${at}: computing the answer failed: ${(err as Error).message}`);
    }
    const problem = answerProblem(q, a);
    if (problem) throw new AnswerBookError(`${at}: ${problem}`);
    out.set(q.id, a);
  }
  for (const id of Object.keys(book)) if (!quiz.questions.some((q) => q.id === id)) throw new AnswerBookError(`${where}: "${id}" is not a question of the quiz.`);
  return out;
}

function answerProblem(q: Question, a: Answer): string | undefined {
  const ids = 'options' in q ? q.options.map((o) => o.id) : 'items' in q ? q.items.map((o) => o.id) : [];
  switch (q.type) {
    case 'single':
    case 'next-step':
      return typeof a === 'string' && ids.includes(a) ? undefined : `the answer ${JSON.stringify(a)} is not one option id (${ids.join(', ')}).`;
    case 'multiple':
      return Array.isArray(a) && a.length > 0 && a.every((x) => ids.includes(x)) && new Set(a).size === a.length
        ? undefined
        : `the answer ${JSON.stringify(a)} is not a non-empty list of distinct option ids (${ids.join(', ')}).`;
    case 'numeric':
      return typeof a === 'number' && Number.isFinite(a) ? undefined : `the answer ${JSON.stringify(a)} is not a finite number.`;
    case 'ordering':
      return Array.isArray(a) && a.length === ids.length && ids.every((x) => a.includes(x)) ? undefined : `the answer ${JSON.stringify(a)} is not an order of every item (${ids.join(', ')}).`;
  }
}

/** The largest distance from the correct value that is accepted. */
export const numericTolerance = (q: NumericQuestion, correct: number) => (q.tolerance.abs ?? 0) + (q.tolerance.rel ?? 0) * Math.abs(correct);

export function exactKey(answers: Map<string, Answer>): AnswerKey {
  return {
    exact: true,
    optionCorrect: (qid, opt) => {
      const a = answers.get(qid);
      return Array.isArray(a) ? a.includes(opt) : a === opt;
    },
    position: (qid, item) => (answers.get(qid) as string[]).indexOf(item),
    numericAccepts: (q, x) => {
      const c = answers.get(q.id) as number;
      return Math.abs(x - c) <= numericTolerance(q, c) * (1 + 1e-9) + 1e-12;
    },
  };
}

// ---------------------------------------------------------------- hashed keys (learner edition)

export interface KeyFile {
  quiz: string;
  generatedBy: string;
  note: string;
  variants: Record<string, HashedQuestion>[];
}
type HashedQuestion = { options: Record<string, string> } | { items: Record<string, string> } | { grid: number; hash: string };

const digest = (id: string, variant: number, qid: string, payload: string) =>
  createHash('sha256').update(`deepgrade-quiz\0${id}\0${variant}\0${qid}\0${payload}`).digest('hex').slice(0, 16);

/** A numeric answer is hashed on a grid as fine as its tolerance (at least 1e-9). */
const gridOf = (q: NumericQuestion, correct: number) => Math.max(numericTolerance(q, correct), 1e-9);

/** Every variant's answers, hashed: what the learner edition ships. */
export function buildKeyFile(id: string, quiz: QuizFile, book: AnswerBook, where: string): KeyFile {
  const variants: Record<string, HashedQuestion>[] = [];
  for (let v = 0; v < quiz.variants; v++) {
    const answers = variantAnswers(quiz, book, variantParams(id, quiz, v), where, v);
    const entry: Record<string, HashedQuestion> = {};
    for (const q of quiz.questions) {
      const a = answers.get(q.id)!;
      if (q.type === 'numeric') {
        const grid = gridOf(q, a as number);
        entry[q.id] = { grid, hash: digest(id, v, q.id, `number ${Math.round((a as number) / grid)}`) };
      } else if (q.type === 'ordering') {
        entry[q.id] = { items: Object.fromEntries((a as string[]).map((item, pos) => [item, digest(id, v, q.id, `item ${item} at ${pos}`)])) };
      } else {
        const right = (o: string) => (Array.isArray(a) ? a.includes(o) : a === o);
        entry[q.id] = { options: Object.fromEntries(q.options.map((o) => [o.id, digest(id, v, q.id, `option ${o.id} ${right(o.id) ? 'right' : 'wrong'}`)])) };
      }
    }
    variants.push(entry);
  }
  return {
    quiz: id,
    generatedBy: 'npm run fixtures (from solutions/' + id + '.quiz.ts; do not edit by hand)',
    note: 'Hashed answers for self-study feedback in the learner edition. Not a secret: the official grade uses the answer book.',
    variants,
  };
}

export function hashedKey(id: string, key: KeyFile, variant: number): AnswerKey {
  const entry = key.variants[variant] ?? {};
  const get = (qid: string) => entry[qid];
  return {
    exact: false,
    optionCorrect: (qid, opt) => {
      const e = get(qid);
      return !!e && 'options' in e && e.options[opt] === digest(id, variant, qid, `option ${opt} right`);
    },
    position: (qid, item) => {
      const e = get(qid);
      if (!e || !('items' in e)) return -1;
      const n = Object.keys(e.items).length;
      for (let pos = 0; pos < n; pos++) if (e.items[item] === digest(id, variant, qid, `item ${item} at ${pos}`)) return pos;
      return -1;
    },
    // The grid point the correct value rounds to is all the key knows: accept within 1.5 grid steps of it,
    // so nothing the official grade accepts is refused here (a few answers just outside it are accepted).
    numericAccepts: (q, x) => {
      const e = get(q.id);
      if (!e || !('grid' in e) || !Number.isFinite(x)) return false;
      const k = Math.round(x / e.grid);
      for (const c of [k - 1, k, k + 1]) {
        if (e.hash === digest(id, variant, q.id, `number ${c}`)) return Math.abs(x - c * e.grid) <= 1.5 * e.grid * (1 + 1e-9);
      }
      return false;
    },
  };
}
