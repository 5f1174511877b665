/**
 * Automatic mutants of a reference solution, made with the TypeScript compiler
 * API: every mutation is one change (one span of the source replaced), found by
 * walking the syntax tree of a graded function with the type checker at hand,
 * so that a mutant stays well-typed where it can (a sign flip of a tensor is
 * `tf.neg(…)`, of a number `-(…)`; string concatenation is left alone).
 *
 * Generation is deterministic: the same source gives the same mutations in the
 * same order with the same ids (`<fn>#<k>`, k the position of the mutation among
 * all of that function's candidates, in source order), whatever the cap.
 */
import path from 'node:path';
import ts from 'typescript';
import { exportedFunctionNode, orderEdits, tfNamespace } from '../engine/order-mistakes';

/** The operator classes, in the order the cap visits them. */
export const OPERATORS = [
  'arithmetic',
  'comparison',
  'logical',
  'sign',
  'literal',
  'boolean',
  'term',
  'transpose',
  'axis',
  'keepdims',
  'activation',
  'reduction',
  'math',
  'div-removed',
  'arg-order',
  'loop-bound',
  'argument',
  'order',
] as const;
export type Operator = (typeof OPERATORS)[number];

export const OPERATOR_NOTES: Record<Operator, string> = {
  arithmetic: '+ ↔ −, × ↔ ÷ (operators and tf.add/sub/mul/div)',
  comparison: '< ↔ <=, > ↔ >=, === ↔ !== (and tf.greater/less/equal)',
  logical: '&& ↔ ||, ! removed',
  sign: 'unary minus / tf.neg removed or inserted',
  literal: 'constants: 0 ↔ 1, n → n ± 1, x → 2x, x/2; tf.zeros ↔ tf.ones',
  boolean: 'true ↔ false',
  term: 'one operand of + − × ÷ or tf.add/sub/mul dropped',
  transpose: 'tf.matMul transposeA/transposeB flipped, tf.transpose dropped',
  axis: 'reduction / concat / softmax axis changed',
  keepdims: 'keepDims flipped or added',
  activation: 'sigmoid ↔ tanh ↔ relu',
  reduction: 'sum ↔ mean, max ↔ min, maximum ↔ minimum',
  math: 'sqrt / square / exp / log / abs dropped',
  'div-removed': 'a division (tf.div, .div(m), / m) removed',
  'arg-order': 'the two arguments of a tf op swapped',
  'loop-bound': 'loop bounds: < ↔ <=, i = 0 → i = 1',
  argument: 'an argument with a default ignored: `p = <its default>;` first in the body',
  order: 'an activation moved across a sum: tanh(a + b) ↔ tanh(a) + b (engine/order-mistakes.ts)',
};

export interface Mutation {
  /** `<fn>#<k>`: stable for a given source. */
  id: string;
  fn: string;
  operator: Operator;
  /** The span of the original source replaced, and by what. */
  start: number;
  end: number;
  replacement: string;
  /** 1-based line of the change. */
  line: number;
  /** One line: "line 12 [arithmetic]: tf.add(a, b) → tf.sub(a, b)". */
  description: string;
  /** A unified diff of the changed lines. */
  diff: string;
}

export interface GenerateOptions {
  /** At most this many mutants per function, spread over the operator classes (default 40; 0 = no cap). */
  limit?: number;
  /** Only these operator classes. */
  operators?: readonly Operator[];
  /** A program holding the solution (shared between assignments: building one costs seconds). */
  program?: ts.Program;
  /** How the file is named in diffs (default its path relative to the working directory). */
  displayName?: string;
}

export interface FunctionMutations {
  fn: string;
  /** Every candidate mutation before the cap. */
  candidates: number;
  /** The mutations kept (all of them when under the cap), in source order. */
  mutations: Mutation[];
  /** Candidates per operator class, before the cap. */
  byOperator: Partial<Record<Operator, number>>;
}

export const DEFAULT_LIMIT = 40;

/** Compiler options like the repository's tsconfig (the type checker only reads; nothing is emitted). */
export function createSolutionProgram(files: string[]): ts.Program {
  return ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts'],
    types: ['node'],
    strict: true,
    esModuleInterop: true,
    resolveJsonModule: true,
    skipLibCheck: true,
    noEmit: true,
  });
}

