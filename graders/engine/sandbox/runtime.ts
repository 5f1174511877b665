/**
 * What every sandbox runs: TensorFlow.js bundled into one file (as a classic
 * script, behind a small module that exports its names, with V8's compiled
 * code for it kept), and the runner bundled against it. They are built once
 * and kept by content in .deepgrade/runtime/, so a sandbox needs to see only
 * those files and the WebAssembly backend's binaries besides its own
 * learner's bundle (no node_modules), and TensorFlow.js loads in a fraction
 * of the time the package takes to import module by module.
 */
import type { BuildOptions, Plugin } from 'esbuild';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { freshBuild, rebuild } from '../../launcher/build-cache.mjs';
import { sandboxScriptModule } from '../../launcher/tf-script.mjs';
import { repoRoot } from '../paths';

export interface Runtime {
  /**
   * The module sandboxes import TensorFlow.js from: it runs `script` (with V8's compiled code kept for the
   * sandbox's flags, see sandboxTfCache) and exports what `module` exports.
   */
  tf: string;
  /** TensorFlow.js as one ES module (what the grading process loads when it runs through tsx). */
  module: string;
  /** The same code as a classic script, which V8 can keep compiled code for. */
  script: string;
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

/**
 * seedrandom (TensorFlow.js's random numbers) requires Node's crypto as it loads, for seeding from entropy,
 * which TensorFlow.js never asks of it (it only calls seedrandom.alea with a seed): ~10 ms of every
 * sandbox's start. It gets an empty object instead, and would seed from globalThis.crypto if ever asked.
 */
const SEEDRANDOM_WITHOUT_CRYPTO: Plugin = {
  name: 'deepgrade-seedrandom-without-node-crypto',
  setup(b) {
    b.onResolve({ filter: /^crypto$/ }, (args) => (/[\\/]seedrandom[\\/]/.test(args.importer) ? { path: 'crypto', namespace: 'deepgrade-no-crypto' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'deepgrade-no-crypto' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

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
    if ([rt.tf, rt.module, rt.script, rt.runner, rt.wasm].every((f) => existsSync(f))) return rt;
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
  const tfKey = hash([esbuildVersion, packageVersion(root, '@tensorflow/tfjs'), readFileSync(tfEntry, 'utf8'), SEEDRANDOM_WITHOUT_CRYPTO.name]);
  const tf = path.join(dir, `tf-${tfKey}.mjs`);
  const script = path.join(dir, `tf-${tfKey}.script.js`);
  const namesFile = path.join(dir, `tf-${tfKey}.exports.json`);
  if (!existsSync(tf) || !existsSync(script) || !existsSync(namesFile)) {
    const { build } = await import('esbuild');
    const common = {
      entryPoints: [tfEntry],
      bundle: true,
      write: false as const,
      platform: 'node' as const,
      target: 'node20',
      // The packages' ES module builds: static exports, so `import * as tf` sees every name.
      mainFields: ['module', 'main'],
      absWorkingDir: root,
      nodePaths: [path.join(root, 'node_modules')],
      logLevel: 'silent' as const,
      plugins: [SEEDRANDOM_WITHOUT_CRYPTO],
    } satisfies BuildOptions;
    const [esm, classic] = await Promise.all([
      build({
        ...common,
        format: 'esm',
        metafile: true,
        // tfjs-core's Node platform calls require() for built-ins (util, node-fetch's http…).
        banner: { js: "import { createRequire as __deepgradeRequire } from 'node:module'; const require = __deepgradeRequire(import.meta.url);" },
      }),
      build({ ...common, format: 'iife', globalName: '__deepgradeTf' }),
    ]);
    // The same code as a classic script for the grading process, which can keep V8's compiled code for a script
    // (launcher/tf-script.mjs) but not for a module; it evaluates to a function of `require`.
    writeAtomically(script, `(function (require) {\n${classic.outputFiles![0]!.text}\nreturn __deepgradeTf;\n})`);
    writeAtomically(namesFile, JSON.stringify(Object.values(esm.metafile!.outputs)[0]!.exports));
    writeAtomically(tf, esm.outputFiles[0]!.text); // last: its presence says the three are there
  }
  const names: string[] = JSON.parse(readFileSync(namesFile, 'utf8'));
  const sandboxModule = path.join(dir, `tf-${tfKey}.sandbox.mjs`);
  // Rewritten when what launcher/tf-script.mjs makes of it changes (the require it hands TensorFlow.js, say).
  const sandboxSource = sandboxScriptModule(script, names);
  if (!existsSync(sandboxModule) || readFileSync(sandboxModule, 'utf8') !== sandboxSource) writeAtomically(sandboxModule, sandboxSource);
  // Tells graders/launch.mjs which file the grading process may load TensorFlow.js from, and for which inputs.
  const pointer = { file: path.basename(tf), script: path.basename(script), exports: path.basename(namesFile), tfjs: packageVersion(root, '@tensorflow/tfjs'), esbuild: esbuildVersion, entry: hash([readFileSync(tfEntry, 'utf8')]) };
  const pointerFile = path.join(dir, 'tf-current.json');
  if (!existsSync(pointerFile) || readFileSync(pointerFile, 'utf8') !== JSON.stringify(pointer)) writeAtomically(pointerFile, JSON.stringify(pointer));
  return { tf: sandboxModule, module: tf, script, runner: await runnerBuild(root, sandboxModule), wasm: wasmBinaries(root) };
}

const caches = new Map<string, Promise<string | undefined>>();

/**
 * V8's compiled code for the TensorFlow.js script, as a sandbox started with
 * these V8 flags accepts it (V8 refuses a cache made under other flags or
 * another Node), made once by a process started with the same flags: a
 * sandbox, which may write nothing, only reads it. Undefined if it could not
 * be made, or with DEEPGRADE_NO_TF_CACHE set; the sandbox then compiles the
 * script itself.
 */
export function sandboxTfCache(rt: Runtime, v8Flags: string[]): Promise<string | undefined> {
  if (process.env.DEEPGRADE_NO_TF_CACHE) return Promise.resolve(undefined);
  const file = `${rt.script}.sandbox-${hash([process.version, ...v8Flags])}.cache`;
  let made = caches.get(file);
  if (!made) {
    made = existsSync(file) ? Promise.resolve(file) : makeCache(rt.script, file, v8Flags);
    caches.set(file, made);
  }
  return made.then((f) => (f && existsSync(f) ? f : (caches.delete(file), undefined)));
}

function makeCache(script: string, file: string, v8Flags: string[]): Promise<string | undefined> {
  const maker = pathToFileURL(path.join(repoRoot, 'graders', 'launcher', 'tf-script.mjs')).href;
  const code = `const { makeScriptCache } = await import(${JSON.stringify(maker)}); makeScriptCache(${JSON.stringify(script)}, ${JSON.stringify(file)});`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...v8Flags, '--input-type=module', '-e', code], { stdio: 'ignore', env: { NODE_ENV: 'production' } });
    child.on('error', () => resolve(undefined));
    child.on('exit', (status) => resolve(status === 0 && existsSync(file) ? file : undefined));
  });
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
