import { formatExact } from '../../format/number.js';
import { inUnit } from '../../core/units.js';
import { reducedLoss } from '../../ops/cross-entropy/kernel.js';
import type { CeSpec } from '../../ops/cross-entropy/spec.js';
import { CeSums } from '../../ops/cross-entropy/sums.js';
import { indexTargetClasses } from '../../ops/cross-entropy/validate.js';
import { rowLayout } from '../../ops/clip/sums.js';
import type { CeTask, StreamContext, StreamPlan } from '../../rows/plan.js';

/**
 * `xent ce -y … -f value` (mean or sum) in O(columns) memory: the rows' losses are summed as
 * they arrive (CeSums); a large file may be read by two threads at once
 * (src/rows/parallel.ts). The targets are checked by the same validator as the
 * whole-matrix path, once the number of rows is known.
 */
export function planCrossEntropyStream(spec: CeSpec, { format, source }: StreamContext): StreamPlan | undefined {
  const { targets, reduction } = spec;
  if (format !== 'value' || targets.kind !== 'index') return undefined;
  // What the value does not show but the whole-matrix path computes or checks: the gradient,
  // probability input, top-k other than the accuracy (k ≤ classes is checked there).
  if (spec.grad || spec.inputIsProbs || spec.topK.some((k) => k !== 1)) return undefined;
  // Conventions the row sums do not take (Keras's sample weights, ε/(C − 1), the Hessian): the whole-matrix path.
  if (spec.sampleWeight || (spec.smoothingStyle ?? 'torch') !== 'torch' || spec.hessian) return undefined;
  if (reduction === 'none') return undefined; // one line per row: printed only once all targets are known good
  const task: CeTask = {
    kind: 'ce',
    source,
    targets,
    oneBased: spec.oneBased,
    temperature: spec.temperature,
    labelSmoothing: spec.labelSmoothing,
    ...(spec.weight !== undefined ? { weight: spec.weight } : {}),
  };
  let sums = new CeSums(task, source, { pieceRows: (cols) => rowLayout(cols).pieceRows });

  return {
    onRow: (row, i) => sums.add(row, i),
    finish(rows, width) {
      indexTargetClasses(targets, { rows, cols: width }, spec.oneBased);
      return `${formatExact(inUnit(reducedLoss(sums.totals(), reduction), spec.unit))}\n`;
    },
    parallel: {
      task,
      adopt: (whole) => {
        sums = whole as CeSums;
      },
    },
  };
}
