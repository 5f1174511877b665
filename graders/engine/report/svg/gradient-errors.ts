/** Relative error per variable on a log scale, against the tolerance. */
import type { GradientErrorsPlot } from '../model';
import { xAxis, yAxis, type Frame } from './axes';
import { GREEN, PLOT_HEIGHT, RED, TITLE_HEIGHT, WIDTH, legend, svgRoot, title } from './chart';
import { decadeLabel, esc, num } from './format';
import { band, log } from './scale';
import { circlePath, marks, trianglePath } from './shapes';

/**
 * The bottom of the axis: a decade at least a thousand times below the
 * tolerance and ten times below the smallest error.
 */
export function errorFloor(plot: GradientErrorsPlot): number {
  const finite = plot.errors.map((e) => e.relativeError).filter((e): e is number => e !== null && Number.isFinite(e) && e > 0);
  return 10 ** Math.floor(Math.log10(Math.max(1e-16, Math.min(plot.tolerance / 1000, ...finite.map((e) => e / 10)))));
}

/**
 * Where an error is drawn: zero sits at the floor and an infinite error (JSON
 * null) at the top, 1: a relative error ‖a − b‖ / (‖a‖ + ‖b‖) is never more than that.
 */
export function shownError(relativeError: number | null, floor: number): number {
  if (relativeError === null || !Number.isFinite(relativeError)) return 1;
  return Math.max(floor, Math.min(1, relativeError));
}

export function drawGradientErrors(plot: GradientErrorsPlot): string {
  const floor = errorFloor(plot);
  const left = 70;
  const width = Math.min(WIDTH - left - 14, Math.max(180, 70 * plot.errors.length));
  const frame: Frame = { left, top: TITLE_HEIGHT, width, height: PLOT_HEIGHT };
  const x = band(plot.errors.length, [left, left + width]);
  const y = log([floor, 1], [frame.top + frame.height, frame.top]);

  const decades = Array.from({ length: Math.round(-Math.log10(floor)) + 1 }, (_, i) => -i);
  const xAxisPart = xAxis(frame, plot.errors.map((e, i) => ({ at: x.centre(i), label: e.variable })), 'variable', { slant: true });
  const yAxisPart = yAxis(frame, decades.map((k) => ({ at: y(10 ** k), label: decadeLabel(k) })), 'relative error (log)', { grid: true });

  const at = (i: number) => [x.centre(i), y(shownError(plot.errors[i]!.relativeError, floor))] as const;
  const passed = plot.errors.flatMap((e, i) => (e.passed ? [circlePath(...at(i), 5)] : []));
  const wrong = plot.errors.flatMap((e, i) => (e.passed ? [] : [trianglePath(...at(i), 5.5)]));

  const ruleY = y(Math.max(floor, Math.min(1, plot.tolerance)));
  const rule =
    `<g class="rule tolerance"><path d="M${num(left)},${num(ruleY)}h${num(width)}" stroke="${RED}" stroke-dasharray="5 4"/>` +
    `<text x="${num(left + width - 2)}" y="${num(ruleY - 4)}" text-anchor="end" fill="${RED}">${esc(`tolerance ${plot.tolerance}`)}</text></g>`;

  const legendTop = frame.top + frame.height + xAxisPart.height;
  const key = legend(
    [
      { label: 'within tolerance', color: GREEN, swatch: 'circle' },
      { label: 'wrong', color: RED, swatch: 'triangle' },
    ],
    left,
    legendTop,
    width,
  );
  const svgWidth = left + width + 14;
  return svgRoot(svgWidth, legendTop + key.height + 6, [
    title(plot.title, svgWidth),
    yAxisPart,
    xAxisPart.svg,
    rule,
    marks('points within-tolerance', passed, `fill="${GREEN}"`),
    marks('points wrong', wrong, `fill="${RED}"`),
    key.svg,
  ]);
}
