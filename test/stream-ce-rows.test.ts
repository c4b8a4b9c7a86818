// `xent ce -r none -f tsv|csv|value` streams row by row: the same bytes as the whole-matrix
// path for every option that streams (class weights, smoothing of either style, ignored rows,
// sample weights, T, --base, -g, -p, top-k, a header and row labels), on inputs cut into
// many chunks; the same errors, in the same order, with nothing on stdout.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands/index.js';
import { type CeCase, expectClose, loadOracle } from './helpers/oracle.js';
import { type RunOptions, xent } from './helpers/cli.js';

const ce = COMMANDS.find((c) => c.name === 'ce')!;

/** The run with ce's stream plan taken away: the whole-matrix path. */
async function whole(argv: string[], options: RunOptions = {}) {
  const abilities = ce.abilities;
  (ce as { abilities: unknown }).abilities = { ...abilities, stream: undefined };
  try {
    return await xent(argv, options);
  } finally {
    (ce as { abilities: unknown }).abilities = abilities;
  }
}

/** The run as the CLI makes it, and whether ce planned a stream for it. */
async function streamed(argv: string[], options: RunOptions) {
  const abilities = ce.abilities;
  let planned = false;
  const stream = abilities.stream!;
  (ce as { abilities: unknown }).abilities = {
    ...abilities,
    stream: (spec: never, context: never) => {
      const plan = stream(spec, context);
      planned = plan !== undefined;
      return plan;
    },
  };
  try {
    return { result: await xent(argv, options), planned };
  } finally {
    (ce as { abilities: unknown }).abilities = abilities;
  }
}

/** Streamed (from stdin in chunks of 97 bytes) and whole: the same code, stdout and stderr; and it did stream. */
async function expectSame(argv: string[], input: string, files?: Record<string, string>) {
  const { result, planned } = await streamed(argv, { stdin: input, chunkBytes: 97, ...(files ? { files } : {}) });
  const held = await whole(argv, { stdin: input, ...(files ? { files } : {}) });
  expect(result, argv.join(' ')).toEqual(held);
  expect(planned, `${argv.join(' ')}: streamed`).toBe(true);
  return result;
}

/** A rows × cols matrix of varied logits, as CSV text (many chunks of 97 bytes). */
function logits(rows: number, cols: number, seed = 1): string {
  return (
    Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => (Math.sin(seed * 31 + i * 7.1 + j * 2.3) * 6).toFixed(5)).join(','),
    ).join('\n') + '\n'
  );
}

/** Rows of values in [0, 1], most of them not summing to 1 (warned of as probabilities or targets). */
function probabilities(rows: number, cols: number, seed = 1): string {
  return (
    Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => ((Math.sin(seed * 5 + i * 3.7 + j * 1.3) + 1) / 2).toFixed(6)).join(','),
    ).join('\n') + '\n'
  );
}

/** The same rows divided by their sums: distributions. */
function normalised(text: string): string {
  return (
    text
      .trim()
      .split('\n')
      .map((line) => {
        const v = line.split(',').map(Number);
        const sum = v.reduce((a, b) => a + b, 0);
        return v.map((e) => e / sum).join(',');
      })
      .join('\n') + '\n'
  );
}

const inline = (text: string) => text.trim().replace(/\n/g, ';');
const ROWS = 90;
const COLS = 4;
const x = logits(ROWS, COLS);
const y = Array.from({ length: ROWS }, (_, i) => (i % 11 === 3 ? -100 : (i * 5) % COLS)).join(',');
const FORMATS = ['tsv', 'csv', 'value'] as const;

/**
 * `ce -r none` on random rows: the picks as targets (mostly classes in range, some ignored as
 * -1, a few out of range: errors both ways), the extra options, and class weights if asked.
 */
function ceRowsArgv(
  rows: readonly (readonly number[])[],
  picks: readonly number[],
  extra: readonly (readonly string[])[],
  weighted: boolean,
): string[] {
  const cols = rows[0].length;
  const targets = rows.map((_, i) => (picks[i] === -2 ? -1 : picks[i] % (cols + 1)));
  return [
    'ce',
    '-y',
    targets.join(','),
    '--ignore-index',
    '-1',
    '-r',
    'none',
    ...extra.flat(),
    ...(weighted ? ['-w', Array.from({ length: cols }, (_, c) => String(0.5 + c)).join(',')] : []),
  ];
}

