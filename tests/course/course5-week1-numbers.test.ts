/**
 * The course's published outputs for "Building your recurrent neural network —
 * step by step" reproduce from the course's seeded inputs (numpy's stream via
 * lib/np-random.ts) with the reference solution, within float32 rounding.
 * The numbers are the notebook's printed outputs, typed in from the course;
 * the input recipes are the notebook's test cells, draw for draw.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { np } from '../../lib/np-random';
import * as rnn from '../../solutions/course5/week1/rnn-step-by-step';

const randn = (...shape: number[]) => tf.tensor(np.random.randn(...shape), shape);
const t2 = (...shape: number[]) => randn(...shape) as tf.Tensor2D;
const t3 = (...shape: number[]) => randn(...shape) as tf.Tensor3D;
/** Values of `t` at a start index, `n` along the last axis (1 by default). */
const at = (t: tf.Tensor, start: number[], n = 1): number[] => {
  const size = start.map((_, i) => (i === start.length - 1 ? n : 1));
  return Array.from(t.slice(start, size).dataSync());
};
/** Within float32 rounding of the course's float64 numbers (relative 2e-5, absolute 1e-6). */
function expectCourse(got: number[], course: number[]) {
  expect(got.length).toBe(course.length);
  got.forEach((g, i) => expect(Math.abs(g - course[i]!)).toBeLessThanOrEqual(1e-6 + 2e-5 * Math.abs(course[i]!)));
}
const lstmParameters = (withOutput: 'random' | 'zeros') => {
  const p = { Wf: t2(5, 8), bf: t2(5, 1), Wi: t2(5, 8), bi: t2(5, 1), Wo: t2(5, 8), bo: t2(5, 1), Wc: t2(5, 8), bc: t2(5, 1) };
  return withOutput === 'random'
    ? { ...p, Wy: t2(2, 5), by: t2(2, 1) }
    : { ...p, Wy: tf.zeros([2, 5]) as tf.Tensor2D, by: tf.zeros([2, 1]) as tf.Tensor2D };
};

