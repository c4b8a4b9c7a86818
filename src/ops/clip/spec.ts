// `xent clip`'s options as typed values, read once by the command's readSpec; explain, the
// streaming plan and run receive this, never the option text.
import type { Matrix } from '../../core/matrix.js';
import type { Precision } from '../../core/replay.js';
import type { InfoUnit } from '../../core/units.js';

/** Image and text embeddings, row i of each a matching pair (--image, --text). */
export interface EmbeddingMatrices {
  readonly image: Matrix;
  readonly text: Matrix;
}

export interface ClipSpec {
  /** From --image and --text; absent: the input matrix is the logits. */
  readonly pair?: EmbeddingMatrices;
  /** The logits' multiplier: -s, or 1/T for -t; 1 when neither is given. */
  readonly scale: number;
  /** -t T when given (for ∂loss/∂T). */
  readonly temperature?: number;
  /** L2-normalise the embeddings first (default; --no-normalize is false). */
  readonly normalize: boolean;
  /** open_clip's local_loss (--world-size W --rank R): the embeddings are the whole batch, this rank's rows scored. */
  readonly local?: { readonly worldSize: number; readonly rank: number };
  /** A rank's text→image logits (--text-logits), beside the input's image→text ones: n × M each. */
  readonly textLogits?: Matrix;
  /** Row i's positive is column i + this (--label-offset; n·rank in open_clip's local_loss). */
  readonly labelOffset?: number;
  /** One label per pair (--labels): image i and text j match when their labels are equal. */
  readonly labels?: readonly number[];
  /** --as LIBRARY, when given (its initial scale is the default -s). */
  readonly library?: string;
  readonly grad: boolean;
  readonly unit: InfoUnit;
  /** --base was given (an explanation then names the unit, even nats). */
  readonly unitNamed: boolean;
  /** --dtype (and --naive): also replayed in that format. */
  readonly precision?: Precision;
}
