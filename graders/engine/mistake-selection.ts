/**
 * Which generated mistakes a check's fixtures keep. A learner sees a known
 * mistake's hint only when it alone fits their outputs (checks/reference.ts
 * knownMistake); this module replays that rule at generation time on the
 * behaviour of every mistake we know of (hand-written mutants, and every
 * generated candidate, kept or not), and keeps a generated mistake only if:
 *
 * - a learner who makes it is named it, on all the cases (the grader edition);
 * - no learner who makes another known mistake is named it instead (on all the
 *   cases, or on the public ones alone, as the learner edition grades);
 * - no mistake named before (a hand mutant above all) loses its name;
 * - it fits the caps: so many generated records per case, so many bytes per check.
 *
 * A kept mistake is recorded on every case it fails, public and hidden: a hint
 * left out of a case it fails could fit a learner who passes that case.
 */
import { sameValue } from './checks/reference';
import type { GeneratedKind } from './generated-mistakes';
import type { Value } from './values';

/** What a mistake does on one case: passes it, fails it with a (finite) output, or leaves no trace (threw, not finite, not applicable). */
export type Behaviour = { kind: 'pass' } | { kind: 'fail'; output: Value } | { kind: 'silent' };

export interface KnownBehaviour {
  hint: string;
  /** One per case, in case order. */
  behaviours: Behaviour[];
  generated?: GeneratedKind;
}

export interface SelectionLimits {
  /** Generated records on any one case. */
  maxPerCase: number;
  /** Bytes of generated records (hint and output as JSON) for the whole check. */
  maxBytes: number;
}

export interface Selection {
  kept: KnownBehaviour[];
  dropped: { hint: string; reason: 'ambiguous' | 'per-case cap' | 'size budget' }[];
}

/**
 * Picks the generated mistakes to record, trying them in order. `hand` are the
 * hand-written mutants' behaviours (always recorded where they fail, first hint
 * first, as before); `hidden` says which cases are hidden.
 */
export function selectGenerated(hidden: boolean[], hand: KnownBehaviour[], generated: KnownBehaviour[], limits: SelectionLimits): Selection {
  const everyCase = hidden.map((_, i) => i);
  const subsets = [everyCase, everyCase.filter((i) => !hidden[i])];
  const book = new RecordBook(hidden.length);
  for (const h of hand) book.add(h);
  const owners = [...hand, ...generated];
  let names = subsets.map((s) => owners.map((x) => book.name(x, s)));
  const kept: KnownBehaviour[] = [];
  const dropped: Selection['dropped'] = [];
  const perCase = new Array<number>(hidden.length).fill(0);
  let bytes = 0;
  for (const g of generated) {
    const fails = g.behaviours.flatMap((b, i) => (b.kind === 'fail' ? [i] : []));
    if (!fails.length) continue;
    if (fails.some((i) => perCase[i]! >= limits.maxPerCase)) {
      dropped.push({ hint: g.hint, reason: 'per-case cap' });
      continue;
    }
    const size = fails.reduce((n, i) => n + recordBytes(g.hint, (g.behaviours[i] as { output: Value }).output), 0);
    if (bytes + size > limits.maxBytes) {
      dropped.push({ hint: g.hint, reason: 'size budget' });
      continue;
    }
    book.add(g);
    const after = subsets.map((s) => owners.map((x) => book.name(x, s)));
    const ok =
      after[0]![owners.indexOf(g)] === g.hint &&
      owners.every((x, k) =>
        subsets.every((_, s) => {
          const [before, now] = [names[s]![k], after[s]![k]];
          // Named itself, or as before; never named otherwise, and never losing the name it had.
          return now === x.hint || (now === before && before !== x.hint) || (now === undefined && before !== x.hint);
        }),
      );
    if (!ok) {
      book.remove(g);
      dropped.push({ hint: g.hint, reason: 'ambiguous' });
      continue;
    }
    names = after;
    kept.push(g);
    for (const i of fails) perCase[i]!++;
    bytes += size;
  }
  return { kept, dropped };
}

export function recordBytes(hint: string, output: Value): number {
  return JSON.stringify({ hint, output, generated: 'cache-entry' }).length;
}

/** The records the fixtures would hold, case by case, and knownMistake's verdict on them. */
class RecordBook {
  /** Per case: hint → the recorded output (the first record of a hint wins, as knownMistake's `find`). */
  private records: Map<string, Value>[];
  private same = new Map<Value, Map<Value, boolean>>();

  constructor(cases: number) {
    this.records = Array.from({ length: cases }, () => new Map());
  }

  add(k: KnownBehaviour): void {
    k.behaviours.forEach((b, i) => {
      if (b.kind === 'fail' && !this.records[i]!.has(k.hint)) this.records[i]!.set(k.hint, b.output);
    });
  }

  remove(k: KnownBehaviour): void {
    for (const r of this.records) r.delete(k.hint);
  }

  /** The hint knownMistake shows a learner who behaves like `x` on the cases `subset`, if any. */
  name(x: KnownBehaviour, subset: number[]): string | undefined {
    const candidates = new Set<string>();
    for (const i of subset) {
      const b = x.behaviours[i]!;
      if (b.kind !== 'fail') continue;
      for (const [hint, output] of this.records[i]!) if (this.equal(output, b.output)) candidates.add(hint);
    }
    const fitting = [...candidates].filter((hint) =>
      subset.every((i) => {
        const b = x.behaviours[i]!;
        const recorded = this.records[i]!.get(hint);
        if (b.kind === 'pass') return recorded === undefined;
        if (b.kind === 'silent') return true;
        return recorded !== undefined && this.equal(recorded, b.output);
      }),
    );
    return fitting.length === 1 ? fitting[0] : undefined;
  }

  private equal(a: Value, b: Value): boolean {
    let row = this.same.get(a);
    if (!row) this.same.set(a, (row = new Map()));
    let v = row.get(b);
    if (v === undefined) row.set(b, (v = sameValue(a, b)));
    return v;
  }
}
