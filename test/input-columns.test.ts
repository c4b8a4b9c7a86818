// The CLI on the tables people have (README "Input"): pandas' index and integer column
// names, row labels, copied prefixes, --cols / --drop-cols / --index-col / --header, and
// targets from a column (-y col:NAME) for every command that takes targets. Each rule is
// checked on a streamed reading (-f tsv, -f value) and a whole one (-f json): the same numbers.
import { describe, expect, it } from 'vitest';
import { tsvRows, xent } from './helpers/cli.js';

const EN = { LANG: 'en_US.UTF-8' };
const ZH = { LANG: 'zh_CN.UTF-8' };
const M = '2,0.5,-1\n0.3,1.8,0.2\n';
/** softmax of M, row by row, as TSV. */
const PROBS = async () => tsvRows((await xent(['softmax', M, '-f', 'tsv'])).stdout);

/** softmax's probabilities of a file, streamed (-f tsv) and whole (-f json): they must agree. */
async function bothWays(argv: string[], files: Record<string, string>, env = EN) {
  const streamed = await xent(['softmax', ...argv, '-f', 'tsv'], { files, env });
  const whole = await xent(['softmax', ...argv, '-f', 'json'], { files, env });
  expect(streamed.code, streamed.stderr).toBe(0);
  expect(whole.code, whole.stderr).toBe(0);
  expect(whole.stderr).toBe(streamed.stderr);
  const rows = tsvRows(streamed.stdout);
  const json = JSON.parse(whole.stdout) as { probs: number[][]; row_labels?: string[] };
  // After the TSV's header line, if it has one.
  expect(json.probs).toEqual(rows.slice(rows.length - json.probs.length));
  return { probs: json.probs, rowLabels: json.row_labels, stderr: streamed.stderr, tsv: streamed.stdout };
}

describe('pandas to_csv with its index', () => {
  const PANDAS = ',a,b,c\n0,2,0.5,-1\n1,0.3,1.8,0.2\n';

  it('the index is row labels, said on stderr in the user language, whole and streamed', async () => {
    const r = await bothWays(['-i', 'p.csv'], { 'p.csv': PANDAS });
    expect(r.probs).toEqual(await PROBS());
    expect(r.rowLabels).toEqual(['0', '1']);
    expect(r.tsv.split('\n')[0]).toBe('a\tb\tc');
    expect(r.stderr).toBe(
      "xent: warning: column 1 of 'p.csv' has no name in the header, as pandas writes its index: read as row labels, not data (--index-col none reads it as data)\n",
    );
    const zh = await xent(['softmax', '-i', 'p.csv', '-f', 'tsv'], { files: { 'p.csv': PANDAS }, env: ZH });
    expect(zh.stderr).toBe(
      'xent: 警告：“p.csv”的第 1 列在表头中没有名字，pandas 写出的索引列就是这样：读作行标签，而不是数据（--index-col none 把它读作数据）\n',
    );
  });

  it('ce: the targets are the classes they were meant to be (no shift by the index)', async () => {
    const plain = await xent(['ce', M, '-y', '0,2', '-f', 'value']);
    for (const format of ['value', 'json']) {
      const r = await xent(['ce', '-i', 'p.csv', '-y', '0,2', '-f', format], { files: { 'p.csv': PANDAS } });
      expect(r.code, r.stderr).toBe(0);
      const loss = format === 'json' ? (JSON.parse(r.stdout) as { loss: number }).loss : Number(r.stdout);
      expect(loss).toBe(Number(plain.stdout));
    }
  });

  it('--index-col none: the index is a column of data again', async () => {
    const r = await xent(['softmax', '-i', 'p.csv', '--index-col', 'none', '-f', 'json'], {
      files: { 'p.csv': PANDAS },
    });
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as { probs: number[][] }).probs[0]).toHaveLength(4);
  });

  it('integer column names and the index: both found', async () => {
    const r = await bothWays(['-i', 'p.csv'], { 'p.csv': ',0,1,2\n0,2,0.5,-1\n1,0.3,1.8,0.2\n' });
    expect(r.probs).toEqual(await PROBS());
    expect(r.tsv.split('\n')[0]).toBe('0\t1\t2');
  });

  it('rows labelled in tables and JSON', async () => {
    const files = { 'p.csv': ',a,b,c\ncat,2,0.5,-1\ndog,0.3,1.8,0.2\n' };
    const table = await xent(['softmax', '-i', 'p.csv', '-f', 'table'], { files });
    expect(table.stdout).toMatch(/│ cat +│/);
    expect(table.stdout).toMatch(/│ dog +│/);
    const ce = await xent(['ce', '-i', 'p.csv', '-y', '0,1', '-f', 'json'], { files });
    expect((JSON.parse(ce.stdout) as { row_labels: string[] }).row_labels).toEqual(['cat', 'dog']);
  });
});

