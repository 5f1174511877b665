import { Ajv } from 'ajv';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { compiledModule, contentKey } from '../graders/engine/compiled-cache';
import { repoRoot } from '../graders/engine/paths';
import { validator } from '../graders/engine/schemas/validate';

const dir = path.join(repoRoot, '.deepgrade', 'compiled');
const schemas = path.join(repoRoot, 'graders', 'engine', 'schemas');

describe('generated code kept on disk', () => {
  it('writes a module once per key and reads it back; another key is another file', () => {
    const key = contentKey('test', String(process.pid), String(Date.now()));
    let generated = 0;
    const make = (n: number) => () => (generated++, `module.exports = ${n};\n`);
    expect(compiledModule('test', key, make(1))).toBe(1);
    expect(compiledModule('test', key, make(2))).toBe(1); // kept: not generated again
    expect(generated).toBe(1);
    const other = contentKey('test', String(process.pid), 'other');
    expect(compiledModule('test', other, make(3))).toBe(3);
    for (const k of [key, other]) rmSync(path.join(dir, `test-${k}.cjs`));
  });

  it('gives the same verdicts and errors as Ajv compiling the schema itself', () => {
    const fresh = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    fresh.addSchema(JSON.parse(readFileSync(path.join(schemas, 'value.schema.json'), 'utf8')) as object);
    const direct = fresh.compile(JSON.parse(readFileSync(path.join(schemas, 'fixture.schema.json'), 'utf8')) as object);
    const kept = validator('fixture');
    expect(readdirSync(dir).some((f) => f.startsWith('schema-fixture-'))).toBe(true);
    const good = JSON.parse(readFileSync(path.join(repoRoot, 'graders', 'course1', 'week3', 'planar-classification.fixtures.json'), 'utf8'));
    const bad = { ...good, checks: { x: { cases: [{ name: 1, args: 'no', expected: { kind: 'ndarray' } }] } }, extra: true };
    for (const data of [good, bad, {}, null]) {
      expect(kept(data)).toBe(direct(data));
      expect(kept.errors ?? null).toEqual(direct.errors ?? null);
    }
    expect(kept(bad)).toBe(false);
  });

  it('renders the report templates exactly as compiling them in memory would', async () => {
    const { assignmentResult, exerciseResult, gradeReport } = await import('../graders/engine/report/model');
    const check = (status: 'passed' | 'failed', extra: object = {}) => ({ kind: 'reference' as const, name: `a ${status} check`, status, score: status === 'passed' ? 2 : 0, maxScore: 2, message: 'Case "m = 3": `A2` differs <b>here</b>.', hidden: false, ...extra });
    const report = gradeReport('week3', 7, '1.0.0', [
      assignmentResult('course1/week3/planar-classification', 'Planar', 'exercises/x.ts', [
        exerciseResult('layerSizes', [], [check('passed')]),
        exerciseResult('forwardPropagation', ['layerSizes'], [check('failed', { hint: 'Use `tanh`.', expected: '[1, 2]', actual: '[2, 4]', output: 'printed\n' })]),
      ]),
    ]);
    const render = async (cached: boolean) => {
      vi.resetModules();
      if (cached) delete process.env.DEEPGRADE_NO_COMPILED_CACHE;
      else process.env.DEEPGRADE_NO_COMPILED_CACHE = '1';
      const { loadTerminalRendering, renderReport } = await import('../graders/engine/report/render');
      await loadTerminalRendering();
      return (['md', 'html', 'terminal'] as const).map((f) => renderReport(report, f, { color: f === 'terminal', width: 80 }));
    };
    const compiled = await render(false);
    const kept = await render(true);
    delete process.env.DEEPGRADE_NO_COMPILED_CACHE;
    expect(kept).toEqual(compiled);
    expect(kept[1]).toContain('&lt;b&gt;here&lt;/b&gt;');
    expect(readdirSync(dir).filter((f) => f.startsWith('template-')).length).toBeGreaterThanOrEqual(3);
  });
});
