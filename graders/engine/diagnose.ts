import { formatNumber, type NdArray } from './ndarray';

/**
 * Generic diagnoses of a wrong tensor: cheap transformations of the expected
 * values (or of the learner's) that may reproduce the other side exactly — a
 * constant offset, a term or a factor per row or per column (per index of the
 * first or last axis for results of rank 3 or more), a normalisation over the
 * wrong axis, a nonlinearity too many or missing. Each one is offered
 * only when it fits every element to the check's tolerance and the case can
 * tell it apart (enough elements, values that vary, a nonlinearity that changes
 * something here); compare.ts shows one only when nothing else fits too.
 */
export interface Judge {
  /** Whether `candidate` matches `reference` at every element, to the check's tolerance times `times`. */
  close(reference: readonly number[], candidate: readonly number[], times?: number): boolean;
  /** The check's allowed error for values of this size: a difference below it says nothing. */
  floor(values: readonly number[]): number;
  rtol: number;
}

/**
 * How far beyond the tolerance the mismatch must be before a transform is named: a
 * transform that fits must then move some value by at least twice the tolerance,
 * which float32 noise on a correct computation never does.
 */
const CLEAR = 3;

/** Every generic diagnosis that fits (compare.ts names one only when it is alone). */
export function genericDiagnoses(expected: NdArray, actual: NdArray, judge: Judge): string[] {
  const e = expected.data;
  const a = actual.data;
  // One value, or values all alike, fit several transforms at once: nothing can be told apart.
  if (expected.dtype === 'bool' || e.length < 2 || !varies(e, judge) || !varies(a, judge)) return [];
  if (judge.close(e, a, CLEAR)) return [];
  const found = [offset(e, a, judge)];
  // Integers (indices, counts, labels) can be off by one; scaling them or a nonlinearity of them means nothing.
  if (expected.dtype === 'float32') {
    const grid = asGrid(expected);
    found.push(...nonlinearities(e, a, grid, judge), ...softmaxes(expected, actual, judge));
    if (grid) found.push(...rowColumnTerms(e, a, grid, judge), ...scalings(e, a, grid, judge));
    found.push(...axisTransforms(expected, actual, judge));
  }
  return found.filter((m): m is string => m !== undefined);
}

const show = (v: number) => formatNumber(Number(v.toPrecision(4)));
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

function varies(values: readonly number[], judge: Judge): boolean {
  return spread(values) > judge.floor(values);
}

function spread(values: readonly number[]): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return hi - lo;
}

/** actual = expected + c, the same c everywhere (expected varies, so no factor fits as well). */
function offset(e: readonly number[], a: readonly number[], judge: Judge): string | undefined {
  const c = mean(a.map((v, i) => v - e[i]!));
  if (!(Math.abs(c) > judge.floor(e)) || !judge.close(e.map((v) => v + c), a)) return undefined;
  return (
    `Every value is off by the same ${show(Math.abs(c))} (yours = expected ${c > 0 ? '+' : '−'} ${show(Math.abs(c))}): ` +
    'a constant term missing, extra, or with the wrong sign?'
  );
}

interface Size2 {
  rows: number;
  cols: number;
}

/** A 2-D result, with its rows and columns cut out (once per array: the transforms read them often). */
interface Grid extends Size2 {
  /** The rows of x (axis 1), or its columns (axis 0) when `byColumn`. */
  lines(x: readonly number[], byColumn: boolean): number[][];
}

/** A 2-D result with at least 2 rows and 2 columns: per-row and per-column transforms need both to be told apart. */
function asGrid(x: NdArray): Grid | undefined {
  if (x.shape.length !== 2) return undefined;
  const [rows, cols] = x.shape as [number, number];
  return gridOf(rows, cols);
}

/** Flat row-major values seen as rows × cols (both at least 2). */
function gridOf(rows: number, cols: number): Grid | undefined {
  if (rows < 2 || cols < 2) return undefined;
  const cut = new Map<readonly number[], number[][]>();
  const cutColumns = new Map<readonly number[], number[][]>();
  return {
    rows,
    cols,
    lines(v, byColumn) {
      const cache = byColumn ? cutColumns : cut;
      let lines = cache.get(v);
      if (!lines) {
        lines = byColumn ? Array.from({ length: cols }, () => new Array<number>(rows)) : Array.from({ length: rows }, (_, i) => v.slice(i * cols, (i + 1) * cols));
        if (byColumn) for (let k = 0; k < v.length; k++) lines[k % cols]![Math.floor(k / cols)] = v[k]!;
        cache.set(v, lines);
      }
      return lines;
    },
  };
}

