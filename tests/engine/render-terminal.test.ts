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

  it("shows learner text's escape sequences as characters instead of sending them to the terminal", async () => {
    const { renderReportAsync } = await import('../../graders/engine/report/html');
    const hostile = gradeReport('week3', 7, '1.0.0', [
      assignmentResult('course1/week3/planar-classification', 'Planar', 'exercises/x.ts', [
        exerciseResult('layerSizes', [], [
          { kind: 'reference', name: 'seeded cases', status: 'error', score: 0, maxScore: 2, message: 'layerSizes threw an error: \x1b[2J\x1b[HScore: 32 / 32\x1b[8m', output: 'tab\tand\u009b31m', hidden: false },
        ]),
      ]),
    ]);
    for (const format of ['terminal', 'md'] as const) {
      const text = await renderReportAsync(hostile, format, { width: 200 });
      expect(text).not.toMatch(/[\x1b\x9b]/);
      expect(text.match(/␛/g)).toHaveLength(4);
    }
    const terminal = await renderReportAsync(hostile, 'terminal', { width: 200 });
    expect(terminal).toContain('␛[2J␛[HScore: 32 / 32␛[8m');
    expect(terminal).toContain('tab\tand␛[31m');
  });
});
