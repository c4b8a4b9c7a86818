// The whole-matrix paths hold one N×N matrix at most and write large outputs as they go
// (memory and time are measured by `npm run bench`, never here). What is tested here is
// that none of it changes a digit: the JSON and TSV writers against the one-string
// formatters they replace, the blocked products and the row-by-row results against plain
// loops, and the CLI's streamed output against the same run returned whole.
import { COMMANDS } from '../src/commands/index.js';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run.js';
import { formatExact } from '../src/format/number.js';
import { formatDelimited } from '../src/format/delimited.js';
import { formatJson, jsonPieces } from '../src/format/json.js';
import {
  type Matrix,
  type RowSource,
  fromRows,
  materialize,
  rowView,
  toRows,
  transpose,
  zeros,
} from '../src/core/matrix.js';
import { clipFromEmbeddings, clipFromEmbeddingsByRow, clipLoss, clipLossByRow } from '../src/ops/clip/kernel.js';
import { clipRecall } from '../src/ops/clip/metrics.js';
import { descendClipMatrix } from '../src/ops/descend/kernel.js';
import { dotRows, gradientProducts, shareLargeProducts } from '../src/core/matmul.js';
import { ntxentByRow, ntxentLoss } from '../src/ops/ntxent/kernel.js';
import { siglipLoss, siglipLossByRow } from '../src/ops/siglip/kernel.js';
import { softmax } from '../src/ops/softmax/kernel.js';
import { supconByRow } from '../src/ops/supcon/kernel.js';
import { topKAccuracy } from '../src/ops/cross-entropy/metrics.js';
import { matrixTable } from '../src/commands/contrastive-tables.js';
import { elideReport } from '../src/report/elide.js';
import { LazyList, type Report, matrixRows } from '../src/report/report.js';
import { Worker } from 'node:worker_threads';
import { productHelper } from '../src/rows/product-thread.js';
import { ROOT, shell } from './helpers/binary.js';
import { xent } from './helpers/cli.js';

/** How xent wrote JSON before it was written in pieces: JSON.stringify, then flat arrays on one line. */
function jsonAsOneString(value: Readonly<Record<string, unknown>>): string {
  const text = JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (typeof v === 'number' && !Number.isFinite(v)) return formatExact(v);
      if (v instanceof Float64Array) return Array.from(v);
      if (v instanceof LazyList) return Array.from(v);
      return v;
    },
    2,
  );
  return (
    text.replace(/\[\n\s+([^[\]{}]*?)\n\s*\]/g, (_whole, items: string) => `[${items.replace(/,\n\s+/g, ', ')}]`) + '\n'
  );
}

/** Bit for bit, -0 told from 0 and NaN equal to NaN; the first difference named. */
function expectSameBits(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  for (let k = 0; k < expected.length; k++) {
    if (!Object.is(actual[k], expected[k])) expect.fail(`${what}[${k}]: ${actual[k]} ≠ ${expected[k]}`);
  }
}

function rowsOf(source: RowSource): Float64Array {
  return materialize(source).data;
}

/** A seeded matrix of values in (−spread, spread). */
function seeded(rows: number, cols: number, seed: number, spread = 3): Matrix {
  let a = seed >>> 0;
  const m = zeros(rows, cols);
  for (let k = 0; k < m.data.length; k++) {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    m.data[k] = (a / 2 ** 32 - 0.5) * 2 * spread;
  }
  return m;
}

