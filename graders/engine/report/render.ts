import Handlebars from 'handlebars/runtime';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../paths';
import { compiledModule, contentKey, packageVersion } from '../compiled-cache';
import { formatNumber } from '../ndarray';
import { githubClassroomBase64, toGradescope, toJunit } from './formats';
import type { GradeReport } from './model';

/**
 * wrap-ansi, loaded only for terminal reports (loadTerminalRendering): ~8 ms that a JSON or HTML report, or a
 * test, need not pay. Version 7 on purpose (graders/types/wrap-ansi.d.ts): later ones cost ~60 ms to load.
 */
let wrapAnsi: typeof import('wrap-ansi').default | undefined;
let wrapLoading: Promise<void> | undefined;

/** Loads what the terminal report needs; renderReportAsync does it, renderReport(…, 'terminal') needs it done. */
export function loadTerminalRendering(): Promise<void> {
  return (wrapLoading ??= import('wrap-ansi').then((m) => {
    wrapAnsi = m.default;
  }));
}

export type ReportFormat = 'terminal' | 'md' | 'html' | 'json' | 'gradescope' | 'junit' | 'github';

const ANSI = { bold: '1', dim: '2', red: '31', green: '32', yellow: '33', cyan: '36' } as const;
type Style = keyof typeof ANSI;

/** One Handlebars instance per color mode and width: the terminal template colors and wraps through helpers. */
function engine(color: boolean, width = 100, base: typeof Handlebars = Handlebars): typeof Handlebars {
  const hb = base.create();
  const paint = (style: Style, text: string) => (color ? `\x1b[${ANSI[style]}m${text}\x1b[0m` : text);
  const fraction = (score: number, max: number) => (max > 0 ? score / max : 1);
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hb.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).join(''));
  hb.registerHelper('lines', (...args: unknown[]) => args.slice(0, -1).join('\n'));
  hb.registerHelper('join', (xs: unknown[]) => (Array.isArray(xs) ? xs.join(', ') : ''));
  hb.registerHelper('gt', (a: number, b: number) => a > b);
  hb.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  // Across assignments: the first wrong function anywhere, else the first one not started.
  hb.registerHelper('nextUpAll', (assignments: { file: string; exercises: { name: string; status: string }[] }[]) => {
    for (const wanted of [['failed', 'partial'], ['not-attempted']]) {
      for (const a of assignments) {
        const e = a.exercises.find((x) => wanted.includes(x.status));
        if (e) return `${e.name} in ${a.file} (instructions: ${a.file.replace(/\.(ts|answers)$/, '.md')})`;
      }
    }
    return '';
  });
  type Ex = { name: string; status: string };
  hb.registerHelper('allNotAttempted', (xs: Ex[]) => xs.length > 0 && xs.every((e) => e.status === 'not-attempted'));
  hb.registerHelper('notAttemptedNames', (xs: Ex[]) => xs.filter((e) => e.status === 'not-attempted').map((e) => e.name).join(', '));
  hb.registerHelper('bold', (t: string) => paint('bold', t));
  hb.registerHelper('dim', (t: string) => paint('dim', t));
  hb.registerHelper('pad', (t: string, n: number) => t.padEnd(n));
  // Infinity arrives as null from JSON-shaped data: a missing or misshapen gradient.
  hb.registerHelper('num', (x: number | null) => (x === null ? '∞' : formatNumber(x)));
  hb.registerHelper('percent', (s: number, m: number) => `${Math.round(fraction(s, m) * 1000) / 10}%`);
  hb.registerHelper('scoreColor', (s: number, m: number) => {
    const f = fraction(s, m);
    return paint(f >= 1 ? 'green' : f > 0 ? 'yellow' : 'red', `${s} / ${m}`);
  });
  const marks: Record<string, [string, Style]> = {
    passed: ['✔', 'green'],
    partial: ['◐', 'yellow'],
    failed: ['✘', 'red'],
    error: ['!', 'red'],
    timeout: ['⏱', 'red'],
    'not-attempted': ['·', 'dim'],
    skipped: ['-', 'dim'],
  };
  const mark = (status: string) => {
    const [symbol, style] = marks[status] ?? ['?', 'dim'];
    return paint(style, symbol);
  };
  hb.registerHelper('statusMark', mark);
  // Where a learner goes next: the first function not attempted yet.
  // What to work on next: the first function that is wrong, before the first one not started.
  hb.registerHelper(
    'nextUp',
    (exercises: { name: string; status: string }[]) =>
      (exercises.find((e) => e.status === 'failed' || e.status === 'partial') ?? exercises.find((e) => e.status === 'not-attempted'))?.name ?? '',
  );
  hb.registerHelper('instructionsOf', (file: string) => file.replace(/\.(ts|answers)$/, '.md'));
  hb.registerHelper('checkMark', mark);
  hb.registerHelper('indent', (text: string, n: number, style?: unknown) => {
    const pad = ' '.repeat(n);
    // Wrapped at words to the terminal's width, continuation lines keeping the indentation (and their own).
    const lines = String(text)
      .trimEnd()
      .split('\n')
      .flatMap((l) => {
        const own = /^\s*/.exec(l)![0];
        return wrapAnsi!(l.slice(own.length), Math.max(20, width - n - own.length), { hard: true, trim: true })
          .split('\n')
          .map((w) => pad + own + w);
      })
      .join('\n');
    return typeof style === 'string' && style in ANSI ? paint(style as Style, lines) : lines;
  });
  hb.registerHelper('mdQuote', (text: string) =>
    mdText(String(text).trimEnd())
      .split('\n')
      .map((l) => `  > ${l}`)
      .join('\n'),
  );
  hb.registerHelper('mdText', (text: string) => mdText(String(text)));
  hb.registerHelper('mdFence', (text: string, n: number) => mdFence(String(text), n));
  return hb;
}

