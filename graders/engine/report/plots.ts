/**
 * Pictures of a learner's results: what a check keeps (compact data, in the
 * report model) and how each kind is drawn (a Vega-Lite spec; report/html.ts
 * renders it to SVG for the HTML report only).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CostsPlot, DecisionBoundaryPlot, GradientErrorsPlot, HeatmapPlot, HistogramPlot, Plot } from './model';

// ---- What checks keep ------------------------------------------------------

/** Four significant digits: the picture needs no more, and the JSON report stays small. */
const short = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(4)) : x);

const recorded = new WeakMap<object, Map<string, Plot>>();

/**
 * Keeps a picture for the check running with this context (a check's `ctx`).
 * A property runs many inputs: per key, the first picture is kept, or with
 * `keep: 'last'` the latest — drawn just before a violation, that is the
 * smallest failing input, since shrinking ends on it.
 */
export function recordPlot(ctx: object, plot: Plot, options: { key?: string; keep?: 'first' | 'last' } = {}): void {
  const key = options.key ?? plot.title;
  let plots = recorded.get(ctx);
  if (!plots) recorded.set(ctx, (plots = new Map()));
  if (options.keep === 'last' || !plots.has(key)) plots.set(key, plot);
}

export function recordedPlots(ctx: object): Plot[] {
  return [...(recorded.get(ctx)?.values() ?? [])];
}

export function gradientErrorsPlot(errors: { variable: string; relativeError: number; passed: boolean }[], tolerance: number): GradientErrorsPlot {
  const wrong = errors.filter((e) => !e.passed).map((e) => e.variable);
  return {
    kind: 'gradient-errors',
    title: 'Relative error of your gradients',
    description:
      `Relative error between your gradients and central differences, per variable, on a log scale, against the tolerance ${short(tolerance)}: ` +
      (wrong.length ? `wrong for ${wrong.join(', ')}.` : `all ${errors.length} within it.`),
    tolerance,
    errors: errors.map((e) => ({ variable: e.variable, relativeError: short(e.relativeError), passed: e.passed })),
  };
}

export function costsPlot(title: string, xLabel: string, series: { name: string; every: number; costs: number[] }[]): CostsPlot {
  const ends = series.map((s) => `${s.name} from ${short(s.costs[0] ?? NaN)} to ${short(s.costs[s.costs.length - 1] ?? NaN)}`).join('; ');
  return {
    kind: 'costs',
    title,
    description: `The training cost by ${xLabel}: ${ends}.`,
    xLabel,
    // NaN and Infinity (a diverging run) become gaps in the line.
    series: series.map((s) => ({ name: s.name, every: s.every, costs: s.costs.map((c) => (Number.isFinite(c) ? short(c) : null)) })),
  };
}

/**
 * A size × size grid of cell centres over the points, with a margin: `columns`
 * is its [2, size²] matrix, row-major (x's then y's), ready for a predict call.
 */
export function boundaryGrid(xs: readonly number[], ys: readonly number[], size = 30) {
  const span = (v: readonly number[]): [number, number] => {
    const [lo, hi] = [Math.min(...v), Math.max(...v)];
    const pad = 0.1 * (hi - lo || 1);
    return [short(lo - pad), short(hi + pad)];
  };
  const x = span(xs);
  const y = span(ys);
  const at = (r: [number, number], i: number) => r[0] + ((i + 0.5) * (r[1] - r[0])) / size;
  const cells = Array.from({ length: size * size }, (_, k) => [at(x, k % size), at(y, Math.floor(k / size))] as const);
  return { x, y, size, columns: [...cells.map((c) => c[0]), ...cells.map((c) => c[1])] };
}