describe("course 5 week 1: the course's published numbers", () => {
  it('rnn_cell_forward', () => {
    np.random.seed(1);
    const xt = t2(3, 10), aPrev = t2(5, 10);
    const p = { Waa: t2(5, 5), Wax: t2(5, 3), Wya: t2(2, 5), ba: t2(5, 1), by: t2(2, 1) };
    const [aNext, yt] = rnn.rnnCellForward(xt, aPrev, p);
    expectCourse(at(aNext, [4, 0], 10), [0.59584544, 0.18141802, 0.61311866, 0.99808218, 0.85016201, 0.99980978, -0.18887155, 0.99815551, 0.6531151, 0.82872037]);
    expectCourse(at(yt, [1, 0], 10), [0.9888161, 0.01682021, 0.21140899, 0.36817467, 0.98988387, 0.88945212, 0.36920224, 0.9966312, 0.9982559, 0.17746526]);
  });

  it('rnn_forward', () => {
    np.random.seed(1);
    const x = t3(3, 10, 4), a0 = t2(5, 10);
    const p = { Waa: t2(5, 5), Wax: t2(5, 3), Wya: t2(2, 5), ba: t2(5, 1), by: t2(2, 1) };
    const [a, y, caches] = rnn.rnnForward(x, a0, p);
    expectCourse(at(a, [4, 1, 0], 4), [-0.99999375, 0.77911235, -0.99861469, -0.99833267]);
    expectCourse(at(y, [1, 3, 0], 4), [0.79560373, 0.86224861, 0.11118257, 0.81515947]);
    expectCourse(at(caches[1], [1, 3, 0], 4), [-1.1425182, -0.34934272, -0.20889423, 0.58662319]);
  });

  it('lstm_cell_forward', () => {
    np.random.seed(1);
    const xt = t2(3, 10), aPrev = t2(5, 10), cPrev = t2(5, 10);
    const [aNext, cNext, yt] = rnn.lstmCellForward(xt, aPrev, cPrev, lstmParameters('random'));
    expectCourse(at(aNext, [4, 0], 10), [-0.66408471, 0.0036921, 0.02088357, 0.22834167, -0.85575339, 0.00138482, 0.76566531, 0.34631421, -0.00215674, 0.43827275]);
    expectCourse(at(cNext, [2, 0], 10), [0.63267805, 1.00570849, 0.35504474, 0.20690913, -1.64566718, 0.11832942, 0.76449811, -0.0981561, -0.74348425, -0.26810932]);
    expectCourse(at(yt, [1, 0], 10), [0.79913913, 0.15986619, 0.22412122, 0.15606108, 0.97057211, 0.31146381, 0.00943007, 0.12666353, 0.39380172, 0.07828381]);
  });

  it('lstm_forward', () => {
    np.random.seed(1);
    const x = t3(3, 10, 7), a0 = t2(5, 10);
    const [a, y, c] = rnn.lstmForward(x, a0, lstmParameters('random'));
    expectCourse(at(a, [4, 3, 6]), [0.172117767533]);
    expectCourse(at(y, [1, 4, 3]), [0.95087346185]);
    expectCourse(at(c, [1, 2, 1]), [-0.855544916718]);
  });

  it('rnn_cell_backward', () => {
    np.random.seed(1);
    const xt = t2(3, 10), aPrev = t2(5, 10);
    const p = { Wax: t2(5, 3), Waa: t2(5, 5), Wya: t2(2, 5), ba: t2(5, 1), by: t2(2, 1) };
    const [, , cache] = rnn.rnnCellForward(xt, aPrev, p);
    const g = rnn.rnnCellBackward(t2(5, 10), cache);
    expectCourse(at(g.dxt, [1, 2]), [-1.3872130506]);
    expectCourse(at(g.daPrev, [2, 3]), [-0.152399493774]);
    expectCourse(at(g.dWax, [3, 1]), [0.410772824935]);
    expectCourse(at(g.dWaa, [1, 2]), [1.15034506685]);
    expectCourse(at(g.dba, [4, 0]), [0.20023491]);
  });

  it('rnn_backward', () => {
    np.random.seed(1);
    const x = t3(3, 10, 4), a0 = t2(5, 10);
    const p = { Wax: t2(5, 3), Waa: t2(5, 5), Wya: t2(2, 5), ba: t2(5, 1), by: t2(2, 1) };
    const [, , caches] = rnn.rnnForward(x, a0, p);
    const g = rnn.rnnBackward(t3(5, 10, 4), caches);
    expectCourse(at(g.dx, [1, 2, 0], 4), [-2.07101689, -0.59255627, 0.02466855, 0.01483317]);
    expect(g.dx.shape).toEqual([3, 10, 4]);
    expectCourse(at(g.da0, [2, 3]), [-0.314942375127]);
    expectCourse(at(g.dWax, [3, 1]), [11.2641044965]);
    expectCourse(at(g.dWaa, [1, 2]), [2.30333312658]);
    expectCourse(at(g.dba, [4, 0]), [-0.74747722]);
  });

  it('lstm_cell_backward', () => {
    np.random.seed(1);
    const xt = t2(3, 10), aPrev = t2(5, 10), cPrev = t2(5, 10);
    const [, , , cache] = rnn.lstmCellForward(xt, aPrev, cPrev, lstmParameters('random'));
    const g = rnn.lstmCellBackward(t2(5, 10), t2(5, 10), cache);
    expectCourse(at(g.dxt, [1, 2]), [3.23055911511]);
    expectCourse(at(g.daPrev, [2, 3]), [-0.0639621419711]);
    expectCourse(at(g.dcPrev, [2, 3]), [0.797522038797]);
    expectCourse(at(g.dWf, [3, 1]), [-0.147954838164]);
    expectCourse(at(g.dbo, [4, 0]), [0.13893342]);
  });

  it('lstm_backward (the course passes 4 steps of da for 7 steps of x: Tx is da\'s)', () => {
    np.random.seed(1);
    const x = t3(3, 10, 7), a0 = t2(5, 10);
    const [, , , caches] = rnn.lstmForward(x, a0, lstmParameters('zeros'));
    const g = rnn.lstmBackward(t3(5, 10, 4), caches);
    expectCourse(at(g.dx, [1, 2, 0], 4), [0.00218254, 0.28205375, -0.48292508, -0.43281115]);
    expect(g.dx.shape).toEqual([3, 10, 4]);
    expectCourse(at(g.da0, [2, 3]), [0.312770310257]);
    expectCourse(at(g.dWf, [3, 1]), [-0.0809802310938]);
    expectCourse(at(g.dWi, [1, 2]), [0.40512433093]);
    expectCourse(at(g.dWc, [3, 1]), [-0.0793746735512]);
    expectCourse(at(g.dWo, [1, 2]), [0.038948775763]);
    expectCourse(at(g.dbf, [4, 0]), [-0.15745657]);
    expectCourse(at(g.dbi, [4, 0]), [-0.50848333]);
    expectCourse(at(g.dbc, [4, 0]), [-0.42510818]);
    expectCourse(at(g.dbo, [4, 0]), [-0.17958196]);
  });
});
