/** Path data of the marks (every mark is a <path>, as screen readers and the browser test expect). */
import { num } from './format';

export function rectPath(x: number, y: number, width: number, height: number): string {
  return `M${num(x)},${num(y)}h${num(width)}v${num(height)}h${num(-width)}Z`;
}

export function circlePath(cx: number, cy: number, r: number): string {
  return `M${num(cx - r)},${num(cy)}a${num(r)},${num(r)} 0 1,0 ${num(2 * r)},0a${num(r)},${num(r)} 0 1,0 ${num(-2 * r)},0Z`;
}

/** An upward triangle about as large as a circle of radius r. */
export function trianglePath(cx: number, cy: number, r: number): string {
  const s = r * 1.25;
  return `M${num(cx)},${num(cy - s)}L${num(cx + s)},${num(cy + 0.8 * s)}L${num(cx - s)},${num(cy + 0.8 * s)}Z`;
}

/** A line through the points; a null breaks it, so the line resumes at the next point. */
export function linePath(points: readonly ([number, number] | null)[]): string {
  let d = '';
  let drawing = false;
  for (const p of points) {
    if (!p) drawing = false;
    else {
      d += `${drawing ? 'L' : 'M'}${num(p[0])},${num(p[1])}`;
      drawing = true;
    }
  }
  return d;
}

/** A mark: its path data, and its own fill when marks of a group differ in colour. */
export type Mark = string | { d: string; fill: string };

/** A group of data marks: one <path> per mark, with what they share (fill, stroke…) on the group. */
export function marks(name: string, paths: readonly Mark[], attributes = ''): string {
  if (!paths.length) return '';
  const path = (m: Mark) => (typeof m === 'string' ? `<path d="${m}"/>` : `<path d="${m.d}" fill="${m.fill}"/>`);
  return `<g class="role-mark ${name}"${attributes ? ` ${attributes}` : ''}>${paths.map(path).join('')}</g>`;
}
