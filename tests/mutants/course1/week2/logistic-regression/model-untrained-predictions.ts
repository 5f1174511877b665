import * as tf from '@tensorflow/tfjs';
import { initializeWithZeros, optimize, predict } from '../../../../../solutions/course1/week2/logistic-regression';
export * from '../../../../../solutions/course1/week2/logistic-regression';

export const mutant = { fn: 'model', hint: 'The predictions use the initial w and b; predict with the trained parameters optimize returns (params.w, params.b).' };

export function model(
  XTrain: tf.Tensor2D,
  YTrain: tf.Tensor2D,
  XTest: tf.Tensor2D,
  _YTest: tf.Tensor2D,
  numIterations = 2000,
  learningRate = 0.5,
  printCost = false,
) {
  const { w, b } = initializeWithZeros(XTrain.shape[0]);
  const { params, costs } = optimize(w, b, XTrain, YTrain, numIterations, learningRate, printCost);
  return {
    costs,
    YPredictionTest: predict(w, b, XTest),
    YPredictionTrain: predict(w, b, XTrain),
    w: params.w,
    b: params.b,
    learningRate,
    numIterations,
  };
}
