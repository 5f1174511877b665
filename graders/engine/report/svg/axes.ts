/** Axes: a line along the plot, ticks with labels, light grid lines across it, and the axis title. */
import { esc, num, textWidth } from './format';

/** The plot area in SVG coordinates. */
export interface Frame {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A tick: where it is, in pixels along the axis, and its label ('' for a tick without one). */
export interface Tick {
  at: number;
  label: string;
}

const AXIS = '#888';
const GRID = '#e4e4e4';
const TEXT = '#333';

/**
 * Keeps every k-th label (k = 1, 2, 5, 10, …) so neighbours are at least `gap`
 * pixels apart; all ticks stay.
 */
export function thinLabels(ticks: Tick[], gap: (t: Tick) => number): Tick[] {
  const spacing = ticks.length > 1 ? Math.abs(ticks[1]!.at - ticks[0]!.at) : Infinity;
  const needed = Math.max(0, ...ticks.map(gap));
  let every = 1;
  for (const k of [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]) {
    every = k;
    if (k * spacing >= needed) break;
  }
  return ticks.map((t, i) => (i % every === 0 ? t : { ...t, label: '' }));
}

/**
 * The x axis; returns its SVG and the height it takes below the plot. With
 * `slant` (category names), labels too wide for their place are written at
 * 45° instead of being thinned out.
 */
export function xAxis(frame: Frame, ticks: Tick[], title: string, options: { grid?: boolean; slant?: boolean } = {}): { svg: string; height: number } {
  const bottom = frame.top + frame.height;
  const spacing = ticks.length > 1 ? Math.abs(ticks[1]!.at - ticks[0]!.at) : frame.width;
  const widest = Math.max(0, ...ticks.map((t) => textWidth(t.label)));
  const slanted = !!options.slant && widest + 6 > spacing;
  const shown = slanted ? ticks : thinLabels(ticks, (t) => textWidth(t.label) + 6);
  const labelsHeight = slanted ? widest * 0.71 + 14 : 17;
  const parts = [`<path d="M${num(frame.left)},${num(bottom)}h${num(frame.width)}" stroke="${AXIS}"/>`];
  for (const t of shown) {
    if (options.grid) parts.push(`<path d="M${num(t.at)},${num(frame.top)}v${num(frame.height)}" stroke="${GRID}"/>`);
    parts.push(`<path d="M${num(t.at)},${num(bottom)}v5" stroke="${AXIS}"/>`);
    if (!t.label) continue;
    if (slanted) parts.push(`<text transform="translate(${num(t.at)},${num(bottom + 9)}) rotate(-45)" text-anchor="end" dy="0.35em">${esc(t.label)}</text>`);
    else parts.push(`<text x="${num(t.at)}" y="${num(bottom + 17)}" text-anchor="middle">${esc(t.label)}</text>`);
  }
  const titleY = bottom + labelsHeight + 17;
  parts.push(`<text x="${num(frame.left + frame.width / 2)}" y="${num(titleY)}" text-anchor="middle" font-weight="bold" font-size="12">${esc(title)}</text>`);
  return { svg: `<g class="axis x" fill="${TEXT}">${parts.join('')}</g>`, height: titleY + 6 - bottom };
}

/** The room a y axis needs left of the plot: its widest label, and its title beside them. */
export function yAxisWidth(labels: readonly string[]): number {
  return Math.max(0, ...labels.map((l) => textWidth(l))) + 28;
}

/** The y axis, its title rotated along it, just left of the widest label. */
export function yAxis(frame: Frame, ticks: Tick[], title: string, options: { grid?: boolean } = {}): string {
  const shown = thinLabels(ticks, () => 14);
  const parts = [`<path d="M${num(frame.left)},${num(frame.top)}v${num(frame.height)}" stroke="${AXIS}"/>`];
  for (const t of shown) {
    if (options.grid) parts.push(`<path d="M${num(frame.left)},${num(t.at)}h${num(frame.width)}" stroke="${GRID}"/>`);
    parts.push(`<path d="M${num(frame.left)},${num(t.at)}h-5" stroke="${AXIS}"/>`);
    if (t.label) parts.push(`<text x="${num(frame.left - 8)}" y="${num(t.at)}" dy="0.35em" text-anchor="end">${esc(t.label)}</text>`);
  }
  // The rotated title's glyphs stand left of its baseline, about 9 px for 12 px text.
  const x = Math.max(12, frame.left - yAxisWidth(shown.map((t) => t.label)) + 12);
  const y = frame.top + frame.height / 2;
  parts.push(`<text transform="translate(${num(x)},${num(y)}) rotate(-90)" text-anchor="middle" font-weight="bold" font-size="12">${esc(title)}</text>`);
  return `<g class="axis y" fill="${TEXT}">${parts.join('')}</g>`;
}
