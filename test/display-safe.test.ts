// Text from the user reaches the terminal inert: a CSV header holding ESC c (which resets a
// terminal), a C1 CSI (U+009B), a bidi override (U+202E) or a direction mark is printed as
// a visible escape in every format, in explanations, errors and the progress line.
import { COMMANDS } from '../src/commands/index.js';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run.js';
import { displaySafe, displaySafeLines } from '../src/format/display-safe.js';
import { xent } from './helpers/cli.js';

// What must not reach stdout raw (a tab and a newline are xent's own separators).
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('displaySafe', () => {
  it.each([
    ['a\u001bcb', 'a\\x1bcb'],
    ['\u0000\u0007\u001f', '\\x00\\x07\\x1f'],
    ['one\ntwo\rthree\tfour', 'one\\ntwo\\rthree\\tfour'],
    ['del\u007f', 'del\\x7f'],
    ['\u0080\u009b2J\u009f', '\\x80\\x9b2J\\x9f'],
    ['evil\u202egnp.exe', 'evil\\u202egnp.exe'],
    ['\u202a\u202b\u202c\u202d', '\\u202a\\u202b\\u202c\\u202d'],
    ['\u2066x\u2067y\u2068z\u2069', '\\u2066x\\u2067y\\u2068z\\u2069'],
    ['\u200el\u200fr\u061ca', '\\u200el\\u200fr\\u061ca'],
    ['line\u2028para\u2029', 'line\\u2028para\\u2029'],
  ])('writes %j as %j', (raw, shown) => {
    expect(displaySafe(raw)).toBe(shown);
  });

  it.each([
    'plain ASCII, with (brackets) and \\ backslash',
    '概率 行',
    'café',
    '😀',
    '—…✓✗█▏',
    '\u00a0no-break',
    'ab\u200bzero-width',
  ])('leaves %j as it is', (text) => {
    expect(displaySafe(text)).toBe(text);
  });

  it('keeps the line breaks of a sentence in two languages, and escapes the rest', () => {
    expect(displaySafeLines('概率 \u001b[2J\nProbability \u202e')).toBe('概率 \\x1b[2J\nProbability \\u202e');
  });
});

// A header with ESC c (reset), BEL, a C1 CSI, an isolate, a right-to-left mark, an Arabic
// letter mark, a line separator and DEL.
const HEADER = 'a\u001bc\u0007,\u009b2J\u2066x,\u200f\u061cy\u2028z\u007f';
const SHOWN = ['a\\x1bc\\x07', '\\x9b2J\\u2066x', '\\u200f\\u061cy\\u2028z\\x7f'];
const INPUT = `${HEADER}\n1,2,3\n`;

