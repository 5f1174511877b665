/**
 * Intake: the one place a learner's submission is read from disk.
 *
 * A submission is hostile data. Before anything builds or grades it, its exercise files are copied into a
 * private tree that holds only plain regular files of bounded size: no symbolic links (which would resolve
 * on the grading machine, e.g. to the reference solutions), no FIFOs or devices (which can hang or leak a
 * read), no giant or countless files. Everything downstream reads the copy, never the submission.
 *
 * The whole submission is read into memory first (bounded by maxTotalBytes) and only then written, so a
 * failure leaves dest untouched and dest can never be walked as part of the submission.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface IntakeLimits {
  maxFileBytes: number;
  maxTotalBytes: number;
  maxFiles: number;
  maxDepth: number;
}

export const DEFAULT_LIMITS: IntakeLimits = { maxFileBytes: 512 * 1024, maxTotalBytes: 8 * 1024 * 1024, maxFiles: 500, maxDepth: 12 };

/** Something in the submission that was not copied, and why. `path` is relative to the submission folder, with forward slashes. */
export interface Refusal {
  path: string;
  reason: string;
}

export interface Intake {
  /** The private exercises/ tree written (dest/exercises). */
  root: string;
  /** Relative paths under root (forward slashes) of the files copied, sorted. */
  files: string[];
  /** What was refused, sorted by path. */
  refused: Refusal[];
}

const SYMLINK = 'a symbolic link';
const NOT_REGULAR = 'not a regular file (a device, FIFO or socket)';
const OVER_LIMIT = "over the submission's size limit";
const TOO_DEEP = 'nested too deeply';
const UNSAFE_NAME = 'an unsafe file name';
// Learner work: code (.ts), notes (.md) and quiz answers (.answers).
const COPIED = /\.(ts|md|answers)$/;
// O_NONBLOCK: if a FIFO is swapped in after lstat, opening it must not wait for a writer (no effect on regular files).
const OPEN_FLAGS = fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK;

/** Copies the learner's exercises from a submission folder into dest (created; must not exist or be empty). */
export function takeSubmission(submission: string, dest: string, limits: Partial<IntakeLimits> = {}): Intake {
  const lim = checkLimits({ ...DEFAULT_LIMITS, ...limits });
  const top = lstatOrNull(submission);
  if (!top) throw new Error(`Submission ${submission} does not exist.`);
  if (top.isSymbolicLink()) throw new Error(`Submission ${submission} is a symbolic link; refusing to follow it.`);
  if (!top.isDirectory()) throw new Error(`Submission ${submission} is not a folder.`);
  checkDest(submission, dest);

  const refused: Refusal[] = [];
  const taken = new Map<string, Buffer>(); // path relative to the exercises tree -> contents
  const nested = path.join(submission, 'exercises');
  const nestedStat = lstatOrNull(nested);
  if (nestedStat?.isSymbolicLink()) {
    refused.push({ path: 'exercises', reason: SYMLINK });
  } else {
    // A whole repository copy: only exercises/ is the learner's work; lib/, graders/ … are silently ignored.
    const [tree, prefix] = nestedStat?.isDirectory() ? [nested, 'exercises/'] : [submission, ''];
    let total = 0;
    const refuse = (rel: string, reason: string) => refused.push({ path: rel ? prefix + rel : prefix.slice(0, -1) || '.', reason });

    const walk = (dir: string, relDir: string, depth: number): void => {
      let names: string[];
      try {
        names = fs.readdirSync(dir).sort();
      } catch (e) {
        refuse(relDir, unreadable(e));
        return;
      }
      for (const name of names) {
        const rel = relDir ? `${relDir}/${name}` : name;
        if (name === '.' || name === '..' || name.includes('\0') || name.includes('\\')) {
          refuse(rel, UNSAFE_NAME);
          continue;
        }
        if (name.startsWith('.')) continue; // .git, .DS_Store, editor files: not the learner's work
        const full = path.join(dir, name);
        let st: fs.Stats;
        try {
          st = fs.lstatSync(full);
        } catch (e) {
          refuse(rel, unreadable(e));
          continue;
        }
        if (st.isSymbolicLink()) refuse(rel, SYMLINK);
        else if (st.isDirectory()) {
          if (depth + 1 > lim.maxDepth) refuse(rel, TOO_DEEP);
          else walk(full, rel, depth + 1);
        } else if (!st.isFile()) refuse(rel, NOT_REGULAR);
        else if (!COPIED.test(name)) continue; // other regular files are not exercises: ignored silently
        else if (st.size > lim.maxFileBytes) refuse(rel, `larger than ${sizeText(lim.maxFileBytes)}`);
        else if (taken.size >= lim.maxFiles || total + st.size > lim.maxTotalBytes) refuse(rel, OVER_LIMIT);
        else {
          const read = readRegular(full, st, lim.maxFileBytes);
          if (typeof read === 'string') refuse(rel, read);
          else {
            taken.set(rel, read);
            total += read.length;
          }
        }
      }
    };
    walk(tree, '', 0);
  }

  const root = path.join(dest, 'exercises');
  if (!lstatOrNull(dest)) fs.mkdirSync(dest, { recursive: true, mode: 0o755 });
  makeDir(root);
  const files = [...taken.keys()].sort();
  for (const rel of files) {
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) makeDir(path.join(root, ...parts.slice(0, i)));
    // 'wx' (O_CREAT|O_EXCL): never overwrite and never write through a link that appeared in dest.
    const fd = fs.openSync(path.join(root, ...parts), 'wx', 0o644);
    try {
      fs.writeFileSync(fd, taken.get(rel)!);
      fs.fchmodSync(fd, 0o644); // exact mode whatever the umask
    } finally {
      fs.closeSync(fd);
    }
  }
  refused.sort((a, b) => compare(a.path, b.path) || compare(a.reason, b.reason));
  return { root, files, refused };
}

