// The one check of `xent lm`'s inputs, on typed values: the command (readSpec, run), its
// stream (through LmSums) and the library's lmLoss call these.
import { XentError } from '../../core/errors.js';
import { checkIgnoreIndex } from '../cross-entropy/validate.js';
import { LM_CLI_NAMES, type LmOptionNames, type LmSpec } from './spec.js';

/** --seq-len: a whole number of rows ≥ 1. */
export function checkSeqLen(seqLen: number, option: string): void {
  if (!Number.isInteger(seqLen) || seqLen < 1) throw new XentError('err.lm.seqLen', { option, value: seqLen }, true);
}

/** What can be checked before the input is read: T and the ignore index. */
export function checkLmOptions(spec: LmSpec, names: LmOptionNames = LM_CLI_NAMES): void {
  if (spec.seqLen !== undefined) checkSeqLen(spec.seqLen, names.seqLen);
  checkIgnoreIndex(spec.ignoreIndex);
}

/**
 * One token per row, each a whole number naming a column of the logits (0-based) or the
 * ignore index. Called once the rows are counted, as ce's targets are.
 */
export function checkLmTokens(
  tokens: readonly number[],
  rows: number,
  vocab: number,
  ignoreIndex: number,
  names: LmOptionNames = LM_CLI_NAMES,
): void {
  if (tokens.length !== rows)
    throw new XentError('err.lm.tokenCount', { option: names.tokens, got: tokens.length, rows }, true);
  tokens.forEach((v, i) => {
    if (v === ignoreIndex) return;
    if (!Number.isInteger(v) || v < 0 || v >= vocab)
      throw new XentError('err.lm.tokenRange', { value: v, position: i + 1, vocab, max: vocab - 1, ignoreIndex });
  });
}

/** A corpus in which no token is predicted has no mean loss (PyTorch gives NaN): said, not printed. */
export function checkSomeTokenCounted(tokens: number, shift: boolean): void {
  if (tokens === 0) throw new XentError(shift ? 'err.lm.noTokensShift' : 'err.lm.noTokens', {});
}
