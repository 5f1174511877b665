// TensorFlow.js as one ES module for the sandbox and the grading process (see runtime.ts): learner code and
// the runner import this same file, so they share one tf instance. It is @tensorflow/tfjs's own entry point
// (node_modules/@tensorflow/tfjs/dist/index.js) less what no exercise can use: the WebGL backend (which cannot
// run in Node), the model converter and tf.data, a third of the code every process would load for nothing.
// It adds the WebAssembly backend, on which both processes compute (wasm-backend.ts).
import * as core from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import * as layers from '@tensorflow/tfjs-layers';
import * as cpu from '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths, version_wasm } from '@tensorflow/tfjs-backend-wasm';
export * from '@tensorflow/tfjs-core';
export * from '@tensorflow/tfjs-layers';
export * from '@tensorflow/tfjs-backend-cpu';
export { setWasmPaths };
// The WASM backend registers itself above the CPU one, and starts asynchronously: until wasm-backend.ts starts
// it, the CPU backend stays the one an unprepared caller gets, as with the package.
(core.engine() as unknown as { registryFactory: Record<string, { priority: number }> }).registryFactory.wasm!.priority = 0;
export const version = { 'tfjs-core': core.version_core, 'tfjs-backend-cpu': cpu.version_cpu, 'tfjs-layers': layers.version_layers, 'tfjs-backend-wasm': version_wasm };
export default { ...core, ...layers, ...cpu, setWasmPaths, version };
