/**
 * Plain-JavaScript convolution and pooling on NdArrays ([m, nH, nW, nC] images,
 * [f, f, nCPrev, nC] filters), computed in float64 by direct summation: the
 * independent oracle the week 1 properties compare learners' outputs with. An
 * answer key: grader edition only, loaded lazily by hidden checks.
 */
import { nd, sizeOf, type NdArray } from '../../engine/ndarray';
import { at, forEachWindow, outSize, poolShape, type ConvHp, type Mode, type PoolHp } from './conv-inputs';

export function zeroPadJs(X: NdArray, pad: number): NdArray {
  const [m, nH, nW, nC] = X.shape as [number, number, number, number];
  const shape = [m, nH + 2 * pad, nW + 2 * pad, nC];
  const out = new Array<number>(sizeOf(shape)).fill(0);
  for (let i = 0; i < m; i++)
    for (let h = 0; h < nH; h++)
      for (let w = 0; w < nW; w++) for (let c = 0; c < nC; c++) out[at(shape, i, h + pad, w + pad, c)] = X.data[at(X.shape, i, h, w, c)]!;
  return nd(out, shape);
}

/** Σ(a ⊙ W) + b for same-shaped a and W and a one-element b. */
export function singleStepJs(a: NdArray, W: NdArray, b: NdArray): number {
  return a.data.reduce((s, x, k) => s + x * W.data[k]!, 0) + b.data[0]!;
}

/** Cross-correlation of the zero-padded input with every filter, plus the bias: the course's conv_forward. */
export function convForwardJs(APrev: NdArray, W: NdArray, b: NdArray, { stride, pad }: ConvHp): NdArray {
  const P = zeroPadJs(APrev, pad);
  const [m, nHp, nWp, nCPrev] = P.shape as [number, number, number, number];
  const [f, , , nC] = W.shape as [number, number, number, number];
  const shape = [m, outSize(nHp, f, stride), outSize(nWp, f, stride), nC];
  const out = new Array<number>(sizeOf(shape)).fill(0);
  for (let i = 0; i < m; i++)
    for (let h = 0; h < shape[1]!; h++)
      for (let w = 0; w < shape[2]!; w++)
        for (let c = 0; c < nC; c++) {
          let s = b.data[c]!;
          for (let p = 0; p < f; p++)
            for (let q = 0; q < f; q++)
              for (let k = 0; k < nCPrev; k++) s += P.data[at(P.shape, i, h * stride + p, w * stride + q, k)]! * W.data[at(W.shape, p, q, k, c)]!;
          out[at(shape, i, h, w, c)] = s;
        }
  return nd(out, shape);
}

/** The gradients of Σ(convForward(APrev, W, b) ⊙ dZ): [dAPrev, dW, db]. */
export function convBackwardJs(dZ: NdArray, APrev: NdArray, W: NdArray, { stride, pad }: ConvHp): [NdArray, NdArray, NdArray] {
  const P = zeroPadJs(APrev, pad);
  const [m, nHPrev, nWPrev, nCPrev] = APrev.shape as [number, number, number, number];
  const [f, , , nC] = W.shape as [number, number, number, number];
  const [, nH, nW] = dZ.shape as [number, number, number, number];
  const dP = new Array<number>(sizeOf(P.shape)).fill(0);
  const dW = new Array<number>(sizeOf(W.shape)).fill(0);
  const db = new Array<number>(nC).fill(0);
  for (let i = 0; i < m; i++)
    for (let h = 0; h < nH; h++)
      for (let w = 0; w < nW; w++)
        for (let c = 0; c < nC; c++) {
          const g = dZ.data[at(dZ.shape, i, h, w, c)]!;
          db[c] += g;
          for (let p = 0; p < f; p++)
            for (let q = 0; q < f; q++)
              for (let k = 0; k < nCPrev; k++) {
                const pi = at(P.shape, i, h * stride + p, w * stride + q, k);
                const wi = at(W.shape, p, q, k, c);
                dP[pi] += W.data[wi]! * g;
                dW[wi] += P.data[pi]! * g;
              }
        }
  const dA = new Array<number>(sizeOf(APrev.shape));
  for (let i = 0; i < m; i++)
    for (let h = 0; h < nHPrev; h++)
      for (let w = 0; w < nWPrev; w++) for (let k = 0; k < nCPrev; k++) dA[at(APrev.shape, i, h, w, k)] = dP[at(P.shape, i, h + pad, w + pad, k)]!;
  return [nd(dA, APrev.shape), nd(dW, W.shape), nd(db, [1, 1, 1, nC])];
}

export function poolForwardJs(APrev: NdArray, hp: PoolHp, mode: Mode): NdArray {
  const shape = poolShape(APrev, hp);
  const out = new Array<number>(sizeOf(shape)).fill(0);
  forEachWindow(APrev, hp, (o, win) => {
    const v = win.map((k) => APrev.data[k]!);
    out[o] = mode === 'max' ? Math.max(...v) : v.reduce((a, b) => a + b, 0) / v.length;
  });
  return nd(out, shape);
}

/** The gradient of Σ(poolForward(APrev) ⊙ dA): each window's dA goes to its first maximum ('max') or evenly to its f² inputs ('average'). */
export function poolBackwardJs(dA: NdArray, APrev: NdArray, hp: PoolHp, mode: Mode): NdArray {
  const out = new Array<number>(sizeOf(APrev.shape)).fill(0);
  forEachWindow(APrev, hp, (o, win) => {
    const g = dA.data[o]!;
    if (mode === 'average') for (const k of win) out[k] += g / win.length;
    else {
      let best = win[0]!;
      for (const k of win) if (APrev.data[k]! > APrev.data[best]!) best = k;
      out[best] += g;
    }
  });
  return nd(out, APrev.shape);
}
