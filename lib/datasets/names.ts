/**
 * A small corpus of made-up dinosaur-like names for the character-level
 * language model (course 5, week 1, "dinosaur island"), generated here so the
 * project may redistribute it: syllables and endings drawn from a seeded
 * numpy-compatible generator. Lower-case a–z only; one name per line.
 */
import { RandomState } from '../np-random';

const ONSETS = ['a', 'al', 'an', 'ar', 'ba', 'bra', 'ca', 'cer', 'co', 'da', 'di', 'do', 'dra', 'e', 'ga', 'gi', 'he', 'hy', 'i', 'ka', 'kry', 'la', 'li', 'lo', 'ma', 'me', 'mi', 'no', 'o', 'pa', 'pe', 'pro', 'pte', 'qua', 'ra', 're', 'sa', 'se', 'spi', 'ste', 'ta', 'te', 'ti', 'tri', 'tyr', 'u', 've', 'xe', 'ya', 'ze'];
const MIDDLES = ['', '', 'an', 'ba', 'ce', 'da', 'go', 'la', 'lo', 'ma', 'mi', 'na', 'no', 'pha', 'ra', 'ri', 'ro', 'sa', 'ta', 'to', 'ty', 'vi', 'xo', 'zi'];
const ENDINGS = ['saurus', 'saurus', 'saurus', 'don', 'odon', 'raptor', 'ceratops', 'tops', 'mimus', 'nyx', 'venator', 'titan', 'pteryx', 'suchus', 'lophus', 'nychus', 'ops', 'rex', 'ia', 'osaurus'];

/** `count` distinct names, the same for the same `seed`. */
export function dinosaurNames(count = 400, seed = 0): string[] {
  const rs = new RandomState(seed);
  const names = new Set<string>();
  while (names.size < count) {
    const parts = [rs.choice(ONSETS), rs.choice(MIDDLES)];
    if (rs.randomSample() < 0.3) parts.push(rs.choice(MIDDLES));
    parts.push(rs.choice(ENDINGS));
    names.add(parts.join('').replace(/([aeiouy])\1+/g, '$1'));
  }
  return [...names];
}

/** The corpus as one text, a name per line (like the course's dinos.txt). */
export function dinosaurText(count = 400, seed = 0): string {
  return dinosaurNames(count, seed).join('\n') + '\n';
}

/** The course's vocabulary: '\n' (index 0) then a–z (1–26), as charToIx and ixToChar. */
export function characterMaps(): { charToIx: Record<string, number>; ixToChar: Record<number, string> } {
  const chars = ['\n', ...'abcdefghijklmnopqrstuvwxyz'];
  return {
    charToIx: Object.fromEntries(chars.map((c, i) => [c, i])),
    ixToChar: Object.fromEntries(chars.map((c, i) => [i, c])),
  };
}
