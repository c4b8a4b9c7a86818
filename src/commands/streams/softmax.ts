import { delimitedHeader } from '../../format/delimited.js';
import { JsonObjectPieces } from '../../format/json.js';
import { formatExact, formatFixed } from '../../format/number.js';
import { softmaxInto } from '../../ops/softmax/kernel.js';
import type { SoftmaxSpec } from '../../ops/softmax/spec.js';
import { checkSoftmaxRow } from '../../ops/softmax/validate.js';
import { HeldRows } from '../../rows/held-rows.js';
import type { StreamContext, StreamPlan } from '../../rows/plan.js';

/**
 * `xent softmax` to TSV, CSV, value or JSON, row-wise: each row is normalised and written as
 * it arrives. Column-wise softmax and tables need the whole matrix and take the usual path.
 */
export function planSoftmaxStream(spec: SoftmaxSpec, context: StreamContext): StreamPlan | undefined {
  const { format, decimals, source, out } = context;
  if (spec.axis !== 'row') return undefined;
  if (format === 'json') return planSoftmaxJson(spec, context);
  if (format !== 'tsv' && format !== 'csv' && format !== 'value') return undefined;
  const { temperature, log } = spec;
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

/**
 * `xent softmax -f json`: the text the whole-matrix path writes (probs, then log_probs),
 * without holding what it computes. The input is read once: every row is checked as it comes
 * (nothing is written before a bad row is found) and kept as doubles in HeldRows (in memory up
 * to a megabyte, past it in a temporary file, 8 bytes a value, where the CLI gives one: the
 * memory stays flat whatever the input's size); then both lists are computed from the kept
 * rows, row by row, as they are written. Reading the input once, not once per list, also
 * means a file that changes meanwhile cannot give a result half old and half new.
 */
function planSoftmaxJson({ temperature }: SoftmaxSpec, { source, openSpill }: StreamContext): StreamPlan {
  const json = new JsonObjectPieces();
  let probs = new Float64Array(0);
  let logProbs = new Float64Array(0);
  /** The row's softmax in `probs` (unless only the log-probabilities are wanted) and `logProbs`. */
  const normalise = (row: Float64Array, withProbs: boolean) => {
    if (logProbs.length !== row.length) {
      probs = new Float64Array(row.length);
      logProbs = new Float64Array(row.length);
    }
    softmaxInto(row, temperature, withProbs ? probs : undefined, logProbs);
  };
  const held = new HeldRows(source, openSpill);
  return {
    keepsRowLabels: true,
    onRow(row, index) {
      checkSoftmaxRow(row, index, source);
      held.add(row);
    },
    *finish(_rows, _cols, extras) {
      yield* json.member('command', 'softmax');
      yield* json.member('temperature', temperature);
      yield* json.member('axis', 'row');
      if (extras?.rowLabels) yield* json.member('row_labels', extras.rowLabels);
      for (const key of ['probs', 'log_probs'] as const) {
        yield json.openList(key);
        for (const row of held) {
          normalise(row, key === 'probs');
          yield* json.row(key === 'probs' ? probs : logProbs);
        }
        yield json.closeList();
      }
      yield json.end();
    },
  };
}
