// The library API (src/index.ts, published as `import … from 'xent'`): the same numbers as
// the CLI and PyTorch (test/fixtures/oracle), plain-array input and output, readable errors,
// the package imported by its name, and no CLI code in the library's module graph.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as xent from '../src/index.js';
import { fromRows } from '../src/core/matrix.js';
import { ROOT } from './helpers/binary.js';
import { type CeCase, type Num, expectClose, loadOracle, toNumber } from './helpers/oracle.js';

/** Fixture rows with "inf" / "-inf" written as strings, as numbers. */
const numbers = (rows: (number | Num)[][]) => rows.map((row) => row.map((x) => toNumber(x as Num)));

const API = [
  'LIBRARIES',
  'PRESETS',
  'XentError',
  'binaryCrossEntropy',
  'clipLoss',
  'crossEntropy',
  'distillationLoss',
  'entropy',
  'focalLoss',
  'hingeLoss',
  'infoNceLoss',
  'klDivergence',
  'languageModelLoss',
  'logSoftmax',
  'logSumExp',
  'ntXentLoss',
  'parseMatrix',
  'retrievalMetrics',
  'sigLipLoss',
  'softmax',
  'supConLoss',
  'toMatrix',
  'toRows',
];

describe('softmax, logSoftmax, logSumExp', () => {
  const oracle = loadOracle<{
    id: string;
    logits: Num[][];
    temperature: number;
    axis: 'row' | 'col';
    expected: { probs: Num[][]; log_probs: Num[][] };
  }>('softmax');
  it.each(oracle.cases.map((c) => [c.id, c] as const))('%s matches PyTorch', (_id, c) => {
    const options = { temperature: c.temperature, axis: c.axis };
    if (JSON.stringify(c.expected).includes('"nan"')) {
      // PyTorch's NaN for a line of only −inf is an error here, as in the CLI.
      expect(() => xent.softmax(numbers(c.logits), options)).toThrow(/every logit is -inf/);
      return;
    }
    expectClose(xent.softmax(numbers(c.logits), options), c.expected.probs, 'probs');
    expectClose(xent.logSoftmax(numbers(c.logits), options), c.expected.log_probs, 'log_probs');
  });

  it('takes a vector and gives a vector; a matrix gives rows', () => {
    const v = xent.softmax([2, 0.5, -1]);
    expect(v).toHaveLength(3);
    expectClose(v, [0.7855970345892759, 0.1752903921400367, 0.039112573270687456]);
    expect(xent.softmax([[1000, 0, -1000]])).toEqual([[1, 0, 0]]);
    expect(xent.softmax(fromRows([[100, 100]]))).toEqual([[0.5, 0.5]]);
    expect(xent.logSoftmax([1000, 0])).toEqual([0, -1000]);
    expect(
      xent
        .softmax(
          [
            [1, 2],
            [3, 4],
          ],
          { axis: 'col' },
        )
        .map((r) => r.map((p) => +p.toFixed(4))),
    ).toEqual([
      [0.1192, 0.1192],
      [0.8808, 0.8808],
    ]);
  });

  it('logSumExp of a vector is a number, of a matrix one per row or column', () => {
    expect(xent.logSumExp([1e4, 1e4 - 1])).toBeCloseTo(10000.313261687517, 9);
    expect(xent.logSumExp([-Infinity, -Infinity])).toBe(-Infinity);
    expectClose(
      xent.logSumExp([
        [0, 0],
        [1, 1],
      ]),
      [Math.LN2, 1 + Math.LN2],
    );
    expectClose(
      xent.logSumExp(
        [
          [0, 1],
          [0, 1],
        ],
        { axis: 'col' },
      ),
      [Math.LN2, 1 + Math.LN2],
    );
  });
});

