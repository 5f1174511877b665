/**
 * The terminal report's text wrapping (wrap-ansi) loads only when a terminal
 * report is asked for: loading it costs a few milliseconds, which a JSON report need not pay.
 */
import { describe, expect, it, vi } from 'vitest';
import { assignmentResult, exerciseResult, gradeReport } from '../../graders/engine/report/model';

const report = gradeReport('week3', 7, '1.0.0', [
  assignmentResult('course1/week3/planar-classification', 'Planar', 'exercises/x.ts', [
    exerciseResult('layerSizes', [], [
      {
        kind: 'reference',
        name: 'seeded cases',
        status: 'failed',
        score: 0,
        maxScore: 2,
        message: 'Case "m = 3": the layer sizes differ from what the course expects for this input, word after word after word.',
        hidden: false,
      },
    ]),
  ]),
]);

describe('the terminal report', () => {
  it('is rendered once its text wrapping has loaded, which renderReportAsync does, and says what is missing before', async () => {
    vi.resetModules();
    const { renderReport } = await import('../../graders/engine/report/render');
    const { renderReportAsync } = await import('../../graders/engine/report/html');
    expect(() => renderReport(report, 'terminal', { width: 40 })).toThrow(/loadTerminalRendering/);
    expect(renderReport(report, 'json')).toContain('"seeded cases"');
    const text = await renderReportAsync(report, 'terminal', { width: 40 });
    // Wrapped to the width asked for.
    expect(text).toContain('word after');
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(40);
    expect(renderReport(report, 'terminal', { width: 40 })).toBe(text);
  });
});