/**
 * actual − expected constant along each row, differing between rows: a [rows, 1]
 * term broadcast over the columns (like b in W·X + b). The same for columns.
 */
function rowColumnTerms(e: readonly number[], a: readonly number[], g: Grid, judge: Judge): (string | undefined)[] {
  return [false, true].map((byColumn) => {
    if (!lineTerms(e, a, g, byColumn, judge)) return undefined;
    return byColumn
      ? `Yours − expected is the same down each column but differs between columns: a term of shape [1, ${g.cols}] (one value per column, e.g. per example) is missing, extra, or has the wrong sign?`
      : `Yours − expected is the same along each row but differs between rows: a term of shape [${g.rows}, 1] (like a bias b) is missing, extra, or has the wrong sign?`;
  });
}

/**
 * The term of each row (or column) when actual = expected + that term fits every element
 * and the terms differ. The expected values must vary along some line, or a factor per line fits too.
 */
function lineTerms(e: readonly number[], a: readonly number[], g: Grid, byColumn: boolean, judge: Judge): number[] | undefined {
  const lines = g.lines(e, byColumn);
  const terms = lines.map((el, i) => mean(g.lines(a, byColumn)[i]!.map((v, k) => v - el[k]!)));
  // A line whose expected values are all alike fits a factor as well as a term: one that varies must show a term.
  const floor = judge.floor(e);
  if (!(spread(terms) > floor) || !lines.some((el, i) => varies(el, judge) && Math.abs(terms[i]!) > floor)) return undefined;
  const predicted = e.map((v, k) => v + terms[byColumn ? k % g.cols : Math.floor(k / g.cols)]!);
  return judge.close(predicted, a) ? terms : undefined;
}

/**
 * actual/expected as a factor per row, per column, or a factor per row times one
 * per column (u_i·v_j, both varying): what a softmax or a division by a sum over
 * the wrong axis gives. A constant factor is compare.ts's own diagnosis.
 */
function scalings(e: readonly number[], a: readonly number[], g: Grid, judge: Judge): (string | undefined)[] {
  // An outer product x·yᵀ times a factor per row is another outer product: any change of x or y fits.
  if (isOuterProduct(e, g, judge)) return [];
  const found = [false, true].map((byColumn) => {
    if (!lineFactors(e, a, g, byColumn, judge)) return undefined;
    return byColumn
      ? 'Each column of yours is the expected column times its own factor: a scaling per column (a scale per coordinate, or a division by each column\'s sum, norm or count) is missing, extra, or wrong?'
      : 'Each row of yours is the expected row times its own factor: a scaling per row (a scale per unit, or a division by each row\'s sum, norm or count) is missing, extra, or wrong?';
  });
  if (found.some(Boolean)) return found;
  return [outerProduct(e, a, g, judge)];
}

/** The factor of each row (or column) when actual = expected × that factor fits every element and the factors differ. */
function lineFactors(e: readonly number[], a: readonly number[], g: Grid, byColumn: boolean, judge: Judge): number[] | undefined {
  const count = byColumn ? g.cols : g.rows;
  const factors: number[] = [];
  const telling: number[] = [];
  const floor = judge.floor(e);
  let scaled = false;
  for (let i = 0; i < count; i++) {
    const el = g.lines(e, byColumn)[i]!;
    const al = g.lines(a, byColumn)[i]!;
    const norm = el.reduce((s, v) => s + v * v, 0);
    factors.push(norm > 0 ? el.reduce((s, v, k) => s + v * al[k]!, 0) / norm : 0);
    // A line with two clear non-zero values checks its factor; one with a single value can take any factor.
    if (el.filter((v) => Math.abs(v) > floor).length >= 2) telling.push(factors[i]!);
    // A line whose expected values are all alike fits a term as well as a factor: one that varies must show a factor.
    if (varies(el, judge) && Math.abs(factors[i]! - 1) > CLEAR * judge.rtol) scaled = true;
  }
  if (telling.length < 2 || !scaled || !distinctFactors(telling, judge)) return undefined;
  // A line zeroed, or a few lines changed among lines left as they are, is some other mistake than a scaling.
  const largest = telling.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  if (telling.some((k) => Math.abs(k) <= CLEAR * judge.rtol * largest || Math.abs(k - 1) <= CLEAR * judge.rtol)) return undefined;
  return judge.close(e.map((v, k) => v * factors[byColumn ? k % g.cols : Math.floor(k / g.cols)]!), a) ? factors : undefined;
}

