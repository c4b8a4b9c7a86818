// One validator for cross-entropy (src/ops/cross-entropy/validate.ts): the same bad input
// gets the same error key from the CLI (whole matrix, and `-f value`, which streams), the
// library, descend's -y path, the stream plan fed rows directly and two threads reading a
// file. And every option, in full-width or other odd notation, gives the same numbers as in
// plain ASCII in every format and in --explain, which read the same spec.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as xentLib from '../../src/index.js';
import { parseInput } from '../../src/rows/input.js';
import type { OptionValues, SpecContext } from '../../src/commands/command.js';
import { ceCommand } from '../../src/commands/ce.js';
import type { MessageKey } from '../../src/i18n/messages.js';
import { makeTranslator } from '../../src/i18n/translator.js';
import { parseMatrixText } from '../../src/text/matrix-text.js';
import { CeSums } from '../../src/ops/cross-entropy/sums.js';
import { checkCeInput, checkCeOptions } from '../../src/ops/cross-entropy/validate.js';
import type { CeSpec } from '../../src/ops/cross-entropy/spec.js';
import { NATS } from '../../src/core/units.js';
import { fromRows } from '../../src/core/matrix.js';
import { planCrossEntropyStream } from '../../src/commands/streams/ce.js';
import { readInParallel } from '../../src/rows/parallel.js';
import { createSums } from '../../src/commands/streams/sums.js';
import { xent } from '../helpers/cli.js';
import { keyOfCliError, keyOf } from '../helpers/error-key.js';

/** Option values as commander hands them to readSpec: `-y 0,1` → { target: '0,1' }. */
const OPTION_NAMES: Record<string, string> = {
  '-y': 'target',
  '-w': 'weight',
  '-t': 'temperature',
  '-r': 'reduction',
  '--label-smoothing': 'labelSmoothing',
  '--ignore-index': 'ignoreIndex',
  '--target-probs': 'targetProbs',
  '--probs': 'probs',
  '--one-based': 'oneBased',
  '--top-k': 'topK',
};
function optionValues(argv: readonly string[]): OptionValues {
  const out: Record<string, string | boolean> = {};
  for (let k = 0; k < argv.length; k++) {
    const name = OPTION_NAMES[argv[k]];
    if (name === 'probs' || name === 'oneBased') out[name] = true;
    else out[name] = argv[++k];
  }
  return out;
}
const specContext: SpecContext = {
  t: makeTranslator('en'),
  readMatrixOption: async (value, option) => parseMatrixText(value, { key: 'source.option', params: { option } }),
};

const source = { key: 'source.stdin' } as const;
const csv = (rows: readonly (readonly number[])[]) =>
  rows.map((r) => r.map((v) => (v === Infinity ? 'inf' : v === -Infinity ? '-inf' : String(v))).join(',')).join('\n') +
  '\n';

/** The stream plan of `ce OPTIONS -f value`, fed the rows one by one, as run.ts feeds it. */
async function planKey(argv: readonly string[], rows: readonly (readonly number[])[]): Promise<string> {
  return keyOf(async () => {
    const spec = (await ceCommand.readSpec(optionValues(argv), specContext)) as CeSpec;
    const plan = planCrossEntropyStream(spec, { format: 'value', source, out: { write: () => {} } });
    expect(plan, 'the plan streams these options').toBeDefined();
    const { rows: count, cols } = await parseInput(
      { source, chunks: [new TextEncoder().encode(csv(rows))] },
      plan!.onRow,
    );
    plan!.finish(count, cols);
  });
}

const dir = mkdtempSync(join(tmpdir(), 'xent-ce-validate-'));
const worker = fileURLToPath(new URL('../../dist/xent-part.cjs', import.meta.url));
/** Pieces of a few rows and no size threshold: a small file is shared out between two threads. */
const sizes = { blockValues: 7, pieceValues: 20, minBytes: 0 };

