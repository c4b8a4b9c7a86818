// `xent ntxent`'s options as typed values, read once by the command's readSpec.
import type { InfoUnit } from '../../core/units.js';
import type { ContrastMode, Pairing } from './kernel.js';
import type { Singletons } from '../supcon/kernel.js';

export interface NtxentSpec {
  /** τ (-t); 0.5 by default (or the --as library's). */
  readonly temperature: number;
  /** Which rows are two views of one example (--pairs). */
  readonly pairing: Pairing;
  /** SupContrast's base_temperature (--base-temperature): the loss × τ/this. */
  readonly baseTemperature?: number;
  /** Anchors: every row, or the first view of each pair (--contrast-mode). */
  readonly contrastMode: ContrastMode;
  /** Cosine similarity (default), or raw dot products (--no-normalize). */
  readonly normalize: boolean;
  /** One label per row (--labels): pytorch-metric-learning's NT-Xent with several positives. */
  readonly labels?: readonly number[];
  /** With labels, an anchor whose label no other row has: left out (default, PML) or a term of 0 (--singletons). */
  readonly singletons?: Singletons;
  /** The loss headlined (-f value, --expect): xent's mean, or SimCLR's twice that (--as simclr). */
  readonly reports: 'mean' | 'simclr';
  /** --as LIBRARY, when given. */
  readonly library?: string;
  readonly grad: boolean;
  readonly unit: InfoUnit;
}
