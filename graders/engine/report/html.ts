/**
 * The HTML report with its pictures: each plot is drawn to SVG (report/svg/),
 * then the same Handlebars template as renderReport(report, 'html') runs with
 * them inline: one file that opens offline, with no script, font or image to
 * fetch. (renderReport alone gets the template's fallbacks: plain-text prose
 * and no pictures.)
 */
import type { CheckResult, GradeReport, Plot } from './model';
import { loadTerminalRendering, renderReport, type ReportFormat } from './render';
import { drawPlot } from './svg/index';

/** A drawn picture: inline SVG, with its title and description for the caption. */
export interface Figure {
  title: string;
  description: string;
  svg: string;
}

/** What the HTML template reads besides the report: prose as HTML (code spans as <code>), and figures. */
export interface HtmlCheck extends CheckResult {
  messageHtml: string;
  hintHtml?: string;
  figures?: Figure[];
}

/** Async for its callers' sake: the drawing itself is synchronous. */
export async function renderHtmlReport(report: GradeReport): Promise<string> {
  return renderReport(htmlView(report), 'html');
}

/** The report with each check's prose as HTML and its plots drawn. */
export function htmlView(report: GradeReport): GradeReport & { officialNoteHtml?: string } {
  let count = 0;
  const check = (c: CheckResult): HtmlCheck => {
    const figures: Figure[] = [];
    for (const plot of c.plots ?? []) figures.push(figure(plot, `plot${++count}`));
    return { ...c, messageHtml: htmlText(c.message), ...(c.hint ? { hintHtml: htmlText(c.hint) } : {}), ...(figures.length ? { figures } : {}) };
  };
  const assignments = [];
  for (const a of report.assignments) {
    const exercises = [];
    for (const e of a.exercises) {
      const checks = [];
      for (const c of e.checks) checks.push(check(c));
      // Says on the folded line that there is something to look at.
      exercises.push({ ...e, checks, hasFigures: checks.some((c) => c.figures) });
    }
    assignments.push({ ...a, exercises });
  }
  return { ...report, assignments, ...(report.officialNote ? { officialNoteHtml: htmlText(report.officialNote) } : {}) };
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };
const escape = (s: string) => s.replace(/[&<>"'`]/g, (c) => escapes[c]!);

/** Text as HTML: escaped, with `code` spans as <code>, and no backtick left as such. */
export function htmlText(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part) => (/^`[^`\n]+`$/.test(part) ? `<code>${escape(part.slice(1, -1))}</code>` : escape(part)))
    .join('');
}

/**
 * Kept so callers need not change: it drew pictures ahead while grading waited
 * on the sandbox, when drawing took tens of milliseconds. Drawing now takes
 * about a millisecond, so pictures are drawn when the report is written.
 */
export function drawAhead(_plots: readonly Plot[]): void {}

/** One picture as SVG; a picture that cannot be drawn says so instead of failing the report. */
function figure(plot: Plot, id: string): Figure {
  const { title, description } = plot;
  try {
    return { title, description, svg: accessible(compact(drawPlot(plot)), id, title, description) };
  } catch (err) {
    return { title, description: `${description} (This picture could not be drawn: ${(err as Error).message})`, svg: '' };
  }
}

/** Coordinates to two decimals: report/svg writes no more, and this keeps any SVG given here as small. */
export function compact(svg: string): string {
  return svg.replace(/translate\([^)]*\)|\bd="[^"]*"/g, (geometry) => geometry.replace(/(\.\d\d)\d+/g, '$1'));
}

/**
 * Names the SVG for screen readers (<title>, <desc>, role and aria-labelledby),
 * and prefixes any ids: several SVGs inline in one page share one id space.
 */
export function accessible(svg: string, id: string, title: string, description: string): string {
  const prefixed = svg
    .replace(/\bid="([^"]+)"/g, `id="${id}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${id}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${id}-$1"`);
  return prefixed.replace(
    /^<svg\b([^>]*)>/,
    `<svg$1 role="img" aria-labelledby="${id}-title ${id}-desc"><title id="${id}-title">${escape(title)}</title><desc id="${id}-desc">${escape(description)}</desc>`,
  );
}

/** Any report format, the HTML one with its pictures drawn: what files and --format print. */
export async function renderReportAsync(report: GradeReport, format: ReportFormat, options: { color?: boolean; seconds?: number; width?: number } = {}): Promise<string> {
  if (format === 'terminal') await loadTerminalRendering();
  return format === 'html' ? renderHtmlReport(report) : renderReport(report, format, options);
}
