// The sums of `xent lm` as rows stream by, in O(vocabulary + sequences) memory: each row's
// loss is added to its sequence and to the corpus in row order. The whole-matrix path (the
// kernel) feeds its rows through the same class, so both give the same digits.
import type { MessageParam } from '../../i18n/messages.js';
import { XentError } from '../../core/errors.js';
import { softmaxInto } from '../softmax/kernel.js';
import { checkSoftmaxRow } from '../softmax/validate.js';
import type { LmOptionNames, LmSpec } from './spec.js';
import { LM_CLI_NAMES } from './spec.js';
import { checkLmTokens, checkSomeTokenCounted } from './validate.js';

/** What the sums need of a spec. */
export type LmRows = Pick<LmSpec, 'tokens' | 'seqLen' | 'shift' | 'ignoreIndex'>;

/** One sequence's rows and the tokens it predicts: their count and the sum of their losses (nats). */
export interface LmSequenceSums {
  readonly start: number;
  rows: number;
  tokens: number;
  total: number;
}

export interface LmTotals {
  readonly sequences: readonly LmSequenceSums[];
  /** Σ over the predicted tokens of −log p(token), nats, in row order. */
  readonly total: number;
  /** The predicted tokens (not ignored, not the last position of a sequence under --shift). */
  readonly tokens: number;
  /** Per row (with keepRows): its loss (0 when it predicts nothing) and the token it predicts (null: none). */
  readonly rowLosses?: Float64Array;
  readonly rowTargets?: readonly (number | null)[];
}

/** A row as it is counted, in row order: its sequence and position (1-based), the token it predicts (null: none) and its loss (nats). */
export type LmRowSink = (sequence: number, position: number, target: number | null, loss: number) => void;

export class LmSums {
  private logProbs = new Float64Array(0);
  private readonly sequences: LmSequenceSums[] = [];
  private total = 0;
  private tokens = 0;
  /** Under --shift: the previous row's target and loss, counted once the next row is known to follow it. */
  private pending: { target: number | null; loss: number } | undefined;
  /** The row a blank line comes before (−1: none since the last row). */
  private breakBefore = -1;
  private readonly rowLosses: number[] | undefined;
  private readonly rowTargets: (number | null)[] | undefined;
  /** Rows counted so far. */
  private counted = 0;

  constructor(
    private readonly spec: LmRows,
    private readonly source: MessageParam,
    keepRows = false,
    private readonly names: LmOptionNames = LM_CLI_NAMES,
    /** Each row once counted (a streamed per-token output): under --shift, once the next row is known. */
    private readonly onRow?: LmRowSink,
  ) {
    this.rowLosses = keepRows ? [] : undefined;
    this.rowTargets = keepRows ? [] : undefined;
  }

  /** A blank line after `rowsBefore` rows: the next row starts a sequence. */
  blankLine(rowsBefore: number): void {
    if (rowsBefore === 0) return;
    if (this.spec.seqLen !== undefined)
      throw new XentError('err.lm.breaksAndSeqLen', { option: this.names.seqLen }, true);
    this.breakBefore = rowsBefore;
  }

  add(row: Float64Array, i: number): void {
    if (i === 0) this.logProbs = new Float64Array(row.length);
    checkSoftmaxRow(row, i, this.source);
    const { tokens, seqLen, shift, ignoreIndex } = this.spec;
    const starts = i === 0 || (seqLen !== undefined ? i % seqLen === 0 : this.breakBefore === i);
    if (starts) {
      this.settlePending(false);
      this.sequences.push({ start: i, rows: 0, tokens: 0, total: 0 });
    } else this.settlePending(true);
    this.sequences[this.sequences.length - 1].rows++;
    const given = tokens[shift ? i + 1 : i];
    // An id outside the vocabulary (or a missing one) is reported by checkLmTokens at the end.
    const target =
      given !== undefined && given !== ignoreIndex && Number.isInteger(given) && given >= 0 && given < row.length
        ? given
        : null;
    let loss = 0;
    if (target !== null) {
      softmaxInto(row, 1, undefined, this.logProbs);
      loss = -this.logProbs[target];
    }
    if (shift) this.pending = { target, loss };
    else this.count(target, loss);
  }

  /** Once every row is in: the checks that need the count of rows, then the sums. */
  finish(rows: number, cols: number): LmTotals {
    this.settlePending(false);
    const { tokens, seqLen, shift, ignoreIndex } = this.spec;
    if (seqLen !== undefined && rows % seqLen !== 0)
      throw new XentError('err.lm.seqLenRows', { option: this.names.seqLen, rows, seqLen }, true);
    checkLmTokens(tokens, rows, cols, ignoreIndex, this.names);
    checkSomeTokenCounted(this.tokens, shift);
    return {
      sequences: this.sequences,
      total: this.total,
      tokens: this.tokens,
      ...(this.rowLosses ? { rowLosses: Float64Array.from(this.rowLosses), rowTargets: this.rowTargets } : {}),
    };
  }

  /** The previous row's prediction under --shift: counted if the next row follows in its sequence, else none. */
  private settlePending(follows: boolean): void {
    const pending = this.pending;
    if (pending === undefined) return;
    this.pending = undefined;
    if (follows) this.count(pending.target, pending.loss);
    else this.count(null, 0);
  }

  private count(target: number | null, loss: number): void {
    this.rowLosses?.push(loss);
    this.rowTargets?.push(target);
    const sequence = this.sequences[this.sequences.length - 1];
    this.onRow?.(this.sequences.length, this.counted - sequence.start + 1, target, loss);
    this.counted++;
    if (target === null) return;
    sequence.tokens++;
    sequence.total += loss;
    this.tokens++;
    this.total += loss;
  }
}