describe('crossEntropy', () => {
  const oracle = loadOracle<CeCase>('cross_entropy');
  it.each(oracle.cases.map((c) => [c.id, c] as const))('%s matches PyTorch', (_id, c) => {
    const r = xent.crossEntropy(numbers(c.logits ?? c.probs_input!), c.target_probs ?? c.target!, {
      weight: c.weight,
      ignoreIndex: c.target_probs ? undefined : c.ignore_index,
      labelSmoothing: c.label_smoothing,
      reduction: c.reduction,
      probs: c.probs_input !== undefined,
    });
    expectClose(r.losses, c.expected.losses, 'losses');
    if (c.reduction !== 'none') expectClose(r.loss, c.expected.loss, 'loss');
    if (c.expected.grad) expectClose(r.grad, c.expected.grad, 'grad');
    if (c.expected.probs) expectClose(r.probs, c.expected.probs, 'probs');
  });

  it('has the CLI defaults: mean, ignore index −100, T = 1', () => {
    const r = xent.crossEntropy(
      [
        [2, 0.5, -1],
        [0.3, 1.8, 0.2],
      ],
      [0, -100],
    );
    expect(r.losses[1]).toBe(0);
    expect(r.loss).toBeCloseTo(0.24131129665715703, 14);
    expect(r.accuracy).toBe(1);
    expect(r.perplexity).toBeCloseTo(Math.exp(r.loss), 14);
    expect(
      xent.crossEntropy(
        [
          [2, 1],
          [1, 3],
        ],
        'diag',
      ).loss,
    ).toBeCloseTo(
      xent.crossEntropy(
        [
          [2, 1],
          [1, 3],
        ],
        [0, 1],
      ).loss,
      15,
    );
    expect(xent.crossEntropy([[2, 0.5, -1]], [1], { oneBased: true }).loss).toBeCloseTo(0.24131129665715703, 14);
  });

  it('tells index targets (a flat array) from soft targets (rows)', () => {
    const soft = xent.crossEntropy([[2, 1]], [[0.9, 0.1]]);
    const p = xent.softmax([2, 1]);
    expect(soft.loss).toBeCloseTo(-(0.9 * Math.log(p[0]) + 0.1 * Math.log(p[1])), 14);
  });
});

describe('binaryCrossEntropy', () => {
  const oracle = loadOracle<{
    id: string;
    logits: number[][];
    targets: number[][];
    pos_weight?: number[];
    reduction: 'mean';
    expected: { loss: Num; losses: Num[][]; grad: Num[][] };
  }>('bce');
  it.each(oracle.cases.map((c) => [c.id, c] as const))('%s matches PyTorch', (_id, c) => {
    const r = xent.binaryCrossEntropy(c.logits, c.targets, { posWeight: c.pos_weight, reduction: c.reduction });
    expectClose(r.losses, c.expected.losses, 'losses');
    expectClose(r.loss, c.expected.loss, 'loss');
    expectClose(r.grad, c.expected.grad, 'grad');
  });

  it('broadcasts a number, a flat per-column list and a column of weights', () => {
    const base = xent.binaryCrossEntropy(
      [
        [2, -1],
        [0, 1],
      ],
      [
        [1, 0],
        [0, 1],
      ],
      { reduction: 'sum' },
    );
    expect(
      xent.binaryCrossEntropy(
        [
          [2, -1],
          [0, 1],
        ],
        [
          [1, 0],
          [0, 1],
        ],
        { reduction: 'sum', weight: 2 },
      ).loss,
    ).toBeCloseTo(2 * base.loss, 14);
    const perColumn = xent.binaryCrossEntropy(
      [
        [2, -1],
        [0, 1],
      ],
      [
        [1, 0],
        [0, 1],
      ],
      { reduction: 'none', weight: [1, 0] },
    );
    expect(perColumn.losses.map((r) => r[1])).toEqual([0, 0]);
    const perRow = xent.binaryCrossEntropy(
      [
        [2, -1],
        [0, 1],
      ],
      [
        [1, 0],
        [0, 1],
      ],
      { reduction: 'none', weight: [[0], [1]] },
    );
    expect(perRow.losses[0]).toEqual([0, 0]);
  });
});

