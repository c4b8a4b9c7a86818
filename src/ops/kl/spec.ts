import type { Matrix } from '../../core/matrix.js';
import type { InfoUnit } from '../../core/units.js';
import type { DistillReduction } from '../distill/spec.js';

/** How --p and --q are given: distributions, logits (softmax(x/T) each), or P as log P (F.kl_div's log_target). */
export type KlInputs = 'probs' | 'logits' | 'log-target';

/** What `xent kl` computes, its options read: KL(P‖Q) of each pair of rows, in `unit`. */
export interface KlSpec {
  readonly unit: InfoUnit;
  /** --p and --q, read (inline text or @FILE); checked against each other by checkKlInputs. */
  readonly p: Matrix;
  readonly q: Matrix;
  readonly inputs: KlInputs;
  /** T of --logits: each row is softmax(x / T) (1 unless -t). */
  readonly temperature: number;
  /** F.kl_div's reduction (-r): batchmean unless given; given or not, decides the JSON `loss`. */
  readonly reduction: DistillReduction;
  /** -r was given: -f value prints the reduced loss (or the elements), not one KL per row. */
  readonly reductionGiven: boolean;
}
