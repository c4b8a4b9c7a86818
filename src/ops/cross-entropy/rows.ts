import { XentError } from '../../core/errors.js';
import type { MessageParam } from '../../i18n/messages.js';
import { argmax, softmaxInto } from '../softmax/kernel.js';
import { checkSoftmaxRow } from '../softmax/validate.js';
import { rowView } from '../../core/matrix.js';
import { indexTargetRow, rowGradient, rowLoss, smoothedTarget, weightScale } from './kernel.js';
import { inTopK } from './metrics.js';
import { CLI_NAMES, type CeSpec } from './spec.js';
import { SUM_TOLERANCE, checkCeShape, checkClassWeightCount, checkProbabilityRow, rowSum } from './validate.js';

/** What the rows of `xent ce -r none` need of its spec: the targets, the options a row's loss takes. */
export type CeRowSpec = Pick<
  CeSpec,
  | 'targets'
  | 'oneBased'
  | 'inputIsProbs'
  | 'temperature'
  | 'weight'
  | 'labelSmoothing'
  | 'smoothingStyle'
  | 'sampleWeight'
  | 'topK'
>;

/** One row's figures, in nats, as evaluateCrossEntropy gives them for reduction 'none'. Reused from row to row. */
export interface CeRowFigures {
  /** The row's class, 0-based (a soft target's most probable class); null for an ignored row. */
  c: number | null;
  /** p of the target class; NaN for an ignored row. */
  pTarget: number;
  loss: number;
  /** The loss with the class weights scaled by weightScale, as crossEntropy sums it for the mean loss. */
  scaledLoss: number;
  /** The target is the unique arg-max of the input row; null for an ignored row. */
  correct: boolean | null;
  /** ∂(Σ losses)/∂row (when asked for), in nats. */
  readonly grad: Float64Array;
}

/**
 * The rows of `xent ce -r none` one at a time, in O(columns) memory (beyond soft targets, an
 * option matrix held as read): each row's class, p(target), loss, ✓ and gradient from the
 * functions crossEntropy itself uses (softmaxInto or log p, indexTargetRow or smoothedTarget,
 * rowLoss, rowGradient), so the digits are the whole matrix's.
 * The checks are checkCeInput's and crossEntropy's, with their errors and in their order:
 * the weights' count, each row's values, the targets, top-k, sample weights and ε/(C − 1)
 * once the rows are counted (checkCeShape), then a target that overflowed. Each is noted
 * where the rows first show it and thrown by finish(), so that an error the parser meets
 * later in the input (which the whole-matrix path reports first) still comes first. A row
 * where finish() will throw stops the figures there (`onRow` is not called again): nothing
 * wrong is written before the error.
 *
 * @example
 * const rows = new CeRowStream(spec, source, (r) => console.log(r.loss), false); // -y 0
 * rows.add(Float64Array.of(2, 0.5, -1), 0); // 0.2413…
 * rows.finish(1, 3);
 */
export class CeRowStream {
  private readonly offset: number;
  private weight = new Float64Array(0);
  private probs = new Float64Array(0);
  private logProbs = new Float64Array(0);
  private target = new Float64Array(0);
  private readonly figures: CeRowFigures = {
    c: null,
    pTarget: NaN,
    loss: 0,
    scaledLoss: 0,
    correct: null,
    grad: new Float64Array(0),
  };
  /** weightScale of the class weights. */
  private readonly unit: number;
  /** A row met what finish() will refuse: no more figures. */
  private refused = false;
  /** The first error of the weights' count or of a row's values, thrown by finish(). */
  private failed: unknown;
  /** With probabilities as input: the rows (1-based) whose sum is off 1 by more than SUM_TOLERANCE, as rowsNotSummingToOne gives them. */
  readonly offRows: { row: number; sum: number }[] = [];
  /** The first entry of an effective target past the largest double (crossEntropy's err.ce.targetOverflow). */
  private overflow: { row: number; col: number } | undefined;

  constructor(
    private readonly spec: CeRowSpec,
    private readonly source: MessageParam,
    private readonly onRow: (figures: CeRowFigures, index: number) => void,
    private readonly withGrad: boolean,
  ) {
    this.offset = spec.oneBased ? 1 : 0;
    this.unit = weightScale(spec.weight);
  }

