/**
 * An independent oracle for backpropagation through time: the RNN, LSTM and
 * GRU forward passes written again with TensorFlow.js ops, differentiated by
 * `tf.grads`. Each function also returns the caches in the course's layout
 * (the contract the instructions state), so the learner's backward pass can be
 * fed caches that owe nothing to the learner's forward pass or to the
 * reference solution. Trusted grader code only; not in the learner edition.
 */
import type * as TF from '@tensorflow/tfjs';
import { fromTf } from '../../engine/codec';
import type { NdArray } from '../../engine/ndarray';
import type { Value } from '../../engine/values';

type Tf = typeof TF;
type Params = Record<string, NdArray>;
export interface OracleResult {
  /** The caches as the course keeps them, with the inputs' own parameter record. */
  caches: Value;
  /** ∂J/∂input for J = Σ R ⊙ output, keyed as the course's gradient record. */
  gradients: Record<string, Value>;
}

/** Runs fn and disposes every tensor it made (its result holds plain arrays only, which tf.tidy does not accept). */
function inScope<T>(tf: Tf, fn: () => T): T {
  tf.engine().startScope();
  try {
    return fn();
  } finally {
    tf.engine().endScope();
  }
}
const tensorOf = (tf: Tf) => (a: NdArray) => tf.tensor(a.data, a.shape, a.dtype);
/** Column block t of a [n, m, T] tensor as [n, m]. */
const stepOf = (tf: Tf, x: TF.Tensor, t: number) => tf.squeeze(tf.slice(x, [0, 0, t], [-1, -1, 1]), [2]);
const affine = (tf: Tf, W: TF.Tensor, v: TF.Tensor, b: TF.Tensor) => tf.add(tf.matMul(W, v), b);

/**
 * Differentiates J(inputs) = Σ R ⊙ out(inputs) with tf.grads, converting the
 * gradients back to plain arrays under the course's names (d + input name).
 */
function gradientsOf(tf: Tf, names: string[], inputs: TF.Tensor[], out: (...xs: TF.Tensor[]) => TF.Tensor, R: TF.Tensor): Record<string, Value> {
  const gs = tf.grads((...xs: TF.Tensor[]) => tf.sum(tf.mul(out(...xs), R)) as TF.Scalar)(inputs);
  return Object.fromEntries(names.map((n, i) => [`d${n}`, fromTf(gs[i]!, tf)]));
}

/** rnnBackward's oracle: J = Σ R ⊙ a over every step, by x, a0, Wax, Waa, ba. */
export function rnnOracle(tf: Tf, x: NdArray, a0: NdArray, p: Params, R: NdArray): OracleResult {
  return inScope(tf, () => {
    const t = tensorOf(tf);
    const T = x.shape[2]!;
    const forward = (xT: TF.Tensor, a0T: TF.Tensor, Wax: TF.Tensor, Waa: TF.Tensor, ba: TF.Tensor) => {
      const as: TF.Tensor[] = [];
      let a = a0T;
      for (let k = 0; k < T; k++) {
        a = tf.tanh(tf.add(tf.add(tf.matMul(Wax, stepOf(tf, xT, k)), tf.matMul(Waa, a)), ba));
        as.push(a);
      }
      return tf.stack(as, 2);
    };
    const inputs = [t(x), t(a0), t(p.Wax!), t(p.Waa!), t(p.ba!)];
    const gradients = gradientsOf(tf, ['x', 'a0', 'Wax', 'Waa', 'ba'], inputs, forward, t(R));
    const a = forward(...(inputs as [TF.Tensor, TF.Tensor, TF.Tensor, TF.Tensor, TF.Tensor]));
    const list: Value[] = [];
    for (let k = 0; k < T; k++) {
      const aPrev = k === 0 ? t(a0) : stepOf(tf, a, k - 1);
      list.push([fromTf(stepOf(tf, a, k), tf), fromTf(aPrev, tf), fromTf(stepOf(tf, t(x), k), tf), p]);
    }
    return { caches: [list, x], gradients };
  });
}

const LSTM_GATES = ['Wf', 'bf', 'Wi', 'bi', 'Wc', 'bc', 'Wo', 'bo'] as const;

