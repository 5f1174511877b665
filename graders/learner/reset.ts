/**
 * `npm run reset -- week3 computeCost`: puts one function of the learner's file
 * back as the committed stub had it (`git show HEAD:exercises/<id>.ts`), and
 * nothing else. The TypeScript compiler finds the exported function
 * declaration in both files; only its text is replaced, so the rest of the file
 * stays byte for byte. The learner's file is copied to .deepgrade/backups/
 * first, and a terminal asks before anything changes (--yes skips the question;
 * without a terminal and without --yes, nothing changes).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ts from 'typescript';
import { assignmentFiles } from '../engine/registry';
import { didYouMean } from '../engine/suggest';
import { command, graderNames, LearnerError, resolveFunction, splitWords, type LearnerIO } from './common';

export const RESET_USAGE = `Usage: npm run reset -- [where] <function> [--yes]

  npm run reset -- week3 computeCost   put computeCost back as the stub had it
  npm run reset -- computeCost --yes   without asking (a backup is made all the same)

  <where>  week3, course1/week4, course1, all, or an assignment id
  Only that function changes; your file is first copied to .deepgrade/backups/.`;

/** Where an exported function declaration sits in a source text: [start, end), its leading comment excluded. */
export interface FunctionSpan {
  name: string;
  start: number;
  end: number;
  text: string;
}

/** The exported, top-level function declarations (with a body) of a TypeScript source. */
export function exportedFunctions(source: string, fileName = 'exercise.ts'): FunctionSpan[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: FunctionSpan[] = [];
  for (const statement of sf.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name || !statement.body) continue;
    const exported = ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    const start = statement.getStart(sf);
    out.push({ name: statement.name.text, start, end: statement.end, text: source.slice(start, statement.end) });
  }
  return out;
}

