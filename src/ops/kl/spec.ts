import type { Matrix } from '../../core/matrix.js';
import type { InfoUnit } from '../../core/units.js';

/** What `xent kl` computes, its options read: KL(P‖Q) of each pair of rows, in `unit`. */
export interface KlSpec {
  readonly unit: InfoUnit;
  /** --p and --q, read (inline text or @FILE); checked against each other by checkKlInputs. */
  readonly p: Matrix;
  readonly q: Matrix;
}
