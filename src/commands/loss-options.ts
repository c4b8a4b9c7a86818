// Options and input checks shared by the loss commands (ce, bce): reductions, weights,
// probability input. Each throws a translated XentError naming the option and the value.
import { readChoice, readNumberList } from '../cli/option-values.js';
import { XentError } from '../errors.js';
import { formatExact } from '../format/number.js';
import type { MessageParam } from '../i18n/messages.js';
import type { Matrix } from '../matrix.js';
import type { Reduction } from '../math/cross-entropy.js';

export const REDUCTIONS = ['mean', 'sum', 'none'] as const satisfies readonly Reduction[];

export function readReduction(value: string | undefined): Reduction {
  return readChoice(value, '--reduction', REDUCTIONS, 'mean');
}

/** Weights must be finite and ≥ 0; `index` in the error is 1-based. */
export function checkWeights(values: ArrayLike<number>, option: string): void {
  for (let k = 0; k < values.length; k++) {
    const w = values[k];
    if (!(w >= 0) || !Number.isFinite(w)) {
      throw new XentError('err.ce.weightBad', { option, value: formatExact(w), index: k + 1 }, true);
    }
  }
}

/** A list of one number per class (or column): right length, finite, ≥ 0. */
export function readClassWeights(value: string, option: string, classes: number): number[] {
  const weights = readNumberList(value, option);
  if (weights.length !== classes) {
    throw new XentError('err.ce.weightCount', { option, got: weights.length, classes }, true);
  }
  checkWeights(weights, option);
  return weights;
}

/** `--probs` input: every value must be a probability. */
export function checkProbabilities(m: Matrix, source: MessageParam): void {
  for (let k = 0; k < m.data.length; k++) {
    const p = m.data[k];
    if (!(p >= 0 && p <= 1)) {
      const row = Math.floor(k / m.cols) + 1;
      throw new XentError('err.ce.probsRange', { value: formatExact(p), row, col: (k % m.cols) + 1, source });
    }
  }
}

/** A sum shown in a warning: enough digits to see how far from 1 it is. */
export function sumText(sum: number): string {
  return formatExact(Number(sum.toPrecision(10)));
}
