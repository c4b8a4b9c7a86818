// The one check of SigLIP's inputs, on typed values: `xent siglip` (its readSpec) and the
// library's sigLipLoss call these, so the same bad input gets the same error key.
import { XentError } from '../../core/errors.js';
import { type GivenNumber, checkScale } from '../clip/validate.js';

export { checkScale };

/** A number that must be finite (the bias b). */
export function checkFinite(given: GivenNumber, option: string): number {
  if (!Number.isFinite(given.value))
    throw new XentError('err.finiteOption', { option, value: given.text ?? given.value }, true);
  return given.value;
}

/** SigLIP's logits are N×N: image i's positive is text i. */
export function checkSiglipShape(rows: number, cols: number): void {
  if (rows !== cols) throw new XentError('err.notSquare', { command: 'siglip', rows, cols });
}

/** -s, -b and --no-normalize shape the logits from embeddings; with a ready logits matrix they are refused, not ignored. */
export function checkLogitsOnlyOptions(given: readonly string[], usage = false): void {
  if (given.length > 0) throw new XentError('err.logitsOption', { option: given[0] }, usage);
}