describe('JSON in pieces', () => {
  const leaf = fc.oneof(
    fc.double(),
    fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 1e-300, 1e300),
    fc.string(),
    fc.constantFrom('[', 'a]', '{x}', 'p, q', ''),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
  );
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object'), tie('typed'), tie('lazy')),
    array: fc.array(tie('value'), { maxLength: 5 }),
    object: fc.dictionary(fc.string({ maxLength: 4 }), tie('value'), { maxKeys: 4 }),
    typed: fc.array(fc.double(), { maxLength: 5 }).map((xs) => Float64Array.from(xs)),
    lazy: fc.array(tie('value'), { maxLength: 4 }).map((xs) => new LazyList(() => xs)),
  }));

  it('writes what JSON.stringify with flat arrays on one line wrote, for any value', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 6 }), value, { maxKeys: 6 }), (record) => {
        expect(formatJson(record)).toBe(jsonAsOneString(record));
      }),
      { numRuns: 400 },
    );
  });

  it('writes a matrix a row at a time, and a long row in parts', () => {
    const m = seeded(3, 5000, 1);
    const pieces = [...jsonPieces({ m: matrixRows(m) })];
    expect(pieces.join('')).toBe(jsonAsOneString({ m: toRows(m) }));
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(60_000);
  });

  it('writes a row of numbers as String(x) writes each, a non-finite one in any part of it', () => {
    const row = Float64Array.from({ length: 5000 }, (_, k) => Math.sin(k) * 10 ** ((k % 40) - 20));
    row[1] = -0;
    const texts = (values: Float64Array) => Array.from(values, (x) => (Number.isFinite(x) ? String(x) : `"${x}"`));
    expect(formatJson({ r: row })).toBe(`{\n  "r": [${texts(row).join(', ')}]\n}\n`);
    for (const [at, x, text] of [
      [0, Infinity, '"inf"'],
      [3000, -Infinity, '"-inf"'],
      [4999, NaN, '"nan"'],
    ] as const) {
      const copy = row.slice();
      copy[at] = x;
      const expected = texts(copy);
      expected[at] = text;
      expect(formatJson({ r: copy })).toBe(`{\n  "r": [${expected.join(', ')}]\n}\n`);
    }
  });
});

describe('TSV and CSV in pieces', () => {
  it('gives the lines the one-string formatter gave', () => {
    const lines = (data: { colLabels?: string[]; rows: number[][] }, sep: string) =>
      [
        ...(data.colLabels ? [data.colLabels.join(sep)] : []),
        ...data.rows.map((r) => r.map(formatExact).join(sep)),
      ].join('\n') + '\n';
    for (const data of [
      { rows: [] },
      { rows: [[]] },
      {
        colLabels: ['a', 'b'],
        rows: [
          [1, -0],
          [NaN, Infinity],
        ],
      },
      { rows: toRows(seeded(4, 3, 2)) },
    ]) {
      expect(formatDelimited(data, '\t', formatExact)).toBe(lines(data, '\t'));
      expect(formatDelimited({ ...data, rows: new LazyList(() => data.rows) }, ',', formatExact)).toBe(
        lines(data, ','),
      );
    }
  });
});

describe('blocked products give the plain loops bit for bit', () => {
  const plainDot = (a: Matrix, b: Matrix) => {
    const out = zeros(a.rows, b.rows);
    for (let i = 0; i < a.rows; i++) {
      for (let j = 0; j < b.rows; j++) {
        let s = 0;
        for (let k = 0; k < a.cols; k++) s += a.data[i * a.cols + k] * b.data[j * b.cols + k];
        out.data[i * b.rows + j] = s;
      }
    }
    return out;
  };
  /** Σ over the rows of g in order: out[i] = Σⱼ g[i][j]·b[j] (or Σⱼ g[j][i]·b[j] transposed). */
  const plainGradDot = (g: Matrix, b: Matrix, transposed: boolean) => {
    const rows = transposed ? g.cols : g.rows;
    const inner = transposed ? g.rows : g.cols;
    const out = zeros(rows, b.cols);
    for (let i = 0; i < rows; i++) {
      for (let m = 0; m < inner; m++) {
        const w = transposed ? g.data[m * g.cols + i] : g.data[i * g.cols + m];
        for (let k = 0; k < b.cols; k++) out.data[i * b.cols + k] += w * b.data[m * b.cols + k];
      }
    }
    return out;
  };

  it.each([
    [1, 1, 1],
    [3, 5, 2],
    [4, 4, 4],
    [9, 70, 7],
    [67, 66, 13],
    [131, 5, 9],
    [9, 1100, 1030],
  ])('%i×%i rows of length %i', (n, m, d) => {
    const a = seeded(n, d, n * 31 + d);
    const b = seeded(m, d, m * 17 + d);
    expectSameBits(dotRows(a, b).data, plainDot(a, b).data, 'a·bᵀ');
    expectSameBits(dotRows(a, a).data, plainDot(a, a).data, 'a·aᵀ (mirrored)');
    const g = seeded(n, m, n + m);
    const source: RowSource = { rows: n, cols: m, row: (i, into) => into.set(rowView(g, i)) };
    const { gRight, gtLeft } = gradientProducts(source, b, a);
    expectSameBits(gRight.data, plainGradDot(g, b, false).data, 'G·R');
    expectSameBits(gtLeft.data, plainGradDot(g, a, true).data, 'Gᵀ·L');
  });
});

