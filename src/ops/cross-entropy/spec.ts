// What `xent ce` computes, as its options read into typed values (ceCommand.readSpec), and
// what its run, explainer and stream planner receive. It lives with the maths so that
// explain/ and stream/ (below commands/) can use its type.
import type { Matrix } from '../../core/matrix.js';
import type { Precision } from '../../core/replay.js';
import type { InfoUnit } from '../../core/units.js';
import type { Reduction, SmoothingStyle } from './kernel.js';

/** PyTorch's default ignore_index: a target of −100 is ignored unless told otherwise. */
export const DEFAULT_IGNORE_INDEX = -100;

/**
 * Class targets as the user numbered them (`-y 0,2,1`, or `-y diag`: row i is class i),
 * not yet checked against the input's rows and classes (indexTargetClasses does that).
 */
export interface IndexTargets {
  readonly kind: 'index';
  readonly given: 'diag' | readonly number[];
  /** A target equal to this is ignored; undefined: none is (descend). */
  readonly ignoreIndex?: number;
}

/** A distribution per row (`--target-probs`): finite entries ≥ 0, of the input's shape. */
export interface SoftTargets {
  readonly kind: 'probs';
  readonly probs: Matrix;
}

export type CeTargets = IndexTargets | SoftTargets;

export interface CeSpec {
  readonly targets: CeTargets;
  /** Class targets (and their names in headers) count from 1. */
  readonly oneBased: boolean;
  /** The input rows are probabilities (`--probs`): ℓ = log p. */
  readonly inputIsProbs: boolean;
  /** The logits are divided by T (1 when not given; always 1 with probabilities). */
  readonly temperature: number;
  /** One weight per class, finite and ≥ 0; undefined: all 1. */
  readonly weight?: readonly number[];
  /** ε in [0, 1]. */
  readonly labelSmoothing: number;
  /** How ε is spread (--smoothing-style): PyTorch's ε/C (absent), or ε/(C − 1) on the other classes. */
  readonly smoothingStyle?: SmoothingStyle;
  /** One weight per row (--sample-weight, as Keras's sample_weight); undefined: none. */
  readonly sampleWeight?: readonly number[];
  /** Print each row's Hessian w.r.t. its logits (--hessian). */
  readonly hessian?: boolean;
  readonly reduction: Reduction;
  /** The k of top-k accuracy, each once, in the order given; [1] by default. */
  readonly topK: readonly number[];
  /** The unit of losses and gradients (`--base`). */
  readonly unit: InfoUnit;
  readonly grad: boolean;
  /** --dtype (and --naive): also replayed in that format. */
  readonly precision?: Precision;
}

/** The names the checks give options by: the CLI's flags, or the library's option names. */
export interface CeOptionNames {
  readonly target: string;
  readonly weight: string;
  /** Only ce has these (absent: the CLI's flags). */
  readonly sampleWeight?: string;
  readonly smoothingStyle?: string;
}

export const CLI_NAMES: CeOptionNames = {
  target: '-y, --target',
  weight: '-w, --weight',
  sampleWeight: '--sample-weight',
  smoothingStyle: '--smoothing-style',
};
