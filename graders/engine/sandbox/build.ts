import type { BuildOptions, BuildResult as BuildResultOf, Message, Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from '../paths';
import { BUILTINS_ALLOWED } from './builtins';
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
  // A line of a file is quoted in a message only if the learner may read that file anyway (their own, lib/).
  const quotable = (file: string) => {
    const abs = path.resolve(root, file);
    return !options.allowedDirs || options.allowedDirs.some((d) => abs.startsWith(d + path.sep));
  };
  const { tf } = await sandboxRuntime();
  const key = options.keepIn && buildKey(entry, root, tf, options);
  const kept = key ? keptBuild(options.keepIn!, key) : undefined;
  if (kept) return { ok: true, ...kept };
  const seen = key ? recorder() : undefined;
  try {
    const result = await buildWithinLimits(rel, {
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
      plugins: [...(options.allowedDirs ? [importGuard(options.allowedDirs, root, options.redirects ?? [], path.resolve(root, entry))] : []), tfRuntimePlugin(tf), ...(seen ? [seen.plugin] : [])],
    });
    if (result.errors.length) return { ok: false, message: formatMessages(result.errors, display, quotable) };
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
    if (err instanceof BuildFailure) return { ok: false, message: err.message };
    const errors = (err as { errors?: Message[] }).errors;
    return { ok: false, message: errors?.length ? formatMessages(errors, display, quotable) : String(err) };
  }
}

/**
 * What one build may take of esbuild's service process (shared by every build of this process): a learner's file
 * nested thousands of levels deep can make it grow by gigabytes, run for minutes or crash, and with it every build
 * after it. Watched on Linux (/proc); the time limit holds everywhere.
 */
export const BUILD_LIMITS = { seconds: 30, megabytes: 1024 };

/** A build that could not finish, for a reason that is the file's, said for the learner. */
class BuildFailure extends Error {}

const SERVICE_GONE = /The service (?:was stopped|is no longer running)/;

type InMemory = BuildOptions & { write: false };
type Stopped = 'time' | 'memory' | 'crash';
type Attempt<T> = { result: T } | { stopped: Stopped; solo: boolean };

/**
 * esbuild's build, within BUILD_LIMITS. When the service dies (killed here at a limit, or crashed), it is stopped so
 * the next build starts a fresh one. Every build that was sharing it then lost its build, and which of them was at
 * fault cannot be told (the memory is the whole service's; a build can be slowed by another): a build is blamed only
 * when it takes a service down that it had to itself from its start. Any other build that was stopped is built once
 * more alone, on a fresh service, with no other build running or starting meanwhile (holding the others back for at
 * most the limits); only if that fails too is it the file's fault. A learner's file cannot make a classmate's fail.
 */
async function buildWithinLimits(rel: string, options: InMemory): Promise<BuildResultOf<InMemory>> {
  let attempt = await attemptBuild(options, false);
  if ('stopped' in attempt && !attempt.solo) attempt = await alone(() => attemptBuild(options, true));
  if ('result' in attempt) return attempt.result;
  if (attempt.stopped === 'crash') {
    throw new BuildFailure(`${rel} could not be built: the bundler (esbuild) crashed on it — most likely on code nested thousands of levels deep. Nothing in it was graded.`);
  }
  const what = attempt.stopped === 'time' ? `took longer than ${BUILD_LIMITS.seconds} s` : `needed more than ${BUILD_LIMITS.megabytes} MB of memory`;
  throw new BuildFailure(`${rel} could not be built: building it ${what}, so it was stopped. Is something in it nested thousands of levels deep, or generated? Nothing in it was graded.`);
}

/**
 * One try at a build: its result, or how the service was stopped under it and whether the build had that service
 * to itself (started on a fresh service, with no build running then or started since). Other errors are thrown.
 * `fresh` (only with nothing else running, in alone()): the service is restarted first.
 */
