/**
 * Expected outputs in the instructions, generated from the reference solution
 * (`npm run examples`, checked by `npm run validate`).
 *
 * An assignment's instructions (exercises/<id>.md) show example calls with what
 * they print, as the course's notebooks do. Each example is a region between
 * two HTML comments (invisible once rendered):
 *
 *     <!-- example: computeCost -->
 *     ```ts
 *     np.random.seed(1);
 *     const Y = tf.tensor2d(np.random.randn(1, 3).map((v) => (v > 0 ? 1 : 0)), [1, 3]);
 *     console.log(computeCost(tf.tensor2d([[0.5002307, 0.49985831, 0.50023963]]), Y));
 *     ```
 *
 *     Expected output:
 *
 *     ```text
 *     0.69305873
 *     ```
 *     <!-- /example -->
 *
 * The `ts` block (the call) is written by hand. Everything after it, up to the
 * closing comment, is generated: the call runs in this process against the
 * reference solution (solutions/<id>.ts, trusted code) and what it prints with
 * `console.log` becomes the expected output. Nothing outside those generated
 * parts is ever rewritten. The first word after `example:` names the function
 * shown (the solution must export it); the rest of the label is free text.
 * A region may be indented (inside a list item): its lines carry the indent of
 * the opening comment.
 *
 * In a call, `tf`, `np` (lib/np-random.ts) and every export of the assignment
 * are in scope, as in the learner's own file; other modules are imported with
 * `import … from '…'` lines written as the learner's file would write them
 * (relative imports resolve next to the reference solution, which mirrors
 * exercises/). `np.random` is reseeded with 0 before each call, so no example
 * depends on another. Printing is deterministic: TensorFlow.js on its CPU
 * backend, tensors as nested arrays of values rounded to TENSOR_DIGITS
 * significant digits (they are float32: rounding keeps float32 noise out),
 * plain numbers to NUMBER_DIGITS.
 */
import type * as TF from '@tensorflow/tfjs';
import { transformSync, type TransformFailure } from 'esbuild';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadTf, onSandboxBackend } from '../engine/in-process';
import { assignmentFiles } from '../engine/registry';

/** Significant digits of a tensor's values (float32 carries about 7). */
export const TENSOR_DIGITS = 6;
/** Significant digits of a plain number. */
export const NUMBER_DIGITS = 7;
/** A printed tensor holds at most this many values: print a slice, a mean or a shape instead. */
export const MAX_TENSOR_VALUES = 120;
/** An example should take less than this (ms); the CLI warns about slower ones. */
export const SLOW_MS = 2000;

/** One example region of an instructions file. */
export interface Example {
  /** What follows `example:` in the opening comment. */
  label: string;
  /** The function shown: the label's first word. */
  fn: string;
  /** 1-based line of the opening comment. */
  line: number;
  /** 1-based line of the call's first line. */
  codeLine: number;
  /** The opening comment's indentation, carried by every line of the region. */
  indent: string;
  /** The call (the `ts` block), without the indentation. */
  code: string;
  /** The expected output the file shows now, if any. */
  expected?: string;
  /** [start, end): the generated part of the file, from after the call's block to the closing comment. */
  generated: [number, number];
  /** The file's line ending, as the call's block ends. */
  eol: string;
}

/** An example that cannot be parsed or run; its message names the file, the line and the function. */
export class ExampleError extends Error {
  override name = 'ExampleError';
}

export type ExampleStatus = 'fresh' | 'stale' | 'broken';

export interface ExampleOutcome {
  example: Example;
  status: ExampleStatus;
  /** What the call prints, when it ran. */
  output?: string;
  /** Why the example is broken. */
  message?: string;
  ms: number;
}

export interface AssignmentExamples {
  id: string;
  /** The instructions file, absolute and relative to the root. */
  file: string;
  rel: string;
  /** A problem with the whole file (unparseable markers, a solution that does not load). */
  error?: string;
  outcomes: ExampleOutcome[];
  /** The file as it is, and with every example that ran regenerated. */
  text: string;
  updated: string;
}