/** Mutations of the given exported functions of a solution file, per function, in the order given. */
export function generateMutations(file: string, fns: readonly string[], options: GenerateOptions = {}): FunctionMutations[] {
  const program = options.program?.getSourceFile(file) ? options.program : createSolutionProgram([file]);
  const sf = program.getSourceFile(file);
  if (!sf) throw new Error(`${file} is not in the program`);
  const checker = program.getTypeChecker();
  const limit = options.limit ?? DEFAULT_LIMIT;
  const allowed = new Set<Operator>(options.operators ?? OPERATORS);
  const display = options.displayName ?? path.relative(process.cwd(), file);
  const out: FunctionMutations[] = [];
  for (const fn of fns) {
    const body = exportedFunctionNode(sf, fn);
    if (!body) {
      out.push({ fn, candidates: 0, mutations: [], byOperator: {} });
      continue;
    }
    const found = [...new Finder(sf, checker, tfNamespace(sf)).run(body), ...pinnedArguments(sf, body), ...orderCandidates(sf, body)].filter((c) => allowed.has(c.operator));
    // Source order, then operator order, then replacement: the ids follow it.
    found.sort((a, b) => a.start - b.start || a.end - b.end || OPERATORS.indexOf(a.operator) - OPERATORS.indexOf(b.operator) || cmp(a.replacement, b.replacement));
    const all: Mutation[] = found.map((c, k) => toMutation(sf, display, fn, k, c));
    const byOperator: Partial<Record<Operator, number>> = {};
    for (const m of all) byOperator[m.operator] = (byOperator[m.operator] ?? 0) + 1;
    out.push({ fn, candidates: all.length, mutations: capSpread(all, limit), byOperator });
  }
  return out;
}

/** The source with one mutation applied. */
export function applyMutation(source: string, m: Pick<Mutation, 'start' | 'end' | 'replacement'>): string {
  return source.slice(0, m.start) + m.replacement + source.slice(m.end);
}

/**
 * At most `limit` mutations, spread over the operator classes (each class gets
 * its share in turn, unused shares passing to the others) and, within a class,
 * evenly over the function. Returned in source order.
 */
export function capSpread(all: Mutation[], limit: number): Mutation[] {
  if (!limit || all.length <= limit) return all;
  const classes = OPERATORS.map((op) => all.filter((m) => m.operator === op)).filter((c) => c.length);
  const quota = classes.map(() => 0);
  let left = limit;
  while (left > 0) {
    let gave = false;
    for (let i = 0; i < classes.length && left > 0; i++) {
      if (quota[i]! < classes[i]!.length) {
        quota[i]!++;
        left--;
        gave = true;
      }
    }
    if (!gave) break;
  }
  const kept = new Set<Mutation>();
  classes.forEach((c, i) => {
    const q = quota[i]!;
    for (let j = 0; j < q; j++) kept.add(c[Math.floor((j * c.length) / q)]!);
  });
  return all.filter((m) => kept.has(m));
}

// ---------------------------------------------------------------------------

interface Candidate {
  operator: Operator;
  start: number;
  end: number;
  replacement: string;
  /** What the reader sees as the original (defaults to the replaced text). */
  before?: string;
  after?: string;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** An activation moved across a sum (the variants fixtures diagnose, engine/order-mistakes.ts). */
function orderCandidates(sf: ts.SourceFile, node: ts.Node): Candidate[] {
  // A mutation is one span: the two-span rewrites (a cached sum) are fixtures' only.
  return orderEdits(sf, node)
    .filter((e) => !e.also)
    .map((e) => ({ operator: 'order' as const, start: e.start, end: e.end, replacement: e.replacement }));
}

/**
 * "The argument is ignored": for each parameter (or destructured option) with a
 * default, the body starts by setting it back to that default. One span (the
 * body's opening brace), well-typed, and exactly the behaviour of code that
 * hard-codes the default: it survives unless some check passes another value
 * and looks at an output that depends on it (issue: every argument exercised).
 */
function pinnedArguments(sf: ts.SourceFile, node: ts.Node): Candidate[] {
  const fn = node as ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression;
  if (!fn.body || !ts.isBlock(fn.body)) return [];
  const defaults: [string, string][] = [];
  const collect = (name: ts.BindingName, initializer: ts.Expression | undefined) => {
    if (ts.isIdentifier(name)) {
      if (initializer) defaults.push([name.text, initializer.getText(sf)]);
      return;
    }
    for (const element of name.elements) if (ts.isBindingElement(element)) collect(element.name, element.initializer);
  };
  for (const p of fn.parameters) collect(p.name, p.initializer);
  const brace = fn.body.getStart(sf);
  return defaults.map(([name, value]) => ({
    operator: 'argument' as const,
    start: brace,
    end: brace + 1,
    replacement: `{ ${name} = ${value};`,
    before: `${name} as passed`,
    after: `${name} = ${value} (the argument ignored)`,
  }));
}

const TOKEN_SWAPS: Partial<Record<ts.SyntaxKind, { op: Operator; to: string[] }>> = {
  [ts.SyntaxKind.PlusToken]: { op: 'arithmetic', to: ['-'] },
  [ts.SyntaxKind.MinusToken]: { op: 'arithmetic', to: ['+'] },
  [ts.SyntaxKind.AsteriskToken]: { op: 'arithmetic', to: ['/'] },
  [ts.SyntaxKind.SlashToken]: { op: 'arithmetic', to: ['*'] },
  [ts.SyntaxKind.PercentToken]: { op: 'arithmetic', to: ['*'] },
  [ts.SyntaxKind.PlusEqualsToken]: { op: 'arithmetic', to: ['-='] },
  [ts.SyntaxKind.MinusEqualsToken]: { op: 'arithmetic', to: ['+='] },
  [ts.SyntaxKind.AsteriskEqualsToken]: { op: 'arithmetic', to: ['/='] },
  [ts.SyntaxKind.SlashEqualsToken]: { op: 'arithmetic', to: ['*='] },
  [ts.SyntaxKind.LessThanToken]: { op: 'comparison', to: ['<=', '>='] },
  [ts.SyntaxKind.LessThanEqualsToken]: { op: 'comparison', to: ['<', '>'] },
  [ts.SyntaxKind.GreaterThanToken]: { op: 'comparison', to: ['>=', '<='] },
  [ts.SyntaxKind.GreaterThanEqualsToken]: { op: 'comparison', to: ['>', '<'] },
  [ts.SyntaxKind.EqualsEqualsEqualsToken]: { op: 'comparison', to: ['!=='] },
  [ts.SyntaxKind.ExclamationEqualsEqualsToken]: { op: 'comparison', to: ['==='] },
  [ts.SyntaxKind.EqualsEqualsToken]: { op: 'comparison', to: ['!='] },
  [ts.SyntaxKind.ExclamationEqualsToken]: { op: 'comparison', to: ['=='] },
  [ts.SyntaxKind.AmpersandAmpersandToken]: { op: 'logical', to: ['||'] },
  [ts.SyntaxKind.BarBarToken]: { op: 'logical', to: ['&&'] },
};

/** Loop conditions only move their boundary (a reversed loop condition would run forever or not at all). */
const BOUNDARY: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.LessThanToken]: '<=',
  [ts.SyntaxKind.LessThanEqualsToken]: '<',
  [ts.SyntaxKind.GreaterThanToken]: '>=',
  [ts.SyntaxKind.GreaterThanEqualsToken]: '>',
};

