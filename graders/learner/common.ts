/**
 * What the three learner commands (hint, reset, progress) share: how they talk
 * to the terminal, and how "week3 computeCost" becomes one function of one
 * assignment.
 */
import { currentCourse, loadCourses, loadGrader, selectAssignments, SelectorError } from '../engine/registry';
import { didYouMean } from '../engine/suggest';
import { isQuiz } from '../engine/quiz/load';

/** Where a learner command runs and how it talks: the CLIs pass the real process, tests their own. */
export interface LearnerIO {
  root: string;
  out: (text: string) => void;
  err: (text: string) => void;
  /** ANSI colours (progress only): a TTY with NO_COLOR unset. */
  color?: boolean;
  /** stdin and stdout are terminals: a question can be asked and answered. */
  interactive?: boolean;
  /** Asks a question and resolves to the answer line (only called when interactive). */
  ask?: (question: string) => Promise<string>;
  now?: () => Date;
}

/** A failed command: the message for stderr and the exit code (2: the learner typed something unknown). */
export class LearnerError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'LearnerError';
  }
}

export interface FunctionMatch {
  id: string;
  title: string;
  name: string;
  /** The shortest selector that names this function unambiguously ("" when the name alone does). */
  selector: string;
}

/** Colours for a terminal that wants them, identity otherwise. */
export function useColor(stream: { isTTY?: boolean }): boolean {
  return !!stream.isTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
}

export function paint(on: boolean | undefined, code: number, text: string): string {
  return on ? `\u001b[${code}m${text}\u001b[0m` : text;
}

/**
 * Wraps prose at `width` columns, every line indented by `indent`; blank lines separate paragraphs. Markdown
 * table rows (lines starting with |) are kept as they are, one per line.
 */