export function decisionBoundaryPlot(
  title: string,
  grid: { x: [number, number]; y: [number, number]; size: number },
  predictions: readonly number[],
  points: { x: readonly number[]; y: readonly number[]; label: readonly number[] },
): DecisionBoundaryPlot {
  const wrong = points.label.filter((l, i) => {
    const ix = Math.min(grid.size - 1, Math.floor(((points.x[i]! - grid.x[0]) / (grid.x[1] - grid.x[0])) * grid.size));
    const iy = Math.min(grid.size - 1, Math.floor(((points.y[i]! - grid.y[0]) / (grid.y[1] - grid.y[0])) * grid.size));
    return (predictions[iy * grid.size + ix]! > 0.5 ? 1 : 0) !== l;
  }).length;
  return {
    kind: 'decision-boundary',
    title,
    description: `The regions your model predicts as class 0 and class 1, on a ${grid.size}×${grid.size} grid, under the ${points.label.length} data points coloured by their label; about ${wrong} points fall in the other class's region.`,
    grid: { x: grid.x, y: grid.y, size: grid.size, predictions: predictions.map((p) => (p > 0.5 ? 1 : 0)) },
    points: { x: points.x.map((v) => Number(v.toFixed(3))), y: points.y.map((v) => Number(v.toFixed(3))), label: [...points.label] },
  };
}

/** Sampled values in `bins` equal bins, against the normal distribution they should follow. */
export function histogramPlot(title: string, xLabel: string, values: readonly number[], expected: { mean: number; std: number }, bins = 30): HistogramPlot {
  const finite = values.filter(Number.isFinite);
  const lo = finite.reduce((a, v) => Math.min(a, v), expected.mean - 3 * expected.std);
  const hi = finite.reduce((a, v) => Math.max(a, v), expected.mean + 3 * expected.std);
  const width = (hi - lo) / bins || 1;
  const counts = new Array<number>(bins).fill(0);
  for (const v of finite) counts[Math.min(bins - 1, Math.floor((v - lo) / width))]!++;
  const dropped = values.length - finite.length;
  return {
    kind: 'histogram',
    title,
    description:
      `Histogram of ${finite.length} values of ${xLabel}, with the counts N(${short(expected.mean)}, ${short(expected.std)}²) would give` +
      (dropped ? ` (${dropped} values that are not finite numbers left out).` : '.'),
    xLabel,
    start: short(lo),
    width: short(width),
    counts,
    expected: { mean: short(expected.mean), std: short(expected.std) },
  };
}

export function heatmapPlot(title: string, description: string, rows: number, cols: number, values: readonly number[], domain?: [number, number]): HeatmapPlot {
  return { kind: 'heatmap', title, description, rows, cols, values: values.map((v) => (Number.isFinite(v) ? short(v) : null)), ...(domain ? { domain } : {}) };
}

// ---- How each kind is drawn ------------------------------------------------

const WIDTH = 420;
const HEIGHT = 220;
const GREEN = '#137333';
const RED = '#b3261e';
const BLUE = '#1a5fb4';
const PALE_RED = '#f3d3d0';
const PALE_BLUE = '#d0ddf0';

/** The Vega-Lite spec of a picture. Fonts are the system's: the report loads nothing. */
export function vegaLiteSpec(plot: Plot): TopLevelSpec {
  const common = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: plot.description,
    title: plot.title,
    background: 'white',
    config: { font: 'system-ui, sans-serif', axis: { labelFontSize: 11, titleFontSize: 12 }, legend: { orient: 'bottom' as const, labelLimit: 360 } },
  };
  switch (plot.kind) {
    case 'gradient-errors':
      return { ...common, ...gradientErrorsSpec(plot) } as TopLevelSpec;
    case 'costs':
      return { ...common, ...costsSpec(plot) } as TopLevelSpec;
    case 'decision-boundary':
      return { ...common, ...boundarySpec(plot) } as TopLevelSpec;
    case 'histogram':
      return { ...common, ...histogramSpec(plot) } as TopLevelSpec;
    case 'heatmap':
      return { ...common, ...heatmapSpec(plot) } as TopLevelSpec;
  }
}

/**
 * Zero sits at the bottom of the log axis and an infinite error (JSON null) at
 * the top, 1: a relative error ‖a − b‖ / (‖a‖ + ‖b‖) is never more than that.
 */
