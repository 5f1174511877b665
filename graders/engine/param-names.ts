/**
 * The parameters of a module's exported functions, read from its TypeScript
 * source: their names, and the labels of tuple types ([A: …, W: …, b: …]), so a
 * generated hint can say `cache[0]` (A) rather than "argument 2, item 0". Used
 * only when fixtures are generated (it loads the compiler and type-checks the
 * file: about a second, once per file).
 */
import ts from 'typescript';

/** What is known of one value's parts: the label of a tuple item, the items of a tuple, the element of an array. */
export interface Labels {
  label?: string;
  items?: (Labels | undefined)[];
  element?: Labels;
}

export interface ParamInfo {
  /** '' when the parameter is destructured. */
  name: string;
  labels?: Labels;
}

const cache = new Map<string, Map<string, ParamInfo[]>>();

/** Each exported function's parameters by function name; an empty map when the file cannot be read. */
export function exportedParams(file: string): Map<string, ParamInfo[]> {
  let found = cache.get(file);
  if (!found) {
    try {
      found = readParams(file);
    } catch {
      found = new Map(); // names are a nicety: hints fall back to "arguments 1 and 2"
    }
    cache.set(file, found);
  }
  return found;
}

function readParams(file: string): Map<string, ParamInfo[]> {
  const program = ts.createProgram([file], {
    noEmit: true,
    skipLibCheck: true,
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const out = new Map<string, ParamInfo[]>();
  if (!source) return out;
  const exported = (n: ts.Node) => ts.canHaveModifiers(n) && !!ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const st of source.statements) {
    if (!exported(st)) continue;
    if (ts.isFunctionDeclaration(st) && st.name) out.set(st.name.text, paramsOf(st.parameters, checker));
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const init = d.initializer;
        if (ts.isIdentifier(d.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) out.set(d.name.text, paramsOf(init.parameters, checker));
      }
    }
  }
  return out;
}

function paramsOf(params: ts.NodeArray<ts.ParameterDeclaration>, checker: ts.TypeChecker): ParamInfo[] {
  return params.map((p) => {
    // A destructured parameter has no name of its own: '' (hints then say "argument 2").
    const name = ts.isIdentifier(p.name) ? p.name.text : '';
    const labels = labelsOf(checker.getTypeAtLocation(p), checker, 0);
    return labels ? { name, labels } : { name };
  });
}

function labelsOf(type: ts.Type, checker: ts.TypeChecker, depth: number): Labels | undefined {
  if (depth > 5) return undefined;
  if (checker.isTupleType(type)) {
    const target = (type as ts.TupleTypeReference).target;
    const args = checker.getTypeArguments(type as ts.TypeReference);
    const items = args.map((t, i) => {
      const declaration = target.labeledElementDeclarations?.[i];
      const label = declaration && ts.isIdentifier(declaration.name) ? declaration.name.text : undefined;
      const inner = labelsOf(t, checker, depth + 1);
      return label || inner ? { ...inner, ...(label ? { label } : {}) } : undefined;
    });
    return items.some(Boolean) ? { items } : undefined;
  }
  if (checker.isArrayType(type)) {
    const element = labelsOf(checker.getTypeArguments(type as ts.TypeReference)[0]!, checker, depth + 1);
    return element ? { element } : undefined;
  }
  return undefined;
}
