/** A 2-D array as coloured cells: blue below zero, white at zero, orange above. */
import type { HeatmapPlot } from '../model';
import { xAxis, yAxis, yAxisWidth, type Frame, type Tick } from './axes';
import { TITLE_HEIGHT, WIDTH, svgRoot, title } from './chart';
import { esc, num, shortNumber } from './format';
import { marks, rectPath, type Mark } from './shapes';

/** Dark blue, light blue, near-white, light orange, dark orange: a diverging scale from -1 to 1. */
const STOPS = ['#134b85', '#5da2cb', '#f2f0eb', '#e8932f', '#994a07'].map((hex) => [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)));
/** A cell that holds no number (NaN or Infinity in the learner's array). */
export const MISSING = '#8c8c8c';

/** The colour of t in [-1, 1], interpolated between the stops. */
export function diverging(t: number): string {
  const u = ((Math.max(-1, Math.min(1, t)) + 1) / 2) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(u));
  const f = u - i;
  const rgb = STOPS[i]!.map((a, k) => Math.round(a + f * (STOPS[i + 1]![k]! - a)));
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The colour domain: the plot's (two maps on one scale compare), else
 * symmetric about 0 up to the largest |value|. Zero is always white; each side
 * of it spans its own end of the domain.
 */
export function colorOf(plot: HeatmapPlot): { domain: [number, number]; color: (v: number) => string } {
  const finite = plot.values.filter((v): v is number => v !== null && Number.isFinite(v));
  const m = Math.max(0, ...finite.map(Math.abs)) || 1;
  const [lo, hi] = plot.domain ?? [-m, m];
  const below = lo < 0 ? -lo : hi > 0 ? hi : 1;
  const above = hi > 0 ? hi : below;
  return { domain: [lo, hi], color: (v) => diverging(v < 0 ? v / below : v / above) };
}

export function drawHeatmap(plot: HeatmapPlot): string {
  const { rows, cols } = plot;
  const left = Math.max(40, yAxisWidth([String(rows - 1)]));
  // Square cells, at most 40 px, the map at most 240 px high and as wide as the picture allows.
  const fit = Math.min(40, 240 / rows, (WIDTH - left - 16) / cols);
  const side = fit >= 2 ? Math.floor(fit) : fit;
  const frame: Frame = { left, top: TITLE_HEIGHT, width: side * cols, height: side * rows };
  const { domain, color } = colorOf(plot);

  const cells: Mark[] = [];
  const missing: string[] = [];
  plot.values.forEach((v, k) => {
    const [r, c] = [Math.floor(k / cols), k % cols];
    const [cx, cy] = [left + c * side, frame.top + r * side];
    if (v === null || !Number.isFinite(v)) missing.push(rectPath(cx, cy, side, side) + `M${num(cx)},${num(cy + side)}L${num(cx + side)},${num(cy)}`);
    else cells.push({ d: rectPath(cx, cy, side, side), fill: color(v) });
  });

  // Row 0 at the top, as in a matrix. Labels are thinned out when the cells are small.
  const at = (i: number) => i * side + side / 2;
  const colTicks: Tick[] = Array.from({ length: cols }, (_, c) => ({ at: left + at(c), label: String(c) }));
  const rowTicks: Tick[] = Array.from({ length: rows }, (_, r) => ({ at: frame.top + at(r), label: String(r) }));
  const xAxisPart = xAxis(frame, colTicks, 'column');
  const top = frame.top + frame.height + xAxisPart.height;
  const key = colorLegend(domain, color, left, top, missing.length > 0);
  const width = Math.max(left + frame.width + 16, key.width + left + 16);
  return svgRoot(Math.min(WIDTH, width), top + key.height + 6, [
    title(plot.title, Math.min(WIDTH, width)),
    marks('cells', cells),
    marks('cells missing', missing, `fill="${MISSING}" stroke="#333" stroke-width="0.6"`),
    yAxis(frame, rowTicks, 'row'),
    xAxisPart.svg,
    key.svg,
  ]);
}

/** A horizontal colour bar from the domain's low end to its high end, with zero marked, and a swatch for missing values. */
function colorLegend(domain: [number, number], color: (v: number) => string, x: number, y: number, withMissing: boolean) {
  const [lo, hi] = domain;
  const [barWidth, steps] = [160, 32];
  const parts: string[] = [`<text x="${num(x)}" y="${num(y + 8)}" dy="0.35em" font-weight="bold">value</text>`];
  const bar = x + 40;
  for (let i = 0; i < steps; i++) {
    const v = lo + ((i + 0.5) / steps) * (hi - lo);
    // A hair wider than its place: no seams between steps.
    parts.push(`<path d="${rectPath(bar + (i * barWidth) / steps, y + 2, barWidth / steps + 0.3, 12)}" fill="${color(v)}"/>`);
  }
  const labels = [...new Set([lo, 0, hi])].filter((v) => v >= lo && v <= hi);
  for (const v of labels) {
    const px = bar + ((v - lo) / (hi - lo || 1)) * barWidth;
    parts.push(`<path d="M${num(px)},${num(y + 14)}v4" stroke="#888"/>`, `<text x="${num(px)}" y="${num(y + 27)}" text-anchor="middle">${esc(shortNumber(v))}</text>`);
  }
  let width = 40 + barWidth + 10;
  if (withMissing) {
    const mx = bar + barWidth + 18;
    parts.push(`<path d="${rectPath(mx, y + 2, 12, 12)}M${num(mx)},${num(y + 14)}L${num(mx + 12)},${num(y + 2)}" fill="${MISSING}" stroke="#333" stroke-width="0.6"/>`);
    parts.push(`<text x="${num(mx + 17)}" y="${num(y + 8)}" dy="0.35em">not a number</text>`);
    width += 18 + 17 + 75;
  }
  return { svg: `<g class="legend" fill="#333">${parts.join('')}</g>`, width, height: 32 };
}
