/**
 * What an untouched exercise stub throws. The grader recognises it by name and
 * reports the exercise as "not attempted" rather than as a crash.
 */
export class NotImplementedError extends Error {
  constructor(readonly exercise: string) {
    super(`${exercise} is not implemented yet: replace this line with your code.`);
    this.name = 'NotImplementedError';
  }
}

export function notImplemented(exercise: string): never {
  throw new NotImplementedError(exercise);
}
