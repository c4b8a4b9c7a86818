import { XentError } from '../errors.js';
import type { MessageParam } from '../i18n/messages.js';
import { shiftedSumExp } from '../math/log-sum-exp.js';
import { ColumnLogSumExp } from '../math/online-log-sum-exp.js';
import { checkSoftmaxRow } from './row-checks.js';

/** What a part of the matrix contributes; plain data, so a worker thread can send it. */
export interface ClipSumsState {
  readonly lossI2t: number;
  readonly rows: number;
  readonly firstRow: number;
  readonly diagonal: Float64Array;
  readonly columns: { max: Float64Array; sum: Float64Array } | null;
}

/**
 * The running sums of CLIP's loss over rows of a similarity matrix as they stream by, in
 * O(N) memory: each row's log-sum-exp gives its image→text loss at once; the text→image
 * losses need each column's log-sum-exp (kept online) and the diagonal. Parts of one
 * matrix read in parallel merge into one.
 * loss_i2t = mean_i (lse(row i) − zᵢᵢ), loss_t2i = mean_j (lse(column j) − zⱼⱼ), loss = their mean.
 */
export class ClipSums {
  private columns: ColumnLogSumExp | undefined;
  private scaled = new Float64Array(0);
  private diagonal = new Float64Array(0);
  private lossI2t = 0;
  private count = 0;
  private firstRow = -1;

  constructor(
    private readonly scale: number,
    private readonly source: MessageParam,
  ) {}

  /** Row i (0-based, of the whole matrix); `row` may be reused by the caller. */
  add(row: Float64Array, i: number): void {
    const n = row.length;
    if (!this.columns) {
      this.columns = new ColumnLogSumExp(n);
      this.scaled = new Float64Array(n);
      this.diagonal = new Float64Array(n);
      this.firstRow = i;
    }
    if (i >= n) throw new XentError('err.notSquare', { command: 'clip', rows: i + 1, cols: n });
    const scaled = this.scaled;
    for (let j = 0; j < n; j++) scaled[j] = this.scale * row[j];
    checkSoftmaxRow(scaled, i, this.source);
    const { max, sum } = shiftedSumExp(scaled);
    this.lossI2t += max + Math.log(sum) - scaled[i];
    this.diagonal[i] = scaled[i];
    this.columns.add(scaled);
    this.count++;
  }

  state(): ClipSumsState {
    return {
      lossI2t: this.lossI2t,
      rows: this.count,
      firstRow: this.firstRow,
      diagonal: this.diagonal,
      columns: this.columns ? this.columns.toJSON() : null,
    };
  }

  /** Folds in the sums of the rows that follow these (a later part of the file). */
  merge(later: ClipSumsState): void {
    if (!later.columns || later.rows === 0) return;
    if (!this.columns) {
      this.columns = ColumnLogSumExp.from(later.columns);
      this.diagonal = Float64Array.from(later.diagonal);
      this.firstRow = later.firstRow;
    } else {
      this.columns.merge(ColumnLogSumExp.from(later.columns));
      const end = Math.min(later.firstRow + later.rows, this.diagonal.length);
      this.diagonal.set(later.diagonal.subarray(later.firstRow, end), later.firstRow);
    }
    this.lossI2t += later.lossI2t;
    this.count += later.rows;
  }

  /** The symmetric loss, once every row is in. */
  loss(rows: number, cols: number): number {
    if (rows !== cols) throw new XentError('err.notSquare', { command: 'clip', rows, cols });
    const lse = this.columns!.result();
    let lossT2i = 0;
    for (let j = 0; j < cols; j++) {
      if (lse[j] === -Infinity) throw new XentError('err.allNegInf', { line: { key: 'where.column', params: { index: j + 1 } } });
      lossT2i += lse[j] - this.diagonal[j];
    }
    return (this.lossI2t / rows + lossT2i / cols) / 2;
  }
}
