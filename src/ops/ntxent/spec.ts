// `xent ntxent`'s options as typed values, read once by the command's readSpec.
import type { InfoUnit } from '../../core/units.js';
import type { Pairing } from './kernel.js';

export interface NtxentSpec {
  /** τ (-t); 0.5 by default. */
  readonly temperature: number;
  /** Which rows are two views of one example (--pairs). */
  readonly pairing: Pairing;
  readonly grad: boolean;
  readonly unit: InfoUnit;
}
