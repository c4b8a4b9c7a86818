// Binary tensors in (.npy, .npz, .safetensors) and out (-f npy). The files are made here,
// byte by byte, after each format's specification; where Python's NumPy is installed, files
// NumPy wrote are read too, and what -f npy writes is loaded back with np.load.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { shell } from './helpers/binary.js';
import { expectErrorInBothLanguages, xent } from './helpers/cli.js';

const DIR = mkdtempSync(join(tmpdir(), 'xent-tensors-'));
const file = (name: string, bytes: Uint8Array) => {
  const path = join(DIR, name);
  writeFileSync(path, bytes);
  return path;
};

type Code = 'f2' | 'f4' | 'f8' | 'i1' | 'i2' | 'i4' | 'i8' | 'u1' | 'u2' | 'u4' | 'u8' | 'b1';

/** float16 bits of a value that float16 holds exactly (the values below are small whole numbers and halves). */
function toHalf(x: number): number {
  if (x === 0) return Object.is(x, -0) ? 0x8000 : 0;
  const sign = x < 0 ? 0x8000 : 0;
  const a = Math.abs(x);
  const e = Math.floor(Math.log2(a));
  return sign | ((e + 15) << 10) | Math.round((a / 2 ** e - 1) * 1024);
}

/** The values as bytes of `code` in C order (row-major over `shape`), little- or big-endian. */
function encode(values: readonly number[], code: Code, little: boolean): Uint8Array {
  const size = Number(code[1]);
  const view = new DataView(new ArrayBuffer(values.length * size));
  values.forEach((x, k) => {
    const at = k * size;
    if (code === 'f2') view.setUint16(at, toHalf(x), little);
    else if (code === 'f4') view.setFloat32(at, x, little);
    else if (code === 'f8') view.setFloat64(at, x, little);
    else if (code === 'i8') view.setBigInt64(at, BigInt(x), little);
    else if (code === 'u8') view.setBigUint64(at, BigInt(x), little);
    else if (code === 'i1') view.setInt8(at, x);
    else if (code === 'i2') view.setInt16(at, x, little);
    else if (code === 'i4') view.setInt32(at, x, little);
    else if (code === 'u1' || code === 'b1') view.setUint8(at, x);
    else if (code === 'u2') view.setUint16(at, x, little);
    else view.setUint32(at, x, little);
  });
  return new Uint8Array(view.buffer);
}

/** Row-major values of `shape` reordered column-major (what NumPy writes for fortran_order: True). */
function fortran(values: readonly number[], shape: readonly number[]): number[] {
  const out = new Array<number>(values.length);
  const cStrides = shape.map((_, d) => shape.slice(d + 1).reduce((a, b) => a * b, 1));
  const fStrides = shape.map((_, d) => shape.slice(0, d).reduce((a, b) => a * b, 1));
  values.forEach((x, k) => {
    const index = shape.map((n, d) => Math.floor(k / cStrides[d]) % n);
    out[index.reduce((sum, i, d) => sum + i * fStrides[d], 0)] = x;
  });
  return out;
}

