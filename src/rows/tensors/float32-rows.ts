// float32 rows to doubles, four values at a time: a WebAssembly SIMD loop converts a row and
// looks for NaN in the same pass (f64x2.promote_low_f32x4 is exact, as every float32 is a
// double). In JavaScript the conversion (TypedArray set) and the NaN check (a sum over the
// row) were two passes over it, and the reading of a float32 .npy ran at about half the
// speed of a float64 one per byte. Where WebAssembly or its SIMD is missing, the reader
// takes its JavaScript path instead (readTensorRows).

/**
 * The module, as bytes. One function, f32(src, dst, groups) → i32: converts `groups` × 4
 * float32 at byte `src` of its memory to float64 at byte `dst`, and returns 1 if any was NaN.
 */
// biome-ignore format: one instruction a line
const MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
  0x01, 0x08, 0x01, 0x60, 0x03, 0x7f, 0x7f, 0x7f, 0x01, 0x7f, // types: (i32 i32 i32) → i32
  0x03, 0x02, 0x01, 0x00, // functions: one, of type 0
  0x05, 0x03, 0x01, 0x00, 0x01, // memory: one, at least 1 page
  0x07, 0x10, 0x02, // exports: two
  0x06, 0x6d, 0x65, 0x6d, 0x6f, 0x72, 0x79, 0x02, 0x00, // "memory": memory 0
  0x03, 0x66, 0x33, 0x32, 0x00, 0x00, // "f32": function 0
  0x0a, 0x68, 0x01, 0x66, // code: one body, of 0x66 bytes
  0x01, 0x02, 0x7b, // locals 3 (NaN lanes) and 4 (the four values): v128
  0x02, 0x40, // block
  0x20, 0x02, 0x45, 0x0d, 0x00, // if groups == 0, out of the block
  0x03, 0x40, // loop
  0x20, 0x00, 0xfd, 0x00, 0x00, 0x00, 0x21, 0x04, // v = v128.load(src)
  0x20, 0x03, 0x20, 0x04, 0x20, 0x04, 0xfd, 0x42, 0xfd, 0x50, 0x21, 0x03, // nan |= f32x4.ne(v, v)
  0x20, 0x01, 0x20, 0x04, 0xfd, 0x5f, 0xfd, 0x0b, 0x00, 0x00, // v128.store(dst, promote_low(v))
  0x20, 0x01, 0x20, 0x04, 0x20, 0x04, // dst, v, v
  0xfd, 0x0d, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7, // the high half low
  0xfd, 0x5f, 0xfd, 0x0b, 0x00, 0x10, // v128.store(dst + 16, promote_low(high half))
  0x20, 0x00, 0x41, 0x10, 0x6a, 0x21, 0x00, // src += 16
  0x20, 0x01, 0x41, 0x20, 0x6a, 0x21, 0x01, // dst += 32
  0x20, 0x02, 0x41, 0x01, 0x6b, 0x22, 0x02, 0x0d, 0x00, // again while --groups != 0
  0x0b, // end loop
  0x0b, // end block
  0x20, 0x03, 0xfd, 0x53, // v128.any_true(nan)
  0x0b, // end
]);

/** What is used of WebAssembly (not in the TypeScript libraries this project compiles against). */
interface Wasm {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { readonly exports: Record<string, unknown> };
}
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

let compiled: object | null | undefined;

/** The module, compiled once; null where WebAssembly or its SIMD is missing. */
function wasmModule(): object | null {
  if (compiled === undefined) {
    try {
      const wasm = (globalThis as { WebAssembly?: Wasm }).WebAssembly;
      compiled = wasm ? new wasm.Module(MODULE) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** Converts rows of `cols` float32 (host byte order) to doubles. */
export interface Float32Rows {
  /**
   * The row whose bytes start at `offset` of `bytes`, as doubles: a view, good until the next
   * call; `nan` is the column (0-based) of its first NaN, or -1.
   */
  convert(bytes: Uint8Array, offset: number): { readonly row: Float64Array; readonly nan: number };
}

/** A converter for rows of `cols` values, or undefined where WebAssembly SIMD is missing. */
export function float32Rows(cols: number, useWasm = true): Float32Rows | undefined {
  const module = useWasm ? wasmModule() : null;
  if (!module) return undefined;
  const { exports } = new (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly.Instance(module);
  const memory = exports.memory as WasmMemory;
  const f32 = exports.f32 as (src: number, dst: number, groups: number) => number;
  // The float32 at 0, the doubles after them (on a multiple of 16 bytes).
  const dst = Math.ceil((cols * 4) / 16) * 16;
  const needed = dst + cols * 8;
  const pages = Math.ceil(needed / 65536) - memory.buffer.byteLength / 65536;
  if (pages > 0) memory.grow(pages);
  const bytesIn = new Uint8Array(memory.buffer, 0, cols * 4);
  const floats = new Float32Array(memory.buffer, 0, cols);
  const row = new Float64Array(memory.buffer, dst, cols);
  const groups = cols >> 2;
  const result = { row, nan: -1 };
  return {
    convert(bytes, offset) {
      bytesIn.set(bytes.subarray(offset, offset + cols * 4));
      let nan = f32(0, dst, groups);
      // The last cols % 4 values.
      for (let j = groups * 4; j < cols; j++) {
        row[j] = floats[j];
        if (Number.isNaN(row[j])) nan = 1;
      }
      result.nan = nan === 0 ? -1 : row.findIndex(Number.isNaN);
      return result;
    },
  };
}
