/** encoderLayer without its residual connections: each layer norm sees only its sublayer's output. */
import { encoderWith } from './kit/encoder';
export * from '../../../../../solutions/course5/week4/transformer';

export const mutant = {
  fn: 'encoderLayer',
  hint: "A residual connection is missing: each layer normalization takes its sublayer's input plus its output, layernorm1(x + attn) and layernorm2(out1 + ffn).",
};

export const encoderLayer = encoderWith((_x, sub, norm) => norm(sub));