async function attemptBuild(options: InMemory, fresh: boolean): Promise<Attempt<BuildResultOf<InMemory>>> {
  const { build, stop } = await esbuild();
  if (fresh) await restart(stop);
  // No await between this check and counting the build in: a build tried alone sees it running, or it waits.
  else while (builds.alone > 0) await new Promise<void>((resolve) => builds.waiting.push(resolve));
  const startsBefore = builds.started++;
  const onFresh = builds.running++ === 0 && builds.fresh;
  builds.fresh = false;
  const watch = watchService();
  try {
    return { result: await build(options) };
  } catch (err) {
    const exceeded = watch.exceeded();
    if (!SERVICE_GONE.test(String((err as Error)?.message ?? err))) throw err;
    await restart(stop);
    return { stopped: exceeded ?? 'crash', solo: onFresh && builds.started === startsBefore + 1 };
  } finally {
    watch.end();
    builds.running--;
    if (builds.running === 0) wake(builds.idle);
  }
}

/**
 * Builds under way, and started so far: whether a build had the service to itself when it died. `fresh`: the
 * service has run no build since it was last stopped. `alone`: builds waiting to be tried alone, or being tried;
 * while there are any, no other build starts (`waiting` for them to finish; `idle`, they wait for `running` to be 0).
 */
const builds = { running: 0, started: 0, fresh: true, alone: 0, queue: Promise.resolve(), waiting: [] as (() => void)[], idle: [] as (() => void)[] };

function wake(waiters: (() => void)[]): void {
  for (const resolve of waiters.splice(0)) resolve();
}

/** Stops the service (the next build starts a fresh one); fresh at once, so a build started meanwhile counts. */
async function restart(stop: () => Promise<void>): Promise<void> {
  const stopped = stop();
  builds.fresh = true;
  await stopped;
}

/** Runs `attempt` with no other build running: one at a time, after the builds under way, before any new one. */
async function alone<T>(attempt: () => Promise<T>): Promise<T> {
  builds.alone++;
  const before = builds.queue;
  let done!: () => void;
  builds.queue = new Promise<void>((resolve) => (done = resolve));
  try {
    await before;
    while (builds.running > 0) await new Promise<void>((resolve) => builds.idle.push(resolve));
    return await attempt();
  } finally {
    done();
    if (--builds.alone === 0) wake(builds.waiting);
  }
}

/**
 * Watches esbuild's service process (this process's child named esbuild) while a build runs, and kills it past
 * BUILD_LIMITS; exceeded() says which limit it was killed at.
 */
function watchService(): { exceeded(): 'time' | 'memory' | undefined; end(): void } {
  const started = Date.now();
  let exceeded: 'time' | 'memory' | undefined;
  const timer = setInterval(() => {
    const pid = serviceProcess();
    const overTime = Date.now() - started > BUILD_LIMITS.seconds * 1000;
    const overMemory = pid !== undefined && residentMb(pid) > BUILD_LIMITS.megabytes;
    if (!overTime && !overMemory) return;
    exceeded = overTime ? 'time' : 'memory';
    clearInterval(timer);
    if (pid !== undefined) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone already
      }
    } else void esbuild().then(({ stop }) => stop()); // not on Linux: esbuild's own stop kills it
  }, 100);
  timer.unref();
  return { exceeded: () => exceeded, end: () => clearInterval(timer) };
}

/**
 * The pid of esbuild's service process, a child of this one (Linux; undefined elsewhere or when there is none). A
 * service just stopped may linger a moment beside the new one: the one holding the most memory is watched.
 */
function serviceProcess(): number | undefined {
  try {
    const children = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    const services = children.map(Number).filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'esbuild';
      } catch {
        return false;
      }
    });
    return services.length > 1 ? services.reduce((a, b) => (residentMb(b) > residentMb(a) ? b : a)) : services[0];
  } catch {
    return undefined;
  }
}

function residentMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
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

function formatMessages(messages: Message[], display: (file: string) => string, quotable: (file: string) => boolean): string {
  return messages
    .slice(0, 5)
    .map((m) => {
      const loc = m.location;
      const where = loc ? `${display(loc.file)}:${loc.line}:${loc.column + 1}` : '';
      const snippet = loc?.lineText && quotable(loc.file) ? `\n    ${loc.lineText.trim().slice(0, 300)}` : '';
      return `${where ? where + ': ' : ''}${m.text}${snippet}`;
    })
    .join('\n');
}

