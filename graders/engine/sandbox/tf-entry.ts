// TensorFlow.js as one ES module for the sandbox and the grading process (see runtime.ts): learner code and
// the runner import this same file, so they share one tf instance. It is @tensorflow/tfjs's own entry point
// (node_modules/@tensorflow/tfjs/dist/index.js) less what no exercise can use: the WebGL backend (which cannot
// run in Node), the model converter and tf.data, a third of the code every process would load for nothing.
import * as core from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import * as layers from '@tensorflow/tfjs-layers';
import * as cpu from '@tensorflow/tfjs-backend-cpu';
export * from '@tensorflow/tfjs-core';
export * from '@tensorflow/tfjs-layers';
export * from '@tensorflow/tfjs-backend-cpu';
export const version = { 'tfjs-core': core.version_core, 'tfjs-backend-cpu': cpu.version_cpu, 'tfjs-layers': layers.version_layers };

// Two TensorFlow.js 4.22 bugs that make a learner's correct autodiff throw, fixed here for both processes
// (tests/engine/tf-fixes.test.ts).
//
// tf.logSigmoid's custom gradient reads its input after the input is freed when that input is not a leaf:
// tf.grad((x) => tf.sum(tf.logSigmoid(tf.neg(x)))) throws "Cannot read properties of undefined (reading
// 'backend')". Its own definition, −softplus(−x), differentiated as usual gives the same value and the same
// gradient, dy·σ(−x), bit for bit (the two negations are exact).
export function logSigmoid<T extends core.Tensor>(x: T | core.TensorLike): T {
  return core.tidy(() => core.neg(core.softplus(core.neg(x as core.Tensor)))) as T;
}
(core.Tensor.prototype as unknown as { logSigmoid(): core.Tensor }).logSigmoid = function (this: core.Tensor) {
  return logSigmoid(this);
};

// The broadcasting ops' gradients do not reduce an input of size 1 broadcast along an axis of size 0:
// tf.grads((a, b) => tf.sum(tf.mul(a, b)))([tf.zeros([0, 2]), tf.ones([1, 2])]) throws (b's gradient has
// shape [0, 2]). An empty output is a sum over no elements: every input's gradient is zeros of its shape.
for (const kernel of [core.Add, core.Sub, core.Multiply, core.RealDiv, core.Pow, core.Maximum, core.Minimum, core.SquaredDifference, core.FloorDiv, core.Mod, core.Atan2]) {
  const config = core.getGradient(kernel);
  if (!config || config.inputsToSave?.join() !== 'a,b') continue;
  core.registerGradient({
    ...config,
    gradFunc: (dy, saved, attrs) => {
      const [a, b] = saved;
      if ((dy as core.Tensor).size === 0 && a && b) return { a: () => core.zerosLike(a), b: () => core.zerosLike(b) };
      return config.gradFunc(dy, saved, attrs);
    },
  });
}

export default { ...core, ...layers, ...cpu, logSigmoid, version };
