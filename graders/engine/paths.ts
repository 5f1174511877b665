import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root: graders/engine/ is two levels below it. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
