// Every list option takes @FILE as --target-probs does (`-y @targets.txt`: one per line, or
// any notation the input takes), read in chunks as -i reads a file: the same numbers inline
// and in a file give the same output, and a million targets are read.
import { describe, expect, it } from 'vitest';
import { xent } from './helpers/cli.js';

const files = {
  'targets.txt': '0\n2\n1\n',
  'targets.json': '[0, 2, 1]',
  'targets-crlf.csv': 'target\r\n0\r\n2\r\n1\r\n',
  'weights.csv': '1,1,3\n',
  'k.txt': '1\n2\n',
  'pos.txt': '2 0.5\n',
  'labels.txt': '0\n0\n1\n1\n',
  'claim.txt': '0.79\n0.18\n0.039\n',
  'embeddings.csv': '1,0\n0.9,0.1\n0,1\n0.1,0.9\n',
};
const LOGITS = '2,0.5,-1; 0.3,1.8,0.2; 1,1,1';

describe('@FILE for list options', () => {
  it.each([
    [
      ['ce', LOGITS, '-y', '@targets.txt'],
      ['ce', LOGITS, '-y', '0,2,1'],
    ],
    [
      ['ce', LOGITS, '-y', '@targets.json'],
      ['ce', LOGITS, '-y', '0,2,1'],
    ],
    [
      ['ce', LOGITS, '-y', '@targets-crlf.csv'],
      ['ce', LOGITS, '-y', '0,2,1'],
    ],
    [
      ['ce', LOGITS, '-y', '@targets.txt', '-w', '@weights.csv'],
      ['ce', LOGITS, '-y', '0,2,1', '-w', '1,1,3'],
    ],
    [
      ['ce', LOGITS, '-y', '@targets.txt', '--top-k', '@k.txt'],
      ['ce', LOGITS, '-y', '0,2,1', '--top-k', '1,2'],
    ],
    [
      ['bce', '0.5,-1; 2,0', '--targets', '1,0;0,1', '--pos-weight', '@pos.txt'],
      ['bce', '0.5,-1; 2,0', '--targets', '1,0;0,1', '--pos-weight', '2,0.5'],
    ],
    [
      ['supcon', '-i', 'embeddings.csv', '--labels', '@labels.txt'],
      ['supcon', '-i', 'embeddings.csv', '--labels', '0,0,1,1'],
    ],
    [
      ['descend', LOGITS, '-y', '@targets.txt', '--steps', '3'],
      ['descend', LOGITS, '-y', '0,2,1', '--steps', '3'],
    ],
    [
      ['softmax', '2', '0.5', '-1', '--expect', '@claim.txt'],
      ['softmax', '2', '0.5', '-1', '--expect', '0.79,0.18,0.039'],
    ],
    [
      ['softmax', '2', '0.5', '-1', '--expect', 'probs=@claim.txt'],
      ['softmax', '2', '0.5', '-1', '--expect', 'probs=0.79,0.18,0.039'],
    ],
  ])('%j gives what %j gives', async (fromFile, inline) => {
    const expected = await xent(inline, { files });
    expect(expected.code, expected.stderr).toBe(0);
    expect(await xent(fromFile, { files })).toEqual(expected);
  });

  it('a missing file is named', async () => {
    expect(await xent(['ce', LOGITS, '-y', '@missing.txt'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "xent: error: cannot read 'missing.txt': no such file\n",
    });
    expect((await xent(['softmax', '1', '2', '--expect', '@missing.txt'])).stderr).toBe(
      "xent: error: cannot read 'missing.txt': no such file\n",
    );
  });

  it('a bad entry in the file is named with its row and the file', async () => {
    const r = await xent(['ce', LOGITS, '-y', '@t.txt'], { files: { 't.txt': '0\n2\nx\n' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/row 3, column 1 of 't\.txt'/);
  });

  it('a million targets are read from a file', async () => {
    const rows = 1_000_000;
    // Every row is [0, 2]; targets alternate 0, 1: the mean loss is log(1 + e²) − 1.
    const r = await xent(['ce', '-i', 'logits.csv', '-y', '@targets.txt', '-f', 'value'], {
      files: { 'logits.csv': '0,2\n'.repeat(rows), 'targets.txt': '0\n1\n'.repeat(rows / 2) },
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(Number(r.stdout)).toBeCloseTo(Math.log(1 + Math.exp(2)) - 1, 9);
  });
});
