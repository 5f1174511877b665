/**
 * A learner's file as it was last built, kept on disk so that grading the same
 * file again starts no esbuild at all (its module and its service process cost
 * `npm run grade week3` ~40 ms of CPU while the grader and its sandbox start).
 *
 * A kept build is used only when every file it was built from has the same
 * content (a SHA-1 of the very text esbuild compiled, which the build reads
 * through `recorder`: not a file's time or size, so a grade stays a pure
 * function of the learner's files, even for a file saved again mid-build) and
 * every folder those files sit in lists the same names (a file added beside an
 * import can change what the import resolves to). Only builds that succeeded
 * are kept; a file that fails to build is built, and explained, every time.
 */
import type { Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface KeptBuild {
  key: string;
  /** Every file the build compiled (absolute path) with the SHA-1 of the text it compiled. */
  files: [string, string][];
  /** The folder of each of those files with a SHA-1 of the names in it. */
  folders: [string, string][];
  name: string;
  code: string;
}

const sha1 = (data: string | Buffer) => createHash('sha1').update(data).digest('hex');

function folderSignature(folder: string): string {
  return sha1(readdirSync(folder).sort().join('\0'));
}

function keptFile(dir: string, key: string): string {
  return path.join(dir, `${sha1(key).slice(0, 24)}.json`);
}

/** The code kept for `key` in `dir`, if everything it was built from is unchanged. */
export function keptBuild(dir: string, key: string): { name: string; code: string } | undefined {
  try {
    const kept = JSON.parse(readFileSync(keptFile(dir, key), 'utf8')) as KeptBuild;
    if (kept.key !== key) return undefined;
    for (const [file, hash] of kept.files) if (sha1(readFileSync(file)) !== hash) return undefined;
    for (const [folder, signature] of kept.folders) if (folderSignature(folder) !== signature) return undefined;
    return { name: kept.name, code: kept.code };
  } catch {
    return undefined; // none kept, a file gone, a folder unreadable: build
  }
}

/** What a build read, as it read it: an esbuild plugin that loads TypeScript files itself and notes each one. */
export interface Recorder {
  plugin: Plugin;
  files: Map<string, string>;
  folders: Map<string, string>;
}

export function recorder(): Recorder {
  const files = new Map<string, string>();
  const folders = new Map<string, string>();
  const plugin: Plugin = {
    name: 'deepgrade-kept-builds',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        if (args.namespace !== 'file') return undefined;
        const contents = readFileSync(args.path); // the bytes esbuild would read itself
        files.set(args.path, sha1(contents));
        const folder = path.dirname(args.path);
        if (!folders.has(folder)) folders.set(folder, folderSignature(folder));
        return { contents, loader: 'ts' };
      });
    },
  };
  return { plugin, files, folders };
}

/**
 * Keeps a successful build of `key`, whose inputs are esbuild's metafile inputs (relative to `root`), if the
 * recorder saw every one of them. Best effort: a folder that cannot be written keeps nothing.
 */
export function keepBuild(dir: string, key: string, root: string, inputs: string[], seen: Recorder, built: { name: string; code: string }): void {
  try {
    const files: [string, string][] = [];
    for (const rel of inputs) {
      const file = path.resolve(root, rel);
      const hash = seen.files.get(file);
      if (hash === undefined) return; // read some other way than through the recorder: not kept
      files.push([file, hash]);
    }
    const kept: KeptBuild = { key, files, folders: [...seen.folders], ...built };
    mkdirSync(dir, { recursive: true });
    const file = keptFile(dir, key);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(kept));
    renameSync(temporary, file);
  } catch {
    // a read-only checkout builds every time
  }
}
