// The one check of InfoNCE's inputs, on typed values: `xent infonce` and the library's
// infoNceLoss call these.
import { XentError } from '../../core/errors.js';
import type { Matrix } from '../../core/matrix.js';
import type { MessageParam } from '../../i18n/messages.js';
import { checkEmbeddings } from '../../core/normalize.js';
import { checkSoftmaxInput } from '../softmax/validate.js';
import type { InfoNceEmbeddings } from './spec.js';

/** The names the embeddings go by in errors: the CLI's options or the library's fields. */
export interface InfoNceNames {
  readonly query: string;
  readonly pos: string;
  readonly neg: string;
}

export const INFONCE_CLI_NAMES: InfoNceNames = { query: '--query', pos: '--pos', neg: '--neg' };

/** --query, --pos and --neg come together (or none of them, for a logits matrix). */
export function checkEmbeddingChoice(
  given: Readonly<Record<keyof InfoNceNames, boolean>>,
  names: InfoNceNames = INFONCE_CLI_NAMES,
): void {
  const missing = (Object.keys(names) as (keyof InfoNceNames)[]).filter((k) => !given[k]);
  if (missing.length > 0 && missing.length < 3)
    throw new XentError('err.infonce.missing', { option: names[missing[0]] }, true);
}

/**
 * A logits matrix: column 0 the positive, at least one negative column, values a softmax takes
 * (no +inf, a row not all −inf).
 */
export function checkInfoNceLogits(logits: Matrix, source: MessageParam): void {
  if (logits.cols < 2) throw new XentError('err.infonce.oneColumn', { source });
  checkSoftmaxInput(logits, 'row', source);
}

/** One positive per query, every key of the queries' dimension, finite (and not zero when normalised). */
export function checkInfoNceEmbeddings(
  e: InfoNceEmbeddings,
  normalize: boolean,
  names: InfoNceNames = INFONCE_CLI_NAMES,
): void {
  const name = (option: string) => ({ key: 'source.option', params: { option } }) as const;
  if (e.pos.rows !== e.query.rows)
    throw new XentError('err.infonce.count', {
      query: e.query.rows,
      pos: e.pos.rows,
      queryOption: names.query,
      posOption: names.pos,
    });
  for (const [m, option] of [
    [e.pos, names.pos],
    [e.neg, names.neg],
  ] as const)
    if (m.cols !== e.query.cols)
      throw new XentError('err.infonce.dim', { option, got: m.cols, expected: e.query.cols, queryOption: names.query });
  checkEmbeddings(e.query, name(names.query), normalize);
  checkEmbeddings(e.pos, name(names.pos), normalize);
  checkEmbeddings(e.neg, name(names.neg), normalize);
}
