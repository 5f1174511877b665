/**
 * What a learner's file may import, as the sandbox builds and runs it: TypeScript's own ".js" spelling of a
 * sibling .ts file (moduleResolution Bundler or NodeNext accepts it), and the harmless built-ins the sandbox's
 * lock-down hands out (node:assert, the course's `assert(...)`); Node's file, process and network modules stay refused.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../graders/engine/paths';
import { buildModule } from '../../graders/engine/sandbox/build';
import { Sandbox } from '../../graders/engine/sandbox/client';

const dir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-build-imports-'));
const sandbox = new Sandbox({ root: repoRoot, timeoutMs: 10_000 });
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, source: string): string {
  const f = path.join(dir, name);
  writeFileSync(f, source);
  return f;
}

describe("a learner file's imports", () => {
  it('may name a sibling .ts file with .js and import node:assert and node:util', async () => {
    file('helper.ts', 'export const twice = (x: number) => 2 * x;\n');
    const main = file(
      'main.ts',
      [
        "import assert from 'node:assert';",
        "import { strict } from 'node:assert';",
        "import { format } from 'node:util';",
        "import { twice } from './helper.js';",
        'export function checked(x: number) {',
        "  assert(x >= 0, format('x must be >= 0, got %d', x));",
        '  strict.equal(typeof x, "number");',
        '  return twice(x);',
        '}',
      ].join('\n'),
    );
    const built = await buildModule(main, repoRoot, { allowedDirs: [dir] });
    expect(built.ok ? '' : built.message).toBe('');
    if (!built.ok) return;
    const learner = sandbox.install(built);
    expect(await sandbox.call(learner, 'checked', [3])).toMatchObject({ status: 'ok', value: 6 });
    const failed = await sandbox.call(learner, 'checked', [-1]);
    expect(failed.status).toBe('threw');
    expect(JSON.stringify(failed)).toContain('x must be >= 0, got -1');
  }, 60_000);

  it('still refuses the built-ins that reach files, processes or the network, and .js files that are JavaScript', async () => {
    for (const spec of ['node:fs', 'child_process', 'node:net', 'node:worker_threads', 'node:vm']) {
      const built = await buildModule(file('bad.ts', `import * as m from '${spec}';\nexport const f = () => m;\n`), repoRoot, { allowedDirs: [dir] });
      expect(built.ok ? 'built' : built.message).toContain(`"${spec}" is a Node.js built-in module`);
    }
    file('plain.js', 'export const x = 1;\n');
    const js = await buildModule(file('uses-js.ts', "import { x } from './plain.js';\nexport const f = () => x;\n"), repoRoot, { allowedDirs: [dir] });
    expect(js.ok ? 'built' : js.message).toContain('is not a TypeScript file');
  }, 60_000);

  // Each names something the learner must not get (the reference solution, the hidden cases, the grader's
  // environment, a device) while its text, tidied as a path, seems to point inside the allowed folder.
  it('resolves every file import itself: no "?" or "#" suffix, device, link or folder reaches the bundle', async () => {
    const solution = path.join(repoRoot, 'solutions', 'course1', 'week3', 'planar-classification.ts');
    const hidden = path.join(repoRoot, 'graders', 'course1', 'week3', 'planar-classification.hidden.fixtures.json');
    const back = path.relative(dir, '/');
    const specs = [
      `${solution}?/../../../../../../..${dir}/nothing.ts`,
      `${solution}#/../../../../../../..${dir}/nothing.ts`,
      `${back}${solution}?/../../../../../../..${dir}/nothing.ts`,
      `${hidden}?/../../../../../../..${dir}/nothing.ts`,
      `/proc/self/environ?/../../../..${dir}/nothing.ts`,
      `/dev/zero?/../../..${dir}/nothing.ts`,
      `/dev/stdin#/../../..${dir}/nothing.ts`,
    ];
    process.env.DEEPGRADE_TEST_SECRET = 'hunter2-in-the-environment';
    try {
      for (const [i, spec] of specs.entries()) {
        const built = await buildModule(file(`q${i}.ts`, `export * from ${JSON.stringify(spec)};\nexport const f = () => 1;\n`), repoRoot, { allowedDirs: [dir] });
        expect(built.ok ? `built: ${spec}` : built.message).toContain('not a plain file path');
      }
      // A link inside the allowed folder to the solution, and a folder named like a module.
      symlinkSync(solution, path.join(dir, 'linked.ts'));
      mkdirSync(path.join(dir, 'folder.ts'));
      for (const [name, expected] of [['./linked', 'a link to elsewhere'], ['./linked.ts', 'a link to elsewhere'], ['./folder.ts', 'no such .ts file']] as const) {
        const built = await buildModule(file('l.ts', `export * from '${name}';\n`), repoRoot, { allowedDirs: [dir] });
        expect(built.ok ? `built: ${name}` : built.message).toContain(expected);
      }
      // A module folder's index.ts is still a file of the learner's.
      mkdirSync(path.join(dir, 'helpers'));
      file('helpers/index.ts', 'export const one = 1;\n');
      const indexed = await buildModule(file('i.ts', "import { one } from './helpers';\nexport const f = () => one;\n"), repoRoot, { allowedDirs: [dir] });
      expect(indexed.ok ? '' : indexed.message).toBe('');
    } finally {
      delete process.env.DEEPGRADE_TEST_SECRET;
    }
  }, 60_000);

  it("quotes the learner's own line in a build error, and builds the file the grader chose wherever it lies", async () => {
    const built = await buildModule(file('bad-syntax.ts', 'export const f = ) => 1;\n'), repoRoot, { allowedDirs: [dir] });
    expect(built.ok ? 'built' : built.message).toContain('export const f');
    // The file built is the grader's choice (a test builds a solution as a learner's file); what it imports is not.
    const entry = await buildModule(path.join(repoRoot, 'solutions', 'course1', 'week3', 'planar-classification.ts'), repoRoot, { allowedDirs: [dir, path.join(repoRoot, 'lib')] });
    expect(entry.ok ? '' : entry.message).toBe('');
  }, 60_000);
});
