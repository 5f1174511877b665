/**
 * `npm run try -- week3`: what the course notebook does after the exercises —
 * train the network on the flower data with your functions, printing the cost
 * every 1000 iterations, then the accuracy. Runs in the sandbox, with your code.
 */
import * as tf from '@tensorflow/tfjs';
import { loadPlanarDataset } from '../../../lib/datasets/planar';
import { nnModel, predict } from '../../../exercises/course1/week3/planar-classification';

export function main(): string {
  const { X: x, Y: y, m } = loadPlanarDataset();
  const X = tf.tensor2d(x, [2, m]);
  const Y = tf.tensor2d(y, [1, m]);
  console.log(`The flower: ${m} points, 2 features, labels 0 (red) and 1 (blue). A network with 4 hidden units, 10 000 iterations:`);
  const parameters = nnModel(X, Y, 4, 10000, true);
  const predictions = predict(parameters, X);
  const accuracy = tf.mean(tf.equal(predictions, Y)).dataSync()[0]! * 100;
  return `Accuracy on the flower: ${accuracy.toFixed(1)}% (the course's network reaches about 90%).`;
}
