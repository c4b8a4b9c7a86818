// ntXentLoss for library callers, with the options, defaults and checks of `xent ntxent`.
import { type MatrixLike, choice, toMatrix, toRows } from '../../core/library-input.js';
import { checkTemperature } from './validate.js';
import { type Pairing, ntxentLoss } from './kernel.js';

export type { Pairing };

export interface NtXentOptions {
  /** τ (`-t`); default 0.5. */
  readonly temperature?: number;
  /** Which rows are two views of one example: 'half' (i and i + N, default) or 'adjacent' (2k and 2k + 1). */
  readonly pairs?: Pairing;
}

export interface NtXentLossResult {
  /** Cosine similarity of every pair of rows. */
  readonly similarity: number[][];
  /** Each row's softmax of similarity / τ over the other rows (0 on the diagonal). */
  readonly probs: number[][];
  /** The positive partner of each row (0-based). */
  readonly partners: number[];
  /** −log probs[i][partner(i)], one per row. */
  readonly losses: number[];
  /** The mean over the 2N rows. */
  readonly loss: number;
  /** ∂loss/∂embeddings (raw, before normalisation). */
  readonly grad: number[][];
}

/**
 * SimCLR's NT-Xent loss, as `xent ntxent`: 2N embeddings (rows), L2-normalised; each row
 * classifies its partner among the other rows with logits cosine / τ. τ = 0.5 by default.
 *
 * @example
 * ntXentLoss([[1, 0], [0, 1]]).loss // 0: the partner is the only other row
 * ntXentLoss([[1, 0], [0.9, 0.2], [0, 1], [0.1, 1]], { pairs: 'adjacent', temperature: 0.1 }).grad
 */
export function ntXentLoss(embeddingRows: MatrixLike, options: NtXentOptions = {}): NtXentLossResult {
  const m = toMatrix(embeddingRows, 'the embeddings');
  const temperature = options.temperature === undefined ? 0.5 : checkTemperature(options.temperature);
  const pairs = choice(options.pairs, 'pairs', ['half', 'adjacent'], 'half');
  const r = ntxentLoss(m, temperature, pairs, 'the embeddings');
  return {
    similarity: toRows(r.similarity),
    probs: toRows(r.probs),
    partners: [...r.partners],
    // Every row is an anchor here (contrast mode all): no null.
    losses: r.losses as number[],
    loss: r.loss,
    grad: toRows(r.grad),
  };
}
