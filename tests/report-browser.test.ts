/**
 * Pictures in the HTML report, as a reader gets them: plots drawn from a real
 * grading run (the flower model's gradient check and decision boundary, and a
 * wrong He initialization's weight histograms) are kept as data in the report
 * model and drawn as inline SVG in one self-contained HTML file, which a
 * headless Chromium opens offline and reads at 420 px without scrolling sideways.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../graders/engine/paths';
import { loadMutants } from '../graders/engine/mutants';
import { renderHtmlReport } from '../graders/engine/report/html';
import { gradeReport, type GradeReport, type Plot } from '../graders/engine/report/model';
import { renderReport } from '../graders/engine/report/render';
import { validator } from '../graders/engine/schemas/validate';
import { chromiumPath, launchBrowser, openFile } from './support/browser';
import { gradeFile, newSandbox } from './support/grading';

let report: GradeReport;
let html: string;
let dir: string;

const plots = (r: GradeReport): Plot[] => r.assignments.flatMap((a) => a.exercises.flatMap((e) => e.checks.flatMap((c) => c.plots ?? [])));

beforeAll(async () => {
  const sandbox = newSandbox();
  try {
    const flower = await gradeFile(sandbox, 'course1/week3/planar-classification', path.join(repoRoot, 'solutions', 'course1/week3/planar-classification.ts'), {
      only: ['backwardPropagation', 'nnModel'],
    });
    // Weights √2 too wide: the statistics check fails, with its counterexample and replay.
    const heMutant = (await loadMutants(repoRoot, 'course2/week1/initialization')).find((m) => m.name === 'he-missing-sqrt')!;
    const he = await gradeFile(sandbox, 'course2/week1/initialization', heMutant.file, {
      only: ['initializeParametersHe'],
      trusted: true,
    });
    report = gradeReport('course1/week3 course2/week1', 1234, '0.0.0', [flower, he]);
  } finally {
    await sandbox.close();
  }
  html = await renderHtmlReport(report);
  dir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-html-'));
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('plots in the report model', () => {
  it('holds the plots each check drew, as data the JSON schema accepts', () => {
    const kinds = plots(report).map((p) => p.kind);
    expect(kinds.filter((k) => k === 'gradient-errors')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'decision-boundary')).toHaveLength(1);
    // One histogram per weight matrix of at least 900 entries, from the first input only.
    expect(kinds.filter((k) => k === 'histogram').length).toBeGreaterThanOrEqual(1);
    const json = renderReport(report, 'json');
    expect(json).not.toContain('<svg');
    const validate = validator('report');
    expect(validate(JSON.parse(json)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('records what the learner got: the tolerance, the wrong spread, the grid of predictions', () => {
    const gradient = plots(report).find((p) => p.kind === 'gradient-errors')!;
    expect(gradient.kind === 'gradient-errors' && gradient.tolerance).toBe(2e-2);
    const boundary = plots(report).find((p) => p.kind === 'decision-boundary')!;
    expect(boundary.kind === 'decision-boundary' && boundary.grid.predictions).toHaveLength(900);
    expect(boundary.kind === 'decision-boundary' && boundary.points.label).toHaveLength(400);
    const histogram = plots(report).find((p) => p.kind === 'histogram')!;
    if (histogram.kind !== 'histogram') throw new Error('not a histogram');
    // The mutant draws with standard deviation 2/n instead of √(2/n): far narrower than expected.
    const n = histogram.counts.reduce((s, c) => s + c, 0);
    const centre = histogram.counts.map((c, i) => ({ c, x: histogram.start + (i + 0.5) * histogram.width }));
    const sd = Math.sqrt(centre.reduce((s, { c, x }) => s + c * x * x, 0) / n);
    expect(sd).toBeLessThan(histogram.expected.std / 2);
  });
});

describe('the HTML report', () => {
  it('is one file: an inline SVG per plot with a title, and nothing to fetch', () => {
    const svgs = html.match(/<svg\b[^>]*>/g) ?? [];
    expect(svgs).toHaveLength(plots(report).length);
    for (const p of plots(report)) expect(html).toContain(`>${p.title.replace(/&/g, '&amp;')}</title>`);
    expect(svgs.every((s) => /role="img"/.test(s) && /aria-labelledby="/.test(s))).toBe(true);
    expect(html.match(/<script|<link|<img|<iframe|@import|url\((?!#)|\bsrc=|(?:href|src)="(?!#)/gi) ?? []).toEqual([]);
  });

  it('shows code as <code>, never as backticks, and folds replay details', async () => {
    expect(html).toMatch(/<details class="replay"><summary>Replay it<\/summary>[^]*?--only initializeParametersHe --seed 1234/);
    // A prerequisite note and a hint, as grading writes them, with a stray backtick and markup from learner output.
    const noted = structuredClone(report);
    const check = noted.assignments[1]!.exercises[0]!.checks.find((c) => c.status === 'failed')!;
    check.message = `Fix \`initializeParametersHe\` first: it printed \`<b>\` and a stray \` here. ${check.message}`;
    check.hint = 'Multiply by `Math.sqrt(2 / nPrev)`.';
    const out = await renderHtmlReport(noted);
    expect(out).toContain('Fix <code>initializeParametersHe</code> first: it printed <code>&lt;b&gt;</code> and a stray &#96; here.');
    expect(out).toContain('Likely: Multiply by <code>Math.sqrt(2 / nPrev)</code>.');
    expect(out).not.toContain('`');
    expect(html).not.toContain('`');
  });

  // Skipped with the reason in its name where this machine has no Chromium.
  it.skipIf(!chromiumPath)(
    `draws every plot in Chromium, offline and without error, and reads at 420 px${chromiumPath ? '' : ' (skipped: no Chromium; apt-get install chromium, as .ci/run does)'}`,
    async () => {
      const file = path.join(dir, 'report.html');
      writeFileSync(file, html);
      const started = Date.now();
      const { browser, close } = await launchBrowser();
      try {
        const { page, errors, foreignRequests } = await openFile(browser, file, 420);
        // Every plot: an SVG with data marks (report/svg draws each mark as a <path> in a role-mark group).
        const drawn = await page.$$eval('figure svg', (svgs) =>
          svgs.map((svg) => ({
            title: svg.querySelector('title')?.textContent ?? '',
            marks: svg.querySelectorAll('g.role-mark path').length,
            width: svg.getBoundingClientRect().width,
          })),
        );
        expect(drawn.map((d) => d.title)).toEqual(plots(report).map((p) => p.title));
        for (const d of drawn) expect(d.marks, d.title).toBeGreaterThan(0);
        // Folded plots take no room; opened, none is wider than the page.
        await page.$$eval('details', (ds) => ds.forEach((d) => d.setAttribute('open', '')));
        const widths = await page.$$eval('figure svg', (svgs) => svgs.map((s) => s.getBoundingClientRect().right));
        expect(Math.max(...widths)).toBeLessThanOrEqual(420);
        expect(await page.$eval(':root', (root) => root.scrollWidth)).toBeLessThanOrEqual(420);
        expect(errors).toEqual([]);
        expect(foreignRequests).toEqual([]);
      } finally {
        await close();
      }
      console.log(`report-browser: Chromium opened and checked the report in ${Date.now() - started} ms`);
    },
    60_000,
  );
});
