/**
 * Parts of a check that run at once (graders/engine/checks/overlap.ts) must
 * settle as if they had run one by one: the same results, up to the first
 * failure that stops the rest, and what they printed in part order. The
 * runs of a property run at once only on the inputs fc.check would give them.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dims, labels, tensor } from '../../graders/engine/arbitraries';
import { overlapped } from '../../graders/engine/checks/overlap';
import { drawnInputs, runPropertyCheck } from '../../graders/engine/checks/property';
import { violated } from '../../graders/engine/checks/violation';
import { property } from '../../graders/engine/define';
import type { CheckContext } from '../../graders/engine/define';
import { CallFailure, type CallOutcome } from '../../graders/engine/implementation';
import { loadTf } from '../../graders/engine/in-process';
import type { Value } from '../../graders/engine/values';

/**
 * A context whose calls answer a tick later, in the order they were made, and log what they did, as the
 * sandbox does; its branches log apart and replay into it when kept, as grade.ts's do.
 */
function recordingContext(answer: (fn: string, args: Value[]) => CallOutcome) {
  const made: string[] = [];
  const printed: string[] = [];
  const make = (print: (s: string) => void, signal?: AbortSignal): CheckContext => ({
    learner: { label: 'fake', call: async () => ({ status: 'cancelled' }) },
    tf: loadTf,
    call: async (fn, args) => {
      await new Promise((r) => setImmediate(r));
      if (signal?.aborted) throw new CallFailure(fn, { status: 'cancelled' });
      made.push(`${fn}(${args.join(', ')})`);
      const outcome = answer(fn, args);
      print(`${fn}(${args.join(', ')})`);
      if (outcome.status !== 'ok') throw new CallFailure(fn, outcome);
      return outcome.value;
    },
    branch(branchSignal) {
      const mine: string[] = [];
      return { ctx: make((s) => mine.push(s), branchSignal), keep: () => printed.push(...mine) };
    },
  });
  return { ctx: make((s) => printed.push(s)), made, printed };
}

const double = (fn: string, args: Value[]): CallOutcome => ({ status: 'ok', value: (args[0] as number) * 2, output: '' });
/** A part that makes two calls, one after the other. */
const twoCalls = (x: number) => async (ctx: CheckContext) => (await ctx.call('f', [x])) as number + ((await ctx.call('g', [x])) as number);

describe('overlapped parts', () => {
  it('all succeed: every result in order, and what each printed, in part order', async () => {
    const { ctx, made, printed } = recordingContext(double);
    const { results, keep } = await overlapped(ctx, [1, 2, 3].map(twoCalls));
    expect(results).toEqual([1, 2, 3].map((x) => ({ status: 'fulfilled', value: 4 * x })));
    // The calls went out together: every part's first call before any part's second.
    expect(made).toEqual(['f(1)', 'f(2)', 'f(3)', 'g(1)', 'g(2)', 'g(3)']);
    expect(printed).toEqual([]);
    keep();
    expect(printed).toEqual(['f(1)', 'g(1)', 'f(2)', 'g(2)', 'f(3)', 'g(3)']);
  });

  it('a failure gives up the parts after it, not those before; results end with it', async () => {
    const { ctx, made, printed } = recordingContext((fn, args) =>
      fn === 'f' && args[0] === 2 ? { status: 'threw', message: 'two', output: '' } : double(fn, args),
    );
    const { results, keep } = await overlapped(ctx, [1, 2, 3, 4].map(twoCalls));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(((results[1] as PromiseRejectedResult).reason as CallFailure).message).toContain('two');
    // Parts 3 and 4's calls, waiting behind part 2's, were cancelled; part 1 went on.
    expect(made).toEqual(['f(1)', 'f(2)', 'g(1)']);
    keep();
    expect(printed).toEqual(['f(1)', 'g(1)', 'f(2)']);
  });

  it('a failure that does not stop the rest leaves every part its result', async () => {
    const { ctx } = recordingContext((fn, args) => (args[0] === 2 ? { status: 'threw', message: 'two', output: '' } : double(fn, args)));
    const { results } = await overlapped(ctx, [1, 2, 3].map(twoCalls), () => false);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('without branches, the parts run one by one to the same results', async () => {
    const { ctx, made } = recordingContext((fn, args) => (args[0] === 2 ? { status: 'threw', message: 'two', output: '' } : double(fn, args)));
    const { results } = await overlapped({ ...ctx, branch: undefined }, [1, 2, 3].map(twoCalls));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(made).toEqual(['f(1)', 'g(1)', 'f(2)']);
  });
});

describe("a property's runs at once", () => {
  // Arbitraries as graders write them: sizes first, then tensors of those sizes.
  const arbitraries: [string, fc.Arbitrary<unknown>][] = [
    ['sizes, then tensors and labels', dims({ nX: 4, nH: 5, m: 6 }).chain(({ nX, nH, m }) => fc.record({ X: tensor([nX, m]), W1: tensor([nH, nX]), Y: labels(m) }))],
    ['a tensor of any length', fc.integer({ min: 1, max: 6 }).chain((n) => tensor([1, n], { min: -5, max: 5 }))],
    ['doubles near a threshold', fc.record({ above: fc.double({ min: 0.001, max: 0.5, noNaN: true }), k: fc.nat(9) })],
  ];

  it.each(arbitraries)('are given the inputs fc.check gives them, in order: %s', async (_name, arb) => {
    for (const seed of [0, 7, 20240101, 4241054446]) {
      const seen: unknown[] = [];
      await fc.check(
        fc.asyncProperty(arb, async (input) => {
          seen.push(input);
        }),
        { seed, numRuns: 25 },
      );
      expect(drawnInputs(arb, seed, 25)).toEqual(seen);
    }
  });
});

describe('a failing property', () => {
  // Fails for inputs above 600: fast-check's first failing run, then its shrinking, decide the report.
  const atMost600 = property({
    name: 'at most 600',
    points: 1,
    claim: 'f(x) is at most 1200',
    inputs: fc.integer({ min: 0, max: 1000 }),
    holds: async (x, ctx) => {
      const y = (await ctx.call('f', [x])) as number;
      if (y > 1200) violated(`f(${x}) = ${y}.`);
    },
  });

  it('reports what one by one reports, without running the passing runs again', async () => {
    // A seed whose first failing run comes after a few passing ones.
    const seed = Array.from({ length: 100 }, (_, i) => i).find((s) => drawnInputs(atMost600.inputs, s, 25).findIndex((x) => x > 600) >= 3)!;
    const inputs = drawnInputs(atMost600.inputs, seed, 25);
    const failing = inputs.findIndex((x) => x > 600);
    expect(failing).toBeGreaterThanOrEqual(3);
    const atOnce = recordingContext(double);
    const oneByOne = recordingContext(double);
    const result = await runPropertyCheck(atMost600, 'f', atOnce.ctx, seed);
    expect(result).toEqual(await runPropertyCheck(atMost600, 'f', { ...oneByOne.ctx, branch: undefined }, seed));
    expect(result.status).toBe('failed');
    expect(atOnce.printed).toEqual(oneByOne.printed);
    // One call more than one by one, the failing run's own: fast-check replayed from it, without making the
    // passing runs before it again, and the runs after it were given up.
    expect(atOnce.made).toHaveLength(oneByOne.made.length + 1);
    expect(atOnce.made.slice(0, failing + 1)).toEqual(inputs.slice(0, failing + 1).map((x) => `f(${x})`));
  });
});