/**
 * Exercise code may import TensorFlow.js, the learner's own files and lib/.
 * Everything else (Node built-ins, other packages, the solutions) is refused
 * with a message naming the import.
 *
 * The guard resolves every file import itself and hands esbuild the file it
 * checked: esbuild's own resolution reads a path differently (it retries
 * without a "?query" or "#hash" suffix, follows links, picks loaders by
 * extension), so a spec that looks inside lib/ could name the solutions, the
 * hidden fixtures or /proc/self/environ. Every file esbuild then loads is
 * checked again (onLoad): a regular .ts file, really inside an allowed folder.
 */
function importGuard(allowedDirs: string[], root: string, redirects: [string, string][], entry: string): Plugin {
  const within = (file: string, dir: string) => file === dir || file.startsWith(dir + path.sep);
  const inside = (file: string) => allowedDirs.some((d) => within(file, d));
  const realDirs = allowedDirs.map(realOrSelf);
  const reallyInside = (file: string) => realDirs.some((d) => within(file, d));
  const where = allowedDirs.map((d) => `${path.relative(root, d) || '.'}/`).join(' and ');
  const refuse = (text: string) => ({ errors: [{ text }] });
  return {
    name: 'deepgrade-import-guard',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        const spec = args.path;
        if (args.with && Object.keys(args.with).length) {
          return refuse(`"${spec}" is imported with attributes (${Object.keys(args.with).join(', ')}): exercise code imports TypeScript modules only`);
        }
        if (isTfImport(spec)) return undefined; // the runtime plugin makes it external
        if (spec.startsWith('.') || path.isAbsolute(spec)) {
          // A query, a fragment or a NUL means something else to esbuild than to a path: no file name needs them.
          if (/[?#\0]/.test(spec)) return refuse(`"${spec}" is not a plain file path: exercise code imports .ts files by their path, without "?", "#" or NUL`);
          let target = path.resolve(args.resolveDir, spec);
          const redirect = redirects.find(([from]) => within(target, from));
          if (redirect) target = path.join(redirect[1], path.relative(redirect[0], target));
          if (!inside(target)) return refuse(`"${spec}" is outside what exercise code may import (@tensorflow/tfjs, ${where})`);
          const ext = path.extname(target);
          // TypeScript's own convention (moduleResolution Bundler or NodeNext): "./x.js" names ./x.ts.
          const candidates =
            ext === '.ts' ? [target] : ext === '.js' ? [`${target.slice(0, -3)}.ts`] : ext === '' ? [`${target}.ts`, path.join(target, 'index.ts')] : [];
          if (!candidates.length || (ext === '.js' && isFile(target))) {
            return refuse(`"${spec}" is not a TypeScript file: exercise code imports .ts modules only`);
          }
          const found = candidates.find(isFile);
          if (!found) return refuse(`Could not resolve "${spec}": no such .ts file`);
          if (!reallyInside(realOrSelf(found))) return refuse(`"${spec}" is outside what exercise code may import (@tensorflow/tfjs, ${where}): it is a link to elsewhere`);
          return { path: found };
        }
        if (BUILTINS_ALLOWED.has(spec)) return { path: spec, external: true };
        const builtin = spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]!);
        return refuse(
          builtin
            ? `"${spec}" is a Node.js built-in module: exercise code has no access to files, processes or the network`
            : `"${spec}" is not available to exercise code: import @tensorflow/tfjs, or files in ${where}`,
        );
      });
      // The second line: whatever resolved it, a file read into the bundle is a regular .ts file really inside
      // (or the file being built, which the grader chose: a test may build a solution as a learner's file).
      b.onLoad({ filter: /.*/ }, (args) => {
        if (args.namespace !== 'file') return refuse(`"${args.path}" is not a file exercise code may import`);
        if (args.path === entry) return undefined;
        if (path.extname(args.path) !== '.ts' || !isFile(args.path) || !reallyInside(realOrSelf(args.path))) {
          return refuse(`"${path.relative(root, args.path)}" is outside what exercise code may import (@tensorflow/tfjs, ${where})`);
        }
        return undefined;
      });
    },
  };
}

/** A regular file (after links), not a folder, device, pipe or socket. */
function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function realOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