describe('a header of integers', () => {
  it('0…C−1 above fractions: a header, said on stderr; --header no reads it as data', async () => {
    const files = { 'i.csv': `0,1,2\n${M}` };
    const r = await bothWays(['-i', 'i.csv'], files);
    expect(r.probs).toEqual(await PROBS());
    expect(r.stderr).toBe(
      "xent: warning: the first row of 'i.csv' (0 … 2) is read as a header of column names, as pandas writes integer names (--header no reads it as data)\n",
    );
    const zh = await xent(['softmax', '-i', 'i.csv', '-f', 'tsv'], { files, env: ZH });
    expect(zh.stderr).toBe(
      'xent: 警告：“i.csv”的第一行（0 … 2）读作列名表头，这是 pandas 写出整数列名的方式（--header no 把它读作数据）\n',
    );
    const data = await bothWays(['-i', 'i.csv', '--header', 'no'], files);
    expect(data.probs).toHaveLength(3);
    expect(data.stderr).toBe('');
  });

  it('on stdin too; typed as arguments it is data', async () => {
    const piped = await xent(['softmax', '-f', 'tsv'], { stdin: `1,2,3\n${M}` });
    expect(tsvRows(piped.stdout).slice(1)).toEqual(await PROBS());
    const typed = await xent(['softmax', '1,2,3; 2,0.5,-1', '-f', 'tsv']);
    expect(typed.stderr).toBe('');
    expect(tsvRows(typed.stdout)).toHaveLength(2);
  });

  it('--header yes: any first line names the columns', async () => {
    const r = await xent(['softmax', '7 8 9; 2 0.5 -1', '--header', 'yes', '-f', 'tsv']);
    expect(r.stdout.split('\n')[0]).toBe('7\t8\t9');
  });
});

describe('row labels in the first column, copied prefixes', () => {
  it('cat 3.2 / dog 5.1: labels, whitespace or commas, whole and streamed', async () => {
    for (const text of ['cat 2 0.5 -1\ndog 0.3 1.8 0.2\n', 'cat,2,0.5,-1\ndog,0.3,1.8,0.2\n']) {
      const r = await bothWays(['-i', 't.txt'], { 't.txt': text });
      expect(r.probs).toEqual(await PROBS());
      expect(r.rowLabels).toEqual(['cat', 'dog']);
      expect(r.stderr).toBe(
        "xent: warning: column 1 of 't.txt' begins with the word 'cat': read as row labels, not data (--index-col none refuses it)\n",
      );
    }
  });

  it.each([['z = [2, 0.5, -1]'], ['scores = 2 0.5 -1'], ['Input: [2, 0.5, -1]'], ['logits:\n2 0.5 -1']])(
    '%j: the prefix is left out',
    async (text) => {
      const r = await xent(['softmax', text, '-f', 'tsv']);
      expect(r).toEqual({ code: 0, stderr: '', stdout: (await xent(['softmax', '2 0.5 -1', '-f', 'tsv'])).stdout });
    },
  );
});

