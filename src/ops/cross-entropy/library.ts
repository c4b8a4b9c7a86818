// crossEntropy for library callers, with the options, defaults and checks of `xent ce`: the
// same validator (validate.ts), the same kernel and metrics.
import {
  type MatrixLike,
  choice,
  isVector,
  toList,
  toMatrix,
  toRows,
  inLibraryWords,
} from '../../core/library-input.js';
import { NATS } from '../../core/units.js';
import { type Reduction, type SmoothingStyle, crossEntropyHessian } from './kernel.js';
import { evaluateCrossEntropy, hessianBlocks, kernelOptions, rowLogSumExp, targetDistributions } from './metrics.js';
import { type CeOptionNames, type CeSpec, type CeTargets, DEFAULT_IGNORE_INDEX } from './spec.js';
import { checkCeInput, checkCeOptions, checkProbsTemperature, checkTargetChoice } from './validate.js';

export type { Reduction, SmoothingStyle };

const REDUCTIONS: readonly Reduction[] = ['mean', 'sum', 'none'];
/** The library's option names, in its errors. */
const NAMES: CeOptionNames = {
  target: 'target',
  weight: 'weight',
  sampleWeight: 'sampleWeight',
  smoothingStyle: 'smoothingStyle',
};
const SMOOTHING_STYLES: readonly SmoothingStyle[] = ['torch', 'others'];

export interface CrossEntropyOptions {
  /** Class weights w_c, one per class, finite and ≥ 0 (`-w`); all 1 when absent. */
  readonly weight?: readonly number[];
  /** A class target equal to this is ignored: loss 0, left out of 'mean' (`--ignore-index`); default −100. */
  readonly ignoreIndex?: number;
  /** Label smoothing ε in [0, 1] (`--label-smoothing`); default 0. */
  readonly labelSmoothing?: number;
  /** How ε is spread (`--smoothing-style`): 'torch' (ε/C on every class, PyTorch and Keras; default) or 'others' (ε/(C − 1) on the other classes, as tutorials teach it). */
  readonly smoothingStyle?: SmoothingStyle;
  /** One weight per row, finite and ≥ 0 (`--sample-weight`, Keras's sample_weight): 'mean' is Σ w·loss / N. */
  readonly sampleWeight?: readonly number[];
  /** Also give each row's Hessian w.r.t. its logits (`--hessian`): `hessian` in the result. */
  readonly hessian?: boolean;
  /** 'mean' (default), 'sum' or 'none' (`-r`). */
  readonly reduction?: Reduction;
  /** Divide the logits by T before the softmax (`-t`); default 1. Not with `probs`. */
  readonly temperature?: number;
  /** The input rows are probabilities already (`--probs`): ℓ = log p. */
  readonly probs?: boolean;
  /** Class targets count from 1 (`--one-based`). */
  readonly oneBased?: boolean;
}

export interface CrossEntropyResult {
  /** softmax(z / T) of each row (the input itself with `probs`). */
  readonly probs: number[][];
  /** log of probs, computed directly. */
  readonly logProbs: number[][];
  /** Each row's loss as reduction 'none' gives it: weighted, 0 for an ignored row. */
  readonly losses: number[];
  /** The reduced loss: 'mean' or 'sum' of the losses; NaN for 'none'. */
  readonly loss: number;
  /** The 'mean' loss whatever the reduction (NaN when nothing is counted). */
  readonly meanLoss: number;
  /** Share of counted rows whose target is the unique arg-max. */
  readonly accuracy: number;
  /** exp(meanLoss). */
  readonly perplexity: number;
  /** ∂loss/∂input (∂Σ losses for 'none'), w.r.t. the logits as given, or the probabilities with `probs`. */
  readonly grad: number[][];
  /** The target distribution each row's loss uses (one-hot or soft, smoothed), unweighted; null for an ignored row. */
  readonly targetProbs: (number[] | null)[];
  /** log Σ_c exp(z_c / T) of each row, the softmax's denominator (absent with `probs`). */
  readonly logSumExp?: number[];
  /** With `hessian`: one C×C matrix per row, ∂²loss/∂z² of that row's logits (or probabilities with `probs`). */
  readonly hessian?: number[][][];
}

