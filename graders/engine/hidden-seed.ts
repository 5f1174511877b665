import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Where the grader edition keeps the hidden cases' seed offset (never shipped in the learner edition: release.ts). */
export const HIDDEN_SEED_FILE = path.join('graders', 'hidden-seed.json');

/**
 * The offset hidden cases add to every `new Seeded(n)` (fixtures.ts). A secret of the grader edition: the learner
 * edition ships the case builders and the engine, so with the offset it would rebuild every hidden case's inputs.
 */
export function hiddenSeedOffset(root: string): number {
  const file = path.join(root, HIDDEN_SEED_FILE);
  if (!existsSync(file)) {
    throw new Error(`${HIDDEN_SEED_FILE} is missing: hidden cases are made only in the grader edition, which keeps their seed there.`);
  }
  let offset: unknown;
  try {
    offset = (JSON.parse(readFileSync(file, 'utf8')) as { offset?: unknown }).offset;
  } catch (err) {
    throw new Error(`${HIDDEN_SEED_FILE} is not valid JSON: ${(err as Error).message}`);
  }
  if (!Number.isSafeInteger(offset) || (offset as number) <= 0) throw new Error(`${HIDDEN_SEED_FILE}: "offset" should be a positive integer, but is ${JSON.stringify(offset)}.`);
  return offset as number;
}