describe('contrastive losses', () => {
  // biome-ignore lint/suspicious/noExplicitAny: the oracle's cases are untyped JSON
  it.each(loadOracle<any>('clip').cases.map((c) => [c.id, c] as const))('clip %s matches PyTorch', (_id, c) => {
    const r = c.logits ? xent.clipLoss(c.logits) : xent.clipLoss({ image: c.image, text: c.text }, { scale: c.scale });
    for (const [key, value] of Object.entries(c.expected as Record<string, unknown>)) {
      const name = key.replace(/_([a-z0-9])/g, (_m, ch: string) => ch.toUpperCase());
      expectClose((r as unknown as Record<string, unknown>)[name], value, key);
    }
  });

  // biome-ignore lint/suspicious/noExplicitAny: the oracle's cases are untyped JSON
  it.each(loadOracle<any>('siglip').cases.map((c) => [c.id, c] as const))('siglip %s matches PyTorch', (_id, c) => {
    const r = xent.sigLipLoss({ image: c.image, text: c.text }, { scale: c.scale, bias: c.bias });
    expectClose(r.loss, c.expected.loss, 'loss');
    expectClose(r.logits, c.expected.logits, 'logits');
    expectClose(r.gradImage, c.expected.grad_image, 'grad_image');
    expectClose(r.gradText, c.expected.grad_text, 'grad_text');
  });

  // biome-ignore lint/suspicious/noExplicitAny: the oracle's cases are untyped JSON
  it.each(loadOracle<any>('ntxent').cases.map((c) => [c.id, c] as const))('ntxent %s matches PyTorch', (_id, c) => {
    const r = xent.ntXentLoss(c.embeddings, { temperature: c.temperature });
    expectClose(r.losses, c.expected.losses, 'losses');
    expectClose(r.loss, c.expected.loss, 'loss');
    expectClose(r.grad, c.expected.grad, 'grad');
  });

  // biome-ignore lint/suspicious/noExplicitAny: the oracle's cases are untyped JSON
  it.each(loadOracle<any>('supcon').cases.map((c) => [c.id, c] as const))('supcon %s matches PyTorch', (_id, c) => {
    const r = xent.supConLoss(c.embeddings, c.labels, { temperature: c.temperature });
    expect(r.losses.map((l) => l === null)).toEqual(c.expected.losses.map((l: unknown) => l === null));
    expectClose(
      r.losses.filter((l) => l !== null),
      c.expected.losses.filter((l: unknown) => l !== null),
      'losses',
    );
    expectClose(r.loss, c.expected.loss, 'loss');
    expectClose(r.grad, c.expected.grad, 'grad');
  });

  it('has the CLI defaults: clip scale 1, siglip t = 10 and b = −10, ntxent τ = 0.5, supcon τ = 0.07', () => {
    const logits = [
      [2, 0.5, -1],
      [0.3, 1.8, 0.2],
      [-0.5, 0.4, 1.5],
    ];
    expect(xent.clipLoss(logits).loss).toBeCloseTo(0.32268133940523935, 14);
    expect(xent.clipLoss(logits, { temperature: 0.5 }).loss).toBe(xent.clipLoss(logits, { scale: 2 }).loss);
    expect(xent.sigLipLoss({ image: [[1, 2]], text: [[2, 4]] }).loss).toBeCloseTo(Math.LN2, 12);
    const emb = [
      [1, 0],
      [0.6, 0.8],
      [0.8, 0.6],
      [0, 1],
    ];
    expect(xent.ntXentLoss(emb).loss).toBe(xent.ntXentLoss(emb, { temperature: 0.5, pairs: 'half' }).loss);
    expect(xent.supConLoss(emb, [0, 0, 1, 1]).loss).toBe(
      xent.supConLoss(emb, [0, 0, 1, 1], { temperature: 0.07 }).loss,
    );
  });
});

