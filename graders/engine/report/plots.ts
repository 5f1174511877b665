/**
 * Pictures of a learner's results: what a check keeps, as compact data in the
 * report model. report/svg/ draws each kind, for the HTML report only.
 */
import type { CostsPlot, DecisionBoundaryPlot, GradientErrorsPlot, HeatmapPlot, HistogramPlot, Plot } from './model';

// ---- What checks keep ------------------------------------------------------

/** Four significant digits: the picture needs no more, and the JSON report stays small. */
const short = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(4)) : x);

type PlotOptions = { key?: string; keep?: 'first' | 'last' };
/** Per context, every recordPlot call in order: which picture a key keeps is decided when they are read. */
const recorded = new WeakMap<object, { plot: Plot; options: PlotOptions }[]>();

/**
 * Keeps a picture for the check running with this context (a check's `ctx`).
 * A property runs many inputs: per key, the first picture is kept, or with
 * `keep: 'last'` the latest — drawn just before a violation, that is the
 * smallest failing input, since shrinking ends on it.
 */
export function recordPlot(ctx: object, plot: Plot, options: PlotOptions = {}): void {
  let log = recorded.get(ctx);
  if (!log) recorded.set(ctx, (log = []));
  log.push({ plot, options });
}

export function recordedPlots(ctx: object): Plot[] {
  const plots = new Map<string, Plot>();
  for (const { plot, options } of recorded.get(ctx) ?? []) {
    const key = options.key ?? plot.title;
    if (options.keep === 'last' || !plots.has(key)) plots.set(key, plot);
  }
  return [...plots.values()];
}

/** What was recorded for `from` (a part of a check, run alongside others) counts as recorded for `into`, after what it has. */
export function movePlots(from: object, into: object): void {
  for (const { plot, options } of recorded.get(from) ?? []) recordPlot(into, plot, options);
  recorded.delete(from);
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
