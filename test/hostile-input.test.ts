// Input built to hurt: runs of 200 000 digits, deep brackets, huge tokens and header lines,
// private files, named pipes and devices. Each must be read or refused as the rules say, in
// time linear in its size (nothing here is timed: a quadratic reader makes this file slow,
// `npm run bench` prints the figures) and with messages of bounded length.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { XentError, quotedText } from '../src/core/errors.js';
import { MAX_HEADER_CHARS } from '../src/text/header.js';
import { MatrixTextParser, parseMatrixText } from '../src/text/matrix-text.js';
import { MAX_DEPTH } from '../src/text/brackets.js';
import { isDecimal } from '../src/text/decimal.js';
import { readNumber } from '../src/text/number.js';
import { shell } from './helpers/binary.js';
import { leaks, xent } from './helpers/cli.js';

const SRC = { key: 'source.args' } as const;
const N = 200_000;
const DIGITS = '1'.repeat(N);

function errorOf(run: () => unknown): XentError {
  try {
    run();
  } catch (error) {
    if (error instanceof XentError) return error;
    throw error;
  }
  throw new Error('no error');
}

/** A failed run: exit 2, nothing on stdout, one short error (and maybe a usage hint), no leak. */
function expectShortError(r: { code: number; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(r.code, r.stderr.slice(0, 300)).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr.length, 'a long token is cut').toBeLessThan(600);
  expect(leaks(r.stderr)).toEqual([]);
}

describe('the number grammar, read in linear time', () => {
  // The regular expression the scanner replaces: right, but quadratic on long runs of digits.
  const OLD = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

  it('accepts exactly what the regular expression accepted', () => {
    const text = fc.string({ unit: fc.constantFrom(...'0123456789.eE+-a '), maxLength: 14 });
    fc.assert(
      fc.property(text, (t) => {
        expect(isDecimal(t), t).toBe(OLD.test(t));
      }),
      { numRuns: 20000 },
    );
  });

  it.each([
    ['digits then a letter', `${DIGITS}a`, 'other'],
    ['digits, a point, digits then a letter', `${DIGITS}.${DIGITS}x`, 'other'],
    ['an exponent without digits', `${DIGITS}e`, 'other'],
    ['digits past a double', DIGITS, 'overflow'],
    ['a long exponent', `1e-${DIGITS}`, 'number'],
    ['a tiny number written out', `0.${'0'.repeat(N)}1`, 'number'],
  ])('%s (%#)', (_name, token, kind) => {
    expect(readNumber(token).kind).toBe(kind);
  });
});

describe('a token too long to hold reads as Number() reads it', () => {
  // Past 100 characters the parser keeps only the token's start and reads on with a
  // DecimalReader (800 significant digits and a sticky one): compared here with Number().
  const parseOne = (token: string) => parseMatrixText(`0 0\n${token} 0\n`, SRC).data[2];
  const check = (token: string) => {
    const expected = Number(token);
    if (!Number.isFinite(expected)) expect(errorOf(() => parseOne(token)).key, token.slice(0, 60)).toBe('err.overflow');
    else expect(Object.is(parseOne(token), expected), token.slice(0, 60)).toBe(true);
  };

  it('random long decimals', () => {
    const digits = (max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 0, maxLength: max });
    const token = fc
      .tuple(
        fc.constantFrom('', '-', '+'),
        fc.nat({ max: 400 }),
        digits(1200),
        fc.boolean(),
        digits(1200),
        fc.option(
          fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '-', '+'), fc.integer({ min: 0, max: 2000 })),
        ),
      )
      .map(
        ([sign, zeros, int, point, frac, exp]) =>
          `${sign}${'0'.repeat(zeros)}${int}${point ? '.' : ''}${frac}${exp ? `${exp[0]}${exp[1]}${exp[2]}` : ''}`,
      )
      .filter((t) => t.length > 100 && isDecimal(t));
    fc.assert(fc.property(token, check), { numRuns: 400 });
  });

  it('in quotes, as short ones are', () => {
    const long = `0.${'0'.repeat(150)}123`;
    expect(parseOne(`"${long}"`)).toBe(Number(long));
    expect(parseOne(`'${DIGITS.slice(0, 300)}'`)).toBe(Number(DIGITS.slice(0, 300)));
    expect(errorOf(() => parseOne(`"${DIGITS.slice(0, 200)}`)).key).toBe('err.notNumber');
  });

  /** The exact decimal of the midpoint between a positive double x and the next one up. */
  function midpoint(x: number): string {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    const bits = view.getBigUint64(0);
    const biased = Number((bits >> 52n) & 0x7ffn);
    const fraction = bits & ((1n << 52n) - 1n);
    const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
    const exponent = (biased === 0 ? 1 : biased) - 1075; // x = mantissa · 2^exponent
    // (2·mantissa + 1) · 2^(exponent − 1), written out in decimal.
    const odd = 2n * mantissa + 1n;
    const shift = exponent - 1;
    if (shift >= 0) return (odd << BigInt(shift)).toString();
    const digits = (odd * 5n ** BigInt(-shift)).toString().padStart(-shift + 1, '0');
    return `${digits.slice(0, shift)}.${digits.slice(shift)}`;
  }

  it('halfway between two doubles, and just above it far beyond the 800th digit', () => {
    const positive = fc.double({ min: Number.MIN_VALUE, max: 1e300, noNaN: true });
    fc.assert(
      fc.property(positive, (x) => {
        const mid = midpoint(x);
        const point = mid.includes('.') ? '' : '.';
        for (const token of [mid, `${mid}${point}${'0'.repeat(1000)}`, `${mid}${point}${'0'.repeat(1000)}1`])
          check(token);
      }),
      { numRuns: 150 },
    );
  });
});

