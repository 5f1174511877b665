/**
 * Hidden cases are the public case builders run again with every Seeded drawing from a secret offset. Draws vary
 * by themselves; what no draw reaches (which word of a planted map answers an analogy) a builder varies by asking
 * Seeded.hiddenVariant, or a table of the published answers passes the hidden cases too (round 9: completeAnalogy
 * answered from a table of its published word triples scored 10 of 10 in official grading).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../graders/engine/paths';
import { Seeded, withSeedOffset } from '../../graders/engine/seeded';

type Fixtures = { checks: Record<string, { cases: { name: string; args: unknown[]; expected: unknown }[] }> };
const fixtures = (id: string, hidden: boolean): Fixtures =>
  JSON.parse(readFileSync(path.join(repoRoot, 'graders', `${id}.${hidden ? 'hidden.' : ''}fixtures.json`), 'utf8')) as Fixtures;

describe('hidden variants', () => {
  it('are known to the builders while they are made, and only then', async () => {
    expect(Seeded.hiddenVariant).toBe(false);
    expect(await withSeedOffset(7919, async () => Seeded.hiddenVariant)).toBe(true);
    expect(Seeded.hiddenVariant).toBe(false);
  });

  it('of planted analogies answer with other words than the published ones', () => {
    const key = 'completeAnalogy/planted analogies';
    const [shown, hidden] = [fixtures('course5/week2/word-vectors', false), fixtures('course5/week2/word-vectors', true)].map((f) => f.checks[key]!.cases);
    expect(hidden!.length).toBe(shown!.length);
    const published = new Map(shown!.map((c) => [JSON.stringify(c.args.slice(0, 3)), c.expected]));
    for (const c of hidden!) {
      const answer = published.get(JSON.stringify(c.args.slice(0, 3)));
      expect(answer, c.name).toBeDefined();
      expect(c.expected, c.name).not.toEqual(answer);
    }
  });

  it('exist for every reference check of every assignment (a check with none is answered from a table of the published cases)', () => {
    const ids = readdirSync(path.join(repoRoot, 'graders'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.fixtures.json') && !f.endsWith('.hidden.fixtures.json'))
      .map((f) => f.replace(/\.fixtures\.json$/, '').split(path.sep).join('/'));
    expect(ids.length).toBeGreaterThan(20);
    const without: string[] = [];
    for (const id of ids) {
      const [shown, hidden] = [fixtures(id, false), fixtures(id, true)];
      for (const [key, check] of Object.entries(shown.checks)) {
        const published = new Set(check.cases.map((c) => JSON.stringify(c.args)));
        const own = (hidden.checks[key]?.cases ?? []).filter((c) => !published.has(JSON.stringify(c.args)));
        if (!own.length) without.push(`${id}: ${key}`);
      }
    }
    expect(without).toEqual([]);
  });
});
