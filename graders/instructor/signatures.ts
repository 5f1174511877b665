import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { functionBodiesOf } from '../engine/functions';

/**
 * The public face of a course module: every exported function's signature and
 * every exported type, as text. A stub and its solution must have the same
 * face, or a learner would implement a different function than the one graded.
 */
export type Signatures = Map<string, string>;

export function exportedSignatures(file: string): Signatures {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const out: Signatures = new Map();
  // Whitespace, `;` or `,` between members and trailing separators do not matter.
  const text = (n: ts.Node | undefined) =>
    n
      ? n
          .getText(source)
          .replace(/\s+/g, ' ')
          .replace(/;\s*/g, ', ')
          .replace(/,\s*([}\])>])/g, ' $1')
          .replace(/\s+/g, ' ')
      : '';
  const exported = (n: ts.Node) => ts.canHaveModifiers(n) && !!ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const st of source.statements) {
    if (!exported(st)) continue;
    if (ts.isFunctionDeclaration(st) && st.name) {
      const params = st.parameters.map((p) => `${text(p.name)}${p.questionToken ? '?' : ''}: ${text(p.type) || 'inferred'}${p.initializer ? ` = ${text(p.initializer)}` : ''}`);
      out.set(st.name.text, `function ${st.name.text}(${params.join(', ')}): ${text(st.type) || 'inferred'}`);
    } else if (ts.isTypeAliasDeclaration(st) || ts.isInterfaceDeclaration(st)) {
      const body = ts.isTypeAliasDeclaration(st) ? text(st.type) : text(st).replace(/^export /, '');
      out.set(st.name.text, `type ${st.name.text} = ${body}`);
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) out.set(text(d.name), `const ${text(d.name)}${d.type ? `: ${text(d.type)}` : ''}`);
    }
  }
  return out;
}

/** Where a stub's exports differ from its solution's, one line each, naming the function. */
export function signatureDrift(stubFile: string, solutionFile: string): string[] {
  const stub = exportedSignatures(stubFile);
  const solution = exportedSignatures(solutionFile);
  const problems: string[] = [];
  for (const [name, sig] of solution) {
    const s = stub.get(name);
    if (s === undefined) problems.push(`${name}: exported by the solution but missing from the stub`);
    else if (s !== sig) problems.push(`${name}: the stub has\n      ${s}\n    but the solution has\n      ${sig}`);
  }
  for (const name of stub.keys()) if (!solution.has(name)) problems.push(`${name}: exported by the stub but not by the solution`);
  return problems;
}

/** Every top-level function's body, whitespace removed, by name: to tell a stub from a solution. */
export function functionBodies(file: string): Map<string, string> {
  return functionBodiesOf(readFileSync(file, 'utf8'), file);
}
