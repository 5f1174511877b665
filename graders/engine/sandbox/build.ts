import { build, type Message } from 'esbuild';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { buildDir, repoRoot } from '../paths';

export type BuildResult = { ok: true; file: string } | { ok: false; message: string };

/**
 * Bundles one learner module (TypeScript, with whatever it imports from the
 * repository) into a single JavaScript file the sandbox can import without a
 * TypeScript loader. TensorFlow.js stays external so learner code and the runner
 * share one tf instance.
 */
export async function buildModule(entry: string, root: string): Promise<BuildResult> {
  const outDir = buildDir(root);
  mkdirSync(outDir, { recursive: true });
  const rel = path.relative(root, entry);
  const outfile = path.join(outDir, rel.replace(/[\\/]/g, '__').replace(/\.ts$/, '') + '.mjs');
  try {
    const result = await build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      external: ['@tensorflow/*'],
      sourcemap: 'inline',
      logLevel: 'silent',
      absWorkingDir: root,
    });
    if (result.errors.length) return { ok: false, message: formatMessages(result.errors, root) };
    return { ok: true, file: outfile };
  } catch (err) {
    const errors = (err as { errors?: Message[] }).errors;
    return { ok: false, message: errors?.length ? formatMessages(errors, root) : String(err) };
  }
}

let runnerFile: Promise<string> | undefined;

/** The sandbox runner, bundled once per grading process. */
export function buildRunner(root: string): Promise<string> {
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
