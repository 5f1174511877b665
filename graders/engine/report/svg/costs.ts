/** Training costs: one line per series, a point per recorded cost, gaps where the cost was not a number. */
import type { CostsPlot } from '../model';
import { xAxis, yAxis } from './axes';
import { BLUE, GREEN, ORANGE, PURPLE, WIDTH, legend, svgRoot, title, linearFrame } from './chart';
import { tickLabel } from './format';
import { ticks } from './scale';
import { circlePath, linePath, marks } from './shapes';

const COLORS = [BLUE, ORANGE, GREEN, PURPLE];

export function drawCosts(plot: CostsPlot): string {
  const steps = plot.series.map((s) => Math.max(0, s.costs.length - 1) * s.every);
  const costs = plot.series.flatMap((s) => s.costs).filter((c): c is number => c !== null && Number.isFinite(c));
  const xt = ticks(0, Math.max(1, ...steps), 6);
  // Not from zero: the fall of the cost is what the picture is for.
  const yt = costs.length ? ticks(Math.min(...costs), Math.max(...costs), 5) : ticks(0, 1, 5);
  const { yLabels, left, frame, x, y } = linearFrame(xt, yt);

  const series = plot.series.map((s, k) => {
    const color = COLORS[k % COLORS.length]!;
    const points = s.costs.map((c, i) => (c !== null && Number.isFinite(c) ? ([x(i * s.every), y(c)] as [number, number]) : null));
    const line = marks(`line series-${k}`, [linePath(points)], `fill="none" stroke="${color}" stroke-width="2" stroke-linejoin="round"`);
    const dots = marks(`points series-${k}`, points.flatMap((p) => (p ? [circlePath(p[0], p[1], 2.5)] : [])), `fill="${color}"`);
    return line + dots;
  });

  const xAxisPart = xAxis(frame, xt.values.map((v) => ({ at: x(v), label: tickLabel(v, xt.step) })), plot.xLabel, { grid: true });
  const legendTop = frame.top + frame.height + xAxisPart.height;
  const key =
    plot.series.length > 1
      ? legend(plot.series.map((s, k) => ({ label: s.name, color: COLORS[k % COLORS.length]!, swatch: 'line-point' as const })), left, legendTop, frame.width)
      : { svg: '', height: 0 };
  return svgRoot(WIDTH, legendTop + key.height + 6, [
    title(plot.title, WIDTH),
    yAxis(frame, yt.values.map((v, i) => ({ at: y(v), label: yLabels[i]! })), 'cost', { grid: true }),
    xAxisPart.svg,
    ...series,
    key.svg,
  ]);
}
