import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, describeRefusals, intakeHash, takeSubmission } from '../../graders/engine/intake';

let tmp: string;
let sub: string;
let dest: string;

beforeEach(() => {
  tmp = fs.mkdtempSync(os.tmpdir() + '/deepgrade-intake-');
  sub = path.join(tmp, 'submission');
  dest = path.join(tmp, 'dest');
  fs.mkdirSync(sub);
});

afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Writes a file under the submission, creating its folders. */
function put(rel: string, content: string | Buffer): string {
  const file = path.join(sub, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

/** Every path under dir (files, folders, links alike), relative with forward slashes, sorted. */
function listTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string) => {
    for (const name of fs.readdirSync(d).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      out.push(r);
      if (fs.lstatSync(path.join(d, name)).isDirectory()) walk(path.join(d, name), r);
    }
  };
  walk(dir, '');
  return out.sort();
}

describe('takeSubmission: layouts', () => {
  it('takes exercises/ from a whole repository copy and ignores lib/, graders/ and the rest', () => {
    put('exercises/course1/week1/a.ts', 'export const a = 1;\n');
    put('exercises/course1/week1/a.md', '# A\n');
    put('lib/helpers.ts', 'export const evil = 1;\n');
    put('graders/course1/a.grader.ts', 'export default {};\n');
    put('package.json', '{}');
    put('top.ts', 'export const top = 1;\n');

    const intake = takeSubmission(sub, dest);

    expect(intake.root).toBe(path.join(dest, 'exercises'));
    expect(intake.files).toEqual(['course1/week1/a.md', 'course1/week1/a.ts']);
    expect(intake.refused).toEqual([]);
    expect(listTree(dest)).toEqual([
      'exercises',
      'exercises/course1',
      'exercises/course1/week1',
      'exercises/course1/week1/a.md',
      'exercises/course1/week1/a.ts',
    ]);
  });

  it('takes a bare exercises tree as the submission folder itself', () => {
    put('course1/week1/a.ts', 'export const a = 1;\n');
    put('b.md', 'bee\n');

    const intake = takeSubmission(sub, dest);

    expect(intake.root).toBe(path.join(dest, 'exercises'));
    expect(intake.files).toEqual(['b.md', 'course1/week1/a.ts']);
    expect(fs.readFileSync(path.join(intake.root, 'b.md'), 'utf8')).toBe('bee\n');
  });

  it('takes the bare layout when exercises is a plain file rather than a folder', () => {
    put('exercises', 'not a folder');
    put('a.ts', 'a');
    const intake = takeSubmission(sub, dest);
    expect(intake.files).toEqual(['a.ts']);
    expect(intake.refused).toEqual([]);
  });

  it('ignores non-.ts/.md regular files and hidden entries silently', () => {
    put('a.ts', 'a');
    put('notes.txt', 'x');
    put('data.json', '{}');
    put('a.tsx', 'x');
    put('a.ts.bak', 'x');
    put('.hidden.ts', 'x');
    put('.git/config.ts', 'x');

    const intake = takeSubmission(sub, dest);

    expect(intake.files).toEqual(['a.ts']);
    expect(intake.refused).toEqual([]);
    expect(listTree(dest)).toEqual(['exercises', 'exercises/a.ts']);
  });

  it('writes plain regular files with the submitted contents and fixed modes, whatever the umask', () => {
    const bytes = Buffer.from([0, 1, 2, 255, 10, 13]);
    put('exercises/w/a.ts', bytes);
    fs.chmodSync(path.join(sub, 'exercises/w/a.ts'), 0o755);

    const saved = process.umask(0o077); // the test pool runs in forked processes, where umask may be set
    let intake;
    try {
      intake = takeSubmission(sub, dest);
    } finally {
      process.umask(saved);
    }
    const out = path.join(intake.root, 'w/a.ts');
    const st = fs.lstatSync(out);

    expect(st.isFile()).toBe(true);
    expect(st.isSymbolicLink()).toBe(false);
    expect(st.mode & 0o777).toBe(0o644);
    expect(fs.lstatSync(path.join(intake.root, 'w')).mode & 0o777).toBe(0o755);
    expect(fs.lstatSync(intake.root).mode & 0o777).toBe(0o755);
    expect(fs.readFileSync(out)).toEqual(bytes);
  });
});

