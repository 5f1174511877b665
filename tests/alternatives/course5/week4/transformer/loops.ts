/**
 * Correct alternative, course style: tensors read with arraySync()/dataSync(),
 * angles, masks, attention, multi-head attention, layer normalization and the
 * feed-forward network written as plain JavaScript loops (float64); results
 * rebuilt with tf.tensor.
 */
import * as tf from '@tensorflow/tfjs';
import type { MhaWeights } from '../../../../../lib/transformer-attention';
import type { EncoderOptions, EncoderWeights } from '../../../../../solutions/course5/week4/transformer';

export function getAngles(pos: tf.Tensor, k: tf.Tensor, d: number): tf.Tensor {
  const P = Array.from(pos.dataSync());
  const K = Array.from(k.dataSync());
  const out: number[][] = [];
  for (const p of P) {
    const row: number[] = [];
    for (const kk of K) row.push(p / Math.pow(10000, (2 * Math.floor(kk / 2)) / d));
    out.push(row);
  }
  return tf.tensor2d(out, [P.length, K.length]);
}

export function positionalEncoding(positions: number, d: number): tf.Tensor3D {
  const pe: number[][] = [];
  for (let p = 0; p < positions; p++) {
    const row: number[] = [];
    for (let k = 0; k < d; k++) {
      const angle = p / Math.pow(10000, (2 * Math.floor(k / 2)) / d);
      row.push(k % 2 === 0 ? Math.sin(angle) : Math.cos(angle));
    }
    pe.push(row);
  }
  return tf.tensor3d([pe], [1, positions, d]);
}

export function createPaddingMask(decoderTokenIds: tf.Tensor2D): tf.Tensor3D {
  const ids = decoderTokenIds.arraySync();
  const out = ids.map((row) => [row.map((t) => (t === 0 ? 0 : 1))]);
  return tf.tensor3d(out, [ids.length, 1, decoderTokenIds.shape[1]], 'float32');
}

export function createLookAheadMask(sequenceLength: number): tf.Tensor3D {
  const rows: number[][] = [];
  for (let i = 0; i < sequenceLength; i++) {
    const r: number[] = [];
    for (let j = 0; j < sequenceLength; j++) r.push(j <= i ? 1 : 0);
    rows.push(r);
  }
  return tf.tensor3d([rows], [1, sequenceLength, sequenceLength]);
}

export function scaledDotProductAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask: tf.Tensor | null): [tf.Tensor, tf.Tensor] {
  const r = q.shape.length;
  const lead = q.shape.slice(0, r - 2);
  const [seqQ, dk] = q.shape.slice(r - 2) as [number, number];
  const seqK = k.shape[r - 2]!;
  const dv = v.shape[r - 1]!;
  const B = lead.reduce((a, b) => a * b, 1);
  const Q = q.dataSync(), K = k.dataSync(), Vv = v.dataSync();
  const Mk = mask ? tf.broadcastTo(mask, [...lead, seqQ, seqK]).dataSync() : null;
  const out = new Array<number>(B * seqQ * dv).fill(0);
  const W = new Array<number>(B * seqQ * seqK).fill(0);
  const scale = Math.sqrt(dk);
  for (let b = 0; b < B; b++) {
    for (let i = 0; i < seqQ; i++) {
      const logits: number[] = [];
      for (let j = 0; j < seqK; j++) {
        let s = 0;
        for (let t = 0; t < dk; t++) s += Q[(b * seqQ + i) * dk + t]! * K[(b * seqK + j) * dk + t]!;
        s /= scale;
        if (Mk) s += (1 - Mk[(b * seqQ + i) * seqK + j]!) * -1e9;
        logits.push(s);
      }
      const mx = Math.max(...logits);
      const e = logits.map((z) => Math.exp(z - mx));
      const sum = e.reduce((a, c) => a + c, 0);
      for (let j = 0; j < seqK; j++) W[(b * seqQ + i) * seqK + j] = e[j]! / sum;
      for (let c = 0; c < dv; c++) {
        let acc = 0;
        for (let j = 0; j < seqK; j++) acc += W[(b * seqQ + i) * seqK + j]! * Vv[(b * seqK + j) * dv + c]!;
        out[(b * seqQ + i) * dv + c] = acc;
      }
    }
  }
  return [tf.tensor(out, [...lead, seqQ, dv]), tf.tensor(W, [...lead, seqQ, seqK])];
}

