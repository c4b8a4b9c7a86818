// focalLoss for library callers, with the options, defaults and checks of `xent focal`: the
// same validator (validate.ts), the same kernels.
import { type MatrixLike, choice, toList, toMatrix, toRows, inLibraryWords } from '../../core/library-input.js';
import { NATS } from '../../core/units.js';
import type { Reduction } from '../cross-entropy/kernel.js';
import { evaluateFocal } from './metrics.js';
import { DEFAULT_GAMMA, type FocalOptionNames, type FocalSpec, type FocalTargets } from './spec.js';
import { checkFocalInput, checkFocalOptions, checkFocalTargetChoice, resolveAlpha } from './validate.js';

const REDUCTIONS: readonly Reduction[] = ['mean', 'sum', 'none'];
/** The library's option names, in its errors. */
const NAMES: FocalOptionNames = { alpha: 'alpha', gamma: 'gamma', target: 'target' };

export interface FocalLossOptions {
  /** Sigmoid focal loss (torchvision): one label or probability in [0, 1] per logit (`--targets`). */
  readonly targets?: MatrixLike;
  /** Softmax focal loss: one class index per row, 0-based, or 'diag' (`-y`). */
  readonly target?: readonly number[] | 'diag';
  /**
   * Sigmoid form: α in [0, 1] on the positives (default 0.25; negative: none). Softmax form: one
   * α for every class or one per class (default: none).
   */
  readonly alpha?: number | readonly number[];
  /** γ ≥ 0, default 2. */
  readonly gamma?: number;
  /** 'mean' (default; over all elements, or over rows for the softmax form), 'sum' or 'none'. */
  readonly reduction?: Reduction;
  /** The input holds probabilities instead of logits (`--probs`). */
  readonly probs?: boolean;
}

export interface FocalLossResult {
  /** σ(z) per element, or softmax(z) per row (the input itself with `probs`). */
  readonly probs: number[][];
  /** Per-element losses (sigmoid form, number[][]) or per-row losses (softmax form, number[]). */
  readonly losses: number[][] | number[];
  /** The reduced loss; NaN for 'none'. */
  readonly loss: number;
  /** The mean loss, whatever the reduction. */
  readonly meanLoss: number;
  /** Per element at 0.5 (sigmoid form) or the share of rows whose target is the unique arg-max. */
  readonly accuracy: number;
  /** ∂loss/∂input (∂Σ losses for 'none'). */
  readonly grad: number[][];
}

/**
 * The focal loss of Lin et al., as `xent focal`: with `targets`, the sigmoid focal loss of
 * torchvision.ops.sigmoid_focal_loss, α_t·BCE·(1 − p_t)^γ per element; with `target`, the
 * softmax focal loss −α_y·(1 − p_y)^γ·log p_y per row. The gradient is in closed form.
 *
 * @example
 * focalLoss([[2, -1]], { targets: [[1, 0]], reduction: 'none' }).losses // [[0.00045, 0.01699]]
 * focalLoss([[2, 0.5, -1]], { target: [0] }).loss // 0.011093
 */
export function focalLoss(input: MatrixLike, options: FocalLossOptions): FocalLossResult {
  return inLibraryWords(() => {
    const inputIsProbs = options.probs === true;
    const what = inputIsProbs ? 'the probabilities' : 'the logits';
    const m = toMatrix(input, what);
    checkFocalTargetChoice(options.targets !== undefined, options.target !== undefined);
    const targets: FocalTargets =
      options.targets !== undefined
        ? { kind: 'binary', targets: toMatrix(options.targets, 'the targets') }
        : { kind: 'class', given: options.target === 'diag' ? 'diag' : toList(options.target ?? [], 'target') };
    const given = options.alpha;
    const alphaList = given === undefined ? undefined : typeof given === 'number' ? [given] : toList(given, 'alpha');
    const alpha = resolveAlpha(alphaList, targets.kind);
    const spec: FocalSpec = {
      targets,
      ...(alpha !== undefined ? { alpha } : {}),
      gamma: options.gamma ?? DEFAULT_GAMMA,
      reduction: choice(options.reduction, 'reduction', REDUCTIONS, 'mean'),
      inputIsProbs,
      unit: NATS,
      grad: true,
    };
    checkFocalOptions(spec, NAMES);
    const classes = checkFocalInput(m, spec, what, NAMES);
    const r = evaluateFocal(m, spec, classes);
    const losses = r.kind === 'binary' ? toRows(r.result.losses) : Array.from(r.result.losses);
    return {
      probs: toRows(r.result.probs),
      losses,
      loss: r.result.loss,
      meanLoss: r.result.meanLoss,
      accuracy: r.accuracy,
      grad: toRows(r.result.grad),
    };
  });
}
