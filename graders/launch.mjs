#!/usr/bin/env node
// Starts a deepgrade command written in TypeScript (`node graders/launch.mjs cli.ts …`).
// Plain JavaScript with no dependencies, so that before `npm install` a learner
// reads "run npm install first" instead of a module-not-found stack trace.
import { existsSync, readFileSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const [entry, ...args] = process.argv.slice(2);
if (!existsSync(path.join(root, 'node_modules', 'tsx')) || !existsSync(path.join(root, 'node_modules', '@tensorflow', 'tfjs'))) {
  process.stderr.write(`deepgrade's packages are not installed yet. Run this first, in ${root}:\n\n  npm install\n\nthen try again.\n`);
  process.exit(2);
}
const [major] = process.versions.node.split('.').map(Number);
if (major < 20) {
  process.stderr.write(`deepgrade needs Node.js 20 or later (this is ${process.version}).\n`);
  process.exit(2);
}
// `npm run grade`'s sandbox child, started first of all as the last run with this command line started it
// (launcher/early-sandbox.mjs); the sandbox adopts it only if it is what it would start now.
if (entry === 'cli.ts' && !process.env.DEEPGRADE_NO_PRESTART) {
  try {
    await (await import('./launcher/early-sandbox.mjs')).startRecordedSandbox(root, args);
  } catch {
    // the sandbox starts its own child
  }
}
// The command bundled once (launcher/cli-bundle.mjs) unless debugging the grader itself:
// DEEPGRADE_NO_BUNDLE=1 runs the TypeScript sources through tsx, DEEPGRADE_SOURCE_MAPS=1 too, with source maps.
const debugging = !!process.env.DEEPGRADE_SOURCE_MAPS;
const bundled = debugging || process.env.DEEPGRADE_NO_BUNDLE ? undefined : await bundledCommand();
if (bundled) {
  // Neither tsx (~0.1 s to register) nor any resolve hook: graders and solutions imported by path are found
  // through this map (engine/source-import.ts), TensorFlow.js through the bundle's link module.
  globalThis[Symbol.for('deepgrade.bundle-map')] = bundled.map;
} else {
  const tf = await tensorFlowBundle();
  if (tf) module.register(pathToFileURL(path.join(here, 'engine', 'sandbox', 'tf-redirect.mjs')), { data: { url: tf.url } });
  const { register } = await import('tsx/esm/api');
  register();
}
// `npm run grade`'s sandbox starts now, while the command loads (grade-prestart.ts).
if (bundled?.prestart && entry === 'cli.ts') {
  try {
    (await import(bundled.prestart)).prestart(root, args);
  } catch {
    // the command starts its sandbox itself, as it would without a bundle
  }
}
// tsx turns source maps on; they cost ~0.2 s of every run (one inlined per module, each parsed by Node).
process.setSourceMapsEnabled(debugging);
process.argv = [process.argv[0], path.join(here, entry), ...args];
await import(bundled?.url ?? pathToFileURL(path.join(here, entry)).href);

async function bundledCommand() {
  try {
    const { bundledCommand, linkTensorFlow } = await import('./launcher/cli-bundle.mjs');
    const bundled = await bundledCommand(root, entry);
    if (bundled) linkTensorFlow(root, await tensorFlowBundle());
    return bundled;
  } catch {
    return undefined; // e.g. esbuild missing from a broken install: tsx still runs the sources
  }
}

/**
 * The TensorFlow.js bundle the sandboxes use (see engine/sandbox/runtime.ts),
 * when one was built for exactly the installed packages: its URL, and the same
 * code as a classic script with its export names (launcher/tf-script.mjs), if
 * built. Loading it costs ~0.3 s of CPU less than the package, module by
 * module. Undefined (a first run, an upgrade, DEEPGRADE_TF_PACKAGE=1): the
 * package it is.
 */
async function tensorFlowBundle() {
  if (process.env.DEEPGRADE_TF_PACKAGE) return undefined;
  try {
    const dir = path.join(root, '.deepgrade', 'runtime');
    const pointer = JSON.parse(readFileSync(path.join(dir, 'tf-current.json'), 'utf8'));
    const version = (name) => JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
    // node:crypto is loaded here, not at the top: there it would hold up the early sandbox child by ~10 ms.
    const { createHash } = await import('node:crypto');
    const entry = createHash('sha256').update(readFileSync(path.join(here, 'engine', 'sandbox', 'tf-entry.ts'), 'utf8')).update('\0').digest('hex').slice(0, 16);
    const file = path.join(dir, path.basename(pointer.file));
    if (pointer.tfjs !== version('@tensorflow/tfjs') || pointer.esbuild !== version('esbuild') || pointer.entry !== entry || !existsSync(file)) return undefined;
    const script = pointer.script && path.join(dir, path.basename(pointer.script));
    const names = pointer.exports && path.join(dir, path.basename(pointer.exports));
    const classic = script && names && existsSync(script) && existsSync(names) ? { script, names: JSON.parse(readFileSync(names, 'utf8')) } : {};
    return { url: pathToFileURL(file).href, ...classic };
  } catch {
    return undefined; // no bundle yet
  }
}
