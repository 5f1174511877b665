/**
 * `npm run examples [selector] [--check]`: regenerates the expected outputs of
 * the example calls in the instructions (exercises/<id>.md) from the reference
 * solutions, only inside the example regions (see instructor/examples.ts).
 * `--check` changes nothing and exits 1 listing the stale or broken examples.
 * `--verbose` lists every example with the time it takes.
 * Exit 2 for a selector that names nothing.
 */
import { pathToFileURL } from 'node:url';
import { repoRoot } from './engine/paths';
import { selectAssignments } from './engine/registry';
import { runAssignmentExamples, SLOW_MS, updateExamples } from './instructor/examples';

export async function main(argv: string[], root = repoRoot, out: (line: string) => void = console.log): Promise<number> {
  const check = argv.includes('--check');
  const verbose = argv.includes('--verbose');
  const unknown = argv.filter((a) => a.startsWith('--') && a !== '--check' && a !== '--verbose');
  if (unknown.length) {
    out(`unknown option ${unknown[0]}: usage: npm run examples -- [selector] [--check] [--verbose]`);
    return 2;
  }
  const selector = argv.find((a) => !a.startsWith('--')) ?? 'all';
  let ids: string[];
  try {
    ids = selectAssignments(root, selector).map((a) => a.id);
  } catch (err) {
    out((err as Error).message);
    return 2;
  }
  let failing = 0;
  for (const id of ids) {
    const r = check ? await runAssignmentExamples(root, id) : await updateExamples(root, id);
    if (r.error) {
      failing++;
      out(`error: ${r.error}`);
      continue;
    }
    if (!r.outcomes.length) {
      out(`no examples: ${r.rel}`);
      continue;
    }
    for (const o of r.outcomes) {
      const at = `${r.rel}:${o.example.line} ${o.example.label}`;
      if (o.status === 'broken') out(`broken: ${o.message}`);
      else if (o.status === 'stale') out(check ? `stale: ${at}` : `updated: ${at}`);
      else if (verbose) out(`ok: ${at} (${(o.ms / 1000).toFixed(2)} s)`);
      if (o.ms > SLOW_MS) out(`slow: ${at} takes ${(o.ms / 1000).toFixed(1)} s (keep an example under ${SLOW_MS / 1000} s)`);
    }
    const broken = r.outcomes.filter((o) => o.status === 'broken').length;
    const stale = r.outcomes.filter((o) => o.status === 'stale').length;
    if (broken || (check && stale)) failing++;
    if (!broken && !stale) out(`up to date: ${r.rel} (${r.outcomes.length} examples)`);
  }
  if (failing) {
    out(
      check
        ? `\n${failing} instructions file(s) have stale or broken examples: run \`npm run examples\` (and fix the broken calls).`
        : `\n${failing} instructions file(s) have broken examples: fix their calls.`,
    );
    return 1;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exitCode = 2;
    },
  );
}
