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
export default { ...core, ...layers, ...cpu, version };
