// entropy for library callers, with the checks of `xent entropy`.
import { rowView } from '../../core/matrix.js';
import { type MatrixLike, toMatrix, inLibraryWords } from '../../core/library-input.js';
import { entropy as entropyOf } from './kernel.js';
import { checkDistributions } from './validate.js';

export interface EntropyResult {
  /** H(p) = −Σ p log p of each row, in nats. */
  readonly entropy: number[];
  /** e^H of each row: the effective number of equally likely classes. */
  readonly perplexity: number[];
  /** The mean of `entropy` over the rows. */
  readonly meanEntropy: number;
}

/**
 * The entropy of each row of probabilities, as `xent entropy`: every row a distribution
 * (entries ≥ 0 summing to 1 within 1e-3, used as given), else XentError naming the row.
 *
 * @example
 * entropy([0.5, 0.25, 0.25]).entropy // [1.0397] (nats: 1.5 bits)
 * entropy([[1, 0], [0.5, 0.5]]).perplexity // [1, 2]
 */
export function entropy(probs: MatrixLike): EntropyResult {
  return inLibraryWords(() => {
    const m = toMatrix(probs, 'the probabilities');
    checkDistributions(m, 'the probabilities');
    const h = Array.from({ length: m.rows }, (_, i) => entropyOf(rowView(m, i)));
    return {
      entropy: h,
      perplexity: h.map((x) => Math.exp(x)),
      meanEntropy: h.reduce((a, b) => a + b, 0) / h.length,
    };
  });
}
