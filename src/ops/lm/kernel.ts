// Token-level language-model cross-entropy: each row of (B·T)×V logits against a token id,
// grouped in sequences; per-token, per-sequence and corpus losses and perplexities, and the
// gradient of the corpus loss in closed form.
import { type Matrix, rowView, zeros } from '../../core/matrix.js';
import type { MessageParam } from '../../i18n/messages.js';
import { softmaxInto } from '../softmax/kernel.js';
import type { LmOptionNames } from './spec.js';
import { LM_CLI_NAMES } from './spec.js';
import { type LmRows, LmSums, type LmTotals } from './sums.js';

export interface LmSequence {
  /** The sequence's first row (0-based) and its number of rows. */
  readonly start: number;
  readonly rows: number;
  /** The tokens it predicts, and Σ of their losses (nats). */
  readonly tokens: number;
  readonly total: number;
  /** Its mean loss per predicted token (NaN when it predicts none) and exp of that. */
  readonly loss: number;
  readonly perplexity: number;
}

export interface LmSummary {
  readonly sequences: readonly LmSequence[];
  readonly tokens: number;
  readonly total: number;
  /** Token-weighted: Σ losses / Σ tokens over the corpus (Hugging Face's loss, F.cross_entropy's mean). */
  readonly loss: number;
  readonly perplexity: number;
  /** Sequence-weighted: the mean over sequences (those that predict a token) of their mean loss, and exp of it. */
  readonly sequenceLoss: number;
  readonly sequencePerplexity: number;
  /** The mean of the sequences' perplexities (as Hugging Face evaluate's perplexity metric reports mean_perplexity). */
  readonly meanSequencePerplexity: number;
  /** Sequences that predict no token (all ignored, or one row under --shift): left out of the sequence means. */
  readonly emptySequences: number;
}

/**
 * The corpus and sequence figures from the sums.
 *
 * @example
 * lmSummary({ sequences: [{ start: 0, rows: 2, tokens: 2, total: 2 }, { start: 2, rows: 1, tokens: 1, total: 4 }], total: 6, tokens: 3 })
 * // loss 2 (6/3, token-weighted), sequenceLoss 2.5 ((1 + 4)/2, sequence-weighted)
 */
export function lmSummary(totals: Pick<LmTotals, 'sequences' | 'total' | 'tokens'>): LmSummary {
  const sequences = totals.sequences.map((s) => {
    const loss = s.tokens > 0 ? s.total / s.tokens : NaN;
    return { start: s.start, rows: s.rows, tokens: s.tokens, total: s.total, loss, perplexity: Math.exp(loss) };
  });
  const counted = sequences.filter((s) => s.tokens > 0);
  let lossSum = 0;
  let perplexitySum = 0;
  for (const s of counted) {
    lossSum += s.loss;
    perplexitySum += s.perplexity;
  }
  const loss = totals.total / totals.tokens;
  const sequenceLoss = lossSum / counted.length;
  return {
    sequences,
    tokens: totals.tokens,
    total: totals.total,
    loss,
    perplexity: Math.exp(loss),
    sequenceLoss,
    sequencePerplexity: Math.exp(sequenceLoss),
    meanSequencePerplexity: perplexitySum / counted.length,
    emptySequences: sequences.length - counted.length,
  };
}

export interface LmResult extends LmSummary {
  /** Each row's loss, 0 where it predicts nothing (as reduction 'none' gives it). */
  readonly losses: Float64Array;
  /** The token each row predicts (0-based id), null where none. */
  readonly targets: readonly (number | null)[];
  /** p(target) of each row, NaN where none. */
  readonly pTarget: Float64Array;
  /** ∂loss/∂logits of the token-weighted loss: (softmax(z_t) − onehot(y_t)) / N, 0 on rows that predict nothing. */
  readonly grad: () => Matrix;
}

/**
 * The language-model loss of logits (one row per position, sequences in order) against token
 * ids, as F.cross_entropy(logits, labels, ignore_index) computes the mean over the predicted
 * tokens, and Hugging Face's ForCausalLMLoss with `shift` (labels padded with the ignore
 * index and shifted by one: position t predicts token t + 1 of its own sequence).
 * `breaks`: the rows before each blank line of the input (sequence boundaries without seqLen).
 *
 * @example
 * lmLoss(fromRows([[2, 0], [0, 2]]), { tokens: [0, 1], shift: false, ignoreIndex: -100 }, undefined, 'x').loss
 * // 0.126928 = −log σ(2), both rows
 */
export function lmLoss(
  logits: Matrix,
  spec: LmRows,
  breaks: readonly number[] | undefined,
  source: MessageParam,
  names: LmOptionNames = LM_CLI_NAMES,
): LmResult {
  const sums = new LmSums(spec, source, true, names);
  let next = 0;
  for (let i = 0; i < logits.rows; i++) {
    while (breaks && next < breaks.length && breaks[next] <= i) sums.blankLine(breaks[next++]);
    sums.add(rowView(logits, i), i);
  }
  const totals = sums.finish(logits.rows, logits.cols);
  const losses = totals.rowLosses!;
  const targets = totals.rowTargets!;
  const pTarget = Float64Array.from(losses, (l, i) => (targets[i] === null ? NaN : Math.exp(-l)));
  const n = totals.tokens;
  const grad = () => {
    const g = zeros(logits.rows, logits.cols);
    const logProbs = new Float64Array(logits.cols);
    for (let i = 0; i < logits.rows; i++) {
      const y = targets[i];
      if (y === null) continue;
      const out = rowView(g, i);
      softmaxInto(rowView(logits, i), 1, out, logProbs);
      out[y] -= 1;
      for (let k = 0; k < out.length; k++) out[k] /= n;
    }
    return g;
  };
  return { ...lmSummary(totals), losses, targets, pTarget, grad };
}
