import { XentError } from '../../core/errors.js';
import type { MessageParam } from '../../i18n/messages.js';
import { delimitedHeader } from '../../format/delimited.js';
import { JsonObjectPieces } from '../../format/json.js';
import { formatExact, formatFixed } from '../../format/number.js';
import { softmaxInto } from '../../ops/softmax/kernel.js';
import type { SoftmaxSpec } from '../../ops/softmax/spec.js';
import { checkSoftmaxRow } from '../../ops/softmax/validate.js';
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
 * without holding what it computes. A file is read three times: once to check every row
 * and take the row labels (nothing is written before a bad row is found), once for `probs`,
 * once for `log_probs`, so the memory stays flat whatever its size. The CLI makes a pipe
 * rereadable too, by copying it to a temporary file as it is read (src/rows/spill.ts). Where
 * the input cannot be read again (a caller without that copy), its rows are held, as the
 * whole-matrix path holds them (8 bytes a value), and both lists are computed from them row
 * by row as they are written.
 */
function planSoftmaxJson({ temperature }: SoftmaxSpec, { source, out, rereadable }: StreamContext): StreamPlan {
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
  function* opening(rowLabels: readonly string[] | undefined): Generator<string> {
    yield* json.member('command', 'softmax');
    yield* json.member('temperature', temperature);
    yield* json.member('axis', 'row');
    if (rowLabels) yield* json.member('row_labels', rowLabels);
  }
  const write = (pieces: Iterable<string>) => {
    for (const piece of pieces) out.write(piece);
  };

  if (rereadable) {
    let rowLabels: readonly string[] | undefined;
    return {
      keepsRowLabels: true,
      firstPasses: [
        {
          onRow: (row, index) => checkSoftmaxRow(row, index, source),
          end: (_rows, _cols, extras) => {
            rowLabels = extras.rowLabels;
          },
        },
        {
          onRow(row, index) {
            if (index === 0) {
              write(opening(rowLabels));
              out.write(json.openList('probs'));
            }
            normalise(row, true);
            write(json.row(probs));
          },
          end: () => out.write(json.closeList()),
        },
      ],
      onRow(row, index) {
        if (index === 0) out.write(json.openList('log_probs'));
        normalise(row, false);
        write(json.row(logProbs));
      },
      finish: () => json.closeList() + json.end(),
    };
  }

  const held = new HeldRows(source);
  return {
    keepsRowLabels: true,
    onRow(row, index) {
      checkSoftmaxRow(row, index, source);
      held.add(row);
    },
    *finish(_rows, _cols, extras) {
      yield* opening(extras?.rowLabels);
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

/** Values per block of HeldRows (1 MB): a held input grows by a block, not by doubling one array. */
const BLOCK_VALUES = 1 << 17;

/**
 * Rows of one width held in blocks of about a megabyte (a row wider than that in a block of
 * its own), so that holding n values takes 8n bytes and a few blocks more, where an array
 * grown by doubling would take up to twice that, and three times while it is copied.
 */
class HeldRows implements Iterable<Float64Array> {
  private readonly blocks: Float64Array[] = [];
  private block = new Float64Array(0);
  private used = 0;
  private width = 0;
  private held = 0;

  /** `source`: the input, for the error when its numbers do not fit in memory. */
  constructor(private readonly source: MessageParam) {}

  add(row: Float64Array): void {
    this.width = row.length;
    if (this.used + row.length > this.block.length) {
      if (this.used > 0) this.blocks.push(this.block.subarray(0, this.used));
      try {
        this.block = new Float64Array(Math.max(BLOCK_VALUES - (BLOCK_VALUES % row.length), row.length));
      } catch (error) {
        if (error instanceof RangeError)
          throw new XentError('err.tooManyValues', { source: this.source, count: this.held });
        throw error;
      }
      this.used = 0;
    }
    this.held += row.length;
    this.block.set(row, this.used);
    this.used += row.length;
  }

  /** The rows in order, as views. */
  *[Symbol.iterator](): Iterator<Float64Array> {
    const width = this.width;
    for (const block of [...this.blocks, this.block.subarray(0, this.used)])
      for (let at = 0; at + width <= block.length; at += width) yield block.subarray(at, at + width);
  }
}