describe('labels from a header are printed inert', () => {
  it.each(
    [
      ['softmax', '-f', 'table'],
      ['softmax', '-f', 'markdown'],
      ['softmax', '-f', 'tsv'],
      ['softmax', '-f', 'csv'],
      ['softmax', '-f', 'json'],
      ['softmax', '--explain'],
      ['softmax', '--explain', '-f', 'markdown'],
      ['softmax', '--explain', '-f', 'json'],
      ['ce', '-y', '0', '-g', '-f', 'table'],
      ['ce', '-y', '0', '-g', '-f', 'tsv'],
      ['ce', '-y', '0', '--explain'],
      ['ce', '-y', '0', '--explain', '-f', 'markdown'],
      ['ce', '-y', '0', '-f', 'table', '--heatmap'],
      ['bce', '--targets', '1,0,1', '-f', 'csv'],
      ['softmax', '-f', 'table', '-L', 'both'],
    ].map((argv) => [argv.join(' '), argv]),
  )('%s: nothing raw on stdout', async (_name, argv) => {
    const r = await xent(argv, { stdin: INPUT });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(RAW);
  });

  it('a table shows each name escaped, the columns as wide as the escapes', async () => {
    const r = await xent(['softmax', '-f', 'table'], { stdin: INPUT });
    expect(r.stdout.split('\n').slice(1, 6)).toEqual([
      '┌─────┬──────────────────┬──────────────────┬──────────────────────────┐',
      '│ row │       a\\x1bc\\x07 │    \\x9b2J\\u2066x │ \\u200f\\u061cy\\u2028z\\x7f │',
      '├─────┼──────────────────┼──────────────────┼──────────────────────────┤',
      '│ 1   │ 0.0900  ▊        │ 0.2447  ██       │         0.6652* █████▍   │',
      '└─────┴──────────────────┴──────────────────┴──────────────────────────┘',
    ]);
  });

  it('markdown shows each name escaped', async () => {
    const r = await xent(['softmax', '-f', 'markdown'], { stdin: INPUT });
    expect(r.stdout.split('\n')[2]).toBe(`| row | ${SHOWN[0]} | ${SHOWN[1]} | ${SHOWN[2]} |`);
  });

  it.each([
    ['tsv', '\t'],
    ['csv', ','],
  ])('%s: a header line of the escaped names, which reads back as the same header', async (format, separator) => {
    const first = await xent(['softmax', '-f', format], { stdin: INPUT });
    const header = first.stdout.split('\n')[0];
    expect(header).toBe(SHOWN.join(separator));
    // Read back: the escapes are plain text now, the width is the same, and they print unchanged.
    const again = await xent(['softmax', '-f', format], { stdin: first.stdout });
    expect(again.code).toBe(0);
    expect(again.stdout.split('\n')[0]).toBe(header);
    expect(again.stdout.split('\n')[1].split(separator)).toHaveLength(3);
  });

  it('tsv and csv made as a whole (not streamed) escape the same way', async () => {
    const r = await xent(['bce', '--targets', '1,0,1', '-f', 'tsv'], { stdin: INPUT });
    expect(r.stdout.split('\n')[0]).toBe(SHOWN.join('\t'));
  });

  it('a tab or a comma in a name keeps the line one field per column', async () => {
    const tsv = await xent(['softmax', '-f', 'tsv'], { stdin: '"a\tb","c,d"\n1,2\n' });
    expect(tsv.stdout).toBe('a\\tb\tc,d\n0.2689414213699951\t0.7310585786300049\n');
    const csv = await xent(['softmax', '-f', 'csv'], { stdin: '"a\tb","c,d"\n1,2\n' });
    expect(csv.stdout).toBe('a\\tb,"c,d"\n0.2689414213699951,0.7310585786300049\n');
  });

  it('JSON keeps the names exactly: the escapes read back as the characters', async () => {
    const r = await xent(['ce', '-y', '0', '--explain', '-f', 'json'], { stdin: INPUT });
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).toContain('\\u009b2J\\u2066x');
    const text = JSON.stringify(JSON.parse(r.stdout));
    expect(text).toContain('a\\u001bc\\u0007');
    expect(JSON.parse(r.stdout).explanation.steps[0].heading).toContain('a\u001bc\u0007');
  });

  it('the explanation names the class escaped', async () => {
    const r = await xent(['ce', '-y', '0', '--explain'], { stdin: INPUT });
    expect(r.stdout).toContain(`1. Softmax: the probability of the target class ${SHOWN[0]}`);
  });
});

describe('errors and the progress line', () => {
  it('an error quotes a token with C1 and bidi characters as escapes', async () => {
    const r = await xent(['softmax', '1', 'a\u202eb\u009b', '2']);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "xent: error: 'a\\u202eb\\x9b' at row 1, column 2 of the arguments is not a number (allowed: numbers such as 2, -0.5, .5, 1e-3, and inf, -inf)\n",
    });
  });

  it('an error names a file with an ESC and an override in its name as escapes', async () => {
    const r = await xent(['softmax', '-i', '/nonexistent/no\u001bfile\u202e.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("xent: error: cannot read '/nonexistent/no\\x1bfile\\u202e.csv': no such file\n");
  });

  it('the progress line names the file with escapes', async () => {
    const shown: string[] = [];
    const path = 'big\u001b]0;owned\u0007\u202e.csv';
    const r = await runCli(
      {
        argv: ['softmax', '-i', path, '-f', 'value'],
        env: { LANG: 'C' },
        stdoutIsTTY: false,
        stdinIsTTY: true,
        readStdin: async () => new Uint8Array(),
        readFile: async () => new Uint8Array(),
        // Two chunks a little over a second apart: the progress line appears after a second.
        openInput: async function* () {
          yield new TextEncoder().encode('1,2\n');
          await new Promise((resolve) => setTimeout(resolve, 1100));
          yield new TextEncoder().encode('3,4\n');
        },
        progress: (line) => shown.push(line),
      },
      COMMANDS,
    );
    expect(r.code).toBe(0);
    expect(shown[0]).toBe("reading 'big\\x1b]0;owned\\x07\\u202e.csv': 0.0 MB, 2 rows");
    expect(shown.at(-1)).toBe('');
  });
});
