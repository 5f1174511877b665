import type { CheckContext } from '../../graders/engine/define';
import { callOrThrow, type Implementation } from '../../graders/engine/implementation';
import { loadTf } from '../../graders/engine/in-process';
import type { Value } from '../../graders/engine/values';

/** An Implementation backed by plain functions: engine tests without a sandbox or TensorFlow.js. */
export function fakeImplementation(fns: Record<string, (...args: any[]) => Value>): Implementation {
  return {
    label: 'fake',
    async call(fn, args) {
      const f = fns[fn];
      if (!f) return { status: 'unavailable', message: `no ${fn}` };
      try {
        return { status: 'ok', value: f(...args), output: '' };
      } catch (err) {
        return { status: 'threw', message: (err as Error).message, output: '' };
      }
    },
  };
}

export function fakeContext(fns: Record<string, (...args: any[]) => Value>): CheckContext {
  const learner = fakeImplementation(fns);
  return { learner, call: (fn, args) => callOrThrow(learner, fn, args), tf: loadTf };
}
