import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { assertValid } from './schemas/validate';

/**
 * A mutant: a realistic wrong implementation of one exercise, and what it gets wrong.
 *
 * Most mutants are patches of the reference solution, tests/mutants/<assignment id>/<name>.mutant.json:
 *
 *   { "fn": "computeCost", "hint": "…", "patch": [{ "find": "…", "replace": "…" }] }
 *
 * Each hunk's `find` (a string, or an array of lines joined by newlines) must occur exactly once
 * in the text of the function `fn` of solutions/<id>.ts (or of the top-level declaration named by
 * the hunk's `in`), and is replaced by `replace`; hunks must not overlap. New lines (a helper, an
 * import) can be patched in next to the text found. Relative imports are written as seen from the
 * solution. The patched solution is written to .deepgrade/mutants/<id>/<name>.ts, rewritten only
 * when the solution or the patch changes; a hunk that no longer applies is an error naming the
 * mutant file, the function and the text.
 *
 * A mutant that cannot be a patch is a whole TypeScript module, tests/mutants/<id>/<name>.ts,
 * which re-exports the solution, overrides one function and exports `mutant = { fn, hint }`.
 */
export interface MutantInfo {
  /** The function it breaks. */
  fn: string;
  /** The hint a learner who made this mistake should see. */
  hint: string;
}

export interface Mutant extends MutantInfo {
  name: string;
  /** A TypeScript module exporting the solution's functions with the mistake in `fn`. */
  file: string;
}

/** One find/replace of a patch mutant: the text is a string, or lines joined by newlines. */
export interface PatchHunk {
  find: string | string[];
  replace: string | string[];
  /** The solution's top-level declaration the text is found in (default: the mutant's fn). */
  in?: string;
}

/** tests/mutants/<id>/<name>.mutant.json */
export interface MutantPatch extends MutantInfo {
  /** For instructors: the mistake in a sentence (learners see the hint). */
  about?: string;
  patch: PatchHunk[];
}

export const PATCH_SUFFIX = '.mutant.json';

export function mutantDir(root: string, assignmentId: string): string {
  return path.join(root, 'tests', 'mutants', assignmentId);
}

/** Where a patch mutant's patched solution is written (a build folder, not committed). */
export function patchedMutantDir(root: string, assignmentId: string): string {
  return path.join(root, '.deepgrade', 'mutants', assignmentId);
}

