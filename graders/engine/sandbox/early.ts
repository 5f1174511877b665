/**
 * The sandbox side of launcher/early-sandbox.mjs: a prestarted sandbox's
 * first child is the one graders/launch.mjs started from the record, when it
 * is the very command this sandbox would start (its folder aside); otherwise
 * that child is stopped and this sandbox starts its own. Once a prestarted
 * sandbox's child is up, how it was started is recorded for the next run with
 * the same command line.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EARLY, FOLDER, recordFile } from '../../launcher/early-sandbox.mjs';

/** How a sandbox starts its child, with its folder written as FOLDER. */
export interface ChildCommand {
  command: string;
  args: string[];
  env: Record<string, string>;
}

interface Early {
  record: ChildCommand & { node: string; argv: string[] };
  child: ChildProcess;
  dir: string;
}

const store = globalThis as unknown as Record<symbol, Early | undefined>;

/** `command` with `dir` written as FOLDER, as records have it. */
export function folderless(command: ChildCommand, dir: string): ChildCommand {
  const strip = (text: string) => text.split(dir).join(FOLDER);
  return { command: command.command, args: command.args.map(strip), env: Object.fromEntries(Object.entries(command.env).map(([k, v]) => [k, strip(v)])) };
}

const same = (a: ChildCommand, b: ChildCommand) => JSON.stringify([a.command, a.args, a.env]) === JSON.stringify([b.command, b.args, b.env]);

/**
 * The child started early, with its folder, if it runs `wanted` (folderless) and is still alive; it is then
 * this caller's. Any other early child is stopped and its folder removed.
 */
export function takeEarlySandbox(wanted: ChildCommand): { child: ChildProcess; dir: string } | undefined {
  const early = store[EARLY];
  if (!early) return undefined;
  store[EARLY] = undefined;
  const alive = early.child.pid !== undefined && early.child.exitCode === null && early.child.signalCode === null;
  if (alive && same(early.record, wanted)) return { child: early.child, dir: early.dir };
  early.child.kill('SIGKILL');
  rmSync(early.dir, { recursive: true, force: true });
  return undefined;
}

/** Stops an early child nothing took (a run with no learner code to grade). */
export function dropEarlySandbox(): void {
  const early = store[EARLY];
  if (!early) return;
  store[EARLY] = undefined;
  early.child.kill('SIGKILL');
  rmSync(early.dir, { recursive: true, force: true });
}

/** Records how the sandbox for this command line started (folderless), unless that is recorded already. */
export function recordEarlySandbox(root: string, argv: string[], command: ChildCommand): void {
  const file = recordFile(root);
  const record = { node: process.execPath, argv, ...command };
  const text = JSON.stringify(record);
  try {
    if (readFileSync(file, 'utf8') === text) return;
  } catch {
    // none yet
  }
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch {
    // a read-only checkout starts its sandbox the usual way
  }
}
