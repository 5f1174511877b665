/**
 * Scoring one answer to one (rendered) question against a key: the score, the
 * status, and the feedback of what the learner chose. It never says which
 * option is right; the feedback explains why the chosen one is or is not.
 */
import { roundScore } from '../report/model';
import type { AnswerKey } from './key';
import type { NumericQuestion, Option, OrderingQuestion, Question } from './types';

export interface AnswerScore {
  status: 'passed' | 'failed' | 'error' | 'not-attempted';
  score: number;
  message: string;
  /** A named likely slip (a percentage written as a fraction …). */
  hint?: string;
}

/** Splits "a, c", "a c", "c > a > b", "(b)" into lower-case tokens. */
const tokens = (text: string) =>
  text
    .toLowerCase()
    .split(/[\s,;>]+/)
    .map((t) => t.replace(/^\(|\)$|\.$/g, ''))
    .filter(Boolean);

export function scoreAnswer(q: Question, response: string, key: AnswerKey): AnswerScore {
  if (response.trim() === '') return { status: 'not-attempted', score: 0, message: 'Not answered yet.' };
  switch (q.type) {
    case 'single':
    case 'next-step':
      return scoreSingle(q.id, q.options, response, q.points, key);
    case 'multiple':
      return scoreMultiple(q.id, q.options, response, q.points, key);
    case 'numeric':
      return scoreNumeric(q, response, key);
    case 'ordering':
      return scoreOrdering(q, response, key);
  }
}

const optionList = (options: Option[]) => options.map((o) => o.id).join(', ');
/** The option's feedback for when it is (or is not) the right choice. */
const feedbackOf = (o: Option, right: boolean) => (typeof o.feedback === 'string' ? o.feedback : right ? o.feedback.right : o.feedback.wrong);

function unknownOptions(picked: string[], options: Option[]): AnswerScore | undefined {
  const bad = picked.filter((p) => !options.some((o) => o.id === p));
  if (!bad.length) return undefined;
  return { status: 'error', score: 0, message: `"${bad.join('", "')}" ${bad.length === 1 ? 'is not an option' : 'are not options'}: the options are ${optionList(options)}.` };
}

function scoreSingle(qid: string, options: Option[], response: string, points: number, key: AnswerKey): AnswerScore {
  const picked = tokens(response);
  const bad = unknownOptions(picked, options);
  if (bad) return bad;
  if (picked.length > 1) return { status: 'error', score: 0, message: `Choose one option, not ${picked.length} (${picked.join(', ')}).` };
  const o = options.find((x) => x.id === picked[0])!;
  return key.optionCorrect(qid, o.id)
    ? { status: 'passed', score: points, message: `(${o.id}) is right. ${feedbackOf(o, true)}` }
    : { status: 'failed', score: 0, message: `You chose (${o.id}): ${feedbackOf(o, false)}` };
}

function scoreMultiple(qid: string, options: Option[], response: string, points: number, key: AnswerKey): AnswerScore {
  const picked = [...new Set(tokens(response))];
  const bad = unknownOptions(picked, options);
  if (bad) return bad;
  const right = options.filter((o) => key.optionCorrect(qid, o.id)).map((o) => o.id);
  const rightPicked = picked.filter((p) => right.includes(p)).length;
  const wrongPicked = picked.length - rightPicked;
  const share = right.length ? Math.max(0, (rightPicked - wrongPicked) / right.length) : 0;
  const lines = picked.map((p) => {
    const o = options.find((x) => x.id === p)!;
    return `(${p}) ${right.includes(p) ? 'is right' : 'is wrong'}: ${feedbackOf(o, right.includes(p))}`;
  });
  const missed = right.length - rightPicked;
  if (missed) lines.push(`${missed} right option${missed === 1 ? ' is' : 's are'} not chosen.`);
  const exact = missed === 0 && wrongPicked === 0;
  return { status: exact ? 'passed' : 'failed', score: roundScore(points * share), message: lines.join(' ') };
}

/** "2.5", "2.5%", "2.5 %", "-1e-3 hours" → the number and the unit written, if any. */
function parseNumber(text: string): { value: number; unit: string } | undefined {
  const m = /^([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*(.*)$/i.exec(text.trim());
  if (!m) return undefined;
  const value = Number(m[1]);
  return Number.isFinite(value) ? { value, unit: m[2]!.trim() } : undefined;
}

function scoreNumeric(q: NumericQuestion, response: string, key: AnswerKey): AnswerScore {
  const n = parseNumber(response);
  const unit = q.unit ? ` ${q.unit}` : '';
  if (!n) return { status: 'error', score: 0, message: `"${response}" is not a number: write it like 2.5${unit}.` };
  if (n.unit && (!q.unit || n.unit.toLowerCase() !== q.unit.toLowerCase())) {
    return { status: 'error', score: 0, message: q.unit ? `The answer is asked in ${q.unit}, but "${n.unit}" follows the number.` : `The answer is a plain number, but "${n.unit}" follows it.` };
  }
  if (key.numericAccepts(q, n.value)) return { status: 'passed', score: q.points, message: `${n.value}${unit} is right. ${q.feedback.right}` };
  const slip = numericSlip(q, n.value, key);
  return { status: 'failed', score: 0, message: `${n.value}${unit} is not right. ${q.feedback.wrong}`, ...(slip ? { hint: slip } : {}) };
}

/** Slips recognisable from the number alone: a factor of 100, a sign. Said only when the corrected number is accepted. */
function numericSlip(q: NumericQuestion, x: number, key: AnswerKey): string | undefined {
  if (x !== 0 && key.numericAccepts(q, x * 100)) {
    return q.unit === '%' ? `That looks like a fraction: the answer is asked in %, so ${x} is ${x * 100} %.` : 'That is 100 times too small: is it a fraction where a percentage is asked?';
  }
  if (x !== 0 && key.numericAccepts(q, x / 100)) return q.unit === '%' ? undefined : 'That is 100 times too large: is it a percentage where a fraction is asked?';
  if (x !== 0 && key.numericAccepts(q, -x)) return 'The size is right but the sign is not: check which error is subtracted from which.';
  return undefined;
}

function scoreOrdering(q: OrderingQuestion, response: string, key: AnswerKey): AnswerScore {
  const order = tokens(response);
  const ids = q.items.map((i) => i.id);
  const unknown = order.filter((t) => !ids.includes(t));
  const missing = ids.filter((i) => !order.includes(i));
  const repeated = order.filter((t, k) => order.indexOf(t) !== k);
  if (unknown.length || missing.length || repeated.length) {
    const parts = [
      unknown.length ? `unknown item${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}` : '',
      missing.length ? `missing ${missing.join(', ')}` : '',
      repeated.length ? `repeated ${[...new Set(repeated)].join(', ')}` : '',
    ].filter(Boolean);
    return { status: 'error', score: 0, message: `Put every item in order once (${ids.join(', ')}): ${parts.join('; ')}.` };
  }
  let concordant = 0;
  let pairs = 0;
  for (let i = 0; i < order.length; i++) {
    for (let j = i + 1; j < order.length; j++) {
      pairs++;
      if (key.position(q.id, order[i]!) < key.position(q.id, order[j]!)) concordant++;
    }
  }
  if (concordant === pairs) return { status: 'passed', score: q.points, message: `The order is right. ${q.feedback.right}` };
  return { status: 'failed', score: roundScore((q.points * concordant) / pairs), message: `${concordant} of ${pairs} pairs are in the right order. ${q.feedback.wrong}` };
}
