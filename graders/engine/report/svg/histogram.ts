/** Sampled values in bins, under the counts the expected normal distribution would give. */
import type { HistogramPlot } from '../model';
import { xAxis, yAxis } from './axes';
import { RED, WIDTH, legend, svgRoot, title, linearFrame } from './chart';
import { tickLabel } from './format';
import { ticks } from './scale';
import { linePath, marks, rectPath } from './shapes';

const BAR = '#7a8cb8';

function normalPdf(x: number, mean: number, std: number): number {
  return Math.exp(-0.5 * ((x - mean) / std) ** 2) / (std * Math.sqrt(2 * Math.PI));
}

/** The expected count per bin along the bins' span (121 points): n · bin width · density. */
export function expectedCurve(plot: HistogramPlot): [number, number][] {
  const n = plot.counts.reduce((s, c) => s + c, 0);
  const end = plot.start + plot.counts.length * plot.width;
  const { mean, std } = plot.expected;
  return Array.from({ length: 121 }, (_, i) => {
    const x = plot.start + ((end - plot.start) * i) / 120;
    return [x, std > 0 ? n * plot.width * normalPdf(x, mean, std) : 0];
  });
}

export function drawHistogram(plot: HistogramPlot): string {
  const end = plot.start + plot.counts.length * plot.width;
  const curve = expectedCurve(plot);
  const xt = ticks(plot.start, end, 6);
  const yt = ticks(0, Math.max(1, ...plot.counts, ...curve.map((p) => p[1])), 5);
  const { yLabels, left, frame, x, y } = linearFrame(xt, yt);

  // Empty bins draw nothing.
  const bars = plot.counts.flatMap((c, i) => {
    if (c <= 0) return [];
    const [x0, x1] = [x(plot.start + i * plot.width), x(plot.start + (i + 1) * plot.width)];
    return [rectPath(x0, y(c), x1 - x0, y(0) - y(c))];
  });
  const line = linePath(curve.map(([cx, cy]) => [x(cx), y(cy)]));

  const xAxisPart = xAxis(frame, xt.values.map((v) => ({ at: x(v), label: tickLabel(v, xt.step) })), plot.xLabel);
  const legendTop = frame.top + frame.height + xAxisPart.height;
  const key = legend(
    [
      { label: 'yours', color: BAR, swatch: 'bar' },
      { label: `expected: N(${plot.expected.mean}, ${plot.expected.std}²)`, color: RED, swatch: 'line' },
    ],
    left,
    legendTop,
    frame.width,
  );
  return svgRoot(WIDTH, legendTop + key.height + 6, [
    title(plot.title, WIDTH),
    yAxis(frame, yt.values.map((v, i) => ({ at: y(v), label: yLabels[i]! })), 'count', { grid: true }),
    xAxisPart.svg,
    marks('bars', bars, `fill="${BAR}" stroke="white" stroke-width="0.5"`),
    marks('line expected', [line], `fill="none" stroke="${RED}" stroke-width="2"`),
    key.svg,
  ]);
}
