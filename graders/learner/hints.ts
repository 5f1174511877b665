/**
 * `npm run hint -- [week3] computeCost`: hints on request, in stages — (1) what
 * to compute, (2) the shapes, (3) a common mistake. Each call shows the next
 * stage; which stage a learner has seen is remembered in .deepgrade/hints.json
 * per assignment and function. The hints live next to the graders, in
 * graders/<id>.hints.json, checked by hints.schema.json and by validateHints.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { assignmentFiles, loadCourses } from '../engine/registry';
import { assertValid, validator } from '../engine/schemas/validate';
import { command, graderNames, LearnerError, resolveFunction, splitWords, wrap, type FunctionMatch, type LearnerIO } from './common';

export interface HintFile {
  assignment: string;
  hints: Record<string, string[]>;
}

/** What each stage is about, for the headline. */
const STAGES = ['what to compute', 'the shapes', 'a common mistake'];
const stageLabel = (i: number) => STAGES[i] ?? `hint ${i + 1}`;

export const HINT_USAGE = `Usage: npm run hint -- [where] <function> [--again | --reset]

  npm run hint -- computeCost          the next hint for computeCost (your current course first)
  npm run hint -- week3 computeCost    when several assignments have a computeCost
  npm run hint -- computeCost --again  the last hint again
  npm run hint -- computeCost --reset  start over from the first hint
  npm run hint -- --reset              forget every hint seen

  <where>  week3, course1/week4, course1, all, or an assignment id
  Hints come in stages: what to compute, the shapes, a common mistake.`;

/** graders/<id>.hints.json */
export function hintsFile(root: string, id: string): string {
  return path.join(root, 'graders', `${id}.hints.json`);
}

/** Reads and schema-checks an assignment's hints; errors name the file (and the JSON path). */
export function loadHints(root: string, id: string): HintFile {
  const file = hintsFile(root, id);
  const rel = path.relative(root, file);
  if (!existsSync(file)) throw new LearnerError(`${rel} is missing: there are no hints for ${id} yet. Read ${path.relative(root, assignmentFiles(root, id).instructions)}.`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new LearnerError(`${rel} is not valid JSON: ${(err as Error).message}`);
  }
  assertValid('hints', data, rel);
  const hints = data as HintFile;
  if (hints.assignment !== id) throw new LearnerError(`${rel}: "assignment" is "${hints.assignment}" but the file is ${id}'s.`);
  return hints;
}

// ---------------------------------------------------------------- validation

/**
 * Problems with an assignment's hint file, for `npm run validate`: a graded
 * function without hints, a name that is not one of the assignment's exercises,
 * fewer than 3 stages, an empty stage, a stage that quotes a line of the
 * reference solution. [] when all is well.
 */
export async function validateHints(root: string, id: string): Promise<string[]> {
  const file = hintsFile(root, id);
  const rel = path.relative(root, file);
  if (!existsSync(file)) return [`${rel} is missing: every assignment needs hints for its functions.`];
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return [`${rel} is not valid JSON: ${(err as Error).message}`];
  }
  const problems: string[] = [];
  const reported: string[] = [];
  const report = (jsonPath: string, text: string) => {
    reported.push(jsonPath);
    problems.push(`${rel} at ${jsonPath}: ${text}`);
  };

  const raw = (data ?? {}) as Partial<HintFile>;
  const hints = raw.hints && typeof raw.hints === 'object' && !Array.isArray(raw.hints) ? raw.hints : undefined;
  if (typeof raw.assignment === 'string' && raw.assignment !== id) report('/assignment', `is "${raw.assignment}", but this is ${id}'s file.`);
  if (hints) {
    const exercises = await graderNames(root, id);
    const secrets = solutionLines(root, id);
    for (const name of exercises) if (!(name in hints)) report(`/hints`, `no hints for ${name}, a graded function of ${id}.`);
    for (const [name, stages] of Object.entries(hints)) {
      const at = `/hints/${name}`;
      if (!exercises.includes(name)) {
        report(at, `${name} is not an exercise of ${id} (its exercises: ${exercises.join(', ')}).`);
        continue;
      }
      if (!Array.isArray(stages)) continue; // the schema says what it should be
      if (stages.length < 3) report(at, `${name} has ${stages.length} stage${stages.length === 1 ? '' : 's'}; it needs 3 (what to compute, the shapes, a common mistake).`);
      stages.forEach((stage, i) => {
        if (typeof stage !== 'string') return;
        if (!stage.trim()) return report(`${at}/${i}`, `stage ${i + 1} of ${name} is empty.`);
        const text = normalise(stage);
        const quoted = secrets.find((line) => text.includes(line));
        if (quoted) report(`${at}/${i}`, `stage ${i + 1} of ${name} quotes the reference solution: "${quoted}". Say it in words or math instead.`);
      });
    }
  }
  // Whatever else the schema finds, unless the checks above already said it.
  const validate = validator('hints');
  if (!validate(data)) {
    for (const e of validate.errors ?? []) {
      const at = e.instancePath || '(top level)';
      const said = reported.some((r) => (r === '/hints' ? at === r && e.keyword === 'minProperties' : at === r || at.startsWith(`${r}/`)));
      if (said) continue;
      problems.push(`${rel} at ${at}: ${e.message ?? 'is invalid'}`);
    }
  }
  return problems;
}

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The lines of the reference solution a hint must not quote: code lines (not
 * comments or imports) long enough to mean something, and the expression of a
 * `const … =` or `return …` line — unless the stub or the instructions already
 * say them (`np.random.seed(2)` is given, not a secret).
 */
