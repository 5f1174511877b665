/** encoderLayer normalising each sublayer's output and then adding the residual: x + layernorm(attn). */
import * as tf from '@tensorflow/tfjs';
import { encoderWith } from './kit/encoder';
export * from '../../../../../solutions/course5/week4/transformer';

export const mutant = {
  fn: 'encoderLayer',
  hint: 'Add the residual before normalising: out1 = layernorm1(x + attn), out2 = layernorm2(out1 + ffn), not x + layernorm1(attn).',
};

export const encoderLayer = encoderWith((x, sub, norm) => tf.add(x, norm(sub)));
