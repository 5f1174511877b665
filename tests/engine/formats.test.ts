import { describe, expect, it } from 'vitest';
import { githubClassroomBase64, toGradescope, toGithubClassroom, toJunit } from '../../graders/engine/report/formats';
import { assignmentResult, exerciseResult, gradeReport, type CheckResult } from '../../graders/engine/report/model';

const check = (name: string, status: CheckResult['status'], score: number, maxScore: number, extra: Partial<CheckResult> = {}): CheckResult => ({
  kind: 'reference',
  name,
  status,
  score,
  maxScore,
  message: `${name} <said> "this" & that`,
  hidden: false,
  ...extra,
});

const report = gradeReport('week3', 7, '0.1.0', [
  assignmentResult('course1/week3/planar-classification', 'Planar', 'exercises/course1/week3/planar-classification.ts', [
    exerciseResult('layerSizes', [], [check('seeded cases', 'passed', 1, 1)]),
    exerciseResult('computeCost', [], [
      check('seeded cases', 'failed', 1, 2, { hint: 'missing 1/m', expected: '0.69', actual: '2.7' }),
      check('never negative', 'timeout', 0, 1, { kind: 'property', hidden: true }),
      check('ln 2', 'not-attempted', 0, 1, { kind: 'property' }),
    ]),
  ]),
]);

describe('result formats', () => {
  it('the model sums per-check scores once, and every format shows those totals', () => {
    expect(report.score).toBe(2);
    expect(report.maxScore).toBe(5);
    const gs = toGradescope(report, 3.4);
    expect(gs.score).toBe(report.score);
    expect(gs.tests.reduce((s, t) => s + t.score, 0)).toBe(report.score);
    expect(gs.tests.reduce((s, t) => s + t.max_score, 0)).toBe(report.maxScore);
    expect(toGithubClassroom(report).max_score).toBe(report.maxScore);
  });

  it('gradescope: results.json with the fields Gradescope reads', () => {
    const gs = toGradescope(report, 3.4);
    expect(gs.execution_time).toBe(3);
    expect(gs.tests).toHaveLength(4);
    expect(gs.tests[1]).toEqual({
      name: 'course1/week3/planar-classification › computeCost: seeded cases',
      number: '1.2.1',
      score: 1,
      max_score: 2,
      status: 'failed',
      output: 'seeded cases <said> "this" & that\nLikely: missing 1/m\nexpected: 0.69\nactual:   2.7',
      visibility: 'visible',
      tags: ['reference', 'computeCost'],
    });
    expect(gs.tests[2]!.visibility).toBe('after_published');
    expect(gs.tests[0]!.status).toBe('passed');
  });

  it('junit: escaped, well-formed XML with failures, errors and counts', () => {
    const x = toJunit(report);
    expect(x).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="deepgrade" tests="4" failures="2" errors="1" skipped="0">/);
    expect(x).toContain('<failure type="failed" message="seeded cases &lt;said&gt; &quot;this&quot; &amp; that">');
    expect(x).toContain('<error type="timeout"');
    expect(x).not.toMatch(/<said>|& that/);
    // Every opened element is closed, in order.
    const stack: string[] = [];
    for (const [, close, name, selfClose] of x.matchAll(/<(\/?)([a-z]+)[^>]*?(\/?)>/g)) {
      if (selfClose) continue;
      if (close) expect(stack.pop()).toBe(name);
      else stack.push(name!);
    }
    expect(stack).toEqual([]);
  });

  it('github: base64 JSON with version, status, max_score and tests', () => {
    const decoded = JSON.parse(Buffer.from(githubClassroomBase64(report), 'base64').toString('utf8'));
    expect(decoded.version).toBe(1);
    expect(decoded.status).toBe('error');
    expect(decoded.max_score).toBe(5);
    expect(decoded.tests.map((t: { status: string }) => t.status)).toEqual(['pass', 'fail', 'error', 'fail']);
    expect(decoded.tests[1]).toMatchObject({ score: 1, max_score: 2, filename: 'exercises/course1/week3/planar-classification.ts' });
  });
});