/** Syntax errors of a TypeScript source, as "line 12: ';' expected." (none: []). */
export function syntaxErrors(source: string, fileName = 'exercise.ts'): string[] {
  const { diagnostics = [] } = ts.transpileModule(source, { fileName, reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  return diagnostics.map((d) => {
    const line = d.file && d.start !== undefined ? `line ${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : '';
    return `${line}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

/** The committed version of a file (HEAD), or a LearnerError that says why there is none. */
export function committedFile(root: string, rel: string): string {
  const posix = rel.split(path.sep).join('/');
  try {
    execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as { code?: string; stderr?: Buffer };
    const why = e.code === 'ENOENT' ? 'git is not installed' : `${root} is not a git checkout`;
    throw new LearnerError(
      `reset restores the stub committed in git, and ${why}.\nTo start a function over by hand, copy it from a fresh download of the repository (${posix}).`,
    );
  }
  try {
    return execFileSync('git', ['show', `HEAD:./${posix}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (err) {
    const stderr = String((err as { stderr?: Buffer | string }).stderr ?? '').trim();
    throw new LearnerError(`git has no committed ${posix} to restore from${stderr ? ` (${stderr.split('\n')[0]})` : ''}.`);
  }
}

/** .deepgrade/backups/course1__week3__planar-classification-2025-01-31T10-20-30-123Z.ts (never overwriting one). */
function backupPath(root: string, id: string, now: Date): string {
  const dir = path.join(root, '.deepgrade', 'backups');
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const base = `${id.replace(/\//g, '__')}-${stamp}`;
  let file = path.join(dir, `${base}.ts`);
  for (let n = 1; existsSync(file); n++) file = path.join(dir, `${base}-${n}.ts`);
  return file;
}

/** Runs `npm run reset` with these arguments; resolves to the exit code. */
export async function runReset(argv: string[], io: LearnerIO): Promise<number> {
  try {
    return await reset(argv, io);
  } catch (err) {
    io.err(`${(err as Error).message}\n`);
    return err instanceof LearnerError ? err.exitCode : 1;
  }
}

async function reset(argv: string[], io: LearnerIO): Promise<number> {
  let values: { yes?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { yes: { type: 'boolean', short: 'y' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (err) {
    throw new LearnerError(`${(err as Error).message}\n\n${RESET_USAGE}`, 2);
  }
  if (values.help) {
    io.out(`${RESET_USAGE}\n`);
    return 0;
  }
  const { root } = io;
  const { selector, name } = splitWords(root, positionals, RESET_USAGE);
  // Any exported function of the learner's file can be reset, graded or given.
  const namesOf = async (id: string) => {
    const file = assignmentFiles(root, id).exercise;
    const own = existsSync(file) ? exportedFunctions(readFileSync(file, 'utf8')).map((f) => f.name) : [];
    return [...new Set([...(await graderNames(root, id)), ...own])];
  };
  const match = await resolveFunction(root, selector, name, namesOf, 'reset');
  const file = assignmentFiles(root, match.id).exercise;
  const rel = path.relative(root, file);
  if (!existsSync(file)) throw new LearnerError(`${rel} is missing. git checkout -- ${rel} brings the whole stub back.`);

  const committed = committedFile(root, rel);
  const stubFunctions = exportedFunctions(committed, rel);
  const stub = stubFunctions.find((f) => f.name === match.name);
  if (!stub) {
    const guess = didYouMean(match.name, stubFunctions.map((f) => f.name));
    throw new LearnerError(`The committed ${rel} has no exported function ${match.name} to restore.${guess ? ` Did you mean ${guess}?` : ''}`, 2);
  }
  const current = readFileSync(file, 'utf8');
  const broken = syntaxErrors(current, rel);
  if (broken.length) {
    throw new LearnerError(
      `${rel} does not parse (${broken[0]}), so reset cannot tell safely where ${match.name} ends. Nothing changed.\n` +
        `Fix that first, or copy the function from the stub by hand: git show HEAD:${rel.split(path.sep).join('/')}`,
    );
  }
  const mine = exportedFunctions(current, rel).find((f) => f.name === match.name);
  if (!mine) {
    throw new LearnerError(
      `${rel} has no exported function ${match.name} any more, so there is nothing to replace. The stub's version, to paste back by hand:\n\n${stub.text}\n`,
    );
  }
  // Keep the file's own line endings.
  const crlf = /\r\n/.test(current) && !/\r\n/.test(stub.text);
  const replacement = crlf ? stub.text.replace(/\n/g, '\r\n') : stub.text;
  if (mine.text === replacement || mine.text.replace(/\r\n/g, '\n') === stub.text.replace(/\r\n/g, '\n')) {
    io.out(`${match.name} in ${rel} is already the stub: nothing changed.\n`);
    return 0;
  }

  const lines = (s: string) => s.split('\n').length;
  const what = `${match.name} in ${rel} (your ${lines(mine.text)} lines → the stub's ${lines(stub.text)})`;
  if (!values.yes) {
    if (!io.interactive || !io.ask) {
      io.err(`Not resetting ${what} without a confirmation, and there is no terminal to ask in.\nRun it again with --yes: ${command('reset', match, '--yes')}\n`);
      return 1;
    }
    io.out(`This replaces ${what}.\nThe rest of the file stays as it is, and the whole file is backed up first.\n`);
    const answer = (await io.ask('Reset it? [y/N] ')).trim().toLowerCase();
    if (answer !== 'y' && answer !== 'yes') {
      io.out('Nothing changed.\n');
      return 0;
    }
  }

  const backup = backupPath(root, match.id, io.now?.() ?? new Date());
  mkdirSync(path.dirname(backup), { recursive: true });
  copyFileSync(file, backup);
  io.out(`Your file is backed up in ${path.relative(root, backup)}\n`);
  writeFileSync(file, current.slice(0, mine.start) + replacement + current.slice(mine.end));
  io.out(`${match.name} is the stub again in ${rel}; nothing else in the file changed.\n`);
  io.out(`When you have rewritten it: npm run grade -- ${match.id} --only ${match.name}\n`);
  return 0;
}
