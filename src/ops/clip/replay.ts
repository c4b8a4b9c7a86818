// CLIP's symmetric loss of a logits matrix replayed in a lower precision (src/core/replay.ts):
// (F.cross_entropy(logits, arange(N)) + F.cross_entropy(logits.T, arange(N))) / 2, each half
// as crossEntropyReplayed computes it.
import type { Arithmetic, Trace } from '../../core/replay.js';
import { type Matrix, transpose, zeros } from '../../core/matrix.js';
import { crossEntropyReplayed } from '../cross-entropy/replay.js';

export interface ClipReplayed {
  readonly lossesI2t: Float64Array;
  readonly lossesT2i: Float64Array;
  readonly lossI2t: number;
  readonly lossT2i: number;
  readonly loss: number;
}

/**
 * The loss of N×N logits (the matrix times `scale`, an operation stored in the format when
 * the scale is not 1), image→text over the rows and text→image over the columns, in `a`.
 * The steps of each half are recorded as parts 'i2t' and 't2i'.
 */
export function clipReplayed(matrix: Matrix, scale: number, naive: boolean, a: Arithmetic, trace: Trace): ClipReplayed {
  let logits = matrix;
  if (scale !== 1) {
    const s = a.inside(scale);
    logits = zeros(matrix.rows, matrix.cols);
    for (let k = 0; k < logits.data.length; k++) logits.data[k] = a.store(a.inside(s * a.input(matrix.data[k])));
    trace.record('scaled', 'format', matrix.cols, logits.data);
  }
  const diagonal = Array.from({ length: logits.rows }, (_, i) => i);
  const options = { temperature: 1, reduction: 'mean', naive } as const;
  const i2t = trace.within('i2t', () => crossEntropyReplayed(logits, diagonal, options, a, trace));
  const t2i = trace.within('t2i', () => crossEntropyReplayed(transpose(logits), diagonal, options, a, trace));
  const loss = a.store(a.store(i2t.loss + t2i.loss) / 2);
  trace.record('loss', 'format', 1, [loss]);
  return { lossesI2t: i2t.losses, lossesT2i: t2i.losses, lossI2t: i2t.loss, lossT2i: t2i.loss, loss };
}