/**
 * Text for Markdown outside code: messages carry what learner code threw or
 * returned, so nothing in them may become markup — no HTML or comments, links,
 * images, headings, tables or emphasis, and no code fence that swallows what
 * follows. Inline `code` spans stay (they cannot escape their line). This
 * Markdown is also a pull request's job summary and comment, where GitHub
 * links more than Markdown does: a zero-width joiner after `@` and `#` keeps
 * `@user`, `@org/team`, an e-mail address and `#12` from becoming a mention
 * or a reference, `:\/\/` and `www\.` from becoming links, and bidi controls
 * (which reorder what a reader sees) are shown as ⟨U+202E⟩.
 */
export function mdText(text: string): string {
  const md = text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\[\]()!*_#|~{}+=])/g, '\\$1')
    .replace(/`{3,}/g, (run) => run.split('').map((c) => `\\${c}`).join(''))
    .replace(/^(\s*)-/gm, '$1\\-')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2')
    .replace(/([@#])(?=[\p{L}\p{N}_])/gu, '$1\u200d')
    .replace(/:\/\//g, ':\\/\\/')
    .replace(/(www)\./gi, '$1\\.');
  return showBidi(md);
}

/** Bidi embedding, override and isolate controls, shown by their code point (they reorder the text around them). */
export function showBidi(text: string): string {
  return BIDI.test(text) ? text.replace(BIDI_ALL, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase()}⟩`) : text;
}
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
const BIDI_ALL = /[\u202a-\u202e\u2066-\u2069]/g;

/** A fenced code block whose fence is longer than any run of backticks inside it, so the text cannot close it. */
export function mdFence(text: string, indent = 0): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const pad = ' '.repeat(indent);
  const body = text.trimEnd().split('\n').map((l) => pad + l).join('\n');
  return `${pad}${fence}\n${body}\n${pad}${fence}`;
}

const cache = new Map<string, HandlebarsTemplateDelegate>();

// The template compiler is loaded only when a template's compiled code is not kept yet (compiled-cache.ts):
// with it, Handlebars is ~0.2 MB more JavaScript for every run to load. A plain require, left to Node.
const requireHere = createRequire(import.meta.url);
const compiler = () => requireHere('handlebars') as typeof Handlebars;

function template(name: string, color: boolean, escape: boolean, width?: number): HandlebarsTemplateDelegate {
  const key = `${name}:${color}:${width}`;
  let t = cache.get(key);
  if (!t) {
    const source = readFileSync(path.join(repoRoot, 'templates', 'report', name), 'utf8');
    const options = { noEscape: !escape, strict: false };
    // Precompiled once and kept on disk (compiled-cache.ts): compiling three templates is a noticeable part of a grade.
    const spec = compiledModule('template', contentKey(packageVersion('handlebars'), JSON.stringify(options), source), () => `module.exports = ${compiler().precompile(source, options)};\n`);
    t = spec ? engine(color, width).template(spec as Parameters<typeof Handlebars.template>[0]) : engine(color, width, compiler()).compile(source, options);
    cache.set(key, t);
  }
  return t;
}

export function renderReport(report: GradeReport, format: ReportFormat, options: { color?: boolean; seconds?: number; width?: number } = {}): string {
  switch (format) {
    case 'gradescope':
      return JSON.stringify(toGradescope(report, options.seconds ?? 0), null, 2) + '\n';
    case 'junit':
      return toJunit(report);
    case 'github':
      return githubClassroomBase64(report) + '\n';
    case 'json':
      return JSON.stringify(report, null, 2) + '\n';
    case 'terminal':
      if (!wrapAnsi) throw new Error("renderReport(report, 'terminal') needs loadTerminalRendering() to have finished: use renderReportAsync.");
      // Several assignments: a summary first, and untouched ones (or functions) folded into a line.
      return template('terminal.hbs', options.color ?? false, false, options.width)({ ...visibleControls(report), many: report.assignments.length > 1 });
    case 'md':
      return template('report.md.hbs', false, false)(visibleControls(report));
    case 'html':
      return template('report.html.hbs', false, true)(report);
  }
}

/**
 * The report with control characters in its text (but newlines and tabs) shown as Unicode's pictures of them
 * (ESC as ␛), and bidi controls by their code point (showBidi): learner code's messages and output reach the
 * terminal, and the Markdown a terminal may print or GitHub show (code blocks included), where an escape sequence
 * could clear the screen, fake a score or hide what follows, and a bidi override reorder it.
 */
export function visibleControls<T>(value: T): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return showBidi(CONTROLS.test(v) ? v.replace(CONTROLS_ALL, picture) : v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
// C0 controls but \t and \n, and DEL; the C1 CSI (\x9b), an escape sequence's start on its own, shown as ␛[.
const picture = (c: string) => (c === '\x7f' ? '␡' : c === '\x9b' ? '␛[' : String.fromCharCode(0x2400 + c.charCodeAt(0)));
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f\x9b]/;
const CONTROLS_ALL = /[\x00-\x08\x0b-\x1f\x7f\x9b]/g;

/** Color for a terminal that wants it (https://no-color.org), or wherever FORCE_COLOR asks for it. */
export function useColor(stream: NodeJS.WriteStream): boolean {
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return !!stream.isTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
}
