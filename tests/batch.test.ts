/**
 * Grading a class: every submission gets its row (broken ones with an error),
 * in parallel, and an interrupted run resumes without grading anyone twice.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { gradeClass } from '../graders/batch/batch';
import { repoRoot } from '../graders/engine/paths';
import { loadGrader } from '../graders/engine/registry';
import { Sandbox } from '../graders/engine/sandbox/client';
import { committed } from './support/repo-copy';

// Builds made slow on demand: one waiting behind a classmate's (rebuilt alone after it stopped the shared service).
const slowBuilds = vi.hoisted(() => ({ ms: 0 }));
vi.mock('../graders/engine/sandbox/build', async (importOriginal) => {
  const real = await importOriginal<typeof import('../graders/engine/sandbox/build')>();
  return {
    ...real,
    buildModule: async (...args: Parameters<typeof real.buildModule>) => {
      await new Promise((resolve) => setTimeout(resolve, slowBuilds.ms));
      return real.buildModule(...args);
    },
  };
});

const ID = 'course1/week3/planar-classification';
let dir: string;
const learnerFile = (learner: string, nested = false) => path.join(dir, 'class', learner, ...(nested ? ['exercises'] : []), `${ID}.ts`);
const put = (file: string, text: string) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
};

let solution: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-class-'));
  solution = readFileSync(path.join(repoRoot, 'solutions', `${ID}.ts`), 'utf8');
  put(learnerFile('ada'), solution);
  put(learnerFile('bea'), committed(`exercises/${ID}.ts`));
  put(learnerFile('cai'), 'export function layerSizes( {\n');
  mkdirSync(path.join(dir, 'class', 'dan')); // submitted nothing
  put(learnerFile('eve', true), solution); // a whole repository, with its own (tampered) lib/
  put(path.join(dir, 'class', 'eve', 'lib', 'np-random.ts'), 'export const np = "tampered";\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('batch grading', () => {
  it('grades every learner in parallel and writes a gradebook and summary; broken submissions get an error row', async () => {
    const def = await loadGrader(repoRoot, ID);
    const out = path.join(dir, 'out');
    const progress: number[] = [];
    const warmUps = vi.spyOn(Sandbox.prototype, 'warmUp');
    const r = await gradeClass({ root: repoRoot, defs: [def], submissions: path.join(dir, 'class'), out, seed: 1, hidden: false, workers: 2, budgetSeconds: 120, onProgress: (d) => progress.push(d) });
    // No child is started ahead for bea's untouched stub or dan's empty folder: they run no code.
    expect(warmUps).toHaveBeenCalledTimes(3);
    warmUps.mockRestore();
    const byName = Object.fromEntries(r.rows.map((row) => [row.learner, row]));
    expect(r.rows.map((row) => row.learner)).toEqual(['ada', 'bea', 'cai', 'dan', 'eve']);
    expect(byName.ada!.score).toBe(byName.ada!.maxScore);
    expect(byName.eve!.score).toBe(byName.eve!.maxScore); // graded with the grader's own lib/, not the submission's
    expect(byName.bea!.score).toBe(0);
    expect(byName.bea!.error).toBeUndefined();
    expect(byName.cai!.error).toMatch(/does not compile/);
    expect(byName.dan!.error).toMatch(/is missing/);
    expect(progress.at(-1)).toBe(5);

    const text = readFileSync(r.gradebook, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true); // spreadsheets read it as UTF-8
    const csv = text.slice(1).trim().split('\n');
    expect(csv[0]).toBe(`learner,${def.exercises.map((e) => `${ID} › ${e.name}`).join(',')},total,max,error`);
    expect(csv).toHaveLength(6);
    expect(csv[1]).toMatch(/^ada,1,3,/);
    const summary = JSON.parse(readFileSync(r.summary, 'utf8'));
    expect(summary.learners).toBe(5);
    // Graded with --no-hidden: the summary says the scores come from the public cases alone.
    expect(summary.hiddenCases).toBe(false);
    expect(r.hiddenCases).toBe(false);
    expect(summary.withErrors).toBe(2);
    expect(summary.histogram.reduce((s: number, b: { learners: number }) => s + b.learners, 0)).toBe(5);
    expect(summary.histogram[9].learners).toBe(2);

    // Each learner's own report, ready to hand back.
    const ada = JSON.parse(readFileSync(path.join(r.feedback, 'ada', 'report.json'), 'utf8'));
    expect(ada.score).toBe(byName.ada!.score);
    expect(ada.isolation).toBe(r.isolation);
    expect(readFileSync(path.join(r.feedback, 'cai', 'report.md'), 'utf8')).toMatch(/does not compile/);

    // Interrupted after three learners' rows: the journal keeps them, the rest are graded again.
    const journal = path.join(out, 'journal.jsonl');
    const lines = readFileSync(journal, 'utf8').trim().split('\n');
    const third = lines.map((l) => JSON.parse(l)).findIndex((e, i, all) => all.slice(0, i + 1).filter((x) => !x.started).length === 3);
    // (as recordInterruption leaves it after Ctrl-C: the learners then in flight marked interrupted)
    const kept = lines.slice(0, third + 1);
    const inFlight = kept.map((l) => JSON.parse(l)).filter((e, i, all) => e.started && !all.some((x) => !x.started && x.learner === e.learner));
    const marks = inFlight.map((e) => JSON.stringify({ learner: e.learner, hash: e.hash, interrupted: true }));
    writeFileSync(journal, [...kept, ...marks].join('\n') + '\n{"learner": "half-writ');
    const again = await gradeClass({ root: repoRoot, defs: [def], submissions: path.join(dir, 'class'), out, seed: 1, hidden: false, workers: 2, budgetSeconds: 120 });
    expect(again.resumed).toBe(3);
    expect(again.rows).toEqual(r.rows);

    // bea resubmits the finished solution: her row is graded again on resume, the others are kept.
    put(learnerFile('bea'), solution);
    const third2 = await gradeClass({ root: repoRoot, defs: [def], submissions: path.join(dir, 'class'), out, seed: 1, hidden: false, workers: 2, budgetSeconds: 120 });
    expect(third2.resumed).toBe(4);
    const bea = third2.rows.find((row) => row.learner === 'bea')!;
    expect(bea.score).toBe(bea.maxScore);
    expect(bea.hash).not.toBe(byName.bea!.hash);
  });

  it('does not let one submission stop a resumed class again and again', async () => {
    const def = await loadGrader(repoRoot, ID);
    const out = path.join(dir, 'out-stalls');
    mkdirSync(out, { recursive: true });
    const first = await gradeClass({ root: repoRoot, defs: [def], submissions: path.join(dir, 'class'), out, seed: 1, hidden: false, budgetSeconds: 120 });
    const ada = first.rows.find((row) => row.learner === 'ada')!;
    // An earlier run died while grading ada's (unchanged) submission, and never wrote her row.
    const journal = path.join(out, 'journal.jsonl');
    const kept = readFileSync(journal, 'utf8').trim().split('\n').filter((l) => JSON.parse(l).learner !== 'ada');
    const start = JSON.stringify({ learner: 'ada', hash: ada.hash, started: true });
    writeFileSync(journal, [...kept, start].join('\n') + '\n');
    const again = await gradeClass({ root: repoRoot, defs: [def], submissions: path.join(dir, 'class'), out, seed: 1, hidden: false, budgetSeconds: 120 });
    const row = again.rows.find((r) => r.learner === 'ada')!;
    expect(row.error).toMatch(/an earlier run stopped while grading this submission, so it was not graded again/);
    expect(again.resumed).toBe(4);

    // Stopped on purpose (Ctrl-C) instead: ada is graded again.
    const interrupted = JSON.stringify({ learner: 'ada', hash: ada.hash, interrupted: true });
    writeFileSync(journal, [...kept, start, interrupted].join('\n') + '\n');
    const third = await gradeClass({ root: repoRoot, defs: [def], submissions: path.join(dir, 'class'), out, seed: 1, hidden: false, budgetSeconds: 120 });
    expect(third.rows.find((r) => r.learner === 'ada')).toEqual(ada);
  });

  it("makes every call on a hidden case after every call on a public one, across a learner's assignments", async () => {
    const ids = ['course1/week2/numpy-basics', 'course1/week2/logistic-regression'];
    const defs = await Promise.all(ids.map((id) => loadGrader(repoRoot, id)));
    const both = path.join(dir, 'class-two-assignments');
    for (const id of ids) put(path.join(both, 'ada', `${id}.ts`), readFileSync(path.join(repoRoot, 'solutions', `${id}.ts`), 'utf8'));
    const order: boolean[] = [];
    const call = Sandbox.prototype.call;
    const spy = vi.spyOn(Sandbox.prototype, 'call').mockImplementation(function (this: Sandbox, ...args: Parameters<Sandbox['call']>) {
      order.push(!!args[3]?.hiddenInputs);
      return call.apply(this, args);
    });
    try {
      const r = await gradeClass({ root: repoRoot, defs, submissions: both, out: path.join(dir, 'out-two-assignments'), seed: 1, hidden: true, budgetSeconds: 120, allowUnisolated: true });
      expect(r.rows[0]!.score).toBe(r.rows[0]!.maxScore);
      expect(JSON.parse(readFileSync(r.summary, 'utf8')).hiddenCases).toBe(true);
    } finally {
      spy.mockRestore();
    }
    const firstHidden = order.indexOf(true);
    expect(firstHidden).toBeGreaterThan(0);
    expect(order.slice(firstHidden)).not.toContain(false);
  }, 120_000);

  it("starts a learner's time budget after their files are built: waiting for the build service is not theirs", async () => {
    const def = await loadGrader(repoRoot, ID);
    const only = path.join(dir, 'class-slow-build');
    put(path.join(only, 'ada', `${ID}.ts`), solution);
    slowBuilds.ms = 9000;
    try {
      const r = await gradeClass({ root: repoRoot, defs: [def], submissions: only, out: path.join(dir, 'out-slow-build'), seed: 1, hidden: false, budgetSeconds: 8 });
      expect(r.rows[0]!.error).toBeUndefined();
      expect(r.rows[0]!.score).toBe(r.rows[0]!.maxScore);
    } finally {
      slowBuilds.ms = 0;
    }
  }, 60_000);

  it('refuses a submissions path that is not a folder', async () => {
    const def = await loadGrader(repoRoot, ID);
    await expect(gradeClass({ root: repoRoot, defs: [def], submissions: path.join(dir, 'nope'), out: path.join(dir, 'o2'), seed: 1 })).rejects.toThrow(/is not a folder of submissions/);
  });
});