/** 1–8 rows of 2–5 logits, now and then a masked class (-inf). */
const logitsOf = fc
  .integer({ min: 2, max: 5 })
  .chain((cols) =>
    fc.array(
      fc.array(
        fc.oneof(
          { weight: 12, arbitrary: fc.double({ min: -40, max: 40, noNaN: true }) },
          { weight: 1, arbitrary: fc.constant(-Infinity) },
        ),
        { minLength: cols, maxLength: cols },
      ),
      { minLength: 1, maxLength: 8 },
    ),
  );

describe('ce -r none streams its rows: the whole-matrix bytes', () => {
  it.each([
    [[]],
    [['-g']],
    [['-w', '1,2,0.5,3']],
    [['-w', '1,2,0.5,3', '-g', '-p', '3']],
    [['--label-smoothing', '0.2']],
    [['--label-smoothing', '0.2', '--smoothing-style', 'others', '-g']],
    [['--sample-weight', Array.from({ length: ROWS }, (_, i) => String((i % 4) * 0.5)).join(',')]],
    [['-t', '0.7', '-g']],
    [['--base', '2', '-g']],
    [['--base', 'bits', '-p', '4']],
    [['--top-k', '1,3']],
    [['--hessian']],
    [['-w', '1e308,1e308,1e308,1e308']],
    [['-w', '5e-324,5e-324,5e-324,5e-324', '-g']],
  ])('%j', async (extra) => {
    for (const format of FORMATS) {
      const r = await expectSame(['ce', '-y', y, '-r', 'none', ...extra, '-f', format], x);
      expect(r.code).toBe(0);
      // A header (target, p_target, loss, correct) only for the rows' figures: the gradient has no column names here.
      const header = format !== 'value' && !extra.includes('-g');
      expect(r.stdout.split('\n').length).toBe(ROWS + 1 + (header ? 1 : 0));
    }
  });
  it('one-based targets, another ignore index, diag targets', async () => {
    const oneBased = Array.from({ length: ROWS }, (_, i) => (i % 7 === 0 ? 9 : ((i * 3) % COLS) + 1)).join(',');
    const square = logits(COLS, COLS, 3);
    for (const format of FORMATS) {
      await expectSame(['ce', '-y', oneBased, '--one-based', '--ignore-index', '9', '-r', 'none', '-f', format], x);
      await expectSame(['ce', '-y', 'diag', '-r', 'none', '-g', '-f', format], square);
    }
  });
  it('column names and row labels, masked classes, one row', async () => {
    const named = `id,cat,dog,fox\n${x
      .trim()
      .split('\n')
      .map((line, i) => `r${i},${line.replace(/^[^,]*,/, i % 5 === 0 ? '-inf,' : '$&')}`)
      .join('\n')}\n`;
    const rows = Array.from({ length: ROWS }, (_, i) => (i * 2) % 3).join(',');
    for (const format of FORMATS) {
      await expectSame(['ce', '-y', rows, '-r', 'none', '-f', format], named);
      await expectSame(['ce', '-y', rows, '-r', 'none', '-g', '-f', format], named);
      await expectSame(['ce', '-y', '0', '-r', 'none', '-g', '-f', format], '1,2,3\n');
    }
  });
  it('probabilities as input, some rows off 1 (warned of, as the whole path warns)', async () => {
    const p = probabilities(ROWS, COLS);
    for (const format of FORMATS) {
      const r = await expectSame(['ce', '--probs', '-y', y, '-r', 'none', '-f', format], p);
      expect(r.stderr).toContain('sums to');
      await expectSame(['ce', '--probs', '-y', y, '-r', 'none', '-g', '-w', '1,2,3,4', '-f', format], p);
      await expectSame(
        ['ce', '--probs', '-y', y, '-r', 'none', '--label-smoothing', '0.1', '-f', format],
        normalised(p),
      );
    }
  });
  it('soft targets (--target-probs inline and @FILE), with smoothing, weights and probabilities', async () => {
    const q = probabilities(ROWS, COLS, 2);
    const files = { q: normalised(q) };
    for (const format of FORMATS) {
      const r = await expectSame(['ce', '--target-probs', inline(q), '-r', 'none', '-f', format], x);
      expect(r.stderr).toContain('--target-probs sums to');
      await expectSame(['ce', '--target-probs', '@q', '-r', 'none', '-g', '--one-based', '-f', format], x, files);
      const extra = ['--label-smoothing', '0.2', '--smoothing-style', 'others', '-w', '1,0.5,2,1'];
      await expectSame(['ce', '--target-probs', '@q', '-r', 'none', ...extra, '-f', format], x, files);
      await expectSame(
        ['ce', '--target-probs', '@q', '--probs', '-r', 'none', '-g', '-f', format],
        normalised(probabilities(ROWS, COLS)),
        files,
      );
    }
  });
  it('the targets from a file, as -y @FILE reads them', async () => {
    const files = { labels: y.replace(/,/g, '\n') };
    for (const format of FORMATS) await expectSame(['ce', '-y', '@labels', '-r', 'none', '-f', format], x, files);
  });

  it.each([
    ['too few targets', ['-y', y.replace(/,[^,]*$/, '')], x],
    ['too many targets', ['-y', `${y},1,2`], x],
    ['a target out of range', ['-y', y.replace(/^[^,]*/, '7')], x],
    ['a fractional target', ['-y', y.replace(/,[^,]*$/, ',0.5')], x],
    ['a weight count', ['-y', y, '-w', '1,2'], x],
    ['a weight count before a bad row', ['-y', y, '-w', '1,2'], `${x}1,2,3,inf\n`],
    ['a weight count, then a line that does not parse', ['-y', y, '-w', '1,2'], `${x}1,abc,1,1\n`],
    ['a top-k past the classes', ['-y', y, '--top-k', '5'], x],
    ['sample weights of another count', ['-y', y, '--sample-weight', '1,2,3'], x],
    ['an overflowing target', ['-y', y, '-w', '1e308,1e308,1e308,1e308', '--sample-weight', '10'], '1,2,3,4\n'],
    [
      'an overflowing target, then a bad target',
      ['-y', '0,9', '--sample-weight', '1e308,10', '-w', '10,1,1,1'],
      `1,2,3,4\n1,2,3,4\n`,
    ],
    ['diag past the last class', ['-y', 'diag'], x],
    ['-inf everywhere in a row', ['-y', `${y},0`], `${x}-inf,-inf,-inf,-inf\n`],
    ['a bad value, then a line that does not parse', ['-y', `${y},0,0`], `${x}1,inf,1,1\n1,abc,1,1\n`],
    ['a ragged row after a bad target', ['-y', `9,${y}`], `${x}1,2\n`],
    ['ε/(C − 1) with one class', ['-y', '0', '--label-smoothing', '0.1', '--smoothing-style', 'others'], '3\n'],
    ['a probability above 1', ['-y', y, '--probs'], x],
    [
      'a probability above 1, then a line that does not parse',
      ['-y', `${y},0,0`, '--probs'],
      `${probabilities(ROWS, COLS)}2,0,0,0\nx,0,0,0\n`,
    ],
    ['soft targets for fewer rows', ['--target-probs', inline(probabilities(ROWS - 1, COLS))], x],
    ['soft targets for more rows', ['--target-probs', inline(probabilities(ROWS + 1, COLS))], x],
    ['soft targets over other classes', ['--target-probs', inline(probabilities(ROWS, COLS + 1))], x],
  ])('%s: the same error, nothing on stdout', async (_what, extra, input) => {
    for (const format of FORMATS) {
      const r = await expectSame(['ce', ...extra, '-r', 'none', '-f', format], input);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
    }
  });

  it('gives the whole-matrix bytes for random logits, targets and options', async () => {
    const options = fc.subarray([
      ['-g'],
      ['--label-smoothing', '0.3'],
      ['--smoothing-style', 'others'],
      ['-t', '0.4'],
      ['--base', '2'],
      ['-p', '5'],
      ['--one-based'],
      ['--top-k', '2'],
    ]);
    await fc.assert(
      fc.asyncProperty(
        logitsOf,
        fc.array(fc.integer({ min: -2, max: 6 }), { minLength: 8, maxLength: 8 }),
        options,
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(...FORMATS),
        async (rows, picks, extra, weighted, sampled, format) => {
          const args = [
            ...ceRowsArgv(rows, picks, extra, weighted),
            ...(sampled ? ['--sample-weight', rows.map((_, i) => String(i % 3)).join(',')] : []),
            '-f',
            format,
          ];
          await expectSame(args, `${rows.map((r) => r.join(',')).join('\n')}\n`);
        },
      ),
      { numRuns: 120 },
    );
  });
});