describe('row by row gives what the whole matrices give, bit for bit', () => {
  it.each([1, 2, 5, 33, 70])('clip and siglip on %i² logits', (n) => {
    const logits = seeded(n, n, n, 8);
    logits.data[0] = -Infinity;
    const rows = clipLossByRow(logits);
    const byColumn = softmax(logits, 1, 'col');
    const byRow = softmax(logits, 1, 'row');
    expectSameBits(rowsOf(rows.probsT2i), byColumn.probs.data, 'probs t2i');
    expectSameBits(rowsOf(rows.probsI2t), byRow.probs.data, 'probs i2t');
    expectSameBits(
      rows.lossesT2i,
      Array.from({ length: n }, (_, j) => -byColumn.logProbs.data[j * n + j]),
      'losses t2i',
    );
    const diagonal = Array.from({ length: n }, (_, i) => i);
    expect(clipRecall(logits, [1, 5]).t2i).toEqual(topKAccuracy(transpose(logits), diagonal, [1, 5]));
    expectSameBits(clipLoss(logits).gradLogits.data, rowsOf(rows.gradLogits), 'grad');
    expectSameBits(siglipLoss(logits).gradLogits.data, rowsOf(siglipLossByRow(logits).gradLogits), 'siglip grad');
  });

  it('clip from embeddings: gradients on demand are the held ones', () => {
    const image = seeded(37, 9, 3);
    const text = seeded(37, 9, 4);
    const held = clipFromEmbeddings(image, text, 4.5);
    const lazy = clipFromEmbeddingsByRow(image, text, 4.5).gradients();
    expectSameBits(lazy.gradImage.data, held.gradImage.data, 'grad image');
    expectSameBits(lazy.gradText.data, held.gradText.data, 'grad text');
    expect(lazy.gradScale).toBe(held.gradScale);
  });

  it('ntxent and supcon: probabilities by row are the softmax over the other rows', () => {
    const x = seeded(38, 6, 5);
    const r = ntxentByRow(x, 0.3, 'adjacent', 'x');
    const held = ntxentLoss(x, 0.3, 'adjacent', 'x');
    expectSameBits(rowsOf(r.probs), held.probs.data, 'ntxent probs');
    expectSameBits(r.gradient().data, held.grad.data, 'ntxent grad');
    const labels = Array.from({ length: 38 }, (_, i) => i % 5);
    const s = supconByRow(x, labels, 0.2, 'x');
    const p = rowsOf(s.probs);
    for (let i = 0; i < 38; i++) {
      expect(p[i * 38 + i]).toBe(0);
      expect(Array.from(p.subarray(i * 38, (i + 1) * 38)).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });
});

describe('the CLI writes large outputs as it makes them', () => {
  const matrix = toRows(seeded(420, 420, 9, 5));
  const csv = matrix.map((r) => r.join(',')).join('\n') + '\n';
  const run = (argv: string[], write?: (bytes: Uint8Array) => Promise<void>) =>
    runCli(
      {
        argv,
        env: { LANG: 'C' },
        stdoutIsTTY: false,
        stdinIsTTY: false,
        readStdin: async () => new TextEncoder().encode(csv),
        readFile: async () => new TextEncoder().encode(csv),
        ...(write ? { write } : {}),
      },
      COMMANDS,
    );

  // Past the 8 MB held back (4 and 3 matrices of 420² as JSON).
  it.each([
    ['clip -f json -g', ['clip', '-f', 'json', '-g']],
    ['siglip -f json -g', ['siglip', '-f', 'json', '-g']],
  ])('%s: in blocks, the same text as returned whole', async (_name, argv) => {
    const whole = await run(argv);
    const blocks: Buffer[] = [];
    const streamed = await run(argv, async (bytes) => {
      blocks.push(Buffer.from(bytes)); // a copy: the block is used again
    });
    expect(whole.code).toBe(0);
    expect(blocks.length).toBeGreaterThan(2);
    expect(Math.max(...blocks.map((b) => b.length))).toBeLessThanOrEqual(1024 * 1024);
    expect(Buffer.concat(blocks).toString('utf8') + streamed.stdout).toBe(whole.stdout);
  });

  it('clip -f json gives the library’s numbers (one path by row, one held)', async () => {
    const small = toRows(seeded(12, 12, 11, 4));
    const r = await xent(['clip', '-f', 'json', '-g', '-s', '3', small.map((row) => row.join(',')).join(';')]);
    const json = JSON.parse(r.stdout);
    const held = clipLoss(fromRows(small.map((row) => row.map((x) => 3 * x))));
    expect(json.probs_t2i).toEqual(toRows(held.probsT2i));
    expect(json.grad_logits).toEqual(toRows(held.gradLogits));
    expect(json.loss).toBe(held.loss);
  });
});

describe('descend -f json', () => {
  it('holds every step’s matrix in its JSON, the same as the held trajectory', async () => {
    const rows = [
      [2, 0.5, -1],
      [0.3, 1.8, 0.2],
      [-0.5, 0.4, 1.5],
    ];
    const r = await xent([
      'descend',
      rows.map((row) => row.join(',')).join(';'),
      '--steps',
      '40',
      '-s',
      '2',
      '-f',
      'json',
    ]);
    const json = JSON.parse(r.stdout);
    const held = descendClipMatrix(fromRows(rows), 2, 1, 40);
    expect(json.trajectory).toHaveLength(41);
    json.trajectory.forEach((step: { logits: number[][]; loss: number }, k: number) => {
      expect(step.logits).toEqual(toRows(held[k].matrix));
      expect(step.loss).toBe(held[k].loss);
    });
  });
});

describe('tables cut to a terminal', () => {
  it('are made already cut as elideReport would cut them, only the shown rows computed', () => {
    const m = seeded(30, 30, 13);
    let computed = 0;
    const source: RowSource = {
      rows: 30,
      cols: 30,
      row: (i, into) => {
        computed++;
        into.set(rowView(m, i));
      },
    };
    const labels = Array.from({ length: 30 }, (_, i) => String(i + 1));
    const spec = {
      title: 't',
      corner: 'c',
      rowLabels: labels,
      colLabels: labels,
      cell: (_v: number, i: number, j: number) => (i === j ? null : { mark: j === 0 }),
      lastColumn: { label: 'loss', values: labels.map((_, i) => (i === 3 ? null : i / 7)), empty: '-' },
      lastRow: { label: 'loss', values: Float64Array.from(labels, (_, j) => j / 3) },
      footnote: 'f',
    };
    for (const room of [
      { rows: 6, cols: 4 },
      { rows: 40, cols: 5 },
      { rows: 7, cols: 40 },
    ]) {
      const whole: Report = {
        tables: [matrixTable(m, spec)],
        summary: [],
        notes: [],
        data: { rows: [] },
        values: [],
        json: {},
      };
      computed = 0;
      const cut: Report = { ...whole, tables: [matrixTable(source, { ...spec, room })] };
      expect(computed).toBeLessThanOrEqual(room.rows);
      const { cut: _flag, ...table } = elideReport(cut, room, 'note').tables[0];
      expect(table).toEqual(elideReport(whole, room, 'note').tables[0]);
      expect(elideReport(cut, room, 'note').notes).toEqual(['note']);
    }
  });
});

describe('softmax down the columns', () => {
  it('is the softmax of each column, bit for bit, without transposing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom(1, 0.3, 1e-300, 1e300),
        fc.array(fc.oneof(fc.double({ min: -1e308, max: 1e308, noNaN: true }), fc.constant(-Infinity)), {
          minLength: 49,
          maxLength: 49,
        }),
        (rows, cols, temperature, pool) => {
          const m = fromRows(Array.from({ length: rows }, (_, i) => pool.slice(i * cols, (i + 1) * cols)));
          const byColumn = softmax(m, temperature, 'col');
          const viaRows = softmax(transpose(m), temperature, 'row');
          expectSameBits(byColumn.probs.data, transpose(viaRows.probs).data, 'probs');
          expectSameBits(byColumn.logProbs.data, transpose(viaRows.logProbs).data, 'log-probs');
        },
      ),
    );
  });
});

