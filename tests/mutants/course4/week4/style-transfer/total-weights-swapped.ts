export * from '../../../../../solutions/course4/week4/style-transfer';

export const mutant = {
  fn: 'totalCost',
  hint: 'The weights are swapped: α multiplies the content cost and β the style cost.',
};

export function totalCost(Jcontent: number, Jstyle: number, alpha = 10, beta = 40): number {
  return beta * Jcontent + alpha * Jstyle;
}
