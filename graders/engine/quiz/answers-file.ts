/**
 * The learner's answers file, exercises/<id>.answers: plain text, one line per
 * question, that a learner can edit by hand or have `npm run quiz` write.
 *
 *     # comments start with #
 *     variant: 3
 *     q1: b
 *     q2: a, c
 *     q3: 2.5 %
 *     q4: c, a, b, d
 *
 * Reading never throws: every line it cannot use becomes a problem naming the
 * line, kept for the question it belongs to (or for the file).
 */
import type { QuizFile } from './types';

export interface LineProblem {
  line: number;
  message: string;
}

export interface AnswersFile {
  /** The variant line's value, if there is a valid one. */
  variant?: number;
  /** Per question id: the text after the colon (trimmed), empty when not answered. */
  answers: Map<string, { text: string; line: number }>;
  /** Problems that belong to one question. */
  questionProblems: Map<string, LineProblem>;
  /** Problems with the file as a whole (an unknown question, a bad variant). */
  fileProblems: LineProblem[];
}

export function parseAnswersFile(text: string, quiz: QuizFile): AnswersFile {
  const ids = new Set(quiz.questions.map((q) => q.id));
  const out: AnswersFile = { answers: new Map(), questionProblems: new Map(), fileProblems: [] };
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const content = raw.replace(/\s+#.*$/, '').trim();
    if (!content || content.startsWith('#')) return;
    const colon = content.indexOf(':');
    if (colon < 0) {
      out.fileProblems.push({ line, message: `"${clip(content)}" is not "question: answer" (a colon is missing).` });
      return;
    }
    const key = content.slice(0, colon).trim();
    const value = content.slice(colon + 1).trim();
    if (key === 'variant') {
      if (value === '') return;
      const v = Number(value);
      if (!Number.isInteger(v) || v < 0 || v >= quiz.variants) {
        out.fileProblems.push({ line, message: `variant "${clip(value)}" is not a whole number from 0 to ${quiz.variants - 1}; variant 0 is used.` });
      } else out.variant = v;
      return;
    }
    if (!ids.has(key)) {
      out.fileProblems.push({ line, message: `there is no question "${clip(key)}" in this quiz (its questions: ${[...ids].join(', ')}).` });
      return;
    }
    if (out.answers.has(key)) {
      out.questionProblems.set(key, { line, message: `${key} is answered twice (lines ${out.answers.get(key)!.line} and ${line}); the first answer counts.` });
      return;
    }
    out.answers.set(key, { text: value, line });
  });
  return out;
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 37)}…` : s);

/** A fresh answers file: every question listed, none answered (the stub, and what `npm run quiz` starts from). */
export function answersTemplate(id: string, quiz: QuizFile, variant?: number): string {
  return formatAnswers(id, quiz, variant, new Map());
}

/** The answers file text for these answers (question order as in the quiz). */
export function formatAnswers(id: string, quiz: QuizFile, variant: number | undefined, answers: Map<string, string>): string {
  const lines = [
    `# ${quiz.title} (${id})`,
    '# One line per question: write the option letter(s), the number, or the order after the colon.',
    '# `npm run quiz -- ' + id + '` shows the questions with your numbers and fills this in; `npm run grade` grades it.',
    `variant: ${variant ?? ''}`,
    ...quiz.questions.map((q) => `${q.id}: ${answers.get(q.id) ?? ''}`),
  ];
  return lines.join('\n') + '\n';
}
