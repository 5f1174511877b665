/**
 * The Gradescope autograder package: the grader edition (public and hidden
 * checks and cases, the reference solutions, the oracles) plus setup.sh and
 * run_autograder, zipped as Gradescope expects (both scripts at the top level;
 * everything lands in /autograder/source).
 */
import { zipSync, type Zippable } from 'fflate';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { selectAssignments } from '../engine/registry';
import { buildRelease } from './release';

const SETUP = `#!/usr/bin/env bash
# Gradescope runs this once when it builds the autograder image.
set -euo pipefail
apt-get update
# bubblewrap isolates each submission in its own namespaces (see docs/security.md).
apt-get install -y ca-certificates curl gnupg bubblewrap
curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
apt-get install -y nodejs
cd /autograder/source
npm ci --omit=dev --no-audit --no-fund
`;

const RUN = `#!/usr/bin/env bash
# Gradescope runs this for every submission; it writes /autograder/results/results.json.
set -uo pipefail
cd "$(dirname "$0")/source" 2>/dev/null || cd "$(dirname "$0")"
exec node --import tsx graders/gradescope-run.ts
`;

export interface GradescopeOptions {
  /** Grade even where the container cannot make namespaces (recorded in every result). */
  allowUnisolated?: boolean;
  /** When hidden checks' results show: Gradescope's visibility, default after the grades are published. */
  hiddenVisibility?: 'hidden' | 'after_due_date' | 'after_published' | 'visible';
}

/** Where the zip goes by default: the git-ignored reports/ folder, never the tracked tree. */
export function defaultZipPath(root: string, selector: string): string {
  return path.join(root, 'reports', `gradescope-${selector.replace(/[^A-Za-z0-9_-]+/g, '-')}.zip`);
}

export async function buildGradescopePackage(root: string, selector: string, zipFile: string, options: GradescopeOptions = {}): Promise<{ entries: number; assignments: string[] }> {
  const assignments = selectAssignments(root, selector).map((a) => a.id);
  const stage = path.join(mkdtempSync(path.join(os.tmpdir(), 'deepgrade-gradescope-')), 'source');
  try {
    await buildRelease(root, stage, { edition: 'grader' });
    const config = { selector, hiddenVisibility: options.hiddenVisibility ?? 'after_published', ...(options.allowUnisolated ? { allowUnisolated: true } : {}) };
    writeFileSync(path.join(stage, 'deepgrade.gradescope.json'), JSON.stringify(config, null, 2) + '\n');
    // Fixed dates: the same source gives the same zip.
    const mtime = new Date('2020-01-01T00:00:00Z');
    const files: Zippable = {
      'setup.sh': [Buffer.from(SETUP), { mtime, os: 3, attrs: 0o100755 << 16 }],
      run_autograder: [Buffer.from(RUN), { mtime, os: 3, attrs: 0o100755 << 16 }],
    };
    const walk = (dir: string) => {
      for (const name of readdirSync(dir).sort()) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else files[path.relative(stage, p).split(path.sep).join('/')] = [readFileSync(p), { mtime, os: 3, attrs: 0o100644 << 16 }];
      }
    };
    walk(stage);
    mkdirSync(path.dirname(path.resolve(zipFile)), { recursive: true });
    writeFileSync(zipFile, zipSync(files, { level: 6 }));
    return { entries: Object.keys(files).length, assignments };
  } finally {
    rmSync(path.dirname(stage), { recursive: true, force: true });
  }
}
