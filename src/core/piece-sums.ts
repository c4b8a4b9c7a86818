// What a streaming command sums over the rows of a large file, in pieces that two threads
// can share (src/rows/parallel.ts): the contract between the row engine, which knows no
// loss, and an operation's sums (ClipSums, CeSums). A piece is a fixed range of rows; each
// piece's state is folded in piece order by the thread that finishes the command, so the
// digits do not depend on which thread read which piece.
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