describe('large products on two threads', () => {
  const workerScript = join(ROOT, 'dist', 'xent-part.cjs');
  const built = existsSync(workerScript);

  it.skipIf(!built)('give the digits of one thread (needs the build: dist/xent-part.cjs)', () => {
    // Past the size from which the work is shared (2^27 multiply-adds), with odd sizes.
    const a = seeded(521, 503, 21);
    const b = seeded(519, 503, 22);
    const g = seeded(521, 519, 23);
    const source: RowSource = { rows: 521, cols: 519, row: (i, into) => into.set(rowView(g, i)) };
    shareLargeProducts(undefined);
    const alone = { ab: dotRows(a, b), aa: dotRows(a, a), grad: gradientProducts(source, b, a) };
    shareLargeProducts(productHelper(workerScript, (script, options) => new Worker(script, options)));
    try {
      const ab = dotRows(a, b);
      expect(ab.data.buffer).toBeInstanceOf(SharedArrayBuffer); // the helper did take part
      expectSameBits(ab.data, alone.ab.data, 'a·bᵀ');
      expectSameBits(dotRows(a, a).data, alone.aa.data, 'a·aᵀ');
      const grad = gradientProducts(source, b, a);
      expectSameBits(grad.gRight.data, alone.grad.gRight.data, 'G·R');
      expectSameBits(grad.gtLeft.data, alone.grad.gtLeft.data, 'Gᵀ·L');
    } finally {
      shareLargeProducts(undefined);
    }
  });

  it('without a worker script there is no helper', () => {
    expect(
      productHelper(join(ROOT, 'no-such-worker.cjs'), (script, options) => new Worker(script, options))(),
    ).toBeUndefined();
  });

  it.skipIf(!built)('the built binary prints what the in-process run prints (needs the build)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xent-products-'));
    const views = join(dir, 'views.csv');
    writeFileSync(
      views,
      toRows(seeded(560, 440, 24))
        .map((r) => r.join(','))
        .join('\n') + '\n',
    );
    const line = ['ntxent', '-i', views, '-f', 'json'];
    const inProcess = await xent(line);
    // Its 5 MB are compared by their hash (a spawned process's output is kept to 1 MB).
    const binary = shell(`set -o pipefail; xent ${line.join(' ')} | sha256sum`);
    expect(binary.code).toBe(0);
    expect(binary.stdout.split(' ')[0]).toBe(createHash('sha256').update(inProcess.stdout).digest('hex'));
  });
});
