// klDivergence for library callers, with the options, defaults and checks of `xent kl`.
import { rowView } from '../../core/matrix.js';
import { type MatrixLike, choice, toMatrix, toRows, inLibraryWords } from '../../core/library-input.js';
import { DISTILL_REDUCTIONS, type DistillReduction } from '../distill/spec.js';
import { checkTemperature } from '../softmax/validate.js';
import { crossFromLog, entropyFromLog, klElements, klFromLogs, klReduced } from './kernel.js';
import { klPairOf } from './pair.js';
import { checkKlInputChoice } from './validate.js';

export type KlReduction = DistillReduction;

export interface KlOptions {
  /** p and q are logits: each row is softmax(x / T) (`--logits`). */
  readonly logits?: boolean;
  /** T of `logits` (`-t`); default 1. Only with `logits`. */
  readonly temperature?: number;
  /** p is given as log P (`--log-target`, F.kl_div's log_target=True); q stays probabilities. */
  readonly logTarget?: boolean;
  /** F.kl_div's reduction (`-r`): 'batchmean' (default: Σ / N, the KL per row), 'mean' (Σ / (N·C), PyTorch's default), 'sum' or 'none'. */
  readonly reduction?: KlReduction;
}

export interface KlResult {
  /** P and Q as distributions (softmax of logits, exp of a log target, or as given). */
  readonly p: number[][];
  readonly q: number[][];
  /** KL(P‖Q) of each pair of rows (inf where P has mass and Q has none). */
  readonly kl: number[];
  /** H(P) and H(P, Q) = H(P) + KL(P‖Q) of each row. */
  readonly entropy: number[];
  readonly crossEntropy: number[];
  /** The mean of `kl` over the rows. */
  readonly meanKl: number;
  /** F.kl_div's pointwise terms P·(log P − log Q), what reduction 'none' returns. */
  readonly elements: number[][];
  /** The reduced loss, as F.kl_div returns it; NaN for 'none' (the elements are the result). */
  readonly loss: number;
}

/**
 * KL(P‖Q) = Σ P log(P/Q) of each pair of rows, as `xent kl` and PyTorch's F.kl_div(log Q, P):
 * P and Q as distributions, or both as logits (softmax(x / T)), or P as log P; the reduced
 * loss in F.kl_div's four reductions, 'batchmean' by default (PyTorch's own default, 'mean',
 * divides by the elements too: C times smaller).
 *
 * @example
 * klDivergence([0.5, 0.5], [0.9, 0.1]).kl // [0.5108] (nats, to 4 decimals)
 * klDivergence([[0.1, 0.2, 0.3, 0.2, 0.2]], [[0.2, 0.2, 0.2, 0.2, 0.2]], { reduction: 'mean' }).loss // 0.010464962875290942
 * klDivergence([3, 1, -2], [2, 0.5, -1], { logits: true, temperature: 4 }).loss
 */
export function klDivergence(p: MatrixLike, q: MatrixLike, options: KlOptions = {}): KlResult {
  return inLibraryWords(() => {
    const logits = options.logits === true;
    const logTarget = options.logTarget === true;
    checkKlInputChoice({ logits, logTarget, temperature: options.temperature !== undefined });
    const temperature = options.temperature === undefined ? 1 : checkTemperature(options.temperature);
    const reduction = choice(options.reduction, 'reduction', DISTILL_REDUCTIONS, 'batchmean');
    const pair = klPairOf(
      toMatrix(p, 'p'),
      toMatrix(q, 'q'),
      logits ? 'logits' : logTarget ? 'log-target' : 'probs',
      temperature,
      { p: { key: 'source.option', params: { option: 'p' } }, q: { key: 'source.option', params: { option: 'q' } } },
    );
    const rows = Array.from({ length: pair.p.rows }, (_, i) => {
      const pi = rowView(pair.p, i);
      const logPi = rowView(pair.logP, i);
      const logQi = rowView(pair.logQ, i);
      return { h: entropyFromLog(pi, logPi), cross: crossFromLog(pi, logQi), kl: klFromLogs(pi, logPi, logQi) };
    });
    const kl = rows.map((r) => r.kl);
    const elements = klElements(pair);
    return {
      p: toRows(pair.p),
      q: toRows(pair.q),
      kl,
      entropy: rows.map((r) => r.h),
      crossEntropy: rows.map((r) => r.cross),
      meanKl: kl.reduce((a, b) => a + b, 0) / kl.length,
      elements: toRows(elements),
      loss: klReduced(elements, reduction),
    };
  });
}
