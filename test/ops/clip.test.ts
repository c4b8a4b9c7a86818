// CLIP's one validator (src/ops/clip/validate.ts): the same bad input gets the same error key
// from the CLI (whole matrix, and `-f value`, which streams through ClipSums), the library,
// descend's clip path, the stream plan fed rows directly and two threads reading a file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as xentLib from '../../src/index.js';
import { parseInput } from '../../src/rows/input.js';
import type { OptionValues, SpecContext } from '../../src/commands/command.js';
import { clipCommand } from '../../src/commands/clip.js';
import type { MessageKey } from '../../src/i18n/messages.js';
import { makeTranslator } from '../../src/i18n/translator.js';
import { fromRows } from '../../src/core/matrix.js';
import { clipLoss } from '../../src/ops/clip/kernel.js';
import type { ClipSpec } from '../../src/ops/clip/spec.js';
import { ClipSums } from '../../src/ops/clip/sums.js';
import { parseMatrixText } from '../../src/text/matrix-text.js';
import { planClipStream } from '../../src/commands/streams/clip.js';
import { readInParallel } from '../../src/rows/parallel.js';
import { createSums } from '../../src/commands/streams/sums.js';
import { xent } from '../helpers/cli.js';
import { keyOf, keyOfCliError, thrown } from '../helpers/error-key.js';

/** Option values as commander hands them to readSpec: `-s 2` → { scale: '2' }. */
const OPTION_NAMES: Record<string, string> = {
  '-s': 'scale',
  '-t': 'temperature',
  '--image': 'image',
  '--text': 'text',
};
function optionValues(argv: readonly string[]): OptionValues {
  const out: Record<string, string | boolean> = {};
  for (let k = 0; k < argv.length; k++) {
    if (argv[k] === '--no-normalize') out.normalize = false;
    else out[OPTION_NAMES[argv[k]]] = argv[++k];
  }
  return out;
}
const specContext: SpecContext = {
  t: makeTranslator('en'),
  readMatrixOption: async (value, option) => parseMatrixText(value, { key: 'source.option', params: { option } }),
};
const source = { key: 'source.stdin' } as const;
const text = (v: number) => (v === Infinity ? 'inf' : v === -Infinity ? '-inf' : Number.isNaN(v) ? 'nan' : String(v));
const csv = (rows: readonly (readonly number[])[]) => rows.map((r) => r.map(text).join(',')).join('\n') + '\n';
const inline = (rows: readonly (readonly number[])[]) => rows.map((r) => r.map(text).join(',')).join(';');

/** The stream plan of `clip OPTIONS -f value`, fed the rows one by one, as run.ts feeds it. */
async function planKey(argv: readonly string[], rows: readonly (readonly number[])[]): Promise<string> {
  return keyOf(async () => {
    const spec = (await clipCommand.readSpec(optionValues(argv), specContext)) as ClipSpec;
    const plan = planClipStream(spec, { format: 'value', source, out: { write: () => {} } });
    expect(plan, 'the plan streams these options').toBeDefined();
    const { rows: count, cols } = await parseInput(
      { source, chunks: [new TextEncoder().encode(csv(rows))] },
      plan!.onRow,
    );
    plan!.finish(count, cols);
  });
}

/** ClipSums fed the rows as numbers (no parser in between: NaN reaches the row check). */
function sumsKey(scale: number, rows: readonly (readonly number[])[]): Promise<string> {
  return keyOf(() => {
    const sums = new ClipSums(scale, source);
    rows.forEach((row, i) => sums.add(Float64Array.from(row), i));
    sums.loss(rows.length, rows[0].length);
  });
}

const dir = mkdtempSync(join(tmpdir(), 'xent-clip-validate-'));
const worker = fileURLToPath(new URL('../../dist/xent-part.cjs', import.meta.url));
/** Pieces of a few rows and no size threshold: a small file is shared out between two threads. */
const sizes = { blockValues: 36, pieceValues: 72, minBytes: 0 };

