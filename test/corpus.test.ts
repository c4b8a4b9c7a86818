// The bad-input corpus (test/fixtures/bad-input.json): every command and option fed malformed
// numbers, mixed notations, ragged rows, empty input, bad encodings, missing files, bad and
// conflicting option values; each case gives the exit code and the exact stderr (or a pattern
// where the text is not yet settled) in English and Chinese. A failed command prints nothing on
// stdout. The few accepted inputs (a BOM, CRLF, trailing separators) give their exact output.
// Inputs too big or too random to store (a 10 MB line, binary garbage) are made here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leaks, xent } from './helpers/cli.js';

interface Case {
  name: string;
  argv: string[];
  stdin?: string;
  stdinBase64?: string;
  files?: Record<string, string>;
  filesBase64?: Record<string, string>;
  lang: 'en' | 'zh';
  code: number;
  stderr?: string;
  stderrPattern?: string;
  stdoutEmpty: boolean;
  stdout?: string;
}

const { cases } = JSON.parse(readFileSync(new URL('./fixtures/bad-input.json', import.meta.url), 'utf8')) as {
  cases: Case[];
};
const LOCALE = { en: 'en_US.UTF-8', zh: 'zh_CN.UTF-8' } as const;
const bytes = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

describe('the bad-input corpus', () => {
  it('covers every command in both languages', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    const commands = new Set(cases.map((c) => c.argv[0]));
    for (const name of [
      'softmax',
      'ce',
      'bce',
      'focal',
      'distill',
      'hinge',
      'lm',
      'infonce',
      'retrieval',
      'clip',
      'siglip',
      'ntxent',
      'supcon',
      'entropy',
      'kl',
      'descend',
      'demo',
    ]) {
      expect(commands, name).toContain(name);
    }
    // Every error case is there in both languages.
    const key = (c: Case) => JSON.stringify([c.name, c.argv]);
    const zh = new Set(cases.filter((c) => c.lang === 'zh').map(key));
    for (const c of cases) if (c.code !== 0 && c.lang === 'en') expect(zh, c.name).toContain(key(c));
  });

  it.each(cases.map((c) => [`${c.name} [${c.lang}]`, c] as const))('%s', async (_, c) => {
    const files = {
      ...c.files,
      ...Object.fromEntries(Object.entries(c.filesBase64 ?? {}).map(([k, v]) => [k, bytes(v)])),
    };
    const stdin = c.stdinBase64 !== undefined ? bytes(c.stdinBase64) : c.stdin;
    const r = await xent(c.argv, { env: { LANG: LOCALE[c.lang] }, stdin, files });
    expect(r.code, r.stderr).toBe(c.code);
    if (c.stderr !== undefined) expect(r.stderr).toBe(c.stderr);
    if (c.stderrPattern !== undefined) expect(r.stderr).toMatch(new RegExp(c.stderrPattern));
    if (c.stdoutEmpty) expect(r.stdout).toBe('');
    if (c.stdout !== undefined) expect(r.stdout).toBe(c.stdout);
    expect(leaks(r.stderr)).toEqual([]);
  });
});

/** Deterministic bytes (a linear congruential generator), so a failure can be rerun. */
function randomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0;
  for (let k = 0; k < length; k++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[k] = x >>> 24;
  }
  return out;
}

describe('generated inputs', () => {
  const TEN_MB = 10 * 1024 * 1024;
  const columns = Math.ceil(TEN_MB / 2);
  // "0 0 0 … 0": one row of `columns` zeros, 10 MB, no newline.
  const zeros = '0 '.repeat(columns - 1) + '0';

  it('a long single line is read: ce of N equal logits is log N', async () => {
    const n = 500_000; // 1 MB; the 10 MB line below takes the same path
    const r = await xent(['ce', '-y', '0', '-f', 'value'], { stdin: '0 '.repeat(n - 1) + '0' });
    expect(r).toEqual({ code: 0, stdout: `${Math.log(n)}\n`, stderr: '' });
  });

  it('a bad token at the end of a 10 MB line is found, with its column', async () => {
    const r = await xent(['softmax'], { stdin: zeros + ' 1O' });
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: `xent: error: '1O' at row 1, column ${columns + 1} of standard input is not a number; if that column holds labels or ids, --index-col ${columns + 1} reads it as row labels, --drop-cols ${columns + 1} leaves it out, -y col:${columns + 1} takes the targets from it\n`,
    });
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('random binary garbage (seed %i) is refused as not text', async (seed) => {
    const garbage = randomBytes(4096, seed);
    const nul = garbage.indexOf(0);
    for (const [lang, text] of [
      [
        'en',
        `xent: error: standard input is not text: it has a NUL byte at byte ${nul + 1} (xent reads text, and NumPy .npy and .npz and .safetensors files, told by their first bytes)\n`,
      ],
      [
        'zh',
        `xent: 错误：标准输入不是文本：第 ${nul + 1} 字节是 NUL（xent 读取文本，以及 NumPy 的 .npy、.npz 和 .safetensors 文件，按文件开头的字节识别）\n`,
      ],
    ] as const) {
      const r = await xent(['softmax'], { stdin: garbage, env: { LANG: LOCALE[lang] } });
      expect(nul, 'the generator gives a NUL in 4 KB').toBeGreaterThanOrEqual(0);
      expect(r).toEqual({ code: 2, stdout: '', stderr: text });
    }
  });

  it.each([
    ['a lone continuation byte', [0x31, 0x20, 0x80, 0x32], 3],
    ['an overlong encoding', [0x31, 0x2c, 0xc0, 0xaf], 3],
    ['a surrogate encoded in UTF-8', [0x31, 0x20, 0xed, 0xa0, 0x80], 3],
    ['a multi-byte character cut off at the end', [0x31, 0x2c, 0xe4, 0xb8], 3],
    ['a Latin-1 é', [0x31, 0x20, 0x32, 0x20, 0x63, 0x61, 0x66, 0xe9], 8],
  ])('invalid UTF-8 (%s) names the first bad byte, 1-based', async (_, data, at) => {
    const r = await xent(['softmax'], { stdin: new Uint8Array(data) });
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: `xent: error: standard input is not valid UTF-8 text (first bad byte at ${at})\n`,
    });
  });

  it('the same bad byte is named the same way from a file (read whole) and from stdin (read in chunks)', async () => {
    const data = new Uint8Array([0x31, 0x20, 0x32, 0x0a, 0x33, 0xff, 0x34]);
    const file = await xent(['softmax', '-i', 'bad.txt'], { files: { 'bad.txt': data } });
    expect(file.stderr).toBe("xent: error: 'bad.txt' is not valid UTF-8 text (first bad byte at 6)\n");
    const stdin = await xent(['softmax'], { stdin: data });
    expect(stdin.stderr).toBe('xent: error: standard input is not valid UTF-8 text (first bad byte at 6)\n');
  });
});

