/**
 * The report's own SVG renderer (graders/engine/report/svg): every plot kind
 * draws well-formed SVG with one mark per datum, on the right scales, with
 * gaps for missing values, and never writes NaN or Infinity.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accessible } from '../graders/engine/report/html';
import type { Plot } from '../graders/engine/report/model';
import { boundaryGrid, costsPlot, decisionBoundaryPlot, gradientErrorsPlot, heatmapPlot, histogramPlot } from '../graders/engine/report/plots';
import { num, tickLabel } from '../graders/engine/report/svg/format';
import { colorOf } from '../graders/engine/report/svg/heatmap';
import { drawPlot } from '../graders/engine/report/svg/index';
import { ticks } from '../graders/engine/report/svg/scale';

// ---- A tiny XML reader: enough to say the SVG is well formed and to count marks ----

const TAG = /^<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>$/;

/** Throws unless every tag is well formed and closed in order, and text holds no raw markup. */
function checkWellFormed(xml: string): void {
  const stack: string[] = [];
  for (const part of xml.split(/(<[^>]*>)/)) {
    if (!part.startsWith('<')) {
      if (/[<>]|&(?!(?:amp|lt|gt|quot|#\d+);)/.test(part)) throw new Error(`raw markup in text: ${part}`);
      continue;
    }
    const m = TAG.exec(part);
    if (!m) throw new Error(`malformed tag: ${part}`);
    const names = [...m[3]!.matchAll(/([\w:-]+)=/g)].map((a) => a[1]);
    if (new Set(names).size !== names.length) throw new Error(`repeated attribute: ${part}`);
    if (m[1]) {
      if (stack.pop() !== m[2]) throw new Error(`</${m[2]}> closes nothing open`);
    } else if (!m[4]) stack.push(m[2]!);
  }
  if (stack.length) throw new Error(`unclosed: ${stack.join(', ')}`);
}

/** The <path> d attributes of each data-mark group, by the group's class (without "role-mark "). */
function markGroups(svg: string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const g of svg.matchAll(/<g class="role-mark ([^"]+)"[^>]*>(.*?)<\/g>/g)) {
    groups.set(g[1]!, [...g[2]!.matchAll(/<path d="([^"]*)"/g)].map((p) => p[1]!));
  }
  return groups;
}

const marksIn = (svg: string, name: string) => markGroups(svg).get(name) ?? [];
/** Subpaths of a path: each M starts one. */
const moves = (d: string) => (d.match(/M/g) ?? []).length;

// ---- Plots to draw --------------------------------------------------------------

const gradient = gradientErrorsPlot(
  [
    { variable: 'W1', relativeError: 3e-9, passed: true },
    { variable: 'b1', relativeError: 0, passed: true },
    { variable: 'W2', relativeError: 0.4, passed: false },
    { variable: 'b2', relativeError: Infinity, passed: false },
  ],
  1e-2,
);
const costs = costsPlot('Training cost', 'epoch', [
  { name: 'gradient descent', every: 1, costs: [0.7, 0.6, NaN, 0.5, 0.45, Infinity, 0.4] },
  { name: 'Adam', every: 2, costs: [0.7, 0.3, 0.1] },
]);
const xs = [-1, -0.5, 0, 0.5, 1, 1.5];
const ys = [0, 1, -1, 0.5, 2, -0.5];
const grid = boundaryGrid(xs, ys, 10);
// Class 1 right of x = 0.3.
const boundary = decisionBoundaryPlot('Decision boundary', grid, Array.from({ length: 100 }, (_, k) => (grid.columns[k]! > 0.3 ? 0.9 : 0.1)), {
  x: xs,
  y: ys,
  label: [0, 0, 0, 1, 1, 1],
});
const samples = Array.from({ length: 1000 }, (_, i) => Math.sin(i * 12.9898) * 0.1);
const histogram = histogramPlot('W1', 'W1 entries', [...samples, NaN, Infinity], { mean: 0, std: 0.05 }, 20);
const heatmap = heatmapPlot('Z', 'A map', 3, 4, [1, -2, 0, 3, NaN, 0.5, -0.5, Infinity, 2, 2, -3, 0]);
const all: Plot[] = [gradient, costs, boundary, histogram, heatmap];

describe('the SVG of every plot kind', () => {
  it.each(all.map((p) => [p.kind, p] as const))('%s: well formed, ≤ 420 px wide, sized, self-contained, finite', (_, plot) => {
    const svg = drawPlot(plot);
    checkWellFormed(svg);
    const root = /^<svg\b[^>]*>/.exec(svg)![0];
    const [w, h] = ['width', 'height'].map((a) => Number(new RegExp(`\\b${a}="([\\d.]+)"`).exec(root)![1]));
    expect(w).toBeLessThanOrEqual(420);
    expect(h).toBeGreaterThan(100);
    expect(root).toContain(`viewBox="0 0 ${w} ${h}"`);
    expect(root).toContain('font-family="system-ui, sans-serif"');
    expect(svg).not.toMatch(/NaN|Infinity|<script|<image|href=|url\(|\bid="/);
    // Every number written has at most two decimals.
    expect(svg.match(/\d\.\d{3,}/g)).toBeNull();
    expect(markGroups(svg).size).toBeGreaterThan(0);
  });

  it('the well-formedness check fails on broken SVG', () => {
    expect(() => checkWellFormed('<svg><g></svg>')).toThrow();
    expect(() => checkWellFormed('<svg><text>a < b</text></svg>')).toThrow();
    expect(() => checkWellFormed('<svg><text>a & b</text></svg>')).toThrow();
    expect(() => checkWellFormed('<svg width=3></svg>')).toThrow();
    expect(() => checkWellFormed('<svg x="1" x="2"></svg>')).toThrow();
    expect(() => checkWellFormed('<svg><text>a &amp; b</text><path d="M0,0"/></svg>')).not.toThrow();
  });

  it('escapes text: a title with markup stays text', () => {
    const svg = drawPlot({ ...heatmap, title: 'Z <b> & "q"' });
    checkWellFormed(svg);
    expect(svg).toContain('Z &lt;b&gt; &amp; &quot;q&quot;');
  });

  it('accessible() names the drawn SVG right after its opening tag', () => {
    const named = accessible(drawPlot(costs), 'plot7', costs.title, costs.description);
    expect(named).toMatch(/^<svg\b[^>]*role="img" aria-labelledby="plot7-title plot7-desc"><title id="plot7-title">Training cost<\/title><desc id="plot7-desc">/);
    checkWellFormed(named);
  });
});

describe('gradient errors', () => {
  const svg = drawPlot(gradient);
  const yOfLabel = (label: string) => Number(new RegExp(`y="([\\d.]+)" dy="0.35em" text-anchor="end">${label}<`).exec(svg)![1]);
  const centreY = (d: string) => Number(/^M[\d.]+,([\d.]+)a/.exec(d)![1]);
  const ruleY = (s: string) => Number(/class="rule tolerance"><path d="M[\d.]+,([\d.]+)h/.exec(s)![1]);

  it('a green circle per variable within tolerance, a red triangle per wrong one', () => {
    expect(marksIn(svg, 'points within-tolerance')).toHaveLength(2);
    expect(marksIn(svg, 'points wrong')).toHaveLength(2);
    expect(svg).toMatch(/class="role-mark points wrong" fill="#b3261e"><path d="M[\d.]+,[\d.]+L/);
  });

  it('decade ticks from 1 down to the floor, the tolerance rule on its decade, zero at the floor and infinity at 1', () => {
    // Floor: 10× below 3e-9 → 1e-10.
    for (const label of ['1', '10⁻¹', '10⁻²', '10⁻⁵', '10⁻¹⁰']) expect(svg).toContain(`>${label}</text>`);
    expect(svg).not.toContain('>10⁻¹¹<');
    expect(ruleY(svg)).toBeCloseTo(yOfLabel('10⁻²'), 1);
    expect(svg).toContain('>tolerance 0.01</text>');
    const [w1, b1] = marksIn(svg, 'points within-tolerance').map(centreY);
    expect(b1).toBeCloseTo(yOfLabel('10⁻¹⁰'), 1);
    expect(w1).toBeCloseTo(yOfLabel('10⁻⁹') + Math.log10(3) * (yOfLabel('10⁻⁸') - yOfLabel('10⁻⁹')), 1);
  });

  it('a missing, misshapen or NaN gradient is drawn at the top, 1', () => {
    const errors = [null, Infinity, NaN].map((relativeError, i) => ({ variable: `v${i}`, relativeError, passed: false }));
    const top = drawPlot({ ...gradient, errors });
    const tops = marksIn(top, 'points wrong').map((d) => Number(/^M[\d.]+,([\d.]+)L/.exec(d)![1]));
    expect(tops).toHaveLength(3);
    // A triangle's apex is 6.875 px above its centre.
    for (const y of tops) expect(y + 6.875).toBeCloseTo(yOfLabel('1'), 1);
  });

  it('a tolerance between decades sits at its logarithm', () => {
    const other = drawPlot({ ...gradient, tolerance: 2e-2 });
    const [y1, y2] = [yOfLabel('10⁻¹'), yOfLabel('10⁻²')];
    expect(ruleY(other)).toBeCloseTo(y2 + Math.log10(2) * (y1 - y2), 1);
    expect(ruleY(other)).not.toBeCloseTo(ruleY(svg), 0);
  });
});

describe('costs', () => {
  const svg = drawPlot(costs);

  it('a point per recorded cost, and a gap in the line for each cost that is not a number', () => {
    expect(marksIn(svg, 'points series-0')).toHaveLength(5);
    expect(marksIn(svg, 'points series-1')).toHaveLength(3);
    const [line0] = marksIn(svg, 'line series-0');
    // 0.7, 0.6 | 0.5, 0.45 | 0.4: three runs.
    expect(moves(line0!)).toBe(3);
    expect(moves(marksIn(svg, 'line series-1')[0]!)).toBe(1);
  });

  it('x is the step (index × every), y is not forced to zero, a legend names the series', () => {
    // Adam's last point is step 4; the axis runs to a nice 6 past gradient descent's step 6.
    expect(svg).toMatch(/>6<\/text>/);
    expect(svg).not.toMatch(/>0\.0<\/text>|>0<\/text><\/g><g class="axis x"/);
    expect(svg).toContain('>0.7</text>');
    expect(svg).toContain('>gradient descent</text>');
    expect(svg).toContain('>Adam</text>');
    expect(drawPlot(costsPlot('one', 'iteration', [{ name: 'solo', every: 100, costs: [1, 0.5] }]))).not.toContain('class="legend"');
  });
});

describe('decision boundary', () => {
  const svg = drawPlot(boundary);

  it('regions as runs of a prediction along each row, points coloured by label', () => {
    // Each of the 10 rows: one class-0 run then one class-1 run.
    expect(marksIn(svg, 'region class-0')).toHaveLength(10);
    expect(marksIn(svg, 'region class-1')).toHaveLength(10);
    expect(marksIn(svg, 'points class-0')).toHaveLength(3);
    expect(marksIn(svg, 'points class-1')).toHaveLength(3);
    expect(svg).toContain('>class 0</text>');
    expect(svg).toContain('>class 1</text>');
  });

  it('one run per row when a row is one class', () => {
    const flat = drawPlot(decisionBoundaryPlot('flat', grid, new Array(100).fill(0.9), { x: xs, y: ys, label: [0, 0, 0, 1, 1, 1] }));
    expect(marksIn(flat, 'region class-0')).toHaveLength(0);
    expect(marksIn(flat, 'region class-1')).toHaveLength(10);
  });
});

describe('histogram', () => {
  const svg = drawPlot(histogram);

  it('a bar per non-empty bin and the expected curve through 121 points', () => {
    expect(marksIn(svg, 'bars')).toHaveLength(histogram.counts.filter((c) => c > 0).length);
    const [curve] = marksIn(svg, 'line expected');
    expect(moves(curve!)).toBe(1);
    expect(curve!.match(/L/g)).toHaveLength(120);
    expect(svg).toContain('>yours</text>');
    expect(svg).toContain('>expected: N(0, 0.05²)</text>');
  });

  it('bars as tall as their counts on a count axis from 0', () => {
    const bottom = Number(/y="([\d.]+)" dy="0.35em" text-anchor="end">0</.exec(svg)![1]);
    const heights = marksIn(svg, 'bars').map((d) => Number(/v([\d.]+)h/.exec(d)![1]));
    const nonEmpty = histogram.counts.filter((c) => c > 0);
    const perCount = heights[0]! / nonEmpty[0]!;
    heights.forEach((h, i) => expect(h).toBeCloseTo(nonEmpty[i]! * perCount, 0));
    expect(bottom).toBeGreaterThan(100);
  });
});

describe('heatmap', () => {
  const svg = drawPlot(heatmap);

  it('a cell per value, the missing ones grey and crossed', () => {
    expect(marksIn(svg, 'cells')).toHaveLength(10);
    expect(marksIn(svg, 'cells missing')).toHaveLength(2);
    expect(marksIn(svg, 'cells missing').every((d) => moves(d) === 2)).toBe(true);
    expect(svg).toContain('>not a number</text>');
    expect(drawPlot(heatmapPlot('Z', 'all there', 2, 2, [1, 2, 3, 4]))).not.toContain('not a number');
  });

  it('diverging colours: white at 0, blue below, orange above, symmetric unless a domain is given', () => {
    const { domain, color } = colorOf(heatmap);
    expect(domain).toEqual([-3, 3]);
    expect(color(0)).toBe('#f2f0eb');
    expect(color(-3)).toBe('#134b85');
    expect(color(3)).toBe('#994a07');
    expect(color(-1.5)).toBe('#5da2cb');
    const fixed = colorOf(heatmapPlot('A', 'attention', 1, 2, [0.2, 0.4], [0, 1]));
    expect(fixed.domain).toEqual([0, 1]);
    expect(fixed.color(1)).toBe('#994a07');
    expect(fixed.color(0.5)).toBe('#e8932f');
    // The cell of value 3 has the darkest orange; the cell of 0 the white.
    expect(marksIn(svg, 'cells')).toHaveLength(10);
    expect(svg).toContain('fill="#994a07"');
  });

  it('thins out labels when cells are small', () => {
    const wide = drawPlot(heatmapPlot('A', 'wide', 10, 60, new Array(600).fill(0.1), [0, 1]));
    expect(marksIn(wide, 'cells')).toHaveLength(600);
    const colLabels = [...wide.matchAll(/<g class="axis x"[^]*?<\/g>/g)][0]![0].match(/text-anchor="middle">\d+</g)!;
    expect(colLabels.length).toBeLessThan(30);
    expect(Number(/width="([\d.]+)"/.exec(wide)![1])).toBeLessThanOrEqual(420);
  });
});

describe('scales and labels', () => {
  it('nice ticks: 1-2-5 steps, covering the data, about the count asked for', () => {
    expect(ticks(0, 0.73).values).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]);
    expect(ticks(0.0583, 0.7, 5).values).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
    expect(ticks(0, 1900, 6)).toEqual({ domain: [0, 2000], values: [0, 500, 1000, 1500, 2000], step: 500 });
    expect(ticks(-4.2, 3.8, 6, false).values).toEqual([-4, -3, -2, -1, 0, 1, 2, 3]);
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (lo, span) => {
        const t = ticks(lo, lo + span, 5);
        const mantissa = t.step / 10 ** Math.floor(Math.log10(t.step) + 1e-9);
        expect([1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-6)).toBe(true);
        // Up to the rounding of lo + span itself.
        const slack = span * 1e-6 + Math.abs(lo) * 1e-12;
        expect(t.domain[0]).toBeLessThanOrEqual(lo + slack);
        expect(t.domain[1]).toBeGreaterThanOrEqual(lo + span - slack);
        expect(t.values.length).toBeGreaterThanOrEqual(3);
        expect(t.values.length).toBeLessThanOrEqual(12);
        t.values.slice(1).forEach((v, i) => expect(v - t.values[i]!).toBeCloseTo(t.step, 6));
      }),
      { seed: 15, numRuns: 300 },
    );
  });

  it('a single value still gets an axis around it', () => {
    const t = ticks(0.5, 0.5);
    expect(t.domain[0]).toBeLessThan(0.5);
    expect(t.domain[1]).toBeGreaterThan(0.5);
  });

  it('labels with the decimals the step needs, a true minus, exponents for tiny steps', () => {
    expect(tickLabel(0.30000000000000004, 0.1)).toBe('0.3');
    expect(tickLabel(-0.15, 0.05)).toBe('−0.15');
    expect(tickLabel(1500, 500)).toBe('1500');
    expect(tickLabel(2e-4, 1e-4)).toBe('2e−4');
    expect(tickLabel(0, 0.1)).toBe('0');
  });

  it('coordinates: two decimals at most, and a number that is not finite is refused', () => {
    expect(num(1.23456)).toBe('1.23');
    expect(num(-0.001)).toBe('0');
    expect(() => num(NaN)).toThrow();
    expect(() => num(Infinity)).toThrow();
  });

  it('a plot whose numbers cannot be drawn throws rather than writing NaN', () => {
    expect(() => drawPlot({ ...histogram, start: NaN })).toThrow();
  });
});
