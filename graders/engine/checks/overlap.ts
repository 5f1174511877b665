import type { CheckContext } from '../define';

/** Each part's outcome, in order, and the way to make what they did count for the check. */
export interface Overlapped<T> {
  /** Up to and including the first part whose failure stops the rest: one by one, nothing after it would have run. */
  results: PromiseSettledResult<T>[];
  /** What those parts (or the first `count` of them) printed, called and drew now counts for the check, in their order. */
  keep(count?: number): void;
}

/**
 * Runs parts of a check that do not depend on each other's results (the runs
 * of a property, the points of a gradient check, the cases of a reference
 * check) at the same time, so that their learner calls reach the sandbox
 * together instead of one round trip each: the sandbox sends them ahead, and
 * the learner's process still runs them one at a time, in the order they were
 * made (sandbox/client.ts).
 *
 * The outcome is the one running them one after another would give. A part
 * whose failure `stops` the rest gives up the parts after it (their calls not
 * yet started are cancelled), and `results` ends with it. Each part gets its
 * own context (`ctx.branch`), so what it printed, called and drew reaches the
 * check only through keep(), in part order. Without branches (a test's fake
 * context, or DEEPGRADE_NO_OVERLAP=1) the parts run one by one.
 */
export async function overlapped<T>(
  ctx: CheckContext,
  parts: ((ctx: CheckContext) => Promise<T>)[],
  stops: (err: unknown) => boolean = () => true,
): Promise<Overlapped<T>> {
  const results: PromiseSettledResult<T>[] = [];
  if (!ctx.branch) {
    for (const part of parts) {
      try {
        results.push({ status: 'fulfilled', value: await part(ctx) });
      } catch (reason) {
        results.push({ status: 'rejected', reason });
        if (stops(reason)) break;
      }
    }
    return { results, keep: () => undefined };
  }
  const giveUp = parts.map(() => new AbortController());
  const branches = giveUp.map((c) => ctx.branch!(c.signal));
  const settled = await Promise.allSettled(
    parts.map(async (part, i) => {
      try {
        return await part(branches[i]!.ctx);
      } catch (err) {
        if (stops(err)) for (const later of giveUp.slice(i + 1)) later.abort();
        throw err;
      }
    }),
  );
  const stop = settled.findIndex((r) => r.status === 'rejected' && stops(r.reason));
  const counted = stop < 0 ? settled.length : stop + 1;
  return { results: settled.slice(0, counted), keep: (count = counted) => branches.slice(0, Math.min(count, counted)).forEach((b) => b.keep()) };
}

/** The first failure among the results, or undefined when every part succeeded. */
export function firstFailure<T>(results: PromiseSettledResult<T>[]): { reason: unknown } | undefined {
  return results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
}
