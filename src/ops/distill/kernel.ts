// Knowledge distillation (Hinton et al.), with its gradient w.r.t. the student's logits in
// closed form.
import { type Matrix, rowView, zeros } from '../../core/matrix.js';
import { crossEntropy } from '../cross-entropy/kernel.js';
import { softmaxInto } from '../softmax/kernel.js';
import type { DistillReduction } from './spec.js';

export interface DistillOptions {
  readonly temperature: number;
  readonly reduction: DistillReduction;
  /** Hard labels (a class per row, 0-based) and A, the cross-entropy's weight. */
  readonly hard?: { readonly classes: readonly number[]; readonly alpha: number };
}

export interface DistillResult {
  /** softmax(teacher / T) and softmax(student / T). */
  readonly teacherProbs: Matrix;
  readonly studentProbs: Matrix;
  /** KL(softmax(t/T) ‖ softmax(s/T)) of each row, not yet scaled by T². */
  readonly kl: Float64Array;
  /** T²·q·(log q − log p) of each element: F.kl_div(reduction='none')·T². */
  readonly elements: Matrix;
  /** Each row's cross-entropy with its hard label, at T = 1 (with hard labels only). */
  readonly ce?: Float64Array;
  /** Each row's share: A·CE + (1 − A)·T²·KL (T²·KL without hard labels); Σ = the 'sum' loss. */
  readonly losses: Float64Array;
  /** The reduced loss; NaN for 'none'. */
  readonly loss: number;
  /** ∂loss/∂student logits; for 'none', of Σ losses. */
  readonly grad: Matrix;
}

/**
 * The distillation loss of Hinton et al. as PyTorch code writes it:
 * T²·F.kl_div(log_softmax(s/T), softmax(t/T), reduction), and with hard labels y and weight A:
 * A·F.cross_entropy(s, y) + (1 − A)·T²·F.kl_div(…). F.kl_div's reductions: 'batchmean' divides
 * the sum by N, 'mean' by N·C (every element), 'sum' none; the cross-entropy's mean is over N
 * (its 'sum' for 'sum'). Elements with q = 0 are 0 (0·log 0 = 0).
 *
 * With q = softmax(t/T), p = softmax(s/T) and Σ_c q_c = 1, ∂(T²·KL)/∂s = T·(p − q): the T²
 * makes the soft targets' gradient as large as the hard labels' when T changes (Hinton's
 * reason for it). It is computed as T·(p·Σq − q), as autograd does, then × the reduction's
 * 1/N, 1/(N·C) or 1; the cross-entropy adds A·(softmax(s) − onehot(y)) / N.
 *
 * @example
 * distillationLoss(fromRows([[1, 0]]), fromRows([[0, 1]]), { temperature: 2, reduction: 'batchmean' }).loss
 * // ≈ 0.4898: 4 · KL([0.3775, 0.6225] ‖ [0.6225, 0.3775])
 */
export function distillationLoss(student: Matrix, teacher: Matrix, options: DistillOptions): DistillResult {
  const r = distillLosses(student, teacher, options, { probs: true, elements: true, grad: true });
  return r as DistillResult;
}

/** What distillLosses keeps besides the rows' losses: each a matrix of the input's size. */
export interface DistillParts {
  /** Both softmaxes (teacherProbs, studentProbs). */
  readonly probs?: boolean;
  /** The per-element terms ('none' in JSON). */
  readonly elements?: boolean;
  readonly grad?: boolean;
}

/** DistillResult with only the parts asked for: the others are absent, never allocated. */
export type DistillLosses = Omit<DistillResult, 'teacherProbs' | 'studentProbs' | 'elements' | 'grad'> &
  Partial<Pick<DistillResult, 'teacherProbs' | 'studentProbs' | 'elements' | 'grad'>>;

/**
 * distillationLoss keeping only the parts asked for: row by row, each row's softmaxes in
 * O(columns) scratch unless `parts.probs` keeps them, so that `-f value` holds the two inputs
 * and nothing of their size besides. The digits are distillationLoss's: the same row
 * functions (softmaxInto, as softmax() calls it), the same sums in the same order.
 */
