import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../graders/engine/paths';
import { buildModule } from '../graders/engine/sandbox/build';
import { Sandbox } from '../graders/engine/sandbox/client';
import { runtimeDir, sandboxRuntime } from '../graders/engine/sandbox/runtime';
import { scriptLinkModule } from '../graders/launcher/tf-script.mjs';

/** What a fresh node (with these flags) sees through a module: its export names, one computation, and how the script loaded. */
function probe(module: string, flags: string[] = []): { keys: string[]; sum: string; load?: string } {
  const loader = pathToFileURL(path.join(repoRoot, 'graders', 'launcher', 'tf-script.mjs')).href;
  const code = [
    `const ns = await import(${JSON.stringify(pathToFileURL(module).href)});`,
    `ns.env().set('PROD', true);`,
    `const { scriptLoad } = await import(${JSON.stringify(loader)});`,
    `console.log(JSON.stringify({ keys: Object.keys(ns).sort(), sum: ns.add(ns.tensor([1, 2]), 1).dataSync().join(','), load: scriptLoad }));`,
  ].join('\n');
  return JSON.parse(execFileSync('node', [...flags, '--input-type=module', '-e', code], { encoding: 'utf8' }).trim().split('\n').pop()!);
}

describe("the grading process's TensorFlow.js as a classic script with V8's code kept (launcher/tf-script.mjs)", () => {
  let dir: string;
  let link: string;
  let esm: string;
  beforeAll(async () => {
    esm = (await sandboxRuntime()).module;
    const pointer = JSON.parse(readFileSync(path.join(runtimeDir(), 'tf-current.json'), 'utf8')) as { script: string; exports: string };
    dir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-tf-script-'));
    // A copy, so that the caches this test writes are its own.
    const script = path.join(dir, 'tf.script.js');
    copyFileSync(path.join(runtimeDir(), pointer.script), script);
    const names = JSON.parse(readFileSync(path.join(runtimeDir(), pointer.exports), 'utf8')) as string[];
    link = path.join(dir, 'link.mjs');
    writeFileSync(link, scriptLinkModule(pathToFileURL(path.join(repoRoot, 'graders', 'launcher', 'tf-script.mjs')).href, script, names));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const caches = () => readdirSync(dir).filter((f) => f.endsWith('.cache'));

  it("loads in a sandbox without Node's crypto (seedrandom's entropy seeding, which TensorFlow.js never uses), and random ops still work", async () => {
    const code = [
      `const tf = await import(${JSON.stringify(pathToFileURL((await sandboxRuntime()).tf).href)});`,
      `tf.env().set('PROD', true);`,
      `const seeded = tf.randomNormal([3], 0, 1, 'float32', 7).dataSync().join(',');`,
      `const unseeded = tf.randomUniform([1000]).dataSync();`,
      `console.log(JSON.stringify({ crypto: process.moduleLoadList.some((m) => /^NativeModule crypto$/.test(m)), seeded, spread: new Set(unseeded).size }));`,
    ].join('\n');
    const seen = JSON.parse(execFileSync('node', ['--input-type=module', '-e', code], { encoding: 'utf8' }).trim().split('\n').pop()!);
    expect(seen.crypto).toBe(false);
    expect(seen.seeded).toBe(JSON.parse(execFileSync('node', ['--input-type=module', '-e', code], { encoding: 'utf8' }).trim().split('\n').pop()!).seeded);
    expect(seen.spread).toBeGreaterThan(990);
  });

  it('exports what the ES module exports, and computes the same', () => {
    const viaScript = probe(link);
    const viaModule = probe(esm);
    expect(viaScript.keys.length).toBeGreaterThan(400);
    expect(viaScript.keys).toEqual(viaModule.keys);
    expect(viaScript.sum).toBe('2,3');
    expect(viaModule.sum).toBe('2,3');
  });

  it('compiles once, keeps the code, and uses it next time; other node flags keep their own', () => {
    for (const f of caches()) rmSync(path.join(dir, f));
    expect(probe(link).load).toBe('compiled');
    expect(caches()).toHaveLength(1);
    expect(probe(link).load).toBe('cached');
    expect(probe(link, ['--max-semi-space-size=4']).load).toBe('compiled');
    expect(caches()).toHaveLength(2);
    expect(probe(link, ['--max-semi-space-size=4']).load).toBe('cached');
    expect(probe(link).load).toBe('cached');
  });

  it('compiles afresh when the kept code is not for this source, and keeps the new', () => {
    expect(caches().length).toBeGreaterThan(0);
    for (const cache of caches()) writeFileSync(path.join(dir, cache), Buffer.from('not a V8 code cache'));
    expect(probe(link).load).toBe('compiled');
    expect(probe(link).load).toBe('cached');
  });

  it("a sandbox runs the script with the code its own process made for the sandbox's flags", async () => {
    const source = path.join(dir, 'learner.ts');
    writeFileSync(
      source,
      [
        `import * as tf from '@tensorflow/tfjs';`,
        `export function howLoaded() { return String((globalThis as Record<symbol, unknown>)[Symbol.for('deepgrade.tf-load')]); }`,
        `export function sum() { return tf.add(tf.tensor([1, 2]), 1); }`,
      ].join('\n'),
    );
    for (const cached of [true, false]) {
      if (!cached) process.env.DEEPGRADE_NO_TF_CACHE = '1';
      const sandbox = new Sandbox({ root: repoRoot });
      try {
        const built = await buildModule(source, repoRoot);
        if (!built.ok) throw new Error(built.message);
        const learner = sandbox.install(built);
        expect(await sandbox.call(learner, 'howLoaded', [])).toMatchObject({ status: 'ok', value: cached ? 'cached' : 'compiled' });
        expect(await sandbox.call(learner, 'sum', [])).toMatchObject({ status: 'ok', value: { data: [2, 3] } });
      } finally {
        delete process.env.DEEPGRADE_NO_TF_CACHE;
        await sandbox.close();
      }
    }
  }, 60_000);
});