function gradientErrorsSpec(plot: GradientErrorsPlot) {
  const finite = plot.errors.map((e) => e.relativeError).filter((e): e is number => e !== null && Number.isFinite(e) && e > 0);
  const floor = 10 ** Math.floor(Math.log10(Math.max(1e-16, Math.min(plot.tolerance / 1000, ...finite.map((e) => e / 10)))));
  const values = plot.errors.map((e) => {
    const r = e.relativeError;
    const missing = r === null || !Number.isFinite(r);
    return {
      variable: e.variable,
      shown: missing ? 1 : Math.max(floor, Math.min(1, r)),
      error: missing ? 'missing or misshapen' : String(r),
      result: e.passed ? 'within tolerance' : 'wrong',
    };
  });
  const decades = Array.from({ length: -Math.log10(floor) + 1 }, (_, i) => 10 ** -i);
  const y = { scale: { type: 'log', domain: [floor, 1] }, axis: { values: decades, format: '.0e' } };
  return {
    width: Math.max(160, Math.min(WIDTH, 60 * values.length)),
    height: HEIGHT,
    layer: [
      {
        data: { values },
        mark: { type: 'point', filled: true, size: 90 },
        encoding: {
          x: { field: 'variable', type: 'nominal', sort: null, title: 'variable', axis: { labelAngle: 0 } },
          y: { field: 'shown', type: 'quantitative', title: 'relative error (log)', ...y },
          color: { field: 'result', type: 'nominal', title: null, scale: { domain: ['within tolerance', 'wrong'], range: [GREEN, RED] } },
          shape: { field: 'result', type: 'nominal', title: null, scale: { domain: ['within tolerance', 'wrong'], range: ['circle', 'triangle-up'] } },
          tooltip: [{ field: 'variable' }, { field: 'error', title: 'relative error' }],
        },
      },
      {
        data: { values: [{ tolerance: plot.tolerance, label: `tolerance ${plot.tolerance}` }] },
        layer: [
          { mark: { type: 'rule', strokeDash: [5, 4], color: RED }, encoding: { y: { field: 'tolerance', type: 'quantitative', ...y } } },
          {
            mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -3, x: 'width', color: RED },
            encoding: { y: { field: 'tolerance', type: 'quantitative', ...y }, text: { field: 'label' } },
          },
        ],
      },
    ],
  };
}

function costsSpec(plot: CostsPlot) {
  const values = plot.series.flatMap((s) => s.costs.map((cost, i) => ({ series: s.name, step: i * s.every, cost })));
  return {
    width: WIDTH,
    height: HEIGHT,
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'step', type: 'quantitative', title: plot.xLabel },
      y: { field: 'cost', type: 'quantitative', title: 'cost', scale: { zero: false } },
      color: { field: 'series', type: 'nominal', title: null, scale: { range: [BLUE, '#c64600', GREEN, '#6b4fbb'] } },
      tooltip: [{ field: 'series' }, { field: 'step', title: plot.xLabel }, { field: 'cost' }],
    },
  };
}

