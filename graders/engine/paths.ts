import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root: graders/engine/ is two levels below it. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where deepgrade keeps what it builds (git-ignored; never inside exercises/). */
export function buildDir(root: string): string {
  return path.join(root, '.deepgrade', 'build');
}
