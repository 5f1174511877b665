/**
 * Mistakes of order the grader derives from the reference solution's source
 * (issue #16): an activation applied before a term is added instead of after
 * (`tanh(u) + ba` for `tanh(u + ba)`), or after instead of before. Each variant
 * is the solution with one call of the graded function rewritten; fixtures.ts
 * runs it on the check's cases like the argument-derived mistakes
 * (generated-mistakes.ts) and keeps its outputs only where they tell it apart
 * from every other known mistake (mistake-selection.ts).
 *
 * Only the function form with TensorFlow.js imported as a namespace is read
 * (`tf.tanh(tf.add(a, b))`), nested or through a `const` (when the const is also
 * cached, it loses the term too: `Z1 = W1·X`, `A1 = tanh(Z1) + b1`); other
 * code gives no variant, never a wrong one.
 */
import ts from 'typescript';

export interface OrderVariant {
  hint: string;
  /** The whole solution module with the one call rewritten. */
  source: string;
}

interface Span {
  start: number;
  end: number;
  replacement: string;
}

/**
 * One rewrite: the span of the source replaced, by what, and the hint a learner who wrote it should see.
 * `also`: a second span, earlier in the source, for a sum kept in a const that is read elsewhere too
 * (`const Z1 = W1·X + b1` cached): the const loses the term, which moves past the activation.
 */
export interface OrderEdit extends Span {
  hint: string;
  also?: Span;
}

const ACTIVATIONS = new Set(['relu', 'sigmoid', 'tanh']);
const TERMS: Record<string, { done: string; to: string; result: string }> = {
  add: { done: 'added', to: 'add', result: 'sum' },
  sub: { done: 'subtracted', to: 'subtract', result: 'difference' },
};

interface TfCall {
  op: string;
  args: readonly ts.Expression[];
}

/** The variants of `fn` in a solution's source, in source order, one per distinct hint. */
export function orderVariants(source: string, fn: string): OrderVariant[] {
  const sf = ts.createSourceFile('solution.ts', source, ts.ScriptTarget.ES2022, true);
  const node = exportedFunctionNode(sf, fn);
  const apply = (text: string, e: Span) => text.slice(0, e.start) + e.replacement + text.slice(e.end);
  // The later span first, so that the earlier one's offsets still hold.
  return node ? orderEdits(sf, node).map((e) => ({ hint: e.hint, source: e.also ? apply(apply(source, e), e.also) : apply(source, e) })) : [];
}