/** The same plan with the file read by two threads (the worker thread is dist/xent-part.cjs). */
async function parallelKey(argv: readonly string[], rows: readonly (readonly number[])[]): Promise<string> {
  const path = join(dir, `in-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, csv(rows));
  return keyOf(async () => {
    const spec = (await ceCommand.readSpec(optionValues(argv), specContext)) as CeSpec;
    const plan = planCrossEntropyStream(spec, { format: 'value', source, out: { write: () => {} } })!;
    const task = { ...plan.parallel!.task, sizes };
    const shared = await readInParallel(path, source, task, worker, async () => {}, createSums(task));
    expect(shared, 'the file is shared out between two threads').toBeDefined();
    plan.parallel!.adopt(shared!.sums);
    plan.finish(shared!.rows, shared!.cols);
  });
}

// 30 rows of 3 logits (enough rows for several pieces), and the same rows with one spoilt.
const LOGITS = Array.from({ length: 30 }, (_, i) => [((i * 7) % 5) - 2, ((i * 3) % 4) - 1.5, (i % 3) * 0.5]);
const withRow = (i: number, row: number[]) => LOGITS.map((r, k) => (k === i ? row : r));
const TARGETS = LOGITS.map((_, i) => i % 3);
const list = (xs: readonly number[]) => xs.join(',');

interface Case {
  readonly name: string;
  readonly key: MessageKey;
  readonly rows: readonly (readonly number[])[];
  /** ce's options on the command line. */
  readonly argv: readonly string[];
  /** The same input through the library. */
  readonly library: () => unknown;
  /** descend's -y path, where it applies (descend has only -y and --one-based of ce's options). */
  readonly descend?: readonly string[];
  /** The options stream (`-f value`): the plan fed rows, and two threads, give the key too. */
  readonly streams?: boolean;
}

const lib =
  (
    rows: readonly (readonly number[])[],
    target: Parameters<typeof xentLib.crossEntropy>[1],
    options: xentLib.CrossEntropyOptions = {},
  ) =>
  () =>
    xentLib.crossEntropy(
      rows.map((r) => [...r]),
      target,
      options,
    );

const CASES: Case[] = [
  {
    name: 'a class out of range',
    key: 'err.ce.targetRange',
    rows: LOGITS,
    argv: ['-y', list(TARGETS.map((y, i) => (i === 20 ? 3 : y)))],
    library: lib(
      LOGITS,
      TARGETS.map((y, i) => (i === 20 ? 3 : y)),
    ),
    descend: ['-y', list(TARGETS.map((y, i) => (i === 20 ? 3 : y)))],
    streams: true,
  },
  {
    name: 'a class out of range, one-based',
    key: 'err.ce.targetRange',
    rows: LOGITS,
    argv: ['-y', list(TARGETS.map((y) => y + 1).map((y, i) => (i === 5 ? 0 : y))), '--one-based'],
    library: lib(
      LOGITS,
      TARGETS.map((y) => y + 1).map((y, i) => (i === 5 ? 0 : y)),
      { oneBased: true },
    ),
    descend: ['-y', list(TARGETS.map((y) => y + 1).map((y, i) => (i === 5 ? 0 : y))), '--one-based'],
    streams: true,
  },
  {
    name: 'a class that is not a whole number',
    key: 'err.ce.targetInteger',
    rows: LOGITS,
    argv: ['-y', list(TARGETS.map((y, i) => (i === 7 ? 1.5 : y)))],
    library: lib(
      LOGITS,
      TARGETS.map((y, i) => (i === 7 ? 1.5 : y)),
    ),
    descend: ['-y', list(TARGETS.map((y, i) => (i === 7 ? 1.5 : y)))],
    streams: true,
  },
  {
    name: 'fewer targets than rows',
    key: 'err.ce.targetCount',
    rows: LOGITS,
    argv: ['-y', list(TARGETS.slice(1))],
    library: lib(LOGITS, TARGETS.slice(1)),
    descend: ['-y', list(TARGETS.slice(1))],
    streams: true,
  },
  {
    name: 'more targets than rows',
    key: 'err.ce.targetCount',
    rows: LOGITS,
    argv: ['-y', list([...TARGETS, 0])],
    library: lib(LOGITS, [...TARGETS, 0]),
    descend: ['-y', list([...TARGETS, 0])],
    streams: true,
  },
  {
    name: 'diag with more rows than classes',
    key: 'err.ce.diag',
    rows: LOGITS,
    argv: ['-y', 'diag'],
    library: lib(LOGITS, 'diag'),
    descend: ['-y', 'diag'],
    streams: true,
  },
  {
    name: 'a negative class weight',
    key: 'err.ce.weightBad',
    rows: LOGITS,
    argv: ['-y', list(TARGETS), '-w', '1,-2,1'],
    library: lib(LOGITS, TARGETS, { weight: [1, -2, 1] }),
    streams: true,
  },
  {
    name: 'an infinite class weight',
    key: 'err.ce.weightBad',
    rows: LOGITS,
    argv: ['-y', list(TARGETS), '-w', '1,inf,1'],
    library: lib(LOGITS, TARGETS, { weight: [1, Infinity, 1] }),
    streams: true,
  },
  {
    name: 'a weight per class, one short',
    key: 'err.ce.weightCount',
    rows: LOGITS,
    argv: ['-y', list(TARGETS), '-w', '1,2'],
    library: lib(LOGITS, TARGETS, { weight: [1, 2] }),
    streams: true,
  },
  {
    name: 'a negative target probability',
    key: 'err.ce.targetProbsBad',
    rows: [
      [2, 1, 0],
      [0, 1, 2],
    ],
    argv: ['--target-probs', '1,0,0; -0.5,1,0.5'],
    library: lib(
      [
        [2, 1, 0],
        [0, 1, 2],
      ],
      [
        [1, 0, 0],
        [-0.5, 1, 0.5],
      ],
    ),
  },
  {
    name: 'an infinite target probability',
    key: 'err.ce.targetProbsBad',
    rows: [[2, 1, 0]],
    argv: ['--target-probs', 'inf,0,0'],
    library: lib([[2, 1, 0]], [[Infinity, 0, 0]]),
  },
  {
    name: 'target distributions of the wrong shape',
    key: 'err.ce.targetProbsShape',
    rows: [
      [2, 1, 0],
      [0, 1, 2],
    ],
    argv: ['--target-probs', '1,0; 0,1'],
    library: lib(
      [
        [2, 1, 0],
        [0, 1, 2],
      ],
      [
        [1, 0],
        [0, 1],
      ],
    ),
  },
  {
    name: '--ignore-index with target distributions',
    key: 'err.ce.ignoreSoft',
    rows: [[2, 1, 0]],
    argv: ['--target-probs', '1,0,0', '--ignore-index', '1'],
    library: lib([[2, 1, 0]], [[1, 0, 0]], { ignoreIndex: 1 }),
  },
  {
    name: 'smoothing above 1',
    key: 'err.ce.smoothing',
    rows: LOGITS,
    argv: ['-y', list(TARGETS), '--label-smoothing', '1.5'],
    library: lib(LOGITS, TARGETS, { labelSmoothing: 1.5 }),
    streams: true,
  },
  {
    name: 'negative smoothing',
    key: 'err.ce.smoothing',
    rows: LOGITS,
    argv: ['-y', list(TARGETS), '--label-smoothing', '-0.1'],
    library: lib(LOGITS, TARGETS, { labelSmoothing: -0.1 }),
    streams: true,
  },
  {
    name: 'an ignore index that is not a whole number',
    key: 'err.ce.ignoreInteger',
    rows: LOGITS,
    argv: ['-y', list(TARGETS), '--ignore-index', '0.5'],
    library: lib(LOGITS, TARGETS, { ignoreIndex: 0.5 }),
    streams: true,
  },
  {
    name: 'a probability above 1 with --probs',
    key: 'err.ce.probsRange',
    rows: [
      [0.5, 0.5, 0],
      [0.2, 1.6, 0],
    ],
    argv: ['--probs', '-y', '0,1'],
    library: lib(
      [
        [0.5, 0.5, 0],
        [0.2, 1.6, 0],
      ],
      [0, 1],
      { probs: true },
    ),
  },
  {
    name: 'a negative probability with --probs',
    key: 'err.ce.probsRange',
    rows: [
      [0.5, 0.5, 0],
      [-0.2, 1, 0.2],
    ],
    argv: ['--probs', '-y', '0,1'],
    library: lib(
      [
        [0.5, 0.5, 0],
        [-0.2, 1, 0.2],
      ],
      [0, 1],
      { probs: true },
    ),
  },
  {
    name: 'a temperature with --probs',
    key: 'err.ce.probsTemperature',
    rows: [[0.5, 0.5, 0]],
    argv: ['--probs', '-y', '0', '-t', '2'],
    library: lib([[0.5, 0.5, 0]], [0], { probs: true, temperature: 2 }),
  },
  {
    name: 'a temperature of 0',
    key: 'err.temperature',
    rows: LOGITS,
    argv: ['-y', list(TARGETS), '-t', '0'],
    library: lib(LOGITS, TARGETS, { temperature: 0 }),
    streams: true,
  },
  {
    name: 'a +inf logit',
    key: 'err.posInf',
    rows: withRow(25, [1, Infinity, 0]),
    argv: ['-y', list(TARGETS)],
    library: lib(withRow(25, [1, Infinity, 0]), TARGETS),
    descend: ['-y', list(TARGETS)],
    streams: true,
  },
  {
    name: 'a row of only -inf logits',
    key: 'err.allNegInf',
    rows: withRow(12, [-Infinity, -Infinity, -Infinity]),
    argv: ['-y', list(TARGETS)],
    library: lib(withRow(12, [-Infinity, -Infinity, -Infinity]), TARGETS),
    descend: ['-y', list(TARGETS)],
    streams: true,
  },
  {
    name: 'a mean over nothing (every target ignored)',
    key: 'err.ce.meanUndefined',
    rows: LOGITS,
    argv: ['-y', list(TARGETS.map(() => -1)), '--ignore-index', '-1'],
    library: lib(
      LOGITS,
      TARGETS.map(() => -1),
      { ignoreIndex: -1 },
    ),
    streams: true,
  },
  {
    name: 'a mean over nothing (every counted weight 0)',
    key: 'err.ce.meanUndefined',
    rows: LOGITS,
    argv: ['-y', list(TARGETS.map(() => 1)), '-w', '1,0,1'],
    library: lib(
      LOGITS,
      TARGETS.map(() => 1),
      { weight: [1, 0, 1] },
    ),
    streams: true,
  },
];

describe('one bad input, one error key, whichever way it comes in', () => {
  // Each case through each path that takes its options (no test is generated for the others).
  const paths = (c: Case): [string, () => Promise<string[]>][] => {
    const stdin = csv(c.rows);
    const cli = async (...argv: string[]) => keyOfCliError(await xent(argv, { stdin }));
    const all: [string, () => Promise<string[]>][] = [
      [
        'the CLI, whole matrix (json and table)',
        async () => [await cli('ce', ...c.argv, '-f', 'json'), await cli('ce', ...c.argv, '-f', 'table')],
      ],
      ['the CLI, -f value (streamed when the options stream)', async () => [await cli('ce', ...c.argv, '-f', 'value')]],
      ['the library', async () => [await keyOf(c.library)]],
    ];
    if (c.descend) all.push(["descend's -y path", async () => [await cli('descend', ...c.descend!, '-f', 'json')]]);
    if (c.streams)
      all.push([
        'the stream plan fed rows, and two threads reading a file',
        async () => [await planKey(c.argv, c.rows), await parallelKey(c.argv, c.rows)],
      ]);
    return all;
  };
  it.each(CASES.flatMap((c) => paths(c).map(([path, keys]) => [c.name, path, c.key, keys] as const)))(
    '%s: %s',
    async (_name, _path, key, keys) => {
      for (const got of await keys()) expect(got).toBe(key);
    },
  );

  it('the streamed paths agree with the whole matrix on a good input, to the digit', async () => {
    const argv = ['-y', list(TARGETS), '-w', '1,2,0.5', '--label-smoothing', '0.2', '-t', '0.7'];
    const whole = await xent(['ce', ...argv, '-f', 'json'], { stdin: csv(LOGITS) });
    const value = await xent(['ce', ...argv, '-f', 'value'], { stdin: csv(LOGITS) });
    const loss = (JSON.parse(whole.stdout) as { loss: number }).loss;
    expect(value.stdout).toBe(`${loss}\n`);
    expect(await planKey(argv, LOGITS)).toBe('no error');
    expect(await parallelKey(argv, LOGITS)).toBe('no error');
  });
});

describe('the validator on typed values', () => {
  const spec = (over: Partial<CeSpec> = {}): CeSpec => ({
    targets: { kind: 'index', given: [0, 1], ignoreIndex: -100 },
    oneBased: false,
    inputIsProbs: false,
    temperature: 1,
    labelSmoothing: 0,
    reduction: 'mean',
    topK: [1],
    unit: NATS,
    grad: false,
    ...over,
  });
  const input = fromRows([
    [2, 1, 0],
    [0, 1, 2],
  ]);

  it.each([
    ['a NaN temperature', { temperature: NaN }, 'err.temperature'],
    ['an infinite temperature', { temperature: Infinity }, 'err.temperature'],
    ['a NaN smoothing', { labelSmoothing: NaN }, 'err.ce.smoothing'],
    ['a NaN weight', { weight: [1, NaN, 1] }, 'err.ce.weightBad'],
    ['a top-k of 0', { topK: [0] }, 'err.ce.topK'],
    ['a top-k of 1.5', { topK: [1.5] }, 'err.ce.topK'],
  ] as const)('checkCeOptions refuses %s', async (_what, over, key) => {
    expect(await keyOf(() => checkCeOptions(spec(over)))).toBe(key);
  });

  it('checkCeInput refuses a top-k above the classes, and names the first bad row', async () => {
    expect(await keyOf(() => checkCeInput(input, spec({ topK: [1, 4] }), source))).toBe('err.ce.topKClasses');
    expect(() => checkCeInput(input, spec({ targets: { kind: 'index', given: [0, 7] } }), source)).toThrow(
      expect.objectContaining({ key: 'err.ce.targetRange', params: { value: 7, row: 2, classes: 3, min: 0, max: 2 } }),
    );
  });

  it('CeSums checks the weights against the first row it sees, with the CLI wording', () => {
    const sums = new CeSums(
      { targets: { kind: 'index', given: 'diag' }, oneBased: false, temperature: 1, labelSmoothing: 0, weight: [1, 2] },
      source,
      { pieceRows: () => 4 },
    );
    expect(() => sums.add(Float64Array.from([1, 2, 3]), 0)).toThrow(
      expect.objectContaining({
        key: 'err.ce.weightCount',
        params: expect.objectContaining({ option: '-w, --weight', got: 2, classes: 3 }),
      }),
    );
  });

  it('a non-finite value is written as xent writes numbers', () => {
    expect(() => xentLib.crossEntropy([[1, 2]], [0], { weight: [1, -Infinity] })).toThrow(
      'option weight: the weight -inf at position 2 is not allowed; weights are finite numbers ≥ 0',
    );
  });
});

describe('every ce option in odd notation gives the numbers of plain ASCII, in every format and in --explain', () => {
  const logits = '2,0.5,-1; 0.3,1.8,0.2; 1,2,3';
  // Each: the options in plain ASCII, and the same values written as people paste them:
  // full-width digits and punctuation (an IME), a Unicode minus, brackets, an ideographic comma.
  const cases: [string, string[], string[]][] = [
    ['-y', ['-y', '0,2,1'], ['-y', '０，２，１']],
    ['-y in brackets', ['-y', '0,2,1'], ['-y', '[0, 2, 1]']],
    ['-y with an ideographic comma', ['-y', '0,2,1'], ['-y', '0、2、1']],
    ['-y diag', ['-y', 'diag'], ['-y', 'ｄｉａｇ']],
    ['--one-based', ['-y', '1,3,2', '--one-based'], ['-y', '１，３，２', '--one-based']],
    ['--label-smoothing', ['-y', '0,2,1', '--label-smoothing', '0.1'], ['-y', '0,2,1', '--label-smoothing', '０.１']],
    [
      '--label-smoothing in exponent form',
      ['-y', '0,2,1', '--label-smoothing', '0.1'],
      ['-y', '0,2,1', '--label-smoothing', '１e－1'],
    ],
    ['-w', ['-y', '0,2,1', '-w', '1,0.5,3'], ['-y', '0,2,1', '-w', '１，０.５，３']],
    ['-t', ['-y', '0,2,1', '-t', '0.5'], ['-y', '0,2,1', '-t', '０.５']],
    ['--ignore-index', ['-y', '0,-1,1', '--ignore-index', '-1'], ['-y', '0,−1,1', '--ignore-index', '－１']],
    ['--top-k', ['-y', '0,2,1', '--top-k', '1,2'], ['-y', '0,2,1', '--top-k', '１，２']],
    [
      '--target-probs',
      ['--target-probs', '0.9,0.1,0; 0.2,0.8,0; 0,0.5,0.5'],
      ['--target-probs', '０.９，０.１，０；０.２，０.８，０；０，０.５，０.５'],
    ],
    [
      'all of them at once',
      ['-y', '0,2,1', '-w', '1,0.5,3', '--label-smoothing', '0.1', '-t', '0.5', '--top-k', '1,2'],
      ['-y', '０，２，１', '-w', '１，０.５，３', '--label-smoothing', '０.１', '-t', '０.５', '--top-k', '１，２'],
    ],
  ];

  it.each(cases)('%s', async (_what, plain, odd) => {
    const outputs = async (options: string[]) => {
      const run = async (...more: string[]) => {
        const r = await xent(['ce', logits, ...options, ...more]);
        expect(r.stderr, `${options.join(' ')} ${more.join(' ')}`).toBe('');
        expect(r.code).toBe(0);
        return r.stdout;
      };
      return {
        table: await run('-f', 'table'),
        json: await run('-f', 'json'),
        value: await run('-f', 'value'),
        explain: await run('--explain', '--row', '3'),
      };
    };
    const ascii = await outputs(plain);
    expect(await outputs(odd)).toEqual(ascii);
    // The formats agree with each other: the value is the JSON loss, the table and the
    // derivation show it (to 4 decimals), and --explain derives row 3's own loss.
    const json = JSON.parse(ascii.json) as { loss: number; losses: number[] };
    expect(ascii.value).toBe(`${json.loss}\n`);
    expect(ascii.table).toContain(json.loss.toFixed(4));
    const lossStep = /\n\d\. The loss\n([\s\S]*?)\n\d\. /.exec(ascii.explain)?.[1] ?? '';
    expect(lossStep, ascii.explain).toMatch(new RegExp(`= ${json.losses[2].toFixed(4)}$`, 'm'));
  });
});
