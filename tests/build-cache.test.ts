/**
 * The bundle cache behind `npm run grade` (graders/launcher/build-cache.mjs):
 * a build is reused while its inputs are unchanged, a changed input rebuilds,
 * and touching a file without changing it does not.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freshBuild, rebuild } from '../graders/launcher/build-cache.mjs';

const root = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-build-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const cache = path.join(root, '.cache');
const options = { entryPoints: ['src/main.ts'], bundle: true, format: 'esm' as const, platform: 'node' as const, outbase: '.' };

async function runBuilt(manifest: { dir: string; outputs: Record<string, string> }): Promise<unknown> {
  const out = path.join(cache, manifest.outputs['src/main.ts']!);
  return ((await import(`${pathToFileURL(out).href}?t=${Date.now()}`)) as { answer: unknown }).answer;
}

describe('the build cache', () => {
  it('reuses a build while its inputs are unchanged and rebuilds when one changes', async () => {
    mkdirSync(path.join(root, 'src'), { recursive: true });
    writeFileSync(path.join(root, 'src', 'main.ts'), "import { n } from './dep';\nexport const answer: number = n + 1;\n");
    writeFileSync(path.join(root, 'src', 'dep.ts'), 'export const n = 41;\n');
    expect(freshBuild(root, cache, 'k')).toBeUndefined();
    const first = await rebuild(root, cache, 'k', options);
    expect(first.inputs.map((i) => i[0]).sort()).toEqual(['src/dep.ts', 'src/main.ts']);
    expect(await runBuilt(first)).toBe(42);
    expect(freshBuild(root, cache, 'k')?.dir).toBe(first.dir);
    // Another key (other versions, other entry points) is another build.
    expect(freshBuild(root, cache, 'other')).toBeUndefined();

    // Touched, same bytes: still fresh.
    const later = new Date(Date.now() + 5000);
    utimesSync(path.join(root, 'src', 'dep.ts'), later, later);
    expect(freshBuild(root, cache, 'k')?.dir).toBe(first.dir);

    // A changed import, same size: stale; the rebuilt bundle has the change.
    writeFileSync(path.join(root, 'src', 'dep.ts'), 'export const n = 99;\n');
    expect(freshBuild(root, cache, 'k')).toBeUndefined();
    const second = await rebuild(root, cache, 'k', options);
    expect(second.dir).not.toBe(first.dir);
    expect(await runBuilt(second)).toBe(100);
    expect(JSON.parse(readFileSync(path.join(cache, 'manifest.json'), 'utf8')).dir).toBe(second.dir);

    // A deleted input: stale.
    rmSync(path.join(root, 'src', 'dep.ts'));
    expect(freshBuild(root, cache, 'k')).toBeUndefined();
  });
});
