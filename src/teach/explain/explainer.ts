import type { CommandContext } from '../../report/run-context.js';
import { XentError } from '../../core/errors.js';
import type { Translator } from '../../i18n/translator.js';
import type { ParsedMatrix } from '../../text/matrix-text.js';
import type { Report } from '../../report/report.js';

/** What an explainer gets: the command's input, its typed spec (readSpec's) and finished report. */
export interface ExplainInput<Spec = unknown> {
  readonly t: Translator;
  /** The matrix the command read; undefined when it took embeddings (--image/--text). */
  readonly input: ParsedMatrix | undefined;
  readonly spec: Spec;
  readonly report: Report;
  readonly context: CommandContext;
  /** `--row K` as given (1-based), undefined for the default (the first row). */
  readonly row: number | undefined;
  readonly decimals: number;
}

/** The learning rate a one-step illustration uses. */
export const EXPLAIN_LR = 1;

/** `--row K` (1-based) as an index into `count` rows, checked. */
export function pickRow(row: number | undefined, count: number, what: 'row' | 'column' = 'row'): number {
  if (row === undefined) return 0;
  if (row < 1 || row > count)
    throw new XentError(
      'err.teach.rowRange',
      { row, count, unit: { key: what === 'row' ? 'label.row' : 'label.column' } },
      true,
    );
  return row - 1;
}
