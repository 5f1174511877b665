// The commands that `graders/launch.mjs` starts, run as JavaScript bundled
// once with esbuild instead of through the tsx loader on every run: tsx
// transforms each of ~500 modules (engine, graders, solutions, Ajv…) one by
// one, which cost a third of a `npm run grade week3`. The bundle is rebuilt
// when any file that went into it changes (build-cache.mjs).
//
// One bundle with code splitting for every command and grader: each source
// module is in it exactly once, so a class is one class whichever grader or
// command imports it (`instanceof` holds), and module state (the np.random
// generator a solution shares with its grader) is single. Graders and
// solutions are imported by path at run time (engine/registry.ts): the map of
// source URLs to bundled ones that bundledCommand returns sends them to their
// bundled versions (engine/source-import.ts). TensorFlow.js stays outside,
// reached through a one-line link module (see tfLink), and so do esbuild (a
// native binary), TypeScript (loaded only by instructor tools) and tsx. No
// resolve hook is registered: a hook runs on a thread of its own, which costs
// ~13 MB and ~40 ms of every run.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshBuild, rebuild } from './build-cache.mjs';
import { scriptLinkModule } from './tf-script.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The commands `npm run …` starts through graders/launch.mjs (package.json's scripts). */
const COMMANDS = ['cli.ts', 'hint-cli.ts', 'reset-cli.ts', 'progress-cli.ts', 'try-cli.ts', 'quiz-cli.ts'];

/** Run by graders/launch.mjs before `npm run grade` loads (it may start the sandbox): an entry of its own, so it loads little. */
const PRESTART = 'graders/grade-prestart.ts';

/** Every file imported by path at run time: graders and everything under solutions/ (reference modules, quiz answer books). */
function entryPoints(root) {
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return []; // a learner edition has no solutions/
    }
    return entries.flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  };
  const rel = (file) => path.relative(root, file).split(path.sep).join('/');
  return [
    ...COMMANDS.map((c) => `graders/${c}`),
    ...(existsSync(path.join(root, PRESTART)) ? [PRESTART] : []),
    ...walk(path.join(root, 'graders')).filter((f) => f.endsWith('.grader.ts')).map(rel),
    ...walk(path.join(root, 'solutions')).filter((f) => f.endsWith('.ts')).map(rel),
  ].sort();
}

/**
 * Source modules use `import.meta.url` to find their own folder (paths.ts, the
 * JSON schemas); in a bundle it would be the chunk's. Each module gets its own
 * source file's URL instead. Occurrences inside a string literal (the banner
 * text in sandbox/runtime.ts) are left alone: a quote count on the line tells.
 */
const sourceUrlPlugin = {
  name: 'deepgrade-source-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const url = JSON.stringify(pathToFileURL(args.path).href);
      const contents = text
        .split('\n')
        .map((line) => line.replace(/\bimport\.meta\.url\b/g, (match, at) => ((line.slice(0, at).match(/["'`]/g) ?? []).length % 2 ? match : url)))
        .join('\n');
      return { contents, loader: 'ts' };
    });
  },
};

/**
 * The learner edition ships graders without their oracles (`import('./x.oracle')`,
 * used by hidden checks only): a dynamic import of a file that is not there
 * stays an import of that path, failing when run, as it does without a bundle.
 */
const missingOraclePlugin = {
  name: 'deepgrade-missing-dynamic-import',
  setup(build) {
    build.onResolve({ filter: /^\./ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const target = path.resolve(args.resolveDir, args.path);
      const exists = ['', '.ts', '.mjs', '.js'].some((ext) => existsSync(target + ext));
      return exists ? undefined : { path: pathToFileURL(`${target}.ts`).href, external: true };
    });
  },
};

const TFJS = /^@tensorflow\/tfjs(-core|-layers|-backend-cpu)?$/;

/** Every import of TensorFlow.js goes to the link module (by absolute URL: the root is part of the build's key). */
function tfLinkPlugin(linkUrl) {
  return {
    name: 'deepgrade-tf-link',
    setup(build) {
      build.onResolve({ filter: TFJS }, () => ({ path: linkUrl, external: true }));
    },
  };
}

const linkFile = (root) => path.join(root, '.deepgrade', 'cli', 'tf-link.mjs');

/**
 * Points the bundle's TensorFlow.js at the bundled runtime the sandboxes load
 * (see engine/sandbox/runtime.ts): as a classic script with V8's compiled code
 * kept (tf-script.mjs) when it was built and DEEPGRADE_NO_TF_CACHE is unset,
 * else as its ES module (one `export *` line); without a runtime, at the
 * package. Rewritten only when its text changes (atomically: another command
 * may be loading it).
 */
export function linkTensorFlow(root, tf) {
  const file = linkFile(root);
  const text =
    tf?.script && tf.names && !process.env.DEEPGRADE_NO_TF_CACHE
      ? scriptLinkModule(pathToFileURL(path.join(here, 'tf-script.mjs')).href, tf.script, tf.names)
      : `export * from ${JSON.stringify(tf?.url ?? '@tensorflow/tfjs')};\n`;
  try {
    if (readFileSync(file, 'utf8') === text) return;
  } catch {
    // not written yet
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

function buildOptions(root, entries) {
  return {
    entryPoints: entries,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outbase: '.',
    entryNames: '[dir]/[name]',
    chunkNames: 'chunks/[name]-[hash]',
    external: ['@tensorflow/*', 'esbuild', 'typescript', 'tsx', 'tsx/*', 'canvas', 'fsevents'],
    plugins: [tfLinkPlugin(pathToFileURL(linkFile(root)).href), sourceUrlPlugin, missingOraclePlugin],
    // Bundled CommonJS packages (Ajv, Handlebars) call require() for Node's built-ins.
    banner: { js: "import { createRequire as __deepgradeRequire } from 'node:module'; const require = __deepgradeRequire(import.meta.url);" },
  };
}

function packageVersion(root, name) {
  try {
    return JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return 'none';
  }
}

/**
 * The bundled command and the map of source URLs to bundled URLs (see
 * engine/source-import.ts); built first if anything changed. Undefined when it cannot be
 * built (a grader with a syntax error): the command then runs through tsx,
 * which says where the error is.
 */
export async function bundledCommand(root, command) {
  if (!COMMANDS.includes(command)) return undefined;
  const entries = entryPoints(root);
  const key = createHash('sha1')
    // The root too: the bundle holds absolute URLs of its sources (import.meta.url) and of the link.
    .update(JSON.stringify([process.versions.node, packageVersion(root, 'esbuild'), root, entries]))
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .update(readFileSync(path.join(here, 'build-cache.mjs')))
    .digest('hex');
  const cacheDir = path.join(root, '.deepgrade', 'cli');
  let manifest = freshBuild(root, cacheDir, key);
  if (!manifest) {
    try {
      manifest = await rebuild(root, cacheDir, key, buildOptions(root, entries));
    } catch {
      return undefined;
    }
  }
  const map = {};
  for (const [entry, out] of Object.entries(manifest.outputs)) {
    map[pathToFileURL(path.join(root, entry)).href] = pathToFileURL(path.join(cacheDir, out)).href;
  }
  return { url: map[pathToFileURL(path.join(root, 'graders', command)).href], prestart: map[pathToFileURL(path.join(root, PRESTART)).href], map };
}
