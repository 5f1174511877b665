/** What every picture shares: the root <svg>, its title, its legend, its colours. */
import { yAxisWidth, type Frame } from './axes';
import { esc, num, textWidth, tickLabel } from './format';
import { linear, type Ticks } from './scale';
import { circlePath, rectPath, trianglePath } from './shapes';

export const WIDTH = 420;
export const PLOT_HEIGHT = 220;
/** Space above the plot for the title. */
export const TITLE_HEIGHT = 34;

export const GREEN = '#137333';
export const RED = '#b3261e';
export const BLUE = '#1a5fb4';
export const ORANGE = '#c64600';
export const PURPLE = '#6b4fbb';
export const PALE_RED = '#f3d3d0';
export const PALE_BLUE = '#d0ddf0';

/**
 * The root element, with explicit size and viewBox (the page scales it down
 * when narrower) and the system's sans-serif font: the report loads nothing.
 */
export function svgRoot(width: number, height: number, body: readonly string[]): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" ` +
    `font-family="system-ui, sans-serif" font-size="11">` +
    `<rect width="${num(width)}" height="${num(height)}" fill="white"/>${body.join('')}</svg>`
  );
}

/** The title, centred; a long one gets a smaller font, then is cut short (the caption and <title> keep it whole). */
export function title(text: string, width: number): string {
  const room = width - 12;
  let size = 13;
  while (size > 10 && textWidth(text, size) * 1.05 > room) size--;
  let shown = text;
  while (shown.length > 4 && textWidth(shown, size) * 1.05 > room) shown = `${shown.slice(0, -2)}…`;
  return `<text x="${num(width / 2)}" y="19" text-anchor="middle" font-weight="bold" font-size="${size}" fill="#222">${esc(shown)}</text>`;
}

export type Swatch = 'circle' | 'triangle' | 'line' | 'line-point' | 'bar' | 'region';

export interface LegendItem {
  label: string;
  color: string;
  swatch: Swatch;
  /** For 'region': the pale colour of the area behind the point. */
  fill?: string;
}

const ROW = 18;

/** A swatch 14 px wide, centred on (x + 7, y). */
function swatch(item: LegendItem, x: number, y: number): string {
  const c = item.color;
  switch (item.swatch) {
    case 'circle':
      return `<path d="${circlePath(x + 7, y, 4.5)}" fill="${c}"/>`;
    case 'triangle':
      return `<path d="${trianglePath(x + 7, y + 1, 4.5)}" fill="${c}"/>`;
    case 'line':
      return `<path d="M${num(x)},${num(y)}h14" stroke="${c}" stroke-width="2"/>`;
    case 'line-point':
      return `<path d="M${num(x)},${num(y)}h14" stroke="${c}" stroke-width="2"/><path d="${circlePath(x + 7, y, 3)}" fill="${c}"/>`;
    case 'bar':
      return `<path d="${rectPath(x + 1, y - 6, 12, 12)}" fill="${c}"/>`;
    case 'region':
      return `<path d="${rectPath(x, y - 7, 14, 14)}" fill="${item.fill ?? 'white'}"/><path d="${circlePath(x + 7, y, 2.5)}" fill="${c}"/>`;
  }
}

/** The legend: items left to right from (x, y), wrapping within maxWidth. Returns its SVG and height. */
export function legend(items: readonly LegendItem[], x: number, y: number, maxWidth: number): { svg: string; height: number } {
  let [cx, row] = [x, 0];
  const parts: string[] = [];
  for (const item of items) {
    const w = 14 + 5 + textWidth(item.label) + 16;
    if (cx > x && cx + w > x + maxWidth) [cx, row] = [x, row + 1];
    const cy = y + row * ROW + ROW / 2;
    parts.push(swatch(item, cx, cy), `<text x="${num(cx + 19)}" y="${num(cy)}" dy="0.35em">${esc(item.label)}</text>`);
    cx += w;
  }
  return { svg: `<g class="legend" fill="#333">${parts.join('')}</g>`, height: items.length ? (row + 1) * ROW : 0 };
}

/** The frame of a chart with two linear axes (its left margin wide enough for the y labels), with its scales. */
export function linearFrame(xt: Ticks, yt: Ticks) {
  const yLabels = yt.values.map((v) => tickLabel(v, yt.step));
  const left = Math.max(52, yAxisWidth(yLabels));
  const frame: Frame = { left, top: TITLE_HEIGHT, width: WIDTH - left - 14, height: PLOT_HEIGHT };
  return { yLabels, left, frame, x: linear(xt.domain, [left, left + frame.width]), y: linear(yt.domain, [frame.top + frame.height, frame.top]) };
}
