// TensorFlow.js as a classic script, for the grading process of a bundled
// command and for the sandboxes (engine/sandbox/runtime.ts builds it beside
// its ES module), so that V8's compiled code for it can be kept on disk and
// reused: Node 20 keeps none for ES modules, and compiling the 2.8 MB bundle
// is about half of loading it. The cache is V8's own (vm.Script cachedData):
// V8 checks it against the source, its own version and the process's flags,
// and compiles afresh when anything differs. The grading process then writes
// it again, one file per set of node flags, so commands with different flags
// keep theirs; a sandbox's is made for it (makeScriptCache).
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';

/** How the last load went: 'cached' (V8 took the kept code), 'compiled' (none kept, or not for this source, V8 and flags). */
export let scriptLoad;

/** Runs the script at `file` and returns TensorFlow.js's namespace object. */
export function loadTensorFlowScript(file) {
  const flags = createHash('sha256').update(JSON.stringify(process.execArgv)).digest('hex').slice(0, 12);
  const cacheFile = `${file}.${flags}.cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // none yet
  }
  const script = new vm.Script(readFileSync(file, 'utf8'), { filename: file, cachedData });
  scriptLoad = cachedData && !script.cachedDataRejected ? 'cached' : 'compiled';
  if (scriptLoad === 'compiled') {
    // Written as the process ends: the cache then holds the functions this run compiled too.
    process.once('exit', () => {
      try {
        const temp = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, cacheFile);
      } catch {
        // a read-only checkout: the next run compiles again
      }
    });
  }
  return script.runInThisContext()(createRequire(file));
}

/** The exports of TensorFlow.js's module (`names`, from its build) taken from `tf`, its script's namespace object. */
function reexports(names) {
  const exported = names.filter((n) => n !== 'default');
  return [
    ...exported.map((n, i) => `const e${i} = tf[${JSON.stringify(n)}];`),
    `export { ${exported.map((n, i) => `e${i} as ${n}`).join(', ')} };`,
    ...(names.includes('default') ? ['export default tf.default;'] : []),
    '',
  ];
}

/**
 * The module a sandbox imports TensorFlow.js from, on its own (a sandbox reads
 * only the files it is given): it runs the script with the compiled code kept
 * for the sandbox's flags, whose path the grader passes in DEEPGRADE_TF_CACHE
 * (sandbox/runtime.ts makes it, since a sandbox can write nothing). Without
 * one, or one V8 refuses, the script is compiled as usual. How it went is left
 * on globalThis for tests.
 */
export function sandboxScriptModule(file, names) {
  return [
    `import { readFileSync } from 'node:fs';`,
    `import { createRequire } from 'node:module';`,
    `import vm from 'node:vm';`,
    `const file = ${JSON.stringify(file)};`,
    `let cachedData;`,
    `try {`,
    `  if (process.env.DEEPGRADE_TF_CACHE) cachedData = readFileSync(process.env.DEEPGRADE_TF_CACHE);`,
    `} catch {}`,
    `const script = new vm.Script(readFileSync(file, 'utf8'), { filename: file, cachedData });`,
    `globalThis[Symbol.for('deepgrade.tf-load')] = cachedData && !script.cachedDataRejected ? 'cached' : 'compiled';`,
    `const tf = script.runInThisContext()(sandboxRequire(createRequire(file)));`,
    ...reexports(names),
    sandboxRequire.toString(),
  ].join('\n');
}

/**
 * The require a sandbox's TensorFlow.js gets: `util` and nothing else. Its bundle also holds node-fetch, which
 * would load http, https, stream and zlib through this require on a call to tf.env().platform.fetch — beyond the
 * lock-down, which governs only what learner code itself can import (a learner reached net.Socket that way).
 */
function sandboxRequire(realRequire) {
  return (id) => {
    if (id === 'util' || id === 'node:util') return realRequire(id);
    throw new Error(`"${id}" is not available in the sandbox`);
  };
}

/**
 * Compiles and runs the script at `file` in this process and writes V8's
 * code for it to `cacheFile`: run by sandbox/runtime.ts in a process started
 * with a sandbox's own node flags, which V8 requires of a cache it accepts.
 */
export function makeScriptCache(file, cacheFile) {
  const script = new vm.Script(readFileSync(file, 'utf8'), { filename: file });
  script.runInThisContext()(createRequire(file));
  const temp = `${cacheFile}.${process.pid}.tmp`;
  writeFileSync(temp, script.createCachedData());
  renameSync(temp, cacheFile);
}

/**
 * The text of an ES module that exports what TensorFlow.js's module exports
 * (`names`, from its build), taken from the script's namespace object.
 */
export function scriptLinkModule(loaderUrl, file, names) {
  return [`import { loadTensorFlowScript } from ${JSON.stringify(loaderUrl)};`, `const tf = loadTensorFlowScript(${JSON.stringify(file)});`, ...reexports(names)].join('\n');
}