/** tf ops that swap for another of the same signature. */
const OP_SWAPS: Record<string, { op: Operator; to: string[] }> = {
  add: { op: 'arithmetic', to: ['sub'] },
  sub: { op: 'arithmetic', to: ['add'] },
  mul: { op: 'arithmetic', to: ['div'] },
  div: { op: 'arithmetic', to: ['mul'] },
  greater: { op: 'comparison', to: ['greaterEqual', 'less'] },
  greaterEqual: { op: 'comparison', to: ['greater', 'lessEqual'] },
  less: { op: 'comparison', to: ['lessEqual', 'greater'] },
  lessEqual: { op: 'comparison', to: ['less', 'greaterEqual'] },
  equal: { op: 'comparison', to: ['notEqual'] },
  notEqual: { op: 'comparison', to: ['equal'] },
  sigmoid: { op: 'activation', to: ['tanh', 'relu'] },
  tanh: { op: 'activation', to: ['sigmoid', 'relu'] },
  relu: { op: 'activation', to: ['sigmoid', 'tanh'] },
  sum: { op: 'reduction', to: ['mean'] },
  mean: { op: 'reduction', to: ['sum'] },
  max: { op: 'reduction', to: ['min'] },
  min: { op: 'reduction', to: ['max'] },
  maximum: { op: 'reduction', to: ['minimum'] },
  minimum: { op: 'reduction', to: ['maximum'] },
  argMax: { op: 'reduction', to: ['argMin'] },
  argMin: { op: 'reduction', to: ['argMax'] },
  zeros: { op: 'literal', to: ['ones'] },
  ones: { op: 'literal', to: ['zeros'] },
  zerosLike: { op: 'literal', to: ['onesLike'] },
  onesLike: { op: 'literal', to: ['zerosLike'] },
};

/** Ops whose result has no meaningful sign (zeros, booleans). */
const NO_SIGN = new Set(['zeros', 'zerosLike', 'logicalAnd', 'logicalOr', 'logicalNot', 'isNaN', 'isFinite', 'isInf']);

/** Element-wise maths whose call can be dropped (leaving its argument). */
const DROPPABLE = new Set(['sqrt', 'square', 'exp', 'log', 'abs', 'log1p', 'rsqrt', 'reciprocal']);

/** Where the axis and keepDims go in the argument list of a tf op (the tensor first, as in the function form). */
const AXIS_AT: Record<string, { axis: number; keepDims?: number; absent?: number }> = {
  sum: { axis: 1, keepDims: 2, absent: 0 },
  mean: { axis: 1, keepDims: 2, absent: 0 },
  max: { axis: 1, keepDims: 2, absent: 0 },
  min: { axis: 1, keepDims: 2, absent: 0 },
  prod: { axis: 1, keepDims: 2, absent: 0 },
  logSumExp: { axis: 1, keepDims: 2, absent: 0 },
  any: { axis: 1, keepDims: 2 },
  all: { axis: 1, keepDims: 2 },
  argMax: { axis: 1, absent: 1 },
  argMin: { axis: 1, absent: 1 },
  norm: { axis: 2, keepDims: 3 },
  moments: { axis: 1, keepDims: 2 },
  softmax: { axis: 1, absent: 0 },
  logSoftmax: { axis: 1, absent: 0 },
  cumsum: { axis: 1, absent: 1 },
  concat: { axis: 1, absent: 1 },
  stack: { axis: 1, absent: 1 },
  unstack: { axis: 1, absent: 1 },
  expandDims: { axis: 1, absent: 1 },
  squeeze: { axis: 1 },
  reverse: { axis: 1 },
  gather: { axis: 2 },
  split: { axis: 2 },
};

