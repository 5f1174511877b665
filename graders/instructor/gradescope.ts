/**
 * The Gradescope autograder package: the learner edition (no solutions) plus
 * setup.sh and run_autograder, zipped as Gradescope expects (both scripts at
 * the top level; everything lands in /autograder/source).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { selectAssignments } from '../engine/registry';
import { buildRelease } from './release';
import { writeZip, type ZipEntry } from './zip';

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

export function buildGradescopePackage(
  root: string,
  selector: string,
  zipFile: string,
  options: { allowUnisolated?: boolean } = {},
): { entries: number; assignments: string[] } {
  const assignments = selectAssignments(root, selector).map((a) => a.id);
  const stage = path.join(mkdtempSync(path.join(os.tmpdir(), 'deepgrade-gradescope-')), 'source');
  try {
    buildRelease(root, stage);
    writeFileSync(path.join(stage, 'deepgrade.gradescope.json'), JSON.stringify({ selector, ...(options.allowUnisolated ? { allowUnisolated: true } : {}) }, null, 2) + '\n');
    const entries: ZipEntry[] = [
      { name: 'setup.sh', data: Buffer.from(SETUP), mode: 0o755 },
      { name: 'run_autograder', data: Buffer.from(RUN), mode: 0o755 },
    ];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir).sort()) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else entries.push({ name: path.relative(stage, p).split(path.sep).join('/'), data: readFileSync(p) });
      }
    };
    walk(stage);
    writeFileSync(zipFile, writeZip(entries));
    return { entries: entries.length, assignments };
  } finally {
    rmSync(path.dirname(stage), { recursive: true, force: true });
  }
}