/** An .npy file, version 1, 2 or 3. */
function npy(
  values: readonly number[],
  shape: readonly number[],
  {
    code = 'f8',
    little = true,
    order = 'C',
    version = 1,
    data,
  }: { code?: Code; little?: boolean; order?: 'C' | 'F'; version?: 1 | 2 | 3; data?: Uint8Array } = {},
): Uint8Array {
  const descr = `${code === 'b1' || code[1] === '1' ? '|' : little ? '<' : '>'}${code}`;
  const dims = shape.length === 1 ? `${shape[0]},` : shape.join(', ');
  const dict = `{'descr': '${descr}', 'fortran_order': ${order === 'F' ? 'True' : 'False'}, 'shape': (${dims}), }`;
  const lengthBytes = version === 1 ? 2 : 4;
  const padded = dict + ' '.repeat((64 - ((6 + 2 + lengthBytes + dict.length + 1) % 64)) % 64) + '\n';
  const header = new Uint8Array(8 + lengthBytes + padded.length);
  header.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  new DataView(header.buffer).setUint32(8, padded.length, true);
  for (let k = 0; k < padded.length; k++) header[8 + lengthBytes + k] = padded.charCodeAt(k);
  const body = data ?? encode(order === 'F' ? fortran(values, shape) : values, code, little);
  return concat([header, body]);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip archive of the members, stored or deflated, as np.savez / np.savez_compressed write them. */
function zip(members: Record<string, Uint8Array>, deflate: boolean): Uint8Array {
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(members)) {
    const packed = deflate ? new Uint8Array(deflateRawSync(data)) : data;
    const nameBytes = new TextEncoder().encode(name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, deflate ? 8 : 0, true);
    local.setUint32(14, crc32(data), true);
    local.setUint32(18, packed.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, nameBytes.length, true);
    const entry = new DataView(new ArrayBuffer(46));
    entry.setUint32(0, 0x02014b50, true);
    entry.setUint16(4, 20, true);
    entry.setUint16(6, 20, true);
    entry.setUint16(10, deflate ? 8 : 0, true);
    entry.setUint32(16, crc32(data), true);
    entry.setUint32(20, packed.length, true);
    entry.setUint32(24, data.length, true);
    entry.setUint16(28, nameBytes.length, true);
    entry.setUint32(42, offset, true);
    locals.push(new Uint8Array(local.buffer), nameBytes, packed);
    central.push(new Uint8Array(entry.buffer), nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = concat(central);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, Object.keys(members).length, true);
  end.setUint16(10, Object.keys(members).length, true);
  end.setUint32(12, directory.length, true);
  end.setUint32(16, offset, true);
  return concat([...locals, directory, new Uint8Array(end.buffer)]);
}

/** A .safetensors file of the tensors (little-endian, C order). */
function safetensors(tensors: Record<string, { dtype: string; shape: number[]; data: Uint8Array }>): Uint8Array {
  const header: Record<string, unknown> = { __metadata__: { format: 'pt' } };
  let offset = 0;
  for (const [name, { dtype, shape, data }] of Object.entries(tensors)) {
    header[name] = { dtype, shape, data_offsets: [offset, offset + data.length] };
    offset += data.length;
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const length = new DataView(new ArrayBuffer(8));
  length.setBigUint64(0, BigInt(json.length), true);
  return concat([new Uint8Array(length.buffer), json, ...Object.values(tensors).map((t) => t.data)]);
}

/** What xent prints for the same numbers given as text. */
async function asText(argv: string[], rows: readonly (readonly number[])[]): Promise<string> {
  const r = await xent(argv, { stdin: rows.map((row) => row.join(' ')).join('\n') + '\n', stdinTTY: false });
  expect(r.stderr).toBe('');
  return r.stdout;
}

const MATRIX = [
  [2, 0.5, -1, 3],
  [1, 2, 3, -2.5],
  [0, -4, 1.5, 1],
];
const flat = MATRIX.flat();
const INTS = [
  [1, 2, 3, 4],
  [5, 6, 7, 100],
  [0, 9, 12, 3],
];

describe('.npy in', () => {
  const codes: Code[] = ['f2', 'f4', 'f8', 'i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8'];
  for (const code of codes) {
    for (const little of [true, false]) {
      for (const order of ['C', 'F'] as const) {
        it(`${code}, ${little ? 'little' : 'big'}-endian, ${order} order: as the same numbers in text`, async () => {
          const rows = code[0] === 'f' ? MATRIX : INTS;
          const path = file(`m-${code}-${little}-${order}.npy`, npy(rows.flat(), [3, 4], { code, little, order }));
          const r = await xent(['softmax', '-i', path, '-f', 'tsv']);
          expect(r).toMatchObject({ code: 0, stderr: '' });
          expect(r.stdout).toBe(await asText(['softmax', '-f', 'tsv'], rows));
        });
      }
    }
  }

  it('bool as 0 and 1', async () => {
    const path = file('bool.npy', npy([1, 0, 0, 1, 1, 1], [2, 3], { code: 'b1' }));
    expect((await xent(['softmax', '-i', path])).stdout).toBe(
      await asText(
        ['softmax'],
        [
          [1, 0, 0],
          [1, 1, 1],
        ],
      ),
    );
  });

  it.each([1, 2, 3] as const)('format version %i', async (version) => {
    const path = file(`v${version}.npy`, npy(flat, [3, 4], { version }));
    expect((await xent(['softmax', '-i', path])).stdout).toBe(await asText(['softmax'], MATRIX));
  });

  it('a 1-D array is one row, a 0-D array one value', async () => {
    const one = file('one.npy', npy([2, 0.5, -1], [3]));
    expect((await xent(['softmax', '-i', one])).stdout).toBe(await asText(['softmax'], [[2, 0.5, -1]]));
    const scalar = file('scalar.npy', npy([7], []));
    expect((await xent(['softmax', '-i', scalar])).stdout).toBe('1\n');
  });

  it.each(['C', 'F'] as const)(
    'a 3-D array (%s order) is flattened to rows of its last dimension, with a note',
    async (order) => {
      const values = Array.from({ length: 24 }, (_, k) => (k * 7) % 11);
      const path = file(`cube-${order}.npy`, npy(values, [2, 3, 4], { order }));
      const r = await xent(['softmax', '-i', path, '-f', 'csv']);
      const rows = Array.from({ length: 6 }, (_, i) => values.slice(i * 4, i * 4 + 4));
      expect(r.stdout).toBe(await asText(['softmax', '-f', 'csv'], rows));
      expect(r.stderr).toBe(
        `xent: warning: '${path}' is an array of shape 2×3×4: read as 6 rows of 4 (every dimension but the last flattened to rows)\n`,
      );
    },
  );

  it('is told by its magic bytes, whatever its name, from -i, stdin and @FILE', async () => {
    const bytes = npy(flat, [3, 4]);
    const path = file('logits.txt', bytes);
    const expected = await asText(['softmax'], MATRIX);
    expect((await xent(['softmax', '-i', path])).stdout).toBe(expected);
    expect((await xent(['softmax'], { stdin: bytes, stdinTTY: false })).stdout).toBe(expected);
    const targets = file('targets.npy', npy([0, 2, 1], [3], { code: 'i8' }));
    const probs = file('probs.npy', npy([1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0], [3, 4], { code: 'f4' }));
    const byIndex = await xent(['ce', '-i', path, '-y', '0,2,1', '-f', 'value']);
    const soft = await xent(['ce', '-i', path, '--target-probs', `@${probs}`, '-f', 'value']);
    expect(soft.stdout).toBe(byIndex.stdout);
    const labels = await xent(['supcon', '-i', path, '-y', `@${targets}`, '-f', 'value']);
    expect(labels.stdout).toBe((await xent(['supcon', '-i', path, '-y', '0,2,1', '-f', 'value'])).stdout);
  });

  it('is read in chunks of any size (a pipe), one byte at a time included', async () => {
    const bytes = npy(flat, [3, 4], { code: 'f4' });
    const expected = await asText(['softmax'], MATRIX);
    const piped = spawnSync('bash', ['-c', `cat | (dd bs=1 2>/dev/null) | node bin/xent.js softmax`], {
      input: bytes,
      encoding: 'utf8',
    });
    expect(piped.stdout).toBe(expected);
  });

  it('NaN is refused where it is, as in text', async () => {
    const path = file('nan.npy', npy([1, 2, Number.NaN, 4], [2, 2]));
    await expectErrorInBothLanguages(
      ['softmax', '-i', path],
      `xent: error: 'nan' at row 2, column 1 of '${path}' is NaN; give a number, inf or -inf`,
      `xent: 错误：“${path}”第 2 行第 1 列的“nan”是 NaN；请给出数字、inf 或 -inf`,
    );
  });
});

describe('bad .npy files: what is wrong, in both languages', () => {
  it('data cut short', async () => {
    const whole = npy(flat, [3, 4]);
    const path = file('cut.npy', whole.subarray(0, whole.length - 10));
    await expectErrorInBothLanguages(
      ['softmax', '-i', path],
      `xent: error: '${path}' ends early: its header promises 96 bytes of data (3×4 of <f8), but it holds only 86`,
      `xent: 错误：“${path}”提前结束：文件头声明有 96 字节数据（<f8 类型的 3×4），实际只有 86 字节`,
    );
  });
  it('a header that lies about the shape (more data than it says)', async () => {
    const path = file('lies.npy', npy(flat, [2, 4], { data: encode(flat, 'f8', true) }));
    await expectErrorInBothLanguages(
      ['softmax', '-i', path],
      `xent: error: '${path}' has 32 bytes more than its header says (2×4 of <f8): the header does not describe the data`,
      `xent: 错误：“${path}”比文件头所说（<f8 类型的 2×4）多出 32 字节：文件头与数据不符`,
    );
  });
  it.each([
    [
      '<c16',
      'they are complex numbers, and xent reads real ones (save the real part or the magnitude instead)',
      '这些是复数，而 xent 只读实数（请改存实部或模）',
    ],
    [
      '|O',
      'they are Python objects, not numbers (save the array with a numeric dtype, such as float64)',
      '这些是 Python 对象而不是数（请用数值类型保存数组，例如 float64）',
    ],
    ['<U3', 'they are strings, not numbers', '这些是字符串而不是数'],
  ])('an unsupported dtype %s says what it is', async (descr, en, zh) => {
    const dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': (1,), }`;
    const bytes = concat([
      new Uint8Array([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, dict.length, 0]),
      new TextEncoder().encode(dict),
      new Uint8Array(16),
    ]);
    const path = file(`bad-${descr.replace(/\W/g, '')}.npy`, bytes);
    await expectErrorInBothLanguages(
      ['softmax', '-i', path],
      `xent: error: '${path}' holds values of type ${descr}, which xent cannot read: ${en}`,
      `xent: 错误：“${path}”中的值是 ${descr} 类型，xent 无法读取：${zh}`,
    );
  });
  it('a broken header', async () => {
    const dict = "{'descr': '<f8', 'shape': (2, 2), }";
    const bytes = concat([
      new Uint8Array([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, dict.length, 0]),
      new TextEncoder().encode(dict),
    ]);
    const path = file('broken.npy', bytes);
    const r = await xent(['softmax', '-i', path]);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: `xent: error: '${path}' is not a readable .npy file: its header is wrong (${dict})\n`,
    });
  });
  it('other binary files get a hint naming the formats xent reads', async () => {
    const path = file('x.bin', new Uint8Array([1, 2, 0, 4, 5, 6, 7, 8, 9, 10]));
    await expectErrorInBothLanguages(
      ['ce', '-i', path, '-y', '0'],
      `xent: error: '${path}' is not text: it has a NUL byte at byte 3 (xent reads text, and NumPy .npy and .npz and .safetensors files, told by their first bytes)`,
      `xent: 错误：“${path}”不是文本：第 3 字节是 NUL（xent 读取文本，以及 NumPy 的 .npy、.npz 和 .safetensors 文件，按文件开头的字节识别）`,
    );
  });
  it('a member asked of a single array', async () => {
    const path = file('single.npy', npy(flat, [3, 4]));
    const r = await xent(['softmax', '-i', `${path}:logits`]);
    expect(r.stderr).toBe(
      `xent: error: '${path}' is .npy, a single matrix: it has no array 'logits' to pick (give the file without ':logits')\n`,
    );
  });
});

