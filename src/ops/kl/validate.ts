// The check of kl's inputs: P and Q of one shape, each row of each a probability distribution.
import { XentError } from '../../core/errors.js';
import type { MessageParam } from '../../i18n/messages.js';
import type { Matrix } from '../../core/matrix.js';
import { checkDistributions } from '../entropy/validate.js';

/**
 * P and Q, row i of each a distribution over the same classes: the same shape, and every
 * row of each a distribution (entries ≥ 0 summing to 1). `sources` name them in messages.
 *
 * @example
 * checkKlInputs(fromRows([[0.5, 0.5]]), fromRows([[1, 0, 0]]), sources) // throws err.kl.shape: 1×2 and 1×3
 */
export function checkKlInputs(
  p: Matrix,
  q: Matrix,
  sources: { readonly p: MessageParam; readonly q: MessageParam },
): void {
  if (p.rows !== q.rows || p.cols !== q.cols) {
    throw new XentError('err.kl.shape', { pRows: p.rows, pCols: p.cols, qRows: q.rows, qCols: q.cols });
  }
  checkDistributions(p, sources.p);
  checkDistributions(q, sources.q);
}

/** How P and Q are given: logits (with a temperature) and a log target say two things of P; a temperature needs logits. */
export function checkKlInputChoice(given: {
  readonly logits: boolean;
  readonly logTarget: boolean;
  readonly temperature: boolean;
}): void {
  if (given.logits && given.logTarget) throw new XentError('err.kl.logitsAndLogTarget', {}, true);
  if (!given.logits && given.temperature) throw new XentError('err.kl.temperatureNeedsLogits', {}, true);
}
