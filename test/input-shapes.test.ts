// What the input's shape and values say about what the user meant: a column vector (one
// number per line) where each row is one item's classes is refused, and probabilities given
// as logits to ce or clip are warned of, whole and streamed alike. Old-Mac line endings (CR
// alone) end rows from a file as from stdin.
import { describe, expect, it } from 'vitest';
import { xent } from './helpers/cli.js';

const COLUMN_EN = (source: string, command: string) =>
  `xent: error: every row of ${source} holds one number (a column vector): each row would be one class, whose probability is always 1 and loss 0. For one vector of classes, write it as one row: 2 0.5 -1 or [2, 0.5, -1] (a column in a file: paste -sd' ' FILE | xent ${command})\n`;

describe('a column vector', () => {
  it.each([
    [['softmax', '[2; 0.5; -1]'], undefined, 'the arguments', 'softmax'],
    [['softmax'], '2\n0.5\n-1\n', 'standard input', 'softmax'],
    [['softmax', '-f', 'tsv'], '2\r0.5\r-1\r', 'standard input', 'softmax'],
    [['ce', '-y', '0'], '2\n0.5\n-1\n', 'standard input', 'ce'],
    [['ce', '-y', '0,0,0', '-f', 'value'], '2\n0.5\n-1\n', 'standard input', 'ce'],
    [['ce', '-y', '0,0,0', '-f', 'value', '-i', 'col.txt'], undefined, "'col.txt'", 'ce'],
    [['entropy', '1;1'], undefined, 'the arguments', 'entropy'],
    [['descend', '2;0.5', '-y', '0,0', '--steps', '1'], undefined, 'the arguments', 'descend'],
  ])('%j (stdin %j) is refused, nothing printed', async (argv, stdin, source, command) => {
    const r = await xent(argv, { stdin, files: { 'col.txt': '2\n0.5\n-1\n' } });
    expect(r).toEqual({ code: 2, stdout: '', stderr: COLUMN_EN(source, command) });
  });

  it('is said in Chinese too', async () => {
    const r = await xent(['softmax', '2;1'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.stderr).toBe(
      "xent: 错误：命令行参数的每一行只有一个数（列向量）：这样每行都是只有一个类别的分布，概率总是 1，损失总是 0。如果这是一个类别向量，请写成一行：2 0.5 -1 或 [2, 0.5, -1]（文件中的一列：paste -sd' ' FILE | xent softmax）\n",
    );
  });

  it.each([
    [['softmax', '5', '-f', 'value'], '1\n'],
    [['softmax', '--axis', 'col', '2;0', '-f', 'tsv'], '0.8807970779778823\n0.11920292202211755\n'],
    [['bce', '--targets', '1;0', '0;0', '-f', 'value'], `${Math.log(2)}\n`],
  ])('%j is read: one number, a softmax down the column, a loss of one logit per row', async (argv, stdout) => {
    expect(await xent(argv)).toEqual({ code: 0, stdout, stderr: '' });
  });
});

describe('probabilities given as logits', () => {
  const WARN_CE =
    'xent: warning: every row of standard input is in [0, 1] and sums to 1: these look like probabilities, but ce reads logits (and applies softmax to them); give --probs if they are probabilities\n';

  it.each([[['ce', '-y', '0,1']], [['ce', '-y', '0,1', '-f', 'value']], [['ce', '-y', '0,1', '-f', 'json']]])(
    '%j warns, whole and streamed, and still computes',
    async (argv) => {
      const r = await xent(argv, { stdin: '0.7,0.2,0.1\n0.1,0.8,0.1\n' });
      expect(r.code).toBe(0);
      expect(r.stdout).not.toBe('');
      expect(r.stderr).toBe(WARN_CE);
    },
  );

  it('clip warns without suggesting an option it does not have', async () => {
    const r = await xent(['clip', '0.9,0.1;0.2,0.8', '-f', 'value']);
    expect(r.stderr).toBe(
      'xent: warning: every row of the arguments is in [0, 1] and sums to 1: these look like probabilities, but clip reads logits (scaled similarities) and applies softmax to them\n',
    );
  });

  it.each([
    ['with --probs', ['ce', '-y', '0,1', '--probs', '-f', 'value'], '0.7,0.2,0.1\n0.1,0.8,0.1\n'],
    ['one row of logits among them', ['ce', '-y', '0,1', '-f', 'value'], '0.7,0.2,0.1\n2,0.5,-1\n'],
    ['rows in [0, 1] not summing to 1', ['ce', '-y', '0,1', '-f', 'value'], '0.7,0.2,0.3\n0.1,0.8,0.1\n'],
    ['softmax (no such warning)', ['softmax', '-f', 'tsv'], '0.7,0.2,0.1\n'],
  ])('no warning %s', async (_name, argv, stdin) => {
    const r = await xent(argv, { stdin });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('CR line endings', () => {
  it.each([
    ['ce', '-y', '0,1', '-f', 'value'],
    ['softmax', '-f', 'tsv'],
    ['entropy', '-f', 'value'],
  ])('%s … reads a CR-only file and a CRLF file as the LF file', async (...argv) => {
    const lf = 'a,b,c\n0.2,0.5,0.3\n0.6,0.3,0.1\n';
    const files = { 'lf.csv': lf, 'cr.csv': lf.replace(/\n/g, '\r'), 'crlf.csv': lf.replace(/\n/g, '\r\n') };
    // (The rows are distributions: ce warns, naming the file.)
    const read = async (file: string) => {
      const r = await xent([...argv, '-i', file], { files });
      return { ...r, stderr: r.stderr.replace(file, 'FILE') };
    };
    const expected = await read('lf.csv');
    expect(expected.code).toBe(0);
    for (const file of ['cr.csv', 'crlf.csv']) expect(await read(file)).toEqual(expected);
    expect(await xent(argv, { stdin: files['cr.csv'] })).toEqual(await xent(argv, { stdin: lf }));
  });
});
