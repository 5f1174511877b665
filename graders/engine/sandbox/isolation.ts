/**
 * How a sandbox is walled off from the machine, decided once per process:
 *
 * - "namespaces": the child runs under bubblewrap in its own user, PID, mount,
 *   network, IPC and UTS namespaces, as an unprivileged user, seeing read-only
 *   only the Node binary and its libraries, the sandbox runtime and its own
 *   learner's bundles, with a small tmpfs as the only writable place and no
 *   network but a loopback of its own;
 * - "permission model": a plain child under Node's permission model only
 *   (macOS, Windows, or Linux without a usable bubblewrap).
 *
 * Either way Node's permission model, --disallow-code-generation-from-strings
 * and the runner's lock-down apply inside: in namespaces they are a second wall.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../paths';

export type IsolationMode = 'namespaces' | 'permission model';

export interface Isolation {
  mode: IsolationMode;
  /** Why namespaces are not in use, for the report and for refusals. */
  reason?: string;
}

/** The words the report header uses. */
export function describeIsolation(i: Isolation): string {
  return i.mode === 'namespaces' ? 'namespaces' : 'permission model only';
}

let detected: Promise<Isolation> | undefined;

/**
 * Tries bubblewrap once. DEEPGRADE_ISOLATION=none forces the permission-model
 * child (to test the refusal paths, or where namespaces misbehave).
 */
export function detectIsolation(): Promise<Isolation> {
  detected ??= probe();
  return detected;
}

/** A sandbox came up under bubblewrap: namespaces work here, and no probe is needed to tell. */
export function namespacesConfirmed(): void {
  detected ??= Promise.resolve({ mode: 'namespaces' });
}

async function probe(): Promise<Isolation> {
  if (process.env.DEEPGRADE_ISOLATION === 'none') return { mode: 'permission model', reason: 'DEEPGRADE_ISOLATION=none was set' };
  if (process.platform !== 'linux') return { mode: 'permission model', reason: `namespaces need Linux (this is ${process.platform})` };
  const bwrap = findBwrap();
  if (!bwrap) return { mode: 'permission model', reason: 'bubblewrap (bwrap) is not installed: apt-get install bubblewrap' };
  const { command, args } = wrapCommand('namespaces', { node: process.execPath, nodeArgs: ['-e', '0'], readable: [], cwd: '/' });
  const result = await new Promise<{ code: number | null; err: string }>((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env: {} });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-500)));
    child.on('error', (e) => resolve({ code: -1, err: e.message }));
    child.on('exit', (code) => resolve({ code, err }));
  });
  if (result.code === 0) return { mode: 'namespaces' };
  return { mode: 'permission model', reason: `bubblewrap could not create namespaces here (${result.err.trim().split('\n')[0] || `exit code ${result.code}`})` };
}

/** What the probe will most likely find, without starting anything: namespaces wherever it would try them. */
export function likelyIsolation(): IsolationMode {
  return process.env.DEEPGRADE_ISOLATION !== 'none' && process.platform === 'linux' && findBwrap() ? 'namespaces' : 'permission model';
}

function findBwrap(): string | undefined {
  return findTool('bwrap');
}

function findTool(name: string): string | undefined {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).concat(['/usr/bin', '/usr/local/bin', '/bin']);
  return dirs.map((d) => path.join(d, name)).find((p) => existsSync(p));
}

export interface ChildSpec {
  node: string;
  nodeArgs: string[];
  /** Files and folders the child may read (the runtime, its own bundles). */
  readable: string[];
  cwd: string;
  /** Environment variables for the child besides NODE_ENV (namespaces start it with a clear environment). */
  env?: Record<string, string>;
  /** The size of the writable /tmp in namespaces. */
  tmpMb?: number;
  /**
   * The most the child may write to any file, its stderr included (RLIMIT_FSIZE, set with util-linux's prlimit
   * where there is one): past it the kernel stops the child with SIGXFSZ, at once, where polling the file's size
   * let a flood run on for a while.
   */
  maxFileBytes?: number;
}

/** The command that starts the child in a given mode. */
export function wrapCommand(mode: IsolationMode, spec: ChildSpec): { command: string; args: string[] } {
  const { command, args } = isolated(mode, spec);
  const prlimit = spec.maxFileBytes !== undefined && process.platform === 'linux' ? findTool('prlimit') : undefined;
  return prlimit ? { command: prlimit, args: [`--fsize=${spec.maxFileBytes}`, '--', command, ...args] } : { command, args };
}

function isolated(mode: IsolationMode, spec: ChildSpec): { command: string; args: string[] } {
  if (mode !== 'namespaces') return { command: spec.node, args: spec.nodeArgs };
  const bind = (p: string) => ['--ro-bind', p, p];
  const args = [
    '--unshare-all', // PID, mount, network, IPC, UTS and cgroup namespaces…
    '--unshare-user', // …and a user namespace, even when started as root
    '--disable-userns',
    '--die-with-parent',
    '--new-session',
    '--cap-drop', 'ALL',
    '--uid', '65534',
    '--gid', '65534',
    '--hostname', 'sandbox',
    '--clearenv',
    '--setenv', 'NODE_ENV', 'production',
    '--setenv', 'HOME', '/tmp',
    ...Object.entries(spec.env ?? {}).flatMap(([name, value]) => ['--setenv', name, value]),
    '--proc', '/proc',
    '--dev', '/dev',
    '--size', String((spec.tmpMb ?? 16) * 1024 * 1024),
    '--tmpfs', '/tmp',
    ...bind(spec.node),
    ...nodeLibraries(spec.node).flatMap(bind),
    ...spec.readable.flatMap(bind),
    '--chdir', spec.cwd,
    '--',
    spec.node,
    ...spec.nodeArgs,
  ];
  return { command: findBwrap() ?? 'bwrap', args };
}

let libraries: string[] | undefined;

/**
 * The shared libraries the Node binary loads, each at its own path (system
 * folders if ldd is missing). Asking ldd costs a process start (~20 ms) in
 * every run, so the answer is kept per Node binary (path, size, time) in
 * .deepgrade/runtime/.
 */
function nodeLibraries(node: string): string[] {
  if (libraries) return libraries;
  const cacheFile = path.join(repoRoot, '.deepgrade', 'runtime', 'node-libraries.json');
  let binary = '';
  try {
    const st = statSync(node);
    binary = `${realpathSync(node)} ${st.size} ${st.mtimeMs}`;
    const kept = JSON.parse(readFileSync(cacheFile, 'utf8')) as { binary?: string; libraries?: string[] };
    if (kept.binary === binary && Array.isArray(kept.libraries) && kept.libraries.every((l) => typeof l === 'string' && existsSync(l))) {
      return (libraries = kept.libraries);
    }
  } catch {
    // nothing kept yet
  }
  libraries = lddLibraries(node);
  try {
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    const temp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ binary, libraries }));
    renameSync(temp, cacheFile);
  } catch {
    // a read-only checkout: ask again next time
  }
  return libraries;
}

function lddLibraries(node: string): string[] {
  const found = new Set<string>();
  try {
    const out = execFileSync('ldd', [node], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    for (const m of out.matchAll(/(\/\S+)\s+\(0x/g)) {
      const lib = m[1]!;
      found.add(lib);
      const real = realpathSync(lib);
      if (real !== lib) found.add(real);
    }
  } catch {
    for (const dir of ['/lib', '/lib64', '/usr/lib', '/usr/lib64']) if (existsSync(dir)) found.add(dir);
  }
  return [...found].sort();
}
