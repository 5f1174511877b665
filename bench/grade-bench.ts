/**
 * `npm run bench`: how long grading one week takes, as a ratio to the floor of
 * any TensorFlow.js program — a bare `node` that only imports it. Measured in
 * one run, alternating the two, on a fresh copy with the solutions in place.
 * Ratios, not seconds, because these machines are shared and noisy.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { copyRepo } from '../tests/support/repo-copy';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGET = 2.5;

function time(cmd: string, args: string[], cwd: string): number {
  const start = process.hrtime.bigint();
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const repo = copyRepo();
try {
  cpSync(path.join(repo, 'solutions'), path.join(repo, 'exercises'), { recursive: true });
  const bare = ['--input-type=module', '-e', "await import('@tensorflow/tfjs')"];
  const grade = ['--import', 'tsx', 'graders/cli.ts', 'week3', '--format', 'json'];
  time('node', grade, repo); // first run builds the sandbox runner: not what a learner waits for each time
  const bareTimes: number[] = [];
  const gradeTimes: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    bareTimes.push(time('node', bare, repo));
    gradeTimes.push(time('node', grade, repo));
  }
  const ratio = median(gradeTimes) / median(bareTimes);
  console.log(`rounds: ${ROUNDS} (medians)`);
  console.log(`node importing TensorFlow.js   ${median(bareTimes).toFixed(0)} ms`);
  console.log(`npm run grade week3            ${median(gradeTimes).toFixed(0)} ms`);
  console.log(`ratio                          ${ratio.toFixed(2)}× (target ≤ ${TARGET}×: ${ratio <= TARGET ? 'met' : 'not met'})`);
} finally {
  rmSync(repo, { recursive: true, force: true });
}