describe('.npz in', () => {
  for (const deflate of [false, true]) {
    const kind = deflate ? 'deflated (np.savez_compressed)' : 'stored (np.savez)';
    it(`${kind}: the only member by default, or the one named`, async () => {
      const expected = await asText(['softmax'], MATRIX);
      const only = file(`only-${deflate}.npz`, zip({ 'arr_0.npy': npy(flat, [3, 4], { code: 'f4' }) }, deflate));
      expect((await xent(['softmax', '-i', only])).stdout).toBe(expected);
      const two = file(
        `two-${deflate}.npz`,
        zip(
          {
            'logits.npy': npy(flat, [3, 4]),
            'probs.npy': npy([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0], [3, 4], { code: 'u1' }),
          },
          deflate,
        ),
      );
      expect((await xent(['softmax', '-i', `${two}:logits`])).stdout).toBe(expected);
      expect((await xent(['ce', '-i', `${two}:logits`, '--target-probs', `@${two}:probs`, '-f', 'value'])).stdout).toBe(
        (await xent(['ce', '-i', `${two}:logits`, '-y', '0,1,2', '-f', 'value'])).stdout,
      );
      // From a pipe: held, then read the same way.
      const bytes = zip({ 'logits.npy': npy(flat, [3, 4]) }, deflate);
      expect((await xent(['softmax'], { stdin: bytes, stdinTTY: false })).stdout).toBe(expected);
    });
  }
  it('several members and none named: an error listing them', async () => {
    const path = file('many.npz', zip({ 'a.npy': npy([1], [1]), 'b.npy': npy([2], [1]) }, false));
    await expectErrorInBothLanguages(
      ['softmax', '-i', path],
      `xent: error: '${path}' holds several arrays: name one as FILE:NAME (such as -i file.npz:NAME); it has: a, b`,
      `xent: 错误：“${path}”中有多个数组：请用 FILE:NAME 指定一个（例如 -i file.npz:NAME）；其中有：a、b`,
    );
  });
  it('a member that does not exist', async () => {
    const path = file('ab.npz', zip({ 'a.npy': npy([1], [1]), 'b.npy': npy([2], [1]) }, true));
    await expectErrorInBothLanguages(
      ['softmax', '-i', `${path}:c`],
      `xent: error: '${path}' has no array 'c'; it has: a, b`,
      `xent: 错误：“${path}”中没有数组“c”；其中有：a、b`,
    );
  });
  it('a damaged member (its checksum does not match)', async () => {
    const bytes = zip({ 'a.npy': npy(flat, [3, 4]) }, false);
    bytes[30 + 5 + 140] ^= 0xff; // a byte of the data
    const path = file('damaged.npz', bytes);
    expect((await xent(['softmax', '-i', path])).stderr).toBe(
      `xent: error: array 'a' of '${path}' is damaged: its bytes do not match the archive's checksum or size\n`,
    );
  });
});

