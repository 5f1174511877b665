/**
 * A signature's literal defaults, read from a function's source text as
 * Function.prototype.toString gives it (checks/defaults.ts), and the check
 * that compares them with the course's: only literals are judged, so no
 * correct way of writing a signature can fail it.
 */
import { describe, expect, it } from 'vitest';
import { defaultsCheck, literalDefaults, readParams } from '../../graders/engine/checks/defaults';
import { Violation } from '../../graders/engine/checks/violation';
import type { CheckContext } from '../../graders/engine/define';

describe('reading defaults from source text', () => {
  it('reads literal defaults of declarations, arrows, async functions and methods, by position', () => {
    expect(literalDefaults('function model(X, Y, numIterations = 2e3, learningRate = 0.5, printCost = false) { return 1; }')).toEqual([
      { index: 2, name: 'numIterations', value: 2000 },
      { index: 3, name: 'learningRate', value: 0.5 },
      { index: 4, name: 'printCost', value: false },
    ]);
    expect(literalDefaults('async (x, mode = "max", eps = 1e-8) => x')).toEqual([
      { index: 1, name: 'mode', value: 'max' },
      { index: 2, name: 'eps', value: 1e-8 },
    ]);
    expect(literalDefaults("pool(A, mode = 'average', s = -1) { return A; }")).toEqual([
      { index: 1, name: 'mode', value: 'average' },
      { index: 2, name: 's', value: -1 },
    ]);
    expect(literalDefaults('x => x * 2')).toEqual([]);
  });

  it('skips what is not a plain literal, and is not fooled by brackets, strings or comments in the list', () => {
    const source = `function f(a = RATE, { b, c } = {}, [d] = [1, 2], e = (1, 2), g = "a,b)", /* h = 3, */ i = 0.1 /* ) */, ...rest) { }`;
    const params = readParams(source)!;
    expect(params.map((p) => p.name)).toEqual(['a', '', '', 'e', 'g', 'i', 'rest']);
    expect(literalDefaults(source)).toEqual([
      { index: 4, name: 'g', value: 'a,b)' },
      { index: 5, name: 'i', value: 0.1 },
    ]);
    expect(literalDefaults('function f(a = x === 1, b = y => 2) {}')).toEqual([]);
    expect(readParams('class {}')).toBeUndefined();
  });
});

describe('the defaults check', () => {
  const expected = [
    { index: 2, name: 'learningRate', value: 0.5 },
    { index: 3, name: 'printCost', value: false },
  ];
  const against = async (source: string) => {
    const ctx = { call: async () => source } as unknown as CheckContext;
    try {
      await defaultsCheck('model', expected).holds(null, ctx);
      return 'held';
    } catch (err) {
      if (err instanceof Violation) return `${err.message} | ${err.hint}`;
      throw err;
    }
  };

  it('passes the course\'s defaults however written, and signatures that do not spell them as literals', async () => {
    expect(await against('function model(X, Y, learningRate = 0.5, printCost = false) {}')).toBe('held');
    expect(await against('function model(X, Y, learningRate = 5e-1, printCost = !1) {}')).toBe('held');
    expect(await against('function model(X, Y, learningRate = LEARNING_RATE, printCost) {}')).toBe('held');
  });

  it('fails a changed default, naming the parameter and the course\'s value', async () => {
    expect(await against('function model(X, Y, learningRate = 0.005, printCost = false) {}')).toBe(
      "in your signature learningRate defaults to 0.005; the course's default is 0.5. | Keep the defaults the stub's signature gives: learningRate = 0.5. The course's own code calls this function without that argument.",
    );
    expect(await against('(X, Y, rate = 0.5, verbose = true) => 0')).toMatch(/^in your signature verbose defaults to true; the course's default is false/);
  });
});