describe('input and errors', () => {
  it('gives the same numbers for a Matrix, number[][] and (for one row) number[]', () => {
    const rows = [[2, 0.5, -1]];
    expect(xent.crossEntropy(fromRows(rows), [0])).toEqual(xent.crossEntropy(rows, [0]));
    expect(xent.crossEntropy([2, 0.5, -1], [0])).toEqual(xent.crossEntropy(rows, [0]));
    expect(xent.toRows(xent.toMatrix(rows))).toEqual(rows);
  });

  it('reads any notation the CLI reads', () => {
    const m = xent.parseMatrix('tensor([[2., 0.5, -1.], [0.3, 1.8, 0.2]])');
    expect([m.rows, m.cols]).toEqual([2, 3]);
    expect(xent.toRows(m)).toEqual([
      [2, 0.5, -1],
      [0.3, 1.8, 0.2],
    ]);
    expect(xent.parseMatrix('a,b\n1,2\n').colLabels).toEqual(['a', 'b']);
  });

  it.each([
    [
      'a ragged matrix',
      () => xent.softmax([[1, 2], [3]]),
      'err.ragged',
      'row 2 of the logits has length 1, but row 1 has length 2; every row needs the same number of columns',
    ],
    // NaN and a bad temperature have the CLI's keys: one bad value, one error (test/ops/softmax.test.ts),
    // in the library's words (test/library-errors.test.ts): its option, not the CLI's flag.
    [
      'a NaN',
      () => xent.softmax([1, NaN]),
      'err.nan',
      "'NaN' at row 1, column 2 of the logits is NaN; give a number, inf or -inf",
    ],
    [
      'a text entry',
      () => xent.softmax([1, 'two' as unknown as number]),
      'err.lib.entry',
      'row 1, column 2 of the logits is "two": entries must be numbers (inf and -inf are allowed)',
    ],
    [
      'a class out of range',
      () => xent.crossEntropy([[1, 2]], [2]),
      'err.ce.targetRange',
      'the target 2 of row 1 is out of range: with 2 classes a target is a whole number from 0 to 1',
    ],
    // The CLI's key and words (one validator, src/ops/cross-entropy/validate.ts), with the library's option name.
    [
      'too many targets',
      () => xent.crossEntropy([[1, 2]], [0, 1]),
      'err.ce.targetCount',
      'option target gives 2 target(s), but the logits have 1 row(s); give one target per row',
    ],
    [
      'a bad reduction',
      () => xent.crossEntropy([[1, 2]], [0], { reduction: 'avg' as 'mean' }),
      'err.badChoice',
      "option reduction takes one of mean, sum, none, got 'avg'",
    ],
    [
      'a zero temperature',
      () => xent.softmax([1, 2], { temperature: 0 }),
      'err.temperature',
      "the temperature must be a finite number greater than 0, got '0' (option temperature)",
    ],
    [
      'an infinite temperature',
      () => xent.softmax([1, 2], { temperature: Infinity }),
      'err.temperature',
      "the temperature must be a finite number greater than 0, got 'inf' (option temperature)",
    ],
    [
      'a non-square CLIP matrix',
      () => xent.clipLoss([[1, 2, 3]]),
      'err.notSquare',
      'clip needs a square matrix (row i is image i, column j is text j, and the positive pairs are the diagonal), got 1×3',
    ],
  ])('rejects %s with a readable XentError', (_what, call, key, message) => {
    let caught: unknown;
    try {
      call();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(xent.XentError);
    expect((caught as InstanceType<typeof xent.XentError>).key).toBe(key);
    expect((caught as Error).message).toBe(message);
  });
});

describe('the package', () => {
  it('exports exactly the documented API', () => {
    expect(Object.keys(xent).sort()).toEqual(API);
  });

  it('is imported by its name, as a user would (package.json exports → dist/index.js)', () => {
    const script = `
      import * as xent from 'xent';
      console.log(JSON.stringify({
        names: Object.keys(xent).sort(),
        softmax: xent.softmax([2, 0.5, -1]),
        ce: xent.crossEntropy([[2, 0.5, -1], [0.3, 1.8, 0.2]], [0, 1]).loss,
        error: (() => { try { xent.clipLoss([[1, 2]]); } catch (e) { return [e instanceof xent.XentError, e.key]; } })(),
      }));`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const out = JSON.parse(result.stdout);
    expect(out.names).toEqual(API);
    expect(out.softmax).toEqual(xent.softmax([2, 0.5, -1]));
    expect(out.ce).toBe(
      xent.crossEntropy(
        [
          [2, 0.5, -1],
          [0.3, 1.8, 0.2],
        ],
        [0, 1],
      ).loss,
    );
    expect(out.error).toEqual([true, 'err.notSquare']);
  });

  it('declares its types: package.json points at built declaration files', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.exports['.']).toEqual({ types: './dist/types/index.d.ts', import: './dist/index.js' });
    expect(pkg.types).toBe('./dist/types/index.d.ts');
    const dts = readFileSync(join(ROOT, 'dist/types/index.d.ts'), 'utf8');
    for (const name of API) expect(dts).toContain(name);
    expect(existsSync(join(ROOT, 'dist/types/ops/cross-entropy/library.d.ts'))).toBe(true);
    expect(existsSync(join(ROOT, 'dist/types/ops/bce/library.d.ts'))).toBe(true);
  });

  it('loads no CLI, colour or table code', async () => {
    // The module graph of the library entry, as esbuild resolves it.
    const { metafile } = await build({
      entryPoints: [join(ROOT, 'src/index.ts')],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'neutral',
      format: 'esm',
      logLevel: 'silent',
    });
    const inputs = Object.keys(metafile.inputs);
    expect(
      inputs.filter((f) => /node_modules|src\/(cli|commands|teach|rows|report|format)\/|src\/main\.ts/.test(f)),
    ).toEqual([]);
    // Not even the number formatter: errors carry numbers, and the translator writes them.
    expect(inputs.filter((f) => f.includes('src/format/'))).toEqual([]);
    // The built file imports nothing at all: no commander, chalk or cli-table3, not even node:.
    const built = readFileSync(join(ROOT, 'dist/index.js'), 'utf8');
    expect(built).not.toMatch(/^\s*import\s|\bimport\(|\brequire\(/m);
  });
});
