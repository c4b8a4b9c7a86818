// `xent siglip`'s options as typed values, read once by the command's readSpec.
import type { InfoUnit } from '../../core/units.js';
import type { EmbeddingMatrices } from '../clip/spec.js';

export interface SiglipSpec {
  /** From --image and --text; absent: the input matrix is the logits, used as given. */
  readonly pair?: EmbeddingMatrices;
  /** t (-s) and b (-b): for embeddings only (refused with a logits matrix). */
  readonly scale: number;
  readonly bias: number;
  readonly normalize: boolean;
  /** One label per pair (--labels): image i and text j match when their labels are equal. */
  readonly labels?: readonly number[];
  /** --as LIBRARY, when given. */
  readonly library?: string;
  readonly grad: boolean;
  readonly unit: InfoUnit;
}