export function wrap(text: string, width = 78, indent = '  '): string {
  const out: string[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    let line = '';
    const flush = () => {
      if (line) out.push(indent + line);
      line = '';
    };
    for (const source of paragraph.split('\n')) {
      if (source.trimStart().startsWith('|')) {
        flush();
        out.push(indent + source.trim());
        continue;
      }
      for (const word of source.split(/\s+/).filter(Boolean)) {
        if (line && indent.length + line.length + 1 + word.length > width) {
          out.push(indent + line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
    }
    flush();
    out.push('');
  }
  out.pop();
  return out.join('\n');
}

/** "week3 computeCost" → { selector: "week3", name: "computeCost" }; a lone word is the name. */
export function splitWords(root: string, words: string[], usage: string): { selector?: string; name: string } {
  if (words.length === 1) return { name: words[0]! };
  if (words.length === 2) {
    const [a, b] = words as [string, string];
    // "computeCost week3" is read the way it was meant.
    if (!isSelector(root, a) && isSelector(root, b)) return { selector: b, name: a };
    return { selector: a, name: b };
  }
  throw new LearnerError(words.length === 0 ? usage : `Too many words: ${words.join(' ')}\n\n${usage}`, 2);
}

function isSelector(root: string, s: string): boolean {
  try {
    return selectAssignments(root, s).length > 0;
  } catch {
    return false;
  }
}

/** The assignments of the learner's current course, or [] when it has none. */
function currentAssignments(root: string): { id: string; title: string }[] {
  try {
    return selectAssignments(root, currentCourse(root));
  } catch (err) {
    if (err instanceof SelectorError) return [];
    throw err;
  }
}

/** The exercises a grader grades, by function name. */
export async function graderNames(root: string, id: string): Promise<string[]> {
  // A quiz's questions are not functions: they have feedback (npm run grade), not hints or stubs.
  if (isQuiz(root, id)) return [];
  return (await loadGrader(root, id)).exercises.map((e) => e.name);
}

/**
 * Finds the one function `name` of the assignments `selector` picks; without a
 * selector, in the current course first, then in every course. Unknown names get
 * a "did you mean"; a name several assignments use asks which one (exit 2).
 */
export async function resolveFunction(
  root: string,
  selector: string | undefined,
  name: string,
  namesOf: (id: string) => Promise<string[]>,
  command: string,
): Promise<FunctionMatch> {
  const all = loadCourses(root).flatMap((c) => c.assignments);
  let scope: { id: string; title: string }[];
  if (selector !== undefined) {
    try {
      scope = selectAssignments(root, selector);
    } catch (err) {
      if (err instanceof SelectorError) throw new LearnerError(err.message, 2);
      throw err;
    }
  } else scope = currentAssignments(root);

  const names = new Map<string, string[]>();
  const namesFor = async (id: string) => {
    if (!names.has(id)) names.set(id, await namesOf(id));
    return names.get(id)!;
  };
  const matchesIn = async (list: { id: string; title: string }[]) => {
    const found: { id: string; title: string }[] = [];
    for (const a of list) if ((await namesFor(a.id)).includes(name)) found.push(a);
    return found;
  };

  let matches = await matchesIn(scope);
  if (matches.length === 0 && selector === undefined) {
    scope = all;
    matches = await matchesIn(all);
  }
  if (matches.length === 1) {
    const m = matches[0]!;
    return { ...m, name, selector: await shortestSelector(root, m.id, name, namesFor) };
  }
  if (matches.length > 1) {
    const lines = [];
    for (const m of matches) lines.push(`  ${m.title}:\n    npm run ${command} -- ${(await shortestSelector(root, m.id, name, namesFor)) || m.id} ${name}`);
    throw new LearnerError(`${name} is a function of ${matches.length} assignments. Say which one:\n${lines.join('\n')}`, 2);
  }

  // Unknown here: a near name, or the assignments that do have it.
  const candidates = [...new Set((await Promise.all(scope.map((a) => namesFor(a.id)))).flat())];
  if (selector === undefined && isSelector(root, name)) {
    const own = [...new Set((await Promise.all(selectAssignments(root, name).map((a) => namesFor(a.id)))).flat())];
    throw new LearnerError(`${name} names assignments, not a function. The functions of ${name}:\n${wrap(own.join(', '))}\nFor example: npm run ${command} -- ${name} ${own[0] ?? '<function>'}`, 2);
  }
  const guess = didYouMean(name, candidates);
  let message = `There is no function ${name} in ${selector ?? 'any assignment'}.`;
  if (guess) message += ` Did you mean ${guess}?`;
  const elsewhere = selector === undefined ? [] : await matchesIn(all);
  if (elsewhere.length) message += `\n${name} is in ${elsewhere.map((a) => a.id).join(', ')}.`;
  else if (!guess && selector !== undefined && candidates.length) message += `\nThe functions of ${selector} are:\n${wrap(candidates.join(', '))}`;
  throw new LearnerError(message, 2);
}

/** The shortest way to name `name` of assignment `id` on a command line ("" when the name alone does). */
export async function selectorFor(root: string, id: string, name: string): Promise<string> {
  return shortestSelector(root, id, name, (a) => graderNames(root, a));
}

/** "week3" when that names the function within the current course, else "course1/week4", else the id; "" when the name alone is enough. */
async function shortestSelector(root: string, id: string, name: string, namesFor: (id: string) => Promise<string[]>): Promise<string> {
  const all = loadCourses(root).flatMap((c) => c.assignments);
  const holders = async (list: { id: string }[]) => {
    const found = [];
    for (const a of list) if ((await namesFor(a.id)).includes(name)) found.push(a.id);
    return found;
  };
  const current = currentCourse(root);
  const [course, week] = id.split('/') as [string, string];
  const inCurrent = await holders(currentAssignments(root));
  // The bare name resolves the same way resolveFunction does: current course first, then everywhere.
  if (inCurrent.length === 1 && inCurrent[0] === id) return '';
  if (inCurrent.length === 0 && (await holders(all)).length === 1) return '';
  if (course === current && (await holders(all.filter((a) => a.id.startsWith(`${course}/${week}/`)))).length === 1) return week;
  if ((await holders(all.filter((a) => a.id.startsWith(`${course}/${week}/`)))).length === 1) return `${course}/${week}`;
  return id;
}

/** "npm run hint -- week3 computeCost" */
export function command(name: string, match: FunctionMatch, ...extra: string[]): string {
  return ['npm run', name, '--', match.selector, match.name, ...extra].filter(Boolean).join(' ');
}

/**
 * The real terminal, for the CLIs: stdout and stderr, colours when stdout is a
 * TTY and NO_COLOR is unset, questions only when both stdin and stdout are
 * terminals. A reader that stops early (`| head`) is not an error.
 */
export async function runCli(root: string, argv: string[], run: (argv: string[], io: LearnerIO) => Promise<number>): Promise<void> {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  const interactive = !!process.stdin.isTTY && !!process.stdout.isTTY;
  const io: LearnerIO = {
    root,
    out: (s) => void process.stdout.write(s),
    err: (s) => void process.stderr.write(s),
    color: useColor(process.stdout),
    interactive,
    ask: async (question) => {
      const { createInterface } = await import('node:readline/promises');
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      try {
        return await rl.question(question);
      } finally {
        rl.close();
      }
    },
  };
  process.exitCode = await run(argv, io);
}
