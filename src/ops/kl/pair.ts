// P and Q as `xent kl` and the library's klDivergence take them: distributions as given,
// softmax(x / T) of logits, or P as log P (F.kl_div's log_target), each with its logarithms.
import { XentError } from '../../core/errors.js';
import type { MessageParam } from '../../i18n/messages.js';
import { type Matrix, mapMatrix } from '../../core/matrix.js';
import { softmax } from '../softmax/kernel.js';
import { checkSoftmaxInput } from '../softmax/validate.js';
import type { KlPair } from './kernel.js';
import type { KlInputs } from './spec.js';
import { checkKlInputs } from './validate.js';

/**
 * P and Q with their logarithms, checked: the same shape; distributions as given, softmax(x / T)
 * of logits, or P from log P (log target) whose rows must then sum to 1. `sources` name --p and
 * --q (or the library's p and q) in errors.
 *
 * @example
 * klPairOf(fromRows([[0, 0]]), fromRows([[1, 0]]), 'logits', 1, sources).p // [[0.5, 0.5]]
 */
export function klPairOf(
  p: Matrix,
  q: Matrix,
  inputs: KlInputs,
  temperature: number,
  sources: { readonly p: MessageParam; readonly q: MessageParam },
): KlPair {
  if (p.rows !== q.rows || p.cols !== q.cols)
    throw new XentError('err.kl.shape', { pRows: p.rows, pCols: p.cols, qRows: q.rows, qCols: q.cols });
  if (inputs === 'logits') {
    checkSoftmaxInput(p, 'row', sources.p);
    checkSoftmaxInput(q, 'row', sources.q);
    const sp = softmax(p, temperature, 'row');
    const sq = softmax(q, temperature, 'row');
    return { p: sp.probs, logP: sp.logProbs, q: sq.probs, logQ: sq.logProbs };
  }
  const probsP = inputs === 'log-target' ? mapMatrix(p, Math.exp) : p;
  checkKlInputs(probsP, q, sources);
  return {
    p: probsP,
    logP: inputs === 'log-target' ? p : mapMatrix(p, Math.log),
    q,
    logQ: mapMatrix(q, Math.log),
  };
}