export async function loadMutants(root: string, assignmentId: string): Promise<Mutant[]> {
  const dir = mutantDir(root, assignmentId);
  if (!existsSync(dir)) return [];
  const entries = readdirSync(dir)
    .filter((f) => f.endsWith(PATCH_SUFFIX) || f.endsWith('.ts'))
    .map((f) => ({ f, name: f.endsWith(PATCH_SUFFIX) ? f.slice(0, -PATCH_SUFFIX.length) : f.slice(0, -'.ts'.length) }))
    // In the order of their names as modules (<name>.ts), whatever their form: fixtures list known mistakes in this order.
    .sort((a, b) => cmp(`${a.name}.ts`, `${b.name}.ts`) || cmp(a.f, b.f));
  const mutants: Mutant[] = [];
  for (const [i, { f, name }] of entries.entries()) {
    const file = path.join(dir, f);
    const rel = path.relative(root, file);
    if (entries[i + 1]?.name === name) throw new Error(`${rel} and ${entries[i + 1]!.f} are two mutants named "${name}": keep one.`);
    if (f.endsWith(PATCH_SUFFIX)) {
      const patch = readPatch(file, rel);
      mutants.push({ name, file: await writePatchedMutant(root, assignmentId, name, patch, rel), fn: patch.fn, hint: patch.hint });
      continue;
    }
    const mod = (await import(pathToFileURL(file).href)) as { mutant?: MutantInfo };
    if (!mod.mutant?.fn || !mod.mutant.hint) {
      throw new Error(`${rel} must export \`mutant = { fn, hint }\`.`);
    }
    mutants.push({ name, file, ...mod.mutant });
  }
  return mutants;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function readPatch(file: string, rel: string): MutantPatch {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${rel} is not valid JSON: ${(err as Error).message}`);
  }
  assertValid('mutant', data, rel);
  return data as MutantPatch;
}

/** Writes the patched solution where the sandbox and the in-process loader can import it; returns its path. */
async function writePatchedMutant(root: string, id: string, name: string, patch: MutantPatch, rel: string): Promise<string> {
  const out = path.join(patchedMutantDir(root, id), `${name}.ts`);
  writeIfChanged(out, await renderPatchedMutant(root, id, patch, rel, out));
  return out;
}

/**
 * Writes a changed copy of a solution (its whole source, as from solutionFile) to `out`, its relative
 * imports made to resolve from there; returns `out`. For variants the grader derives (order-mistakes.ts).
 */
export async function writeSolutionVariant(solutionFile: string, source: string, out: string): Promise<string> {
  writeIfChanged(out, `// Generated from ${toPosix(path.basename(solutionFile))}: do not edit.\n` + (await rewriteRelativeImports(source, path.dirname(solutionFile), path.dirname(out))));
  return out;
}

/** Rewritten only when it changes, and atomically: several processes may load the same modules at once. */
function writeIfChanged(out: string, text: string): void {
  if (existsSync(out) && readFileSync(out, 'utf8') === text) return;
  mkdirSync(path.dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.${createHash('sha1').update(text).digest('hex').slice(0, 8)}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, out);
}

/** The module a patch mutant becomes: the patched solution, its relative imports made to resolve from `out`. */
export async function renderPatchedMutant(root: string, id: string, patch: MutantPatch, rel: string, out: string): Promise<string> {
  const solution = path.join(root, 'solutions', `${id}.ts`);
  const solutionRel = path.relative(root, solution);
  if (!existsSync(solution)) throw new Error(`${rel}: ${solutionRel} is missing: a patch mutant is made from the reference solution.`);
  const patched = await applyPatch(readFileSync(solution, 'utf8'), patch, rel, solutionRel);
  return (
    `// Generated from ${toPosix(rel)} applied to ${toPosix(solutionRel)}: do not edit (edit the patch).\n` +
    (await rewriteRelativeImports(patched, path.dirname(solution), path.dirname(out)))
  );
}

type TS = typeof import('typescript');
let tsModule: Promise<TS> | undefined;
/** The TypeScript compiler, loaded only when a patch mutant is (it takes a moment). */
function typescript(): Promise<TS> {
  tsModule ??= import('typescript').then((m) => ((m as { default?: TS }).default ?? m) as TS);
  return tsModule;
}

const joined = (text: string | string[]) => (Array.isArray(text) ? text.join('\n') : text);

/**
 * The solution with the patch applied. Every hunk's text must occur exactly once in its
 * declaration, and no two hunks may overlap; otherwise the error names the mutant file, the
 * declaration and the text, so a changed solution fails loudly instead of silently.
 */
export async function applyPatch(source: string, patch: MutantPatch, rel: string, solutionRel: string): Promise<string> {
  const ts = await typescript();
  const sf = ts.createSourceFile(solutionRel, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const spans = new Map<string, { start: number; end: number }>();
  for (const s of sf.statements) {
    for (const name of declaredNames(ts, s)) {
      const span = spans.get(name);
      const start = s.getStart(sf);
      spans.set(name, span ? { start: Math.min(span.start, start), end: Math.max(span.end, s.end) } : { start, end: s.end });
    }
  }
  const edits: { start: number; end: number; text: string; at: string }[] = [];
  patch.patch.forEach((hunk, i) => {
    const target = hunk.in ?? patch.fn;
    const at = `${rel}: patch[${i}]`;
    const span = spans.get(target);
    if (!span) {
      throw new Error(`${at}: ${solutionRel} has no top-level ${target}${hunk.in ? '' : ' (the mutant\'s "fn")'}: was it renamed? Update the patch.`);
    }
    const find = joined(hunk.find);
    if (!find) throw new Error(`${at}: the text to find is empty.`);
    const region = source.slice(span.start, span.end);
    const first = region.indexOf(find);
    const count = first < 0 ? 0 : occurrences(region, find);
    if (count !== 1) {
      throw new Error(
        `${at}: the text to find occurs ${count === 0 ? 'nowhere' : `${count} times`} in ${target} of ${solutionRel}` +
          `${count === 0 ? ' (has the solution changed? update the patch)' : ' (add lines around it until it is unique)'}:\n` +
          find
            .split('\n')
            .map((l) => `    | ${l}`)
            .join('\n'),
      );
    }
    edits.push({ start: span.start + first, end: span.start + first + find.length, text: joined(hunk.replace), at });
  });
  edits.sort((a, b) => a.start - b.start);
  for (let k = 1; k < edits.length; k++) {
    if (edits[k]!.start < edits[k - 1]!.end) throw new Error(`${edits[k]!.at} overlaps ${edits[k - 1]!.at.slice(rel.length + 2)}: merge them into one.`);
  }
  let text = source;
  for (const e of edits.reverse()) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return text;
}

function occurrences(text: string, find: string): number {
  let n = 0;
  for (let at = text.indexOf(find); at >= 0; at = text.indexOf(find, at + 1)) n++;
  return n;
}

/** The names a top-level statement declares (functions, classes, variables, types). */
function declaredNames(ts: TS, s: import('typescript').Statement): string[] {
  if (ts.isVariableStatement(s)) return s.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
  if (ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s) || ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s) || ts.isEnumDeclaration(s)) {
    return s.name ? [s.name.text] : [];
  }
  return [];
}

/** Relative module names (imports, re-exports, import() and import types) made to resolve from another folder. */
async function rewriteRelativeImports(source: string, fromDir: string, toDir: string): Promise<string> {
  const ts = await typescript();
  const sf = ts.createSourceFile('patched.ts', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const specifiers: import('typescript').StringLiteral[] = [];
  const visit = (node: import('typescript').Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      specifiers.push(node.moduleSpecifier);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      specifiers.push(node.arguments[0]);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      specifiers.push(node.argument.literal);
    } else if (ts.isExternalModuleReference(node) && ts.isStringLiteral(node.expression)) {
      specifiers.push(node.expression);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  let text = source;
  for (const lit of specifiers.filter((l) => /^\.\.?(\/|$)/.test(l.text)).sort((a, b) => b.getStart(sf) - a.getStart(sf))) {
    let moved = toPosix(path.relative(toDir, path.resolve(fromDir, lit.text)));
    if (!moved.startsWith('.')) moved = `./${moved}`;
    const quote = text[lit.getStart(sf)]!;
    text = text.slice(0, lit.getStart(sf)) + quote + moved + quote + text.slice(lit.end);
  }
  return text;
}

const toPosix = (p: string) => p.split(path.sep).join('/');
