/**
 * What every sandbox runs: TensorFlow.js bundled into one ES module, and the
 * runner bundled against it. Both are built once and kept by content in
 * .deepgrade/runtime/, so a sandbox needs to see exactly two files and the
 * WebAssembly backend's binaries besides its own learner's bundle (no
 * node_modules), and TensorFlow.js loads in about a fifth of the time the
 * package takes to import module by module.
 */
import type { Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freshBuild, rebuild } from '../../launcher/build-cache.mjs';
import { repoRoot } from '../paths';

export interface Runtime {
  /** TensorFlow.js as one ES module. */
  tf: string;
  /** The sandbox's entry point. */
  runner: string;
  /** The folder holding the WebAssembly backend's binaries (wasm-backend.ts). */
  wasm: string;
}

const TFJS = /^@tensorflow\/tfjs(-core|-layers|-backend-cpu)?$/;

/** Sends every TensorFlow.js import to the one bundled file, left external. */
export function tfRuntimePlugin(tfFile: string): Plugin {
  return {
    name: 'deepgrade-tf-runtime',
    setup(b) {
      b.onResolve({ filter: TFJS }, () => ({ path: tfFile, external: true }));
    },
  };
}

export function isTfImport(spec: string): boolean {
  return TFJS.test(spec);
}

let runtime: Promise<Runtime> | undefined;

/**
 * The runtime, built on first use (per process, and on disk across runs). It
 * belongs to the grader's own checkout, whatever tree is being graded.
 */
export function sandboxRuntime(): Promise<Runtime> {
  runtime ??= buildRuntime(repoRoot);
  runtime.catch(() => (runtime = undefined));
  return runtime.then((rt) => {
    if (existsSync(rt.tf) && existsSync(rt.runner) && existsSync(rt.wasm)) return rt;
    runtime = undefined; // the folder was cleaned since
    return sandboxRuntime();
  });
}

export function runtimeDir(): string {
  return path.join(repoRoot, '.deepgrade', 'runtime');
}

async function buildRuntime(root: string): Promise<Runtime> {
  // esbuild's version from its package file: its module is loaded only to build (a prestarted sandbox starts sooner).
  const esbuildVersion = packageVersion(root, 'esbuild');
  const dir = runtimeDir();
  mkdirSync(dir, { recursive: true });
  const tfEntry = path.join(repoRoot, 'graders', 'engine', 'sandbox', 'tf-entry.ts');
  // Named by what goes into it, so a changed TensorFlow.js or esbuild builds afresh.
  const tfKey = hash([esbuildVersion, packageVersion(root, '@tensorflow/tfjs'), readFileSync(tfEntry, 'utf8')]);
  const tf = path.join(dir, `tf-${tfKey}.mjs`);
  if (!existsSync(tf)) {
    const { build } = await import('esbuild');
    const out = await build({
      entryPoints: [tfEntry],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // The packages' ES module builds: static exports, so `import * as tf` sees every name.
      mainFields: ['module', 'main'],
      absWorkingDir: root,
      nodePaths: [path.join(root, 'node_modules')],
      logLevel: 'silent',
      // tfjs-core's Node platform calls require() for built-ins (util, node-fetch's http…).
      banner: { js: "import { createRequire as __deepgradeRequire } from 'node:module'; const require = __deepgradeRequire(import.meta.url);" },
    });
    writeAtomically(tf, out.outputFiles[0]!.text);
  }
  // Tells graders/launch.mjs which file the grading process may load TensorFlow.js from, and for which inputs.
  const pointer = { file: path.basename(tf), tfjs: packageVersion(root, '@tensorflow/tfjs'), esbuild: esbuildVersion, entry: hash([readFileSync(tfEntry, 'utf8')]) };
  const pointerFile = path.join(dir, 'tf-current.json');
  if (!existsSync(pointerFile) || readFileSync(pointerFile, 'utf8') !== JSON.stringify(pointer)) writeAtomically(pointerFile, JSON.stringify(pointer));
  return { tf, runner: await runnerBuild(root, tf), wasm: wasmBinaries(root) };
}

/** The binaries a sandbox may read, copied out of node_modules (which it cannot see), per package version. */
function wasmBinaries(root: string): string {
  const source = path.join(root, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist');
  const dir = path.join(runtimeDir(), `wasm-${packageVersion(root, '@tensorflow/tfjs-backend-wasm')}`);
  mkdirSync(dir, { recursive: true });
  // The plain binary and the SIMD one: the backend picks by what this Node supports (threads are off).
  for (const name of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm']) {
    const target = path.join(dir, name);
    if (!existsSync(target)) {
      const tmp = `${target}.${process.pid}.tmp`;
      copyFileSync(path.join(source, name), tmp);
      renameSync(tmp, target);
    }
  }
  return dir;
}

/**
 * The runner, bundled against that TensorFlow.js file: rebuilt only when one of
 * its sources changed (launcher/build-cache.mjs), not on every run.
 */
async function runnerBuild(root: string, tf: string): Promise<string> {
  const dir = path.join(runtimeDir(), 'runner');
  const entry = path.join('graders', 'engine', 'sandbox', 'runner.ts');
  // Besides its sources: the TensorFlow.js file it imports, and how it is built (this file).
  const key = hash([packageVersion(root, 'esbuild'), process.version, path.basename(tf), readFileSync(path.join(repoRoot, 'graders', 'engine', 'sandbox', 'runtime.ts'), 'utf8')]);
  const manifest =
    freshBuild(root, dir, key) ??
    (await rebuild(root, dir, key, {
      entryPoints: [entry],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outbase: '.',
      outExtension: { '.js': '.mjs' },
      // The WebAssembly backend (wasm-backend.ts) is bundled in, from its ES module build, which imports
      // TensorFlow.js by name (sent to the file above); its Emscripten glue is CommonJS: require('fs'), __dirname.
      mainFields: ['module', 'main'],
      banner: {
        js: "import { createRequire as __deepgradeRequire } from 'node:module'; import { fileURLToPath as __deepgradePath } from 'node:url'; const require = __deepgradeRequire(import.meta.url); const __dirname = __deepgradePath(new URL('.', import.meta.url));",
      },
      plugins: [tfRuntimePlugin(tf)],
    }));
  return path.join(dir, manifest.outputs[entry.split(path.sep).join('/')]!);
}

function packageVersion(root: string, name: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function hash(parts: string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex').slice(0, 16);
}

/** Another process may be building the same file: write aside, then rename over. */
function writeAtomically(file: string, text: string) {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, text, { mode: 0o644 });
  renameSync(tmp, file);
}