function boundarySpec(plot: DecisionBoundaryPlot) {
  const { x, y, size, predictions } = plot.grid;
  const [dx, dy] = [(x[1] - x[0]) / size, (y[1] - y[0]) / size];
  // Runs of equal predictions along a row become one rect: a fraction of the SVG of one per cell.
  const cells: { x: number; x2: number; y: number; y2: number; fill: string }[] = [];
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; ) {
      const p = predictions[j * size + i];
      let end = i + 1;
      while (end < size && predictions[j * size + end] === p) end++;
      cells.push({ x: x[0] + i * dx, x2: x[0] + end * dx, y: y[0] + j * dy, y2: y[0] + (j + 1) * dy, fill: p ? PALE_BLUE : PALE_RED });
      i = end;
    }
  }
  const points = plot.points.label.map((l, i) => ({ x: plot.points.x[i], y: plot.points.y[i], class: `class ${l}` }));
  const color = { field: 'class', type: 'nominal', title: null, scale: { domain: ['class 0', 'class 1'], range: [RED, BLUE] } };
  const axis = (r: [number, number], title: string) => ({ type: 'quantitative', title, scale: { domain: r, nice: false, zero: false } });
  return {
    width: 320,
    height: 320,
    layer: [
      {
        data: { values: cells },
        // Opaque pale fills, outlined in their own colour: no seams between neighbouring rects.
        // No text per rect for screen readers: the description says what the regions are.
        mark: { type: 'rect', strokeWidth: 0.6, aria: false },
        encoding: {
          x: { field: 'x', ...axis(x, 'x₁') },
          x2: { field: 'x2' },
          y: { field: 'y', ...axis(y, 'x₂') },
          y2: { field: 'y2' },
          fill: { field: 'fill', type: 'nominal', scale: null },
          stroke: { field: 'fill', type: 'nominal', scale: null },
        },
      },
      {
        data: { values: points },
        mark: { type: 'point', filled: true, size: 14, opacity: 0.9, aria: false },
        encoding: { x: { field: 'x', ...axis(x, 'x₁') }, y: { field: 'y', ...axis(y, 'x₂') }, color },
      },
    ],
  };
}

function normalPdf(x: number, mean: number, std: number): number {
  return Math.exp(-0.5 * ((x - mean) / std) ** 2) / (std * Math.sqrt(2 * Math.PI));
}

function histogramSpec(plot: HistogramPlot) {
  const n = plot.counts.reduce((s, c) => s + c, 0);
  const bars = plot.counts.map((count, i) => ({ x0: plot.start + i * plot.width, x1: plot.start + (i + 1) * plot.width, count }));
  const end = plot.start + plot.counts.length * plot.width;
  const curve = Array.from({ length: 121 }, (_, i) => {
    const x = plot.start + ((end - plot.start) * i) / 120;
    return { x, count: plot.expected.std > 0 ? n * plot.width * normalPdf(x, plot.expected.mean, plot.expected.std) : 0 };
  });
  const expected = `expected: N(${plot.expected.mean}, ${plot.expected.std}²)`;
  const color = (label: string) => ({ datum: label, type: 'nominal', title: null, scale: { domain: ['yours', expected], range: ['#7a8cb8', RED] } });
  return {
    width: WIDTH,
    height: HEIGHT,
    layer: [
      {
        data: { values: bars },
        mark: { type: 'rect', stroke: 'white', strokeWidth: 0.5 },
        encoding: {
          x: { field: 'x0', type: 'quantitative', title: plot.xLabel },
          x2: { field: 'x1' },
          y: { field: 'count', type: 'quantitative', title: 'count' },
          color: color('yours'),
          tooltip: [{ field: 'x0', title: 'from', format: '.3~g' }, { field: 'x1', title: 'to', format: '.3~g' }, { field: 'count' }],
        },
      },
      {
        data: { values: curve },
        mark: { type: 'line', strokeWidth: 2 },
        encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'count', type: 'quantitative' }, color: color(expected) },
      },
    ],
  };
}

function heatmapSpec(plot: HeatmapPlot) {
  const values = plot.values.map((v, k) => ({ row: Math.floor(k / plot.cols), col: k % plot.cols, value: v }));
  const side = Math.max(6, Math.min(40, Math.floor(300 / Math.max(plot.rows, plot.cols))));
  return {
    width: side * plot.cols,
    height: side * plot.rows,
    data: { values },
    mark: { type: 'rect', aria: false },
    encoding: {
      x: { field: 'col', type: 'ordinal', title: 'column', axis: { labelAngle: 0, labelOverlap: true } },
      y: { field: 'row', type: 'ordinal', title: 'row', axis: { labelOverlap: true } },
      color: { field: 'value', type: 'quantitative', title: 'value', scale: { scheme: 'blueorange', domainMid: 0, ...(plot.domain ? { domain: plot.domain } : {}) } },
      tooltip: [{ field: 'row' }, { field: 'col', title: 'column' }, { field: 'value' }],
    },
  };
}
