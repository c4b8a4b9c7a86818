import { delimitedHeader } from '../../format/delimited.js';
import { formatExact, formatFixed } from '../../format/number.js';
import { softmaxInto } from '../../ops/softmax/kernel.js';
import type { SoftmaxSpec } from '../../ops/softmax/spec.js';
import { checkSoftmaxRow } from '../../ops/softmax/validate.js';
import type { StreamContext, StreamPlan } from '../../rows/plan.js';

/**
 * `xent softmax` to TSV, CSV or value, row-wise: each row is normalised and written as it
 * arrives. Column-wise softmax, tables and JSON need the whole matrix and take the usual path.
 */
export function planSoftmaxStream(
  { temperature, axis, log }: SoftmaxSpec,
  { format, decimals, source, out }: StreamContext,
): StreamPlan | undefined {
  if (format !== 'tsv' && format !== 'csv' && format !== 'value') return undefined;
  if (axis !== 'row') return undefined;
  const separator = format === 'csv' ? ',' : '\t';
  // `value` prints full precision whatever -p says, as in the formatter.
  const number = decimals === undefined || format === 'value' ? formatExact : (x: number) => formatFixed(x, decimals);
  let probs = new Float64Array(0);
  let logProbs = new Float64Array(0);
  let fields: string[] = [];

  return {
    onRow(row, index, colLabels) {
      if (index === 0) {
        probs = new Float64Array(row.length);
        logProbs = new Float64Array(row.length);
        fields = new Array<string>(row.length);
        if (colLabels && format !== 'value') {
          out.write(delimitedHeader(colLabels, separator) + '\n');
        }
      }
      checkSoftmaxRow(row, index, source);
      softmaxInto(row, temperature, probs, logProbs);
      const shown = log ? logProbs : probs;
      // join, not +=: a line built by += is a tree of small strings, several times its size.
      for (let j = 0; j < shown.length; j++) fields[j] = number(shown[j]);
      out.write(fields.join(separator) + '\n');
    },
    finish: () => '',
  };
}
