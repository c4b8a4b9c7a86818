// The sums of each task that two threads can compute over pieces of a file: the one place
// that maps a task (plain data, it crosses threads) to its operation's sums. Used by the CLI
// for the main thread and by the worker's entry (src/rows/part-worker.ts).
import type { PieceSums } from '../../core/piece-sums.js';
import { CeSums } from '../../ops/cross-entropy/sums.js';
import { ClipSums, rowLayout } from '../../ops/clip/sums.js';
import type { PartTask } from '../../rows/plan.js';

/** The sums a task computes; `onPiece`: a worker's, whose pieces go to the main thread. */
export function createSums(task: PartTask, onPiece?: (state: unknown) => void): PieceSums {
  if (task.kind === 'clip') return new ClipSums(task.scale, task.source, { ...task.sizes, onPiece });
  // Pieces as cutIntoPieces makes them, from the same sizes.
  const pieceRows = (cols: number) => rowLayout(cols, task.sizes?.blockValues, task.sizes?.pieceValues).pieceRows;
  return new CeSums(task, task.source, { pieceRows, onPiece });
}
