#!/usr/bin/env node
// Starts a deepgrade command written in TypeScript (`node graders/launch.mjs cli.ts …`).
// Plain JavaScript with no dependencies, so that before `npm install` a learner
// reads "run npm install first" instead of a module-not-found stack trace.
import { existsSync } from 'node:fs';
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
const { register } = await import('tsx/esm/api');
register();
process.argv = [process.argv[0], path.join(here, entry), ...args];
await import(pathToFileURL(path.join(here, entry)).href);
