/**
 * Building a learner's file is the first thing grading does with it, in the
 * grading process, through one esbuild service shared by every build. A file
 * made to crash that service, or to make it run for minutes or grow by
 * gigabytes, gets a clear message of its own, and the next file builds as
 * usual on a fresh service (in a batch, the next learner). A file built while
 * that happens, at the same time on the same service, is not blamed for it: it
 * is built again alone, and only a file that fails alone too gets the message.
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

  /**
   * A batch builds several learners' files at once on the one service. The attacker's file is built while honest
   * files are built again and again beside it (three at a time, each a few tens of milliseconds), so some are in
   * flight on the service when it is stopped at the attacker's limit; every one of them must still build.
   */
  async function besideHonestBuilds(attacker: string) {
    const honestFile = file(
      'many.ts',
      Array.from({ length: 3000 }, (_, i) => `export function f${i}(x: number): number { const y = x * ${i}; return y + ${i}; }`).join('\n') + '\n',
    );
    await buildModule(honestFile, repoRoot, { allowedDirs: [dir] }); // the runtime loaded before the race starts
    let attackerDone = false;
    const attack = buildModule(attacker, repoRoot, { allowedDirs: [dir] }).finally(() => (attackerDone = true));
    const honestResults: Awaited<ReturnType<typeof buildModule>>[] = [];
    const honestLoop = async () => {
      while (!attackerDone) honestResults.push(await buildModule(honestFile, repoRoot, { allowedDirs: [dir] }));
    };
    await Promise.all([honestLoop(), honestLoop(), honestLoop()]);
    return { attacked: await attack, honestResults };
  }

  it.runIf(process.platform === 'linux')('blames only the file that blew the memory limit, not the files built beside it', async () => {
    BUILD_LIMITS.megabytes = 100;
    const { attacked, honestResults } = await besideHonestBuilds(file('big-beside.ts', nestedBlocks(20_000)));
    expect(attacked.ok).toBe(false);
    expect(!attacked.ok && attacked.message).toMatch(/big-beside\.ts could not be built: building it needed more than 100 MB of memory/);
    expect(honestResults.length).toBeGreaterThan(0);
    expect(honestResults.filter((r) => !r.ok)).toEqual([]);
  }, 60_000);

  it('blames only the file that ran past the time limit, not the files built beside it', async () => {
    Object.assign(BUILD_LIMITS, { seconds: 0.5, megabytes: 4096 });
    const { attacked, honestResults } = await besideHonestBuilds(file('slow-beside.ts', nestedBlocks(20_000)));
    expect(attacked.ok).toBe(false);
    expect(!attacked.ok && attacked.message).toMatch(/slow-beside\.ts could not be built: building it took longer than 0.5 s/);
    expect(honestResults.length).toBeGreaterThan(0);
    expect(honestResults.filter((r) => !r.ok)).toEqual([]);
  }, 60_000);
});