/** One line for an instructor/learner: "refused: exercises/a.ts (a symbolic link), …" or '' when nothing was refused. */
export function describeRefusals(refused: Refusal[]): string {
  if (refused.length === 0) return '';
  const SHOWN = 10; // a submission of 10 000 files must not make a 10 000-item line
  // A file name may hold a newline or other control character: quote it so the description stays one line.
  const shown = (p: string) => (/[\u0000-\u001f\u007f]/.test(p) ? JSON.stringify(p) : p);
  const items = refused.slice(0, SHOWN).map((r) => `${shown(r.path)} (${r.reason})`);
  if (refused.length > SHOWN) items.push(`and ${refused.length - SHOWN} more`);
  return `refused: ${items.join(', ')}`;
}

/** sha256 over the copied files' relative paths and contents, in sorted order (hex): keys a submission's version. */
export function intakeHash(intake: Intake): string {
  const hash = createHash('sha256');
  for (const rel of [...intake.files].sort()) {
    const content = fs.readFileSync(path.join(intake.root, ...rel.split('/')));
    // Paths hold no NUL and the length is explicit, so no two different trees feed the same bytes.
    hash.update(`${rel}\0${content.length}\0`);
    hash.update(content);
  }
  return hash.digest('hex');
}

/** Reads a file that lstat called regular, re-checking on the opened descriptor; a reason string if refused. */
function readRegular(file: string, seen: fs.Stats, maxBytes: number): Buffer | string {
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (e) {
    // ELOOP: O_NOFOLLOW met a link that replaced the file after lstat.
    return (e as NodeJS.ErrnoException).code === 'ELOOP' ? SYMLINK : unreadable(e);
  }
  try {
    // The entry may have been swapped between lstat and open: trust only what the descriptor says.
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return NOT_REGULAR;
    if (st.dev !== seen.dev || st.ino !== seen.ino) return 'changed while being read';
    if (st.size > maxBytes) return `larger than ${sizeText(maxBytes)}`;
    // Read one byte more than fstat promised (so at most maxBytes + 1): a file still growing is caught
    // without reading all of it.
    const buf = Buffer.alloc(st.size + 1);
    let got = 0;
    while (got < buf.length) {
      const n = fs.readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
    }
    if (got > st.size) return 'changed while being read';
    return buf.subarray(0, got);
  } catch (e) {
    return unreadable(e);
  } finally {
    fs.closeSync(fd);
  }
}

/** dest must be new or an empty real folder, and not inside the submission. */
function checkDest(submission: string, dest: string): void {
  const rel = path.relative(path.resolve(submission), path.resolve(dest));
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
    throw new Error(`Intake destination ${dest} must not be inside the submission ${submission}.`);
  }
  const st = lstatOrNull(dest);
  if (!st) return;
  if (!st.isDirectory() || st.isSymbolicLink()) throw new Error(`Intake destination ${dest} exists and is not a folder.`);
  if (fs.readdirSync(dest).length > 0) throw new Error(`Intake destination ${dest} is not empty.`);
}

/** A folder of the private tree, mode 0o755 whatever the umask. */
function makeDir(dir: string): void {
  if (lstatOrNull(dir)) return;
  fs.mkdirSync(dir, { mode: 0o755 });
  fs.chmodSync(dir, 0o755);
}

function checkLimits(lim: IntakeLimits): IntakeLimits {
  for (const [key, value] of Object.entries(lim)) {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`Intake limit ${key} must be a whole number ≥ 0, not ${value}.`);
  }
  return lim;
}

function lstatOrNull(p: string): fs.Stats | null {
  try {
    return fs.lstatSync(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw e;
  }
}

function unreadable(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code ? `could not be read (${code})` : 'could not be read';
}

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** Code-unit order, the same as Array.prototype.sort's default, so every list sorts alike. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
