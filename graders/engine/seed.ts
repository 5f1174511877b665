/** The seed every run starts from unless --seed says otherwise: grades are reproducible. */
export const DEFAULT_SEED = 20240101;

/** A per-check seed: stable for a check, different between checks (FNV-1a over its identity). */
export function checkSeed(runSeed: number, ...identity: string[]): number {
  let h = 0x811c9dc5 ^ (runSeed >>> 0);
  for (const ch of identity.join('\u0000')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * A gradient check's seed (its random directions, its calls' Math.random): the same whatever the run's seed, because
 * the fixtures hold the reference solution's costs at its probe points (checks/gradient.ts), worked out once.
 */
export function gradientCheckSeed(assignmentId: string, exercise: string, check: string): number {
  return checkSeed(DEFAULT_SEED, assignmentId, exercise, check);
}