describe('ce -r none streams probabilities and soft targets: the whole-matrix bytes', () => {
  it('for random probabilities, soft targets and options', async () => {
    const shape = fc.record({ rows: fc.integer({ min: 1, max: 6 }), cols: fc.integer({ min: 2, max: 4 }) });
    const matrix = (rows: number, cols: number) =>
      fc.array(
        fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1)), {
          minLength: cols,
          maxLength: cols,
        }),
        { minLength: rows, maxLength: rows },
      );
    const text = (m: number[][]) => m.map((r) => r.join(',')).join('\n');
    await fc.assert(
      fc.asyncProperty(
        shape.chain(({ rows, cols }) =>
          fc.record({
            input: matrix(rows, cols),
            soft: fc.option(matrix(rows, cols)),
            probs: fc.boolean(),
            extra: fc.subarray([['-g'], ['--label-smoothing', '0.25'], ['--one-based'], ['-w', '1,2']]),
            format: fc.constantFrom(...FORMATS),
          }),
        ),
        async ({ input, soft, probs, extra, format }) => {
          const cols = input[0].length;
          const targets = soft
            ? ['--target-probs', text(soft).replace(/\n/g, ';')]
            : ['-y', input.map((_, i) => String(i % cols)).join(',')];
          // Logits are any numbers: these in [0, 1] are logits too without --probs.
          const argv = ['ce', ...targets, ...(probs ? ['--probs'] : []), '-r', 'none', ...extra.flat(), '-f', format];
          await expectSame(argv, `${text(input)}\n`);
        },
      ),
      { numRuns: 100 },
    );
  });
});

