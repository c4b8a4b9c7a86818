// Output of a streaming command. It is held back until it is large, so that a small result
// appears all at once or (after an error) not at all; past that it is written as it comes.
// Text is copied into byte blocks rather than joined into ever larger strings: large
// strings live until a full garbage collection and would make the memory grow with the
// output, which streaming is meant to prevent. Written blocks are used again: freed ones
// would wait for the garbage collector, tens of megabytes of them.
import type { StreamOutput } from './plan.js';

const HOLD_BACK = 8 * 1024 * 1024;
const BLOCK = 1024 * 1024;
/** Written blocks kept for reuse. */
const SPARE = 4;

export class StreamedStdout implements StreamOutput {
  /** Filled blocks, and how many of their bytes are used. */
  private blocks: { bytes: Buffer; used: number }[] = [];
  private spare: Buffer[] = [];
  private block: Buffer = Buffer.allocUnsafe(BLOCK);
  private used = 0;
  private size = 0;
  private started = false;

  /**
   * `sink` writes to the real stdout, and is done with the bytes when its promise resolves
   * (they are then used again); without it (tests) everything is kept for rest().
   */
  constructor(private readonly sink?: (bytes: Uint8Array) => Promise<void>) {}

  write(text: string): void {
    // At most 3 bytes per UTF-16 unit; most output is ASCII and fits as is.
    if (text.length * 3 > this.block.length - this.used) {
      this.seal();
      if (text.length * 3 > BLOCK) {
        const bytes = Buffer.from(text, 'utf8');
        this.blocks.push({ bytes, used: bytes.length });
        this.size += text.length;
        return;
      }
    }
    this.used += this.block.write(text, this.used, 'utf8');
    this.size += text.length;
  }

  /** Bytes (-f npy), kept as they are: they are not used again by the caller. */
  writeBytes(bytes: Uint8Array): void {
    this.seal();
    this.blocks.push({ bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), used: bytes.length });
    this.size += bytes.length;
  }

  /** Called between input chunks: writes what is pending once past the hold-back. */
  async flushIfLarge(): Promise<void> {
    if (!this.sink || (!this.started && this.size < HOLD_BACK)) return;
    this.started = true;
    this.seal();
    const blocks = this.blocks;
    this.blocks = [];
    this.size = 0;
    for (const { bytes, used } of blocks) {
      await this.sink(bytes.subarray(0, used));
      if (bytes.length === BLOCK && this.spare.length < SPARE) this.spare.push(bytes);
    }
  }

  /** What was not written yet, as text. */
  rest(): string {
    return this.restBytes().toString('utf8');
  }

  /** What was not written yet, as bytes. */
  restBytes(): Buffer {
    this.seal();
    return Buffer.concat(this.blocks.map(({ bytes, used }) => bytes.subarray(0, used)));
  }

  private seal(): void {
    if (this.used === 0) return;
    this.blocks.push({ bytes: this.block, used: this.used });
    this.block = this.spare.pop() ?? Buffer.allocUnsafe(BLOCK);
    this.used = 0;
  }
}