/**
 * Cross-entropy of each row of logits against its target, as PyTorch's F.cross_entropy and
 * `xent ce`: the per-row losses, the reduced loss, accuracy, perplexity and the gradient in
 * closed form ((Σ a)·p − a for effective target a, divided by the 'mean' denominator).
 *
 * `target` is a class index per row (a flat array, like `xent ce -y`), `'diag'` (row i is
 * class i), or a probability distribution per row (a Matrix or number[][] of the logits'
 * shape, like `--target-probs`). Defaults: reduction 'mean', ignoreIndex −100, no
 * smoothing, T = 1. 'mean' divides by the summed weight of the counted targets.
 *
 * @example
 * const r = crossEntropy([[2, 0.5, -1], [0.3, 1.8, 0.2]], [0, 1]);
 * r.losses // [0.2413, 0.3542] (to 4 decimals)
 * r.loss // 0.2978 (mean); r.accuracy // 1; r.perplexity // 1.3468
 * r.grad // [[-0.1072, 0.0876, 0.0196], [0.0783, -0.1491, 0.0708]]
 * crossEntropy([[2, 1]], [[0.9, 0.1]]).loss // soft target
 */
export function crossEntropy(
  logits: MatrixLike,
  target: readonly number[] | Float64Array | 'diag' | MatrixLike,
  options: CrossEntropyOptions = {},
): CrossEntropyResult {
  return inLibraryWords(() => {
    const inputIsProbs = options.probs === true;
    const m = toMatrix(logits, 'the logits');
    const reduction = choice(options.reduction, 'reduction', REDUCTIONS, 'mean');
    checkProbsTemperature(inputIsProbs, options.temperature !== undefined);
    // Checked with the CLI's -t (checkCeOptions): the same error for the same bad value.
    const temperature = options.temperature ?? 1;
    const weight = options.weight !== undefined ? toList(options.weight, 'weight') : undefined;
    const index = target === 'diag' || isVector(target as MatrixLike);
    checkTargetChoice({ index, soft: !index, ignoreIndex: options.ignoreIndex !== undefined });
    const targets: CeTargets = index
      ? {
          kind: 'index',
          given: target === 'diag' ? 'diag' : toList(target as readonly number[], 'target'),
          ignoreIndex: options.ignoreIndex ?? DEFAULT_IGNORE_INDEX,
        }
      : { kind: 'probs', probs: toMatrix(target as MatrixLike, 'the target probabilities') };
    const spec: CeSpec = {
      targets,
      oneBased: options.oneBased === true,
      inputIsProbs,
      temperature,
      ...(weight !== undefined ? { weight } : {}),
      labelSmoothing: options.labelSmoothing ?? 0,
      smoothingStyle: choice(options.smoothingStyle, 'smoothingStyle', SMOOTHING_STYLES, 'torch'),
      ...(options.sampleWeight !== undefined ? { sampleWeight: toList(options.sampleWeight, 'sampleWeight') } : {}),
      hessian: options.hessian === true,
      reduction,
      topK: [1],
      unit: NATS,
      grad: true,
    };
    checkCeOptions(spec, NAMES);
    const checked = checkCeInput(m, spec, inputIsProbs ? 'the probabilities' : 'the logits', NAMES);
    const r = evaluateCrossEntropy(m, spec, checked);
    const q = targetDistributions(checked, m.rows, m.cols, spec.labelSmoothing, spec.smoothingStyle);
    return {
      probs: toRows(r.nats.probs),
      logProbs: toRows(r.nats.logProbs),
      losses: Array.from(r.nats.losses),
      loss: r.nats.loss,
      meanLoss: r.nats.meanLoss,
      accuracy: r.accuracy,
      perplexity: r.perplexity,
      grad: toRows(r.nats.grad),
      targetProbs: q.map((row) => (row === null ? null : Array.from(row))),
      ...(inputIsProbs ? {} : { logSumExp: rowLogSumExp(m, temperature) }),
      ...(spec.hessian
        ? { hessian: hessianBlocks(crossEntropyHessian(r.nats, checked, kernelOptions(spec)), m.cols) }
        : {}),
    };
  });
}
