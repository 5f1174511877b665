import { compareValues, DEFAULT_TOLERANCE, firstNotFinite, keyList, type CaseConstants, type Tolerance } from '../compare';
import { formatNumber, formatShape, isNdArray, sameShape, type NdArray } from '../ndarray';
import { describeValue, isRecord, type Value, type ValueRecord } from '../values';

/** A property that does not hold for an input. Its message is shown to the learner as is. */
export class Violation extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'Violation';
  }
}

export function violated(message: string, hint?: string): never {
  throw new Violation(message, hint);
}

/**
 * Asserts two values match within float32 tolerance; the violation explains the difference. A property's
 * expected value comes from the learner's own outputs (softmax(x) for softmax(x + c), 4·l2Loss(d, 0)): one
 * that is not finite is a violation, never a standard to match (Infinity = 4·Infinity held for any loss).
 */
export function expectClose(
  actual: Value,
  expected: Value,
  what: string,
  tolerance: Partial<Tolerance> = {},
  constants: CaseConstants = {},
): void {
  const infinite = firstNotFinite(expected, '');
  if (infinite) {
    violated(
      `Your output that ${what} is compared with is not finite${infinite.path ? ` (at ${infinite.path})` : ''}: ${formatNumber(infinite.value)}.`,
      'Look for log(0), division by zero, or exp of a large number.',
    );
  }
  const m = compareValues(expected, actual, { ...DEFAULT_TOLERANCE, ...tolerance }, constants, what);
  if (m) violated(m.message, m.likely);
}

/** Asserts a value is a tensor (of a shape, when given) and returns it typed. */
export function expectTensor(v: Value, what: string, shape?: number[]): NdArray {
  if (!isNdArray(v)) violated(`${what} should be a tensor, but is ${describeValue(v)}.`);
  if (shape && !sameShape(v.shape, shape)) violated(`${what} has shape ${formatShape(v.shape)}, expected ${formatShape(shape)}.`);
  return v;
}

/** Asserts a value is a tensor holding one number (a tf.Scalar: what a cost to differentiate is) and returns the number. */
export function expectScalar(v: Value, what: string): number {
  if (isNdArray(v) && v.data.length === 1) return v.data[0]!;
  if (typeof v === 'number') return violated(`${what} should be a scalar tensor, but is the number ${v}: return the tensor (tf.sum(…), tf.losses…), not its value, so that it can be differentiated.`);
  return violated(`${what} should be a scalar tensor, but is ${describeValue(v)}.`);
}

/** Asserts a value is a number (not a tensor holding one: the contract's types are exact) and returns it. */
export function expectNumber(v: Value, what: string): number {
  if (typeof v === 'number') return v;
  if (isNdArray(v) && v.data.length === 1) return violated(`${what} should be a number, but is a tensor of shape [${v.shape.join(', ')}]: return the number itself (for example tensor.dataSync()[0]).`);
  return violated(`${what} should be a number, but is ${describeValue(v)}.`);
}

/** Asserts a value is an object with the given keys and returns it typed. */
export function expectRecord(v: Value, what: string, keys: string[] = []): ValueRecord {
  if (!isRecord(v)) violated(`${what} should be an object, but is ${describeValue(v)}.`);
  const missing = keys.filter((k) => v[k] === undefined);
  if (missing.length) violated(`${what} has no ${missing.map((k) => `"${k}"`).join(', ')} (it has ${keyList(Object.keys(v)) || 'no keys'}).`);
  return v;
}

/** Asserts a value is an array of at least `length` items. */
export function expectArray(v: Value, what: string, length?: number): Value[] {
  if (!Array.isArray(v)) violated(`${what} should be an array, but is ${describeValue(v)}.`);
  if (length !== undefined && v.length !== length) violated(`${what} should hold ${length} items, but holds ${v.length}.`);
  return v;
}