/** Ops whose two operands commute: swapping them makes only equivalent mutants. */
const COMMUTATIVE = new Set(['add', 'mul', 'maximum', 'minimum', 'equal', 'notEqual', 'squaredDifference', 'logicalAnd', 'logicalOr', 'addN']);
/** Ops whose two first arguments are both tensors (values), so swapping them is a realistic mistake. */
const BINARY_OPS = new Set([
  'sub', 'div', 'divNoNan', 'floorDiv', 'pow', 'mod', 'matMul', 'dot', 'outerProduct', 'greater', 'greaterEqual', 'less', 'lessEqual',
  'atan2',
]);

class Finder {
  private readonly found: Candidate[] = [];
  private readonly seen = new Set<string>();
  /** Axis arguments, which the axis class mutates (a literal 1 → 2 there only breaks the call). */
  private readonly axisArgs = new Set<ts.Node>();

  constructor(
    private readonly sf: ts.SourceFile,
    private readonly checker: ts.TypeChecker,
    private readonly tf: string | undefined,
  ) {}

  run(root: ts.Node): Candidate[] {
    const visit = (node: ts.Node): void => {
      if (this.skip(node)) return;
      this.at(node);
      ts.forEachChild(node, visit);
    };
    // The function's parameters' defaults are mutated too (a learning rate of 1.2 …); its name and types are not.
    visit(root);
    return this.found;
  }

  private add(c: Candidate) {
    const key = `${c.start}:${c.end}:${c.replacement}`;
    if (this.seen.has(key)) return;
    if (this.text(c.start, c.end) === c.replacement) return;
    this.seen.add(key);
    this.found.push(c);
  }

  private text(start: number, end: number): string {
    return this.sf.text.slice(start, end);
  }

