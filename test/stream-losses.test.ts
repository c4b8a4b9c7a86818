// focal, hinge (and lm's per-token rows) stream row by row: the same bytes as the
// whole-matrix path in every format that streams, on inputs cut into many chunks (a chunk
// ending inside a number, inside a line), and the same errors with nothing on stdout.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands/index.js';
import { type RunOptions, xent } from './helpers/cli.js';

/** The run with the command's stream plan taken away: the whole-matrix path. */
async function whole(argv: string[], options: RunOptions = {}) {
  const command = COMMANDS.find((c) => c.name === argv[0])!;
  const abilities = command.abilities;
  (command as { abilities: unknown }).abilities = { ...abilities, stream: undefined };
  try {
    return await xent(argv, options);
  } finally {
    (command as { abilities: unknown }).abilities = abilities;
  }
}

/** Streamed (from stdin in chunks of 97 bytes) and whole: the same code, stdout and stderr. */
async function expectSame(argv: string[], input: string) {
  const streamed = await xent(argv, { stdin: input, chunkBytes: 97 });
  const held = await whole(argv, { stdin: input });
  expect(streamed, argv.join(' ')).toEqual(held);
  return streamed;
}

/** A rows × cols matrix of varied logits, as CSV text (~2 KB and more: many chunks). */
function logits(rows: number, cols: number, seed = 1): string {
  return (
    Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => (Math.sin(seed * 31 + i * 7.1 + j * 2.3) * 6).toFixed(5)).join(','),
    ).join('\n') + '\n'
  );
}

function probabilities(rows: number, cols: number): string {
  return (
    Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => ((Math.sin(i * 3.7 + j * 1.3) + 1) / 2).toFixed(6)).join(','),
    ).join('\n') + '\n'
  );
}

const ROWS = 120;
const classes = (rows: number, cols: number) => Array.from({ length: rows }, (_, i) => (i * 5) % cols).join(',');
const inline = (text: string) => text.trim().replace(/\n/g, ';');

describe('focal -f value streams: the whole-matrix bytes', () => {
  const x = logits(ROWS, 4);
  const y = classes(ROWS, 4);
  it.each([
    [[]],
    [['-r', 'sum']],
    [['-r', 'none']],
    [['--gamma', '0']],
    [['--gamma', '1.5', '--alpha', '0.25,0.5,1,2']],
    [['--alpha', '0.7', '-r', 'none', '--base', '2']],
  ])('softmax form %j', async (extra) => {
    const r = await expectSame(['focal', '-y', y, ...extra, '-f', 'value'], x);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').length).toBe(extra.includes('none') ? ROWS + 1 : 2);
  });
  it('softmax form from probabilities, diag targets', async () => {
    const p = probabilities(4, 4).trim().split('\n');
    const rows = p.map((line) => {
      const v = line.split(',').map(Number);
      const sum = v.reduce((a, b) => a + b, 0);
      return v.map((e) => e / sum).join(',');
    });
    await expectSame(['focal', '--probs', '-y', 'diag', '-r', 'none', '-f', 'value'], rows.join('\n') + '\n');
  });
  const targets = probabilities(ROWS, 3)
    .trim()
    .split('\n')
    .map((line) =>
      line
        .split(',')
        .map((v) => (Number(v) > 0.5 ? 1 : 0))
        .join(','),
    )
    .join('\n');
  it.each([
    [[]],
    [['-r', 'sum', '--gamma', '0.5']],
    [['-r', 'none']],
    [['--alpha', '-1', '-r', 'none', '--base', 'bits']],
  ])('sigmoid form %j', async (extra) => {
    const r = await expectSame(['focal', '--targets', inline(targets), ...extra, '-f', 'value'], logits(ROWS, 3));
    expect(r.code).toBe(0);
  });
  it('sigmoid form from probabilities, soft targets', async () => {
    await expectSame(
      ['focal', '--probs', '--targets', inline(probabilities(ROWS, 3)), '-r', 'none', '-f', 'value'],
      probabilities(ROWS, 3).split('\n').reverse().join('\n').trim() + '\n',
    );
  });
  // @t.csv: the targets from a file, beside the streamed input.
  const files = { 't.csv': targets };
  const withFiles = async (argv: string[], input: string) => {
    const streamed = await xent(argv, { stdin: input, chunkBytes: 97, files });
    expect(streamed).toEqual(await whole(argv, { stdin: input, files }));
    return streamed;
  };
  it('sigmoid form with --targets @FILE, and its shape refused as the whole path refuses it', async () => {
    expect((await withFiles(['focal', '--targets', '@t.csv', '-r', 'none', '-f', 'value'], logits(ROWS, 3))).code).toBe(
      0,
    );
    for (const input of [logits(ROWS - 1, 3), logits(ROWS + 1, 3), logits(ROWS, 4)]) {
      const r = await withFiles(['focal', '--targets', '@t.csv', '-r', 'none', '-f', 'value'], input);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('targets');
    }
  });
  it.each([
    ['too few targets', ['-y', classes(ROWS - 1, 4)], x],
    ['too many targets', ['-y', classes(ROWS + 3, 4)], x],
    ['a target out of range', ['-y', `${classes(ROWS - 1, 4)},9`], x],
    ['a fractional target', ['-y', `0.5,${classes(ROWS - 1, 4)}`], x],
    ['α of another count', ['-y', y, '--alpha', '1,2'], x],
    ['diag past the last class', ['-y', 'diag'], x],
    ['-inf everywhere in a row', ['-y', y], `${x}-inf,-inf,-inf,-inf\n`],
    ['a probability above 1', ['-y', y, '--probs'], x],
    ['a ragged row after a bad target', ['-y', `9,${classes(ROWS - 1, 4)}`], `${x}1,2\n`],
  ])('%s: the same error, nothing on stdout', async (_what, extra, input) => {
    for (const reduction of ['mean', 'none']) {
      const r = await expectSame(['focal', ...extra, '-r', reduction, '-f', 'value'], input);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
    }
  });
});

