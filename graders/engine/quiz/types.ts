/**
 * Assessments: the second kind of item deepgrade grades, beside code.
 *
 * A quiz is a data file (graders/<id>.quiz.json, checked against
 * schemas/quiz.schema.json) of questions over a scenario whose numbers can
 * differ per variant. Its correct answers are not in that file: the grader
 * edition computes them from solutions/<id>.quiz.ts; the learner edition
 * checks against hashed answers (graders/<id>.quiz-key.json) for self-study.
 */

/** One scenario number (or word): a fixed list to choose from, or a grid min, min + step, …, max. */
export type ParamSpec = { choose: (number | string)[] } | { min: number; max: number; step: number };
export type Params = Record<string, number | string>;

export interface Option {
  id: string;
  text: string;
  /**
   * Why this option is right or wrong: shown once the learner has answered. Where
   * its correctness depends on the variant's numbers (next-step questions), one
   * text for when it is right and one for when it is wrong.
   */
  feedback: string | { right: string; wrong: string };
}

interface QuestionBase {
  id: string;
  points: number;
  /** A Handlebars template over the variant's parameters. */
  text: string;
}

/** One correct option. "next-step" is the same, for "what should the team do next?" questions whose answer depends on the numbers. */
export interface ChoiceQuestion extends QuestionBase {
  type: 'single' | 'next-step';
  options: Option[];
}

/** Any number of correct options; partial credit: (correct picked − wrong picked) / correct, never below 0. */
export interface MultipleQuestion extends QuestionBase {
  type: 'multiple';
  options: Option[];
}

export interface NumericQuestion extends QuestionBase {
  type: 'numeric';
  /** The unit the answer is written in ("%", "hours"); a learner may repeat it after the number. */
  unit?: string;
  /** Accepted when |answer − correct| ≤ abs + rel·|correct|. */
  tolerance: { abs?: number; rel?: number };
  feedback: { right: string; wrong: string };
}

/** Put the items in order; partial credit: the share of pairs in the right relative order (full marks only for the exact order). */
export interface OrderingQuestion extends QuestionBase {
  type: 'ordering';
  items: { id: string; text: string }[];
  feedback: { right: string; wrong: string };
}

export type Question = ChoiceQuestion | MultipleQuestion | NumericQuestion | OrderingQuestion;

export interface QuizFile {
  title: string;
  /** The story every question refers to: a Handlebars template over the parameters. */
  scenario: string;
  /** How many variants (0 … variants − 1) of the numbers exist. */
  variants: number;
  params?: Record<string, ParamSpec>;
  questions: Question[];
}

/** A correct answer: an option id, option ids (multiple, ordering), or a number. */
export type Answer = string | string[] | number;
/** What solutions/<id>.quiz.ts default-exports: per question, the answer or a function of the variant's parameters. */
export type AnswerBook = Record<string, Answer | ((p: Params) => Answer)>;

/** For solutions/<id>.quiz.ts: typed, so a misspelt shape fails the type check. */
export function defineAnswers(book: AnswerBook): AnswerBook {
  return book;
}
