// What `xent bce` computes, as its options read into typed values (bceCommand.readSpec).
import type { Matrix } from '../../core/matrix.js';
import type { Precision } from '../../core/replay.js';
import type { InfoUnit } from '../../core/units.js';
import type { Reduction } from '../cross-entropy/kernel.js';
import type { BinaryCrossEntropyOptions } from './kernel.js';

export interface BceSpec {
  /** One target in [0, 1] per element of the input (`--targets`). */
  readonly targets: Matrix;
  /** PyTorch's pos_weight, one per column, finite and ≥ 0 (`--pos-weight`). */
  readonly posWeight?: readonly number[];
  /** Weights broadcast like PyTorch: 1×1, 1×C, N×1 or N×C, finite and ≥ 0 (`-w`). */
  readonly weight?: Matrix;
  readonly reduction: Reduction;
  /** The input holds probabilities in [0, 1] (`--probs`). */
  readonly inputIsProbs: boolean;
  /** Keras's label smoothing ε in [0, 1] (`--label-smoothing`): y·(1 − ε) + ε/2. */
  readonly labelSmoothing?: number;
  /** Keras's per-row losses (`--per-row`): each row the mean of its elements. */
  readonly perRow?: boolean;
  readonly unit: InfoUnit;
  readonly grad: boolean;
  /** --dtype (and --naive): also replayed in that format. */
  readonly precision?: Precision;
}

/** The names the checks give options by: the CLI's flags, or the library's option names. */
export interface BceOptionNames {
  readonly posWeight: string;
  readonly weight: string;
}

export const BCE_CLI_NAMES: BceOptionNames = { posWeight: '--pos-weight', weight: '-w, --weight' };

/** The kernel's options of a spec: what the CLI and the library both hand to binaryCrossEntropy. */
export function kernelOptions(spec: BceSpec): BinaryCrossEntropyOptions {
  return {
    posWeight: spec.posWeight,
    weight: spec.weight,
    reduction: spec.reduction,
    inputIsProbs: spec.inputIsProbs,
    labelSmoothing: spec.labelSmoothing,
    perRow: spec.perRow,
  };
}
