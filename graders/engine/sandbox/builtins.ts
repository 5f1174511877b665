/**
 * The Node.js built-in modules exercise code may import (or ask for with process.getBuiltinModule): none of them
 * reaches files, processes or the network. Learners port the course's `assert(A2.shape == …)` with node:assert.
 * The build lets these through (sandbox/build.ts) and the sandbox's lock-down hands out the same (lockdown.ts).
 */
export const BUILTINS_ALLOWED: ReadonlySet<string> = new Set(
  ['util', 'buffer', 'string_decoder', 'events', 'assert', 'assert/strict', 'path', 'url'].flatMap((m) => [m, `node:${m}`]),
);