  /** Types, console output and code that only prints: nothing there changes what a function returns. */
  private skip(node: ts.Node): boolean {
    if (ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node)) return true;
    if (ts.isImportDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isInterfaceDeclaration(node)) return true;
    if (ts.isCallExpression(node) && this.isConsole(node)) return true;
    if (ts.isIfStatement(node) && !node.elseStatement && this.onlyPrints(node.thenStatement)) return true;
    return false;
  }

  private isConsole(call: ts.CallExpression): boolean {
    const e = call.expression;
    return ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'console';
  }

  private onlyPrints(st: ts.Statement): boolean {
    if (ts.isBlock(st)) return st.statements.length > 0 && st.statements.every((s) => this.onlyPrints(s));
    if (ts.isIfStatement(st)) return this.onlyPrints(st.thenStatement) && (!st.elseStatement || this.onlyPrints(st.elseStatement));
    return ts.isExpressionStatement(st) && ts.isCallExpression(st.expression) && this.isConsole(st.expression);
  }

  private typeOf(node: ts.Node): 'number' | 'string' | 'boolean' | 'tensor' | 'other' {
    let t: ts.Type;
    try {
      t = this.checker.getTypeAtLocation(node);
    } catch {
      return 'other';
    }
    if (t.flags & ts.TypeFlags.NumberLike) return 'number';
    if (t.flags & ts.TypeFlags.StringLike) return 'string';
    if (t.flags & ts.TypeFlags.BooleanLike) return 'boolean';
    if (t.isUnion()) {
      if (t.types.every((u) => u.flags & ts.TypeFlags.NumberLike)) return 'number';
      if (t.types.some((u) => u.flags & ts.TypeFlags.StringLike)) return 'string';
      if (t.types.every((u) => u.flags & ts.TypeFlags.BooleanLike)) return 'boolean';
    }
    const name = this.checker.typeToString(t);
    if (/^(tf\.)?(Tensor|Variable|Scalar)(\dD)?\b|^Tensor</.test(name)) return 'tensor';
    return 'other';
  }

  /** A tf op call: `tf.op(a, b, …)` or `a.op(b, …)` on a tensor, with the arguments as the function form takes them. */
  private tfOp(call: ts.CallExpression): { name: string; method: boolean; args: ts.Expression[]; nameNode: ts.Identifier | ts.PrivateIdentifier } | undefined {
    const e = call.expression;
    if (!ts.isPropertyAccessExpression(e) || !ts.isIdentifier(e.name)) return undefined;
    if (this.tf && ts.isIdentifier(e.expression) && e.expression.text === this.tf) {
      return { name: e.name.text, method: false, args: [...call.arguments], nameNode: e.name };
    }
    if (this.typeOf(e.expression) === 'tensor') return { name: e.name.text, method: true, args: [e.expression, ...call.arguments], nameNode: e.name };
    return undefined;
  }

  private isLoopCondition(node: ts.Node): boolean {
    const p = node.parent;
    return (
      ((ts.isForStatement(p) && p.condition === node) || (ts.isWhileStatement(p) && p.expression === node) || (ts.isDoStatement(p) && p.expression === node)) &&
      ts.isBinaryExpression(node)
    );
  }

  private inForIncrementor(node: ts.Node): boolean {
    for (let n: ts.Node | undefined = node; n && !ts.isSourceFile(n); n = n.parent) {
      const p: ts.Node | undefined = n.parent;
      if (p && ts.isForStatement(p) && p.incrementor === n) return true;
      if (ts.isBlock(n)) return false;
    }
    return false;
  }

  private at(node: ts.Node): void {
    if (ts.isBinaryExpression(node)) this.binary(node);
    else if (ts.isPrefixUnaryExpression(node)) this.prefix(node);
    else if (ts.isNumericLiteral(node)) this.numeric(node);
    else if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword) this.bool(node);
    else if (ts.isCallExpression(node)) this.call(node);
    else if (ts.isStringLiteral(node)) this.activationString(node);
    if (ts.isReturnStatement(node) && node.expression) this.negate(node.expression);
    if (ts.isVariableDeclaration(node) && node.initializer && ts.isIdentifier(node.name)) this.negate(node.initializer);
  }

  private binary(node: ts.BinaryExpression) {
    const kind = node.operatorToken.kind;
    const tok = node.operatorToken;
    const start = tok.getStart(this.sf);
    const end = tok.getEnd();
    const context = node.getText(this.sf);
    const types = [this.typeOf(node.left), this.typeOf(node.right)];
    const stringy = types.includes('string');
    if (this.isLoopCondition(node) && BOUNDARY[kind]) {
      const to = BOUNDARY[kind]!;
      this.add({ operator: 'loop-bound', start, end, replacement: to, before: context, after: swapText(context, tok.getText(this.sf), to) });
      return;
    }
    const swap = TOKEN_SWAPS[kind];
    if (swap && !(swap.op === 'arithmetic' && stringy)) {
      for (const to of swap.to) {
        this.add({ operator: swap.op, start, end, replacement: to, before: context, after: swapText(context, tok.getText(this.sf), to) });
      }
    }
    // Dropped terms: a + b → a, b; a − b → a; a · b → a, b; a / b → a (the division removed).
    const arith = [ts.SyntaxKind.PlusToken, ts.SyntaxKind.MinusToken, ts.SyntaxKind.AsteriskToken, ts.SyntaxKind.SlashToken].includes(kind);
    if (arith && !stringy && types.every((t) => t === 'number' || t === 'other')) {
      const s = node.getStart(this.sf);
      this.add({ operator: kind === ts.SyntaxKind.SlashToken ? 'div-removed' : 'term', start: s, end: node.getEnd(), replacement: paren(node.left, this.sf) });
      if (kind === ts.SyntaxKind.PlusToken || kind === ts.SyntaxKind.AsteriskToken) this.add({ operator: 'term', start: s, end: node.getEnd(), replacement: paren(node.right, this.sf) });
    }
  }

  private prefix(node: ts.PrefixUnaryExpression) {
    const s = node.getStart(this.sf);
    const operand = node.operand.getText(this.sf);
    if (node.operator === ts.SyntaxKind.MinusToken && !ts.isNumericLiteral(node.operand)) {
      this.add({ operator: 'sign', start: s, end: node.getEnd(), replacement: operand });
    }
    if (node.operator === ts.SyntaxKind.ExclamationToken) this.add({ operator: 'logical', start: s, end: node.getEnd(), replacement: operand });
  }

  /** A sign flip of a returned or assigned value: -(e) for a number, tf.neg(e) for a tensor. */
  private negate(e: ts.Expression) {
    if (ts.isNumericLiteral(e) || (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken)) return;
    // −0 is 0, and a boolean tensor has no sign: nothing to learn from those.
    let inner: ts.Expression = e;
    while (ts.isAsExpression(inner) || ts.isParenthesizedExpression(inner) || ts.isNonNullExpression(inner)) inner = inner.expression;
    if (ts.isCallExpression(inner)) {
      const name = this.tfOp(inner)?.name;
      if (name && (NO_SIGN.has(name) || OP_SWAPS[name]?.op === 'comparison')) return;
    }
    const t = this.typeOf(e);
    const text = e.getText(this.sf);
    if (t === 'number') this.add({ operator: 'sign', start: e.getStart(this.sf), end: e.getEnd(), replacement: `-(${text})` });
    else if (t === 'tensor' && this.tf) this.add({ operator: 'sign', start: e.getStart(this.sf), end: e.getEnd(), replacement: `${this.tf}.neg(${text})` });
  }

  private numeric(node: ts.NumericLiteral) {
    if (this.inForIncrementor(node)) return;
    const v = Number(node.text);
    if (!Number.isFinite(v)) return;
    const p = node.parent;
    if (this.axisArgs.has(node) || this.axisArgs.has(p)) return;
    // Property names ({ 0: … }) and enum values are not values.
    if ((ts.isPropertyAssignment(p) && p.name === node) || ts.isEnumMember(p)) return;
    const loopInit =
      ts.isVariableDeclaration(p) && p.initializer === node && ts.isVariableDeclarationList(p.parent) && ts.isForStatement(p.parent.parent) && p.parent.parent.initializer === p.parent;
    const s = node.getStart(this.sf);
    const e = node.getEnd();
    if (loopInit) {
      this.add({ operator: 'loop-bound', start: s, end: e, replacement: fmt(v + 1), before: p.getText(this.sf), after: `${p.name.getText(this.sf)} = ${fmt(v + 1)}` });
      return;
    }
    const context = (ts.isPrefixUnaryExpression(p) ? p.parent : p).getText(this.sf);
    for (const to of literalChanges(v)) {
      const after = context.length <= 80 ? replaceFirstToken(context, node.getText(this.sf), fmt(to), s - (ts.isPrefixUnaryExpression(p) ? p.parent : p).getStart(this.sf)) : undefined;
      this.add({ operator: 'literal', start: s, end: e, replacement: fmt(to), before: context.length <= 80 ? context : undefined, after });
    }
  }

  private bool(node: ts.Node) {
    const to = node.kind === ts.SyntaxKind.TrueKeyword ? 'false' : 'true';
    this.add({ operator: 'boolean', start: node.getStart(this.sf), end: node.getEnd(), replacement: to });
  }

  /** `activation: 'relu'` in a layer's configuration. */
  private activationString(node: ts.StringLiteral) {
    const p = node.parent;
    if (!ts.isPropertyAssignment(p) || p.initializer !== node || p.name.getText(this.sf) !== 'activation') return;
    const others = ['sigmoid', 'tanh', 'relu', 'linear', 'softmax'].filter((a) => a !== node.text).slice(0, 2);
    const q = node.getText(this.sf)[0]!;
    for (const a of others) this.add({ operator: 'activation', start: node.getStart(this.sf), end: node.getEnd(), replacement: `${q}${a}${q}`, before: p.getText(this.sf), after: `activation: ${q}${a}${q}` });
  }

  private call(node: ts.CallExpression) {
    const s = node.getStart(this.sf);
    const e = node.getEnd();
    const whole = node.getText(this.sf);
    // Math.max ↔ Math.min, Math.sqrt(x) → x …
    const callee = node.expression;
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Math' && ts.isIdentifier(callee.name)) {
      const name = callee.name.text;
      if (name === 'max' || name === 'min') {
        const to = name === 'max' ? 'min' : 'max';
        this.add({ operator: 'reduction', start: callee.name.getStart(this.sf), end: callee.name.getEnd(), replacement: to, before: short(whole), after: short(`Math.${to}(…)`) });
      }
      if (DROPPABLE.has(name) && node.arguments.length === 1) this.add({ operator: 'math', start: s, end: e, replacement: paren(node.arguments[0]!, this.sf) });
      return;
    }
    const op = this.tfOp(node);
    if (!op) return;
    const { name, method, args } = op;
    const argText = args.map((a) => a.getText(this.sf));
    const nameStart = op.nameNode.getStart(this.sf);
    const nameEnd = op.nameNode.getEnd();
    const swaps = OP_SWAPS[name];
    if (swaps) {
      for (const to of swaps.to) {
        this.add({ operator: swaps.op, start: nameStart, end: nameEnd, replacement: to, before: short(whole), after: short(swapName(whole, name, to, nameStart - s)) });
      }
    }
    // Dropped terms and removed divisions.
    if (['add', 'sub', 'mul', 'div'].includes(name) && args.length === 2) {
      const operator: Operator = name === 'div' ? 'div-removed' : 'term';
      this.add({ operator, start: s, end: e, replacement: paren(args[0]!, this.sf) });
      if (name === 'add' || name === 'mul') this.add({ operator: 'term', start: s, end: e, replacement: paren(args[1]!, this.sf) });
    }
    if (name === 'neg' && args.length === 1) this.add({ operator: 'sign', start: s, end: e, replacement: paren(args[0]!, this.sf) });
    if (DROPPABLE.has(name) && args.length === 1) this.add({ operator: 'math', start: s, end: e, replacement: paren(args[0]!, this.sf) });
    if (name === 'transpose' && args.length === 1) this.add({ operator: 'transpose', start: s, end: e, replacement: paren(args[0]!, this.sf) });
    if (name === 'matMul') this.matMulFlags(node, args, whole);
    const axis = AXIS_AT[name];
    if (axis) this.axis(node, args, axis);
    if (!method && this.tf && args.length >= 2 && BINARY_OPS.has(name) && !COMMUTATIVE.has(name)) {
      const [a, b] = args as [ts.Expression, ts.Expression];
      if (!ts.isObjectLiteralExpression(a) && !ts.isObjectLiteralExpression(b) && !ts.isArrayLiteralExpression(a)) {
        this.add({ operator: 'arg-order', start: a.getStart(this.sf), end: b.getEnd(), replacement: `${argText[1]}, ${argText[0]}`, before: short(whole), after: short(`${this.tf}.${name}(${argText[1]}, ${argText[0]}${args.length > 2 ? ', …' : ''})`) });
      }
    }
    if (method && args.length === 2 && BINARY_OPS.has(name) && !COMMUTATIVE.has(name) && this.tf && !ts.isObjectLiteralExpression(args[1]!)) {
      // a.sub(b) → tf.sub(b, a)
      this.add({ operator: 'arg-order', start: s, end: e, replacement: `${this.tf}.${name}(${argText[1]}, ${argText[0]})` });
    }
    if (ts.isArrayLiteralExpression(args[0]!) && (name === 'concat' || name === 'stack') && args[0].elements.length === 2) {
      const [x, y] = args[0].elements as unknown as [ts.Expression, ts.Expression];
      this.add({ operator: 'arg-order', start: x.getStart(this.sf), end: y.getEnd(), replacement: `${y.getText(this.sf)}, ${x.getText(this.sf)}`, before: short(whole) });
    }
  }

  private matMulFlags(node: ts.CallExpression, args: ts.Expression[], whole: string) {
    const offset = args.length - node.arguments.length; // 1 for the method form
    for (const flag of [2, 3]) {
      const a = args[flag];
      if (a && (a.kind === ts.SyntaxKind.TrueKeyword || a.kind === ts.SyntaxKind.FalseKeyword)) {
        const to = a.kind === ts.SyntaxKind.TrueKeyword ? 'false' : 'true';
        this.add({ operator: 'transpose', start: a.getStart(this.sf), end: a.getEnd(), replacement: to, before: short(whole), after: `${flag === 2 ? 'transposeA' : 'transposeB'} = ${to}` });
      }
    }
    // Flags not written: add one.
    if (args.length === 2) {
      const last = node.arguments[node.arguments.length - 1];
      const at = last ? last.getEnd() : node.arguments.end;
      const sep = last ? ', ' : '';
      this.add({ operator: 'transpose', start: at, end: at, replacement: `${sep}true`, before: short(whole), after: 'transposeA = true' });
      this.add({ operator: 'transpose', start: at, end: at, replacement: `${sep}false, true`, before: short(whole), after: 'transposeB = true' });
    } else if (args.length === 3 && offset >= 0) {
      const at = node.arguments[node.arguments.length - 1]!.getEnd();
      this.add({ operator: 'transpose', start: at, end: at, replacement: ', true', before: short(whole), after: 'transposeB = true' });
    }
  }

  private axis(node: ts.CallExpression, args: ts.Expression[], at: { axis: number; keepDims?: number; absent?: number }) {
    const whole = short(node.getText(this.sf));
    const a = args[at.axis];
    if (a) {
      this.axisArgs.add(a);
      const v = literalValue(a);
      if (v !== undefined && Number.isInteger(v)) {
        const to = v === 0 ? 1 : v === 1 ? 0 : v === -1 ? 0 : v > 1 ? v - 1 : v + 1;
        this.add({ operator: 'axis', start: a.getStart(this.sf), end: a.getEnd(), replacement: fmt(to), before: whole, after: `axis ${fmt(to)}` });
      }
    } else if (at.absent !== undefined && args.length === at.axis) {
      // No axis written (the whole tensor, or the op's default): give one.
      const last = node.arguments[node.arguments.length - 1];
      const pos = last ? last.getEnd() : node.arguments.end;
      this.add({ operator: 'axis', start: pos, end: pos, replacement: `${last ? ', ' : ''}${at.absent}`, before: whole, after: `axis ${at.absent}` });
    }
    if (at.keepDims === undefined) return;
    const k = args[at.keepDims];
    if (k && (k.kind === ts.SyntaxKind.TrueKeyword || k.kind === ts.SyntaxKind.FalseKeyword)) {
      const to = k.kind === ts.SyntaxKind.TrueKeyword ? 'false' : 'true';
      this.add({ operator: 'keepdims', start: k.getStart(this.sf), end: k.getEnd(), replacement: to, before: whole, after: `keepDims = ${to}` });
    } else if (!k && args.length === at.keepDims) {
      const last = node.arguments[node.arguments.length - 1]!;
      this.add({ operator: 'keepdims', start: last.getEnd(), end: last.getEnd(), replacement: ', true', before: whole, after: 'keepDims = true' });
    }
  }
}

