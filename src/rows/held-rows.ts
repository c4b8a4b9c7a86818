// The rows of an input kept to be read again after the last one (softmax -f json writes every
// row's probabilities, then every row's log-probabilities, once every row is checked): read
// once, held as doubles in memory or, past a block, in a temporary file (src/rows/spill.ts).
import { XentError } from '../core/errors.js';
import type { MessageParam } from '../i18n/messages.js';
import type { Spill } from './spill.js';

/** Values per block (1 MB): a held input grows by a block, not by doubling one array. */
const BLOCK_VALUES = 1 << 17;

/**
 * Rows of one width, added in order and read back in order as often as needed. Without a
 * temporary file they are held in blocks of about a megabyte (a row wider than that in a block
 * of its own), so that holding n values takes 8n bytes and a few blocks more, where an array
 * grown by doubling would take up to twice that, and three times while it is copied. With one
 * (`openSpill`), an input larger than a block goes to it, a block at a time, 8 bytes a value:
 * the memory stays one block for writing and one for reading, whatever the input's size, and
 * an input of one block never makes a file.
 */
export class HeldRows implements Iterable<Float64Array> {
  private readonly blocks: Float64Array[] = [];
  private block = new Float64Array(0);
  private used = 0;
  private width = 0;
  private held = 0;
  private spill: Spill | undefined;
  /** Bytes written to the spill. */
  private spilled = 0;

  /**
   * `source`: the input, for the error when its numbers do not fit in memory; `openSpill`: a
   * temporary file for an input larger than a block; `blockValues`: smaller blocks (tests).
   */
  constructor(
    private readonly source: MessageParam,
    private readonly openSpill?: () => Spill,
    private readonly blockValues = BLOCK_VALUES,
  ) {}

  add(row: Float64Array): void {
    this.width = row.length;
    if (this.used + row.length > this.block.length) {
      if (this.used > 0) this.keep(this.block.subarray(0, this.used));
      // A block written to the file is filled again; one kept in memory is not.
      if (this.spill === undefined || this.block.length < row.length) {
        try {
          this.block = new Float64Array(Math.max(this.blockValues - (this.blockValues % row.length), row.length));
        } catch (error) {
          if (error instanceof RangeError)
            throw new XentError('err.tooManyValues', { source: this.source, count: this.held });
          throw error;
        }
      }
      this.used = 0;
    }
    this.held += row.length;
    this.block.set(row, this.used);
    this.used += row.length;
  }

  /** The rows in order, as views valid until the next is given. */
  *[Symbol.iterator](): Iterator<Float64Array> {
    const width = this.width;
    if (width === 0) return;
    const spill = this.spill;
    if (spill) {
      // Read back a block's worth of whole rows at a time.
      const buffer = new Float64Array(Math.max(this.blockValues - (this.blockValues % width), width));
      const bytes = new Uint8Array(buffer.buffer);
      for (let at = 0; at < this.spilled; ) {
        const length = Math.min(bytes.length, this.spilled - at);
        spill.readAt(at, bytes.subarray(0, length));
        at += length;
        const values = length / 8;
        for (let k = 0; k + width <= values; k += width) yield buffer.subarray(k, k + width);
      }
    }
    for (const block of [...this.blocks, this.block.subarray(0, this.used)])
      for (let at = 0; at + width <= block.length; at += width) yield block.subarray(at, at + width);
  }

  /** A full block: to the temporary file if there is one, else kept. */
  private keep(values: Float64Array): void {
    if (!this.openSpill) {
      this.blocks.push(values);
      return;
    }
    this.spill ??= this.openSpill();
    this.spill.write(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
    this.spilled += values.byteLength;
  }
}
