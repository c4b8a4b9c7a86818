import { fromRows } from '../core/matrix.js';
import type { ParsedMatrix } from '../text/matrix-text.js';

/**
 * The built-in example: a 3×3 image–text similarity matrix whose diagonal holds the
 * positive pairs. `xent demo`, `npm start` and `--example` use it.
 */
export const EXAMPLE_MATRIX: ParsedMatrix = fromRows([
  [2.0, 0.5, -1.0],
  [0.3, 1.8, 0.2],
  [-0.5, 0.4, 1.5],
]);
