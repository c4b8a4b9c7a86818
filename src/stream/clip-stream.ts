import { readScaleOrTemperature } from '../commands/contrastive-tables.js';
import { formatExact } from '../format/number.js';
import type { OptionValues } from '../commands/command.js';
import { ClipSums } from '../ops/clip/sums.js';
import { type StreamContext, type StreamPlan, onlyOptions } from './plan.js';

/**
 * `xent clip -f value` on a similarity matrix, row by row in O(N) memory (ClipSums). A large
 * file may be read by two threads at once (src/stream/parallel.ts): the sums of the whole
 * file are then adopted here.
 */
export function planClipStream(options: OptionValues, { format, source }: StreamContext): StreamPlan | undefined {
  if (format !== 'value') return undefined;
  // normalize defaults to true (--no-normalize); it only matters for embeddings.
  if (!onlyOptions(options, ['scale', 'temperature', 'normalize'])) return undefined;
  const { scale } = readScaleOrTemperature(options, 1);
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
