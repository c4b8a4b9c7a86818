import { inLibraryWords } from '../core/library-input.js';
import type { MessageParam } from '../i18n/messages.js';
import { type ParsedMatrix, parseMatrixText } from './matrix-text.js';

export type { ParsedMatrix };

/**
 * Reads a matrix from text in any notation the CLI reads: plain numbers (`2 0.5 -1`,
 * `1,2;3,4`), CSV/TSV with an optional header row, JSON or Python lists, MATLAB
 * brackets, NumPy's and PyTorch's printed arrays (`tensor([[1., 2.]])`); `inf` and `-inf`
 * are numbers. Returns a {@link Matrix} (with `colLabels` from a header row) that every
 * function here accepts; bad text throws an XentError naming the row, column and token.
 *
 * @example
 * const m = parseMatrix('tensor([[2., 0.5, -1.], [0.3, 1.8, 0.2]])');
 * m.rows // 2; m.cols // 3
 * toRows(m) // [[2, 0.5, -1], [0.3, 1.8, 0.2]]
 * parseMatrix('a,b\n1,2\n').colLabels // ['a', 'b']
 */
export function parseMatrix(text: string, source: MessageParam = 'the text'): ParsedMatrix {
  return inLibraryWords(() => parseMatrixText(text, source));
}
