// The one check of softmax's inputs: the CLI, the library, descend and the streaming path all
// call it, so the same bad value gives the same error everywhere. The row check is the
// primitive; the matrix check runs it over each row (or column) and says nothing of its own.
import { XentError } from '../../core/errors.js';
import type { MessageParam } from '../../i18n/messages.js';
import { type Matrix, at, rowView } from '../../core/matrix.js';
import type { Axis } from './kernel.js';

/**
 * The error for a logit no softmax can take, at row `row`, column `col` (0-based) of
 * `source`: NaN (as the parser words it), or +inf (exp(+inf) / exp(+inf) is inf/inf).
 * Exported for the streaming kernels that inline their check in their own loop.
 */
export function badLogitError(value: number, row: number, col: number, source: MessageParam): XentError {
  const where = { row: row + 1, col: col + 1, source };
  return Number.isNaN(value)
    ? new XentError('err.nan', { token: 'NaN', ...where })
    : new XentError('err.posInf', where);
}

/** {@link badLogitError} of entry `k` of row (or column) `index`, both 0-based. */
function badEntryOfLine(value: number, axis: Axis, index: number, k: number, source: MessageParam): XentError {
  return axis === 'row' ? badLogitError(value, index, k, source) : badLogitError(value, k, index, source);
}

/** The error for row (or column) `index` (0-based) whose every logit is −inf: every class is masked. */
export function maskedLineError(axis: Axis, index: number): XentError {
  return new XentError('err.allNegInf', {
    line: { key: axis === 'row' ? 'where.row' : 'where.column', params: { index: index + 1 } },
  });
}

/** The error for a line with no logits at all: nothing to normalise. */
export function emptyLogitsError(source: MessageParam): XentError {
  return new XentError('err.empty', { source });
}

/**
 * Checks one line of logits that softmax normalises: row `index` (axis 'row') or column
 * `index` (axis 'col') of `source`, 0-based. Every entry must be a number below +inf, and
 * at least one above −inf (a line of only −inf masks every class). An error names the
 * entry's row and column in the matrix, whichever way the line runs.
 *
 * @example
 * checkSoftmaxLine([1, Infinity], 'row', 2, 'the logits') // throws err.posInf at row 3, column 2
 */
export function checkSoftmaxLine(values: ArrayLike<number>, axis: Axis, index: number, source: MessageParam): void {
  if (values.length === 0) throw emptyLogitsError(source);
  let allMasked = true;
  for (let k = 0; k < values.length; k++) {
    const x = values[k];
    if (x === -Infinity) continue;
    allMasked = false;
    // One comparison for the usual case; +inf and NaN both fail it.
    if (!(x < Infinity)) throw badEntryOfLine(x, axis, index, k, source);
  }
  if (allMasked) throw maskedLineError(axis, index);
}

/** {@link checkSoftmaxLine} of row `index` (0-based), for a row as it streams by. */
export function checkSoftmaxRow(row: ArrayLike<number>, index: number, source: MessageParam): void {
  checkSoftmaxLine(row, 'row', index, source);
}

/** Runs `check` on each row (axis 'row') or each column (axis 'col') of `m`, in order. */
function forEachLine(m: Matrix, axis: Axis, check: (values: ArrayLike<number>, index: number) => void): void {
  if (axis === 'row') {
    for (let i = 0; i < m.rows; i++) check(rowView(m, i), i);
    return;
  }
  const column = new Float64Array(m.rows);
  for (let j = 0; j < m.cols; j++) {
    for (let i = 0; i < m.rows; i++) column[i] = at(m, i, j);
    check(column, j);
  }
}

/**
 * Checks every row (axis 'row') or every column (axis 'col') of the logits as
 * {@link checkSoftmaxLine} does, in that order: a streamed row and the same row of a whole
 * matrix give the same error.
 *
 * @example
 * checkSoftmaxInput(fromRows([[1, 2], [-Infinity, -Infinity]]), 'row', 'the logits') // throws err.allNegInf, row 2
 */
export function checkSoftmaxInput(logits: Matrix, axis: Axis, source: MessageParam): void {
  if (logits.rows === 0 || logits.cols === 0) throw emptyLogitsError(source);
  forEachLine(logits, axis, (values, index) => checkSoftmaxLine(values, axis, index, source));
}

/**
 * Checks one line whose log-sum-exp is taken, with the rules of {@link checkSoftmaxLine} that
 * apply to it: entries, and no NaN. +inf and a line of only −inf are allowed: their
 * log-sum-exp is +inf and −inf.
 */
function checkLogSumExpLine(values: ArrayLike<number>, axis: Axis, index: number, source: MessageParam): void {
  if (values.length === 0) throw emptyLogitsError(source);
  for (let k = 0; k < values.length; k++) {
    const x = values[k];
    if (Number.isNaN(x)) throw badEntryOfLine(x, axis, index, k, source);
  }
}

/** {@link checkLogSumExpLine} of every row (axis 'row') or every column (axis 'col'). */
export function checkLogSumExpInput(values: Matrix, axis: Axis, source: MessageParam): void {
  if (values.rows === 0 || values.cols === 0) throw emptyLogitsError(source);
  forEachLine(values, axis, (line, index) => checkLogSumExpLine(line, axis, index, source));
}

/**
 * A temperature T that logits are divided by: a finite number above 0. `text` is what the
 * user wrote, quoted by the message (a library caller's number is shown as it is).
 *
 * @example
 * checkTemperature(0.5) // 0.5
 * checkTemperature(0, '0') // throws err.temperature
 */
export function checkTemperature(value: number, text?: string): number {
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new XentError('err.temperature', { value: text ?? value }, true);
  }
  return value;
}

/**
 * A temperature whose scale 1/T is a float64 number too (above ~5.6e-309): where a loss's
 * gradient carries the factor 1/T, a smaller T makes it inf, and inf − inf NaN.
 */
export function checkInvertibleTemperature(value: number, text?: string): number {
  checkTemperature(value, text);
  if (!Number.isFinite(1 / value)) throw new XentError('err.temperatureTiny', { value: text ?? value }, true);
  return value;
}
