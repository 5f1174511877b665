/** A classifier's regions on a grid, under the data points coloured by their label. */
import type { DecisionBoundaryPlot } from '../model';
import { xAxis, yAxis, yAxisWidth, type Frame } from './axes';
import { BLUE, PALE_BLUE, PALE_RED, RED, TITLE_HEIGHT, WIDTH, legend, svgRoot, title } from './chart';
import { tickLabel } from './format';
import { linear, ticks } from './scale';
import { circlePath, marks, rectPath } from './shapes';

/** Runs of equal predictions along each grid row, as [row, first column, end column, class]. */
export function runs(predictions: readonly number[], size: number): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; ) {
      const p = predictions[j * size + i] ? 1 : 0;
      let end = i + 1;
      while (end < size && (predictions[j * size + end] ? 1 : 0) === p) end++;
      out.push([j, i, end, p]);
      i = end;
    }
  }
  return out;
}

export function drawDecisionBoundary(plot: DecisionBoundaryPlot): string {
  const { size } = plot.grid;
  // The grid's own extent, not widened to ticks: it already frames the points.
  const xt = ticks(plot.grid.x[0], plot.grid.x[1], 6, false);
  const yt = ticks(plot.grid.y[0], plot.grid.y[1], 6, false);
  const yLabels = yt.values.map((v) => tickLabel(v, yt.step));
  const left = Math.max(46, yAxisWidth(yLabels));
  // A square plot, 300 px unless long labels leave less room.
  const side = Math.min(300, WIDTH - left - 16);
  const frame: Frame = { left, top: TITLE_HEIGHT, width: side, height: side };
  const x = linear(xt.domain, [left, left + side]);
  const y = linear(yt.domain, [frame.top + side, frame.top]);

  // One rect per run rather than per cell: a fraction of the SVG. Row 0 is the lowest y.
  const cell = side / size;
  const regions = [0, 1].map((cls) =>
    runs(plot.grid.predictions, size)
      .filter((r) => r[3] === cls)
      .map(([j, i, end]) => rectPath(left + i * cell, frame.top + side - (j + 1) * cell, (end - i) * cell, cell)),
  );
  // Each region outlined in its own colour too: no hairline seams between neighbouring rects.
  const regionMarks = [PALE_RED, PALE_BLUE].map((c, cls) => marks(`region class-${cls}`, regions[cls]!, `fill="${c}" stroke="${c}" stroke-width="0.6"`));

  const pointsOf = (cls: number) =>
    plot.points.label.flatMap((l, i) => {
      const [px, py] = [plot.points.x[i]!, plot.points.y[i]!];
      return l === cls && Number.isFinite(px) && Number.isFinite(py) ? [circlePath(x(px), y(py), 2.2)] : [];
    });
  const pointMarks = [RED, BLUE].map((c, cls) => marks(`points class-${cls}`, pointsOf(cls), `fill="${c}" fill-opacity="0.9"`));

  const xAxisPart = xAxis(frame, xt.values.map((v) => ({ at: x(v), label: tickLabel(v, xt.step) })), 'x₁');
  const legendTop = frame.top + side + xAxisPart.height;
  const key = legend(
    [
      { label: 'class 0', color: RED, fill: PALE_RED, swatch: 'region' },
      { label: 'class 1', color: BLUE, fill: PALE_BLUE, swatch: 'region' },
    ],
    left,
    legendTop,
    side,
  );
  const width = left + side + 16;
  return svgRoot(width, legendTop + key.height + 6, [
    title(plot.title, width),
    ...regionMarks,
    yAxis(frame, yt.values.map((v, i) => ({ at: y(v), label: yLabels[i]! })), 'x₂'),
    xAxisPart.svg,
    ...pointMarks,
    key.svg,
  ]);
}