describe('--cols, --drop-cols and -y col:NAME', () => {
  const TABLE = 'id,file,a,b,c,label\n7,x.png,2,0.5,-1,a\n8,y.png,0.3,1.8,0.2,c\n';
  const files = { 't.csv': TABLE };

  it.each([
    [['--drop-cols', 'id,file,label']],
    [['--drop-cols', '1-2,6']],
    [['--cols', 'a,b,c']],
    [['--cols', '3-5']],
    [['--drop-cols', 'id,2,label']],
  ])('%j: the data columns alone', async (argv) => {
    const r = await bothWays(['-i', 't.csv', ...argv], files);
    expect(r.probs).toEqual(await PROBS());
    expect(r.tsv.split('\n')[0]).toBe('a\tb\tc');
  });

  it('-y col:label: class names matching the header, or numbers; ce streamed and whole agree', async () => {
    const expected = Number((await xent(['ce', M, '-y', '0,2', '-f', 'value'])).stdout);
    const named = 'id,file,a,b,c,label\n7,x.png,2,0.5,-1,a\n8,y.png,0.3,1.8,0.2,c\n';
    const numbered = 'a,b,c,y\n2,0.5,-1,0\n0.3,1.8,0.2,2\n';
    const oneBased = 'a,b,c,y\n2,0.5,-1,1\n0.3,1.8,0.2,3\n';
    for (const [text, extra] of [
      [named, ['--drop-cols', 'id,file', '-y', 'col:label']],
      [named, ['--cols', '3-5', '-y', 'col:6']],
      [numbered, ['-y', 'col:y']],
      [oneBased, ['-y', 'col:4', '--one-based']],
    ] as const) {
      for (const format of ['value', 'json']) {
        const r = await xent(['ce', '-i', 't.csv', ...extra, '-f', format], { files: { 't.csv': text } });
        expect(r.code, r.stderr).toBe(0);
        const loss = format === 'json' ? (JSON.parse(r.stdout) as { loss: number }).loss : Number(r.stdout);
        expect(loss, JSON.stringify(extra)).toBe(expected);
      }
    }
  });

  it('ce -f value streams the chosen columns as -f json reads them whole', async () => {
    const expected = Number((await xent(['ce', M, '-y', '0,2', '-f', 'value'])).stdout);
    for (const format of ['value', 'json']) {
      const r = await xent(['ce', '-i', 't.csv', '--drop-cols', 'id,file,label', '-y', '0,2', '-f', format], { files });
      const loss = format === 'json' ? (JSON.parse(r.stdout) as { loss: number }).loss : Number(r.stdout);
      expect(loss, r.stderr).toBe(expected);
    }
  });

  it('every command that takes targets reads them from a column: descend, supcon, bce', async () => {
    const files2 = { 't.csv': 'a,b,c,y\n2,0.5,-1,0\n0.3,1.8,0.2,2\n' };
    const descend = await xent(['descend', '-i', 't.csv', '-y', 'col:y', '--steps', '2', '-f', 'tsv'], {
      files: files2,
    });
    expect(descend.stdout).toBe((await xent(['descend', M, '-y', '0,2', '--steps', '2', '-f', 'tsv'])).stdout);
    const emb = 'e1,e2,who\n1,0,cat\n0.9,0.1,cat\n0,1,dog\n0.1,0.9,dog\n';
    const supcon = await xent(['supcon', '-i', 'e.csv', '-y', 'col:who', '-f', 'value'], { files: { 'e.csv': emb } });
    expect(supcon.stdout).toBe(
      (await xent(['supcon', '1,0; 0.9,0.1; 0,1; 0.1,0.9', '-y', '0,0,1,1', '-f', 'value'])).stdout,
    );
    const bce = await xent(['bce', '--targets', 'col:label', '-f', 'value'], { stdin: 'logit,label\n2,1\n-1,0\n' });
    expect(bce.stdout).toBe((await xent(['bce', '2; -1', '--targets', '1; 0', '-f', 'value'])).stdout);
  });

  it('a word in a data column: an error naming it, with the options that fix it', async () => {
    const r = await xent(['softmax', '-i', 't.csv'], { files, env: EN });
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "xent: error: 'x.png' at row 1, column 2 of 't.csv' is not a number; if that column holds labels or ids, --index-col 2 reads it as row labels, --drop-cols 2 leaves it out, -y col:2 takes the targets from it\n",
    });
  });

  it('bad choices are usage errors that name the option, in both languages', async () => {
    const cases: [string[], string, string][] = [
      [
        ['--cols', 'd'],
        "xent: error: --cols names the column 'd', which the header of 't.csv' does not have (it has: id, file, a, b, c, label)",
        'xent: 错误：--cols 指定了列“d”，但“t.csv”的表头中没有这一列（表头中有：id、file、a、b、c、label）',
      ],
      [
        ['--drop-cols', '0'],
        'xent: error: --drop-cols names column 0, but columns are numbered from 1, as in error messages',
        'xent: 错误：--drop-cols 指定了第 0 列，但列号从 1 开始（与错误信息中的一致）',
      ],
      [
        ['--cols', '9'],
        "xent: error: --cols names column 9, but the rows of 't.csv' have 6 columns",
        'xent: 错误：--cols 指定了第 9 列，但“t.csv”每行只有 6 列',
      ],
    ];
    for (const [argv, en, zh] of cases) {
      for (const [env, text] of [
        [EN, en],
        [ZH, zh],
      ] as const) {
        const r = await xent(['softmax', '-i', 't.csv', ...argv], { files, env });
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr.split('\n')[0]).toBe(text);
      }
    }
  });

  it('a class name the header lacks, and a target column with no input to read', async () => {
    const r = await xent(['ce', '-i', 't.csv', '--drop-cols', 'id,file', '-y', 'col:label'], {
      files: { 't.csv': 'id,file,a,b,label\n7,x.png,1,2,b\n8,y.png,3,1,zebra\n' },
    });
    expect(r.stderr).toBe(
      "xent: error: row 2 of 't.csv': the target 'zebra' in column 5 is not a class; the classes are a, b (or give class numbers)\n",
    );
    const none = await xent(['ce', '--example', '-y', 'col:2']);
    expect(none.code).toBe(2);
    expect(none.stderr.split('\n')[0]).toBe(
      'xent: error: -y, --target col:… takes the targets from a column of the input, and this run reads none',
    );
  });
});
