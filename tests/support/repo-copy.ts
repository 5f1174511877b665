import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../graders/engine/paths';

const SKIP = new Set(['node_modules', '.git', 'reports', '.deepgrade']);

/** A fresh copy of the repository (sharing node_modules), as a learner would have it after cloning. */
export function copyRepo(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-repo-'));
  cpSync(repoRoot, dir, {
    recursive: true,
    filter: (src) => !SKIP.has(path.basename(src)) || path.dirname(src) !== repoRoot,
  });
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}
