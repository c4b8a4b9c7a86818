// What `xent focal` computes, as its options read into typed values (focalCommand.readSpec).
import type { Matrix } from '../../core/matrix.js';
import type { InfoUnit } from '../../core/units.js';
import type { Reduction } from '../cross-entropy/kernel.js';

/** torchvision's defaults: α = 0.25 on the positives (1 − α on the negatives), γ = 2. */
export const DEFAULT_ALPHA = 0.25;
export const DEFAULT_GAMMA = 2;

/**
 * The two focal losses: `--targets` (one label or probability per logit: the sigmoid
 * focal loss of torchvision, each element its own binary problem) or `-y` (one class per
 * row: the softmax focal loss of Lin et al.).
 */
export type FocalTargets =
  | { readonly kind: 'binary'; readonly targets: Matrix }
  | { readonly kind: 'class'; readonly given: 'diag' | readonly number[] };

export interface FocalSpec {
  readonly targets: FocalTargets;
  /**
   * α as given. Binary: one number in [0, 1] (the positives' weight), undefined when a
   * negative α disables it. Classes: one per class, or one for every class; undefined: none.
   */
  readonly alpha?: readonly number[];
  /** The focusing exponent γ ≥ 0 of (1 − p_t)^γ. */
  readonly gamma: number;
  readonly reduction: Reduction;
  /** The input holds probabilities (σ(z) for binary, softmax rows for classes). */
  readonly inputIsProbs: boolean;
  readonly unit: InfoUnit;
  readonly grad: boolean;
}

/** The names the checks give options by: the CLI's flags, or the library's option names. */
export interface FocalOptionNames {
  readonly alpha: string;
  readonly gamma: string;
  readonly target: string;
}

export const FOCAL_CLI_NAMES: FocalOptionNames = { alpha: '--alpha', gamma: '--gamma', target: '-y, --target' };
