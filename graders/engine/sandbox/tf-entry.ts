// TensorFlow.js as one ES module for the sandbox (see runtime.ts): learner code and
// the runner import this same file, so they share one tf instance.
import * as tf from '@tensorflow/tfjs';
export * from '@tensorflow/tfjs';
export default tf;
