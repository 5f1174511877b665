// An esbuild build kept on disk and reused for as long as none of its inputs
// changed. The check runs on every start of a command, so it must cost almost
// nothing: one stat per input file, and a hash only for a file whose size or
// time changed (a copy, a checkout), so that touching a file rebuilds nothing.
// Plain JavaScript: it runs before any TypeScript loader is registered.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * @typedef {object} Manifest
 * @property {string} key what the build was made from besides its input files (versions, options, entry points)
 * @property {string} dir the folder of this build, relative to the cache folder
 * @property {[string, number, number, string][]} inputs every file read, relative to the root: [path, size, mtime, sha1]
 * @property {Record<string, string>} outputs entry point (relative to the root) → its output (relative to the cache folder)
 */

const MANIFEST = 'manifest.json';

const sha1 = (file) => createHash('sha1').update(readFileSync(file)).digest('hex');

/** The build in `cacheDir` made with `key`, if every one of its inputs is as it was; otherwise undefined. */
export function freshBuild(root, cacheDir, key) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(cacheDir, MANIFEST), 'utf8'));
  } catch {
    return undefined;
  }
  if (manifest.key !== key || !existsSync(path.join(cacheDir, manifest.dir))) return undefined;
  for (const [rel, size, mtime, hash] of manifest.inputs) {
    const file = path.join(root, rel);
    let stat;
    try {
      stat = statSync(file);
    } catch {
      return undefined;
    }
    if (stat.size === size && stat.mtimeMs === mtime) continue;
    if (stat.size !== size || sha1(file) !== hash) return undefined;
  }
  return manifest;
}

/**
 * Builds afresh into a new folder of `cacheDir` and points the manifest at it.
 * Two commands building at once each write a complete folder; the last
 * manifest written wins. Folders of earlier builds are removed once they are
 * old enough that no command still running can be loading from them.
 */
export async function rebuild(root, cacheDir, key, options) {
  const { build } = await import('esbuild');
  mkdirSync(cacheDir, { recursive: true });
  const dir = `build-${Date.now().toString(36)}-${process.pid}`;
  const result = await build({ ...options, absWorkingDir: root, outdir: path.join(cacheDir, dir), metafile: true, write: true, logLevel: 'silent' });
  const outputs = {};
  for (const [out, info] of Object.entries(result.metafile.outputs)) {
    if (info.entryPoint) outputs[info.entryPoint] = path.relative(cacheDir, path.resolve(root, out));
  }
  const inputs = Object.keys(result.metafile.inputs)
    .filter((rel) => !rel.includes(':')) // virtual modules of plugins have a namespace, not a file
    .map((rel) => {
      const file = path.join(root, rel);
      const stat = statSync(file);
      return [rel, stat.size, stat.mtimeMs, sha1(file)];
    });
  const manifest = { key, dir, inputs, outputs };
  const temporary = path.join(cacheDir, `${MANIFEST}.${process.pid}`);
  writeFileSync(temporary, JSON.stringify(manifest));
  renameSync(temporary, path.join(cacheDir, MANIFEST));
  removeOldBuilds(cacheDir, dir);
  return manifest;
}

const AN_HOUR = 60 * 60 * 1000;

function removeOldBuilds(cacheDir, current) {
  for (const name of readdirSync(cacheDir)) {
    if (!name.startsWith('build-') || name === current) continue;
    const folder = path.join(cacheDir, name);
    try {
      if (Date.now() - statSync(folder).mtimeMs > AN_HOUR) rmSync(folder, { recursive: true, force: true });
    } catch {
      // another command removed it first
    }
  }
}
