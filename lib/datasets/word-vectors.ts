/**
 * A small set of 50-dimensional word vectors for course 5, week 2 ("operations
 * on word vectors"), standing in for the course's GloVe file (glove.6B.50d.txt),
 * which the project may not redistribute. The vectors are generated here from a
 * seeded numpy-compatible stream, with planted structure so that the course's
 * experiments behave as they do on GloVe:
 *
 * - a gender direction: woman/man, girl/boy, queen/king… differ by it, and
 *   names and some occupations lean one way or the other (the bias that
 *   neutralize and equalize remove);
 * - relations shared by many pairs: country → capital, country → nationality,
 *   adjective → comparative, so analogies such as italy : italian :: spain : ?
 *   have an answer;
 * - a direction every word shares a little of (GloVe vectors are not centred),
 *   and noise of its own for every word.
 *
 * Use: `const { words, wordToVecMap } = readWordVectors();` (the course's
 * `words, word_to_vec_map = read_glove_vecs('data/glove.6B.50d.txt')`).
 */
import * as tf from '@tensorflow/tfjs';
import { RandomState } from '../np-random';

export const WORD_VECTOR_DIM = 50;

/** The semantic directions the words are built from, in the order they are drawn. */
const AXES = [
  'common', 'gender', 'person', 'royalty', 'family', 'young', 'old', 'arts', 'job', 'place', 'country',
  'capital', 'nationality', 'comparative', 'name', 'science', 'nature', 'animal', 'sport', 'fashion', 'violence',
] as const;
type Axis = (typeof AXES)[number];
type Mix = Partial<Record<Axis, number>>;

/** Gender pairs [male, female] and what they share. */
const GENDER_PAIRS: [string, string, Mix][] = [
  ['man', 'woman', { person: 2, old: 0.3 }],
  ['boy', 'girl', { person: 2, young: 1.5 }],
  ['king', 'queen', { person: 1.2, royalty: 2.5 }],
  ['prince', 'princess', { royalty: 2.2, young: 0.8 }],
  ['father', 'mother', { person: 1.2, family: 2.2, old: 0.4 }],
  ['son', 'daughter', { family: 2.2, young: 1 }],
  ['brother', 'sister', { family: 2.2 }],
  ['husband', 'wife', { family: 1.8, person: 0.6 }],
  ['uncle', 'aunt', { family: 1.8, old: 0.5 }],
  ['grandfather', 'grandmother', { family: 1.8, old: 1.6 }],
  ['actor', 'actress', { arts: 2, job: 1.4 }],
  ['he', 'she', { person: 1.3 }],
];
/** Half the gap between the two words of a gender pair, along the gender direction. */
const GENDER_GAP = 1.5;

/** [country, capital, nationality]. */
const COUNTRIES: [string, string, string][] = [
  ['italy', 'rome', 'italian'],
  ['france', 'paris', 'french'],
  ['spain', 'madrid', 'spanish'],
  ['germany', 'berlin', 'german'],
  ['japan', 'tokyo', 'japanese'],
  ['china', 'beijing', 'chinese'],
  ['india', 'delhi', 'indian'],
  ['egypt', 'cairo', 'egyptian'],
  ['russia', 'moscow', 'russian'],
  ['kenya', 'nairobi', 'kenyan'],
  ['greece', 'athens', 'greek'],
  ['portugal', 'lisbon', 'portuguese'],
];

const COMPARATIVES: [string, string][] = [
  ['small', 'smaller'], ['large', 'larger'], ['big', 'bigger'], ['tall', 'taller'],
  ['fast', 'faster'], ['strong', 'stronger'], ['cheap', 'cheaper'], ['warm', 'warmer'],
];

/** Words with a lean along the gender direction (positive: towards woman), and what else they are. */
const LEANING: [string, number, Mix][] = [
  ['john', -1.1, { name: 2.4 }],
  ['marie', 1.2, { name: 2.4 }],
  ['sophie', 1.1, { name: 2.4 }],
  ['ronaldo', -1.2, { name: 2.2, sport: 1 }],
  ['priya', 0.9, { name: 2.4 }],
  ['rahul', -0.9, { name: 2.4 }],
  ['danielle', 1.0, { name: 2.4 }],
  ['reza', -0.8, { name: 2.4 }],
  ['katy', 1.3, { name: 2.4 }],
  ['yasmin', 1.0, { name: 2.4 }],
  ['lipstick', 1.0, { fashion: 2.2 }],
  ['guns', -0.7, { violence: 2.4 }],
  ['science', -0.25, { science: 2.6 }],
  ['arts', 0.25, { arts: 2.6 }],
  ['literature', 0.3, { arts: 2.2 }],
  ['warrior', -0.8, { violence: 2, person: 0.8 }],
  ['doctor', 0.1, { job: 2, science: 1 }],
  ['tree', -0.05, { nature: 2.6 }],
  ['receptionist', 0.7, { job: 2.4 }],
  ['technology', -0.4, { science: 2.4 }],
  ['fashion', 0.7, { fashion: 2.6 }],
  ['teacher', 0.4, { job: 2.2 }],
  ['engineer', -0.6, { job: 2, science: 1.2 }],
  ['pilot', -0.4, { job: 2.2 }],
  ['computer', -0.35, { science: 2.2 }],
  ['singer', 0.35, { arts: 1.8, job: 1 }],
  ['nurse', 0.9, { job: 2.2, science: 0.5 }],
  ['homemaker', 0.9, { job: 1.6, family: 0.8 }],
  ['programmer', -0.5, { job: 1.8, science: 1.4 }],
  ['babysit', 0.6, { family: 1.2, young: 1 }],
];