/** The rewrites of one function (a node of sf), in source order, one per distinct hint; none without a `tf` namespace import. */
export function orderEdits(sf: ts.SourceFile, body: ts.Node): OrderEdit[] {
  const tf = tfNamespace(sf);
  if (!tf) return [];
  const call = (e: ts.Expression): TfCall | undefined => {
    e = unwrap(e);
    if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression)) return undefined;
    const target = e.expression.expression;
    return ts.isIdentifier(target) && target.text === tf && ts.isIdentifier(e.expression.name) ? { op: e.expression.name.text, args: e.arguments } : undefined;
  };
  const text = (e: ts.Expression) => e.getText(sf);
  const out: OrderEdit[] = [];
  const add = (node: ts.Node, replacement: string, hint: string, also?: Span) => {
    if (!out.some((v) => v.hint === hint)) out.push({ start: node.getStart(sf), end: node.getEnd(), replacement, hint, ...(also ? { also } : {}) });
  };
  const visit = (node: ts.Node): void => {
    const c = ts.isCallExpression(node) ? call(node) : undefined;
    if (c && ACTIVATIONS.has(c.op) && c.args.length === 1) {
      // act(a ± b), written nested or through a const used only here → act(a) ± b and a ± act(b).
      const behind = call(c.args[0]!) ? undefined : constBehind(c.args[0]!, body);
      const inner = call(c.args[0]!) ?? (behind && call(behind.initializer));
      const term = inner && TERMS[inner.op];
      if (inner && term && inner.args.length === 2) {
        const [a, b] = inner.args.map(text) as [string, string];
        // The activation goes on a computed term (W·x, a sum), the plain one (a bias) left out; on either when both are plain.
        const plain = inner.args.map((t) => ts.isIdentifier(unwrap(t)) || ts.isPropertyAccessExpression(unwrap(t)));
        for (const k of [0, 1].filter((k) => !plain[k] || plain[1 - k])) {
          const other = named(inner.args[1 - k]!, sf);
          const alone = named(inner.args[k]!, sf);
          const what = other
            ? `before ${other} is ${term.done}: ${term.to} ${other} first`
            : alone
              ? `to ${alone} alone, before the ${term.result}: ${term.to} first`
              : `to one term alone, before the ${term.result}: ${term.to} first`;
          const hint = `the ${c.op} is applied ${what}, then apply the ${c.op} to the whole ${term.result}.`;
          if (!behind || behind.uses === 1) {
            const [x, y] = k === 0 ? [`${tf}.${c.op}(${a})`, b] : [a, `${tf}.${c.op}(${b})`];
            add(node, `${tf}.${inner.op}(${x}, ${y})`, hint);
          } else if (plain[1 - k] && behind.declaration.getEnd() < node.getStart(sf)) {
            // The const is read elsewhere too (a cache): it keeps the term the activation sees; the plain one moves past it.
            const z = text(c.args[0]!);
            const kept = inner.args[k]!;
            const [x, y] = k === 0 ? [`${tf}.${c.op}(${z})`, b] : [a, `${tf}.${c.op}(${z})`];
            const initializer = unwrap(behind.initializer);
            add(node, `${tf}.${inner.op}(${x}, ${y})`, hint, { start: initializer.getStart(sf), end: initializer.getEnd(), replacement: text(kept) });
          }
        }
      }
    }
    if (c && TERMS[c.op] && c.args.length === 2) {
      // act(a) ± b → act(a ± b).
      for (const k of [0, 1]) {
        const wrapped = call(c.args[k]!);
        if (!wrapped || !ACTIVATIONS.has(wrapped.op) || wrapped.args.length !== 1) continue;
        const parts = c.args.map(text);
        parts[k] = text(wrapped.args[0]!);
        const term = TERMS[c.op]!;
        const other = named(c.args[1 - k]!, sf) ?? 'the other term';
        const alone = named(wrapped.args[0]!, sf) ?? 'its own term';
        // In other − act(x), `other` is not the term subtracted: name the difference instead.
        const hint =
          c.op === 'sub' && k === 1
            ? `the ${wrapped.op} is applied to the whole difference: apply it to ${alone} alone, then subtract that from ${other}.`
            : `the ${wrapped.op} is applied after ${other} is ${term.done}: apply it to ${alone} alone, then ${term.to} ${other}.`;
        add(node, `${tf}.${wrapped.op}(${tf}.${c.op}(${parts.join(', ')}))`, hint);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return out;
}

/** The name `import * as tf from '@tensorflow/tfjs'` gives TensorFlow.js in this file, if any. */
export function tfNamespace(sf: ts.SourceFile): string | undefined {
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || !st.moduleSpecifier.text.startsWith('@tensorflow/tfjs')) continue;
    const bindings = st.importClause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) return bindings.name.text;
  }
  return undefined;
}

/** The exported function named fn: its declaration, or the arrow / function expression a const holds. */
export function exportedFunctionNode(sf: ts.SourceFile, fn: string): ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression | undefined {
  for (const st of sf.statements) {
    if (!ts.canHaveModifiers(st) || !ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    if (ts.isFunctionDeclaration(st) && st.name?.text === fn && st.body) return st;
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === fn && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) return d.initializer;
      }
    }
  }
  return undefined;
}

/** `x as T`, `(x)` and `x!` are x. */
function unwrap(e: ts.Expression): ts.Expression {
  while (ts.isAsExpression(e) || ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
  return e;
}

/**
 * The `const z = …` an identifier reads, declared once in the function, and how many times z is read there.
 * Read once, rewriting that read is the same as rewriting the computation; read more often (a value also
 * cached or returned), the const itself must change too.
 */
function constBehind(e: ts.Expression, body: ts.Node): { declaration: ts.VariableDeclaration; initializer: ts.Expression; uses: number } | undefined {
  e = unwrap(e);
  if (!ts.isIdentifier(e)) return undefined;
  const declarations: ts.VariableDeclaration[] = [];
  let uses = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === e.text) declarations.push(node);
    else if (ts.isIdentifier(node) && node.text === e.text && !isName(node)) uses++; // a shorthand property ({ Z1 }) is a read too
    ts.forEachChild(node, visit);
  };
  visit(body);
  const [declaration] = declarations;
  const list = declaration?.parent;
  if (declarations.length !== 1 || !declaration!.initializer || !list || !ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return undefined;
  return { declaration: declaration!, initializer: declaration!.initializer, uses };
}

/** A property's or declaration's own name (`.Z1`, `const Z1`), not a read of the variable. */
function isName(node: ts.Identifier): boolean {
  const p = node.parent;
  return (ts.isPropertyAccessExpression(p) && p.name === node) || (ts.isVariableDeclaration(p) && p.name === node) || (ts.isPropertyAssignment(p) && p.name === node);
}

/** How a hint names an operand: `ba`, `params.b1`; undefined for anything longer. */
function named(e: ts.Expression, sf: ts.SourceFile): string | undefined {
  const t = unwrap(e).getText(sf);
  return /^[\w$.[\]'"`]+$/.test(t) && t.length <= 24 ? `\`${t}\`` : undefined;
}
