/** Numbers and text as they are written into the SVG. */

/**
 * A coordinate or size: at most two decimals. A number that is not finite is
 * a bug in the drawing, never something to write: it throws, and the report
 * says the picture could not be drawn.
 */
export function num(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`a coordinate is ${x}`);
  const r = Math.round(x * 100) / 100;
  return String(r === 0 ? 0 : r); // never "-0"
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an element or an attribute. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c]!);
}

const MINUS = '\u2212';

/** A tick label: as many decimals as the step between ticks needs, exponents for very small or large numbers. */
export function tickLabel(value: number, step: number): string {
  if (value === 0) return '0';
  const stepDigit = Math.floor(Math.log10(step) + 1e-9);
  let text: string;
  if (step < 1e-3 || Math.abs(value) >= 1e6) {
    const digits = Math.max(0, Math.floor(Math.log10(Math.abs(value)) + 1e-9) - stepDigit);
    text = value.toExponential(Math.min(digits, 6)).replace('e+', 'e');
  } else {
    text = value.toFixed(Math.max(0, -stepDigit));
  }
  return text.replace(/-/g, MINUS);
}

/** A number for a label that is not on a tick: three significant digits. */
export function shortNumber(value: number): string {
  return String(Number(value.toPrecision(3))).replace('e+', 'e').replace(/-/g, MINUS);
}

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** 10^k for a log axis: 1, 10⁻¹, 10⁻², … */
export function decadeLabel(k: number): string {
  if (k === 0) return '1';
  const digits = [...String(Math.abs(k))].map((d) => SUPERSCRIPTS[Number(d)]).join('');
  return `10${k < 0 ? '⁻' : ''}${digits}`;
}

/** A rough width of text in the sans-serif system font, to lay labels out without measuring them. */
export function textWidth(text: string, fontSize = 11): number {
  return [...text].length * fontSize * 0.62;
}
