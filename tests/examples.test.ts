/**
 * The expected outputs in the instructions (`npm run examples`): every shipped
 * assignment shows examples, at least one per graded function, all of them what
 * the reference solution prints; a stale or broken one is reported by file and
 * function; regenerating fixes a stale one and changes nothing outside the
 * example regions.
 */
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../graders/examples-cli';
import { repoRoot } from '../graders/engine/paths';
import { assignmentFiles, loadGrader } from '../graders/engine/registry';
import { ExampleError, parseExamples, runAssignmentExamples, staleExamples, updateExamples, type Example } from '../graders/instructor/examples';
import { codeAssignmentIds } from './support/grading';
import { copyRepo } from './support/repo-copy';

const md = (root: string, id: string) => assignmentFiles(root, id).instructions;
const rel = (id: string) => path.join('exercises', `${id}.md`);

/** The file without its generated parts: what regeneration must leave byte for byte. */
function outside(text: string, examples: Example[]): string[] {
  const parts: string[] = [];
  let at = 0;
  for (const e of examples) {
    parts.push(text.slice(at, e.generated[0]));
    at = e.generated[1];
  }
  parts.push(text.slice(at));
  return parts;
}

describe.each(codeAssignmentIds())('%s', (id) => {
  it('shows an example for every graded function, and every expected output is what the reference solution prints', async () => {
    const text = readFileSync(md(repoRoot, id), 'utf8');
    const examples = parseExamples(text, rel(id));
    expect(examples.length).toBeGreaterThan(0);
    const def = await loadGrader(repoRoot, id);
    const shown = new Set(examples.map((e) => e.fn));
    expect(def.exercises.map((e) => e.name).filter((name) => !shown.has(name))).toEqual([]);
    for (const e of examples) expect(e.expected, `${rel(id)}:${e.line} ${e.label} has no expected output`).toBeTruthy();
    expect(await staleExamples(repoRoot, id)).toEqual([]);
  });
});