export function distillLosses(
  student: Matrix,
  teacher: Matrix,
  options: DistillOptions,
  parts: DistillParts = {},
): DistillLosses {
  const { rows, cols } = student;
  const { temperature: T, reduction, hard } = options;
  const teacherProbs = parts.probs ? zeros(rows, cols) : undefined;
  const studentProbs = parts.probs ? zeros(rows, cols) : undefined;
  const elements = parts.elements ? zeros(rows, cols) : undefined;
  const grad = parts.grad ? zeros(rows, cols) : undefined;
  // Scratch rows for what is not kept; the student's probabilities only the gradient needs.
  const qScratch = new Float64Array(teacherProbs ? 0 : cols);
  const pScratch = new Float64Array(studentProbs || !grad ? 0 : cols);
  const logQ = new Float64Array(cols);
  const logP = new Float64Array(cols);
  const kl = new Float64Array(rows);
  const t2 = T * T;
  const klScale = reduction === 'batchmean' ? 1 / rows : reduction === 'mean' ? 1 / (rows * cols) : 1;
  const ceScale = reduction === 'sum' || reduction === 'none' ? 1 : 1 / rows;
  const a = hard ? hard.alpha : 0;
  const ce = hard ? crossEntropy(student, { kind: 'index', classes: hard.classes }, { reduction: 'sum' }) : undefined;

  const losses = new Float64Array(rows);
  let klTotal = 0;
  let ceTotal = 0;
  for (let n = 0; n < rows; n++) {
    const qn = teacherProbs ? rowView(teacherProbs, n) : qScratch;
    const pn = studentProbs ? rowView(studentProbs, n) : grad ? pScratch : undefined;
    kl[n] = distillRow(
      rowView(student, n),
      rowView(teacher, n),
      T,
      { q: qn, p: pn, logQ, logP },
      elements && rowView(elements, n),
    );
    klTotal += kl[n];
    if (ce) ceTotal += ce.losses[n];
    losses[n] = (ce ? a * ce.losses[n] : 0) + (1 - a) * t2 * kl[n];
    if (grad && pn) {
      let mass = 0;
      for (let c = 0; c < cols; c++) mass += qn[c];
      const g = rowView(grad, n);
      const ceRow = ce ? rowView(ce.grad, n) : undefined;
      for (let c = 0; c < cols; c++) {
        const soft = (1 - a) * T * (pn[c] * mass - qn[c]) * klScale;
        g[c] = ceRow ? soft + a * ceRow[c] * ceScale : soft;
      }
    }
  }
  const loss = reduction === 'none' ? NaN : (1 - a) * t2 * klTotal * klScale + (ce ? a * ceTotal * ceScale : 0);
  return {
    ...(teacherProbs && studentProbs ? { teacherProbs, studentProbs } : {}),
    kl,
    ...(elements ? { elements } : {}),
    ...(ce ? { ce: ce.losses } : {}),
    losses,
    loss,
    ...(grad ? { grad } : {}),
  };
}

/** A row's scratch for distillRow, each of the row's width; `p` only where the student's probabilities are wanted. */
export interface DistillRowScratch {
  readonly q: Float64Array;
  readonly p?: Float64Array;
  readonly logQ: Float64Array;
  readonly logP: Float64Array;
}

/**
 * KL(q‖p) of one row, q = softmax(t/T), p = softmax(s/T), not yet scaled by T²: Σ_c q_c·(log q_c
 * − log p_c), a term 0 where q_c = 0, added in class order. The row function of distillLosses
 * and of the streamed sums (sums.ts), so both give the same digits. Leaves q, log q, log p (and
 * p when given) in `scratch`, and each element's T²·term in `elements` when given.
 *
 * @example
 * const row = () => new Float64Array(2);
 * distillRow([1, 0], [0, 1], 2, { q: row(), logQ: row(), logP: row() })
 * // ≈ 0.1224: KL([0.3775, 0.6225] ‖ [0.6225, 0.3775]), the loss 0.4898 once × T²
 */
export function distillRow(
  student: ArrayLike<number>,
  teacher: ArrayLike<number>,
  temperature: number,
  scratch: DistillRowScratch,
  elements?: Float64Array,
): number {
  const { q, p, logQ, logP } = scratch;
  softmaxInto(teacher, temperature, q, logQ);
  softmaxInto(student, temperature, p, logP);
  const t2 = temperature * temperature;
  let sum = 0;
  for (let c = 0; c < q.length; c++) {
    const qc = q[c];
    const term = qc === 0 ? 0 : qc * (logQ[c] - logP[c]);
    if (elements) elements[c] = t2 * term;
    sum += term;
  }
  return sum;
}
