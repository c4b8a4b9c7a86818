import { readScaleOrTemperature } from '../commands/contrastive-tables.js';
import { XentError } from '../errors.js';
import { formatExact } from '../format/number.js';
import { shiftedSumExp } from '../math/log-sum-exp.js';
import { ColumnLogSumExp } from '../math/online-log-sum-exp.js';
import { type StreamContext, type StreamPlan, onlyOptions } from './plan.js';
import { checkSoftmaxRow } from './row-checks.js';

/**
 * `xent clip -f value` on a similarity matrix, in O(N) memory: each row's log-sum-exp gives
 * its image→text loss at once; the text→image losses need each column's log-sum-exp, kept
 * online (ColumnLogSumExp) while the rows stream by, and the diagonal.
 * loss_i2t = mean_i (lse(row i) − zᵢᵢ), loss_t2i = mean_j (lse(column j) − zⱼⱼ), loss = their mean.
 */
export function planClipStream({ format, options, source }: StreamContext): StreamPlan | undefined {
  if (format !== 'value') return undefined;
  // normalize defaults to true (--no-normalize); it only matters for embeddings.
  if (!onlyOptions(options, ['scale', 'temperature', 'normalize'])) return undefined;
  const { scale } = readScaleOrTemperature(options, 1);
  let columns: ColumnLogSumExp | undefined;
  let scaled = new Float64Array(0);
  let diagonal = new Float64Array(0);
  let lossI2t = 0;

  return {
    onRow(row, i) {
      const n = row.length;
      if (i === 0) {
        columns = new ColumnLogSumExp(n);
        scaled = new Float64Array(n);
        diagonal = new Float64Array(n);
      }
      if (i >= n) throw new XentError('err.notSquare', { command: 'clip', rows: i + 1, cols: n });
      for (let j = 0; j < n; j++) scaled[j] = scale * row[j];
      checkSoftmaxRow(scaled, i, source);
      const { max, sum } = shiftedSumExp(scaled);
      lossI2t += max + Math.log(sum) - scaled[i];
      diagonal[i] = scaled[i];
      columns!.add(scaled);
    },
    finish(rows, cols) {
      if (rows !== cols) throw new XentError('err.notSquare', { command: 'clip', rows, cols });
      const lse = columns!.result();
      let lossT2i = 0;
      for (let j = 0; j < cols; j++) {
        if (lse[j] === -Infinity) throw new XentError('err.allNegInf', { line: { key: 'where.column', params: { index: j + 1 } } });
        lossT2i += lse[j] - diagonal[j];
      }
      return `${formatExact((lossI2t / rows + lossT2i / cols) / 2)}\n`;
    },
  };
}
