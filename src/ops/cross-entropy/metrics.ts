// What `xent ce` and the library derive from a cross-entropy: accuracy and top-k (clip's
// Recall@K is the same computation), perplexity, each row's entropy/KL split, and why a
// loss is inf.
import { type Matrix, at, rowView } from '../../core/matrix.js';
import { entropy } from '../entropy/kernel.js';
import { klFromLog } from '../kl/kernel.js';
import { argmaxRows } from '../softmax/kernel.js';
import { inUnit, matrixInUnit } from '../../core/units.js';
import { CompensatedSum } from '../../core/compensated.js';
import { logSumExp } from '../../core/log-sum-exp.js';
import {
  type CrossEntropyOptions,
  type CrossEntropyResult,
  type CrossEntropyTargets,
  type SmoothingStyle,
  countedRows,
  crossEntropy,
  meanDenominatorOf,
  smoothedTarget,
  weightScale,
} from './kernel.js';
import type { CeSpec } from './spec.js';

/**
 * Whether `target` is among the k largest entries of `scores`. Ties count against the
 * target (a class tied with it is ranked ahead), so a row of equal scores is a hit at
 * k = C only: no accuracy from a constant prediction.
 *
 * @example
 * inTopK([0.1, 0.7, 0.2], 2, 2) // true: class 2 is second
 */
export function inTopK(scores: ArrayLike<number>, target: number, k: number): boolean {
  const value = scores[target];
  let ahead = 0;
  for (let j = 0; j < scores.length; j++) {
    if (j !== target && scores[j] >= value) ahead++;
  }
  return ahead < k;
}

/**
 * Share of rows whose target is in the top k, for each k: top-k accuracy for `ce` and
 * Recall@K for `clip` (targets on the diagonal). Rows whose target is `null` (ignored)
 * are left out; with no row left the share is NaN.
 *
 * @example
 * topKAccuracy(fromRows([[2, 1, 0], [0, 1, 2]]), [0, 1], [1, 2]) // Map { 1 => 0.5, 2 => 1 }
 */
export function topKAccuracy(
  scores: Matrix,
  targets: readonly (number | null)[],
  ks: readonly number[],
): Map<number, number> {
  const out = new Map<number, number>();
  for (const k of ks) {
    let hits = 0;
    let counted = 0;
    for (let i = 0; i < scores.rows; i++) {
      const target = targets[i];
      if (target === null) continue;
      counted++;
      if (inTopK(rowView(scores, i), target, k)) hits++;
    }
    out.set(k, hits / counted);
  }
  return out;
}

/** The accuracy: the share of counted rows whose target is the arg-max, a tie not counting (top-1). */
export function accuracyOf(correct: readonly (boolean | null)[]): number {
  let hits = 0;
  let counted = 0;
  for (const c of correct) {
    if (c === null) continue;
    counted++;
    if (c) hits++;
  }
  return hits / counted;
}

/** exp(mean loss in nats); NaN when nothing is averaged (every row ignored, or weight 0). */
export function perplexityOf(result: Pick<CrossEntropyResult, 'meanDenominator' | 'meanLoss'>): number {
  return result.meanDenominator > 0 ? Math.exp(result.meanLoss) : NaN;
}

/**
 * The class each row's accuracy and p(target) refer to: the class target, or the arg-max of
 * a soft target; null for an ignored row.
 */
export function targetClasses(targets: CrossEntropyTargets): readonly (number | null)[] {
  return targets.kind === 'index' ? targets.classes : argmaxRows(targets.probs);
}

/**
 * Each row's target as a distribution q' = (1 − ε)·q + ε/C (q one-hot for a class target),
 * unweighted; null for an ignored row. Its entropy and divergence split the row's
 * cross-entropy: H(q', p) = H(q') + KL(q'‖p).
 */
export function targetDistributions(
  targets: CrossEntropyTargets,
  rows: number,
  cols: number,
  eps: number,
  style: SmoothingStyle = 'torch',
): (Float64Array | null)[] {
  return Array.from({ length: rows }, (_, n) => {
    const q = new Float64Array(cols);
    if (targets.kind === 'index') {
      const y = targets.classes[n];
      if (y === null) return null;
      q[y] = 1;
    } else {
      q.set(rowView(targets.probs, n));
    }
    if (eps > 0) for (let c = 0; c < cols; c++) q[c] = smoothedTarget(q[c], eps, cols, style);
    return q;
  });
}

/**
 * Why a row's loss is inf: a class the target puts weight on has probability 0 (−log 0,
 * `zero`), or else the loss overflowed (`overflow`). Rows are 1-based.
 */