/** Whether every value is x_i·y_j for some vectors x and y (a single example's gradient, pos·frequency …). */
function isOuterProduct(e: readonly number[], g: Grid, judge: Judge): boolean {
  let at = 0;
  for (let k = 1; k < e.length; k++) if (Math.abs(e[k]!) > Math.abs(e[at]!)) at = k;
  const [p, q] = [Math.floor(at / g.cols), at % g.cols];
  if (!(Math.abs(e[at]!) > 0)) return true;
  return judge.close(e, e.map((_, k) => (e[Math.floor(k / g.cols) * g.cols + q]! * e[p * g.cols + (k % g.cols)]!) / e[at]!));
}

function distinctFactors(factors: readonly number[], judge: Judge): boolean {
  const largest = factors.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  return spread(factors) > CLEAR * judge.rtol * largest;
}

/** actual[i][j] = expected[i][j]·u[i]·v[j], u and v both varying. */
function outerProduct(e: readonly number[], a: readonly number[], g: Grid, judge: Judge): string | undefined {
  // The ratios are read on the row and the column whose smallest expected value is largest.
  const smallest = (l: number[]) => l.reduce((m, x) => Math.min(m, Math.abs(x)), Infinity);
  const best = (count: number, byColumn: boolean) => {
    let at = 0;
    const least = g.lines(e, byColumn).map(smallest);
    for (let i = 1; i < count; i++) if (least[i]! > least[at]!) at = i;
    return at;
  };
  const p = best(g.rows, false);
  const q = best(g.cols, true);
  const floor = judge.floor(e);
  if (!(smallest(g.lines(e, false)[p]!) > floor) || !(smallest(g.lines(e, true)[q]!) > floor)) return undefined;
  const pivot = a[p * g.cols + q]! / e[p * g.cols + q]!;
  if (!(Math.abs(pivot) > 0)) return undefined;
  const u = Array.from({ length: g.rows }, (_, i) => a[i * g.cols + q]! / e[i * g.cols + q]!);
  const v = Array.from({ length: g.cols }, (_, j) => a[p * g.cols + j]! / e[p * g.cols + j]! / pivot);
  if (![...u, ...v].every((x) => Number.isFinite(x) && x !== 0) || !distinctFactors(u, judge) || !distinctFactors(v, judge)) return undefined;
  // Values outside the pivot's row and column are what checks the fit: at least two of them, clearly non-zero.
  let checks = 0;
  for (let i = 0; i < g.rows; i++) for (let j = 0; j < g.cols; j++) if (i !== p && j !== q && Math.abs(e[i * g.cols + j]!) > floor) checks++;
  if (checks < 2 || !judge.close(e.map((x, k) => x * u[Math.floor(k / g.cols)]! * v[k % g.cols]!), a)) return undefined;
  return 'Yours = expected times a factor per row times a factor per column (yours[i][j] = expected[i][j]·u[i]·v[j]): normalised (a softmax, or a division by a sum or norm) over the wrong axis?';
}

/**
 * A result of rank 3 or more (images [m, nH, nW, nC], sequences [nx, m, Tx]): a term
 * or a factor per index of its first or last axis (a bias per channel missing or
 * added twice, a scale per example). Each is the per-row or per-column transform of
 * the result seen as a grid: [first axis, all the rest] or [all the rest, last axis].
 */
