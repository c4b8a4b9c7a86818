// What `xent infonce` computes, as its options read into typed values (infonceCommand.readSpec).
import type { Matrix } from '../../core/matrix.js';
import type { InfoUnit } from '../../core/units.js';
import type { Reduction } from '../cross-entropy/kernel.js';

/** MoCo's temperature (builder.py: T = 0.07), for embeddings; a logits matrix is taken as given (T = 1). */
export const MOCO_TEMPERATURE = 0.07;

/** A query per row, its positive key (same row of `pos`) and the negatives every query is compared with (a queue). */
export interface InfoNceEmbeddings {
  readonly query: Matrix;
  readonly pos: Matrix;
  readonly neg: Matrix;
}

export interface InfoNceSpec {
  /** Embeddings (--query, --pos, --neg); undefined: the input is a logits matrix, column 0 the positive. */
  readonly embeddings?: InfoNceEmbeddings;
  /** T: the logits are divided by it. */
  readonly temperature: number;
  /** The embeddings are L2-normalised first (MoCo's F.normalize); --no-normalize: raw dot products. */
  readonly normalize: boolean;
  readonly reduction: Reduction;
  readonly unit: InfoUnit;
  readonly grad: boolean;
}
