// Bytes of an input taken as a binary reader needs them: a few exact bytes for a header,
// then views of the chunks as they come. A chunk may be a buffer its reader fills again
// (src/rows/file-chunks.ts): a view is good until the next call, and what must outlive it
// (a header, a row cut by a chunk's end) is copied. A source that can be pulled synchronously
// (a regular file's SyncChunks, a list, a range of a file) is: takeNow gives its bytes with no
// await, and a reader of rows asks it for chunks that end where rows end (alignChunks).

import type { ChunkHint, HintedIterator } from '../chunks.js';

export class ByteStream {
  /** The chunks of a source pulled synchronously (a regular file's SyncChunks, a list, a range of a file). */
  private readonly sync?: HintedIterator<Uint8Array>;
  private readonly async?: AsyncIterator<Uint8Array>;
  private chunk: Uint8Array = new Uint8Array(0);
  private at = 0;
  private ended = false;
  /** What a source pulled synchronously is asked for (see alignChunks); unit 0: nothing. */
  private readonly hint: ChunkHint = { first: 0, unit: 0 };
  private alignedAt = 0;
  /** Bytes taken so far. */
  offset = 0;

  constructor(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) {
    if (Symbol.iterator in chunks) this.sync = chunks[Symbol.iterator]() as HintedIterator<Uint8Array>;
    else this.async = chunks[Symbol.asyncIterator]();
  }

  /** Pulls chunks until one has bytes left, if they come without waiting; false at the end of the input, or if they would wait. */
  private moreNow(): boolean {
    while (this.at >= this.chunk.length) {
      if (this.ended || !this.sync) return false;
      const { hint } = this;
      if (hint.unit > 0) hint.first = hint.unit - ((this.offset - this.alignedAt) % hint.unit);
      const next = this.sync.next(hint.unit > 0 ? hint : undefined);
      if (next.done) {
        this.ended = true;
        return false;
      }
      this.chunk = next.value;
      this.at = 0;
    }
    return true;
  }

  /** Pulls chunks until one has bytes left; false at the end of the input. */
  private async more(): Promise<boolean> {
    if (this.moreNow()) return true;
    while (this.at >= this.chunk.length) {
      if (this.ended || !this.async) return false;
      const next = await this.async.next();
      if (next.done) {
        this.ended = true;
        return false;
      }
      this.chunk = next.value;
      this.at = 0;
    }
    return true;
  }

  /**
   * Asks a source pulled synchronously (a file) for chunks that end where a row of `unit`
   * bytes does, rows starting here; what it gives is taken as it comes all the same.
   */
  alignChunks(unit: number): void {
    this.alignedAt = this.offset;
    this.hint.unit = unit;
  }

  /**
   * Up to `max` bytes at hand, as take gives them: in the current chunk, or in the next of a
   * source pulled synchronously; undefined at the end, or when they would have to be waited for.
   */
  takeNow(max: number): Uint8Array | undefined {
    if (max <= 0 || !this.moreNow()) return undefined;
    const end = Math.min(this.chunk.length, this.at + max);
    const view = this.chunk.subarray(this.at, end);
    this.offset += end - this.at;
    this.at = end;
    return view;
  }

  /** Up to `max` bytes as a view of the current chunk (good until the next call); undefined at the end. */
  async take(max: number): Promise<Uint8Array | undefined> {
    if (max <= 0 || !(await this.more())) return undefined;
    return this.takeNow(max);
  }

  /** Exactly `count` bytes, copied (fewer when the input ends first). */
  async read(count: number): Promise<Uint8Array> {
    const out = new Uint8Array(count);
    let filled = 0;
    while (filled < count) {
      const view = await this.take(count - filled);
      if (!view) return out.subarray(0, filled);
      out.set(view, filled);
      filled += view.length;
    }
    return out;
  }

  /** Passes over `count` bytes; returns how many there were. */
  async skip(count: number): Promise<number> {
    let skipped = 0;
    while (skipped < count) {
      const view = await this.take(count - skipped);
      if (!view) break;
      skipped += view.length;
    }
    return skipped;
  }

  /** Whether any byte is left (it is kept for the next take). */
  async hasMore(): Promise<boolean> {
    return this.more();
  }

  /** Stops reading (closes a file the chunks come from). */
  async close(): Promise<void> {
    if (!this.ended) {
      this.ended = true;
      this.sync?.return?.();
      await this.async?.return?.();
    }
  }
}
