import { formatExact } from '../../format/number.js';
import type { ClipSpec } from '../../ops/clip/spec.js';
import { ClipSums } from '../../ops/clip/sums.js';
import type { StreamContext, StreamPlan } from '../../rows/plan.js';

/**
 * `xent clip -f value` on a similarity matrix, row by row in O(N) memory (ClipSums). A large
 * file may be read by two threads at once (src/rows/parallel.ts): the sums of the whole
 * file are then adopted here.
 */
export function planClipStream(spec: ClipSpec, { format, source }: StreamContext): StreamPlan | undefined {
  if (format !== 'value') return undefined;
  // Embeddings, -g and --base take the whole-matrix path (--no-normalize only matters for embeddings).
  if (spec.pair !== undefined || spec.grad || spec.unitNamed) return undefined;
  // A rank of open_clip's local_loss has two matrices: the whole-matrix path.
  if (spec.textLogits !== undefined || spec.labels !== undefined) return undefined;
  const { scale } = spec;
  let sums = new ClipSums(scale, source);
  return {
    onRow: (row, i) => sums.add(row, i),
    finish: (rows, cols) => `${formatExact(sums.loss(rows, cols))}\n`,
    parallel: {
      task: { kind: 'clip', scale, source },
      adopt: (whole) => {
        sums = whole as ClipSums;
      },
    },
  };
}
