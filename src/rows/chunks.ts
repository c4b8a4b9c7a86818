// Chunks of an input that can be pulled at once: a regular file's, read by readSync. A binary
// reader pulls them synchronously, a few a step (src/rows/tensors/bytes.ts): an await for each
// 64 KB chunk of a 67 MB .npy, through three async layers, cost more than the read itself
// (V8 spent ~70 ms optimising those large async functions while the first read ran). A `for
// await` reader (the text parser) gets them one at a time, as from any stream.

/** Bytes read at once before the event loop is let turn (a progress line's Ctrl-C, a worker's messages). */
export const TURN_BYTES = 1 << 20;

/** One turn of the event loop. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Chunks pulled synchronously through `[Symbol.iterator]` (whose reader lets the event loop
 * turn every TURN_BYTES, as readTensorRows does), or through `for await`, which turns it so.
 */
export class SyncChunks<T extends Uint8Array | string = Uint8Array> implements Iterable<T>, AsyncIterable<T> {
  /** `open`: the chunks from the start, read as they are pulled (a file is opened at the first). */
  constructor(private readonly open: () => HintedIterator<T>) {}

  [Symbol.iterator](): HintedIterator<T> {
    return this.open();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    let sinceTurn = 0;
    for (const chunk of this) {
      yield chunk;
      sinceTurn += chunk.length;
      if (sinceTurn >= TURN_BYTES) {
        sinceTurn = 0;
        await nextTurn();
      }
    }
  }
}

/**
 * What a reader asks of the next chunk it pulls, through the iterator's next(hint): to end
 * `first` bytes on, or `unit` bytes after that, or 2·unit… (where a row of a binary tensor
 * ends: a chunk of whole rows has none to copy and put together). A source may ignore it.
 */
export interface ChunkHint {
  first: number;
  unit: number;
}

/** An iterator of chunks that takes hints. */
export type HintedIterator<T> = Iterator<T, unknown, ChunkHint | undefined>;

/** The length of a read of at most `max` bytes that `hint` asks for (`max` when the first end it asks for is beyond). */
export function hintedLength(max: number, hint: ChunkHint | undefined): number {
  if (!hint || hint.first > max) return max;
  return hint.first + Math.floor((max - hint.first) / hint.unit) * hint.unit;
}
