/**
 * A progress line on the terminal while grading runs (cli-progress), so a
 * learner whose code hangs sees which function is being graded instead of a
 * blank screen. Only on a TTY; it clears itself before the report is printed.
 */
import cliProgress from 'cli-progress';
import type { ExerciseResult } from './model';

export interface Progress {
  start(total: number): void;
  exercise(event: { assignment: string; exercise: string; result?: ExerciseResult }): void;
  stop(): void;
}

const silent: Progress = { start() {}, exercise() {}, stop() {} };

export function terminalProgress(stream: NodeJS.WriteStream, color: boolean): Progress {
  if (!stream.isTTY) return silent;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `grading {bar} {value}/{total}  {tally}  {current}`,
      barsize: 20,
      hideCursor: true,
      clearOnComplete: true,
      stopOnComplete: false,
      linewrap: false,
      etaBuffer: 1,
      fps: 8,
      barCompleteChar: color ? '█' : '#',
      barIncompleteChar: color ? '░' : '.',
    },
    cliProgress.Presets.shades_classic,
  );
  const tally = { passed: 0, failing: 0, todo: 0 };
  const text = () => `✓ ${tally.passed}  ✘ ${tally.failing}  · ${tally.todo}`;
  let started = false;
  return {
    start(total) {
      bar.start(total, 0, { tally: text(), current: '' });
      started = true;
    },
    exercise({ exercise, result }) {
      if (!started) return;
      if (!result) {
        bar.update({ current: `${exercise} …` });
        return;
      }
      if (result.status === 'passed') tally.passed++;
      else if (result.status === 'not-attempted') tally.todo++;
      else tally.failing++;
      bar.increment(1, { tally: text(), current: '' });
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