/** One LSTM step: the values the course caches, in its order but without xt and the parameters. */
function lstmStep(tf: Tf, xt: TF.Tensor, aPrev: TF.Tensor, cPrev: TF.Tensor, g: Record<string, TF.Tensor>) {
  const concat = tf.concat([aPrev, xt], 0);
  const ft = tf.sigmoid(affine(tf, g.Wf!, concat, g.bf!));
  const it = tf.sigmoid(affine(tf, g.Wi!, concat, g.bi!));
  const cct = tf.tanh(affine(tf, g.Wc!, concat, g.bc!));
  const c = tf.add(tf.mul(ft, cPrev), tf.mul(it, cct));
  const ot = tf.sigmoid(affine(tf, g.Wo!, concat, g.bo!));
  const a = tf.mul(ot, tf.tanh(c));
  return { a, c, ft, it, cct, ot };
}

/** lstmBackward's oracle: c0 = 0, J = Σ R ⊙ a over every step, by x, a0 and the gate weights. */
export function lstmOracle(tf: Tf, x: NdArray, a0: NdArray, p: Params, R: NdArray): OracleResult {
  return inScope(tf, () => {
    const t = tensorOf(tf);
    const T = x.shape[2]!;
    const run = (xT: TF.Tensor, a0T: TF.Tensor, ...gates: TF.Tensor[]) => {
      const g = Object.fromEntries(LSTM_GATES.map((k, i) => [k, gates[i]!]));
      const steps: ReturnType<typeof lstmStep>[] = [];
      let a = a0T;
      let c = tf.zerosLike(a0T);
      for (let k = 0; k < T; k++) {
        const s = lstmStep(tf, stepOf(tf, xT, k), a, c, g);
        steps.push(s);
        a = s.a;
        c = s.c;
      }
      return steps;
    };
    const inputs = [t(x), t(a0), ...LSTM_GATES.map((k) => t(p[k]!))];
    const gradients = gradientsOf(tf, ['x', 'a0', ...LSTM_GATES], inputs, (...xs) => tf.stack(run(xs[0]!, xs[1]!, ...xs.slice(2)).map((s) => s.a), 2), t(R));
    const steps = run(inputs[0]!, inputs[1]!, ...inputs.slice(2));
    const list: Value[] = steps.map((s, k) => {
      const aPrev = k === 0 ? inputs[1]! : steps[k - 1]!.a;
      const cPrev = k === 0 ? tf.zerosLike(inputs[1]!) : steps[k - 1]!.c;
      return [...[s.a, s.c, aPrev, cPrev, s.ft, s.it, s.cct, s.ot, stepOf(tf, inputs[0]!, k)].map((v) => fromTf(v, tf)), p];
    });
    return { caches: [list, x], gradients };
  });
}

const GRU_GATES = ['Wu', 'bu', 'Wr', 'br', 'Wc', 'bc'] as const;

/** gruCellBackward's oracle: J = Σ R ⊙ cNext, by xt, cPrev and the gate weights. */
export function gruCellOracle(tf: Tf, xt: NdArray, cPrev: NdArray, p: Params, R: NdArray): OracleResult {
  return inScope(tf, () => {
    const t = tensorOf(tf);
    const step = (xT: TF.Tensor, cP: TF.Tensor, ...gates: TF.Tensor[]) => {
      const g = Object.fromEntries(GRU_GATES.map((k, i) => [k, gates[i]!]));
      const concat = tf.concat([cP, xT], 0);
      const gu = tf.sigmoid(affine(tf, g.Wu!, concat, g.bu!));
      const gr = tf.sigmoid(affine(tf, g.Wr!, concat, g.br!));
      const cct = tf.tanh(affine(tf, g.Wc!, tf.concat([tf.mul(gr, cP), xT], 0), g.bc!));
      const c = tf.add(tf.mul(gu, cct), tf.mul(tf.sub(1, gu), cP));
      return { c, gu, gr, cct };
    };
    const inputs = [t(xt), t(cPrev), ...GRU_GATES.map((k) => t(p[k]!))];
    const gradients = gradientsOf(tf, ['xt', 'cPrev', ...GRU_GATES], inputs, (...xs) => step(xs[0]!, xs[1]!, ...xs.slice(2)).c, t(R));
    const s = step(inputs[0]!, inputs[1]!, ...inputs.slice(2));
    const cache: Value = [...[s.c, inputs[1]!, s.gu, s.gr, s.cct, inputs[0]!].map((v) => fromTf(v, tf)), p];
    return { caches: cache, gradients };
  });
}
