// Bytes of an input taken as a binary reader needs them: a few exact bytes for a header,
// then views of the chunks as they come. A chunk may be a buffer its reader fills again
// (src/rows/file-chunks.ts): a view is good until the next call, and what must outlive it
// (a header, a row cut by a chunk's end) is copied.

export class ByteStream {
  private readonly iterator: AsyncIterator<Uint8Array>;
  private chunk: Uint8Array = new Uint8Array(0);
  private at = 0;
  private ended = false;
  /** Bytes taken so far. */
  offset = 0;

  constructor(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) {
    this.iterator =
      Symbol.asyncIterator in chunks
        ? (chunks as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]()
        : toAsync((chunks as Iterable<Uint8Array>)[Symbol.iterator]());
  }

  /** Pulls chunks until one has bytes left; false at the end of the input. */
  private async more(): Promise<boolean> {
    while (this.at >= this.chunk.length) {
      if (this.ended) return false;
      const next = await this.iterator.next();
      if (next.done) {
        this.ended = true;
        return false;
      }
      this.chunk = next.value;
      this.at = 0;
    }
    return true;
  }

  /** Up to `max` bytes as a view of the current chunk (good until the next call); undefined at the end. */
  async take(max: number): Promise<Uint8Array | undefined> {
    if (max <= 0 || !(await this.more())) return undefined;
    const end = Math.min(this.chunk.length, this.at + max);
    const view = this.chunk.subarray(this.at, end);
    this.offset += end - this.at;
    this.at = end;
    return view;
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
      await this.iterator.return?.();
    }
  }
}

function toAsync<T>(iterator: Iterator<T>): AsyncIterator<T> {
  return {
    next: async () => iterator.next(),
    return: async () => iterator.return?.() ?? { done: true, value: undefined },
  };
}