/** What `-f json` streams: logits and class targets, without a per-element extra (-g, --hessian, the smoothed split, sample weights). */
const jsonStreams = (argv: string[]) =>
  !argv.some((a) =>
    ['-g', '--hessian', '--label-smoothing', '--sample-weight', '--probs', '--target-probs'].includes(a),
  );

/** -f json streamed from a file and from a pipe (copied to a temporary file), and whole: the same code, stdout and stderr. */
async function expectSameJson(argv: string[], input: string) {
  const files = { 'in.csv': input };
  const args = [...argv, '-i', 'in.csv', '-f', 'json'];
  const held = await whole(args, { files });
  const fromFile = await streamed(args, { files, chunkBytes: 97 });
  expect(fromFile.result, args.join(' ')).toEqual(held);
  expect(fromFile.planned, `${args.join(' ')}: streamed`).toBe(jsonStreams(argv));
  const spillDir = mkdtempSync(join(tmpdir(), 'xent-ce-json-'));
  try {
    const piped = [...argv, '-f', 'json'];
    const fromPipe = await streamed(piped, { stdin: input, chunkBytes: 97, spillDir });
    expect(fromPipe.result, `${argv.join(' ')} from a pipe`).toEqual(await whole(piped, { stdin: input }));
    expect(fromPipe.planned).toBe(jsonStreams(argv));
  } finally {
    rmSync(spillDir, { recursive: true, force: true });
  }
  return held;
}