describe('duplicated options', () => {
  // A valued option given twice with different values is refused: commander alone would keep
  // the last one silently (`-t 2 -t 3` computing with T = 3).
  it.each([
    [
      ['softmax', '1', '2', '-t', '2', '-t', '3'],
      "option --temperature was given twice ('2' and '3'); give it once",
      'softmax',
    ],
    [
      ['softmax', '-i', 'a.csv', '-i', 'b.csv'],
      "option --input was given twice ('a.csv' and 'b.csv'); give it once",
      'softmax',
    ],
    [['ce', '1', '2', '-y', '0', '-y', '1'], "option --target was given twice ('0' and '1'); give it once", 'ce'],
    [
      ['-f', 'json', 'softmax', '1', '--format=tsv'],
      "option --format was given twice ('json' and 'tsv'); give it once",
      'softmax',
    ],
    // A control character the user typed is shown escaped: the message stays on one line.
    [
      ['entropy', '--base', 'c0\n0', '--base', '2\t', '--', '1'],
      "option --base was given twice ('c0\\n0' and '2\\t'); give it once",
      'entropy',
    ],
  ])('%j is refused', async (argv, message, command) => {
    const r = await xent(argv, { files: { 'a.csv': '1 2', 'b.csv': '3 4' } });
    expect(r).toEqual({ code: 2, stdout: '', stderr: `xent: error: ${message}\nTry 'xent ${command} --help'.\n` });
  });

  it('the same value twice is harmless', async () => {
    expect((await xent(['softmax', '1', '2', '-t', '2', '--temperature=2', '-f', 'value'])).code).toBe(0);
  });

  it.each([
    [
      ['softmax', '1', '2', '-t', '2', '-t', '2.0'],
      ['softmax', '1', '2', '-t', '2'],
    ],
    [
      ['softmax', '1', '2', '-t', '0.5', '-t', '5e-1', '-t', '.5'],
      ['softmax', '1', '2', '-t', '0.5'],
    ],
    [
      ['-p', '3', 'softmax', '1', '2', '-p', '03', '-f', 'table'],
      ['softmax', '1', '2', '-p', '3', '-f', 'table'],
    ],
    [
      ['ce', '1,2;3,4', '-y', '0,1', '-y', ' 0, 1 '],
      ['ce', '1,2;3,4', '-y', '0,1'],
    ],
    [
      ['ce', '1,2;3,4', '-y', '0,1', '-y', '０，１', '-w', '1,2', '-w', '1.0 2.0'],
      ['ce', '1,2;3,4', '-y', '0,1', '-w', '1,2'],
    ],
    [
      ['softmax', '1', '2', '-f', 'json', '-f', ' json'],
      ['softmax', '1', '2', '-f', 'json'],
    ],
  ])('%j means the same value twice: as %j', async (argv, once) => {
    expect(await xent(argv)).toEqual(await xent(once));
  });

  it.each([
    [
      ['softmax', '1', '2', '-t', '2', '-t', '2.5'],
      "option --temperature was given twice ('2' and '2.5'); give it once",
    ],
    [
      ['ce', '1,2;3,4', '-y', '0,1', '-y', '0,1,1'],
      "option --target was given twice ('0,1' and '0,1,1'); give it once",
    ],
    [['ce', '1,2;3,4', '-y', '0,1', '-y', '1,0'], "option --target was given twice ('0,1' and '1,0'); give it once"],
    [['ce', '1,2;3,4', '-y', 'diag', '-y', '0,1'], "option --target was given twice ('diag' and '0,1'); give it once"],
  ])('%j: different values are refused', async (argv, message) => {
    expect((await xent(argv)).stderr.split('\n')[0]).toBe(`xent: error: ${message}`);
  });

  it('a flag given twice is harmless', async () => {
    const r = await xent(['softmax', '1', '2', '--log', '--log', '-f', 'value']);
    expect(r.code).toBe(0);
  });
});