describe('.safetensors in', () => {
  const f32 = encode(flat, 'f4', true);
  it.each([
    ['F32', f32],
    ['F64', encode(flat, 'f8', true)],
    ['F16', encode(flat, 'f2', true)],
    // bfloat16: the upper halves of the float32s (these values are exact in it)
    ['BF16', Uint8Array.from({ length: flat.length * 2 }, (_, k) => f32[(k >> 1) * 4 + 2 + (k & 1)])],
  ])('%s', async (dtype, data) => {
    const path = file(`m-${dtype}.safetensors`, safetensors({ w: { dtype, shape: [3, 4], data } }));
    expect((await xent(['softmax', '-i', path])).stdout).toBe(await asText(['softmax'], MATRIX));
  });
  it('integers, and a tensor named among several', async () => {
    const path = file(
      'ints.safetensors',
      safetensors({
        bias: { dtype: 'F32', shape: [4], data: encode([1, 2, 3, 4], 'f4', true) },
        ids: { dtype: 'I64', shape: [3, 4], data: encode(INTS.flat(), 'i8', true) },
        small: { dtype: 'U8', shape: [3, 4], data: encode(INTS.flat(), 'u1', true) },
      }),
    );
    const expected = await asText(['softmax'], INTS);
    expect((await xent(['softmax', '-i', `${path}:ids`])).stdout).toBe(expected);
    expect((await xent(['softmax', '-i', `${path}:small`])).stdout).toBe(expected);
    await expectErrorInBothLanguages(
      ['softmax', '-i', path],
      `xent: error: '${path}' holds several arrays: name one as FILE:NAME (such as -i file.npz:NAME); it has: bias, ids, small`,
      `xent: 错误：“${path}”中有多个数组：请用 FILE:NAME 指定一个（例如 -i file.npz:NAME）；其中有：bias、ids、small`,
    );
  });
  it('offsets that do not fit the shape', async () => {
    const path = file('odd.safetensors', safetensors({ w: { dtype: 'F32', shape: [3, 3], data: f32 } }));
    await expectErrorInBothLanguages(
      ['softmax', '-i', path],
      `xent: error: tensor 'w' of '${path}' is 3×3 of F32, which takes 36 bytes, but its offsets give it 48`,
      `xent: 错误：“${path}”中的张量“w”是 F32 类型的 3×3，应占 36 字节，但其偏移量给出的是 48 字节`,
    );
  });
  it('complex tensors are refused as such', async () => {
    const path = file('c.safetensors', safetensors({ z: { dtype: 'C64', shape: [1], data: new Uint8Array(8) } }));
    expect((await xent(['softmax', '-i', path])).stderr).toBe(
      `xent: error: '${path}' holds values of type C64, which xent cannot read: they are complex numbers, and xent reads real ones (save the real part or the magnitude instead)\n`,
    );
  });
  it('data cut short', async () => {
    const whole = safetensors({ w: { dtype: 'F32', shape: [3, 4], data: f32 } });
    const path = file('cut.safetensors', whole.subarray(0, whole.length - 4));
    expect((await xent(['softmax', '-i', path])).stderr).toBe(
      `xent: error: '${path}', array 'w' ends early: its header promises 48 bytes of data (3×4 of F32), but it holds only 44\n`,
    );
  });
});

