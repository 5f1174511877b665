/**
 * `npm run validate -- <selector> --mutate [--mutate-limit N] [--mutate-only fn,…] [--mutate-operators op,…] [--verbose]`:
 * automatic mutation testing (see mutate.ts). Prints, per assignment, the mutants
 * generated, killed, survived and likely equivalent and the score, then every
 * survivor with its diff. Exit code 0 when it ran (a low score is not an error), 2 on bad arguments.
 */
import { existsSync } from 'node:fs';
import { isQuiz } from '../engine/quiz/load';
import { assignmentFiles, loadCourses, selectAssignments } from '../engine/registry';
import { Sandbox } from '../engine/sandbox/client';
import { createSolutionProgram, DEFAULT_LIMIT, MUTATE_SEED, mutateAssignment, OPERATOR_NOTES, OPERATORS, type AssignmentMutation, type Operator } from './mutate';

/** Runs when argv holds --mutate; returns the exit code. */
export async function mutateMain(root: string, argv: string[]): Promise<number> {
  const verbose = argv.includes('--verbose');
  const valueOf = (flag: string): { value?: string; at: number[] } => {
    const i = argv.findIndex((a) => a === flag || a.startsWith(`${flag}=`));
    if (i < 0) return { at: [] };
    return argv[i]!.includes('=') ? { value: argv[i]!.slice(flag.length + 1), at: [i] } : { value: argv[i + 1], at: [i, i + 1] };
  };
  const limitArg = valueOf('--mutate-limit');
  const limit = limitArg.value === undefined ? DEFAULT_LIMIT : Number(limitArg.value);
  if (limitArg.at.length && (!Number.isInteger(limit) || limit < 0)) {
    console.error(`--mutate-limit takes a whole number (mutants per function, 0 for no cap), not "${limitArg.value ?? ''}".`);
    return 2;
  }
  const onlyArg = valueOf('--mutate-only');
  const fns = onlyArg.value?.split(',').map((s) => s.trim()).filter(Boolean);
  const operatorsArg = valueOf('--mutate-operators');
  const operators = operatorsArg.value?.split(',').map((s) => s.trim()).filter(Boolean) as Operator[] | undefined;
  const unknown = operators?.filter((op) => !(OPERATORS as readonly string[]).includes(op)) ?? [];
  if (operatorsArg.at.length && (!operators?.length || unknown.length)) {
    console.error(`--mutate-operators takes operator classes separated by commas${unknown.length ? ` ("${unknown.join('", "')}" is not one)` : ''}: ${OPERATORS.join(', ')}.`);
    return 2;
  }
  const used = new Set([...limitArg.at, ...onlyArg.at, ...operatorsArg.at]);
  const selector = argv.find((a, i) => !a.startsWith('--') && !used.has(i)) ?? 'all';
  let ids: string[];
  try {
    loadCourses(root);
    ids = selectAssignments(root, selector)
      .map((a) => a.id)
      .filter((id) => !isQuiz(root, id));
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  const solutions = ids.map((id) => assignmentFiles(root, id).solution).filter((f) => existsSync(f));
  process.stderr.write(`type-checking ${solutions.length} solution(s) …\n`);
  const program = createSolutionProgram(solutions);
  const results: AssignmentMutation[] = [];
  for (const id of ids) {
    // One sandbox per assignment: a mutant that crashes or hangs it only costs its own verdict.
    const sandbox = new Sandbox({ root });
    process.stderr.write(`mutating ${id} …\n`);
    try {
      const r = await mutateAssignment(root, id, sandbox, {
        limit,
        fns,
        operators,
        program,
        onMutant: (m, i, n) => {
          if (process.stderr.isTTY) process.stderr.write(`\r  ${i}/${n} ${m.id.padEnd(30)} ${m.status.padEnd(10)}`);
          else if (verbose) process.stderr.write(`  ${i}/${n} ${m.id} ${m.status} (${(m.ms / 1000).toFixed(1)} s)\n`);
        },
      });
      if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
      results.push(r);
    } finally {
      await sandbox.close();
    }
  }
  console.log(report(results, limit, verbose));
  return 0;
}

const pct = (x: number | undefined) => (x === undefined ? '–' : `${(100 * x).toFixed(1)}%`);

export function report(results: AssignmentMutation[], limit: number, verbose: boolean): string {
  const out: string[] = [];
  out.push(
    `Automatic mutants of the reference solutions: ${limit ? `at most ${limit} per function (spread over operator classes; --mutate-limit N)` : 'every candidate (no cap)'}, ` +
      `each graded with its function alone at seed ${results[0]?.seed ?? MUTATE_SEED}, calls limited as in grading (5 s unless a check says otherwise).`,
  );
  out.push('Score = killed / (killed + survived); likely-equivalent mutants (equal to the reference on its stored cases and perturbations of them) are left out.');
  if (verbose) out.push('Operator classes:', ...OPERATORS.map((op) => `  ${op.padEnd(12)} ${OPERATOR_NOTES[op]}`));
  const width = Math.max(10, ...results.map((r) => r.id.length));
  out.push('');
  out.push(`${'assignment'.padEnd(width)}  generated  killed  survived  equivalent  invalid  score    time`);
  for (const r of results) {
    out.push(
      `${r.id.padEnd(width)}  ${String(r.generated).padStart(9)}  ${String(r.killed).padStart(6)}  ${String(r.survived).padStart(8)}  ${String(r.equivalent).padStart(10)}  ${String(r.invalid).padStart(7)}  ${pct(r.score).padStart(6)}  ${(r.ms / 1000).toFixed(1).padStart(6)} s`,
    );
  }
  for (const r of results) {
    out.push('');
    out.push(`${r.id}: ${pct(r.score)} (${r.killed} killed of ${r.killed + r.survived}; ${r.equivalent} likely equivalent, ${r.invalid} invalid)`);
    for (const f of r.functions) {
      const capped = f.candidates > f.generated ? ` (of ${f.candidates} candidates)` : '';
      out.push(
        `  ${f.fn.padEnd(34)} ${f.skipped ? `not graded: ${f.skipped}` : `${pct(f.score).padStart(6)}  ${f.killed}/${f.killed + f.survived} killed, ${f.equivalent} equivalent${f.invalid ? `, ${f.invalid} invalid` : ''}${capped}`}`,
      );
    }
    for (const p of r.problems) if (!r.functions.some((f) => f.skipped === p)) out.push(`  problem: ${p}`);
    const survivors = r.mutants.filter((m) => m.status === 'survived');
    if (survivors.length) {
      out.push(`  ${survivors.length} surviving mutant(s):`);
      for (const m of survivors) {
        out.push(`    ${m.id}  ${m.description}`);
        out.push(`      ${m.detail}`);
        out.push(...m.diff.split('\n').map((l) => `      ${l}`));
      }
    }
    const eq = r.mutants.filter((m) => m.status === 'equivalent');
    if (eq.length) {
      out.push(`  ${eq.length} likely equivalent (not scored):`);
      for (const m of eq) {
        out.push(`    ${m.id}  ${m.description}`);
        if (verbose) out.push(`      ${m.detail}`, ...m.diff.split('\n').map((l) => `      ${l}`));
      }
    }
    const invalid = r.mutants.filter((m) => m.status === 'invalid');
    if (invalid.length && verbose) for (const m of invalid) out.push(`    invalid ${m.id}  ${m.description}: ${m.detail}`);
  }
  return out.join('\n');
}