export function infiniteLossRows(
  losses: ArrayLike<number>,
  logProbs: Matrix,
  q: readonly (Float64Array | null)[],
): { zero: number[]; overflow: number[] } {
  const zero: number[] = [];
  const overflow: number[] = [];
  for (let n = 0; n < losses.length; n++) {
    if (losses[n] !== Infinity) continue;
    const row = rowView(logProbs, n);
    const target = q[n];
    const masked = target !== null && row.some((lp, c) => lp === -Infinity && target[c] > 0);
    (masked ? zero : overflow).push(n + 1);
  }
  return { zero, overflow };
}

/** Everything `xent ce` reports, in the unit of the spec (the perplexity stays exp of nats). */
export interface CeEvaluation {
  /** The kernel's result in nats (probabilities, log-probabilities, the 'mean' denominator). */
  readonly nats: CrossEntropyResult;
  readonly losses: Float64Array;
  readonly loss: number;
  readonly meanLoss: number;
  readonly grad: Matrix;
  /** Each row's class (see targetClasses); null if ignored. */
  readonly classes: readonly (number | null)[];
  /** Each row's arg-max of the input, its predicted class. */
  readonly predicted: readonly number[];
  /** Whether the target is the unique arg-max; null for an ignored row. */
  readonly correct: readonly (boolean | null)[];
  /** p of the target class; NaN for an ignored row. */
  readonly pTarget: readonly number[];
  readonly accuracy: number;
  /** Top-k accuracy for each k of the spec, in its order (top-1 is the accuracy). */
  readonly topK: ReadonlyMap<number, number>;
  readonly perplexity: number;
  /**
   * H(q) and KL(q‖p) per row (null if ignored), where the target is a distribution (soft, or
   * smoothed); undefined for plain class targets, where H(q) = 0 and KL is the loss.
   */
  readonly split?: { readonly entropy: readonly (number | null)[]; readonly kl: readonly (number | null)[] };
  /** Rows whose loss is inf, by why (infiniteLossRows). */
  readonly infinite: { readonly zero: readonly number[]; readonly overflow: readonly number[] };
}

/** The kernel's options from `xent ce`'s spec. */
export function kernelOptions(spec: CeSpec): CrossEntropyOptions {
  return {
    weight: spec.weight,
    labelSmoothing: spec.labelSmoothing,
    reduction: spec.reduction,
    temperature: spec.temperature,
    inputIsProbs: spec.inputIsProbs,
    smoothingStyle: spec.smoothingStyle,
    ...(spec.sampleWeight ? { sampleWeight: spec.sampleWeight } : {}),
  };
}

/**
 * Cross-entropy of `input` against checked targets (checkCeInput), with the metrics `xent ce`
 * and the library report: accuracy and top-k from the input's ranking, the perplexity, the
 * entropy/KL split of each row, and why a loss is inf.
 */
export function evaluateCrossEntropy(input: Matrix, spec: CeSpec, targets: CrossEntropyTargets): CeEvaluation {
  const { unit, labelSmoothing } = spec;
  const nats = crossEntropy(input, targets, kernelOptions(spec));
  const classes = targetClasses(targets);
  // inTopK(row, target, 1): the arg-max is the target, and a tie with another class is not a hit.
  const correct = classes.map((c, i) => (c === null ? null : inTopK(rowView(input, i), c, 1)));
  const accuracy = accuracyOf(correct);
  const others = topKAccuracy(
    input,
    classes,
    spec.topK.filter((k) => k !== 1),
  );
  const topK = new Map(spec.topK.map((k) => [k, k === 1 ? accuracy : others.get(k)!] as const));
  const q = targetDistributions(targets, input.rows, input.cols, labelSmoothing, spec.smoothingStyle);
  const split =
    targets.kind === 'probs' || labelSmoothing > 0
      ? {
          entropy: q.map((row) => (row === null ? null : inUnit(entropy(row), unit))),
          kl: q.map((row, n) => (row === null ? null : inUnit(klFromLog(row, rowView(nats.logProbs, n)), unit))),
        }
      : undefined;
  return {
    nats,
    losses: Float64Array.from(nats.losses, (l) => inUnit(l, unit)),
    loss: inUnit(nats.loss, unit),
    meanLoss: inUnit(nats.meanLoss, unit),
    grad: matrixInUnit(nats.grad, unit),
    classes,
    predicted: argmaxRows(input),
    correct,
    pTarget: classes.map((c, i) => (c === null ? NaN : at(nats.probs, i, c))),
    accuracy,
    topK,
    perplexity: perplexityOf(nats),
    ...(split ? { split } : {}),
    infinite: infiniteLossRows(nats.losses, nats.logProbs, q),
  };
}

