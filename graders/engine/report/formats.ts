/**
 * Result formats for other systems, each a view of the same report model:
 * Gradescope's results.json, JUnit XML, and GitHub Classroom's autograding
 * result. No format computes a score of its own; they read the model's.
 */
import type { CheckResult, GradeReport } from './model';

interface FlatCheck {
  number: string;
  name: string;
  assignment: string;
  exercise: string;
  check: CheckResult;
}

function flatten(report: GradeReport): FlatCheck[] {
  return report.assignments.flatMap((a, i) =>
    a.exercises.flatMap((e, j) =>
      e.checks.map((c, k) => ({
        number: `${i + 1}.${j + 1}.${k + 1}`,
        name: `${e.name}: ${c.name}`,
        assignment: a.id,
        exercise: e.name,
        check: c,
      })),
    ),
  );
}

/** The text a learner reads about one check, everything that explains it. */
function details(c: CheckResult): string {
  const parts = [c.message];
  if (c.hint) parts.push(`Likely: ${c.hint}`);
  if (c.expected) parts.push(`expected: ${c.expected}\nactual:   ${c.actual}`);
  if (c.counterexample) parts.push(`smallest failing input (seed ${c.seed}): ${c.counterexample}`);
  if (c.output) parts.push(`your code printed:\n${c.output}`);
  return parts.join('\n');
}

/** Gradescope's autograder results.json. */
export function toGradescope(report: GradeReport, executionSeconds: number, options: { hiddenVisibility?: string } = {}) {
  return {
    score: report.score,
    execution_time: Math.round(executionSeconds),
    output: `deepgrade ${report.version}: ${report.score} / ${report.maxScore} (seed ${report.seed})`,
    visibility: 'visible',
    tests: flatten(report).map((f) => ({
      name: `${f.assignment} › ${f.name}`,
      number: f.number,
      score: f.check.score,
      max_score: f.check.maxScore,
      status: f.check.status === 'passed' ? 'passed' : 'failed',
      output: details(f.check),
      visibility: f.check.hidden ? (options.hiddenVisibility ?? 'after_published') : 'visible',
      tags: [f.check.kind, f.exercise],
    })),
  };
}

const xml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!).replace(
    // Characters XML 1.0 cannot carry (ANSI escapes and other control codes).
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g,
    '',
  );

/** JUnit XML: one testsuite per assignment, one testcase per check. */
export function toJunit(report: GradeReport): string {
  const checks = flatten(report);
  const count = (pred: (c: CheckResult) => boolean) => checks.filter((f) => pred(f.check)).length;
  const isError = (c: CheckResult) => c.status === 'error' || c.status === 'timeout';
  const isFailure = (c: CheckResult) => c.status === 'failed' || c.status === 'not-attempted';
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="deepgrade" tests="${checks.length}" failures="${count(isFailure)}" errors="${count(isError)}" skipped="${count((c) => c.status === 'skipped')}">`,
  ];
  for (const a of report.assignments) {
    const mine = checks.filter((f) => f.assignment === a.id);
    lines.push(
      `  <testsuite name="${xml(a.id)}" tests="${mine.length}" failures="${mine.filter((f) => isFailure(f.check)).length}" errors="${mine.filter((f) => isError(f.check)).length}">`,
      `    <properties><property name="score" value="${a.score}"/><property name="maxScore" value="${a.maxScore}"/></properties>`,
    );
    for (const f of mine) {
      const c = f.check;
      // The name stays the same from run to run (CI systems track tests by name); the score is a property.
      const open = `    <testcase classname="${xml(`${a.id}.${f.exercise}`)}" name="${xml(`${c.name} [${c.kind}]`)}"`;
      const score = `<properties><property name="score" value="${c.score}"/><property name="maxScore" value="${c.maxScore}"/></properties>`;
      if (c.status === 'passed') lines.push(`${open}>${score}</testcase>`);
      else if (c.status === 'skipped') lines.push(`${open}>${score}<skipped message="${xml(c.message)}"/></testcase>`);
      else {
        const tag = isError(c) ? 'error' : 'failure';
        lines.push(`${open}>${score}<${tag} type="${c.status}" message="${xml(c.message.split('\n')[0]!)}">${xml(details(c))}</${tag}></testcase>`);
      }
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}

/** GitHub Classroom's autograding result: base64 of a JSON document the grading reporter reads. */
export function toGithubClassroom(report: GradeReport) {
  const tests = flatten(report).map((f) => ({
    name: `${f.assignment} › ${f.name}`,
    status: f.check.status === 'passed' ? 'pass' : f.check.status === 'error' || f.check.status === 'timeout' ? 'error' : 'fail',
    score: f.check.score,
    max_score: f.check.maxScore,
    message: details(f.check),
    test_code: `${f.check.kind} check`,
    filename: report.assignments.find((a) => a.id === f.assignment)?.file ?? '',
    line_no: 0,
    execution_time: '',
  }));
  return {
    version: 1,
    status: tests.every((t) => t.status === 'pass') ? 'pass' : tests.some((t) => t.status === 'error') ? 'error' : 'fail',
    max_score: report.maxScore,
    tests,
  };
}

export function githubClassroomBase64(report: GradeReport): string {
  return Buffer.from(JSON.stringify(toGithubClassroom(report))).toString('base64');
}
