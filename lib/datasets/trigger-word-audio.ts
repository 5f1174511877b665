/**
 * Synthetic "audio" for course 5, week 3's trigger-word data synthesis: the
 * course's recordings (backgrounds, "activate", other words) cannot be shipped,
 * so this generates stand-ins with a seeded numpy-compatible generator.
 *
 * One sample per millisecond (the course indexes pydub audio in ms), integer
 * values like 16-bit PCM: a background is low noise plus a slow hum; a clip is
 * a short tone burst under an envelope — "activate" clips a rising tone, the
 * negative words other pitches. Only lengths and sample values matter to the
 * exercise; nothing here is meant to sound like speech.
 */
import { RandomState } from '../np-random';

export interface TriggerWordAudio {
  /** Backgrounds of `totalMs` samples. */
  backgrounds: number[][];
  /** "activate" clips (positive examples), 300–900 ms. */
  activates: number[][];
  /** Other words (negative examples), 200–900 ms. */
  negatives: number[][];
}

function background(rs: RandomState, totalMs: number): number[] {
  const hum = 40 + 40 * rs.randomSample();
  const noise = rs.randn(totalMs);
  return noise.map((n, t) => Math.round(30 * n + hum * Math.sin((2 * Math.PI * t) / 20)));
}

function clip(rs: RandomState, ms: number, pitch: number, rising: boolean): number[] {
  const amp = 800 + 600 * rs.randomSample();
  const noise = rs.randn(ms);
  return noise.map((n, t) => {
    const envelope = Math.sin((Math.PI * t) / ms);
    const period = rising ? pitch * (1 - (0.5 * t) / ms) : pitch;
    return Math.round(amp * envelope * Math.sin((2 * Math.PI * t) / period) + 20 * n);
  });
}

/** The same clips for the same seed. */
export function triggerWordAudio({ totalMs = 10000, backgrounds = 2, activates = 5, negatives = 5, seed = 0 } = {}): TriggerWordAudio {
  const rs = new RandomState(seed);
  const lengths = (n: number, lo: number, hi: number) => rs.randint(lo, hi, n);
  return {
    backgrounds: Array.from({ length: backgrounds }, () => background(rs, totalMs)),
    activates: lengths(activates, 300, 900).map((ms) => clip(rs, ms, 6, true)),
    negatives: lengths(negatives, 200, 900).map((ms) => clip(rs, ms, 3 + rs.randint(0, 8, 1)[0]!, false)),
  };
}
