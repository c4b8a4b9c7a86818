/**
 * Folds pieces' states in piece order (0, 1, 2, …) whatever order they arrive in: a piece
 * that comes ahead of its turn waits. Floating-point sums then come out the same, digit for
 * digit, however the pieces were shared between threads.
 */
export class InPieceOrder<T> {
  private next = 0;
  private readonly waiting = new Map<number, T>();

  constructor(private readonly fold: (state: T) => void) {}

  take(piece: number, state: T): void {
    if (piece !== this.next) {
      this.waiting.set(piece, state);
      return;
    }
    for (let due: T | undefined = state; due !== undefined; due = this.waiting.get(this.next)) {
      this.waiting.delete(this.next);
      this.fold(due);
      this.next++;
    }
  }

  /** Every piece taken has been folded (a piece that never came is a bug, not bad input). */
  check(what: string): void {
    if (this.waiting.size > 0) throw new Error(`${what}: piece ${this.next} was never summed`);
  }
}
