/**
 * A small generated corpus for word2vec (course 5, week 2) with a planted
 * co-occurrence structure: the vocabulary is split into topic groups, and every
 * sentence draws all its words from one group. Words of the same group then
 * share their contexts, so their learned embeddings should end up similar.
 *
 * Generated here (a seeded numpy-compatible stream) so the project may
 * redistribute it. Within a group, word j is drawn with weight 1/(j + 1): word
 * frequencies differ, which is what the ¾-power unigram distribution is for.
 */
import { RandomState } from '../np-random';

/** The topic groups: group g holds words g·wordsPerGroup … (g + 1)·wordsPerGroup − 1. */
const TOPICS = [
  ['apple', 'pear', 'plum', 'fig', 'lime', 'kiwi'],
  ['cat', 'dog', 'horse', 'goat', 'mouse', 'sheep'],
  ['red', 'blue', 'green', 'pink', 'grey', 'gold'],
  ['car', 'bus', 'train', 'bike', 'boat', 'tram'],
  ['piano', 'drum', 'flute', 'harp', 'cello', 'horn'],
] as const;

export interface PlantedCorpus {
  /** The text as word indices, sentences one after the other. */
  corpus: number[];
  /** The vocabulary: words[i] is the word of index i. */
  words: string[];
  /** groups[g] lists the indices of the words of topic g. */
  groups: number[][];
}

export interface PlantedCorpusOptions {
  /** Number of topic groups (at most 5). */
  groups?: number;
  /** Words per group (at most 6). */
  wordsPerGroup?: number;
  sentences?: number;
  sentenceLength?: number;
  seed?: number;
}

/** The same corpus for the same options. */
export function plantedCorpus({ groups = 3, wordsPerGroup = 4, sentences = 40, sentenceLength = 6, seed = 0 }: PlantedCorpusOptions = {}): PlantedCorpus {
  if (groups < 1 || groups > TOPICS.length || wordsPerGroup < 1 || wordsPerGroup > TOPICS[0].length) {
    throw new Error(`plantedCorpus(): 1–${TOPICS.length} groups of 1–${TOPICS[0].length} words`);
  }
  const rs = new RandomState(seed);
  const weights = Array.from({ length: wordsPerGroup }, (_, j) => 1 / (j + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const p = weights.map((w) => w / total);
  const corpus: number[] = [];
  for (let s = 0; s < sentences; s++) {
    const g = rs.choice(groups);
    for (let t = 0; t < sentenceLength; t++) corpus.push(g * wordsPerGroup + rs.choice(wordsPerGroup, { p }));
  }
  return {
    corpus,
    words: TOPICS.slice(0, groups).flatMap((topic) => topic.slice(0, wordsPerGroup)),
    groups: Array.from({ length: groups }, (_, g) => Array.from({ length: wordsPerGroup }, (_, j) => g * wordsPerGroup + j)),
  };
}

/** How often each of the vocabSize words occurs in the corpus. */
export function wordCounts(corpus: readonly number[], vocabSize: number): number[] {
  const counts = new Array<number>(vocabSize).fill(0);
  for (const w of corpus) counts[w]!++;
  return counts;
}