  add(input: Float64Array, i: number): void {
    const cols = input.length;
    const { spec } = this;
    if (this.failed !== undefined) return;
    try {
      if (i === 0) this.start(cols);
      if (spec.inputIsProbs) checkProbabilityRow(input, i, this.source);
      else checkSoftmaxRow(input, i, this.source);
      if (spec.inputIsProbs) {
        const sum = rowSum(input);
        if (Math.abs(sum - 1) > SUM_TOLERANCE) this.offRows.push({ row: i + 1, sum });
      }
    } catch (error) {
      this.failed = error;
      this.refused = true;
      return;
    }
    if (this.refused) return;
    const c = this.rowClass(i, cols);
    const sample = spec.sampleWeight?.[i];
    if (c === undefined || (spec.sampleWeight && sample === undefined)) {
      this.refused = true;
      return;
    }
    // The effective target as effectiveTargets builds it.
    const a = this.target;
    const style = spec.smoothingStyle ?? 'torch';
    a.fill(0);
    if (spec.targets.kind === 'probs') {
      const q = rowView(spec.targets.probs, i);
      for (let k = 0; k < cols; k++) a[k] = this.weight[k] * smoothedTarget(q[k], spec.labelSmoothing, cols, style);
    } else if (c !== null) indexTargetRow(a, c, this.weight, spec.labelSmoothing, style);
    if (sample !== undefined && sample !== 1) for (let k = 0; k < cols; k++) a[k] *= sample;
    for (let k = 0; k < cols; k++) {
      if (!Number.isFinite(a[k])) {
        this.overflow = { row: i + 1, col: k };
        this.refused = true;
        return;
      }
    }
    let probs: ArrayLike<number>;
    if (spec.inputIsProbs) {
      for (let k = 0; k < cols; k++) this.logProbs[k] = Math.log(input[k]);
      probs = input;
    } else {
      softmaxInto(input, spec.temperature, this.probs, this.logProbs);
      probs = this.probs;
    }
    const r = this.figures;
    r.c = c;
    r.loss = rowLoss(a, this.logProbs);
    r.scaledLoss = this.unit === 1 ? r.loss : rowLoss(a, this.logProbs, this.unit);
    r.pTarget = c === null ? NaN : probs[c];
    r.correct = c === null ? null : inTopK(input, c, 1);
    if (this.withGrad)
      rowGradient(a, probs, r.grad, {
        aScale: 1,
        scale: 1,
        temperature: spec.inputIsProbs ? 1 : spec.temperature,
        inputIsProbs: spec.inputIsProbs,
      });
    this.onRow(r, i);
  }

  /** After the last row: the checks that need the count (checkCeShape), then an overflowed target. */
  finish(rows: number, cols: number): void {
    if (this.failed !== undefined) throw this.failed;
    checkCeShape(this.spec, { rows, cols }, CLI_NAMES);
    if (this.overflow) throw new XentError('err.ce.targetOverflow', this.overflow);
  }

  /** At the first row: the weights' count (checked there, as checkCeInput does first), the buffers, what the classes refuse. */
  private start(cols: number): void {
    const { weight, topK, smoothingStyle, labelSmoothing } = this.spec;
    this.weight = new Float64Array(cols).fill(1);
    if (weight !== undefined) {
      checkClassWeightCount(weight, cols, CLI_NAMES.weight);
      this.weight.set(weight);
    }
    this.probs = new Float64Array(cols);
    this.logProbs = new Float64Array(cols);
    this.target = new Float64Array(cols);
    if (this.withGrad) (this.figures as { grad: Float64Array }).grad = new Float64Array(cols);
    // What checkCeShape will refuse whatever the rows: nothing is written.
    if (topK.some((k) => k > cols) || (smoothingStyle === 'others' && labelSmoothing > 0 && cols < 2))
      this.refused = true;
  }

  /**
   * Row i's class (0-based), null if ignored, undefined where checkCeShape will refuse the
   * targets (one missing, not an integer, out of range, 'diag' past the last class; soft
   * targets of another shape). A soft target's class is its most probable one (the first on
   * ties, as argmaxRows).
   */
  private rowClass(i: number, cols: number): number | null | undefined {
    const { targets } = this.spec;
    if (targets.kind === 'probs') {
      const q = targets.probs;
      if (q.cols !== cols || i >= q.rows) return undefined;
      return argmax(rowView(q, i));
    }
    const { given, ignoreIndex } = targets;
    if (given === 'diag') return i < cols ? i : undefined;
    const raw = given[i];
    if (raw === undefined) return undefined;
    if (raw === ignoreIndex) return null;
    const c = raw - this.offset;
    return Number.isInteger(c) && c >= 0 && c < cols ? c : undefined;
  }
}
