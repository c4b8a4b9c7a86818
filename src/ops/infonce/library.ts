// infoNceLoss for library callers, with the options, defaults and checks of `xent infonce`:
// the same validator (validate.ts), the same kernels.
import { type MatrixLike, choice, toMatrix, toRows, inLibraryWords } from '../../core/library-input.js';
import { checkTemperature } from '../softmax/validate.js';
import type { Reduction } from '../cross-entropy/kernel.js';
import { infoNceFromEmbeddings, infoNceFromLogits } from './kernel.js';
import { positiveAccuracy } from './metrics.js';
import { MOCO_TEMPERATURE } from './spec.js';
import { type InfoNceNames, checkEmbeddingChoice, checkInfoNceEmbeddings, checkInfoNceLogits } from './validate.js';

const REDUCTIONS: readonly Reduction[] = ['mean', 'sum', 'none'];
const NAMES: InfoNceNames = { query: 'query', pos: 'pos', neg: 'neg' };

/** Queries (one per row), each query's positive key (same row) and the negative keys (a queue). */
export interface InfoNceEmbeddingInput {
  readonly query: MatrixLike;
  readonly pos: MatrixLike;
  readonly neg: MatrixLike;
}

export interface InfoNceOptions {
  /** T (default 1 for a logits matrix, MoCo's 0.07 for embeddings). */
  readonly temperature?: number;
  /** L2-normalise the embeddings first (default true, as MoCo). */
  readonly normalize?: boolean;
  /** 'mean' (default), 'sum' or 'none'. */
  readonly reduction?: Reduction;
}

export interface InfoNceLossResult {
  /** The logits after ÷ T, column 0 the positive. */
  readonly logits: number[][];
  readonly losses: number[];
  /** The reduced loss; NaN for 'none'. */
  readonly loss: number;
  /** Share of queries whose positive has the unique highest logit. */
  readonly accuracy: number;
  /** ∂loss/∂ the given logits (a matrix input). */
  readonly grad?: number[][];
  /** ∂loss/∂ the raw embeddings (embedding input). */
  readonly gradQuery?: number[][];
  readonly gradPos?: number[][];
  readonly gradNeg?: number[][];
}

/**
 * InfoNCE as `xent infonce`: a logits matrix whose column 0 is the positive (MoCo's layout), or
 * queries, positives and a queue of negatives; F.cross_entropy(logits / T, zeros).
 *
 * @example
 * infoNceLoss([[2, 0, 1]]).loss // 0.4076
 * infoNceLoss({ query: [[1, 0]], pos: [[1, 0]], neg: [[0, 1]] }, { temperature: 1 }).loss // 0.3133
 */
export function infoNceLoss(
  input: MatrixLike | InfoNceEmbeddingInput,
  options: InfoNceOptions = {},
): InfoNceLossResult {
  return inLibraryWords(() => {
    const reduction = choice(options.reduction, 'reduction', REDUCTIONS, 'mean');
    const isEmbeddings = typeof input === 'object' && input !== null && 'query' in input;
    const temperature = checkTemperature(options.temperature ?? (isEmbeddings ? MOCO_TEMPERATURE : 1));
    if (isEmbeddings) {
      const given = input as InfoNceEmbeddingInput;
      checkEmbeddingChoice({ query: true, pos: given.pos !== undefined, neg: given.neg !== undefined }, NAMES);
      const e = {
        query: toMatrix(given.query, 'query'),
        pos: toMatrix(given.pos, 'pos'),
        neg: toMatrix(given.neg, 'neg'),
      };
      const normalize = options.normalize !== false;
      checkInfoNceEmbeddings(e, normalize, NAMES);
      const r = infoNceFromEmbeddings(e, temperature, normalize, reduction);
      return {
        logits: toRows(r.logits),
        losses: Array.from(r.losses),
        loss: r.loss,
        accuracy: positiveAccuracy(r.logits),
        gradQuery: toRows(r.gradQuery),
        gradPos: toRows(r.gradPos),
        gradNeg: toRows(r.gradNeg),
      };
    }
    const m = toMatrix(input as MatrixLike, 'the logits');
    checkInfoNceLogits(m, 'the logits');
    const r = infoNceFromLogits(m, temperature, reduction);
    return {
      logits: toRows(r.logits),
      losses: Array.from(r.losses),
      loss: r.loss,
      accuracy: positiveAccuracy(r.logits),
      grad: toRows(r.grad),
    };
  });
}
