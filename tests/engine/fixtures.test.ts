import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFixture } from '../../graders/fixtures-cli';
import { fixturePath, loadFixtures, staleness, type FixtureFile } from '../../graders/engine/fixtures';
import { repoRoot } from '../../graders/engine/paths';
import { codeAssignmentIds } from '../support/grading';

describe('fixtures', () => {
  it.each(codeAssignmentIds())('%s: the stored cases are what the reference solution gives today', async (id) => {
    const onDisk = loadFixtures(repoRoot, id);
    const fresh = await buildFixture(repoRoot, id);
    expect(staleness(onDisk, fresh)).toEqual([]);
  });

  const id = 'course1/week3/planar-classification';
  const stored = () => JSON.parse(readFileSync(fixturePath(repoRoot, id), 'utf8')) as FixtureFile;

  it('notices a changed expected value, a changed case and a missing check', () => {
    const original = stored();
    const edited = stored();
    const cases = edited.checks['forwardPropagation/seeded cases']!.cases;
    const expected = (cases[0]!.expected as [{ data: number[] }])[0];
    expected.data[0] = expected.data[0]! + 0.01;
    cases[1]!.name = 'renamed';
    delete edited.checks['predict/seeded cases'];
    const problems = staleness(edited, original);
    expect(problems.join('\n')).toContain('forwardPropagation/seeded cases');
    expect(problems.join('\n')).toContain('renamed');
    expect(problems.join('\n')).toContain('predict/seeded cases: missing from the file');
  });

  function withFixture(content: string): string {
    const root = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-fixture-'));
    const file = fixturePath(root, id);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    return root;
  }

  it('names the file and the JSON path of a schema error', () => {
    const bad = stored();
    (bad.checks['layerSizes/seeded cases']!.cases[0] as unknown as { args: unknown }).args = 'oops';
    const root = withFixture(JSON.stringify(bad));
    expect(() => loadFixtures(root, id)).toThrow(
      /graders\/course1\/week3\/planar-classification\.fixtures\.json does not match its schema:\n {2}at \/checks\/layerSizes~1seeded cases\/cases\/0\/args: must be array/,
    );
  });

  it('names the file of invalid JSON and of a missing fixture', () => {
    expect(() => loadFixtures(withFixture('{ not json'), id)).toThrow(/planar-classification\.fixtures\.json is not valid JSON/);
    expect(() => loadFixtures(mkdtempSync(path.join(os.tmpdir(), 'deepgrade-empty-')), id)).toThrow(/is missing: run `npm run fixtures`/);
  });
});
