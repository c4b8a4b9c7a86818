import { readIgnoreIndex, readIndexTargets, readSmoothing } from '../commands/ce.js';
import { readBase, readReduction } from '../commands/loss-options.js';
import { readNumberList, readTemperature } from '../parse/option-values.js';
import { XentError } from '../errors.js';
import { formatExact } from '../format/number.js';
import { inUnit } from '../math/units.js';
import type { OptionValues } from '../commands/command.js';
import { CeSums } from '../ops/cross-entropy/sums.js';
import { type CeTask, type StreamContext, type StreamPlan, onlyOptions } from './plan.js';

/**
 * `xent ce -y … -f value` (mean or sum) in O(columns) memory: the rows' losses are summed as
 * they arrive (CeSums); a large file may be read by two threads at once
 * (src/stream/parallel.ts). The targets are checked by the same code as the whole-matrix
 * path, once the number of rows is known.
 */
export function planCrossEntropyStream(options: OptionValues, { format, source }: StreamContext): StreamPlan | undefined {
  if (format !== 'value' || typeof options.target !== 'string') return undefined;
  if (!onlyOptions(options, ['target', 'oneBased', 'ignoreIndex', 'temperature', 'weight', 'labelSmoothing', 'reduction', 'base'])) {
    return undefined;
  }
  const reduction = readReduction(options.reduction as string | undefined);
  if (reduction === 'none') return undefined; // one line per row: printed only once all targets are known good
  const ignoreIndex = readIgnoreIndex(options.ignoreIndex as string | undefined);
  const targets = options.target.trim().toLowerCase() === 'diag' ? 'diag' : readNumberList(options.target, '-y, --target');
  const task: CeTask = {
    kind: 'ce',
    source,
    target: options.target,
    targets,
    oneBased: options.oneBased === true,
    ignoreIndex,
    temperature: readTemperature(options.temperature as string | undefined),
    labelSmoothing: readSmoothing(options.labelSmoothing as string | undefined),
    ...(options.weight !== undefined ? { weight: options.weight as string } : {}),
  };
  const unit = readBase(options.base as string | undefined);
  let sums = new CeSums(task);

  return {
    onRow: (row, i) => sums.add(row, i),
    finish(rows, width) {
      readIndexTargets(task.target, { rows, cols: width, data: new Float64Array(0) }, task.oneBased, task.ignoreIndex);
      const { total, denominator } = sums.totals();
      if (reduction === 'mean' && denominator === 0) throw new XentError('err.ce.meanUndefined');
      const loss = reduction === 'mean' ? total / denominator : total;
      return `${formatExact(inUnit(loss, unit))}\n`;
    },
    parallel: {
      task,
      adopt: (whole) => {
        sums = whole as CeSums;
      },
    },
  };
}
