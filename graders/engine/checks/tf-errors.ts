/**
 * TensorFlow.js errors whose cause is one known mistake, each with the hint
 * that names it. A learner's call that threw one of them gets the hint next
 * to the error, in whichever check saw it: the error alone names TensorFlow.js
 * internals ("a connection between any variable and the result of the loss
 * function"), not the learner's line that caused it.
 */
const KNOWN: [RegExp, string][] = [
  [
    // numpy's np.dot(d, d) of a 1-D vector is a sum of squares; TensorFlow.js's tf.dot is a matrix product.
    /Error in dot: inner dimensions of inputs must match/,
    'tf.dot is a matrix product: the inner sizes must match ([a, n]·[n, b]). For a sum of squares over every entry use tf.sum(tf.square(d)); for an elementwise product, tf.mul.',
  ],
  [
    // tf.grad's words, in a learner's own training loop (tf.grad, optimizer.minimize).
    /Cannot compute gradient of y=f\(x\) with respect to x/,
    'TensorFlow.js cannot differentiate this result with respect to its inputs: somewhere the computation leaves TensorFlow.js (values read out with dataSync, arraySync or array, summed as JavaScript numbers, then put in a new tensor). Compute it with tensor operations from start to end, so that tf.grad and optimizers can train through it.',
  ],
  [
    // The first when other variables exist (made by earlier code), the second when none does.
    /Cannot find a connection between any variable and the result of the loss function|variableGrads\(\) expects at least one of the input variables to be trainable/,
    'The optimizer found no tf.variable in the loss it minimizes: the parameters it trains must be tf.variable (made once, e.g. in initializeParameters, with trainable left true), and the loss must be computed from them inside the function given to minimize.',
  ],
  [
    // The second is what an operation on a disposed tensor throws (TensorFlow.js looks up its data, and finds none).
    /Tensor is disposed|Cannot read properties of undefined \(reading 'backend'\)/,
    'A tensor was used after it was disposed: a tf.tidy disposes every tensor made inside it except the one it returns, and so does the end of each graded call — a tensor your file keeps between calls (a module-level variable filled on first use) is gone by the next one. Return what you need from the tidy, make tensors you keep at the top level of the file (or tf.keep them), and dispose only tensors you no longer use.',
  ],
  [
    // A tf op given a tf.input placeholder: code that works on concrete tensors (the grader's direct calls) fails once
    // it builds a tf.model (course 5's attention trainModel, any Keras-style model).
    /must be a Tensor or TensorLike, but got 'SymbolicTensor'/,
    'A TensorFlow.js operation (tf.add, tf.matMul, tf.softmax, tf.transpose, …) was given a tf.input placeholder (a SymbolicTensor): when a model is built with tf.model, its inputs and every value computed from them are symbolic, and only layers can take them (layer.apply(x)). Use layers for every step of the model — the given ones, or tf.layers equivalents — not tf operations.',
  ],
];

/** The hint for an error message TensorFlow.js threw, when its cause is known. */
export function knownTfErrorHint(message: string): string | undefined {
  return KNOWN.find(([pattern]) => pattern.test(message))?.[1];
}
