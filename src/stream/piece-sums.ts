// What a streaming command sums over the rows of a large file, in pieces that two threads
// can share (src/stream/parallel.ts): clip (ClipSums) and ce (CeSums). A piece is a fixed
// range of rows (rowLayout); each piece's state is folded in piece order by the thread that
// finishes the command, so the digits do not depend on which thread read which piece.
import { CeSums } from '../ops/cross-entropy/sums.js';
import { ClipSums, rowLayout } from '../ops/clip/sums.js';
import type { PartTask } from './plan.js';

export interface PieceSums {
  /** Row i (0-based, of the whole matrix); rows may skip ahead (a thread's next piece). */
  add(row: Float64Array, i: number): void;
  /** Ends the piece being summed: its state goes to onPiece, or is folded here in its turn. */
  endPiece(): void;
  /** A piece's state from the other thread: folded now if it is next, else kept until it is. */
  foldPiece(state: unknown): void;
  /** What the rows read here add besides their pieces (clip's per-row losses), for the other thread. */
  rowsState(): unknown;
  addRows(state: unknown): void;
}

/** The sums a task computes; `onPiece`: a worker's, whose pieces go to the main thread. */
export function createSums(task: PartTask, onPiece?: (state: unknown) => void): PieceSums {
  if (task.kind === 'clip') return new ClipSums(task.scale, task.source, { ...task.sizes, onPiece });
  // Pieces as cutIntoPieces makes them, from the same sizes.
  const pieceRows = (cols: number) => rowLayout(cols, task.sizes?.blockValues, task.sizes?.pieceValues).pieceRows;
  return new CeSums(task, task.source, { pieceRows, onPiece });
}
