import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../graders/engine/paths';

const SKIP = new Set(['node_modules', '.git', 'reports', '.deepgrade']);

/**
 * A fresh copy of the repository (sharing node_modules), as it would be after
 * cloning: exercises/ as the last commit has it, whatever a person working in
 * this checkout has written there (`npm test` must not go red because someone
 * finished an exercise). `git: true` makes the copy a git repository with one
 * commit (for what needs one: editions, pull requests).
 */
export function copyRepo(options: { git?: boolean } = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-repo-'));
  cpSync(repoRoot, dir, {
    recursive: true,
    filter: (src) => !SKIP.has(path.basename(src)) || path.dirname(src) !== repoRoot,
  });
  restoreCommittedExercises(dir);
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  if (options.git) {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'source');
  }
  return dir;
}

/** The committed text of a file of this repository (the working tree's where there is no git). */
export function committed(rel: string): string {
  if (!existsSync(path.join(repoRoot, '.git'))) return execFileSync('cat', [path.join(repoRoot, rel)], { encoding: 'utf8' });
  return execFileSync('git', ['show', `HEAD:${rel}`], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function restoreCommittedExercises(dir: string) {
  if (!existsSync(path.join(repoRoot, '.git'))) return;
  const files = execFileSync('git', ['ls-tree', '-r', '--name-only', 'HEAD', '--', 'exercises'], { cwd: repoRoot, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  rmSync(path.join(dir, 'exercises'), { recursive: true, force: true });
  for (const rel of files) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), committed(rel));
  }
}

let shared: string | undefined;

/** One pristine git copy per test file, for tests that only read it. */
export function pristineRepo(): string {
  if (!shared) {
    const dir = copyRepo({ git: true });
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    shared = dir;
  }
  return shared;
}