/** The new values of a numeric literal: 0 ↔ 1, n → n ± 1, 0.5 → 1, other fractions doubled and halved. */
function literalChanges(v: number): number[] {
  if (v === 0) return [1];
  if (v === 1) return [0, 2];
  if (v === 0.5) return [1, 0.25];
  if (Number.isInteger(v)) return [v + 1, v - 1];
  return [v * 2, v / 2];
}

function literalValue(e: ts.Expression): number | undefined {
  if (ts.isNumericLiteral(e)) return Number(e.text);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand)) return -Number(e.operand.text);
  return undefined;
}

function fmt(v: number): string {
  const s = String(Number(v.toPrecision(12)));
  return v < 0 ? `(${s})` : s;
}

/** The node's text, in parentheses unless it is atomic (a name, a call, a member access; not a number: `1.add(x)` does not parse). */
function paren(node: ts.Expression, sf: ts.SourceFile): string {
  const text = node.getText(sf);
  const atomic =
    ts.isIdentifier(node) ||
    ts.isCallExpression(node) ||
    ts.isPropertyAccessExpression(node) ||
    ts.isElementAccessExpression(node) ||
    ts.isParenthesizedExpression(node) ||
    ts.isNonNullExpression(node) ||
    ts.isArrayLiteralExpression(node);
  return atomic ? text : `(${text})`;
}

