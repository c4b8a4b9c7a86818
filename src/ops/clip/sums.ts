import { badLogitError, maskedLineError } from '../softmax/validate.js';
import { checkClipShape, notSquareError } from './validate.js';
import type { MessageParam } from '../../i18n/messages.js';
import { ColumnLogSumExp, type ColumnLogSumExpState } from '../../core/online-log-sum-exp.js';
import { addAt, CompensatedSum, logOfSum } from '../../core/compensated.js';
import { InPieceOrder } from '../../core/in-piece-order.js';

// Why CLIP's loss is computed here and again in kernel.ts: the kernel takes each row's and
// column's own maximum over the whole matrix (two passes), which a stream cannot, as a
// column's maximum is known only at the end. These sums share one maximum per block of rows
// and fold the columns' log-sum-exps online (rescaling as the maximum grows): one pass, one
// exp per entry, but a different rounding (at most 64·2⁻⁵³ more per log-sum-exp). Giving
// the kernel this arithmetic would change the whole-matrix digits; giving it to the stream
// would cost a second pass or an exp per entry per rescale. test/ops/clip.test.ts checks that
// the two agree to 14 significant digits.

/** Rows are gathered into blocks of about this many values (512 KB) before their exps are taken. */
const BLOCK_VALUES = 1 << 16;
/** Blocks are grouped into pieces of about this many values (~2.5 MB of CSV text). */
const PIECE_VALUES = 1 << 18;

/**
 * How far below the block's largest value a row's or column's own maximum may lie and still
 * share the block's exps. exp(x − M) then keeps the row's (column's) largest term ≥ e^−64,
 * far from underflow, and the extra rounding of x − M is at most 64·2⁻⁵³ in the log-sum-exp.
 * A row or column further below gets exps of its own.
 */
const SHARED_RANGE = 64;

/** How rows are grouped, a function of the width alone, so that every way of reading a matrix groups them alike. */
export interface RowLayout {
  /** Rows per block: rows [b·blockRows, (b+1)·blockRows) share their exps. */
  readonly blockRows: number;
  /** Rows per piece (a whole number of blocks): the unit of work of a thread, and of folding columns. */
  readonly pieceRows: number;
}

export function rowLayout(cols: number, blockValues = BLOCK_VALUES, pieceValues = PIECE_VALUES): RowLayout {
  const blockRows = Math.max(1, Math.floor(blockValues / cols));
  return { blockRows, pieceRows: blockRows * Math.max(1, Math.round(pieceValues / (blockRows * cols))) };
}

/** A piece's column sums, sent from the thread that summed it to the one that folds them. */
export interface PieceColumns extends ColumnLogSumExpState {
  readonly piece: number;
}

/** The per-row results of the rows one thread read (0 for the others); plain data. */
export interface ClipRowsState {
  readonly rows: number;
  /** lse(row i) − zᵢᵢ */
  readonly rowLoss: Float64Array;
  readonly diagonal: Float64Array;
}

/**
 * CLIP's loss over the rows of a similarity matrix as they stream by, in O(N) memory:
 * loss_i2t = mean_i (lse(row i) − zᵢᵢ), loss_t2i = mean_j (lse(column j) − zⱼⱼ), loss = their mean.
 * Each row's log-sum-exp is kept by its index; each column's log-sum-exp is kept online.
 *
 * Speed: rows are checked as they arrive, then gathered into blocks; within a block one
 * exp(zᵢⱼ − M), with M the block's largest value, serves both the row sums and the column
 * sums (rows and columns whose maximum lies far below M get their own, see SHARED_RANGE).
 * That is one exp per value where a row pass and a column pass would take two.
 *
 * Same digits every time: blocks and pieces are fixed ranges of row indices (rowLayout),
 * each piece's column sums are folded in piece order, and the row losses are added in row
 * order at the end. So the loss does not depend on chunking, or on which of two threads
 * read which piece (src/rows/parallel.ts): `-i FILE` and a pipe print the same digits.
 */
