export * from '../../../../../solutions/course2/week1/gradient-checking';

export const mutant = {
  fn: 'forwardPropagation',
  hint: 'J(θ) = θ·x is a product, not a sum.',
};

export function forwardPropagation(x: number, theta: number): number {
  return theta + x;
}
