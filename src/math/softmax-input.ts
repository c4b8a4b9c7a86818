import { XentError } from '../errors.js';
import type { MessageParam } from '../i18n/messages.js';
import { type Matrix, at } from '../matrix.js';
import type { Axis } from './softmax.js';

/**
 * Softmax needs every row (or column) to have a finite largest logit: +inf gives inf/inf,
 * and a line of only −inf masks every class. Rejects both, naming where.
 */
export function checkSoftmaxInput(logits: Matrix, axis: Axis, source: MessageParam): void {
  for (let i = 0; i < logits.rows; i++) {
    for (let j = 0; j < logits.cols; j++) {
      if (at(logits, i, j) === Infinity) {
        throw new XentError('err.posInf', { row: i + 1, col: j + 1, source });
      }
    }
  }
  const lines = axis === 'row' ? logits.rows : logits.cols;
  const length = axis === 'row' ? logits.cols : logits.rows;
  for (let a = 0; a < lines; a++) {
    let allMasked = true;
    for (let b = 0; b < length && allMasked; b++) {
      allMasked = (axis === 'row' ? at(logits, a, b) : at(logits, b, a)) === -Infinity;
    }
    if (allMasked) {
      throw new XentError('err.allNegInf', {
        line: { key: axis === 'row' ? 'where.row' : 'where.column', params: { index: a + 1 } },
      });
    }
  }
}
