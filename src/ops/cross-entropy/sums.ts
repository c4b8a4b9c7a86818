import type { MessageParam } from '../../i18n/messages.js';
import { InPieceOrder } from '../../core/in-piece-order.js';
import { softmaxInto } from '../softmax/kernel.js';
import type { PieceSums } from '../../core/piece-sums.js';
// Softmax's row check, the primitive of its matrix check (checkLogits): it moves to
// src/ops/softmax/validate.ts with softmax's home.
import { checkSoftmaxRow } from '../softmax/validate.js';
import { CompensatedSum } from '../../core/compensated.js';
import { indexTargetRow, type LossSums, rowLoss, weightScale } from './kernel.js';
import { CLI_NAMES, type CeSpec, type IndexTargets } from './spec.js';
import { checkClassWeightCount } from './validate.js';

/** What the streamed sums need of a ce spec: plain typed data (it crosses to a worker thread). */
export interface CeRows extends Pick<CeSpec, 'oneBased' | 'temperature' | 'labelSmoothing' | 'weight'> {
  readonly targets: IndexTargets;
}

/**
 * A piece's counted rows: their losses, the same with the weights scaled (weightScale) and
 * the scaled target weights, in row order. Plain data.
 */
export interface CePiece {
  readonly piece: number;
  readonly losses: Float64Array;
  readonly scaledLosses: Float64Array;
  readonly weights: Float64Array;
}

/**
 * The sums of `xent ce -y … -f value` (mean or sum) as rows stream by, in O(columns) memory.
 * Each row's loss comes from the row functions crossEntropy itself uses (log-softmax,
 * effective target row, −Σ a·ℓ), and the losses and target weights are added in row order,
 * piece by piece: the same digits as the whole-matrix path, whichever thread read a piece.
 * The checks are the whole-matrix path's (validate.ts), in its order: the weights' count at
 * the first row, each row as it comes; the targets are left for indexTargetClasses once the
 * rows are counted. Pieces are `pieceRows(cols)` rows long, as the reader cuts them.
 */
export class CeSums implements PieceSums {
  private readonly offset: number;
  private pieceRows = 0;
  private weight = new Float64Array(0);
  private logProbs = new Float64Array(0);
  private targetRow = new Float64Array(0);
  /** Σ losses, Σ scaled losses and Σ scaled target weights of the pieces folded so far, in piece order (as crossEntropy adds them). */
  private readonly total = new CompensatedSum();
  private readonly scaledTotal = new CompensatedSum();
  private readonly denominator = new CompensatedSum();
  private readonly inOrder = new InPieceOrder<CePiece>((piece) => {
    for (let k = 0; k < piece.losses.length; k++) {
      this.total.add(piece.losses[k]);
      this.scaledTotal.add(piece.scaledLosses[k]);
      this.denominator.add(piece.weights[k]);
    }
  });
  /** The piece being summed (−1: none) and its counted rows. */
  private piece = -1;
  private losses: number[] = [];
  private scaledLosses: number[] = [];
  private weights: number[] = [];
  /** weightScale of the class weights. */
  private readonly unit: number;

  constructor(
    private readonly spec: CeRows,
    private readonly source: MessageParam,
    private readonly options: {
      readonly pieceRows: (cols: number) => number;
      readonly onPiece?: (piece: CePiece) => void;
    },
  ) {
    this.offset = spec.oneBased ? 1 : 0;
    this.unit = weightScale(spec.weight);
  }

  add(row: Float64Array, i: number): void {
    const cols = row.length;
    if (this.pieceRows === 0) {
      this.pieceRows = this.options.pieceRows(cols);
      // As crossEntropy builds them: 1 for every class unless -w gives the weights.
      this.weight = new Float64Array(cols).fill(1);
      if (this.spec.weight !== undefined) {
        checkClassWeightCount(this.spec.weight, cols, CLI_NAMES.weight);
        this.weight.set(this.spec.weight);
      }
      this.logProbs = new Float64Array(cols);
      this.targetRow = new Float64Array(cols);
    }
    const piece = Math.floor(i / this.pieceRows);
    if (piece !== this.piece) {
      this.endPiece();
      this.piece = piece;
    }
    checkSoftmaxRow(row, i, this.source);
    const { given, ignoreIndex } = this.spec.targets;
    const raw = given === 'diag' ? i + this.offset : given[i];
    if (raw === undefined || raw === ignoreIndex) return;
    const c = raw - this.offset;
    // An out-of-range or fractional target is reported by indexTargetClasses at the end.
    if (!Number.isInteger(c) || c < 0 || c >= cols) return;
    softmaxInto(row, this.spec.temperature, undefined, this.logProbs);
    this.targetRow.fill(0);
    indexTargetRow(this.targetRow, c, this.weight, this.spec.labelSmoothing);
    const loss = rowLoss(this.targetRow, this.logProbs);
    this.losses.push(loss);
    this.scaledLosses.push(this.unit === 1 ? loss : rowLoss(this.targetRow, this.logProbs, this.unit));
    this.weights.push(this.unit === 1 ? this.weight[c] : this.weight[c] * this.unit);
  }

  endPiece(): void {
    if (this.piece < 0) return;
    const done: CePiece = {
      piece: this.piece,
      losses: Float64Array.from(this.losses),
      scaledLosses: Float64Array.from(this.scaledLosses),
      weights: Float64Array.from(this.weights),
    };
    this.piece = -1;
    this.losses = [];
    this.scaledLosses = [];
    this.weights = [];
    if (this.options.onPiece) this.options.onPiece(done);
    else this.foldPiece(done);
  }

  foldPiece(state: unknown): void {
    this.inOrder.take((state as CePiece).piece, state as CePiece);
  }

  /** ce keeps nothing per row beyond its pieces. */
  rowsState(): null {
    this.endPiece();
    return null;
  }

  addRows(): void {}

  /** The sums of every row a reduction takes (see LossSums), once all are in. */
  totals(): LossSums {
    this.endPiece();
    this.inOrder.check('ce');
    return {
      total: this.total.value(),
      scaledTotal: this.scaledTotal.value(),
      scaledDenominator: this.denominator.value(),
    };
  }
}
