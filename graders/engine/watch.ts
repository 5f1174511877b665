/**
 * Watch mode: one warm sandbox and the graders loaded once; on every save of
 * an exercise file, a quick pass over the functions whose source changed (and
 * the functions that depend on them), then a full pass of that assignment.
 * A syntax error or a hang ends that pass with its message; the session goes on.
 */
import { existsSync, readFileSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { AssignmentDef } from './define';
import { changedFunctions } from './functions';
import type { AssignmentResult, GradeReport } from './report/model';
import { assignmentFiles, loadGrader, selectAssignments } from './registry';
import { runGrading } from './run';
import { Sandbox } from './sandbox/client';

export interface WatchPass {
  kind: 'quick' | 'full';
  assignment: string;
  /** The functions graded in a quick pass. */
  only?: string[];
  report: GradeReport;
  /** From the save being noticed (or the pass being asked for) to the result. */
  ms: number;
}

export interface WatchOptions {
  root: string;
  selector: string;
  seed?: number;
  hidden?: boolean;
  debounceMs?: number;
  onPass: (pass: WatchPass) => void;
  onError?: (err: Error) => void;
}

/** Reloads of learner files before the sandbox is restarted: each version stays loaded in the child. */
const RELOADS_PER_SANDBOX = 30;

export class WatchSession {
  private sandbox: Sandbox;
  private defs = new Map<string, AssignmentDef>();
  private lastText = new Map<string, string>();
  private watchers: FSWatcher[] = [];
  private timers = new Map<string, NodeJS.Timeout>();
  private running: Promise<void> = Promise.resolve();
  private reloads = 0;

  constructor(private readonly options: WatchOptions) {
    this.sandbox = new Sandbox({ root: options.root });
  }

  /** Loads the graders, grades everything once, and starts watching. */
  async start(): Promise<void> {
    const ids = selectAssignments(this.options.root, this.options.selector).map((a) => a.id);
    for (const id of ids) this.defs.set(id, await loadGrader(this.options.root, id));
    await this.sandbox.warmUp();
    for (const id of ids) {
      const file = assignmentFiles(this.options.root, id).exercise;
      this.lastText.set(id, existsSync(file) ? readFileSync(file, 'utf8') : '');
      await this.pass(id, 'full', undefined, Date.now());
    }
    // One watcher per folder: editors often save by writing a new file and renaming it over the old one.
    const folders = new Map<string, string[]>();
    for (const id of ids) {
      const file = assignmentFiles(this.options.root, id).exercise;
      const list = folders.get(path.dirname(file)) ?? [];
      list.push(id);
      folders.set(path.dirname(file), list);
    }
    for (const [folder, list] of folders) {
      this.watchers.push(
        watch(folder, (_event, name) => {
          const id = list.find((i) => path.basename(assignmentFiles(this.options.root, i).exercise) === String(name));
          if (id) this.changed(id);
        }),
      );
    }
  }

  /** Debounced: several saves in a row grade once. */
  changed(id: string): void {
    const seen = Date.now();
    clearTimeout(this.timers.get(id));
    this.timers.set(
      id,
      setTimeout(() => {
        this.timers.delete(id);
        this.running = this.running.then(() => this.regrade(id, seen)).catch((err: unknown) => this.options.onError?.(err as Error));
      }, this.options.debounceMs ?? 80),
    );
  }

  /** Waits for the passes under way (tests, and the bench). */
  idle(): Promise<void> {
    return this.running;
  }

  async close(): Promise<void> {
    for (const w of this.watchers) w.close();
    for (const t of this.timers.values()) clearTimeout(t);
    await this.running.catch(() => undefined);
    await this.sandbox.close();
  }

  /** A save: the changed functions and their dependents first, then the whole assignment. */
  async regrade(id: string, seen = Date.now()): Promise<void> {
    const file = assignmentFiles(this.options.root, id).exercise;
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const before = this.lastText.get(id) ?? '';
    if (text === before) return;
    this.lastText.set(id, text);
    if (++this.reloads % RELOADS_PER_SANDBOX === 0) {
      await this.sandbox.close();
      this.sandbox = new Sandbox({ root: this.options.root });
      await this.sandbox.warmUp();
    }
    const def = this.defs.get(id)!;
    let only: string[] | undefined;
    // A quiz is regraded whole: grading its answers costs nothing.
    if (def.kind === 'quiz') {
      await this.pass(id, 'full', undefined, seen);
      return;
    }
    try {
      const change = changedFunctions(before, text);
      only = change.outside ? undefined : withDependents(def, change.functions);
    } catch {
      only = undefined; // unparsable: the full pass says what is wrong
    }
    if (only?.length) await this.pass(id, 'quick', only, seen);
    await this.pass(id, 'full', undefined, seen);
  }

  private async pass(id: string, kind: WatchPass['kind'], only: string[] | undefined, seen: number): Promise<void> {
    const report = await runGrading({
      root: this.options.root,
      selector: id,
      seed: this.options.seed,
      hidden: this.options.hidden,
      only,
      sandbox: this.sandbox,
    });
    this.options.onPass({ kind, assignment: id, ...(only ? { only } : {}), report, ms: Date.now() - seen });
  }
}

/** The exercises named and every exercise that depends on one of them, in the assignment's order. */
export function withDependents(def: AssignmentDef, names: string[]): string[] {
  const picked = new Set(names.filter((n) => def.exercises.some((e) => e.name === n)));
  for (let grew = true; grew; ) {
    grew = false;
    for (const e of def.exercises) {
      if (!picked.has(e.name) && (e.dependsOn ?? []).some((d) => picked.has(d))) {
        picked.add(e.name);
        grew = true;
      }
    }
  }
  return def.exercises.map((e) => e.name).filter((n) => picked.has(n));
}

/** One line for the quick pass: how the changed functions fare, before the full report. */
export function quickLine(result: AssignmentResult, ms: number): string {
  const parts = result.exercises.map((e) => `${e.status === 'passed' ? '✓' : e.status === 'not-attempted' ? '·' : '✘'} ${e.name} ${e.score}/${e.maxScore}`);
  return `${parts.join('  ')}  (${ms} ms; the full pass follows)`;
}
