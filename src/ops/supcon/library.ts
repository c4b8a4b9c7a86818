// supConLoss for library callers, with the options, defaults and checks of `xent supcon`.
import { type MatrixLike, toList, toMatrix, toRows } from '../../core/library-input.js';
import { checkTemperature } from './validate.js';
import { supconLoss } from './kernel.js';

export interface SupConOptions {
  /** τ (`-t`); default 0.07, as the authors' SupConLoss. */
  readonly temperature?: number;
}

export interface SupConLossResult {
  readonly similarity: number[][];
  /** Each anchor's softmax over the other rows (0 on the diagonal). */
  readonly probs: number[][];
  /** How many other rows share each anchor's label. */
  readonly positives: number[];
  /** Per anchor; null for an anchor without a positive (it has no term). */
  readonly losses: (number | null)[];
  /** How many anchors have a positive. */
  readonly anchors: number;
  /** The mean over the anchors that have a positive. */
  readonly loss: number;
  readonly grad: number[][];
}

/**
 * The supervised contrastive loss (Khosla et al. 2020, L_out), as `xent supcon`: one label
 * per row; each anchor's positives are the other rows with its label. τ = 0.07 by default.
 *
 * @example
 * const r = supConLoss([[1, 0], [2, 0], [0, 1]], [0, 0, 1], { temperature: 1 });
 * r.losses // [0.3133, 0.3133, null]: log(1 + e^-1) for each class-0 anchor
 */
export function supConLoss(
  embeddingRows: MatrixLike,
  labels: readonly number[],
  options: SupConOptions = {},
): SupConLossResult {
  const m = toMatrix(embeddingRows, 'the embeddings');
  const list = toList(labels, 'labels');
  const temperature = options.temperature === undefined ? 0.07 : checkTemperature(options.temperature);
  const r = supconLoss(m, list, temperature, 'the embeddings');
  return {
    similarity: toRows(r.similarity),
    probs: toRows(r.probs),
    positives: [...r.positives],
    losses: [...r.losses],
    anchors: r.anchors,
    loss: r.loss,
    grad: toRows(r.grad),
  };
}