describe('in a copy of the repository', () => {
  let copy: string;
  const id = 'course1/week2/numpy-basics';
  let original: string;
  const lines: string[] = [];
  const out = (line: string) => void lines.push(line);

  beforeAll(() => {
    copy = copyRepo();
    // copyRepo restores exercises/ as committed: bring this checkout's instructions along.
    for (const a of codeAssignmentIds()) copyFileSync(md(repoRoot, a), md(copy, a));
    original = readFileSync(md(copy, id), 'utf8');
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('an edited expected output is stale, named by file and function, and regenerating restores it', async () => {
    const sigmoid = parseExamples(original, rel(id)).find((e) => e.fn === 'sigmoid')!;
    const [start, end] = sigmoid.generated;
    const region = original.slice(start, end);
    expect(region).toContain('0.731059');
    writeFileSync(md(copy, id), original.slice(0, start) + region.replace('0.731059', '0.731058') + original.slice(end));

    const stale = await staleExamples(copy, id);
    expect(stale).toHaveLength(1);
    expect(stale[0]).toContain(`${rel(id)}:${sigmoid.line}`);
    expect(stale[0]).toMatch(/example sigmoid\b.*stale/);

    lines.length = 0;
    expect(await main([id, '--check'], copy, out)).toBe(1);
    expect(lines).toContain(`stale: ${rel(id)}:${sigmoid.line} sigmoid`);
    expect(readFileSync(md(copy, id), 'utf8')).not.toBe(original); // --check writes nothing

    lines.length = 0;
    expect(await main([id], copy, out)).toBe(0);
    expect(lines).toContain(`updated: ${rel(id)}:${sigmoid.line} sigmoid`);
    expect(readFileSync(md(copy, id), 'utf8')).toBe(original);
    expect(await staleExamples(copy, id)).toEqual([]);
    expect(await main([id, '--check'], copy, out)).toBe(0);
  });

  it('regenerating rewrites only the generated parts: everything else stays byte for byte', async () => {
    const other = 'course4/week4/face-recognition';
    const text = readFileSync(md(copy, other), 'utf8');
    // Garble or drop every expected output, and give the file CRLF line endings and an
    // example-looking comment inside a code block (which is text, not an example).
    const examples = parseExamples(text, rel(other));
    let garbled = '';
    let at = 0;
    examples.forEach((e, k) => {
      garbled += text.slice(at, e.generated[0]) + (k % 2 ? '\nExpected output:\n\n```text\nsomething else\n```\n' : '');
      at = e.generated[1];
    });
    garbled = (garbled + text.slice(at)).replace(/\n/g, '\r\n') + '\r\n```md\r\n<!-- example: notAFunction -->\r\n```\r\ntrailing text without a newline';
    writeFileSync(md(copy, other), garbled);
    const before = parseExamples(garbled, rel(other));
    expect(before).toHaveLength(examples.length);

    const r = await updateExamples(copy, other);
    expect(r.error).toBeUndefined();
    expect(r.outcomes.map((o) => o.status)).toEqual(examples.map(() => 'stale'));
    const after = readFileSync(md(copy, other), 'utf8');
    const regenerated = parseExamples(after, rel(other));
    expect(outside(after, regenerated)).toEqual(outside(garbled, before));
    // The same outputs as the shipped file, with the file's own line endings.
    expect(regenerated.map((e) => e.expected)).toEqual(examples.map((e) => e.expected));
    expect(after.replace(/\r\n/g, '\n')).toBe(`${text}\n\`\`\`md\n<!-- example: notAFunction -->\n\`\`\`\ntrailing text without a newline`);
    expect(await staleExamples(copy, other)).toEqual([]);
  });

  it('a broken example call is an error naming the file, the line and the function, and is left as it is', async () => {
    const id2 = 'course1/week3/planar-classification';
    const text = readFileSync(md(copy, id2), 'utf8');
    const examples = parseExamples(text, rel(id2));
    const cost = examples.find((e) => e.fn === 'computeCost')!;
    const layer = examples.find((e) => e.fn === 'layerSizes')!;
    let broken = text.replace('console.log(\'cost =\', computeCost(A2, Y));', "console.log('cost =', computeCost(A2, Yhat));");
    // and a stale one next to it, which regenerating still fixes
    broken = broken.replace('{ nX: 5, nH: 4, nY: 2 }', '{ nX: 5, nH: 4, nY: 3 }');
    writeFileSync(md(copy, id2), broken);

    const problems = await staleExamples(copy, id2);
    expect(problems).toHaveLength(2);
    const failure = problems.find((p) => p.includes('computeCost'))!;
    expect(failure).toContain(`${rel(id2)}:${cost.line}`);
    expect(failure).toMatch(/example computeCost .*throws ReferenceError: Yhat is not defined/);
    expect(problems.find((p) => p.includes('layerSizes'))).toMatch(/stale/);

    lines.length = 0;
    expect(await main([id2], copy, out)).toBe(1);
    expect(lines.find((l) => l.startsWith('broken:'))).toContain(`${rel(id2)}:${cost.line}: example computeCost`);
    const after = readFileSync(md(copy, id2), 'utf8');
    expect(after).toContain('{ nX: 5, nH: 4, nY: 2 }'); // the stale one was regenerated
    expect(after).toContain('computeCost(A2, Yhat)'); // the broken one is left alone
    expect(parseExamples(after, rel(id2)).find((e) => e.fn === 'computeCost')!.expected).toBe(cost.expected);
    void layer;
  });

  it('an example of a function the solution does not export, or one that does not compile, says so', async () => {
    const id3 = 'course2/week3/hyperparameter-tuning';
    const text = readFileSync(md(copy, id3), 'utf8');
    const bad = text
      .replace('<!-- example: zoomIn -->', '<!-- example: zoomOut -->')
      .replace('console.log(sampleBeta(0.9, 0.999, 5));', 'console.log(sampleBeta(0.9, 0.999, 5);');
    writeFileSync(md(copy, id3), bad);
    const problems = await staleExamples(copy, id3);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(new RegExp(`^${rel(id3)}:\\d+: example sampleBeta does not compile: Expected "\\)"`));
    expect(problems[1]).toMatch(new RegExp(`^${rel(id3)}:\\d+: example zoomOut: zoomOut is not a function that solutions/course2/week3/hyperparameter-tuning.ts exports`));
    writeFileSync(md(copy, id3), text);
  });

  it('malformed regions are reported with their line, and an unknown selector exits 2', async () => {
    expect(() => parseExamples('# A\n\n<!-- example: f -->\n```ts\nf();\n```\n', 'a.md')).toThrow(ExampleError);
    expect(() => parseExamples('# A\n\n<!-- example: f -->\n```ts\nf();\n```\n', 'a.md')).toThrow(/^a\.md:3: example f is never closed/);
    expect(() => parseExamples('<!-- example: f -->\nno call\n<!-- /example -->\n', 'a.md')).toThrow(/a\.md:1: example f: a ```ts block/);
    expect(() => parseExamples('text\n<!-- /example -->\n', 'a.md')).toThrow(/a\.md:2: an example closes here/);
    expect(() => parseExamples('<!-- example: 1f -->\n', 'a.md')).toThrow(/must start with the name of the function/);

    const id4 = 'course1/week2/logistic-regression';
    const text = readFileSync(md(copy, id4), 'utf8');
    writeFileSync(md(copy, id4), text.replace('<!-- /example -->', ''));
    const r = await runAssignmentExamples(copy, id4);
    expect(r.error).toMatch(new RegExp(`^${rel(id4)}:\\d+: example initializeWithZeros is not closed`));
    expect(await staleExamples(copy, id4)).toEqual([r.error]);
    writeFileSync(md(copy, id4), text);

    lines.length = 0;
    expect(await main(['course9'], copy, out)).toBe(2);
    expect(await main(['--frobnicate'], copy, out)).toBe(2);
  });
});
