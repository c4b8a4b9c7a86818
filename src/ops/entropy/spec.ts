import type { InfoUnit } from '../../core/units.js';

/** What `xent entropy` computes, its options read: H(p) of each row, in `unit`. */
export interface EntropySpec {
  readonly unit: InfoUnit;
}
