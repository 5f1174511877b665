/**
 * `npm run validate [selector]`: validates every assignment (see
 * instructor/validate.ts), prints a table, exits 1 on any problem.
 */
import { repoRoot } from './engine/paths';
import { loadCourses, selectAssignments } from './engine/registry';
import { Sandbox } from './engine/sandbox/client';
import { validateAssignment, type AssignmentValidation } from './instructor/validate';

async function main(argv: string[]): Promise<number> {
  // --mutate: automatic mutation testing of the graders instead of validation (instructor/mutate.ts).
  if (argv.includes('--mutate')) return (await import('./instructor/mutate-cli')).mutateMain(repoRoot, argv.filter((a) => a !== '--mutate'));
  const verbose = argv.includes('--verbose');
  const seedsAt = argv.findIndex((a) => a === '--seeds' || a.startsWith('--seeds='));
  const seedsText = seedsAt < 0 ? '10' : argv[seedsAt]!.includes('=') ? argv[seedsAt]!.split('=')[1]! : argv[seedsAt + 1] ?? '';
  const seeds = Number(seedsText);
  if (!Number.isInteger(seeds) || seeds < 1 || seeds > 100) {
    console.error(`--seeds takes a whole number from 1 to 100, not "${seedsText}".`);
    return 2;
  }
  const seedsValueAt = seedsAt >= 0 && !argv[seedsAt]!.includes('=') ? seedsAt + 1 : -1;
  const rest = argv.filter((_, i) => i !== seedsAt && i !== seedsValueAt);
  const selector = rest.find((a) => !a.startsWith('--')) ?? 'all';
  let ids: string[];
  try {
    loadCourses(repoRoot); // manifests are schema-checked here
    ids = selectAssignments(repoRoot, selector).map((a) => a.id);
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  const sandbox = new Sandbox({ root: repoRoot });
  const results: AssignmentValidation[] = [];
  try {
    for (const id of ids) {
      process.stderr.write(`validating ${id} …\n`);
      results.push(await validateAssignment(repoRoot, id, sandbox, undefined, { seeds }));
    }
  } finally {
    await sandbox.close();
  }
  const width = Math.max(10, ...results.map((r) => r.id.length));
  console.log(`Mutants and correct alternatives graded under ${seeds} seed${seeds > 1 ? 's' : ''} (--seeds N).`);
  console.log(`${'assignment'.padEnd(width)}  checks  mutants caught  alternatives  time    result`);
  for (const r of results) {
    const mutants = `${r.mutantsCaught} / ${r.mutants}`.padEnd(14);
    const alts = (r.alternatives === undefined ? '–' : `${r.alternativesPassed} / ${r.alternatives}`).padEnd(12);
    console.log(
      `${r.id.padEnd(width)}  ${String(r.checks).padEnd(6)}  ${mutants}  ${alts}  ${(r.ms / 1000).toFixed(1).padStart(5)} s  ${r.problems.length ? `${r.problems.length} problem(s)` : 'ok'}`,
    );
  }
  for (const r of results) {
    if (r.problems.length) console.log(`\n${r.id}:\n  ${r.problems.join('\n  ')}`);
    if (r.warnings.length) {
      const what = r.warnings.every((w) => w.startsWith('no mutant makes')) ? 'check(s) no mutant exercises' : 'warning(s)';
      console.log(`\n${r.id}: ${r.warnings.length} ${what}${verbose ? ':' : ' (--verbose lists them)'}`);
      if (verbose) console.log(`  ${r.warnings.join('\n  ')}`);
    }
  }
  const failed = results.filter((r) => r.problems.length).length;
  console.log(failed ? `\n${failed} assignment(s) have problems.` : `\nAll ${results.length} assignment(s) valid.`);
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