export class ClipSums {
  private layout: RowLayout | undefined;
  private rowLoss = new Float64Array(0);
  private diagonal = new Float64Array(0);
  private count = 0;
  /** The columns of the pieces folded so far, in piece order. */
  private columns: ColumnLogSumExp | undefined;
  private readonly inOrder = new InPieceOrder<ColumnLogSumExpState>((columns) => {
    this.columns ??= new ColumnLogSumExp(columns.max.length);
    this.columns.merge(columns);
  });
  /** The piece being summed (−1: none) and its column sums so far. */
  private piece = -1;
  private pieceColumns: ColumnLogSumExp | undefined;
  // The block being gathered: its first row, its scaled rows, each row's maximum, each column's maximum.
  private blockStart = -1;
  private blockRows = 0;
  private block = new Float64Array(0);
  private rowMax = new Float64Array(0);
  private colMax = new Float64Array(0);
  // The block's column sums, and the reference each is taken against.
  private colSum = new Float64Array(0);
  private colLow = new Float64Array(0);
  private colRef = new Float64Array(0);
  /** The row being summed in flush(), reused. */
  private readonly rowSum = new CompensatedSum();

  constructor(
    private readonly scale: number,
    private readonly source: MessageParam,
    private readonly options: {
      /** Values per block and per piece (tests make them small, to cross boundaries on small matrices). */
      readonly blockValues?: number;
      readonly pieceValues?: number;
      /** Where finished pieces go when another thread folds them; by default they are folded here. */
      readonly onPiece?: (columns: PieceColumns) => void;
    } = {},
  ) {}

  /** Row i (0-based, of the whole matrix); `row` may be reused by the caller. Rows may skip ahead (a thread's pieces). */
  add(row: Float64Array, i: number): void {
    const n = row.length;
    const layout = (this.layout ??= this.start(n));
    if (i >= n) throw notSquareError(i + 1, n);
    // Blocks are fixed ranges of rows: a row that starts the next block, or that skips ahead
    // (this thread's next piece), has the rows gathered so far summed first.
    if (this.blockRows > 0 && (i % layout.blockRows === 0 || i !== this.blockStart + this.blockRows)) this.flush();
    const piece = Math.floor(i / layout.pieceRows);
    if (piece !== this.piece) {
      this.endPiece();
      this.piece = piece;
    }
    if (this.blockRows === 0) this.blockStart = i;
    const block = this.block;
    const colMax = this.colMax;
    const scale = this.scale;
    const base = this.blockRows * n;
    // Scale, check and take the maxima in one pass. The check is checkSoftmaxRow's (no NaN or
    // +inf, not all −inf) inlined, for speed, with its error builders: the same keys and params.
    let max = -Infinity;
    for (let j = 0; j < n; j++) {
      const x = scale * row[j];
      // One comparison for the usual case; +inf and NaN fail it, −inf is a masked entry.
      if (!(x < Infinity) && x !== -Infinity) throw badLogitError(x, i, j, this.source);
      block[base + j] = x;
      if (x > max) max = x;
      if (x > colMax[j]) colMax[j] = x;
    }
    if (max === -Infinity) throw maskedLineError('row', i);
    this.rowMax[this.blockRows] = max;
    this.diagonal[i] = block[base + i];
    this.count++;
    this.blockRows++;
  }

  private start(n: number): RowLayout {
    const layout = rowLayout(n, this.options.blockValues, this.options.pieceValues);
    // Pieces from another thread may have been folded, or its rows added, already.
    this.columns ??= new ColumnLogSumExp(n);
    this.pieceColumns = new ColumnLogSumExp(n);
    if (this.rowLoss.length === 0) {
      this.rowLoss = new Float64Array(n);
      this.diagonal = new Float64Array(n);
    }
    this.block = new Float64Array(layout.blockRows * n);
    this.rowMax = new Float64Array(layout.blockRows);
    this.colMax = new Float64Array(n).fill(-Infinity);
    this.colSum = new Float64Array(n);
    this.colLow = new Float64Array(n);
    this.colRef = new Float64Array(n);
    return layout;
  }