function axisTransforms(expected: NdArray, actual: NdArray, judge: Judge): (string | undefined)[] {
  const { shape } = expected;
  const e = expected.data;
  const a = actual.data;
  // A constant term or factor that fits is the simpler diagnosis (offset() here, compare.ts for a factor).
  if (shape.length < 3 || constantFits(e, a, judge)) return [];
  return (['first', 'last'] as const).flatMap((axis) => {
    const byColumn = axis === 'last';
    const length = byColumn ? shape[shape.length - 1]! : shape[0]!;
    // The other axes all of size 1 leave one element per index: any difference would fit.
    const g = gridOf(byColumn ? e.length / length : length, byColumn ? length : e.length / length);
    if (!g) return [];
    const floor = judge.floor(e);
    const terms = lineTerms(e, a, g, byColumn, judge);
    // An outer product of the axis with the rest, times a factor per index, is another one: any change of either fits.
    const factors = isOuterProduct(e, g, judge) ? undefined : lineFactors(e, a, g, byColumn, judge);
    return [
      // A term of about 0 at some index is a mistake confined to the other indices, not a term broadcast over all of them.
      terms && terms.every((t) => Math.abs(t) > floor) ? axisTermMessage(axis, shape, terms) : undefined,
      factors ? axisFactorMessage(axis, shape.length, factors) : undefined,
    ];
  });
}

/** Whether actual = expected + c or actual = k·expected fits, for one c or one k. */
function constantFits(e: readonly number[], a: readonly number[], judge: Judge): boolean {
  const c = mean(a.map((v, i) => v - e[i]!));
  const norm = e.reduce((s, v) => s + v * v, 0);
  const k = norm > 0 ? e.reduce((s, v, i) => s + v * a[i]!, 0) / norm : 0;
  return judge.close(e.map((v) => v + c), a) || judge.close(e.map((v) => v * k), a);
}

/** The first values of a list, each shown by `one`; "…" for the rest beyond four. */
function listed(values: readonly number[], one: (v: number) => string): string {
  const shown = values.length <= 4 ? values : values.slice(0, 3);
  return shown.map(one).join(', ') + (shown.length < values.length ? ', …' : '');
}

const signed = (v: number) => `${v < 0 ? '−' : '+'}${show(Math.abs(v))}`;

function axisTermMessage(axis: 'first' | 'last', shape: readonly number[], terms: readonly number[]): string {
  const termShape = shape.map((d, i) => ((axis === 'first' ? i === 0 : i === shape.length - 1) ? d : 1));
  // What the axis holds is named only for a batch of images: the function may be about anything else.
  const meaning =
    shape.length !== 4 ? '' : axis === 'last' ? ' — for images [m, nH, nW, nC], a bias per channel' : ' — for images [m, nH, nW, nC], one per example';
  return (
    `Yours − expected depends only on the index along the ${axis} axis (${listed(terms, signed)}): ` +
    `a term of shape [${termShape.join(', ')}] (one value per index of the ${axis} axis${meaning}) is missing, added twice, or has the wrong sign?`
  );
}

function axisFactorMessage(axis: 'first' | 'last', rank: number, factors: readonly number[]): string {
  const meaning = rank !== 4 ? '' : ` (per ${axis === 'last' ? 'channel' : 'example'} for images [m, nH, nW, nC])`;
  const list = listed(factors, (k) => `×${k < 0 ? '−' : ''}${show(Math.abs(k))}`);
  return (
    `Yours is the expected value times a factor that depends only on the index along the ${axis} axis (${list}): ` +
    `a scale per index of the ${axis} axis${meaning}, or a division by a sum, norm or count over the other axes, is missing, extra, or wrong?`
  );
}

interface Nonlinearity {
  name: string;
  f: (x: number) => number;
  /** Whether an input tells f apart: away from where f is flat (sigmoid, tanh) or vanishing (exp). */
  telling: (x: number, floor: number) => boolean;
  /** Yours = f(expected). */
  extra: string;
  /** Expected = f(yours). */
  missing: string;
}

const NONLINEARITIES: Nonlinearity[] = [
  {
    name: 'relu',
    f: (x) => Math.max(0, x),
    telling: (x, floor) => Math.abs(x) > floor,
    extra: 'Yours = relu(expected): every negative value is 0. A ReLU is applied here that should not be (the result keeps its negative values)?',
    missing: 'Expected = relu(yours): where yours is negative, 0 is expected, and the rest is right. The ReLU is missing?',
  },
  {
    name: 'sigmoid',
    f: (x) => 1 / (1 + Math.exp(-x)),
    telling: (x) => Math.abs(x) < 6,
    extra: 'Yours = sigmoid(expected): a sigmoid is applied that should not be here (the expected values come before it)?',
    missing: 'Expected = sigmoid(yours): the sigmoid is missing (yours are the values before it)?',
  },
  {
    name: 'tanh',
    f: Math.tanh,
    telling: (x) => Math.abs(x) < 3,
    extra: 'Yours = tanh(expected): a tanh is applied that should not be here (the expected values come before it)?',
    missing: 'Expected = tanh(yours): the tanh is missing (yours are the values before it)?',
  },
  {
    name: 'exp',
    f: Math.exp,
    telling: (x) => x > -5 && x < 20,
    extra: 'Yours = exp(expected): an exp too many, or a log missing?',
    missing: 'Expected = exp(yours), so yours = log(expected): an exp missing, or a log too many?',
  },
];