describe('takeSubmission: hostile entries', () => {
  it('refuses a symbolic link to a file outside the submission and copies nothing of it', () => {
    const secret = path.join(tmp, 'solutions', 'a.ts');
    fs.mkdirSync(path.dirname(secret));
    fs.writeFileSync(secret, 'export const SECRET = 42;\n');
    put('exercises/real.ts', 'mine');
    fs.symlinkSync(secret, path.join(sub, 'exercises', 'a.ts'));

    const intake = takeSubmission(sub, dest);

    expect(intake.files).toEqual(['real.ts']);
    expect(intake.refused).toEqual([{ path: 'exercises/a.ts', reason: 'a symbolic link' }]);
    expect(fs.existsSync(path.join(intake.root, 'a.ts'))).toBe(false);
    expect(listTree(dest)).toEqual(['exercises', 'exercises/real.ts']);
  });

  it('refuses a symbolic link whatever its name (not only .ts/.md)', () => {
    fs.symlinkSync('/etc/passwd', path.join(sub, 'passwd.txt'));
    const intake = takeSubmission(sub, dest);
    expect(intake.files).toEqual([]);
    expect(intake.refused).toEqual([{ path: 'passwd.txt', reason: 'a symbolic link' }]);
  });

  it('refuses a symlinked directory and does not walk into it', () => {
    const outside = path.join(tmp, 'solutions');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'x.ts'), 'SECRET');
    put('exercises/course1/a.ts', 'mine');
    fs.symlinkSync(outside, path.join(sub, 'exercises', 'course1', 'week2'));

    const intake = takeSubmission(sub, dest);

    expect(intake.files).toEqual(['course1/a.ts']);
    expect(intake.refused).toEqual([{ path: 'exercises/course1/week2', reason: 'a symbolic link' }]);
    expect(listTree(dest)).toEqual(['exercises', 'exercises/course1', 'exercises/course1/a.ts']);
  });

  it('refuses exercises/ itself when it is a symbolic link, and copies nothing', () => {
    const outside = path.join(tmp, 'solutions');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'x.ts'), 'SECRET');
    put('top.ts', 'would be taken in the bare layout');
    fs.symlinkSync(outside, path.join(sub, 'exercises'));

    const intake = takeSubmission(sub, dest);

    expect(intake.files).toEqual([]);
    expect(intake.refused).toEqual([{ path: 'exercises', reason: 'a symbolic link' }]);
    expect(listTree(dest)).toEqual(['exercises']);
  });

  it('refuses a FIFO (without hanging on it)', () => {
    put('exercises/a.ts', 'mine');
    execFileSync('mkfifo', [path.join(sub, 'exercises', 'pipe.ts')]);

    const intake = takeSubmission(sub, dest);

    expect(intake.files).toEqual(['a.ts']);
    expect(intake.refused).toEqual([{ path: 'exercises/pipe.ts', reason: 'not a regular file (a device, FIFO or socket)' }]);
    expect(fs.existsSync(path.join(intake.root, 'pipe.ts'))).toBe(false);
  });

  it('refuses a socket', async () => {
    const sock = path.join(sub, 's.ts');
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(sock, resolve));
    try {
      const intake = takeSubmission(sub, dest);
      expect(intake.files).toEqual([]);
      expect(intake.refused).toEqual([{ path: 's.ts', reason: 'not a regular file (a device, FIFO or socket)' }]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('refuses a file over maxFileBytes and keeps the others', () => {
    put('big.ts', Buffer.alloc(DEFAULT_LIMITS.maxFileBytes + 1, 'a'));
    put('edge.ts', Buffer.alloc(DEFAULT_LIMITS.maxFileBytes, 'b'));

    const intake = takeSubmission(sub, dest);

    expect(intake.files).toEqual(['edge.ts']);
    expect(intake.refused).toEqual([{ path: 'big.ts', reason: 'larger than 512 KiB' }]);
    expect(fs.statSync(path.join(intake.root, 'edge.ts')).size).toBe(DEFAULT_LIMITS.maxFileBytes);
  });

  it('refuses files beyond maxFiles, in sorted order', () => {
    for (const n of ['e', 'a', 'd', 'b', 'c']) put(`${n}.ts`, n);

    const intake = takeSubmission(sub, dest, { maxFiles: 3 });

    expect(intake.files).toEqual(['a.ts', 'b.ts', 'c.ts']);
    expect(intake.refused).toEqual([
      { path: 'd.ts', reason: "over the submission's size limit" },
      { path: 'e.ts', reason: "over the submission's size limit" },
    ]);
    expect(listTree(dest)).toEqual(['exercises', 'exercises/a.ts', 'exercises/b.ts', 'exercises/c.ts']);
  });

  it('refuses files that would take the total over maxTotalBytes', () => {
    put('a.ts', '1234');
    put('b.ts', '5678');
    put('c.ts', '9');

    const intake = takeSubmission(sub, dest, { maxTotalBytes: 6 });

    // a (4) fits, b (4 more) does not, c (1 more) still does.
    expect(intake.files).toEqual(['a.ts', 'c.ts']);
    expect(intake.refused).toEqual([{ path: 'b.ts', reason: "over the submission's size limit" }]);
  });

  it('refuses folders nested deeper than maxDepth', () => {
    put('exercises/top.ts', 't');
    put('exercises/d1/d2/ok.ts', 'ok');
    put('exercises/d1/d2/d3/deep.ts', 'deep');

    const intake = takeSubmission(sub, dest, { maxDepth: 2 });

    expect(intake.files).toEqual(['d1/d2/ok.ts', 'top.ts']);
    expect(intake.refused).toEqual([{ path: 'exercises/d1/d2/d3', reason: 'nested too deeply' }]);
    expect(fs.existsSync(path.join(intake.root, 'd1/d2/d3'))).toBe(false);
  });

  it('refuses names holding a backslash', () => {
    put('a\\b.ts', 'x');
    put('ok.ts', 'y');
    const intake = takeSubmission(sub, dest);
    expect(intake.files).toEqual(['ok.ts']);
    expect(intake.refused).toEqual([{ path: 'a\\b.ts', reason: 'an unsafe file name' }]);
  });
});

describe('takeSubmission: arguments', () => {
  it('throws naming the path when the submission does not exist', () => {
    const missing = path.join(tmp, 'nobody');
    expect(() => takeSubmission(missing, dest)).toThrow(`Submission ${missing} does not exist.`);
    expect(fs.existsSync(dest)).toBe(false);
  });

  it('throws naming the path when the submission is a symbolic link or a file', () => {
    const link = path.join(tmp, 'link');
    fs.symlinkSync(sub, link);
    expect(() => takeSubmission(link, dest)).toThrow(`Submission ${link} is a symbolic link`);
    const file = path.join(tmp, 'file');
    fs.writeFileSync(file, '');
    expect(() => takeSubmission(file, dest)).toThrow(`Submission ${file} is not a folder.`);
  });

  it('accepts an empty existing dest, refuses a non-empty one, and never overwrites', () => {
    put('a.ts', 'new');
    fs.mkdirSync(dest);
    expect(takeSubmission(sub, dest).files).toEqual(['a.ts']);
    expect(() => takeSubmission(sub, dest)).toThrow(`Intake destination ${dest} is not empty.`);
    expect(fs.readFileSync(path.join(dest, 'exercises', 'a.ts'), 'utf8')).toBe('new');
  });

  it('refuses a dest inside the submission', () => {
    put('a.ts', 'x');
    const inside = path.join(sub, 'out');
    expect(() => takeSubmission(sub, inside)).toThrow('must not be inside the submission');
    expect(fs.existsSync(inside)).toBe(false);
  });
});

describe('intakeHash', () => {
  it('is stable for the same contents and changes when one byte changes', () => {
    put('exercises/a.ts', 'export const a = 1;\n');
    put('exercises/w/b.md', '# B\n');
    const first = intakeHash(takeSubmission(sub, path.join(tmp, 'd1')));
    const again = intakeHash(takeSubmission(sub, path.join(tmp, 'd2')));
    put('exercises/a.ts', 'export const a = 2;\n');
    const changed = intakeHash(takeSubmission(sub, path.join(tmp, 'd3')));

    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(again).toBe(first);
    expect(changed).not.toBe(first);
  });

  it('ignores what was not copied, but a renamed file changes it', () => {
    put('a.ts', 'same');
    const first = intakeHash(takeSubmission(sub, path.join(tmp, 'd1')));
    put('notes.txt', 'not copied');
    expect(intakeHash(takeSubmission(sub, path.join(tmp, 'd2')))).toBe(first);
    fs.renameSync(path.join(sub, 'a.ts'), path.join(sub, 'b.ts'));
    expect(intakeHash(takeSubmission(sub, path.join(tmp, 'd3')))).not.toBe(first);
  });

  it('keeps file boundaries apart: moving bytes between files changes it', () => {
    put('a.ts', 'ab');
    put('b.ts', 'c');
    const first = intakeHash(takeSubmission(sub, path.join(tmp, 'd1')));
    put('a.ts', 'a');
    put('b.ts', 'bc');
    expect(intakeHash(takeSubmission(sub, path.join(tmp, 'd2')))).not.toBe(first);
  });

  it('keeps paths and contents apart: one file holding the next one\'s name and content differs from two files', () => {
    put('a.ts', 'X');
    put('b.ts', 'Y');
    const two = intakeHash(takeSubmission(sub, path.join(tmp, 'd1')));
    fs.rmSync(path.join(sub, 'b.ts'));
    put('a.ts', 'Xb.tsY');
    expect(intakeHash(takeSubmission(sub, path.join(tmp, 'd2')))).not.toBe(two);
  });
});

describe('describeRefusals', () => {
  it('is empty when nothing was refused', () => {
    expect(describeRefusals([])).toBe('');
  });

  it('lists each refusal with its reason on one line', () => {
    expect(
      describeRefusals([
        { path: 'exercises/a.ts', reason: 'a symbolic link' },
        { path: 'exercises/b.ts', reason: 'larger than 512 KiB' },
      ]),
    ).toBe('refused: exercises/a.ts (a symbolic link), exercises/b.ts (larger than 512 KiB)');
  });

  it('quotes names with control characters and caps a long list', () => {
    expect(describeRefusals([{ path: 'a\nb.ts', reason: 'a symbolic link' }])).toBe('refused: "a\\nb.ts" (a symbolic link)');
    const many = Array.from({ length: 13 }, (_, i) => ({ path: `f${String(i).padStart(2, '0')}.ts`, reason: 'r' }));
    expect(describeRefusals(many)).toBe(
      `refused: ${many.slice(0, 10).map((r) => `${r.path} (r)`).join(', ')}, and 3 more`,
    );
  });

  it('describes what takeSubmission refused', () => {
    fs.symlinkSync('/etc/passwd', path.join(sub, 'a.ts'));
    execFileSync('mkfifo', [path.join(sub, 'p.md')]);
    expect(describeRefusals(takeSubmission(sub, dest).refused)).toBe(
      'refused: a.ts (a symbolic link), p.md (not a regular file (a device, FIFO or socket))',
    );
  });
});
