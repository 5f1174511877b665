/**
 * Reading a quiz: the data file (schema-checked, errors naming file and JSON
 * path), a variant's scenario numbers, and its texts rendered with them
 * (Handlebars, strict, with add, sub, mul, div and round helpers).
 */
import type Handlebars from 'handlebars';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RandomState } from '../../../lib/np-random';
import { assertValid } from '../schemas/validate';
import { checkSeed } from '../seed';
import type { Params, Question, QuizFile } from './types';

/** Where a quiz's files live, by id. */
export function quizFiles(root: string, id: string) {
  return {
    /** The questions (public: both editions). */
    quiz: path.join(root, 'graders', `${id}.quiz.json`),
    /** The correct answers (grader edition only). */
    answerBook: path.join(root, 'solutions', `${id}.quiz.ts`),
    /** Hashed answers for self-study feedback (learner edition). */
    key: path.join(root, 'graders', `${id}.quiz-key.json`),
    /** The learner's answers. */
    answers: path.join(root, 'exercises', `${id}.answers`),
    instructions: path.join(root, 'exercises', `${id}.md`),
  };
}

export const isQuiz = (root: string, id: string): boolean => existsSync(quizFiles(root, id).quiz);

export class QuizError extends Error {}

/** The quiz file, checked: schema, unique ids, and templates that compile. */
export function loadQuiz(root: string, id: string): QuizFile {
  const file = quizFiles(root, id).quiz;
  const rel = path.relative(root, file);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new QuizError(`${rel} is not valid JSON: ${(err as Error).message}`);
  }
  assertValid('quiz', data, rel);
  const quiz = data as QuizFile;
  const problems: string[] = [];
  const seen = new Set<string>();
  quiz.questions.forEach((q, i) => {
    const at = `/questions/${i} (${q.id})`;
    if (seen.has(q.id)) problems.push(`at ${at}: the id "${q.id}" is used twice`);
    seen.add(q.id);
    const ids = 'options' in q ? q.options.map((o) => o.id) : 'items' in q ? q.items.map((o) => o.id) : [];
    const dup = ids.find((x, k) => ids.indexOf(x) !== k);
    if (dup) problems.push(`at ${at}: the option id "${dup}" is used twice`);
  });
  for (const [name, spec] of Object.entries(quiz.params ?? {})) {
    if ('min' in spec && !(spec.max >= spec.min)) problems.push(`at /params/${name}: max is below min`);
  }
  for (const [where, text] of templates(quiz)) {
    try {
      handlebars().precompile(text, { strict: true });
    } catch (err) {
      problems.push(`at ${where}: the text is not a valid template (${(err as Error).message.split('\n')[0]})`);
    }
  }
  if (problems.length) throw new QuizError(`${rel} has problems:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return quiz;
}

/** Every template of the quiz with its JSON path. */
function templates(quiz: QuizFile): [string, string][] {
  const out: [string, string][] = [['/scenario', quiz.scenario]];
  quiz.questions.forEach((q, i) => {
    out.push([`/questions/${i}/text`, q.text]);
    if ('options' in q) {
      q.options.forEach((o, k) => {
        out.push([`/questions/${i}/options/${k}/text`, o.text]);
        if (typeof o.feedback === 'string') out.push([`/questions/${i}/options/${k}/feedback`, o.feedback]);
        else out.push([`/questions/${i}/options/${k}/feedback/right`, o.feedback.right], [`/questions/${i}/options/${k}/feedback/wrong`, o.feedback.wrong]);
      });
    }
    if ('items' in q) q.items.forEach((o, k) => out.push([`/questions/${i}/items/${k}/text`, o.text]));
    if ('feedback' in q) out.push([`/questions/${i}/feedback/right`, q.feedback.right], [`/questions/${i}/feedback/wrong`, q.feedback.wrong]);
  });
  return out;
}

/**
 * A variant's scenario numbers: each parameter drawn from its list or grid by
 * a generator seeded with the quiz id, the variant and the parameter's name,
 * so adding a parameter never changes the others.
 */
export function variantParams(id: string, quiz: QuizFile, variant: number): Params {
  const params: Params = {};
  for (const [name, spec] of Object.entries(quiz.params ?? {})) {
    const rng = new RandomState(checkSeed(variant, id, name));
    if ('choose' in spec) params[name] = spec.choose[rng.randint(0, spec.choose.length, 1)[0]!]!;
    else {
      const steps = Math.floor((spec.max - spec.min) / spec.step + 1e-9);
      // Rounded to the step's decimals: 0.1 + 0.2 is shown as 0.3.
      const decimals = Math.max(0, -Math.floor(Math.log10(spec.step) + 1e-9)) + 2;
      params[name] = Number((spec.min + spec.step * rng.randint(0, steps + 1, 1)[0]!).toFixed(decimals));
    }
  }
  return params;
}

/** A number as a person writes it: no float noise (6 − 0.5 → 5.5, 0.1 + 0.2 → 0.3). */
export const formatQuizNumber = (x: number) => String(Number(x.toFixed(9)));
const num = (v: unknown, helper: string) => {
  const x = typeof v === 'string' ? Number(v.replace(/,/g, '')) : (v as number);
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new QuizError(`{{${helper}}} needs numbers, got ${JSON.stringify(v)}`);
  return x;
};
// Loaded on first use, by quizzes only: every other run would load ~0.5 MB of JavaScript for nothing.
const requireHere = createRequire(import.meta.url);
const handlebars = () => requireHere('handlebars') as typeof Handlebars;
let hb: typeof Handlebars | undefined;

function quizEngine(): typeof Handlebars {
  if (hb) return hb;
  hb = handlebars().create();
  // Arithmetic in texts, so feedback can show the result and not only the formula: {{sub train human}}, {{round (div a b) 2}}.
  hb.registerHelper('add', (a: unknown, b: unknown) => formatQuizNumber(num(a, 'add') + num(b, 'add')));
  hb.registerHelper('sub', (a: unknown, b: unknown) => formatQuizNumber(num(a, 'sub') - num(b, 'sub')));
  hb.registerHelper('mul', (a: unknown, b: unknown) => formatQuizNumber(num(a, 'mul') * num(b, 'mul')));
  hb.registerHelper('div', (a: unknown, b: unknown) => formatQuizNumber(num(a, 'div') / num(b, 'div')));
  hb.registerHelper('round', (a: unknown, digits: unknown) => formatQuizNumber(Number(num(a, 'round').toFixed(typeof digits === 'number' ? digits : 0))));
  return hb;
}
const compiled = new Map<string, Handlebars.TemplateDelegate>();

/** A text with the variant's numbers in it (strict: a parameter the quiz does not define is an error). */
export function render(text: string, params: Params): string {
  let t = compiled.get(text);
  if (!t) {
    t = quizEngine().compile(text, { strict: true, noEscape: true });
    compiled.set(text, t);
  }
  return t(params);
}

/** The question with every text rendered for one variant. */
export function renderQuestion(q: Question, params: Params): Question {
  const r = (s: string) => render(s, params);
  const base = { ...q, text: r(q.text) };
  const feedback = (f: string | { right: string; wrong: string }) => (typeof f === 'string' ? r(f) : { right: r(f.right), wrong: r(f.wrong) });
  if ('options' in q) return { ...base, options: q.options.map((o) => ({ ...o, text: r(o.text), feedback: feedback(o.feedback) })) } as Question;
  if ('items' in q) return { ...base, items: q.items.map((o) => ({ ...o, text: r(o.text) })), feedback: { right: r(q.feedback.right), wrong: r(q.feedback.wrong) } } as Question;
  return { ...base, feedback: { right: r(q.feedback.right), wrong: r(q.feedback.wrong) } } as Question;
}