type M = number[][];
/** rows [n, din] · W [din, dout] + b. */
function dense(X: M, W: M, b: number[], relu = false): M {
  return X.map((x) =>
    b.map((bj, j) => {
      let s = bj;
      for (let i = 0; i < x.length; i++) s += x[i]! * W[i]![j]!;
      return relu ? Math.max(0, s) : s;
    }),
  );
}
function layerNorm(X: M, gamma: number[], beta: number[], eps: number): M {
  return X.map((x) => {
    const mean = x.reduce((a, b) => a + b, 0) / x.length;
    const variance = x.reduce((a, b) => a + (b - mean) ** 2, 0) / x.length;
    return x.map((v, j) => ((v - mean) / Math.sqrt(variance + eps)) * gamma[j]! + beta[j]!);
  });
}
function dropout(X: M, rate: number, training: boolean): M {
  if (!training || rate === 0) return X;
  return X.map((row) => row.map((v) => (Math.random() < rate ? 0 : v / (1 - rate))));
}
const m2 = (t: tf.Tensor): M => t.arraySync() as M;
const v1 = (t: tf.Tensor): number[] => Array.from(t.dataSync());
const glorot = (rows: number, cols: number, seed: number) => tf.initializers.glorotUniform({ seed }).apply([rows, cols]) as tf.Tensor2D;

export function encoderLayer(x: tf.Tensor3D, training: boolean, mask: tf.Tensor | null, options: EncoderOptions, weights?: EncoderWeights): tf.Tensor3D {
  const { numHeads, fullyConnectedDim: dff } = options;
  const rate = options.dropoutRate ?? 0.1;
  const eps = options.layernormEps ?? 1e-6;
  const [m, seq, d] = x.shape;
  const depth = d / numHeads;
  const zeros = (n: number) => tf.zeros([n]) as tf.Tensor1D;
  const w: EncoderWeights = weights ?? {
    mha: { wq: glorot(d, d, 0), bq: zeros(d), wk: glorot(d, d, 1), bk: zeros(d), wv: glorot(d, d, 2), bv: zeros(d), wo: glorot(d, d, 3), bo: zeros(d) } as MhaWeights,
    ffn: { w1: glorot(d, dff, 10), b1: zeros(dff), w2: glorot(dff, d, 11), b2: zeros(d) },
    layernorm1: { gamma: tf.ones([d]) as tf.Tensor1D, beta: zeros(d) },
    layernorm2: { gamma: tf.ones([d]) as tf.Tensor1D, beta: zeros(d) },
  };
  const X = x.arraySync();
  const maskFull = mask ? (tf.broadcastTo(mask.rank === 2 ? mask.expandDims(0) : mask, [m, seq, seq]).arraySync() as number[][][]) : null;
  const out: number[][][] = [];
  for (let b = 0; b < m; b++) {
    const xb = X[b]!;
    const Qp = dense(xb, m2(w.mha.wq), v1(w.mha.bq));
    const Kp = dense(xb, m2(w.mha.wk), v1(w.mha.bk));
    const Vp = dense(xb, m2(w.mha.wv), v1(w.mha.bv));
    const concat: M = xb.map(() => new Array<number>(d).fill(0));
    for (let h = 0; h < numHeads; h++) {
      const off = h * depth;
      for (let i = 0; i < seq; i++) {
        const logits: number[] = [];
        for (let j = 0; j < seq; j++) {
          let s = 0;
          for (let t = 0; t < depth; t++) s += Qp[i]![off + t]! * Kp[j]![off + t]!;
          s /= Math.sqrt(depth);
          if (maskFull) s += (1 - maskFull[b]![i]![j]!) * -1e9;
          logits.push(s);
        }
        const mx = Math.max(...logits);
        const e = logits.map((z) => Math.exp(z - mx));
        const sum = e.reduce((a, c) => a + c, 0);
        for (let t = 0; t < depth; t++) {
          let acc = 0;
          for (let j = 0; j < seq; j++) acc += (e[j]! / sum) * Vp[j]![off + t]!;
          concat[i]![off + t] = acc;
        }
      }
    }
    const attn = dropout(dense(concat, m2(w.mha.wo), v1(w.mha.bo)), rate, training);
    const out1 = layerNorm(xb.map((r, i) => r.map((val, j) => val + attn[i]![j]!)), v1(w.layernorm1.gamma), v1(w.layernorm1.beta), eps);
    const ffn = dropout(dense(dense(out1, m2(w.ffn.w1), v1(w.ffn.b1), true), m2(w.ffn.w2), v1(w.ffn.b2)), rate, training);
    out.push(layerNorm(out1.map((r, i) => r.map((val, j) => val + ffn[i]![j]!)), v1(w.layernorm2.gamma), v1(w.layernorm2.beta), eps));
  }
  return tf.tensor3d(out, [m, seq, d]);
}

export const alternative = {
  style: 'loops',
  fns: ['getAngles', 'positionalEncoding', 'createPaddingMask', 'createLookAheadMask', 'scaledDotProductAttention', 'encoderLayer'],
};
