import { formatExact } from '../../format/number.js';
import { inUnit } from '../../core/units.js';
import { lmSummary } from '../../ops/lm/kernel.js';
import type { LmSpec } from '../../ops/lm/spec.js';
import { LmSums } from '../../ops/lm/sums.js';
import type { StreamContext, StreamPlan } from '../../rows/plan.js';

/**
 * `xent lm -f value` in O(vocabulary + sequences) memory: each row's loss is added to its
 * sequence as it arrives (LmSums, the class the whole-matrix path uses too), blank lines
 * start sequences, and the tokens are checked once the rows are counted.
 */
export function planLmStream(spec: LmSpec, { format, source }: StreamContext): StreamPlan | undefined {
  if (format !== 'value' || spec.grad) return undefined;
  const sums = new LmSums(spec, source);
  return {
    onRow: (row, i) => sums.add(row, i),
    onBlankLine: (rowsBefore) => sums.blankLine(rowsBefore),
    finish(rows, cols) {
      const summary = lmSummary(sums.finish(rows, cols));
      return `${formatExact(inUnit(summary.loss, spec.unit))}\n`;
    },
  };
}
