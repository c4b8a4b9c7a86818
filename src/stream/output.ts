// Output of a streaming command. It is held back until it is large, so that a small result
// appears all at once or (after an error) not at all; past that it is written as it comes.
// Text is copied into byte blocks rather than joined into ever larger strings: large
// strings live until a full garbage collection and would make the memory grow with the
// output, which streaming is meant to prevent.
import type { StreamOutput } from './plan.js';

const HOLD_BACK = 8 * 1024 * 1024;
const BLOCK = 1024 * 1024;

export class StreamedStdout implements StreamOutput {
  private blocks: Uint8Array[] = [];
  private block = Buffer.allocUnsafe(BLOCK);
  private used = 0;
  private size = 0;
  private started = false;

  /** `sink` writes to the real stdout; without it (tests) everything is kept for rest(). */
  constructor(private readonly sink?: (bytes: Uint8Array) => Promise<void>) {}

  write(text: string): void {
    // At most 3 bytes per UTF-16 unit; most output is ASCII and fits as is.
    if (text.length * 3 > this.block.length - this.used) {
      this.seal();
      if (text.length * 3 > BLOCK) {
        this.blocks.push(Buffer.from(text, 'utf8'));
        this.size += text.length;
        return;
      }
    }
    this.used += this.block.write(text, this.used, 'utf8');
    this.size += text.length;
  }

  /** Called between input chunks: writes what is pending once past the hold-back. */
  async flushIfLarge(): Promise<void> {
    if (!this.sink || (!this.started && this.size < HOLD_BACK)) return;
    this.started = true;
    this.seal();
    const blocks = this.blocks;
    this.blocks = [];
    this.size = 0;
    for (const bytes of blocks) await this.sink(bytes);
  }

  /** What was not written yet, as text. */
  rest(): string {
    this.seal();
    return Buffer.concat(this.blocks).toString('utf8');
  }

  private seal(): void {
    if (this.used === 0) return;
    this.blocks.push(this.block.subarray(0, this.used));
    this.block = Buffer.allocUnsafe(BLOCK);
    this.used = 0;
  }
}