  /** Takes the exps of the gathered rows: their row losses, and their column sums into the piece's. */
  private flush(): void {
    const rows = this.blockRows;
    if (rows === 0) return;
    const { block, rowMax, colMax, colSum, colLow, colRef } = this;
    const n = colMax.length;
    let top = -Infinity;
    for (let r = 0; r < rows; r++) if (rowMax[r] > top) top = rowMax[r];
    colSum.fill(0);
    colLow.fill(0);
    // Every sum compensated (src/core/compensated.ts): a row and a column keep their digits at any width.
    const rowSum = this.rowSum;
    for (let r = 0; r < rows; r++) {
      const base = r * n;
      const i = this.blockStart + r;
      rowSum.hi = 0;
      rowSum.low = 0;
      if (top - rowMax[r] <= SHARED_RANGE) {
        for (let j = 0; j < n; j++) {
          const e = Math.exp(block[base + j] - top);
          rowSum.add(e);
          addAt(colSum, colLow, j, e);
        }
        // (top − zᵢᵢ) first: a loss far below 1 is not lost in top's rounding.
        this.rowLoss[i] = top - this.diagonal[i] + logOfSum(rowSum.hi, rowSum.low);
      } else {
        const own = rowMax[r];
        for (let j = 0; j < n; j++) {
          const x = block[base + j];
          addAt(colSum, colLow, j, Math.exp(x - top));
          rowSum.add(Math.exp(x - own));
        }
        this.rowLoss[i] = own - this.diagonal[i] + logOfSum(rowSum.hi, rowSum.low);
      }
    }
    for (let j = 0; j < n; j++) {
      const own = colMax[j];
      if (own === -Infinity) {
        colRef[j] = -Infinity; // only −inf in this block: nothing to add
      } else if (top - own <= SHARED_RANGE) {
        colRef[j] = top;
      } else {
        colSum[j] = 0;
        colLow[j] = 0;
        for (let r = 0; r < rows; r++) addAt(colSum, colLow, j, Math.exp(block[r * n + j] - own));
        colRef[j] = own;
      }
    }
    this.pieceColumns!.merge({ max: colRef, sum: colSum, low: colLow });
    colMax.fill(-Infinity);
    this.blockRows = 0;
  }

  /** Ends the piece being summed: its columns go to onPiece, or are folded here in their turn. */
  endPiece(): void {
    this.flush();
    if (this.piece < 0) return;
    const done = this.pieceColumns!.toJSON();
    const columns = { piece: this.piece, max: done.max, sum: done.sum, low: done.low };
    if (this.options.onPiece) this.options.onPiece(columns);
    else this.foldPiece(columns);
    this.pieceColumns = new ColumnLogSumExp(this.colMax.length);
    this.piece = -1;
  }

  /** A piece's column sums (from this thread or another): folded now if it is next, else kept until it is. */
  foldPiece(columns: PieceColumns): void {
    this.inOrder.take(columns.piece, columns);
  }

  /** The per-row results of the rows read here, for the thread that folds. */
  rowsState(): ClipRowsState {
    this.endPiece();
    return { rows: this.count, rowLoss: this.rowLoss, diagonal: this.diagonal };
  }

  /** Adds the per-row results of rows another thread read. Each row was read once: the sums are exact. */
  addRows(other: ClipRowsState): void {
    if (other.rows === 0) return;
    if (this.rowLoss.length === 0) {
      this.rowLoss = new Float64Array(other.rowLoss.length);
      this.diagonal = new Float64Array(other.diagonal.length);
    }
    for (let i = 0; i < this.rowLoss.length; i++) {
      this.rowLoss[i] += other.rowLoss[i];
      this.diagonal[i] += other.diagonal[i];
    }
    this.count += other.rows;
  }

  /** The symmetric loss, once every row is in. */
  loss(rows: number, cols: number): number {
    checkClipShape(rows, cols);
    this.endPiece();
    this.inOrder.check('clip');
    const columns = this.columns!;
    const logSums = columns.logSums();
    let lossI2t = 0;
    let lossT2i = 0;
    for (let j = 0; j < cols; j++) {
      const max = columns.maxOf(j);
      if (max === -Infinity) throw maskedLineError('col', j);
      lossI2t += this.rowLoss[j];
      lossT2i += max - this.diagonal[j] + logSums[j];
    }
    return (lossI2t / rows + lossT2i / cols) / 2;
  }
}