describe('200 000 characters of hostile input, everywhere text is read', () => {
  it.each([
    [
      'a run of digits and a letter (arguments)',
      ['softmax', `${DIGITS}a`],
      /'1{40}… \(200001 characters\)' at row 1, column 1 of the arguments is not a number/,
    ],
    [
      'a run of digits (beyond a double)',
      ['softmax', DIGITS, '1'],
      /'1{40}… \(200000 characters\)' at row 1, column 1 of the arguments is beyond the range/,
    ],
    ['-y', ['ce', '1,2', '-y', `${DIGITS}a`], /of option -y, --target is not a number/],
    ['-w', ['ce', '1,2', '-y', '0', '-w', `${DIGITS}a`], /of option -w, --weight is not a number/],
    ['--target-probs', ['ce', '1,2', '--target-probs', `${DIGITS}a`], /of option --target-probs is not a number/],
    [
      '--temperature',
      ['softmax', '1,2', '-t', `${DIGITS}a`],
      /the temperature must be a finite number greater than 0, got '1{40}… \(200001 characters\)'/,
    ],
    ['--label-smoothing', ['ce', '1,2', '-y', '0', '--label-smoothing', `${DIGITS}a`], /--label-smoothing/],
    [
      '--expect',
      ['softmax', '1,2', '--expect', `${DIGITS}a`],
      /'1{40}… \(200001 characters\)' at row 1, column 1 of option --expect/,
    ],
    ['--expect with a name', ['softmax', '1,2', '--expect', `${'a'.repeat(N)}=1`], /a{40}…/],
    ['--expect of blanks', ['softmax', '1,2', '--expect', `${' '.repeat(N)}x`], /--expect/],
    ['--row', ['softmax', '1,2', '--explain', '--row', `${DIGITS}a`], /option --row takes a row number/],
    ['--precision', ['softmax', '1,2', '-p', `${DIGITS}a`], /option --precision takes a whole number/],
    ['--steps', ['descend', '--example', '--steps', `${DIGITS}a`], /--steps|steps/],
    ['--lr', ['descend', '--example', '--lr', `${DIGITS}a`], /--lr/],
    ['an unknown option', ['softmax', '1', `--${'x'.repeat(N)}`], /unknown option '--x{38}… \(200002 characters\)'/],
    ['an unknown command', [`${'x'.repeat(N)}`], /unknown command 'x{40}… \(200000 characters\)'/],
    [
      'deep brackets',
      ['softmax', '['.repeat(N)],
      new RegExp(`brackets nested deeper than ${MAX_DEPTH} levels at line 1, column ${MAX_DEPTH + 1} of the arguments`),
    ],
    ['closing brackets', ['softmax', ']'.repeat(N)], /unbalanced brackets/],
    ['a wrapper of a long name', ['softmax', `${'a'.repeat(N)}([1, x])`], /'x' at row 1, column 2 of the arguments/],
    [
      'a long word before a bracket',
      ['softmax', `1 ${'a'.repeat(N)}-([1])`],
      /'a{40}… \(200001 characters\)' at row 1, column 2/,
    ],
    // Each comma after the first leaves a field empty: the first of them is named.
    ['many commas', ['softmax', `1${','.repeat(N)}2`], /row 1, column 2 of the arguments is empty/],
  ])('%s is refused with a short message', async (_name, argv, pattern) => {
    expectShortError(await xent(argv), pattern);
  });

  it.each([
    ['a tiny number written out', [`0.${'0'.repeat(N)}1`, '0'], [0.5, 0.5]],
    ['a long exponent', [`1e-${DIGITS}`, '0'], [0.5, 0.5]],
    ['many blank separators', [`1${' \t'.repeat(N / 2)}2`], [1 / (1 + Math.E), Math.E / (1 + Math.E)]],
    ['blanks', [`${' '.repeat(N)}1 1${' '.repeat(N)}`], [0.5, 0.5]],
    ['64 levels of brackets', [`${'['.repeat(MAX_DEPTH)}1,1${']'.repeat(MAX_DEPTH)}`], [0.5, 0.5]],
  ])('%s is read', async (_name, argv, expected) => {
    const r = await xent(['softmax', '-f', 'tsv', ...argv]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\t').map(Number)).toEqual(expected);
  });

  it('the same from stdin, a file and @FILE', async () => {
    const text = `1 2\n3 ${DIGITS}x\n`;
    expectShortError(
      await xent(['softmax'], { stdin: text }),
      /'1{40}… \(200001 characters\)' at row 2, column 2 of standard input/,
    );
    expectShortError(
      await xent(['softmax', '-i', 'a.txt'], { files: { 'a.txt': text } }),
      /at row 2, column 2 of 'a.txt'/,
    );
    expectShortError(
      await xent(['kl', '--p', '@a.txt', '--q', '1,1'], { files: { 'a.txt': text } }),
      /at row 2, column 2 of 'a.txt'/,
    );
  });

  it('a deep bracket names its line and column', () => {
    const error = errorOf(() => parseMatrixText(`1 2\n\n  ${'['.repeat(N)}`, SRC));
    expect(error.key).toBe('err.tooDeep');
    expect(error.params).toMatchObject({ line: 3, column: 3 + MAX_DEPTH, max: MAX_DEPTH });
  });

  it('a first line of words is held only up to its limit', () => {
    const words = 'ab '.repeat(MAX_HEADER_CHARS / 3 + 10);
    expect(errorOf(() => parseMatrixText(`${words}\n1\n`, SRC)).key).toBe('err.headerTooLong');
    expect(errorOf(() => parseMatrixText('a'.repeat(MAX_HEADER_CHARS + 10), SRC)).key).toBe('err.headerTooLong');
    // Blank space, or one long number, is not a header: the first line is then data.
    expect(parseMatrixText(`${' '.repeat(MAX_HEADER_CHARS + 10)}1 2\n`, SRC).data).toEqual(new Float64Array([1, 2]));
    const long = `0.${'0'.repeat(MAX_HEADER_CHARS)}1`;
    expect(parseMatrixText(`${long} 2\n`, SRC).data).toEqual(new Float64Array([0, 2]));
    // A header just under the limit is a header.
    const names = Array.from({ length: 1000 }, (_, k) => `c${k}`).join(',');
    expect(parseMatrixText(`${names}\n${Array(1000).fill(1).join(',')}\n`, SRC).colLabels?.length).toBe(1000);
  });

  it('a token read in chunks of any size reads the same', () => {
    for (const token of [
      `${DIGITS.slice(0, 500)}x`,
      `"${DIGITS.slice(0, 300)}"`,
      `0.${'0'.repeat(400)}7`,
      `${DIGITS.slice(0, 150)}e-140`,
    ]) {
      const text = `1 ${token}\n`;
      const whole = (() => {
        try {
          return Array.from(parseMatrixText(text, SRC).data);
        } catch (error) {
          return (error as XentError).message;
        }
      })();
      for (const size of [1, 7, 64, 101]) {
        const got: number[] = [];
        const parser = new MatrixTextParser(SRC, (row) => got.push(...row));
        const bytes = new TextEncoder().encode(text);
        let result: number[] | string;
        try {
          for (let k = 0; k < bytes.length; k += size) parser.feedAscii(bytes.subarray(k, k + size));
          parser.finish();
          result = got;
        } catch (error) {
          result = (error as XentError).message;
        }
        expect(result, `${token.slice(0, 20)} in chunks of ${size}`).toEqual(whole);
      }
    }
  });
});

describe('error messages quote a bounded text', () => {
  it('a long parameter is cut where the error is made', () => {
    const error = new XentError('err.notANumberOption', { option: '-t', value: 'x'.repeat(10_000_000) }, true);
    expect(error.message.length).toBeLessThan(200);
    expect(error.params.value).toEqual({ key: 'token.cut', params: { head: 'x'.repeat(40), length: 10_000_000 } });
  });

  it('short texts are kept whole, and a cut does not split a surrogate pair', () => {
    expect(quotedText('x'.repeat(100))).toBe('x'.repeat(100));
    expect(quotedText(`${'x'.repeat(39)}😀${'y'.repeat(100)}`)).toEqual({
      key: 'token.cut',
      params: { head: 'x'.repeat(39), length: 141 },
    });
  });

  it('in Chinese too', async () => {
    const r = await xent(['softmax', `${DIGITS}a`], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.stderr).toContain(`“${'1'.repeat(40)}…（共 200001 个字符）”不是数字`);
  });
});

describe('a whole line of a file is never quoted', () => {
  const SHADOW = 'root:$6$abcdefghijklmnop:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n';
  it.each([
    ['@FILE', ['kl', '--p', '@shadow', '--q', '0.5,0.5']],
    ['-i FILE', ['softmax', '-i', 'shadow']],
  ])('%s', async (_name, argv) => {
    const r = await xent(argv, { files: { shadow: SHADOW } });
    expectShortError(
      r,
      /^xent: error: row 1, column 1 of 'shadow' is not a number: its line is one word of 27 characters, not quoted/,
    );
    expect(r.stderr).not.toContain('daemon');
    expect(r.stderr).not.toContain('root');
  });

  it.each([
    [
      'a lone word, blanks around it',
      '1 2\n  secret \t\r\n',
      /row 2, column 1 of 'f' is not a number: its line is one word of 6 characters/,
    ],
    [
      'a lone word at the end, without a newline',
      '1 2\nsecret',
      /row 2, column 1 of 'f' is not a number: its line is one word/,
    ],
    [
      'a one-line file of one word',
      'hunter2',
      /row 1, column 1 of 'f' is not a number: its line is one word of 7 characters/,
    ],
    ['a word among numbers is quoted', '1 2\nsecret 3\n', /'secret' at row 2, column 1 of 'f'/],
    ['a word after numbers is quoted', '1 2\n3 secret\n', /'secret' at row 2, column 2 of 'f'/],
    ['a word before a comment is quoted', '1 2\nsecret # note\n', /'secret' at row 2, column 1 of 'f'/],
    ['a CSV field is quoted', '1,2\nsecret,3\n', /'secret' at row 2, column 1 of 'f'/],
    ['a word in brackets is quoted', '[[1, 2], [secret, 3]]', /'secret' at row 2, column 1 of 'f'/],
  ])('%s', async (_name, text, pattern) => {
    expectShortError(await xent(['softmax', '-i', 'f'], { files: { f: text } }), pattern);
  });

  it('what the user typed or piped is quoted as before', async () => {
    expectShortError(await xent(['softmax', '1 2; secret']), /unexpected|'secret'/);
    expectShortError(
      await xent(['softmax'], { stdin: '1 2\nsecret\n' }),
      /'secret' at row 2, column 1 of standard input/,
    );
  });

  it('in Chinese', async () => {
    const r = await xent(['softmax', '-i', 'f'], { files: { f: '1 2\nsecret\n' }, env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.stderr).toBe(
      'xent: 错误：“f”第 2 行第 1 列不是数字：这一行是一个长 6 个字符的词，这里不显示它（文件中的整行内容从不显示）（允许：2、-0.5、.5、1e-3 这样的数，以及 inf、-inf）\n',
    );
  });
});

// ---- the built binary: named pipes, devices, @FILE read in chunks --------------------------

const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'xent-hostile-'));

