/**
 * Human-readable dates and their ISO form, for the neural machine translation
 * assignment (course 5, week 3, "attention"). The course draws them with the
 * Faker and Babel libraries; here a seeded numpy-compatible generator picks a
 * day between 1950 and 2029 and one of a dozen formats, so the project can
 * ship and regenerate the data. Every human date is lower case, without commas.
 */
import { RandomState } from '../np-random';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

interface Day {
  year: number;
  month: number; // 1 … 12
  day: number; // 1 … 31
  weekday: number; // 0 = sunday
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const short = (name: string) => name.slice(0, 3);

/** The formats, as functions of a day ("3 may 1979", "05/03/79", "tuesday march 3 1979", …). */
export const DATE_FORMATS: readonly ((d: Day) => string)[] = [
  (d) => `${d.day} ${MONTHS[d.month - 1]} ${d.year}`,
  (d) => `${d.day} ${short(MONTHS[d.month - 1]!)} ${d.year}`,
  (d) => `${pad2(d.day)} ${short(MONTHS[d.month - 1]!)} ${d.year}`,
  (d) => `${pad2(d.day)}/${pad2(d.month)}/${pad2(d.year % 100)}`,
  (d) => `${pad2(d.day)}.${pad2(d.month)}.${pad2(d.year % 100)}`,
  (d) => `${pad2(d.day)}/${pad2(d.month)}/${d.year}`,
  (d) => `${d.month}/${d.day}/${pad2(d.year % 100)}`,
  (d) => `${MONTHS[d.month - 1]} ${d.day} ${d.year}`,
  (d) => `${short(MONTHS[d.month - 1]!)} ${d.day} ${d.year}`,
  (d) => `${WEEKDAYS[d.weekday]} ${MONTHS[d.month - 1]} ${d.day} ${d.year}`,
  (d) => `${WEEKDAYS[d.weekday]} ${d.day} ${MONTHS[d.month - 1]} ${d.year}`,
  (d) => `${d.year}.${pad2(d.month)}.${pad2(d.day)}`,
];

/** Every character a human date can hold, sorted: the human vocabulary before '<unk>' and '<pad>'. */
export const HUMAN_CHARACTERS: readonly string[] = [...new Set([' ', '.', '/', ...'0123456789', ...MONTHS.join(''), ...WEEKDAYS.join('')])].sort();

/** The machine vocabulary's characters, sorted: '-' and the digits. */
export const MACHINE_CHARACTERS: readonly string[] = ['-', ...'0123456789'];

const FIRST = Date.UTC(1950, 0, 1);
const DAYS = Math.round((Date.UTC(2030, 0, 1) - FIRST) / 86_400_000);

/** One random day of 1950–2029 and one format, drawn from `rs`. */
function randomDate(rs: RandomState): [human: string, machine: string] {
  const t = new Date(FIRST + Math.floor(rs.randomSample() * DAYS) * 86_400_000);
  const day: Day = { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate(), weekday: t.getUTCDay() };
  const format = DATE_FORMATS[Math.floor(rs.randomSample() * DATE_FORMATS.length)]!;
  return [format(day), `${day.year}-${pad2(day.month)}-${pad2(day.day)}`];
}

/** `m` pairs [human readable, ISO "yyyy-mm-dd"], the same for the same seed. */
export function datePairs(m: number, seed = 0): [string, string][] {
  const rs = new RandomState(seed);
  return Array.from({ length: m }, () => randomDate(rs));
}

/**
 * Like the course's load_dataset(m): the pairs and the vocabularies. humanVocab
 * maps each human character to its index, then '<unk>' and '<pad>';
 * machineVocab maps '-' and the digits to 0 … 10; invMachineVocab the reverse.
 */
export function loadDataset(
  m: number,
  seed = 0,
): { dataset: [string, string][]; humanVocab: Record<string, number>; machineVocab: Record<string, number>; invMachineVocab: Record<number, string> } {
  const human = [...HUMAN_CHARACTERS, '<unk>', '<pad>'];
  return {
    dataset: datePairs(m, seed),
    humanVocab: Object.fromEntries(human.map((c, i) => [c, i])),
    machineVocab: Object.fromEntries(MACHINE_CHARACTERS.map((c, i) => [c, i])),
    invMachineVocab: Object.fromEntries(MACHINE_CHARACTERS.map((c, i) => [i, c])),
  };
}
