/**
 * The top-level functions of a TypeScript file, by name, as text: to tell which
 * functions a save changed (watch mode) or whether a stub holds a solution
 * (editions). Uses the TypeScript compiler's parser, so comments, strings and
 * nested braces are read as TypeScript reads them.
 */
import ts from 'typescript';

/** Each top-level function's body, whitespace removed, by name. */
export function functionBodiesOf(text: string, fileName = 'module.ts'): Map<string, string> {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
  const bodies = new Map<string, string>();
  for (const st of source.statements) {
    if (ts.isFunctionDeclaration(st) && st.name && st.body) bodies.set(st.name.text, st.body.getText(source).replace(/\s+/g, ''));
  }
  return bodies;
}

/** The functions whose body differs between two versions of a file (added and removed ones too), plus what else changed. */
export function changedFunctions(before: string, after: string): { functions: string[]; outside: boolean } {
  const a = functionBodiesOf(before);
  const b = functionBodiesOf(after);
  const functions = [...new Set([...a.keys(), ...b.keys()])].filter((name) => a.get(name) !== b.get(name));
  // Code outside the functions (imports, constants, helpers as arrow functions) may affect them all.
  const strip = (text: string, bodies: Map<string, string>) => {
    let rest = text.replace(/\s+/g, '');
    for (const body of bodies.values()) rest = rest.replace(body, '');
    return rest;
  };
  return { functions, outside: strip(before, a) !== strip(after, b) };
}
