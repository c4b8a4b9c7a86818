import { readIgnoreIndex, readIndexTargets, readSmoothing } from '../commands/ce.js';
import { readBase, readClassWeights, readReduction } from '../commands/loss-options.js';
import { readNumberList, readTemperature } from '../cli/option-values.js';
import { XentError } from '../errors.js';
import { formatExact } from '../format/number.js';
import { indexTargetRow, rowLoss } from '../math/cross-entropy.js';
import { softmaxInto } from '../math/softmax.js';
import { inUnit } from '../math/units.js';
import { type StreamContext, type StreamPlan, onlyOptions } from './plan.js';
import { checkSoftmaxRow } from './row-checks.js';

/**
 * `xent ce -y … -f value` (mean or sum) in O(columns) memory: each row's loss is computed as
 * it arrives, with the row functions crossEntropy itself uses (log-softmax, effective target
 * row, −Σ a·ℓ: the same digits as the whole-matrix path, without its probabilities and
 * gradient), and the sums of losses and of target weights give the reduced loss. The targets
 * are checked by the same code as the whole-matrix path, once the number of rows is known.
 */
export function planCrossEntropyStream({ format, options, source }: StreamContext): StreamPlan | undefined {
  if (format !== 'value' || typeof options.target !== 'string') return undefined;
  if (!onlyOptions(options, ['target', 'oneBased', 'ignoreIndex', 'temperature', 'weight', 'labelSmoothing', 'reduction', 'base'])) {
    return undefined;
  }
  const reduction = readReduction(options.reduction as string | undefined);
  if (reduction === 'none') return undefined; // one line per row: printed only once all targets are known good
  const targetText = options.target;
  const diag = targetText.trim().toLowerCase() === 'diag';
  const oneBased = options.oneBased === true;
  const offset = oneBased ? 1 : 0;
  const ignoreIndex = readIgnoreIndex(options.ignoreIndex as string | undefined);
  const given = diag ? [] : readNumberList(targetText, '-y, --target');
  const temperature = readTemperature(options.temperature as string | undefined);
  const labelSmoothing = readSmoothing(options.labelSmoothing as string | undefined);
  const unit = readBase(options.base as string | undefined);
  let weight = new Float64Array(0);
  let logProbs = new Float64Array(0);
  let targetRow = new Float64Array(0);
  let total = 0;
  let denominator = 0;
  let cols = 0;

  return {
    onRow(row, i) {
      if (i === 0) {
        cols = row.length;
        // As crossEntropy builds them: 1 for every class unless -w gives the weights.
        weight = new Float64Array(cols).fill(1);
        if (options.weight !== undefined) weight.set(readClassWeights(options.weight as string, '-w, --weight', cols));
        logProbs = new Float64Array(cols);
        targetRow = new Float64Array(cols);
      }
      checkSoftmaxRow(row, i, source);
      const raw = diag ? i + offset : given[i];
      if (raw === undefined || raw === ignoreIndex) return;
      const c = raw - offset;
      // An out-of-range or fractional target is reported by readIndexTargets at the end.
      if (!Number.isInteger(c) || c < 0 || c >= cols) return;
      softmaxInto(row, temperature, undefined, logProbs);
      targetRow.fill(0);
      indexTargetRow(targetRow, c, weight, labelSmoothing);
      total += rowLoss(targetRow, logProbs);
      denominator += weight[c];
    },
    finish(rows, width) {
      readIndexTargets(targetText, { rows, cols: width, data: new Float64Array(0) }, oneBased, ignoreIndex);
      if (reduction === 'mean' && denominator === 0) throw new XentError('err.ce.meanUndefined');
      const loss = reduction === 'mean' ? total / denominator : total;
      return `${formatExact(inUnit(loss, unit))}\n`;
    },
  };
}