const OPEN = /^([ \t]*)<!--\s*example:\s*(.*?)\s*-->\s*$/;
const CLOSE = /^[ \t]*<!--\s*\/example\s*-->\s*$/;
const ANY_MARKER = /^[ \t]*<!--\s*\/?example\b/;
const FENCE = /^[ \t]*(`{3,}|~{3,})(.*)$/;
const IDENT = /^[A-Za-z_$][\w$]*$/;

interface Line {
  text: string;
  start: number;
  /** Offset after the line ending. */
  end: number;
  eol: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /([^\n]*)(\n|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < text.length) {
    const raw = m[1]!;
    const cr = raw.endsWith('\r');
    lines.push({ text: cr ? raw.slice(0, -1) : raw, start: m.index, end: m.index + m[0].length, eol: m[2] ? (cr ? '\r\n' : '\n') : '' });
  }
  return lines;
}

/** A line without the region's indentation (a shorter indentation is removed as far as it goes). */
function unindent(line: string, indent: string): string {
  if (line.startsWith(indent)) return line.slice(indent.length);
  const lead = /^[ \t]*/.exec(line)![0];
  return line.slice(Math.min(lead.length, indent.length));
}

function closesFence(line: string, open: string): boolean {
  const m = FENCE.exec(line);
  return !!m && m[1]![0] === open[0] && m[1]!.length >= open.length && m[2]!.trim() === '';
}

/** The example regions of an instructions file, in order. Throws an ExampleError for malformed markers. */
export function parseExamples(text: string, file: string): Example[] {
  const lines = splitLines(text);
  const examples: Example[] = [];
  const fail = (i: number, message: string): never => {
    throw new ExampleError(`${file}:${i + 1}: ${message}`);
  };
  let fence: string | undefined; // an open code block outside the regions: markers in it are text
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (fence) {
      if (closesFence(text, fence)) fence = undefined;
      continue;
    }
    const f = FENCE.exec(text);
    if (f) {
      fence = f[1]!;
      continue;
    }
    if (CLOSE.test(text)) fail(i, 'an example closes here that was never opened');
    const open = OPEN.exec(text);
    if (!open) {
      if (ANY_MARKER.test(text)) fail(i, 'write an example\'s opening comment as "<!-- example: functionName -->"');
      continue;
    }
    const [, indent = '', label = ''] = open;
    const fn = /^[A-Za-z_$][\w$]*/.exec(label)?.[0];
    if (!fn) fail(i, `the example "${label}" must start with the name of the function it shows`);
    const start = i;
    let j = i + 1;
    while (j < lines.length && lines[j]!.text.trim() === '') j++;
    const codeFence = j < lines.length ? /^(`{3,}|~{3,})\s*(ts|typescript)\s*$/.exec(unindent(lines[j]!.text, indent)) : null;
    if (!codeFence) fail(start, `example ${label}: a \`\`\`ts block (the call) must follow the opening comment`);
    const codeLines: string[] = [];
    const codeLine = j + 2;
    for (j++; j < lines.length && !closesFence(lines[j]!.text, codeFence![1]!); j++) codeLines.push(unindent(lines[j]!.text, indent));
    if (j >= lines.length) fail(start, `example ${label}: its \`\`\`ts block is never closed`);
    const generatedStart = lines[j]!.end;
    const eol = lines[j]!.eol || '\n';
    let expected: string | undefined;
    for (j++; j < lines.length && !CLOSE.test(lines[j]!.text); j++) {
      const t = lines[j]!.text;
      if (OPEN.test(t)) fail(start, `example ${label} is not closed (with "<!-- /example -->") before the next one opens`);
      const out = expected === undefined ? /^(`{3,}|~{3,})\s*text\s*$/.exec(unindent(t, indent)) : null;
      if (out) {
        const body: string[] = [];
        for (j++; j < lines.length && !closesFence(lines[j]!.text, out[1]!); j++) body.push(unindent(lines[j]!.text, indent));
        expected = body.join('\n');
        if (j >= lines.length) break;
      }
    }
    if (j >= lines.length) fail(start, `example ${label} is never closed: end it with "<!-- /example -->"`);
    examples.push({ label, fn: fn!, line: start + 1, codeLine, indent, code: codeLines.join('\n'), expected, generated: [generatedStart, lines[j]!.start], eol });
    i = j;
  }
  return examples;
}

/** The generated part of an example: its expected output, indented like the region. */
export function renderOutput(example: Pick<Example, 'indent' | 'eol'>, output: string): string {
  const { indent, eol } = example;
  const longest = Math.max(2, ...(output.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const body = output
    .split('\n')
    .map((l) => (l ? indent + l : ''))
    .join(eol);
  return `${eol}${indent}Expected output:${eol}${eol}${indent}${fence}text${eol}${body}${eol}${indent}${fence}${eol}`;
}

/** `text` with the generated parts of some examples replaced; nothing else changes. */
export function replaceOutputs(text: string, replacements: { example: Example; output: string }[]): string {
  let out = '';
  let at = 0;
  for (const { example, output } of [...replacements].sort((a, b) => a.example.generated[0] - b.example.generated[0])) {
    const [start, end] = example.generated;
    out += text.slice(at, start) + renderOutput(example, output);
    at = end;
  }
  return out + text.slice(at);
}

// ---------------------------------------------------------------------------
// Printing
// ---------------------------------------------------------------------------

/** x to `digits` significant digits, in JavaScript's shortest form; integers and −0 as integers. */
export function formatNumber(x: number, digits: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && Math.abs(x) < 1e21) return String(x === 0 ? 0 : x);
  const r = Number(x.toPrecision(digits));
  return String(r === 0 ? 0 : r);
}

const WIDTH = 76;

/** `[a, b, …]` with as many items to a line as fit in WIDTH, the next lines indented by `indent` + 1. */
function wrapped(items: string[], indent: number): string {
  const lines: string[] = [];
  let current = '';
  items.forEach((item, k) => {
    const piece = k < items.length - 1 ? `${item},` : item;
    if (current && indent + 1 + current.length + 1 + piece.length > WIDTH) {
      lines.push(current);
      current = piece;
    } else current = current ? `${current} ${piece}` : piece;
  });
  lines.push(current);
  return `[${lines.join(`\n${' '.repeat(indent + 1)}`)}]`;
}

function nestedArray(a: unknown, depth: number): string {
  if (!Array.isArray(a)) return typeof a === 'number' ? formatNumber(a, TENSOR_DIGITS) : String(a);
  if (!a.some(Array.isArray)) return wrapped(a.map((x) => nestedArray(x, depth + 1)), depth - 1);
  return `[${a.map((x) => nestedArray(x, depth + 1)).join(`,\n${' '.repeat(depth)}`)}]`;
}

function formatTensor(t: TF.Tensor): string {
  if (t.isDisposed) return '[a disposed tensor]';
  if (t.size > MAX_TENSOR_VALUES) {
    throw new ExampleError(
      `it prints a tensor of shape [${t.shape.join(', ')}] (${t.size} values, more than ${MAX_TENSOR_VALUES}): print a slice, a mean or its shape instead`,
    );
  }
  return nestedArray(t.arraySync(), 1);
}

function list(open: string, close: string, items: string[]): string {
  if (!items.length) return open.trim() + close.trim();
  const oneLine = `${open}${items.join(', ')}${close}`;
  if (!oneLine.includes('\n') && oneLine.length <= WIDTH) return oneLine;
  // A long list of short values: as many to a line as fit, as numpy prints a long vector.
  if (open === '[' && !items.some((item) => item.includes('\n'))) return wrapped(items, 0);
  const indented = items.map((item) => '  ' + item.split('\n').join('\n  '));
  return `${open.trim()}\n${indented.join(',\n')}\n${close.trim()}`;
}

function formatAny(v: unknown, tf: typeof TF, seen: Set<object>): string {
  if (v instanceof tf.Tensor) return formatTensor(v);
  if (typeof v === 'number') return formatNumber(v, NUMBER_DIGITS);
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  if (typeof v === 'function') return `[Function ${v.name || '(anonymous)'}]`;
  if (typeof v !== 'object' || v === null) return String(v);
  if (seen.has(v)) return '[Circular]';
  seen.add(v);
  try {
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return list('[', ']', Array.from(v as unknown as ArrayLike<number>, (x) => formatAny(x, tf, seen)));
    if (Array.isArray(v)) return list('[', ']', v.map((x) => formatAny(x, tf, seen)));
    const items = Object.entries(v).map(([k, x]) => {
      const key = IDENT.test(k) ? k : formatAny(k, tf, seen);
      return `${key}: ${formatAny(x, tf, seen).split('\n').join(`\n${' '.repeat(key.length + 2)}`)}`;
    });
    return list('{ ', ' }', items);
  } finally {
    seen.delete(v);
  }
}

/** How an example prints a value: tensors as nested arrays, numbers rounded, arrays and objects like JavaScript's. */
export function formatValue(v: unknown, tf: typeof TF): string {
  return formatAny(v, tf, new Set());
}

/** Decimals longer than NUMBER_DIGITS significant digits inside printed text (a solution's own messages). */
const LONG_DECIMAL = /(?<![\w.])\d+\.\d+(?:e[+-]?\d+)?(?![\w.])/g;

function roundDecimals(text: string): string {
  return text.replace(LONG_DECIMAL, (d) => (d.replace(/^0+|\.|e.*$/g, '').replace(/^0+/, '').length > NUMBER_DIGITS ? formatNumber(Number(d), NUMBER_DIGITS) : d));
}

/**
 * One console.log line: strings as they are, other values formatted, separated
 * by spaces; a multi-line value's lines align under its first one. Decimals in
 * the text longer than NUMBER_DIGITS significant digits are rounded too.
 */
export function formatLine(parts: unknown[], tf: typeof TF): string {
  let line = '';
  parts.forEach((p, i) => {
    if (i) line += ' ';
    const column = line.length - line.lastIndexOf('\n') - 1;
    const text = typeof p === 'string' ? p : formatValue(p, tf).split('\n').join(`\n${' '.repeat(column)}`);
    line += text;
  });
  return roundDecimals(line);
}

// ---------------------------------------------------------------------------
// Running
// ---------------------------------------------------------------------------

interface Context {
  root: string;
  id: string;
  rel: string;
  tf: typeof TF;
  np: { random: { seed(n: number): void } };
  solution: Record<string, unknown>;
}

async function importFile(file: string): Promise<Record<string, unknown>> {
  return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
}

async function loadContext(root: string, id: string, rel: string): Promise<Context> {
  const tf = await loadTf();
  const npFile = path.join(root, 'lib', 'np-random.ts');
  const solutionFile = assignmentFiles(root, id).solution;
  const load = async (file: string) => {
    try {
      return await importFile(file);
    } catch (err) {
      throw new ExampleError(`${rel}: the examples cannot run: ${path.relative(root, file)} does not load: ${(err as Error).message}`);
    }
  };
  if (!existsSync(solutionFile)) throw new ExampleError(`${rel}: the examples cannot run: ${path.relative(root, solutionFile)} is missing`);
  const { np } = (await load(npFile)) as { np: Context['np'] };
  return { root, id, rel, tf, np, solution: await load(solutionFile) };
}

interface ImportLine {
  spec: string;
  clause: string;
}

/** The call's import lines, blanked out of its code (so line numbers stay). */
function splitImports(code: string): { imports: ImportLine[]; body: string } {
  const imports: ImportLine[] = [];
  const body = code.replace(/^[ \t]*import\s+(type\s+)?([^;'"]*?)\s*from\s*(['"])([^'"]+)\3[ \t]*;?[ \t]*$/gm, (whole, type, clause: string, _q, spec: string) => {
    if (!type) imports.push({ spec, clause: clause.trim() });
    return whole.replace(/[^\n]/g, '');
  });
  return { imports, body };
}

async function resolveImport(ctx: Context, spec: string): Promise<Record<string, unknown>> {
  if (spec === '@tensorflow/tfjs') return ctx.tf as unknown as Record<string, unknown>;
  if (!spec.startsWith('.')) return (await import(spec)) as Record<string, unknown>;
  // Relative to the reference solution: solutions/ mirrors exercises/, so `./other-assignment`
  // is its reference solution and `../../../lib/…` the same library the learner imports.
  const base = path.resolve(ctx.root, 'solutions', path.dirname(ctx.id), spec.replace(/\.js$/, ''));
  const file = [base, `${base}.ts`, path.join(base, 'index.ts')].find((f) => existsSync(f) && statSync(f).isFile());
  if (!file) throw new Error(`cannot resolve '${spec}'`);
  return importFile(file);
}

/** Binds the names an import clause brings in. */
function bind(scope: Map<string, unknown>, clause: string, mod: Record<string, unknown>, spec: string): void {
  const named = /\{([^}]*)\}/.exec(clause);
  const rest = clause.replace(/\{[^}]*\}/, '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const part of rest) {
    const ns = /^\*\s+as\s+([\w$]+)$/.exec(part);
    if (ns) scope.set(ns[1]!, mod);
    else if (IDENT.test(part)) scope.set(part, mod.default);
    else throw new Error(`cannot read the import clause "${clause}"`);
  }
  for (const item of named?.[1]!.split(',').map((s) => s.trim()).filter(Boolean) ?? []) {
    if (item.startsWith('type ')) continue;
    const [name, alias = name] = item.split(/\s+as\s+/).map((s) => s.trim()) as [string, string?];
    if (!(name in mod)) throw new Error(`'${spec}' does not export ${name}`);
    scope.set(alias, mod[name]);
  }
}

const RESERVED = new Set(['default', 'await', 'arguments', 'eval', 'yield', 'let', 'static', 'enum', 'implements', 'interface', 'package', 'private', 'protected', 'public']);

/** Runs one example's call against the reference solution; returns what it prints. Throws an ExampleError. */
async function runExample(ctx: Context, example: Example): Promise<string> {
  const { tf } = ctx;
  const where = `${ctx.rel}:${example.line}: example ${example.label}`;
  if (typeof ctx.solution[example.fn] !== 'function') {
    throw new ExampleError(`${where}: ${example.fn} is not a function that ${path.relative(ctx.root, assignmentFiles(ctx.root, ctx.id).solution)} exports`);
  }
  const { imports, body } = splitImports(example.code);
  const scope = new Map<string, unknown>([
    ['tf', tf],
    ['np', ctx.np],
    ...Object.entries(ctx.solution).filter(([k]) => IDENT.test(k) && !RESERVED.has(k)),
  ]);
  for (const { spec, clause } of imports) {
    try {
      bind(scope, clause, await resolveImport(ctx, spec), spec);
    } catch (err) {
      throw new ExampleError(`${where}: import from '${spec}' fails: ${(err as Error).message}`);
    }
  }
  let js: string;
  try {
    js = transformSync(`async function __example__() {\n${body}\n}`, { loader: 'ts', target: 'es2022' }).code;
  } catch (err) {
    const e = (err as TransformFailure).errors?.[0];
    const line = e?.location ? example.codeLine + e.location.line - 2 : example.line;
    throw new ExampleError(`${ctx.rel}:${line}: example ${example.label} does not compile: ${e?.text ?? (err as Error).message}`);
  }
  const run = new Function(...scope.keys(), `${js}\nreturn __example__();`) as (...args: unknown[]) => Promise<void>;
  const printed: string[] = [];
  const log = console.log;
  console.log = (...parts: unknown[]) => void printed.push(formatLine(parts, tf));
  ctx.np.random.seed(0);
  tf.engine().startScope();
  try {
    await run(...scope.values());
  } catch (err) {
    const e = err as Error;
    const what = e instanceof ExampleError ? e.message : `throws ${e?.name ?? 'Error'}: ${e?.message ?? String(err)}`;
    throw new ExampleError(`${where} (${example.fn} of the reference solution): ${what}`);
  } finally {
    console.log = log;
    tf.engine().endScope();
  }
  const output = printed
    .join('\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n+$/, '');
  if (!output.trim()) throw new ExampleError(`${where}: prints nothing; show the result with console.log`);
  return output;
}

/**
 * Runs an assignment's examples (those whose label starts with one of `only`,
 * when given) and compares what they print with the file.
 */
export async function runAssignmentExamples(root: string, id: string, options: { only?: string[] } = {}): Promise<AssignmentExamples> {
  // Printed as `npm run try` prints them: computed on the sandbox's backend.
  return onSandboxBackend(() => runOnCurrentBackend(root, id, options));
}

async function runOnCurrentBackend(root: string, id: string, options: { only?: string[] }): Promise<AssignmentExamples> {
  const file = assignmentFiles(root, id).instructions;
  const rel = path.relative(root, file);
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const result: AssignmentExamples = { id, file, rel, outcomes: [], text, updated: text };
  if (!existsSync(file)) return { ...result, error: `${rel} is missing` };
  let examples: Example[];
  try {
    examples = parseExamples(text, rel).filter((e) => !options.only || options.only.includes(e.fn));
  } catch (err) {
    return { ...result, error: (err as Error).message };
  }
  if (!examples.length) return result;
  let ctx: Context;
  try {
    ctx = await loadContext(root, id, rel);
  } catch (err) {
    return { ...result, error: (err as Error).message };
  }
  const fresh: { example: Example; output: string }[] = [];
  for (const example of examples) {
    const started = performance.now();
    try {
      const output = await runExample(ctx, example);
      const status = text.slice(...example.generated) === renderOutput(example, output) ? 'fresh' : 'stale';
      result.outcomes.push({ example, status, output, ms: performance.now() - started });
      fresh.push({ example, output });
    } catch (err) {
      const message = err instanceof ExampleError ? err.message : `${rel}:${example.line}: example ${example.label}: ${(err as Error).message}`;
      result.outcomes.push({ example, status: 'broken', message, ms: performance.now() - started });
    }
  }
  result.updated = replaceOutputs(text, fresh);
  return result;
}

/**
 * For `npm run validate`: one line per example of the assignment whose expected
 * output is not what the reference solution prints, or which does not run.
 * An assignment without instructions or without examples has none.
 */
export async function staleExamples(root: string, id: string): Promise<string[]> {
  if (!existsSync(assignmentFiles(root, id).instructions)) return [];
  const r = await runAssignmentExamples(root, id);
  if (r.error) return [r.error];
  return r.outcomes
    .filter((o) => o.status !== 'fresh')
    .map((o) =>
      o.status === 'stale'
        ? `${r.rel}:${o.example.line}: the expected output of example ${o.example.label} is stale (run \`npm run examples -- ${id}\`)`
        : o.message!,
    );
}

/** Regenerates an assignment's expected outputs in place (only inside the example regions); broken examples stay as they are. */
export async function updateExamples(root: string, id: string, options: { only?: string[] } = {}): Promise<AssignmentExamples> {
  const r = await runAssignmentExamples(root, id, options);
  if (!r.error && r.updated !== r.text) writeFileSync(r.file, r.updated);
  return r;
}
