// `xent supcon`'s options as typed values, read once by the command's readSpec.
import type { InfoUnit } from '../../core/units.js';
import type { ContrastMode } from '../ntxent/kernel.js';
import type { Singletons } from './kernel.js';

export interface SupconSpec {
  /** One label per row (--labels), counted against the rows by the validator. */
  readonly labels: readonly number[];
  /** τ (-t); 0.07 by default (or the --as library's). */
  readonly temperature: number;
  /** SupContrast's base_temperature (--base-temperature): the loss × τ/this. */
  readonly baseTemperature?: number;
  /** Anchors: every row, or the first 1/views of them (--contrast-mode one, --views). */
  readonly contrastMode: ContrastMode;
  readonly views: number;
  /** An anchor without a positive: left out of the mean, or counted as 0 (--singletons). */
  readonly singletons: Singletons;
  /** Cosine similarity (default), or raw dot products (--no-normalize). */
  readonly normalize: boolean;
  /** --as LIBRARY, when given. */
  readonly library?: string;
  readonly grad: boolean;
  readonly unit: InfoUnit;
}