describe('pipes and devices given as files are streams, read once', () => {
  /** `xent ARGS` with FILE a named pipe that a writer fills with `text` (from a file: it may be large). */
  function throughFifo(args: string, text: string, name: string): ReturnType<typeof shell> {
    const source = join(dir, `${name}.txt`);
    writeFileSync(source, text);
    const fifo = join(dir, name);
    // The shell's own printf: it writes as soon as a reader opens the pipe, and closes it, as
    // `printf … > fifo &` does (a reader that opened the pipe only to look at it lost the data,
    // then waited forever for another writer).
    return shell(
      `rm -f ${fifo}; mkfifo ${fifo}; (printf '%s' "$(< ${source})" > ${fifo} &); timeout 20 xent ${args.replaceAll('FILE', fifo)}`,
    );
  }
  const inOrder = (args: string, text: string) => shell(`xent ${args}`, {}, text);

  it.skipIf(!hasMkfifo)('clip -f value, ce -f value, softmax and @FILE read a FIFO (mkfifo)', () => {
    // clip and ce several times: the loss (or the wait) came of a race between the writer
    // and the reader's second open, which a single run may win.
    for (const [args, piped, text, runs] of [
      ['clip -f value -i FILE', 'clip -f value', '1,2\n3,4\n', 3],
      ['ce -y 0,1 -f value -i FILE', 'ce -y 0,1 -f value', '1,2\n3,4\n', 3],
      ['softmax -i FILE', 'softmax', '1,2\n3,4\n', 1],
      ['kl --p @FILE --q 0.5,0.5\\;0.5,0.5', 'kl --p @- --q 0.5,0.5\\;0.5,0.5', '0.25,0.75\n0.5,0.5\n', 1],
    ] as const) {
      const expected = inOrder(piped, text).stdout;
      for (let run = 0; run < runs; run++) {
        const r = throughFifo(args, text, 'ff');
        expect(r.code, `${args}: ${r.stderr}`).toBe(0);
        expect(r.stdout).toBe(expected);
      }
    }
  });

  it.skipIf(!hasMkfifo)('a FIFO larger than the two-thread threshold is read in order, whole', () => {
    const n = 1100;
    const lines = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (((i * 7 + j * 13) % 97) / 10 - 4.8 + (i === j ? 3 : 0)).toFixed(6)).join(
        ',',
      ),
    );
    const text = lines.join('\n') + '\n';
    expect(text.length).toBeGreaterThan(8 * 1024 * 1024);
    const r = throughFifo('clip -f value -i FILE', text, 'big');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(inOrder('clip -f value', text).stdout);
  });

  it('-i /dev/stdin on a pipe', () => {
    const r = shell("printf '1,2\\n3,4\\n' | timeout 20 xent clip -f value -i /dev/stdin");
    expect(r).toMatchObject({ code: 0, stdout: shell("printf '1,2\\n3,4\\n' | xent clip -f value").stdout });
  });

  it.each([
    [
      '--target-probs @/dev/zero',
      'ce 1,2 --target-probs @/dev/zero',
      "xent: error: '/dev/zero' is not text: it has a NUL byte at byte 1 (xent reads text, and NumPy .npy and .npz and .safetensors files, told by their first bytes)\n",
    ],
    [
      '-i /dev/zero',
      'clip -f value -i /dev/zero',
      "xent: error: '/dev/zero' is not text: it has a NUL byte at byte 1 (xent reads text, and NumPy .npy and .npz and .safetensors files, told by their first bytes)\n",
    ],
    ['@/dev/null', 'kl --p @/dev/null --q 1', "xent: error: no numbers found in '/dev/null'\n"],
  ])('%s is refused at once (it is never read whole)', (_name, args, stderr) => {
    const r = shell(`timeout 20 xent ${args}`);
    expect(r).toMatchObject({ code: 2, stdout: '', stderr });
  });

  it('@/dev/urandom is refused, not read until memory runs out', () => {
    const r = shell('timeout 20 xent kl --p @/dev/urandom --q 1');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^xent: error: '\/dev\/urandom' is not (text|valid UTF-8 text)/);
  });

  it('@FILE longer than the longest string is read in chunks (from 512 MB it was an internal error)', () => {
    // 540 MB: a number, then blanks (the fast path skips them), from a pipe: nothing on disk.
    const r = shell(`timeout 120 xent kl --p @<(echo 1; head -c 540000000 /dev/zero | tr '\\0' ' ') --q 1 -f value`);
    expect(r).toMatchObject({ code: 0, stdout: '0\n', stderr: '' });
  });

  it('100 MB of brackets on stdin ends with the depth error', () => {
    const r = shell("head -c 100000000 /dev/zero | tr '\\0' '[' | timeout 60 xent softmax");
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe(
      `xent: error: brackets nested deeper than ${MAX_DEPTH} levels at line 1, column ${MAX_DEPTH + 1} of standard input; a matrix needs two ([[1, 2], [3, 4]])\n`,
    );
  });
});
