import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * A correct alternative: a right implementation written differently from the
 * reference solution (a course-style loop over arraySync(), another order of
 * operations, a TensorFlow.js built-in). It lives in
 * tests/alternatives/<assignment id>/<name>.ts, exports the assignment's
 * functions (or re-exports the solution for those it does not rewrite), and
 * must score full marks at every seed: a grader that fails it is wrong.
 */
export interface AlternativeInfo {
  /** How it differs: "loops", "reordered", "builtin", or a word of its own. */
  style: string;
  /** The functions it writes its own way (the rest may be re-exported). */
  fns: string[];
}

export interface Alternative extends AlternativeInfo {
  name: string;
  file: string;
}

export function alternativeDir(root: string, assignmentId: string): string {
  return path.join(root, 'tests', 'alternatives', assignmentId);
}

export async function loadAlternatives(root: string, assignmentId: string): Promise<Alternative[]> {
  const dir = alternativeDir(root, assignmentId);
  if (!existsSync(dir)) return [];
  const out: Alternative[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts')).sort()) {
    const file = path.join(dir, f);
    const mod = (await import(pathToFileURL(file).href)) as { alternative?: AlternativeInfo };
    const info = mod.alternative;
    if (!info || typeof info.style !== 'string' || !Array.isArray(info.fns) || info.fns.length === 0) {
      throw new Error(`${path.relative(root, file)} must export \`alternative = { style, fns }\` (fns: the functions it writes its own way).`);
    }
    out.push({ name: f.replace(/\.ts$/, ''), file, ...info });
  }
  return out;
}
