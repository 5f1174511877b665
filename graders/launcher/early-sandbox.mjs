// The sandbox child of `npm run grade`, started by graders/launch.mjs first of
// all, exactly as the last run with the same command line started its own
// (engine/sandbox/early.ts records that after its child came up): the child's
// ~0.13 s of start then overlaps everything the grading process loads, the
// command bundle's check included. The sandbox adopts it only if what it
// would start now is the same command, arguments and environment; anything
// else (a rebuilt runtime, other flags, no learner code to run) stops it and
// removes its folder, here or at exit. Plain JavaScript: it runs before any
// bundle or loader.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where the sandbox's folder goes in a recorded command: each run makes its own. */
export const FOLDER = '<sandbox folder>';
/** The started child, for engine/sandbox/early.ts to take. */
export const EARLY = Symbol.for('deepgrade.early-sandbox');

export function recordFile(root) {
  return path.join(root, '.deepgrade', 'early-sandbox.json');
}

/** Starts the recorded child if the record is for this command line and this Node; does nothing otherwise. */
export async function startRecordedSandbox(root, argv) {
  let record;
  try {
    record = JSON.parse(readFileSync(recordFile(root), 'utf8'));
  } catch {
    return; // none yet
  }
  if (record.node !== process.execPath || JSON.stringify(record.argv) !== JSON.stringify(argv)) return;
  const { spawn } = await import('node:child_process');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-sandbox-'));
  const fill = (text) => text.split(FOLDER).join(dir);
  // The sandbox's first child writes stderr-0.log in its folder (client.ts); this one is that child.
  const stderrFile = path.join(dir, 'stderr-0.log');
  let child;
  const fd = openSync(stderrFile, 'w', 0o600);
  try {
    const env = Object.fromEntries(Object.entries(record.env).map(([k, v]) => [k, fill(v)]));
    child = spawn(record.command, record.args.map(fill), { cwd: dir, stdio: ['ignore', 'ignore', fd, 'pipe', 'pipe'], env });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return;
  } finally {
    closeSync(fd);
  }
  child.on('error', () => undefined); // a missing command: the sandbox does not adopt a child that is gone
  const early = { record, child, dir };
  globalThis[EARLY] = early;
  process.once('exit', () => {
    if (globalThis[EARLY] !== early) return; // adopted
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });
}
