import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Grading spawns a sandbox process and trains small networks: allow it time.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
