/**
 * Course 3, week 1 — the vocabulary of ML strategy: the problems a diagnosis can
 * name and the remedies the course lists for each. Given code: `diagnose` returns
 * these strings exactly, so import them rather than retyping them.
 */

/** Where the largest gap lies, stage by stage along the chain train → train-dev → dev → test. */
export type Problem = 'avoidable bias' | 'variance' | 'data mismatch' | 'overfitting to dev' | 'none';

/** The stages in the order of the course's chain of assumptions (fix the earliest first). */
export const PROBLEMS_IN_ORDER: readonly Problem[] = ['avoidable bias', 'variance', 'data mismatch', 'overfitting to dev'];

/** The course's remedies for each problem. */
export const REMEDIES: Readonly<Record<Problem, readonly string[]>> = {
  'avoidable bias': [
    'train a bigger model',
    'train longer or with a better optimizer (momentum, RMSprop, Adam)',
    'search for a better architecture or hyperparameters',
  ],
  variance: [
    'get more training data',
    'regularize (L2, dropout, data augmentation)',
    'search for a better architecture or hyperparameters',
  ],
  'data mismatch': [
    'carry out manual error analysis to understand how the training and dev/test data differ',
    'make the training data more like the dev/test data (artificial data synthesis)',
    'collect more training data like the dev/test data',
  ],
  'overfitting to dev': ['get a bigger dev set'],
  none: [],
};
