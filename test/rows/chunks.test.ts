// A regular file's chunks pulled synchronously (src/rows/chunks.ts, file-chunks.ts): the same
// bytes as `for await` gives, chunks that end where a row ends when a binary reader asks, and
// the rows of an .npy the same whichever way its chunks come.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SyncChunks, hintedLength } from '../../src/rows/chunks.js';
import { CHUNK, fileChunks } from '../../src/rows/file-chunks.js';
import { parseInput } from '../../src/rows/input.js';
import { ByteStream } from '../../src/rows/tensors/bytes.js';

const dir = mkdtempSync(join(tmpdir(), 'xent-chunks-'));

/** An .npy of float32 or float64, `rows`×`cols`, values k/8 − 3 (header of NumPy's 128 bytes). */
function npy(name: string, rows: number, cols: number, bytes: 4 | 8, cut = 0): string {
  const values = bytes === 4 ? new Float32Array(rows * cols) : new Float64Array(rows * cols);
  for (let k = 0; k < values.length; k++) values[k] = k / 8 - 3;
  let dict = `{'descr': '<f${bytes}', 'fortran_order': False, 'shape': (${rows}, ${cols}), }`;
  dict += `${' '.repeat((64 - ((10 + dict.length + 1) % 64)) % 64)}\n`;
  const header = Buffer.alloc(10 + dict.length);
  header.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, dict.length & 0xff, dict.length >> 8]);
  header.write(dict, 10, 'latin1');
  const all = Buffer.concat([header, Buffer.from(values.buffer)]);
  const path = join(dir, name);
  writeFileSync(path, all.subarray(0, all.length - cut));
  return path;
}

async function rowsOf(path: string): Promise<number[][]> {
  const rows: number[][] = [];
  await parseInput({ source: 'test', chunks: fileChunks(path) }, (row) => rows.push(Array.from(row)));
  return rows;
}

describe('a regular file read synchronously', () => {
  it('gives through for await the bytes its iterator gives', async () => {
    const path = npy('same.npy', 300, 700, 8);
    const chunks = fileChunks(path);
    expect(chunks).toBeInstanceOf(SyncChunks);
    const pulled: number[] = [];
    for (const chunk of chunks as SyncChunks) pulled.push(...chunk.subarray(0, 8), chunk.length);
    const awaited: number[] = [];
    for await (const chunk of chunks) awaited.push(...chunk.subarray(0, 8), chunk.length);
    expect(awaited).toEqual(pulled);
    expect(pulled.at(-1)).toBe((128 + 300 * 700 * 8) % CHUNK);
  });

  it('reads chunks that end where a row ends when a binary reader asks', () => {
    expect(hintedLength(CHUNK, undefined)).toBe(CHUNK);
    expect(hintedLength(CHUNK, { first: 128, unit: 16384 })).toBe(128 + 3 * 16384);
    expect(hintedLength(CHUNK, { first: 16384, unit: 16384 })).toBe(CHUNK);
    expect(hintedLength(CHUNK, { first: CHUNK + 1, unit: 1 << 20 })).toBe(CHUNK);
    const path = npy('aligned.npy', 64, 4096, 4);
    const lengths: number[] = [];
    const stream = new ByteStream(fileChunks(path));
    // After the 128 bytes of the header, rows of 16 KB start: only the first chunk cuts one.
    expect(stream.takeNow(128)?.length).toBe(128);
    stream.alignChunks(16384);
    for (let piece = stream.takeNow(1 << 30); piece; piece = stream.takeNow(1 << 30)) lengths.push(piece.length);
    expect(lengths).toEqual([CHUNK - 128, 128 + 3 * 16384, ...new Array(14).fill(CHUNK), 16384]);
    expect(lengths.reduce((a, b) => a + b, 0)).toBe(64 * 16384);
  });

  it('gives the rows of an .npy, float32 and float64, as chunks given one by one do', async () => {
    for (const [bytes, cols] of [
      [4, 4096],
      [4, 1001],
      [8, 4096],
      [8, 3],
    ] as const) {
      const path = npy(`rows-${bytes}-${cols}.npy`, 40, cols, bytes);
      const read = await rowsOf(path);
      expect(read.length).toBe(40);
      for (let i = 0; i < 40; i += 13)
        for (let j = 0; j < cols; j += 97) expect(read[i][j]).toBe((i * cols + j) / 8 - 3);
    }
  });

  it('still says a file is cut short', async () => {
    const path = npy('short.npy', 40, 4096, 4, 100);
    await expect(rowsOf(path)).rejects.toMatchObject({ key: 'err.tensorTruncated' });
  });
});
