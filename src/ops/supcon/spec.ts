// `xent supcon`'s options as typed values, read once by the command's readSpec.
import type { InfoUnit } from '../../core/units.js';

export interface SupconSpec {
  /** One label per row (--labels), counted against the rows by the validator. */
  readonly labels: readonly number[];
  /** τ (-t); 0.07 by default. */
  readonly temperature: number;
  readonly grad: boolean;
  readonly unit: InfoUnit;
}
