import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signatureDrift } from '../../graders/instructor/signatures';

const dir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-sig-'));
function file(name: string, text: string): string {
  const f = path.join(dir, name);
  writeFileSync(f, text);
  return f;
}

const solution = file(
  'solution.ts',
  `export type P = { W: number; b: number };
export function f(x: number, rate = 1.2): P { return { W: x * rate, b: 0 }; }
export function g(p: P): number { return p.W; }`,
);

describe('stub/solution drift', () => {
  it('accepts a stub with the same signatures, whatever the bodies, comments and formatting', () => {
    const stub = file(
      'stub.ts',
      `/** docs */
export type P = { W: number, b: number, };
export function f(x: number, rate = 1.2): P {
  throw new Error('not implemented');
}
export function g(p: P): number { throw new Error('no'); }`,
    );
    expect(signatureDrift(stub, solution)).toEqual([]);
  });

  it('names each drifting function and what differs', () => {
    const stub = file(
      'drift.ts',
      `export type P = { W: number; b: number };
export function f(x: number, rate = 0.5): P { throw 1; }
export function h(): void {}`,
    );
    const problems = signatureDrift(stub, solution);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^f: the stub has\n\s+function f\(x: number, rate: inferred = 0\.5\): P\n\s+but the solution has\n\s+function f\(x: number, rate: inferred = 1\.2\): P$/);
    expect(problems[1]).toBe('g: exported by the solution but missing from the stub');
    expect(problems[2]).toBe('h: exported by the stub but not by the solution');
  });
});
