// float32 rows through WebAssembly SIMD (src/rows/tensors/float32-rows.ts) against the
// JavaScript path (TypedArray set, then a sum for NaN): the same doubles, bit for bit, and
// the same error at the same row and column for a NaN, for every width (four lanes and a
// tail of 0 to 3), every offset in a chunk, and rows cut by the chunks' ends.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { XentError } from '../../src/core/errors.js';
import { ByteStream } from '../../src/rows/tensors/bytes.js';
import { float32Rows } from '../../src/rows/tensors/float32-rows.js';
import { readTensorRows } from '../../src/rows/tensors/rows.js';

const F4 = { kind: 'f', size: 4, little: true, name: '<f4' } as const;

/** The rows readTensorRows hands out (copied), or the error's key and params. */
async function read(bytes: Uint8Array, rows: number, cols: number, chunk: number, wasm: boolean) {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += chunk) chunks.push(bytes.slice(at, at + chunk));
  const out: number[][] = [];
  try {
    await readTensorRows(
      new ByteStream(chunks),
      { dtype: F4, shape: [rows, cols], fortran: false },
      'test',
      (row) => out.push(Array.from(row)),
      true,
      undefined,
      0,
      { wasm },
    );
    return { rows: out };
  } catch (error) {
    if (!(error instanceof XentError)) throw error;
    return { key: error.key, params: error.params };
  }
}

describe('float32 rows', () => {
  it('are converted by WebAssembly SIMD on this Node', () => {
    expect(float32Rows(5)).toBeDefined();
    expect(float32Rows(5, false)).toBeUndefined();
  });
  it('give the doubles the JavaScript path gives, and its NaN errors', async () => {
    const value = fc.oneof(
      fc.float({ noNaN: true }),
      fc.constantFrom(0, -0, Infinity, -Infinity, 1e-45, -3.4028234663852886e38),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 13 }),
        fc.integer({ min: 1, max: 70 }),
        fc.array(value, { minLength: 39, maxLength: 39 }),
        fc.option(fc.nat(38)),
        async (rows, cols, chunk, pool, nanAt) => {
          const values = Float32Array.from({ length: rows * cols }, (_, k) => pool[k % pool.length]);
          if (nanAt !== null && nanAt < values.length) values[nanAt] = Number.NaN;
          const bytes = new Uint8Array(values.buffer);
          const simd = await read(bytes, rows, cols, chunk, true);
          const js = await read(bytes, rows, cols, chunk, false);
          expect(simd).toEqual(js);
          if (!simd.rows) return;
          // Bit for bit, -0 included: toEqual tells 0 from -0.
          expect(simd.rows.flat()).toEqual(Array.from(values));
        },
      ),
      { numRuns: 300 },
    );
  });
  it('name the row and column of a NaN in the lanes and in the tail', async () => {
    for (const [at, row, col] of [
      [0, 1, 1],
      [3, 1, 4],
      [4, 1, 5],
      [6, 1, 7],
      [7, 2, 1],
      [13, 2, 7],
    ]) {
      const values = new Float32Array(14).fill(0.5);
      values[at] = Number.NaN;
      const r = await read(new Uint8Array(values.buffer), 2, 7, 64, true);
      expect(r).toEqual({ key: 'err.nan', params: { token: 'nan', row, col, source: 'test' } });
    }
  });
  it('hold rows wider than a page of WebAssembly memory', () => {
    const cols = 40000;
    const values = Float32Array.from({ length: cols + 1 }, (_, k) => k / 7 - 1000);
    const floats = float32Rows(cols)!;
    const { row, nan } = floats.convert(new Uint8Array(values.buffer), 4);
    expect(nan).toBe(-1);
    expect(Array.from(row)).toEqual(Array.from(values.subarray(1)));
  });
});
