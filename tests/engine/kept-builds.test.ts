/**
 * Learner builds kept between runs (graders/engine/sandbox/kept-builds.ts): a
 * kept build is reused only while every file it was built from has the same
 * bytes and every folder they sit in the same names; a failed build is never
 * kept. "Reused" is shown by planting a marker in the kept code: only a build
 * that was not run again returns it.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildModule, stopBuilder } from '../../graders/engine/sandbox/build';
import { repoRoot } from '../../graders/engine/paths';

const dir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-kept-'));
const learner = path.join(dir, 'exercises');
const keepIn = path.join(dir, 'kept');
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await stopBuilder();
});

const options = { allowedDirs: [learner, path.join(repoRoot, 'lib')], keepIn };
const MARKER = '/* planted in the kept build */';

function plantMarker(): void {
  const [file] = readdirSync(keepIn).filter((f) => f.endsWith('.json'));
  const kept = JSON.parse(readFileSync(path.join(keepIn, file!), 'utf8')) as { code: string };
  kept.code = MARKER + kept.code;
  writeFileSync(path.join(keepIn, file!), JSON.stringify(kept));
}

async function build(): Promise<{ code: string; name: string }> {
  const built = await buildModule(path.join(learner, 'main.ts'), repoRoot, options);
  if (!built.ok) throw new Error(built.message);
  return built;
}

/** Rewrites a file with other bytes of the same length and puts its times back: only its content tells. */
function sameSizeSameTime(file: string, text: string): void {
  const before = statSync(file);
  expect(Buffer.byteLength(text)).toBe(before.size);
  writeFileSync(file, text);
  utimesSync(file, before.atime, before.mtime);
}

describe('kept learner builds', () => {
  it('reuses a build only while its files and folders are unchanged', async () => {
    mkdirSync(learner, { recursive: true });
    writeFileSync(path.join(learner, 'main.ts'), "import { n } from './dep';\nexport const answer = (): number => n + 1;\n");
    writeFileSync(path.join(learner, 'dep.ts'), 'export const n = 41;\n');
    const first = await build();
    expect(first.code).not.toContain(MARKER);
    const fresh = await buildModule(path.join(learner, 'main.ts'), repoRoot, { allowedDirs: options.allowedDirs });
    expect(fresh.ok && fresh.code).toBe(first.code); // keeping changes nothing in what is built

    plantMarker();
    expect((await build()).code).toContain(MARKER); // unchanged: the kept build, not a new one

    // An imported file with other bytes, same size and time: built again, with the change.
    sameSizeSameTime(path.join(learner, 'dep.ts'), 'export const n = 99;\n');
    const second = await build();
    expect(second.code).not.toContain(MARKER);
    expect(second.code).toContain('99');
    expect(second.name).not.toBe(first.name);

    // A file added beside an import can change what it resolves to: built again.
    plantMarker();
    writeFileSync(path.join(learner, 'notes.ts'), 'export {};\n');
    expect((await build()).code).not.toContain(MARKER);

    // A file the build read, gone: built again (and here, refused).
    plantMarker();
    rmSync(path.join(learner, 'dep.ts'));
    const gone = await buildModule(path.join(learner, 'main.ts'), repoRoot, options);
    expect(gone.ok).toBe(false);
  });

  it('never keeps a build that failed', async () => {
    writeFileSync(path.join(learner, 'broken.ts'), "import fs from 'node:fs';\nexport const f = () => fs;\n");
    rmSync(keepIn, { recursive: true, force: true });
    const built = await buildModule(path.join(learner, 'broken.ts'), repoRoot, options);
    expect(built.ok).toBe(false);
    expect(!built.ok && built.message).toContain('Node.js built-in module');
    expect(readdirSafe(keepIn)).toEqual([]);
  });
});

function readdirSafe(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
