/**
 * Learner text in the Markdown report, which is also a pull request's job summary and comment: GitHub must not
 * turn it into a mention, a reference or a link, and bidi controls must not reorder what the reader sees.
 */
import { describe, expect, it } from 'vitest';
import { exerciseResult, gradeReport, assignmentResult } from '../../graders/engine/report/model';
import { mdText, renderReport } from '../../graders/engine/report/render';

const EVIL = 'see https://evil.example/phish and WWW.evil.example, ask @octocat or @org/team (me@evil.example), fixes #12 \u202Eevil\u202C \u2066x\u2069';
const ZWJ = '\u200d';
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

describe('mdText', () => {
  it('keeps mentions, references and autolinks from forming, and shows bidi controls', () => {
    const md = mdText(EVIL);
    expect(md).not.toMatch(/@[a-z]/i);
    expect(md).toContain(`@${ZWJ}octocat`);
    expect(md).toContain(`@${ZWJ}org/team`);
    expect(md).toContain(`me@${ZWJ}evil.example`);
    expect(md).toContain(`\\#${ZWJ}12`);
    expect(md).not.toContain('://');
    expect(md).toContain('https:\\/\\/evil.example/phish');
    expect(md).not.toMatch(/www\.[a-z]/i);
    expect(md).not.toMatch(BIDI);
    expect(md).toContain('⟨U+202E⟩evil⟨U+202C⟩ ⟨U+2066⟩x⟨U+2069⟩');
  });

  it('leaves ordinary messages as they were', () => {
    expect(mdText('computeCost(A2, Y) is 0.7, expected 0.69 (off by 0.01).')).toBe('computeCost\\(A2, Y\\) is 0.7, expected 0.69 \\(off by 0.01\\).');
  });
});

describe('the Markdown report', () => {
  it('shows learner text inert, in prose and code blocks alike, and the grader’s own text as before', () => {
    const check = { kind: 'reference' as const, name: 'seeded cases', status: 'error' as const, score: 0, maxScore: 2, hidden: false, message: `computeCost threw an error: ${EVIL}`, output: EVIL };
    const report = gradeReport('course1/week3/x', 1, 'test', [assignmentResult('course1/week3/x', 'X', 'exercises/course1/week3/x.ts', [exerciseResult('computeCost', [], [check])])]);
    const md = renderReport(report, 'md');
    expect(md).toMatch(/^# deepgrade report: course1\/week3\/x\n\n\*\*Score: 0 \/ 2 \(0%\)\*\* · seed 1/);
    expect(md).toContain('- **seeded cases** (reference): error, 0 / 2');
    expect(md).not.toMatch(BIDI);
    const prose = md.replace(/^( *)(`{3,})\n[\s\S]*?\n\1\2$/gm, '');
    expect(prose).toContain('computeCost threw an error');
    expect(prose).not.toMatch(/@[a-z]/i);
    expect(prose).not.toContain('://');
  });
});
