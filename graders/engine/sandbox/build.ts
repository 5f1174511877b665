import { build, type Message, type Plugin } from 'esbuild';
import { builtinModules } from 'node:module';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildDir, repoRoot } from '../paths';

export type BuildResult = { ok: true; file: string } | { ok: false; message: string };

/**
 * Bundles one learner module (TypeScript, with whatever it imports from the
 * repository) into a single JavaScript file the sandbox can import without a
 * TypeScript loader. TensorFlow.js stays external so learner code and the runner
 * share one tf instance.
 */
export interface GuardOptions {
  /** Folders exercise code may import from; without it, anything goes (instructor code). */
  allowedDirs?: string[];
  /** Folder prefixes read from somewhere else: a submission's own lib/ is the grader's lib/. */
  redirects?: [from: string, to: string][];
}

export async function buildModule(entry: string, root: string, options: GuardOptions = {}): Promise<BuildResult> {
  const outDir = buildDir(root);
  mkdirSync(outDir, { recursive: true });
  const rel = path.relative(root, entry);
  try {
    const result = await build({
      entryPoints: [entry],
      outfile: path.join(outDir, 'learner.mjs'),
      write: false,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      external: ['@tensorflow/*'],
      sourcemap: 'inline',
      logLevel: 'silent',
      absWorkingDir: root,
      plugins: options.allowedDirs ? [importGuard(options.allowedDirs, root, options.redirects ?? [])] : [],
    });
    if (result.errors.length) return { ok: false, message: formatMessages(result.errors, root) };
    const code = result.outputFiles[0]!.text;
    // import(x) with a computed name cannot be checked here, so it is not allowed at all.
    if (options.allowedDirs && /\bimport\s*\(/.test(code)) {
      return { ok: false, message: `${rel}: import() with a computed module name is not allowed in exercise code.` };
    }
    // Named by content: a sandbox that already loaded an older version of the file must not reuse it.
    const hash = createHash('sha1').update(code).digest('hex').slice(0, 12);
    const outfile = path.join(outDir, `${rel.replace(/[\\/]/g, '__').replace(/\.ts$/, '')}-${hash}.mjs`);
    writeFileSync(outfile, code);
    return { ok: true, file: outfile };
  } catch (err) {
    const errors = (err as { errors?: Message[] }).errors;
    return { ok: false, message: errors?.length ? formatMessages(errors, root) : String(err) };
  }
}

const runnerFiles = new Map<string, Promise<string>>();

/** The sandbox runner, bundled once per grading process and repository. */
export function buildRunner(root: string): Promise<string> {
  let runnerFile = runnerFiles.get(root);
  // The folder may have been cleaned since: build again rather than point at nothing.
  if (runnerFile && !existsSync(path.join(buildDir(root), 'runner.mjs'))) runnerFile = undefined;
  runnerFile ??= (async () => {
    const outDir = buildDir(root);
    mkdirSync(outDir, { recursive: true });
    const outfile = path.join(outDir, 'runner.mjs');
    await build({
      entryPoints: [path.join(repoRoot, 'graders', 'engine', 'sandbox', 'runner.ts')],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      external: ['@tensorflow/*'],
      logLevel: 'silent',
    });
    return outfile;
  })();
  runnerFiles.set(root, runnerFile);
  return runnerFile;
}

function formatMessages(messages: Message[], root: string): string {
  return messages
    .slice(0, 5)
    .map((m) => {
      const loc = m.location;
      const where = loc ? `${path.relative(root, path.resolve(root, loc.file))}:${loc.line}:${loc.column + 1}` : '';
      const snippet = loc?.lineText ? `\n    ${loc.lineText.trim()}` : '';
      return `${where ? where + ': ' : ''}${m.text}${snippet}`;
    })
    .join('\n');
}

const TFJS = /^@tensorflow\/tfjs(-core|-layers|-backend-cpu)?$/;

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
        if (TFJS.test(spec)) return { path: spec, external: true };
        if (spec.startsWith('.') || path.isAbsolute(spec)) {
          let target = path.resolve(args.resolveDir, spec);
          const redirect = redirects.find(([from]) => within(target, from));
          if (redirect) target = path.join(redirect[1], path.relative(redirect[0], target));
          if (!inside(target)) {
            return { errors: [{ text: `"${spec}" is outside what exercise code may import (@tensorflow/tfjs, ${where})` }] };
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
