/**
 * Quizzes: the answers file, scoring of every question type, the hashed key
 * agreeing with the answer book, validation, the learner's `npm run quiz`,
 * and a quiz graded through the same pipeline and report as code.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeSubmission } from '../graders/engine/intake';
import { formatAnswers, parseAnswersFile } from '../graders/engine/quiz/answers-file';
import { exactKey, hashedKey, loadAnswerBook, variantAnswers, type KeyFile } from '../graders/engine/quiz/key';
import { loadQuiz, quizFiles, render, renderQuestion, variantParams } from '../graders/engine/quiz/load';
import { scoreAnswer } from '../graders/engine/quiz/score';
import type { Question, QuizFile } from '../graders/engine/quiz/types';
import { runGrading } from '../graders/engine/run';
import { validator } from '../graders/engine/schemas/validate';
import { writeFixtures } from '../graders/fixtures-cli';
import { scaffold } from '../graders/instructor/scaffold';
import { validateQuiz } from '../graders/instructor/validate-quiz';
import { runQuiz } from '../graders/learner/quiz';
import { copyRepo } from './support/repo-copy';

const ID = 'course3/week1/quiz-under-test';
let repo: string;
let quiz: QuizFile;

beforeAll(async () => {
  repo = copyRepo();
  scaffold(repo, { week: 'course3/week1', name: 'quiz-under-test', title: 'Quiz under test', kind: 'quiz' });
  await writeFixtures(repo, ID);
  quiz = loadQuiz(repo, ID);
}, 60_000);
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const q = (id: string): Question => quiz.questions.find((x) => x.id === id)!;
const keyFor = (answers: Record<string, string | string[] | number>) => exactKey(new Map(Object.entries(answers)));

describe('the answers file', () => {
  it('reads answers, the variant and comments, and names each bad line', () => {
    const text = ['# a comment', 'variant: 3', 'q1: b   # trailing comment', 'q2:', 'q9: a', 'no colon here', 'q1: a', 'variant: 99'].join('\n');
    const parsed = parseAnswersFile(text, quiz);
    expect(parsed.answers.get('q1')).toEqual({ text: 'b', line: 3 });
    expect(parsed.answers.get('q2')).toEqual({ text: '', line: 4 });
    expect(parsed.variant).toBe(3);
    expect(parsed.fileProblems.map((p) => p.line)).toEqual([5, 6, 8]);
    expect(parsed.fileProblems[0]!.message).toMatch(/no question "q9".*q1, q2/);
    expect(parsed.questionProblems.get('q1')!.message).toMatch(/answered twice \(lines 3 and 7\)/);
  });

  it('writes what it reads', () => {
    const answers = new Map([['q1', 'a'], ['q4', 'a, b']]);
    const parsed = parseAnswersFile(formatAnswers(ID, quiz, 5, answers), quiz);
    expect(parsed.variant).toBe(5);
    expect(parsed.answers.get('q4')!.text).toBe('a, b');
    expect(parsed.answers.get('q3')!.text).toBe('');
  });
});

describe('scoring', () => {
  it('single choice: the chosen option\'s feedback, never the right one named; bad picks are errors', () => {
    const key = keyFor({ q1: 'a' });
    expect(scoreAnswer(q('q1'), 'a', key)).toMatchObject({ status: 'passed', score: 1 });
    const wrong = scoreAnswer(q('q1'), '(b)', key);
    expect(wrong).toMatchObject({ status: 'failed', score: 0 });
    expect(wrong.message).toMatch(/You chose \(b\): Variance is the gap/);
    expect(scoreAnswer(q('q1'), 'z', key)).toMatchObject({ status: 'error', message: expect.stringMatching(/"z" is not an option: the options are a, b/) });
    expect(scoreAnswer(q('q1'), 'a, b', key).status).toBe('error');
    expect(scoreAnswer(q('q1'), '  ', key).status).toBe('not-attempted');
  });

  it('multiple choice: (right picked − wrong picked) / right, never below 0', () => {
    const key = keyFor({ q4: ['a', 'b'] });
    const score = (r: string) => scoreAnswer(q('q4'), r, key).score;
    expect(score('a, b')).toBe(2);
    expect(score('b a')).toBe(2);
    expect(score('a')).toBe(1);
    expect(score('a, b, c')).toBe(1);
    expect(score('a, c')).toBe(0);
    expect(score('c')).toBe(0);
    expect(scoreAnswer(q('q4'), 'a', key).message).toMatch(/1 right option is not chosen/);
  });

  it('numeric: tolerance, the unit, and a fraction written where a percentage is asked', () => {
    const key = keyFor({ q2: 5.5 });
    expect(scoreAnswer(q('q2'), '5.5', key).status).toBe('passed');
    expect(scoreAnswer(q('q2'), '5.505 %', key).status).toBe('passed');
    expect(scoreAnswer(q('q2'), '5.52%', key).status).toBe('failed');
    expect(scoreAnswer(q('q2'), '5.5 hours', key)).toMatchObject({ status: 'error', message: expect.stringMatching(/asked in %/) });
    expect(scoreAnswer(q('q2'), 'five', key).status).toBe('error');
    expect(scoreAnswer(q('q2'), '0.055', key)).toMatchObject({ status: 'failed', hint: expect.stringMatching(/fraction/) });
    expect(scoreAnswer(q('q2'), '-5.5', key).hint).toMatch(/sign/);
    expect(scoreAnswer(q('q2'), '7', key).hint).toBeUndefined();
  });

  it('ordering: the share of pairs in order; every item once', () => {
    const key = keyFor({ q5: ['human', 'train', 'dev'] });
    expect(scoreAnswer(q('q5'), 'human, train, dev', key)).toMatchObject({ status: 'passed', score: 1 });
    expect(scoreAnswer(q('q5'), 'human > dev > train', key)).toMatchObject({ status: 'failed', score: 0.67 });
    expect(scoreAnswer(q('q5'), 'dev, train, human', key).score).toBe(0);
    expect(scoreAnswer(q('q5'), 'human, train', key)).toMatchObject({ status: 'error', message: expect.stringMatching(/missing dev/) });
    expect(scoreAnswer(q('q5'), 'human, train, train, dev', key).message).toMatch(/repeated train/);
  });

  it('next-step: the option feedback for when it is right and when it is wrong', () => {
    const question: Question = {
      id: 'n',
      type: 'next-step',
      points: 1,
      text: 'Next?',
      options: [
        { id: 'a', text: 'bias', feedback: { right: 'bias is larger here', wrong: 'bias is the smaller gap here' } },
        { id: 'b', text: 'variance', feedback: 'variance' },
      ],
    };
    expect(scoreAnswer(question, 'a', keyFor({ n: 'a' })).message).toMatch(/bias is larger here/);
    expect(scoreAnswer(question, 'a', keyFor({ n: 'b' })).message).toMatch(/bias is the smaller gap here/);
  });
});

describe('the hashed key of the learner edition', () => {
  it('scores every answer as the answer book does (numbers: never refuses what the book accepts)', async () => {
    const book = await loadAnswerBook(quizFiles(repo, ID).answerBook, repo);
    const key = JSON.parse(readFileSync(quizFiles(repo, ID).key, 'utf8')) as KeyFile;
    const response = fc.oneof(
      fc.subarray(['a', 'b', 'c', 'human', 'train', 'dev'], { minLength: 1 }).chain((xs) => fc.shuffledSubarray(xs, { minLength: xs.length })).map((xs) => xs.join(', ')),
      fc.double({ min: -20, max: 20, noNaN: true }).map(String),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: quiz.variants - 1 }), fc.constantFrom(...quiz.questions.map((x) => x.id)), response, (variant, qid, text) => {
        const params = variantParams(ID, quiz, variant);
        const exact = exactKey(variantAnswers(quiz, book, params, 'book', variant));
        const hashed = hashedKey(ID, key, variant);
        const question = renderQuestion(q(qid), params);
        const a = scoreAnswer(question, text, exact);
        const b = scoreAnswer(question, text, hashed);
        if (question.type === 'numeric') {
          if (a.status === 'passed') expect(b.status).toBe('passed');
        } else expect(b).toEqual(a);
      }),
      { seed: 7, numRuns: 400 },
    );
  });

  it('does not hold the answers in plain text', () => {
    const text = readFileSync(quizFiles(repo, ID).key, 'utf8');
    expect(text).not.toMatch(/"(human|train|dev)"\s*:\s*\d/);
    expect(JSON.parse(text).variants).toHaveLength(quiz.variants);
  });
});

describe('texts', () => {
  it('compute with add, sub, mul, div and round, and print numbers without float noise', () => {
    expect(render('{{sub train human}} points; {{add a b}}; {{round (div train human) 2}}; {{mul human 3}}', { train: 6, human: 0.5, a: 0.1, b: 0.2 })).toBe('5.5 points; 0.3; 12; 1.5');
    expect(render('{{div big 4}}', { big: '60,000' })).toBe('15000');
    expect(() => render('{{sub word 1}}', { word: 'birds' })).toThrow(/needs numbers/);
  });
});

describe('validation', () => {
  it('passes the scaffolded quiz: full marks in every variant with both keys, every wrong answer loses points', async () => {
    const v = await validateQuiz(repo, ID);
    expect(v.problems).toEqual([]);
    expect(v.mutants).toBeGreaterThan(quiz.questions.length);
    expect(v.mutantsCaught).toBe(v.mutants);
  });

  it('refuses a blank answers file that no longer lists the questions, and fixtures write it afresh', async () => {
    const file = quizFiles(repo, ID).answers;
    const before = readFileSync(file, 'utf8');
    try {
      writeFileSync(file, 'q1:\nq2:\nq7:\n');
      expect((await validateQuiz(repo, ID)).problems.join('\n')).toMatch(/does not list the quiz's questions \(line 3: there is no question "q7".*missing q3, q4, q5\)/);
      await writeFixtures(repo, ID);
      expect(parseAnswersFile(readFileSync(file, 'utf8'), quiz).answers.size).toBe(quiz.questions.length);
      writeFileSync(file, 'q1: a\nq7: b\n');
      expect((await writeFixtures(repo, ID)).join('\n')).toMatch(/left .* as it is: it holds answers/);
      expect(readFileSync(file, 'utf8')).toBe('q1: a\nq7: b\n');
    } finally {
      writeFileSync(file, before);
    }
  });

  it('names the file and the JSON path of a malformed question, and a wrong answer book', async () => {
    const file = quizFiles(repo, ID).quiz;
    const good = readFileSync(file, 'utf8');
    try {
      const bad = JSON.parse(good) as { questions: Record<string, unknown>[] };
      delete bad.questions[1]!.tolerance;
      writeFileSync(file, JSON.stringify(bad));
      expect(() => loadQuiz(repo, ID)).toThrow(/graders\/course3\/week1\/quiz-under-test\.quiz\.json does not match its schema:[\s\S]*\/questions\/1/);
      const unknownParam = JSON.parse(good) as { questions: { text: string }[] };
      unknownParam.questions[0]!.text = 'What is {{nope}}?';
      writeFileSync(file, JSON.stringify(unknownParam));
      expect((await validateQuiz(repo, ID)).problems.join('\n')).toMatch(/variant 0: .*nope/);
    } finally {
      writeFileSync(file, good);
    }
    const bookFile = quizFiles(repo, ID).answerBook;
    const book = readFileSync(bookFile, 'utf8');
    try {
      writeFileSync(bookFile, book.replace("q1: 'a'", "q1: 'z'"));
      expect((await validateQuiz(repo, ID)).problems.join('\n')).toMatch(/quiz-under-test\.quiz\.ts: q1 \(variant 0\): the answer "z" is not one option id/);
    } finally {
      writeFileSync(bookFile, book);
    }
  });
});

describe('grading a quiz like any assignment', () => {
  const gradeWith = async (text: string, hidden: boolean) => {
    writeFileSync(quizFiles(repo, ID).answers, text);
    return runGrading({ root: repo, selector: ID, hidden, sandbox: undefined, isolation: 'auto' });
  };

  it('reports per question, with the same model and schema as code, in both editions', async () => {
    const book = await loadAnswerBook(quizFiles(repo, ID).answerBook, repo);
    const answers = variantAnswers(quiz, book, variantParams(ID, quiz, 2), 'book', 2);
    const lines = new Map([...answers].map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]));
    for (const hidden of [true, false]) {
      const report = await gradeWith(formatAnswers(ID, quiz, 2, lines), hidden);
      expect(validator('report')(report), JSON.stringify(validator('report').errors)).toBe(true);
      expect(report.score).toBe(report.maxScore);
      expect(report.assignments[0]!.file).toBe(`exercises/${ID}.answers`);
      expect(report.assignments[0]!.exercises.map((e) => e.name)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
    }
    const wrong = await gradeWith(formatAnswers(ID, quiz, 2, new Map([...lines, ['q1', 'b']])), true);
    expect(wrong.score).toBe(wrong.maxScore - 1);
    expect(wrong.assignments[0]!.exercises[0]!.checks[0]).toMatchObject({ kind: 'answer', status: 'failed', actual: 'b' });
  }, 60_000);

  it('says what is missing when the answers file is gone', async () => {
    rmSync(quizFiles(repo, ID).answers);
    const report = await runGrading({ root: repo, selector: ID, hidden: true });
    expect(report.assignments[0]!.exercises[0]!.checks[0]!.message).toMatch(/exercises\/course3\/week1\/quiz-under-test\.answers is missing/);
    expect(report.maxScore).toBe(6);
  });

  it('takes a submitted answers file in (batch, Gradescope and pull requests read submissions this way)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-quiz-sub-'));
    try {
      const sub = path.join(dir, 'submission');
      mkdirSync(path.join(sub, 'exercises', 'course3', 'week1'), { recursive: true });
      writeFileSync(path.join(sub, 'exercises', ID + '.answers'), 'q1: a\n');
      const intake = takeSubmission(sub, path.join(dir, 'taken'));
      expect(intake.files).toContain(`${ID}.answers`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run quiz', () => {
  const io = (answersToGive: string[]) => {
    const out: string[] = [];
    const asked: string[] = [];
    return {
      out,
      asked,
      io: {
        root: repo,
        out: (s: string) => void out.push(s),
        err: (s: string) => void out.push(s),
        interactive: true,
        ask: async (question: string) => {
          asked.push(question);
          return answersToGive.shift() ?? '';
        },
      },
    };
  };

  it('prints the questions with this learner\'s numbers and their current answers', async () => {
    writeFileSync(quizFiles(repo, ID).answers, formatAnswers(ID, quiz, 4, new Map([['q1', 'a']])));
    const t = io([]);
    expect(await runQuiz([ID, '--print'], t.io)).toBe(0);
    const text = t.out.join('');
    const p = variantParams(ID, quiz, 4);
    expect(text).toContain(`variant 4`);
    expect(text).toContain(`${p.train} % of the training set`);
    expect(text).toMatch(/q1\. What does the human error stand in for\?[\s\S]*your answer: a/);
    expect(t.asked).toEqual([]);
  });

  it("keeps a Markdown table's rows one per line when printing a question", async () => {
    const { wrap } = await import('../graders/learner/common');
    const text = 'Four candidates, measured on the dev set:\n\n| model | F1 |\n|---|---|\n| A | 96.1 % |\nthen some prose after the table that goes on';
    expect(wrap(text, 30, '  ').split('\n')).toEqual(['  Four candidates, measured on', '  the dev set:', '', '  | model | F1 |', '  |---|---|', '  | A | 96.1 % |', '  then some prose after the', '  table that goes on']);
  });

  it('asks each question, re-asks a malformed answer, and saves after every answer', async () => {
    writeFileSync(quizFiles(repo, ID).answers, formatAnswers(ID, quiz, undefined, new Map()));
    const t = io(['z', 'a', '5.5 %', '', 'a, b', 'human train dev']);
    expect(await runQuiz([ID], t.io)).toBe(0);
    expect(t.out.join('')).toMatch(/"z" is not an option/);
    const parsed = parseAnswersFile(readFileSync(quizFiles(repo, ID).answers, 'utf8'), quiz);
    expect(parsed.variant).toBeGreaterThanOrEqual(0);
    expect([...parsed.answers].map(([k, v]) => `${k}:${v.text}`)).toEqual(['q1:a', 'q2:5.5 %', 'q3:', 'q4:a, b', 'q5:human train dev']);
  });

  it('refuses a selector without a quiz, and an unknown option', async () => {
    const t = io([]);
    expect(await runQuiz(['course1/week2', '--print'], t.io)).toBe(2);
    expect(t.out.join('')).toMatch(/has no quiz/);
    expect(await runQuiz([ID, '--loud'], t.io)).toBe(2);
  });
});
