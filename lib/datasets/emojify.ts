/**
 * A small labelled set of short sentences and a small set of word vectors for
 * the Emojify assignment (course 5, week 2), written for this project in place
 * of the course's emoji data and GloVe vectors, which cannot be shipped.
 *
 * Five classes, as the course's: 0 ❤️ (love), 1 ⚾ (sports), 2 😄 (happy),
 * 3 😞 (sad), 4 🍴 (food). The vectors are generated from a seeded numpy-compatible
 * stream: each class has a random direction, and the words of that class are
 * that direction plus a little noise; the other words are noise only. So an
 * average of a sentence's vectors points, roughly, towards its class.
 */
import { RandomState } from '../np-random';

export const EMOJIS = ['❤️', '⚾', '😄', '😞', '🍴'] as const;

/** The words that carry each class, in class order. */
export const CLASS_WORDS: readonly (readonly string[])[] = [
  ['love', 'adore', 'heart', 'hug', 'kiss', 'darling', 'cherish', 'sweetheart', 'valentine', 'dear'],
  ['baseball', 'ball', 'game', 'play', 'team', 'pitch', 'bat', 'score', 'match', 'inning'],
  ['happy', 'glad', 'smile', 'laugh', 'joy', 'great', 'fun', 'funny', 'awesome', 'yay'],
  ['sad', 'cry', 'lonely', 'upset', 'awful', 'terrible', 'hurt', 'tears', 'gloomy', 'lost'],
  ['eat', 'food', 'dinner', 'lunch', 'hungry', 'pizza', 'cook', 'breakfast', 'snack', 'delicious'],
];

/** Words that say nothing about the class. */
export const NEUTRAL_WORDS: readonly string[] = [
  'i', 'you', 'we', 'me', 'my', 'your', 'the', 'a', 'is', 'am', 'are', 'so', 'very', 'this', 'it', 'to', 'let', 'us',
  'go', 'have', 'for', 'want', 'was', 'today', 'really', 'what', 'with', 'at', 'some', 'our', 'lets', 'she', 'he', 'feel',
  'time', 'tonight', 'after', 'work', 'again', 'all', 'day', 'make', 'do', 'not', 'such', 'him', 'her', 'made', 'give',
  'much', 'won', 'hit', 'last',
];

/** [sentence, label] pairs: the training set. Mixed case on purpose: words are looked up lower-cased. */
export const TRAIN: readonly (readonly [string, number])[] = [
  ['I love you', 0], ['you are my darling', 0], ['I adore my sweetheart', 0], ['give me a hug', 0],
  ['I cherish you dear', 0], ['a kiss for my valentine', 0], ['you have my heart', 0], ['Love you so very much', 0],
  ['lets play baseball', 1], ['we won the game', 1], ['he hit the ball with the bat', 1], ['what a great pitch', 1],
  ['our team made the score', 1], ['the match is tonight', 1], ['Lets play ball', 1], ['the last inning was fun', 1],
  ['I am so happy', 2], ['she made me laugh', 2], ['what a fun day', 2], ['I feel glad today', 2],
  ['you make me smile', 2], ['this is awesome', 2], ['such joy', 2], ['Yay it is funny', 2],
  ['I am sad', 3], ['she made me cry', 3], ['I feel lonely', 3], ['this is awful', 3],
  ['he is upset again', 3], ['I lost it all', 3], ['my heart is hurt', 3], ['Tears all day', 3],
  ['I want to eat', 4], ['lets have dinner', 4], ['I am hungry', 4], ['pizza for lunch', 4],
  ['we cook breakfast', 4], ['some food after work', 4], ['a snack tonight', 4], ['this is Delicious', 4],
];

/** The test set: sentences not in the training set. */
export const TEST: readonly (readonly [string, number])[] = [
  ['I love my valentine', 0], ['hug me darling', 0], ['you are dear to me', 0],
  ['we play baseball today', 1], ['the team won the match', 1], ['what a bat', 1],
  ['I laugh all day', 2], ['so glad for you', 2], ['yay lets smile', 2],
  ['I cry all day', 3], ['such a terrible day', 3], ['I feel so gloomy', 3],
  ['lunch is delicious', 4], ['lets eat pizza', 4], ['I want some food', 4],
];

/** The vocabulary, sorted, each word once. */
export function emojifyVocabulary(): string[] {
  return [...new Set([...CLASS_WORDS.flat(), ...NEUTRAL_WORDS])].sort();
}

/** Standard normal vector of length n, scaled. */
function randn(rs: RandomState, n: number, scale: number): number[] {
  return rs.randn(n).map((x) => x * scale);
}

/**
 * word → vector of length `dim`, the same for the same seed. A class word is
 * its class's direction (unit length, times a strength in [0.8, 1.2]) plus
 * noise of norm about 0.3; a neutral word is noise of norm about 0.5.
 */
export function emojifyWordVectors(dim = 20, seed = 1): Record<string, number[]> {
  const rs = new RandomState(seed);
  const directions = CLASS_WORDS.map(() => {
    const d = rs.randn(dim);
    const norm = Math.hypot(...d);
    return d.map((x) => x / norm);
  });
  const classOf = new Map<string, number>();
  CLASS_WORDS.forEach((words, k) => words.forEach((w) => classOf.set(w, k)));
  const vectors: Record<string, number[]> = {};
  for (const word of emojifyVocabulary()) {
    const k = classOf.get(word);
    if (k === undefined) {
      vectors[word] = randn(rs, dim, 0.5 / Math.sqrt(dim));
    } else {
      const strength = 0.8 + 0.4 * rs.randomSample();
      const noise = randn(rs, dim, 0.3 / Math.sqrt(dim));
      vectors[word] = directions[k]!.map((x, i) => strength * x + noise[i]!);
    }
  }
  return vectors;
}

/** The course's read_glove_vecs: words (sorted), wordToIndex (1-based: 0 is padding), indexToWord, wordToVecMap. */
export function readEmojifyVectors(dim = 20, seed = 1): {
  words: string[];
  wordToIndex: Record<string, number>;
  indexToWord: Record<number, string>;
  wordToVecMap: Record<string, number[]>;
} {
  const wordToVecMap = emojifyWordVectors(dim, seed);
  const words = Object.keys(wordToVecMap).sort();
  return {
    words,
    wordToIndex: Object.fromEntries(words.map((w, i) => [w, i + 1])),
    indexToWord: Object.fromEntries(words.map((w, i) => [i + 1, w])),
    wordToVecMap,
  };
}

/** The course's read_csv: sentences and labels, as [X, Y]. */
export function emojifySet(which: 'train' | 'test'): [X: string[], Y: number[]] {
  const rows = which === 'train' ? TRAIN : TEST;
  return [rows.map((r) => r[0]), rows.map((r) => r[1])];
}

/** The course's label_to_emoji. */
export function labelToEmoji(label: number): string {
  return EMOJIS[label] ?? '?';
}
