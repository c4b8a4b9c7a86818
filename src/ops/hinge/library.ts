// hingeLoss for library callers, with the options, defaults and checks of `xent hinge`: the
// same validator (validate.ts), the same kernel.
import { type MatrixLike, choice, toList, toMatrix, toRows, inLibraryWords } from '../../core/library-input.js';
import type { Reduction } from '../cross-entropy/kernel.js';
import { accuracyOf, inTopK } from '../cross-entropy/metrics.js';
import { rowView } from '../../core/matrix.js';
import { multiClassHinge } from './kernel.js';
import { HINGE_STYLES, type HingeOptionNames, type HingeSpec, type HingeStyle } from './spec.js';
import { checkHingeInput, checkHingeOptions } from './validate.js';

const REDUCTIONS: readonly Reduction[] = ['mean', 'sum', 'none'];
/** The library's option names, in its errors. */
const NAMES: HingeOptionNames = { target: 'target', weight: 'weight', p: 'p', margin: 'margin' };

export interface HingeLossOptions {
  /** 'ww' (CS231n's SVM, default), 'torch' (F.multi_margin_loss: ÷ C) or 'cs' (Crammer–Singer). */
  readonly style?: HingeStyle;
  /** 1 (default) or 2 (squared hinge). */
  readonly p?: number;
  /** Δ, default 1. */
  readonly margin?: number;
  /** One weight per class; the row's loss is multiplied by its target's. */
  readonly weight?: readonly number[];
  /** 'mean' over rows (default), 'sum' or 'none'. */
  readonly reduction?: Reduction;
}

export interface HingeLossResult {
  readonly losses: number[];
  /** The reduced loss; NaN for 'none'. */
  readonly loss: number;
  readonly meanLoss: number;
  /** Share of rows whose target has the unique highest score. */
  readonly accuracy: number;
  /** ∂loss/∂score (∂Σ losses for 'none'). */
  readonly grad: number[][];
}

/**
 * Multi-class margin loss of scores against a class per row, as `xent hinge`: CS231n's SVM,
 * F.multi_margin_loss or Crammer–Singer, with the subgradient in closed form.
 *
 * @example
 * hingeLoss([[3.2, 5.1, -1.7]], [0]).loss // 2.9 (CS231n's cat)
 * hingeLoss([[3.2, 5.1, -1.7]], [0], { style: 'torch' }).loss // 0.9667 (÷ 3 classes)
 */
export function hingeLoss(
  scores: MatrixLike,
  target: readonly number[] | 'diag',
  options: HingeLossOptions = {},
): HingeLossResult {
  return inLibraryWords(() => {
    const m = toMatrix(scores, 'the scores');
    const spec: HingeSpec = {
      target: target === 'diag' ? 'diag' : toList(target, 'target'),
      style: choice(options.style, 'style', HINGE_STYLES, 'ww'),
      p: (options.p ?? 1) as 1 | 2,
      margin: options.margin ?? 1,
      ...(options.weight !== undefined ? { weight: toList(options.weight, 'weight') } : {}),
      reduction: choice(options.reduction, 'reduction', REDUCTIONS, 'mean'),
      grad: true,
    };
    checkHingeOptions(spec, NAMES);
    const classes = checkHingeInput(m, spec, 'the scores', NAMES);
    const r = multiClassHinge(m, classes, spec);
    return {
      losses: Array.from(r.losses),
      loss: r.loss,
      meanLoss: r.meanLoss,
      accuracy: accuracyOf(classes.map((y, i) => inTopK(rowView(m, i), y, 1))),
      grad: toRows(r.grad),
    };
  });
}
