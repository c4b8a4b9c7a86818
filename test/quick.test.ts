// The quick calculation (src/cli/quick.ts, dist/xent-quick.cjs): a line it answers prints what
// the full CLI prints, byte for byte, and every other line is left to the full CLI. Its
// process side (a full disk, a closed stdout, a reader that leaves) is the entry point's, run
// through the built binary.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMAND_DIRECTORY } from '../src/commands/directory.js';
import { quickStdout } from '../src/cli/quick.js';
import { QUICK_WORDS } from '../src/cli/route.js';
import { ROOT, shell } from './helpers/binary.js';
import { xent } from './helpers/cli.js';

/** Words a quick line is made of: plain decimals of every shape the reader takes, and some it does not. */
const decimal = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.constantFrom('0', '-0', '+0', '.5', '-.5', '5.', '+3', '1e5', '1E-3', '-2.5e+2', '007', '1e308', '1e-320', '0.1'),
);
const notPlain = fc.constantFrom(
  '1e309', // beyond a double: the reader's error
  '-1e999',
  'inf',
  '-inf',
  'nan',
  '1/3',
  '50%',
  '2,0.5',
  '1 2',
  '1;2',
  '[1,2]',
  'x',
  '',
  ' 1',
  '1_000',
  '0x10',
  '--log',
  '-t',
  '2',
  '-f',
  'json',
  '--',
  '-L',
  'zh',
  '--help',
  '1.5*^-3',
);

describe('quickStdout', () => {
  it('prints what the full CLI prints for every line it answers, and answers every line of plain numbers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof({ weight: 4, arbitrary: decimal }, { weight: 1, arbitrary: notPlain }), {
          minLength: 0,
          maxLength: 8,
        }),
        async (words) => {
          const argv = ['softmax', ...words];
          const quick = quickStdout(argv);
          const plain = words.length > 0 && words.every((w) => /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(w));
          const finite = words.every((w) => Number.isFinite(Number(w)));
          expect(quick !== undefined, argv.join(' ')).toBe(plain && finite);
          if (quick === undefined) return;
          const full = await xent(argv);
          expect({ code: full.code, stderr: full.stderr, stdout: full.stdout }).toEqual({
            code: 0,
            stderr: '',
            stdout: quick,
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    [['softmax', '2', '0.5', '-1'], '0.7855970345892759\t0.1752903921400367\t0.039112573270687456\n'],
    [['softmax', '5'], '1\n'],
    [['softmax', '1000', '0', '-1000'], '1\t0\t0\n'],
  ])('%j → %j', (argv, stdout) => {
    expect(quickStdout(argv)).toBe(stdout);
  });

  it.each([
    [[]],
    [['softmax']],
    [['ce', '1', '2']],
    [['sm', '1', '2']], // an alias, were there one: only the word itself is offered
    [['-f', 'tsv', 'softmax', '1', '2']],
    [['softmax', '1', '2', '--log']],
  ])('declines %j', (argv) => {
    expect(quickStdout(argv)).toBeUndefined();
  });

  it('answers lines that begin with the words route.ts names as quick, and no other', () => {
    const words = [...COMMAND_DIRECTORY.map((c) => c.name), '--version', '-V', '--help', '-h', 'help', '--lang'];
    const answered = words.filter((w) => quickStdout([w, '1', '2']) !== undefined || quickStdout([w]) !== undefined);
    expect(answered).toEqual([...QUICK_WORDS]);
  });

  it.each([[['--version']], [['-V']]])('%j prints the version as commander does', async (argv) => {
    const full = await xent(argv);
    expect(full).toMatchObject({ code: 0, stderr: '' });
    expect(quickStdout(argv)).toBe(full.stdout);
  });

  it.each([[['--version', '--help']], [['-V', 'softmax']], [['--version', '-L', 'zh']], [['--', '--version']]])(
    'declines %j',
    (argv) => expect(quickStdout(argv)).toBeUndefined(),
  );
});

describe('the quick calculation through the binary', () => {
  it('prints the version in package.json', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V'])
      expect(shell(`xent ${flag} | cat`)).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('prints the softmax into a pipe, as the full CLI does', async () => {
    const r = shell('xent softmax 2 0.5 -1 | cat');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe((await xent(['softmax', '2', '0.5', '-1'])).stdout);
  });

  it.each([
    ['softmax 1 2 3 --log', 0],
    ['softmax 1 -inf 2', 0],
    ['softmax 1e999 2', 2],
    ['softmax 1 x', 2],
    ['-L zh softmax 1 x', 2],
  ])('leaves `xent %s` to the full CLI, which prints what it prints in-process', async (line, code) => {
    const r = shell(`xent ${line}`);
    const full = await xent(line.split(' '), { env: { LANG: 'C.UTF-8' } });
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({
      code,
      stdout: full.stdout,
      stderr: full.stderr,
    });
  });

  it.each([
    [{}, 'xent: error: cannot write the output: no space left on device\n'],
    [{ XENT_LANG: 'zh' }, 'xent: 错误：无法写出结果：no space left on device\n'],
  ])('a full disk (/dev/full) with %j: exit 74 and the message in the language asked for', (env, stderr) => {
    const r = shell('xent softmax 1 2 3 > /dev/full', env);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 74, stderr });
  });
});