describe('hinge -f value streams: the whole-matrix bytes', () => {
  const x = logits(ROWS, 5, 2);
  const y = classes(ROWS, 5);
  it.each([
    [[]],
    [['-r', 'none']],
    [['--style', 'torch', '-w', '1,2,0.5,1,3']],
    [['--style', 'cs', '--p', '2', '--margin', '0.5', '-r', 'sum']],
    [['--style', 'ww', '--p', '2', '-r', 'none', '--margin', '0']],
  ])('%j', async (extra) => {
    const r = await expectSame(['hinge', '-y', y, ...extra, '-f', 'value'], x);
    expect(r.code).toBe(0);
  });
  it('random scores and options: the same digits', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 5 }).chain((cols) =>
          fc.array(fc.array(fc.double({ min: -30, max: 30, noNaN: true }), { minLength: cols, maxLength: cols }), {
            minLength: 1,
            maxLength: 8,
          }),
        ),
        fc.nat(),
        fc.constantFrom(['-r', 'none'], ['--style', 'torch'], ['--style', 'cs', '-r', 'sum'], ['--p', '2']),
        async (rows, seed, extra) => {
          const cols = rows[0].length;
          const text = rows.map((r) => r.join(',')).join('\n') + '\n';
          const y = rows.map((_, i) => (seed + i * 3) % cols).join(',');
          await expectSame(['hinge', '-y', y, ...extra, '-f', 'value', '--header', 'no'], text);
        },
      ),
      { numRuns: 60 },
    );
  });
  it.each([
    ['too few targets', ['-y', classes(ROWS - 1, 5)], x],
    ['too many targets', ['-y', classes(ROWS + 1, 5)], x],
    ['a target out of range', ['-y', `7,${classes(ROWS - 1, 5)}`], x],
    ['weights of another count', ['-y', y, '-w', '1,2'], x],
    ['an inf score after a bad target', ['-y', `7,${classes(ROWS - 1, 5)}`], `${x.trim()}\ninf,1,2,3,4\n`],
    ['one class', ['-y', '0,0'], '1\n2\n'],
  ])('%s: the same error, nothing on stdout', async (_what, extra, input) => {
    for (const reduction of ['sum', 'none']) {
      const r = await expectSame(['hinge', ...extra, '-r', reduction, '-f', 'value'], input);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
    }
  });
});

describe('lm -f tsv and -f csv stream each token: the whole-matrix bytes', () => {
  const V = 6;
  const N = 90;
  const x = logits(N, V, 3);
  const tokens = Array.from({ length: N }, (_, i) => (i % 11 === 4 ? -100 : (i * 7) % V)).join(',');
  // Blank lines between sequences of 30, 25 and 35 rows.
  const lines = x.trim().split('\n');
  const broken = [...lines.slice(0, 30), '', ...lines.slice(30, 55), '', '', ...lines.slice(55)].join('\n') + '\n';
  it.each([
    ['tsv', ['--seq-len', '10'], x],
    ['csv', ['--seq-len', '15', '--shift'], x],
    ['tsv', ['--shift', '--base', '2'], broken],
    ['csv', ['-p', '3'], broken],
    ['tsv', ['--shift', '-p', '2', '--ignore-index', '-100'], x],
    ['value', ['--shift'], broken],
  ])('-f %s %j', async (format, extra, input) => {
    const r = await expectSame(['lm', '-y', tokens, ...extra, '-f', format], input);
    expect(r.code).toBe(0);
    if (format !== 'value') expect(r.stdout.split('\n').length).toBe(N + 2);
  });
  it.each([
    ['too few tokens', ['-y', tokens.split(',').slice(1).join(',')]],
    ['a token outside the vocabulary', ['-y', `${tokens.split(',').slice(1).join(',')},6`]],
    ['rows not a multiple of --seq-len', ['-y', tokens, '--seq-len', '7']],
  ])('%s: the same error, nothing on stdout', async (_what, extra) => {
    for (const format of ['tsv', 'csv']) {
      const r = await expectSame(['lm', ...extra, '-f', format], x);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
    }
  });
  it('blank lines with --seq-len: the same error', async () => {
    const r = await expectSame(['lm', '-y', tokens, '--seq-len', '10', '-f', 'tsv'], broken);
    expect(r.code).toBe(2);
  });
});
