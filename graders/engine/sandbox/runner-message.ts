/**
 * The grader's side of the wire: a frame from the runner becomes a
 * RunnerMessage only after its JSON is bounded, matches wire.schema.json, and
 * its tensors lie within the frame. Anything else is a WireError, which the
 * sandbox turns into that learner's failed call.
 */
import { MAX_ELEMENTS } from '../codec';
import { validator } from '../schemas/validate';
import type { RunnerMessage } from './protocol';
import { assertBounded, fromWire, WireError, type Frame } from './wire';

export function decodeRunnerMessage(frame: Frame): RunnerMessage {
  assertBounded(frame.json);
  const validate = validator('wire');
  let valid: boolean;
  try {
    valid = validate(frame.json) as boolean;
  } catch {
    throw new WireError('a message the grader could not check');
  }
  if (!valid) {
    const e = validate.errors?.[0];
    throw new WireError(`a malformed message (${e ? `${e.instancePath || 'top level'}: ${e.message}` : 'invalid'})`);
  }
  const m = frame.json as { type: string; reply?: string; id?: number; module?: string; outcome?: Record<string, unknown> };
  if (m.type !== 'result') return m as RunnerMessage;
  const outcome = { ...m.outcome! };
  if (outcome.status === 'ok') outcome.value = fromWire(outcome.value, frame.binary, MAX_ELEMENTS);
  return { type: 'result', reply: m.reply!, id: m.id!, outcome } as RunnerMessage;
}
