import { hiddenSeedOffset } from './hidden-seed';
import { repoRoot } from './paths';
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

/**
 * A hidden check's seed (the random inputs of a property that compares with the reference solution): the run's
 * seed mixed with the grader edition's secret (hidden-seed.ts), so the learner edition, which ships the arbitraries
 * and the default seed, cannot draw the same inputs. Without the secret, the run's seed alone.
 */
export function hiddenCheckSeed(runSeed: number, ...identity: string[]): number {
  let secret = 0;
  try {
    secret = hiddenSeedOffset(repoRoot);
  } catch {
    // An edition without the secret has no reference solution either, so no hidden check runs there.
  }
  return checkSeed((runSeed ^ secret) >>> 0, ...identity);
}