describe('ce -r none -f json streams: the whole-matrix bytes, the input read twice', () => {
  it.each([
    [[]],
    [['-w', '1,2,0.5,3']],
    [['-w', '1e308,1e308,1e308,1e308']],
    [['-w', '5e-324,5e-324,5e-324,5e-324']],
    [['-t', '0.7', '--base', '2']],
    [['--top-k', '1,3,2']],
    [['--top-k', '2']],
    [['--one-based', '--ignore-index', '9']],
    [['-g']],
    [['--label-smoothing', '0.1']],
  ])('%j', async (extra) => {
    // One-based: each class one more, the ignored rows 9.
    const targets = extra.includes('--one-based')
      ? y
          .split(',')
          .map((v) => (v === '-100' ? '9' : String(Number(v) + 1)))
          .join(',')
      : y;
    const r = await expectSameJson(['ce', '-y', targets, '-r', 'none', ...extra], x);
    expect(r.code).toBe(0);
  });
  it('every row ignored, row labels and column names, masked classes', async () => {
    await expectSameJson(['ce', '-y', '-100,-100', '-r', 'none'], '1,2\n3,4\n');
    const named = `id,cat,dog,fox\n${x
      .trim()
      .split('\n')
      .map((line, i) => `r${i},${line.replace(/^[^,]*,/, i % 5 === 0 ? '-inf,' : '$&')}`)
      .join('\n')}\n`;
    await expectSameJson(
      ['ce', '-y', Array.from({ length: ROWS }, (_, i) => (i * 2) % 3).join(','), '-r', 'none'],
      named,
    );
    await expectSameJson(['ce', '-y', 'diag', '-r', 'none', '--top-k', '2'], logits(COLS, COLS, 3));
  });
  it.each([
    ['too few targets', ['-y', y.replace(/,[^,]*$/, '')], x],
    ['a target out of range', ['-y', y.replace(/^[^,]*/, '7')], x],
    ['a weight count', ['-y', y, '-w', '1,2'], x],
    ['a top-k past the classes', ['-y', y, '--top-k', '5'], x],
    ['-inf everywhere in a row', ['-y', `${y},0`], `${x}-inf,-inf,-inf,-inf\n`],
  ])('%s: the same error, nothing on stdout', async (_what, extra, input) => {
    const r = await expectSameJson(['ce', ...extra, '-r', 'none'], input);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
  it('gives the whole-matrix bytes for random logits, targets and options', async () => {
    await fc.assert(
      fc.asyncProperty(
        logitsOf,
        fc.array(fc.integer({ min: -2, max: 6 }), { minLength: 8, maxLength: 8 }),
        fc.subarray([['-t', '0.4'], ['--base', '2'], ['--one-based'], ['--top-k', '2,1']]),
        fc.boolean(),
        async (rows, picks, extra, weighted) => {
          await expectSameJson(
            ceRowsArgv(rows, picks, extra, weighted),
            `${rows.map((r) => r.join(',')).join('\n')}\n`,
          );
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('ce -r none streamed on the PyTorch fixtures', () => {
  const cases = loadOracle<CeCase>('cross_entropy').cases;
  const rowsText = (m: number[][]) => m.map((r) => r.join(',')).join(';');
  it.each(cases.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const flags = [
      ...(c.target ? ['-y', c.target.join(',')] : ['--target-probs', rowsText(c.target_probs!)]),
      ...(c.probs_input ? ['--probs'] : []),
      ...(c.weight ? ['-w', c.weight.join(',')] : []),
      ...(c.ignore_index !== undefined ? ['--ignore-index', String(c.ignore_index)] : []),
      ...(c.label_smoothing !== undefined ? ['--label-smoothing', String(c.label_smoothing)] : []),
      '-r',
      'none',
    ];
    const input = `${(c.logits ?? c.probs_input)!.map((r) => r.join(',')).join('\n')}\n`;
    const values = await expectSame(['ce', ...flags, '-f', 'value'], input);
    expectClose(values.stdout.trim().split('\n').map(Number), c.expected.losses, `${c.id} losses`);
    await expectSame(['ce', ...flags, '-f', 'csv'], input);
    const grad = await expectSame(['ce', ...flags, '-g', '-f', 'tsv'], input);
    if (c.reduction === 'none' && c.expected.grad)
      expectClose(
        grad.stdout
          .trim()
          .split('\n')
          .flatMap((line) => line.split('\t').map(Number)),
        c.expected.grad.flat(),
        `${c.id} grad`,
      );
  });
});
