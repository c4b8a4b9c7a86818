import { delimitedHeader } from '../../format/delimited.js';
import { formatExact, formatFixed } from '../../format/number.js';
import { inUnit } from '../../core/units.js';
import { lmSummary } from '../../ops/lm/kernel.js';
import type { LmSpec } from '../../ops/lm/spec.js';
import { LmSums } from '../../ops/lm/sums.js';
import type { StreamContext, StreamPlan } from '../../rows/plan.js';

/** The per-token columns of `xent lm -f tsv|csv`, as the whole-matrix report names them. */
export const LM_TOKEN_COLUMNS = ['sequence', 'position', 'target', 'loss'] as const;

/**
 * `xent lm` row by row in O(vocabulary + sequences) memory: each row's loss is added to its
 * sequence as it arrives (LmSums, the class the whole-matrix path uses too), blank lines
 * start sequences, and the tokens are checked once the rows are counted. `-f value` prints
 * the corpus loss at the end; `-f tsv` and `-f csv` write each token's line (sequence,
 * position, target, loss) as it is counted: under --shift, once the next row shows whether
 * the sequence goes on. JSON, tables and -g take the whole-matrix path.
 */
export function planLmStream(spec: LmSpec, { format, decimals, source, out }: StreamContext): StreamPlan | undefined {
  if (spec.grad || (format !== 'value' && format !== 'tsv' && format !== 'csv')) return undefined;
  const { unit, ignoreIndex } = spec;
  const perToken = format !== 'value';
  const separator = format === 'csv' ? ',' : '\t';
  const number = decimals === undefined ? formatExact : (x: number) => formatFixed(x, decimals);
  if (perToken) out.write(delimitedHeader(LM_TOKEN_COLUMNS, separator) + '\n');
  const sums = new LmSums(
    spec,
    source,
    false,
    undefined,
    perToken
      ? (sequence, position, target, loss) =>
          out.write(
            `${sequence}${separator}${position}${separator}${formatExact(target ?? ignoreIndex)}${separator}${number(target === null ? NaN : inUnit(loss, unit))}\n`,
          )
      : undefined,
  );
  return {
    onRow: (row, i) => sums.add(row, i),
    onBlankLine: (rowsBefore) => sums.blankLine(rowsBefore),
    finish(rows, cols) {
      const summary = lmSummary(sums.finish(rows, cols));
      return perToken ? '' : `${formatExact(inUnit(summary.loss, unit))}\n`;
    },
  };
}