async function parallelKey(argv: readonly string[], rows: readonly (readonly number[])[]): Promise<string> {
  const path = join(dir, `in-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, csv(rows));
  return keyOf(async () => {
    const spec = (await clipCommand.readSpec(optionValues(argv), specContext)) as ClipSpec;
    const plan = planClipStream(spec, { format: 'value', source, out: { write: () => {} } })!;
    const task = { ...plan.parallel!.task, sizes };
    const shared = await readInParallel(path, source, task, worker, async () => {}, createSums(task));
    expect(shared, 'the file is shared out between two threads').toBeDefined();
    plan.parallel!.adopt(shared!.sums);
    plan.finish(shared!.rows, shared!.cols);
  });
}

// 12 pairs (several blocks and pieces), and the same matrix with one entry or line spoilt.
const N = 12;
const LOGITS = Array.from({ length: N }, (_, i) =>
  Array.from({ length: N }, (_, j) => (i === j ? 2 : ((i * 5 + j * 3) % 7) / 3 - 1)),
);
const withEntry = (i: number, j: number, v: number) =>
  LOGITS.map((r, a) => r.map((x, b) => (a === i && b === j ? v : x)));
const withColumn = (j: number, v: number) => LOGITS.map((r) => r.map((x, b) => (b === j ? v : x)));
const withRow = (i: number, v: number) => LOGITS.map((r, a) => r.map((x) => (a === i ? v : x)));

interface MatrixCase {
  readonly name: string;
  readonly key: MessageKey;
  readonly rows: readonly (readonly number[])[];
  readonly argv: readonly string[];
  readonly library: () => unknown;
  /** The scale ClipSums is fed with, when the rows themselves are the bad part. */
  readonly sumsScale?: number;
}

const MATRIX_CASES: readonly MatrixCase[] = [
  {
    name: 'a +inf logit',
    key: 'err.posInf',
    rows: withEntry(9, 4, Infinity),
    argv: [],
    library: () => xentLib.clipLoss(withEntry(9, 4, Infinity)),
    sumsScale: 1,
  },
  {
    name: 'a row of only -inf',
    key: 'err.allNegInf',
    rows: withRow(7, -Infinity),
    argv: [],
    library: () => xentLib.clipLoss(withRow(7, -Infinity)),
    sumsScale: 1,
  },
  {
    name: 'a column of only -inf',
    key: 'err.allNegInf',
    rows: withColumn(5, -Infinity),
    argv: [],
    library: () => xentLib.clipLoss(withColumn(5, -Infinity)),
    sumsScale: 1,
  },
  {
    name: 'a logit that the scale takes past the largest double',
    key: 'err.posInf',
    rows: withEntry(3, 8, 1e308),
    argv: ['-s', '10'],
    library: () => xentLib.clipLoss(withEntry(3, 8, 1e308), { scale: 10 }),
    sumsScale: 10,
  },
  {
    name: 'a matrix with more columns than rows',
    key: 'err.notSquare',
    rows: LOGITS.slice(0, 10),
    argv: [],
    library: () => xentLib.clipLoss(LOGITS.slice(0, 10)),
    sumsScale: 1,
  },
  {
    name: 'a matrix with more rows than columns',
    key: 'err.notSquare',
    rows: LOGITS.map((r) => r.slice(0, 9)),
    argv: [],
    library: () => xentLib.clipLoss(LOGITS.map((r) => r.slice(0, 9))),
    sumsScale: 1,
  },
  {
    name: 'a temperature of 5e-324 (1/T is inf)',
    key: 'err.temperatureTiny',
    rows: LOGITS,
    argv: ['-t', '5e-324'],
    library: () => xentLib.clipLoss(LOGITS, { temperature: 5e-324 }),
  },
  {
    name: 'a temperature of 0',
    key: 'err.temperature',
    rows: LOGITS,
    argv: ['-t', '0'],
    library: () => xentLib.clipLoss(LOGITS, { temperature: 0 }),
  },
  {
    name: 'a negative temperature',
    key: 'err.temperature',
    rows: LOGITS,
    argv: ['-t', '-2'],
    library: () => xentLib.clipLoss(LOGITS, { temperature: -2 }),
  },
  {
    name: 'an infinite scale',
    key: 'err.positive',
    rows: LOGITS,
    argv: ['-s', 'inf'],
    library: () => xentLib.clipLoss(LOGITS, { scale: Infinity }),
  },
  {
    name: 'a scale of 0',
    key: 'err.positive',
    rows: LOGITS,
    argv: ['-s', '0'],
    library: () => xentLib.clipLoss(LOGITS, { scale: 0 }),
  },
  {
    name: 'both a scale and a temperature',
    key: 'err.scaleAndTemperature',
    rows: LOGITS,
    argv: ['-s', '2', '-t', '0.5'],
    library: () => xentLib.clipLoss(LOGITS, { scale: 2, temperature: 0.5 }),
  },
];

describe('clip: one bad logits matrix, one error key, whichever way it comes in', () => {
  const paths = (c: MatrixCase): [string, () => Promise<string[]>][] => {
    const stdin = csv(c.rows);
    const cli = async (...argv: string[]) => keyOfCliError(await xent(argv, { stdin }));
    const all: [string, () => Promise<string[]>][] = [
      [
        'the CLI, whole matrix (json and table)',
        async () => [await cli('clip', ...c.argv, '-f', 'json'), await cli('clip', ...c.argv)],
      ],
      ['the CLI, -f value (streamed)', async () => [await cli('clip', ...c.argv, '-f', 'value')]],
      ['the library', async () => [await keyOf(c.library)]],
      ["descend's clip path", async () => [await cli('descend', '--loss', 'clip', ...c.argv, '-f', 'json')]],
      [
        'the stream plan fed rows, and two threads reading a file',
        async () => [await planKey(c.argv, c.rows), await parallelKey(c.argv, c.rows)],
      ],
    ];
    if (c.sumsScale !== undefined)
      all.push(['ClipSums fed the rows', async () => [await sumsKey(c.sumsScale!, c.rows)]]);
    return all;
  };
  it.each(MATRIX_CASES.flatMap((c) => paths(c).map(([path, keys]) => [c.name, path, c.key, keys] as const)))(
    '%s: %s',
    async (_name, _path, key, keys) => {
      for (const got of await keys()) expect(got).toBe(key);
    },
  );

  it('a NaN entry: the parser says err.nan, and so do the library and ClipSums fed it as a number', async () => {
    const rows = withEntry(6, 2, NaN);
    expect(keyOfCliError(await xent(['clip', '-f', 'value'], { stdin: csv(rows) }))).toBe('err.nan');
    expect(keyOfCliError(await xent(['clip', '-f', 'json'], { stdin: csv(rows) }))).toBe('err.nan');
    expect(await keyOf(() => xentLib.clipLoss(rows))).toBe('err.nan');
    expect(await sumsKey(1, rows)).toBe('err.nan');
    expect(await sumsKey(1, withEntry(6, 2, Infinity))).toBe('err.posInf');
  });

  it('5e-324: the library and the CLI give one key with the same parameters', async () => {
    const lib = thrown(() => xentLib.clipLoss(LOGITS, { temperature: 5e-324 }));
    const embeddings = thrown(() =>
      xentLib.clipLoss(
        {
          image: [
            [1, 0],
            [0, 1],
          ],
          text: [
            [1, 0],
            [0, 1],
          ],
        },
        { temperature: 5e-324 },
      ),
    );
    expect(lib).toEqual({ key: 'err.temperatureTiny', params: { value: 5e-324 } });
    expect(embeddings).toEqual(lib);
    const cli = await xent(['clip', '--image', '1,0;0,1', '--text', '1,0;0,1', '-t', '5e-324']);
    expect(keyOfCliError(cli)).toBe('err.temperatureTiny');
    expect(cli.stderr).toContain("the temperature '5e-324' is too small");
    expect(cli.stderr).toContain(new xentLib.XentError(lib.key, lib.params).message.split(' (option')[0]);
  });

  it("ClipSums' inlined row check builds softmax's errors: the same parameters as the whole-matrix check", async () => {
    const bad = withEntry(9, 4, Infinity);
    const stream = thrown(() => {
      const sums = new ClipSums(1, source);
      bad.forEach((row, i) => sums.add(Float64Array.from(row), i));
    });
    const whole = thrown(() => xentLib.clipLoss(bad));
    expect(stream.key).toBe(whole.key);
    expect({ ...stream.params, source: undefined }).toEqual({ ...whole.params, source: undefined });
    const masked = thrown(() => new ClipSums(1, source).add(Float64Array.from([-Infinity, -Infinity]), 0));
    expect(masked).toEqual(
      thrown(() =>
        xentLib.clipLoss([
          [-Infinity, -Infinity],
          [0, 1],
        ]),
      ),
    );
  });
});

describe('clip: bad embeddings, one error key from the CLI, the library and descend', () => {
  const EMBEDDING_CASES: readonly {
    name: string;
    key: MessageKey;
    image: number[][];
    text: number[][];
    argv?: string[];
  }[] = [
    {
      name: 'a zero embedding with normalisation',
      key: 'err.zeroEmbedding',
      image: [
        [1, 0],
        [0, 0],
      ],
      text: [
        [1, 0],
        [0, 1],
      ],
    },
    {
      name: 'embeddings of different sizes',
      key: 'err.pairDim',
      image: [
        [1, 0],
        [0, 1],
      ],
      text: [
        [1, 0, 0],
        [0, 1, 0],
      ],
    },
    {
      name: 'a different number of images and texts',
      key: 'err.pairCount',
      image: [
        [1, 0],
        [0, 1],
        [1, 1],
      ],
      text: [
        [1, 0],
        [0, 1],
      ],
    },
    {
      name: 'a temperature of 5e-324',
      key: 'err.temperatureTiny',
      image: [
        [1, 0],
        [0, 1],
      ],
      text: [
        [1, 0],
        [0, 1],
      ],
      argv: ['-t', '5e-324'],
    },
  ];
  it.each(EMBEDDING_CASES)('$name', async ({ key, image, text: texts, argv = [] }) => {
    const pair = ['--image', inline(image), '--text', inline(texts), ...argv];
    const options = argv[0] === '-t' ? { temperature: Number(argv[1]) } : {};
    expect(keyOfCliError(await xent(['clip', ...pair]))).toBe(key);
    expect(keyOfCliError(await xent(['clip', ...pair, '-f', 'value']))).toBe(key);
    expect(await keyOf(() => xentLib.clipLoss({ image, text: texts }, options))).toBe(key);
    expect(keyOfCliError(await xent(['descend', ...pair]))).toBe(key);
  });
  it('--no-normalize takes a zero embedding (its dot products are 0)', async () => {
    const r = await xent(['clip', '--image', '1,0;0,0', '--text', '1,0;0,1', '--no-normalize', '-f', 'value']);
    expect(r.code).toBe(0);
  });
  it('-s or -t with a ready matrix and embeddings together is refused', async () => {
    expect(keyOfCliError(await xent(['clip', '1,0;0,1', '--image', '1,0;0,1', '--text', '1,0;0,1']))).toBe(
      'err.matrixAndEmbeddings',
    );
    expect(keyOfCliError(await xent(['clip', '--image', '1,0;0,1']))).toBe('err.imageTextPair');
  });
});

// Two pieces of arithmetic on purpose (see the comment on ClipSums): the streamed sums share a
// block's exps and fold columns online, the kernel takes each line's own maximum. They agree
// to 14 significant digits (the extra rounding is at most 64·2⁻⁵³ per log-sum-exp), and the
// whole-matrix outputs keep the kernel's digits.
const agree = (streamed: number, whole: number) =>
  expect(Math.abs(streamed - whole)).toBeLessThanOrEqual(1e-14 * Math.abs(whole));

describe('clip: the streamed loss (ClipSums) and the whole-matrix kernel agree to 14 digits', () => {
  it.each([1, 3, 0.25, 40])('scale %s', async (scale) => {
    const sums = new ClipSums(scale, source, { blockValues: 36, pieceValues: 72 });
    LOGITS.forEach((row, i) => sums.add(Float64Array.from(row), i));
    const scaled = fromRows(LOGITS.map((r) => r.map((x) => scale * x)));
    agree(sums.loss(N, N), clipLoss(scaled).loss);
    const value = await xent(['clip', '-s', String(scale), '-f', 'value'], { stdin: csv(LOGITS) });
    const json = await xent(['clip', '-s', String(scale), '-f', 'json'], { stdin: csv(LOGITS) });
    agree(Number(value.stdout), (JSON.parse(json.stdout) as { loss: number }).loss);
  });
});
