import { XentError } from '../errors.js';
import type { MessageParam } from '../i18n/messages.js';
import { ColumnLogSumExp } from '../math/online-log-sum-exp.js';

/** What a part of the matrix contributes; plain data, so a worker thread can send it. */
export interface ClipSumsState {
  readonly lossI2t: number;
  readonly rows: number;
  readonly firstRow: number;
  readonly diagonal: Float64Array;
  readonly columns: { max: Float64Array; sum: Float64Array } | null;
}

/** Rows are gathered into blocks of about this many values (512 KB) before their exps are taken. */
const BLOCK_VALUES = 1 << 16;

/**
 * How far below the block's largest value a row's or column's own maximum may lie and still
 * share the block's exps. exp(x − M) then keeps the row's (column's) largest term ≥ e^−64,
 * far from underflow, and the extra rounding of x − M is at most 64·2⁻⁵³ in the log-sum-exp.
 * A row or column further below gets exps of its own.
 */
const SHARED_RANGE = 64;

/**
 * The running sums of CLIP's loss over rows of a similarity matrix as they stream by, in
 * O(N) memory: each row's log-sum-exp gives its image→text loss; the text→image losses need
 * each column's log-sum-exp (kept online) and the diagonal. Parts of one matrix read in
 * parallel merge into one.
 * loss_i2t = mean_i (lse(row i) − zᵢᵢ), loss_t2i = mean_j (lse(column j) − zⱼⱼ), loss = their mean.
 *
 * Speed: rows are checked as they arrive, then gathered into blocks; within a block one
 * exp(zᵢⱼ − M), with M the block's largest value, serves both the row sums and the column
 * sums (rows and columns whose maximum lies far below M get their own, see SHARED_RANGE).
 * That is one exp per value where a row pass and a column pass would take two.
 */
export class ClipSums {
  private columns: ColumnLogSumExp | undefined;
  private diagonal = new Float64Array(0);
  private lossI2t = 0;
  private count = 0;
  private firstRow = -1;
  // The block being gathered: its scaled rows, each row's maximum, each column's maximum.
  private block = new Float64Array(0);
  private blockRows = 0;
  private blockCapacity = 0;
  private blockFirstRow = 0;
  private rowMax = new Float64Array(0);
  private colMax = new Float64Array(0);
  // The block's column sums, and the reference each is taken against.
  private colSum = new Float64Array(0);
  private colRef = new Float64Array(0);

  constructor(
    private readonly scale: number,
    private readonly source: MessageParam,
    /** Values per block (tests make it small, to cross block boundaries on small matrices). */
    private readonly blockValues = BLOCK_VALUES,
  ) {}

  /** Row i (0-based, of the whole matrix); `row` may be reused by the caller. */
  add(row: Float64Array, i: number): void {
    const n = row.length;
    if (this.blockCapacity === 0) this.start(n, i);
    if (i >= n) throw new XentError('err.notSquare', { command: 'clip', rows: i + 1, cols: n });
    if (this.blockRows === 0) this.blockFirstRow = i;
    const block = this.block;
    const colMax = this.colMax;
    const scale = this.scale;
    const base = this.blockRows * n;
    // Scale, check (as checkSoftmaxRow: no +inf, not all −inf) and take the maxima in one pass.
    let max = -Infinity;
    for (let j = 0; j < n; j++) {
      const x = scale * row[j];
      if (x === Infinity) throw new XentError('err.posInf', { row: i + 1, col: j + 1, source: this.source });
      block[base + j] = x;
      if (x > max) max = x;
      if (x > colMax[j]) colMax[j] = x;
    }
    if (max === -Infinity) throw new XentError('err.allNegInf', { line: { key: 'where.row', params: { index: i + 1 } } });
    this.rowMax[this.blockRows] = max;
    this.diagonal[i] = block[base + i];
    this.count++;
    if (++this.blockRows === this.blockCapacity) this.flush();
  }

  private start(n: number, i: number): void {
    if (!this.columns) {
      this.columns = new ColumnLogSumExp(n);
      this.diagonal = new Float64Array(n);
      this.firstRow = i;
    }
    this.blockCapacity = Math.max(1, Math.min(n, Math.floor(this.blockValues / n)));
    this.block = new Float64Array(this.blockCapacity * n);
    this.rowMax = new Float64Array(this.blockCapacity);
    this.colMax = new Float64Array(n).fill(-Infinity);
    this.colSum = new Float64Array(n);
    this.colRef = new Float64Array(n);
  }

  /** Takes the exps of the gathered rows: adds their row losses and folds their column sums in. */
  private flush(): void {
    const rows = this.blockRows;
    if (rows === 0) return;
    const { block, rowMax, colMax, colSum, colRef } = this;
    const n = colMax.length;
    let top = -Infinity;
    for (let r = 0; r < rows; r++) if (rowMax[r] > top) top = rowMax[r];
    colSum.fill(0);
    for (let r = 0; r < rows; r++) {
      const base = r * n;
      let rowSum = 0;
      if (top - rowMax[r] <= SHARED_RANGE) {
        for (let j = 0; j < n; j++) {
          const e = Math.exp(block[base + j] - top);
          rowSum += e;
          colSum[j] += e;
        }
        this.lossI2t += top + Math.log(rowSum);
      } else {
        const own = rowMax[r];
        for (let j = 0; j < n; j++) {
          const x = block[base + j];
          colSum[j] += Math.exp(x - top);
          rowSum += Math.exp(x - own);
        }
        this.lossI2t += own + Math.log(rowSum);
      }
      this.lossI2t -= this.diagonal[this.blockFirstRow + r];
    }
    for (let j = 0; j < n; j++) {
      const own = colMax[j];
      if (own === -Infinity) {
        colRef[j] = -Infinity; // only −inf in this block: nothing to add
      } else if (top - own <= SHARED_RANGE) {
        colRef[j] = top;
      } else {
        let sum = 0;
        for (let r = 0; r < rows; r++) sum += Math.exp(block[r * n + j] - own);
        colSum[j] = sum;
        colRef[j] = own;
      }
    }
    this.columns!.merge({ max: colRef, sum: colSum });
    colMax.fill(-Infinity);
    this.blockRows = 0;
  }

  state(): ClipSumsState {
    this.flush();
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
    this.flush();
    if (!this.columns) {
      this.columns = ColumnLogSumExp.from(later.columns);
      this.diagonal = Float64Array.from(later.diagonal);
      this.firstRow = later.firstRow;
    } else {
      this.columns.merge(later.columns);
      const end = Math.min(later.firstRow + later.rows, this.diagonal.length);
      this.diagonal.set(later.diagonal.subarray(later.firstRow, end), later.firstRow);
    }
    this.lossI2t += later.lossI2t;
    this.count += later.rows;
  }

  /** The symmetric loss, once every row is in. */
  loss(rows: number, cols: number): number {
    if (rows !== cols) throw new XentError('err.notSquare', { command: 'clip', rows, cols });
    this.flush();
    const lse = this.columns!.result();
    let lossT2i = 0;
    for (let j = 0; j < cols; j++) {
      if (lse[j] === -Infinity) throw new XentError('err.allNegInf', { line: { key: 'where.column', params: { index: j + 1 } } });
      lossT2i += lse[j] - this.diagonal[j];
    }
    return (this.lossI2t / rows + lossT2i / cols) / 2;
  }
}
