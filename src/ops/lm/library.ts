// languageModelLoss for library callers, with the options, defaults and checks of `xent lm`:
// the same validator (validate.ts), the same kernel.
import { type MatrixLike, toList, toMatrix, toRows, inLibraryWords } from '../../core/library-input.js';
import { DEFAULT_IGNORE_INDEX } from '../cross-entropy/spec.js';
import { type LmSequence, lmLoss } from './kernel.js';
import type { LmOptionNames, LmSpec } from './spec.js';
import { NATS } from '../../core/units.js';
import { checkLmOptions } from './validate.js';

/** The library's option names, in its errors. */
const NAMES: LmOptionNames = { tokens: 'tokens', seqLen: 'seqLen' };

export interface LanguageModelOptions {
  /** T: every T rows are one sequence (`--seq-len`). */
  readonly seqLen?: number;
  /** Or where sequences start: the number of rows before each break, increasing (the CLI's blank lines). */
  readonly breaks?: readonly number[];
  /** Position t predicts token t + 1 of its sequence, as Hugging Face causal LMs (`--shift`). */
  readonly shift?: boolean;
  /** A token not predicted (default −100). */
  readonly ignoreIndex?: number;
}

export interface LanguageModelResult {
  /** Each row's loss (0 where it predicts nothing). */
  readonly losses: number[];
  /** The token id each row predicts, null where none. */
  readonly targets: (number | null)[];
  readonly sequences: LmSequence[];
  readonly tokens: number;
  /** Token-weighted mean loss (Hugging Face's `loss`) and its perplexity. */
  readonly loss: number;
  readonly perplexity: number;
  /** Sequence-weighted: the mean of the sequences' mean losses, and exp of it. */
  readonly sequenceLoss: number;
  readonly sequencePerplexity: number;
  /** The mean of the sequences' perplexities. */
  readonly meanSequencePerplexity: number;
  /** ∂loss/∂logits of the token-weighted loss. */
  readonly grad: number[][];
}

/**
 * Token-level cross-entropy of a language model, as `xent lm`.
 *
 * @example
 * languageModelLoss([[2, 0], [0, 2], [1, 1]], [0, 0, 1], { shift: true }).loss
 * // 1.41301: row 1 predicts token 0 (2.1269), row 2 predicts token 1 (0.1269), row 3 nothing
 */
export function languageModelLoss(
  logits: MatrixLike,
  tokens: readonly number[],
  options: LanguageModelOptions = {},
): LanguageModelResult {
  return inLibraryWords(() => {
    const m = toMatrix(logits, 'the logits');
    const spec: LmSpec = {
      tokens: toList(tokens, 'tokens'),
      ...(options.seqLen !== undefined ? { seqLen: options.seqLen } : {}),
      shift: options.shift === true,
      ignoreIndex: options.ignoreIndex ?? DEFAULT_IGNORE_INDEX,
      unit: NATS,
      grad: true,
    };
    checkLmOptions(spec, NAMES);
    const breaks = options.breaks ? toList(options.breaks, 'breaks') : undefined;
    const r = lmLoss(m, spec, breaks, 'the logits', NAMES);
    return {
      losses: Array.from(r.losses),
      targets: [...r.targets],
      sequences: [...r.sequences],
      tokens: r.tokens,
      loss: r.loss,
      perplexity: r.perplexity,
      sequenceLoss: r.sequenceLoss,
      sequencePerplexity: r.sequencePerplexity,
      meanSequencePerplexity: r.meanSequencePerplexity,
      grad: toRows(r.grad()),
    };
  });
}