/**
 * topKAccuracy of the columns of a square matrix, column j's target being row j (CLIP's
 * text→image Recall@K), without transposing it: a row i ≠ j with a score at least that of
 * the diagonal ranks ahead, as in inTopK.
 *
 * @example
 * diagonalColumnTopK(fromRows([[2, 0], [3, 1]]), [1]) // Map { 1 => 0.5 }: column 1's 3 beats its 2
 */
export function diagonalColumnTopK(scores: Matrix, ks: readonly number[]): Map<number, number> {
  const n = scores.cols;
  const ahead = new Float64Array(n);
  for (let i = 0; i < scores.rows; i++) {
    const row = rowView(scores, i);
    for (let j = 0; j < n; j++) if (j !== i && row[j] >= scores.data[j * n + j]) ahead[j]++;
  }
  const out = new Map<number, number>();
  for (const k of ks) {
    let hits = 0;
    for (let j = 0; j < n; j++) if (ahead[j] < k) hits++;
    out.set(k, hits / n);
  }
  return out;
}

/**
 * The chance level of a cross-entropy: the loss of equal logits (every class 1/C, what a
 * model that knows nothing predicts) with the same targets, weights, smoothing, sample weights
 * and reduction. Each log-probability is then −ln C, so row n scores ln C·Σ_c a_{n,c}, its
 * effective target mass (see crossEntropy): ln C for a plain class target, and ln C for
 * 'mean' whatever the class weights. 'sum' adds the rows; 'none' is compared with the mean
 * loss, so it gets the 'mean' figure. The weights are scaled by a power of two as the loss's are.
 *
 * @example
 * crossEntropyChance(3, { kind: 'index', classes: [0, 2] }) // ln 3 ≈ 1.0986
 */
export function crossEntropyChance(
  cols: number,
  targets: CrossEntropyTargets,
  options: Partial<
    Pick<CrossEntropyOptions, 'weight' | 'labelSmoothing' | 'smoothingStyle' | 'sampleWeight' | 'reduction'>
  > = {},
): number {
  const rows = targets.kind === 'index' ? targets.classes.length : targets.probs.rows;
  const unit = weightScale(options.weight);
  const eps = options.labelSmoothing ?? 0;
  const style = options.smoothingStyle ?? 'torch';
  const w = (c: number) => (options.weight ? options.weight[c] * unit : unit);
  let allWeights = 0;
  for (let c = 0; c < cols; c++) allWeights += w(c);
  // Each row's Σ_c a_{n,c} without making a (one number per row for class targets).
  const mass = new CompensatedSum();
  for (let n = 0; n < rows; n++) {
    const sample = options.sampleWeight?.[n] ?? 1;
    if (targets.kind === 'index') {
      const y = targets.classes[n];
      if (y === null) continue;
      const spread =
        eps === 0 ? 0 : style === 'others' ? (eps / (cols - 1)) * (allWeights - w(y)) : (eps / cols) * allWeights;
      mass.add(sample * ((1 - eps) * w(y) + spread));
    } else {
      for (let c = 0; c < cols; c++)
        mass.add(sample * w(c) * smoothedTarget(at(targets.probs, n, c), eps, cols, style));
    }
  }
  const perClass = Math.log(cols);
  if (options.reduction === 'sum') return (perClass * mass.value()) / unit;
  const denominator = options.sampleWeight
    ? countedRows(targets, rows)
    : meanDenominatorOf(targets, rows, options.weight);
  return (perClass * mass.value()) / unit / denominator;
}

/** log Σ_c exp(z_c / T) of each row: the softmax's denominator, what the loss subtracts z_y/T from. */
export function rowLogSumExp(input: Matrix, temperature: number): number[] {
  const row = new Float64Array(input.cols);
  return Array.from({ length: input.rows }, (_, i) => {
    const z = rowView(input, i);
    for (let c = 0; c < input.cols; c++) row[c] = z[c] / temperature;
    return logSumExp(row);
  });
}

/** The Hessian's row blocks (C×C each) as JSON: one matrix per row of the input. */
export function hessianBlocks(h: Matrix, classes: number): number[][][] {
  return Array.from({ length: h.rows / classes }, (_, n) =>
    Array.from({ length: classes }, (_, i) => Array.from(rowView(h, n * classes + i))),
  );
}