function short(text: string, max = 70): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 1)}…`;
}

function swapText(context: string, from: string, to: string): string {
  return context.replace(` ${from} `, ` ${to} `);
}

function swapName(whole: string, from: string, to: string, at: number): string {
  return whole.slice(0, at) + to + whole.slice(at + from.length);
}

function replaceFirstToken(context: string, from: string, to: string, at: number): string {
  return context.slice(0, at) + to + context.slice(at + from.length);
}

function toMutation(sf: ts.SourceFile, display: string, fn: string, k: number, c: Candidate): Mutation {
  const line = sf.getLineAndCharacterOfPosition(c.start).line + 1;
  const before = short(c.before ?? (c.start === c.end ? '' : sf.text.slice(c.start, c.end)));
  const after = short(c.after ?? c.replacement);
  const description = before ? `line ${line} [${c.operator}]: ${before} → ${after}` : `line ${line} [${c.operator}]: insert ${after}`;
  return { id: `${fn}#${k}`, fn, operator: c.operator, start: c.start, end: c.end, replacement: c.replacement, line, description, diff: unifiedDiff(sf.text, c, display, `${fn}#${k}`) };
}

/** A unified diff of the lines a change touches (long hunks cut to a dozen lines a side). */
export function unifiedDiff(source: string, c: Pick<Candidate, 'start' | 'end' | 'replacement'>, name: string, label: string): string {
  const lineStart = source.lastIndexOf('\n', c.start - 1) + 1;
  const endNl = source.indexOf('\n', c.end);
  const lineEnd = endNl < 0 ? source.length : endNl;
  const before = source.slice(lineStart, lineEnd).split('\n');
  const after = (source.slice(lineStart, c.start) + c.replacement + source.slice(c.end, lineEnd)).split('\n');
  const first = source.slice(0, lineStart).split('\n').length;
  const cut = (lines: string[], mark: string) =>
    (lines.length > 12 ? [...lines.slice(0, 6), '…', ...lines.slice(-5)] : lines).map((l) => (l === '…' ? `${mark} …` : `${mark}${l}`));
  return [`--- ${name}`, `+++ ${label}`, `@@ -${first},${before.length} +${first},${after.length} @@`, ...cut(before, '-'), ...cut(after, '+')].join('\n');
}