/** Yours = f(expected) or expected = f(yours), on inputs where f changes the values and is not flat. */
function nonlinearities(e: readonly number[], a: readonly number[], g: Grid | undefined, judge: Judge): (string | undefined)[] {
  return NONLINEARITIES.flatMap((nl) => [
    applies(nl, e, g, judge) && judge.close(e.map(nl.f), a) ? nl.extra : undefined,
    applies(nl, a, g, judge) && judge.close(e, a.map(nl.f)) ? nl.missing : undefined,
  ]);
}

function applies(nl: Nonlinearity, inputs: readonly number[], g: Grid | undefined, judge: Judge): boolean {
  const floor = judge.floor(inputs);
  if (nl.name === 'relu') return reluShows(inputs, g, floor);
  // The others need two distinct outputs off their flat parts.
  const telling = inputs.filter((x) => nl.telling(x, floor));
  return telling.length >= 2 && varies(telling.map(nl.f), judge);
}

/**
 * ReLU shows with two values it zeroes and two it keeps, the signs mixed within
 * a row and within a column of a 2-D result: when each row (or column) has one
 * sign, zeroing the negative ones is as well any mistake confined to them.
 */
function reluShows(inputs: readonly number[], g: Grid | undefined, floor: number): boolean {
  const mixed = (xs: readonly number[], least: number) =>
    xs.filter((x) => x < -floor).length >= least && xs.filter((x) => x > floor).length >= least;
  if (!mixed(inputs, 2)) return false;
  if (!g) return true;
  return g.lines(inputs, false).some((l) => mixed(l, 1)) && g.lines(inputs, true).some((l) => mixed(l, 1));
}

/** Yours = softmax(expected) or expected = softmax(yours), over an axis of length ≥ 2 of a 1-D or 2-D result. */
function softmaxes(expected: NdArray, actual: NdArray, judge: Judge): (string | undefined)[] {
  const shape = expected.shape;
  if (shape.length < 1 || shape.length > 2) return [];
  const g: Size2 = shape.length === 1 ? { rows: 1, cols: shape[0]! } : { rows: shape[0]!, cols: shape[1]! };
  const axes = shape.length === 1 ? [0] : [0, 1];
  return axes.flatMap((axis) => {
    const byColumn = shape.length === 2 && axis === 0;
    if ((byColumn ? g.rows : g.cols) < 2) return [];
    const where = shape.length === 2 ? ` over axis ${axis}` : '';
    const e = expected.data;
    const a = actual.data;
    const ofE = softmax(e, g, byColumn);
    const ofA = softmax(a, g, byColumn);
    return [
      varies(ofE, judge) && judge.close(ofE, a) ? `Yours = softmax(expected)${where}: a softmax too many (the expected values come before it)?` : undefined,
      varies(ofA, judge) && judge.close(e, ofA) ? `Expected = softmax(yours)${where}: the softmax is missing (yours are the scores before it)?` : undefined,
    ];
  });
}

function softmax(x: readonly number[], g: Size2, byColumn: boolean): number[] {
  const out = new Array<number>(x.length);
  const count = byColumn ? g.cols : g.rows;
  const len = byColumn ? g.rows : g.cols;
  const at = (i: number, k: number) => (byColumn ? k * g.cols + i : i * g.cols + k);
  for (let i = 0; i < count; i++) {
    let max = -Infinity;
    for (let k = 0; k < len; k++) max = Math.max(max, x[at(i, k)]!);
    let sum = 0;
    for (let k = 0; k < len; k++) sum += Math.exp(x[at(i, k)]! - max);
    for (let k = 0; k < len; k++) out[at(i, k)] = Math.exp(x[at(i, k)]! - max) / sum;
  }
  return out;
}