/** The .npy header xent writes, and its data as doubles. */
function readNpy(bytes: Uint8Array): { header: string; values: Float64Array } {
  const length = bytes[8] | (bytes[9] << 8);
  const header = new TextDecoder().decode(bytes.subarray(10, 10 + length));
  const data = Uint8Array.prototype.slice.call(bytes, 10 + length);
  return { header, values: new Float64Array(data.buffer) };
}

describe('-f npy out', () => {
  it('the result matrix as float64 in C order, 64-byte aligned, read back by xent', async () => {
    const r = await xent(['softmax', '2,0.5,-1;1,2,3', '-f', 'npy']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const bytes = r.stdoutBytes!;
    const { header, values } = readNpy(bytes);
    expect(header.trimEnd()).toBe("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }");
    expect((10 + header.length) % 64).toBe(0);
    const tsv = (await xent(['softmax', '2,0.5,-1;1,2,3', '-f', 'tsv'])).stdout;
    expect(Array.from(values).join('\t')).toBe(tsv.trim().split('\n').join('\t'));
    // Read back: softmax of log-probabilities is the same probabilities (to rounding: the
    // log-sum-exp of the second reading need not be exactly 0).
    const log = (await xent(['softmax', '2,0.5,-1;1,2,3', '--log', '-f', 'npy'])).stdoutBytes!;
    const back = (await xent(['softmax', '-f', 'tsv'], { stdin: log, stdinTTY: false })).stdout;
    const numbers = (text: string) => text.trim().split(/\s+/).map(Number);
    const want = numbers(tsv);
    numbers(back).forEach((v, k) => expect(Math.abs(v - want[k])).toBeLessThanOrEqual(4e-16 * want[k]));
  });
  it('is refused on a terminal, and with --explain', async () => {
    const r = await xent(['softmax', '1,2', '-f', 'npy'], { tty: true });
    expect(r.stderr).toBe(
      "xent: error: -f npy writes binary data, not for a terminal: redirect it to a file (> result.npy) or a pipe\nTry 'xent softmax --help'.\n",
    );
    expect((await xent(['softmax', '1,2', '-f', 'npy', '--explain'])).stderr).toMatch(
      /^xent: error: -f npy writes only the result matrix: it cannot hold --explain/,
    );
  });
});

const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!hasNumpy)('with NumPy (skipped: python3 with numpy not found)', () => {
  const python = (code: string, input?: Uint8Array) => {
    const r = spawnSync('python3', ['-c', code], { input, encoding: 'utf8', cwd: DIR });
    expect(r.stderr).toBe('');
    return r.stdout;
  };

  it('reads what np.save, np.savez and np.savez_compressed write', async () => {
    python(`
import numpy as np
a = np.array(${JSON.stringify(MATRIX)})
np.save('np.npy', a.astype(np.float32))
np.save('np-f.npy', np.asfortranarray(a))
np.save('np-be.npy', a.astype('>f8'))
np.save('np-3d.npy', np.arange(24.0).reshape(2, 3, 4))
np.savez('np.npz', logits=a, labels=np.array([0, 1, 2]))
np.savez_compressed('np-c.npz', a)
`);
    const expected = await asText(['softmax'], MATRIX);
    for (const name of ['np.npy', 'np-f.npy', 'np-be.npy', 'np.npz:logits', 'np-c.npz']) {
      expect((await xent(['softmax', '-i', join(DIR, name)])).stdout, name).toBe(expected);
    }
    const cube = await xent(['softmax', '-i', join(DIR, 'np-3d.npy')]);
    expect(cube.stdout).toBe(
      await asText(
        ['softmax'],
        Array.from({ length: 6 }, (_, i) => [0, 1, 2, 3].map((j) => i * 4 + j)),
      ),
    );
  });

  it('np.load reads -f npy, from a file and from a pipe', () => {
    const r = shell(`xent ce '2,0.5,-1;1,2,3' -y 0,2 -f npy > ${join(DIR, 'out.npy')}`);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const tsv = shell(`xent ce '2,0.5,-1;1,2,3' -y 0,2 -f tsv`).stdout;
    const loaded = python(`
import numpy as np
a = np.load('out.npy')
print(a.dtype, a.shape, a.flags['C_CONTIGUOUS'])
print('\\n'.join('\\t'.join(repr(float(x)) for x in row) for row in a))`);
    const [meta, ...rows] = loaded.trim().split('\n');
    expect(meta).toBe('float64 (2, 4) True');
    const numbers = (text: string) =>
      text
        .trim()
        .split(/\s+/)
        .filter((x) => /^[-\d.e]+$/.test(x))
        .map(Number);
    expect(numbers(rows.join('\n'))).toEqual(numbers(tsv));
    const piped = spawnSync(
      'bash',
      [
        '-c',
        `node bin/xent.js softmax '1,2,3' -f npy | python3 -c "import numpy as np, sys, io; print(np.load(io.BytesIO(sys.stdin.buffer.read())).shape)"`,
      ],
      { encoding: 'utf8' },
    );
    expect(piped.stdout).toBe('(1, 3)\n');
  });

  it('a large .npy read by two threads gives the digits of a reading in order', () => {
    python(`
import numpy as np
rng = np.random.default_rng(7)
n = 1100
np.save('big.npy', (rng.random((n, n)) * 10 - 5 + 4 * np.eye(n)).astype(np.float64))`);
    const path = join(DIR, 'big.npy');
    const parallel = shell(`xent clip -i ${path} -f value`);
    const inOrder = shell(`cat ${path} | xent clip -f value`);
    expect(parallel).toMatchObject({ code: 0, stderr: '' });
    expect(parallel.stdout).toBe(inOrder.stdout);
    const peer = python(`
import numpy as np
def logsumexp(z, axis):
    m = z.max(axis=axis, keepdims=True)
    return (m + np.log(np.exp(z - m).sum(axis=axis, keepdims=True))).squeeze(axis)
z = np.load('big.npy'); d = np.diag(z)
print(repr(float((np.mean(logsumexp(z, axis=1) - d) + np.mean(logsumexp(z, axis=0) - d)) / 2)))`);
    expect(Math.abs(Number(parallel.stdout) - Number(peer)) / Number(peer)).toBeLessThan(1e-12);
  });
});
