/**
 * Grades a class with Node's permission model only (no namespaces), in a process of its own: isolation is
 * detected once per process, and the test that starts this one runs under namespaces.
 *
 *   DEEPGRADE_ISOLATION=none node --import tsx tests/support/grade-unisolated.ts <root> <submissions> <out>
 *
 * Prints `{ isolation, rows }` as JSON on stdout.
 */
import { gradeClass } from '../../graders/batch/batch';
import { loadGrader } from '../../graders/engine/registry';

const [root, submissions, out] = process.argv.slice(2);
if (!root || !submissions || !out) throw new Error('usage: grade-unisolated.ts <root> <submissions> <out>');
const def = await loadGrader(root, 'course1/week3/planar-classification');
const result = await gradeClass({ root, defs: [def], submissions, out, seed: 1, hidden: false, workers: 1, budgetSeconds: 60, allowUnisolated: true });
process.stdout.write(JSON.stringify({ isolation: result.isolation, rows: result.rows }));