/** Words with no planted lean. */
const NEUTRAL: [string, Mix][] = [
  ['ball', { sport: 2.4 }],
  ['football', { sport: 2.6 }],
  ['crocodile', { animal: 2.6, nature: 0.8 }],
  ['lion', { animal: 2.6, royalty: 0.4 }],
  ['horse', { animal: 2.4, sport: 0.5 }],
  ['river', { nature: 2.4, place: 0.6 }],
  ['mountain', { nature: 2.4, place: 0.6 }],
  ['apple', { nature: 1.6 }],
  ['orange', { nature: 1.5 }],
  ['music', { arts: 2.4 }],
  ['city', { place: 2.4, capital: 0.8 }],
  ['country', { place: 2.2, country: 1.2 }],
];

/** Scales of the noise each word gets of its own (GloVe-like norms of about 4 to 6 overall). */
const OWN_NOISE = 0.12;
const GROUP_NOISE = 0.3;

let table: Record<string, number[]> | undefined;

/** Every word's vector as a plain array (generated once, always the same). */
export function wordVectorTable(): Record<string, number[]> {
  if (table) return table;
  const rs = new RandomState(2017);
  const unit = (): number[] => {
    const v = rs.randn(WORD_VECTOR_DIM);
    const n = Math.hypot(...v);
    return v.map((x) => x / n);
  };
  // Orthogonal directions (Gram–Schmidt), so that a word's lean along one is not also a lean along another.
  const drawn: number[][] = [];
  for (let k = 0; k < AXES.length; k++) {
    let v = unit();
    for (const d of drawn) {
      const p = v.reduce((s, x, i) => s + x * d[i]!, 0);
      v = v.map((x, i) => x - p * d[i]!);
    }
    const n = Math.hypot(...v);
    drawn.push(v.map((x) => x / n));
  }
  const axes = Object.fromEntries(AXES.map((a, k) => [a, drawn[k]!])) as Record<Axis, number[]>;
  const noise = (scale: number) => rs.randn(WORD_VECTOR_DIM).map((x) => x * scale);
  const add = (...vs: number[][]) => vs.reduce((acc, v) => acc.map((x, i) => x + v[i]!));
  const mix = (m: Mix): number[] => add(new Array<number>(WORD_VECTOR_DIM).fill(0), ...Object.entries(m).map(([a, w]) => axes[a as Axis].map((x) => x * w!)));
  const along = (a: Axis, w: number) => axes[a].map((x) => x * w);
  const common = along('common', 1.6);

  const out: Record<string, number[]> = {};
  for (const [male, female, shared] of GENDER_PAIRS) {
    const base = add(common, mix(shared), noise(GROUP_NOISE));
    out[male] = add(base, along('gender', -GENDER_GAP), noise(OWN_NOISE));
    out[female] = add(base, along('gender', GENDER_GAP), noise(OWN_NOISE));
  }
  for (const [country, capital, nationality] of COUNTRIES) {
    const identity = noise(GROUP_NOISE);
    out[country] = add(common, mix({ place: 1.6, country: 2 }), identity, noise(OWN_NOISE));
    out[capital] = add(common, mix({ place: 1.6, capital: 2 }), identity, noise(OWN_NOISE));
    out[nationality] = add(common, mix({ nationality: 2.2, person: 0.5 }), identity, noise(OWN_NOISE));
  }
  for (const [plain, more] of COMPARATIVES) {
    const base = add(common, noise(GROUP_NOISE * 3));
    out[plain] = add(base, noise(OWN_NOISE));
    out[more] = add(base, along('comparative', 2), noise(OWN_NOISE));
  }
  for (const [word, lean, m] of LEANING) out[word] = add(common, mix(m), along('gender', lean), noise(OWN_NOISE * 1.5));
  for (const [word, m] of NEUTRAL) out[word] = add(common, mix(m), noise(OWN_NOISE * 1.5));
  // float32, as the tensors will hold them: the plain and the tensor forms agree exactly.
  table = Object.fromEntries(Object.entries(out).map(([w, v]) => [w, v.map((x) => Math.fround(x))]));
  return table;
}

/** The words and their vectors as 1-D tensors `[50]` (the course's `read_glove_vecs`). */
export function readWordVectors(): { words: string[]; wordToVecMap: Record<string, tf.Tensor1D> } {
  const t = wordVectorTable();
  const words = Object.keys(t);
  return { words, wordToVecMap: Object.fromEntries(words.map((w) => [w, tf.tensor1d(t[w]!)])) };
}
