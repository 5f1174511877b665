import type { Message, Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from '../paths';
import { keepBuild, keptBuild, recorder } from './kept-builds';
import { isTfImport, sandboxRuntime, tfRuntimePlugin } from './runtime';

/** A bundle ready for a sandbox (Sandbox.install), named by its content. */
export interface BuiltModule {
  ok: true;
  name: string;
  code: string;
}
export type BuildResult = BuiltModule | { ok: false; message: string };

/**
 * Bundles one learner module (TypeScript, with whatever it imports from the
 * repository) into a single JavaScript module the sandbox can import without a
 * TypeScript loader. It is built in memory, in the trusted process; each
 * sandbox keeps its own copy. TensorFlow.js stays external (the runtime's one
 * bundled file) so learner code and the runner share one tf instance.
 */
export interface GuardOptions {
  /** Folders exercise code may import from; without it, anything goes (instructor code). */
  allowedDirs?: string[];
  /** Folder prefixes read from somewhere else: a submission's own lib/ is the grader's lib/. */
  redirects?: [from: string, to: string][];
  /**
   * A folder of the grader's own where a successful build is kept and reused while its files are unchanged
   * (kept-builds.ts). Never a folder the learner's files are in: what is kept there is run as built.
   */
  keepIn?: string;
}

export async function buildModule(entry: string, root: string, options: GuardOptions = {}): Promise<BuildResult> {
  // Messages name files as the learner knows them: exercises/…, wherever grading keeps its copy.
  const learnerRoot = options.allowedDirs?.[0];
  const display = (file: string) => {
    const abs = path.resolve(root, file);
    return learnerRoot && abs.startsWith(learnerRoot + path.sep) ? path.join('exercises', path.relative(learnerRoot, abs)) : path.relative(root, abs);
  };
  const rel = display(entry);
  const { tf } = await sandboxRuntime();
  const key = options.keepIn && buildKey(entry, root, tf, options);
  const kept = key ? keptBuild(options.keepIn!, key) : undefined;
  if (kept) return { ok: true, ...kept };
  const seen = key ? recorder() : undefined;
  try {
    const { build } = await esbuild();
    const result = await build({
      entryPoints: [entry],
      outfile: path.join(root, 'learner.mjs'),
      write: false,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      sourcemap: 'inline',
      logLevel: 'silent',
      absWorkingDir: root,
      metafile: !!seen,
      // Learner code is TypeScript and nothing else: no JSON, text or binary files pulled in as modules.
      ...(options.allowedDirs ? { resolveExtensions: ['.ts'], loader: { '.ts': 'ts' } } : {}),
      plugins: [...(options.allowedDirs ? [importGuard(options.allowedDirs, root, options.redirects ?? [])] : []), tfRuntimePlugin(tf), ...(seen ? [seen.plugin] : [])],
    });
    if (result.errors.length) return { ok: false, message: formatMessages(result.errors, display) };
    const code = result.outputFiles[0]!.text;
    // import(x) with a computed name cannot be checked here, so it is not allowed at all.
    if (options.allowedDirs && /\bimport\s*\(/.test(code)) {
      return { ok: false, message: `${rel}: import() with a computed module name is not allowed in exercise code.` };
    }
    // Named by content: a sandbox that already loaded an older version of the file must not reuse it.
    const hash = createHash('sha1').update(code).digest('hex').slice(0, 12);
    const base = path.basename(rel).replace(/\.ts$/, '').replace(/[^\w-]/g, '_').slice(0, 60);
    const built = { name: `${base}-${hash}.mjs`, code };
    if (key && seen) keepBuild(options.keepIn!, key, root, Object.keys(result.metafile!.inputs), seen, built);
    return { ok: true, ...built };
  } catch (err) {
    const errors = (err as { errors?: Message[] }).errors;
    return { ok: false, message: errors?.length ? formatMessages(errors, display) : String(err) };
  }
}

/**
 * Everything besides its files that a build depends on: the entry and root, what it may import and from where,
 * the TensorFlow.js file it links to, esbuild's version, and how it is built (this file and the runtime's plugin).
 */
function buildKey(entry: string, root: string, tf: string, options: GuardOptions): string {
  const source = (file: string) => readFileSync(path.join(repoRoot, 'graders', 'engine', 'sandbox', file), 'utf8');
  return JSON.stringify([
    path.resolve(root, entry),
    root,
    options.allowedDirs ?? null,
    options.redirects ?? null,
    tf,
    process.version,
    esbuildVersion(root),
    createHash('sha1').update(source('build.ts')).update(source('runtime.ts')).update(source('kept-builds.ts')).digest('hex'),
  ]);
}

function esbuildVersion(root: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(root, 'node_modules', 'esbuild', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** esbuild's module, loaded on the first build: a run whose builds were all kept never loads it. */
function esbuild(): Promise<typeof import('esbuild')> {
  return import('esbuild');
}

/** Stops esbuild's service process if this process started it (a kept build starts none). */
export async function stopBuilder(): Promise<void> {
  if (!Object.keys(createRequire(import.meta.url).cache).some((id) => /[\\/]node_modules[\\/]esbuild[\\/]/.test(id))) return;
  const { stop } = await esbuild();
  await stop();
}

function formatMessages(messages: Message[], display: (file: string) => string): string {
  return messages
    .slice(0, 5)
    .map((m) => {
      const loc = m.location;
      const where = loc ? `${display(loc.file)}:${loc.line}:${loc.column + 1}` : '';
      const snippet = loc?.lineText ? `\n    ${loc.lineText.trim()}` : '';
      return `${where ? where + ': ' : ''}${m.text}${snippet}`;
    })
    .join('\n');
}

/**
 * Exercise code may import TensorFlow.js, the learner's own files and lib/.
 * Everything else (Node built-ins, other packages, the solutions) is refused
 * with a message naming the import.
 */
function importGuard(allowedDirs: string[], root: string, redirects: [string, string][]): Plugin {
  const within = (file: string, dir: string) => file === dir || file.startsWith(dir + path.sep);
  const inside = (file: string) => allowedDirs.some((d) => within(file, d));
  const where = allowedDirs.map((d) => `${path.relative(root, d) || '.'}/`).join(' and ');
  return {
    name: 'deepgrade-import-guard',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind === 'entry-point' || args.pluginData === GUARDED) return undefined;
        const spec = args.path;
        if (args.with && Object.keys(args.with).length) {
          return { errors: [{ text: `"${spec}" is imported with attributes (${Object.keys(args.with).join(', ')}): exercise code imports TypeScript modules only` }] };
        }
        if (isTfImport(spec)) return undefined; // the runtime plugin makes it external
        if (spec.startsWith('.') || path.isAbsolute(spec)) {
          let target = path.resolve(args.resolveDir, spec);
          const redirect = redirects.find(([from]) => within(target, from));
          if (redirect) target = path.join(redirect[1], path.relative(redirect[0], target));
          if (!inside(target)) {
            return { errors: [{ text: `"${spec}" is outside what exercise code may import (@tensorflow/tfjs, ${where})` }] };
          }
          if (path.extname(target) && path.extname(target) !== '.ts') {
            return { errors: [{ text: `"${spec}" is not a TypeScript file: exercise code imports .ts modules only` }] };
          }
          if (!redirect) return undefined;
          const resolved = await b.resolve(target, { kind: args.kind, resolveDir: args.resolveDir, pluginData: GUARDED });
          return resolved.errors.length ? { errors: resolved.errors } : { path: resolved.path };
        }
        const builtin = spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]!);
        return {
          errors: [
            {
              text: builtin
                ? `"${spec}" is a Node.js built-in module: exercise code has no access to files, processes or the network`
                : `"${spec}" is not available to exercise code: import @tensorflow/tfjs, or files in ${where}`,
            },
          ],
        };
      });
    },
  };
}

/** Marks a resolution the guard itself asked for, so it is not guarded twice. */
const GUARDED = Symbol('deepgrade-guarded');