/**
 * The mutated source, relocated: relative imports are rewritten so that the
 * copy, written to `toDir`, still imports the files the solution imports.
 */
export function relocatedSource(sf: ts.SourceFile | string, fromFile: string, toDir: string, m?: Pick<Mutation, 'start' | 'end' | 'replacement'>): string {
  const source = typeof sf === 'string' ? ts.createSourceFile(fromFile, sf, ts.ScriptTarget.ES2022, true) : sf;
  const edits: { start: number; end: number; replacement: string }[] = m ? [m] : [];
  const visit = (node: ts.Node) => {
    let spec: ts.Expression | undefined;
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) spec = node.moduleSpecifier;
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) spec = node.arguments[0];
    if (spec && ts.isStringLiteral(spec) && spec.text.startsWith('.')) {
      let rel = path.relative(toDir, path.resolve(path.dirname(fromFile), spec.text)).split(path.sep).join('/');
      if (!rel.startsWith('.')) rel = `./${rel}`;
      edits.push({ start: spec.getStart(source), end: spec.getEnd(), replacement: JSON.stringify(rel) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  edits.sort((a, b) => b.start - a.start);
  let text = source.text;
  for (const e of edits) text = text.slice(0, e.start) + e.replacement + text.slice(e.end);
  return text;
}
