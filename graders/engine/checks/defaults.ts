/**
 * The defaults in a function's signature are part of what the course asks
 * for: `model(X, Y, numIterations = 2000, learningRate = 0.5)` is called
 * without them by the course's own code, and a learner who changed one trains
 * another model. The expected values are read from the reference solution
 * when fixtures are generated (stored in the public fixtures), the learner's
 * from their function's source text (CallOptions.signatureOnly, nothing run),
 * and compared position by position.
 *
 * Only plain literals are compared (numbers, strings, booleans, null): a
 * default that is an expression or a named constant, or a parameter without
 * one, is not judged, so no correct way of writing a signature can fail.
 */
import fc from 'fast-check';
import { property, type PropertyCheckDef } from '../define';
import { violated } from './violation';

export type Literal = number | string | boolean | null;

export interface ParamDefault {
  /** The parameter's position (0-based): calls pass arguments by position. */
  index: number;
  name: string;
  value: Literal;
}

/** A parameter as written in the source: its name ('' when destructured) and its default, when that is a literal. */
interface Param {
  name: string;
  literal?: { value: Literal };
}

/**
 * The parameters of a function from its source text (what Function.prototype.toString gives for a function
 * declaration, a function expression, a method or an arrow function); undefined when the text is not one of them.
 */
export function readParams(source: string): Param[] | undefined {
  const text = source.trimStart();
  // A single-parameter arrow without parentheses: `x => …` (no default possible).
  const bare = /^(?:async\s+)?([A-Za-z_$][\w$]*)\s*=>/.exec(text);
  if (bare) return [{ name: bare[1]! }];
  const open = text.indexOf('(');
  if (open < 0) return undefined;
  const list = balanced(text, open);
  if (list === undefined) return undefined;
  return splitTopLevel(list)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map(readParam);
}

function readParam(text: string): Param {
  const eq = topLevelAssignment(text);
  const left = (eq < 0 ? text : text.slice(0, eq)).trim();
  const name = /^(?:\.\.\.)?([A-Za-z_$][\w$]*)$/.exec(left)?.[1] ?? '';
  if (eq < 0) return { name };
  const literal = readLiteral(text.slice(eq + 1).trim());
  return literal ? { name, literal } : { name };
}

/** A plain literal default, or undefined for anything else (an expression, a constant's name, an object). */
export function readLiteral(text: string): { value: Literal } | undefined {
  if (text === 'true' || text === 'false') return { value: text === 'true' };
  if (text === 'null') return { value: null };
  if (/^[-+]?(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:e[-+]?\d+)?$/i.test(text)) {
    const n = Number(text.replace(/_/g, ''));
    return Number.isFinite(n) ? { value: n } : undefined;
  }
  // A string without escapes or interpolation (anything else is not judged).
  const quoted = /^(['"`])([^\\$'"`]*)\1$/.exec(text);
  if (quoted) return { value: quoted[2]! };
  return undefined;
}

/** The defaults of a function's source text that are plain literals, by position. */
export function literalDefaults(source: string): ParamDefault[] {
  const params = readParams(source) ?? [];
  const out: ParamDefault[] = [];
  params.forEach((p, index) => {
    if (p.literal) out.push({ index, name: p.name, value: p.literal.value });
  });
  return out;
}

/** The text between the bracket at `open` and its match, skipping strings, template literals and comments. */
function balanced(text: string, open: number): string | undefined {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    const skip = skipQuotedOrComment(text, i);
    if (skip !== i) {
      i = skip - 1;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return text.slice(open + 1, i);
    }
  }
  return undefined;
}

/** Where a string, template literal or comment starting at i ends (i itself when none starts there). */
function skipQuotedOrComment(text: string, i: number): number {
  const c = text[i]!;
  if (c === '/' && text[i + 1] === '/') {
    const end = text.indexOf('\n', i);
    return end < 0 ? text.length : end;
  }
  if (c === '/' && text[i + 1] === '*') {
    const end = text.indexOf('*/', i + 2);
    return end < 0 ? text.length : end + 2;
  }
  if (c === '"' || c === "'" || c === '`') {
    for (let j = i + 1; j < text.length; j++) {
      if (text[j] === '\\') j++;
      else if (text[j] === c) return j + 1;
    }
    return text.length;
  }
  return i;
}

/**
 * Calls `visit` with each character outside strings, template literals and comments, and its bracket depth;
 * stops at the first position `visit` returns true for, and returns it (-1 when none).
 */
function scanTopLevel(text: string, visit: (c: string, i: number, depth: number) => boolean | void): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const skip = skipQuotedOrComment(text, i);
    if (skip !== i) {
      i = skip - 1;
      continue;
    }
    const c = text[i]!;
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (visit(c, i, depth)) return i;
  }
  return -1;
}

function splitTopLevel(list: string): string[] {
  const parts: string[] = [];
  let start = 0;
  scanTopLevel(list, (c, i, depth) => {
    if (c !== ',' || depth !== 0) return;
    parts.push(list.slice(start, i));
    start = i + 1;
  });
  parts.push(list.slice(start));
  return parts.map(stripComments);
}

function stripComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const skip = skipQuotedOrComment(text, i);
    if (skip !== i && text[i] === '/') {
      i = skip - 1;
      continue;
    }
    if (skip !== i) {
      out += text.slice(i, skip);
      i = skip - 1;
      continue;
    }
    out += text[i];
  }
  return out;
}

/** The position of a parameter's default `=` (not `==`, `=>`, or one inside brackets), or -1. */
function topLevelAssignment(text: string): number {
  return scanTopLevel(text, (c, i, depth) => c === '=' && depth === 0 && text[i + 1] !== '=' && text[i + 1] !== '>' && !'=!<>'.includes(text[i - 1] ?? ''));
}

const show = (v: Literal) => (typeof v === 'string' ? JSON.stringify(v) : String(v));

/** The hint a wrong default gets: names the parameter and the course's value, so a mutant can be recorded against it. */
export function defaultHint(d: ParamDefault): string {
  return `Keep the defaults the stub's signature gives: ${d.name || `parameter ${d.index + 1}`} = ${show(d.value)}. The course's own code calls this function without that argument.`;
}

export const DEFAULTS_CHECK = 'the signature\'s defaults';

/**
 * One point: the learner's literal defaults are the course's. A parameter the learner wrote without a literal
 * default (a named constant, `?:` with `??=` in the body) is not judged.
 */
export function defaultsCheck(fn: string, expected: ParamDefault[]): PropertyCheckDef<null> {
  const listed = expected.map((d) => `${d.name} = ${show(d.value)}`).join(', ');
  return property({
    name: DEFAULTS_CHECK,
    points: 1,
    claim: `${fn}'s signature keeps the course's defaults (${listed})`,
    inputs: fc.constant(null),
    numRuns: 1,
    show: () => `${fn}'s signature`,
    holds: async (_input, ctx) => {
      const source = await ctx.call(fn, [], { signatureOnly: true });
      if (typeof source !== 'string') return;
      const params = readParams(source);
      if (!params) return;
      for (const d of expected) {
        const p = params[d.index];
        if (!p?.literal) continue;
        if (!sameLiteral(p.literal.value, d.value)) {
          const name = p.name || d.name;
          violated(`in your signature ${name} defaults to ${show(p.literal.value)}; the course's default is ${show(d.value)}.`, defaultHint(d));
        }
      }
    },
  });
}

/** Literals as written: 0.0007 and 7e-4 are one number (the bundler may print either). */
function sameLiteral(a: Literal, b: Literal): boolean {
  return a === b;
}
