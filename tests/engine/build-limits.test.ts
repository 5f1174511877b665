/**
 * Building a learner's file is the first thing grading does with it, in the
 * grading process, through one esbuild service shared by every build. A file
 * made to crash that service, or to make it run for minutes or grow by
 * gigabytes, gets a clear message of its own, and the next file builds as
 * usual on a fresh service (in a batch, the next learner).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../../graders/engine/paths';
import { BUILD_LIMITS, buildModule } from '../../graders/engine/sandbox/build';

const dir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-build-limits-'));
const defaults = { ...BUILD_LIMITS };
afterEach(() => Object.assign(BUILD_LIMITS, defaults));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, source: string): string {
  const f = path.join(dir, name);
  writeFileSync(f, source);
  return f;
}

const honest = () => file('honest.ts', 'export function double(x: number) { return 2 * x; }\n');
// Blocks nested this deep make esbuild's output, and its memory, grow by the square of the depth.
const nestedBlocks = (depth: number) => `export function f() {\n${'{'.repeat(depth)}${'}'.repeat(depth)}\n}\n`;

describe('building a learner file', () => {
  it('reports a file that crashes esbuild, and the next file still builds', async () => {
    // Arrow functions nested 120,000 deep: esbuild's parser overflows its 1 GB goroutine stack and the service dies.
    // The stack alone reaches the default memory limit, and under load the watcher could stop the build first (a
    // different, also correct message); the limits are raised here so that it is the crash path that is tested.
    Object.assign(BUILD_LIMITS, { seconds: 120, megabytes: 4096 });
    const crash = await buildModule(file('arrows.ts', `export const deep = ${'()=>'.repeat(120_000)}1;\n`), repoRoot, { allowedDirs: [dir] });
    expect(crash.ok).toBe(false);
    expect(!crash.ok && crash.message).toMatch(/could not be built: the bundler \(esbuild\) crashed on it — most likely/);
    const next = await buildModule(honest(), repoRoot, { allowedDirs: [dir] });
    expect(next.ok).toBe(true);
  }, 180_000);

  it('stops a build past its time limit, with a message, and the next file still builds', async () => {
    BUILD_LIMITS.seconds = 0.3;
    const slow = await buildModule(file('slow.ts', nestedBlocks(20_000)), repoRoot, { allowedDirs: [dir] });
    expect(slow.ok).toBe(false);
    expect(!slow.ok && slow.message).toMatch(/could not be built: building it took longer than 0.3 s/);
    Object.assign(BUILD_LIMITS, defaults);
    expect((await buildModule(honest(), repoRoot, { allowedDirs: [dir] })).ok).toBe(true);
  }, 60_000);

  it.runIf(process.platform === 'linux')('stops a build past its memory limit, with a message', async () => {
    BUILD_LIMITS.megabytes = 100;
    const big = await buildModule(file('big.ts', nestedBlocks(20_000)), repoRoot, { allowedDirs: [dir] });
    expect(big.ok).toBe(false);
    expect(!big.ok && big.message).toMatch(/could not be built: building it needed more than 100 MB of memory/);
    Object.assign(BUILD_LIMITS, defaults);
    expect((await buildModule(honest(), repoRoot, { allowedDirs: [dir] })).ok).toBe(true);
  }, 60_000);
});
