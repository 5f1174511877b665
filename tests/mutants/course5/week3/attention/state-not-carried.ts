import { useNmtLayers, type NmtLayers, type NmtWeights } from '../../../../../lib/nmt-utils';
export * from '../../../../../solutions/course5/week3/attention';
import { oneStepAttention, type Input } from '../../../../../solutions/course5/week3/attention';

export const mutant = { fn: 'modelf', hint: "The post-attention LSTM starts every step from s0 and c0: carry its state, feeding the s and c it returns into the next step (and the next attention step)." };

export function modelf(X: Input, s0: Input, c0: Input, layers: NmtLayers | NmtWeights, Ty: number): [Input[], Input[]] {
  const L = useNmtLayers(layers, X.shape[1]!, X.shape[2]!);
  const a = L.preAttentionLstm.apply(X) as Input;
  let s = s0;
  let c = c0;
  const outputs: Input[] = [];
  const alphas: Input[] = [];
  for (let t = 0; t < Ty; t++) {
    const [context, alpha] = oneStepAttention(a, s, L);
    [, s, c] = L.postActivationLstmCell.apply(context, { initialState: [s0, c0] }) as Input[];
    void c;
    outputs.push(L.outputLayer.apply(s) as Input);
    alphas.push(alpha);
  }
  return [outputs, alphas];
}
