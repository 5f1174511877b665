export * from '../../../../../solutions/course2/week1/gradient-checking';

export const mutant = {
  fn: 'backwardPropagation',
  hint: 'The derivative of θ·x with respect to θ is x, not θ.',
};

export function backwardPropagation(x: number, theta: number): number {
  void x;
  return theta;
}