export function solutionLines(root: string, id: string): string[] {
  const files = assignmentFiles(root, id);
  if (!existsSync(files.solution)) return [];
  const tidy = (line: string) =>
    normalise(line)
      .replace(/\s*\/\/.*$/, '')
      .replace(/[;,]+$/, '')
      .trim();
  const given = [files.exercise, files.instructions]
    .filter((f) => existsSync(f))
    .map((f) => normalise(readFileSync(f, 'utf8')))
    .join('\n');
  const out = new Set<string>();
  for (const raw of readFileSync(files.solution, 'utf8').split('\n')) {
    const line = tidy(raw);
    if (!line || /^(\/\/|\/\*|\*|import\b|export type\b|type\b)/.test(line)) continue;
    if (line.length >= 12 && /[(=[.]/.test(line) && !given.includes(line)) out.add(line);
    const value = /^(?:return\s+|(?:const|let|var)\s+[^=]+?=\s*)(.+)$/.exec(line)?.[1];
    if (value && value.length >= 20 && value.includes('(') && !given.includes(value)) out.add(value);
  }
  return [...out];
}

// ---------------------------------------------------------------- what the learner has seen

interface HintState {
  seen: Record<string, number>;
}

function stateFile(root: string): string {
  return path.join(root, '.deepgrade', 'hints.json');
}

function readState(io: LearnerIO): HintState {
  const file = stateFile(io.root);
  if (!existsSync(file)) return { seen: {} };
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as HintState;
    if (data && typeof data.seen === 'object' && data.seen && !Array.isArray(data.seen)) {
      const seen: Record<string, number> = {};
      for (const [k, v] of Object.entries(data.seen)) if (Number.isInteger(v) && v >= 0) seen[k] = v;
      return { seen };
    }
  } catch {
    // fall through
  }
  io.err(`${path.relative(io.root, file)} could not be read: starting the hints over.\n`);
  return { seen: {} };
}

function writeState(root: string, state: HintState): void {
  const file = stateFile(root);
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(tmp, file);
}

// ---------------------------------------------------------------- the command

/** Runs `npm run hint` with these arguments; resolves to the exit code. */
export async function runHint(argv: string[], io: LearnerIO): Promise<number> {
  try {
    return await hint(argv, io);
  } catch (err) {
    if (err instanceof LearnerError) {
      io.err(`${err.message}\n`);
      return err.exitCode;
    }
    io.err(`${(err as Error).message}\n`);
    return 1;
  }
}

async function hint(argv: string[], io: LearnerIO): Promise<number> {
  let values: { again?: boolean; reset?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { again: { type: 'boolean' }, reset: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (err) {
    throw new LearnerError(`${(err as Error).message}\n\n${HINT_USAGE}`, 2);
  }
  if (values.help) {
    io.out(`${HINT_USAGE}\n`);
    return 0;
  }
  if (values.again && values.reset) throw new LearnerError('--again and --reset do not go together: --reset starts over at the first hint.', 2);
  const { root } = io;
  if (values.reset && positionals.length === 0) {
    const state = readState(io);
    const n = Object.keys(state.seen).length;
    writeState(root, { seen: {} });
    io.out(n ? `Forgot the hints seen for ${n} function${n === 1 ? '' : 's'}: the next hint of each is the first.\n` : 'No hints seen yet: nothing to forget.\n');
    return 0;
  }
  const { selector, name } = splitWords(root, positionals, HINT_USAGE);
  const match = await resolveFunction(root, selector, name, (id) => graderNames(root, id), 'hint');
  const file = loadHints(root, match.id);
  const stages = file.hints[match.name];
  const instructions = path.relative(root, assignmentFiles(root, match.id).instructions);
  if (!stages || stages.length === 0) throw new LearnerError(`There are no hints for ${match.name} yet. Read ${instructions}.`);

  const key = `${match.id}/${match.name}`;
  const state = readState(io);
  const seen = Math.min(state.seen[key] ?? 0, stages.length);
  let show: number; // 0-based stage to show
  if (values.reset) show = 0;
  else if (values.again) show = Math.max(0, seen - 1);
  else if (seen >= stages.length) {
    io.out(
      `You have seen all ${stages.length} hints for ${match.name}.\n` +
        `Next, read the instructions:\n  ${instructions}\n` +
        `  ${command('hint', match, '--again')}   shows hint ${stages.length} again\n` +
        `  ${command('hint', match, '--reset')}   starts over\n`,
    );
    return 0;
  } else show = seen;

  state.seen[key] = values.reset ? 1 : Math.max(seen, show + 1);
  writeState(root, state);

  const title = loadCourses(root)
    .flatMap((c) => c.assignments)
    .find((a) => a.id === match.id)?.title;
  io.out(`${match.name} — hint ${show + 1} of ${stages.length}: ${stageLabel(show)}\n`);
  const where = title ? `${match.id}: ${title}` : match.id;
  io.out(`${where.length <= 80 ? where : match.id}\n\n`);
  io.out(`${wrap(stages[show]!)}\n\n`);
  io.out(`${footer(match, show, stages.length, instructions)}\n`);
  return 0;
}

function footer(match: FunctionMatch, shown: number, total: number, instructions: string): string {
  if (shown + 1 < total) return `Still stuck? ${command('hint', match)} shows hint ${shown + 2}: ${stageLabel(shown + 1)}.`;
  return `That was the last hint for ${match.name}. Next, read the instructions:\n  ${instructions}\n(${command('hint', match, '--reset')} starts the hints over.)`;
}
