// Outputs and checks over 200,000 rows or values: each of these once ended in "Maximum call
// stack size exceeded" (exit 70), from an array spread into the arguments of a call
// (Math.max(...widths), push(...rows)). test/no-spread-calls.test.ts keeps such calls out;
// these run the paths themselves. No timing is asserted.
import { describe, expect, it } from 'vitest';
import { xent } from './helpers/cli.js';

const N = 200_000;
const rows = (line: string) => `${line}\n`.repeat(N);
const oneRow = Array.from({ length: N }, (_, j) => String(j % 7)).join(',') + '\n';

function lines(text: string): string[] {
  return text.split('\n');
}

// Big inputs on a busy machine: a generous limit, so that only a hang fails.
describe(`${N.toLocaleString('en')} rows or values`, { timeout: 120_000 }, () => {
  it('-f table in a pipe prints every row', async () => {
    const r = await xent(['softmax', '-f', 'table'], { stdin: rows('1,2') });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    // title, top, header, rule, the rows, bottom, footnote, ''
    expect(out).toHaveLength(N + 7);
    expect(out[4]).toBe('│ 1      │ 0.2689  ██▏      │ 0.7311* █████▉   │');
    expect(out[N + 3]).toBe('│ 200000 │ 0.2689  ██▏      │ 0.7311* █████▉   │');
  });

  it('-f table --full on a terminal prints every row', async () => {
    const r = await xent(['softmax', '-f', 'table', '--full'], {
      stdin: rows('1,2'),
      tty: true,
      env: { LANG: 'C', NO_COLOR: '1' },
    });
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toHaveLength(N + 7);
  });

  it('-f markdown prints every row', async () => {
    const r = await xent(['softmax', '-f', 'markdown'], { stdin: rows('1,2') });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out[4]).toBe('| 1      | 0.2689 | **0.7311** |');
    expect(out[N + 3]).toBe('| 200000 | 0.2689 | **0.7311** |');
  });

  it('--heatmap shades every row', async () => {
    const r = await xent(['softmax', '-f', 'table', '--heatmap'], { stdin: rows('1,3') });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(lines(r.stdout)[N + 3]).toBe('│ 200000 │  0.1192  ░ │  0.8808* █ │');
  });

  it('--heatmap on a gradient of every row (a range from the largest magnitude)', async () => {
    const r = await xent(['ce', '-y', Array(N).fill('0').join(','), '-r', 'sum', '-g', '-f', 'table', '--heatmap'], {
      stdin: rows('1,3'),
    });
    expect(r.code).toBe(0);
    expect(lines(r.stdout).filter((line) => line.startsWith('│ 200000 '))).toEqual([
      '│ 200000 │      0 │       1 │  0.1192  ░ │ 2.1269  │       ✗ │',
      '│ 200000 │  -0.8808  █ │  0.8808  █ │',
    ]);
  });

  it('softmax --explain on one row', async () => {
    const r = await xent(['softmax', '--explain'], { stdin: oneRow });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Σ = ');
  });

  it('ce --explain on one row', async () => {
    const r = await xent(['ce', '-y', '0', '--explain'], { stdin: oneRow });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('--expect against a quantity with every value of the row', async () => {
    const r = await xent(['softmax', '--expect', '0.5'], { stdin: oneRow });
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: `xent: error: --expect: probs has ${N} value(s), but 1 were given; give one value for each\nTry 'xent softmax --help'.\n`,
    });
  });

  it('ce --probs with every row off by more than 0.001: 20 warnings, a count of the rest, the loss', async () => {
    const r = await xent(['ce', '--probs', '--target-probs', '@q', '-f', 'value'], {
      stdin: rows('0.5,0.4'),
      files: { q: rows('1,0') },
    });
    expect(r.code).toBe(0);
    expect(Number(r.stdout)).toBeCloseTo(-Math.log(0.5), 9);
    expect(r.stderr).toContain('row 20 of the probabilities sums to 0.9');
    expect(r.stderr).toContain(`… and ${N - 20} more warnings like this`);
  });

  it('ce --target-probs with every row off by more than 0.001', async () => {
    const r = await xent(['ce', '--target-probs', '@q', '-f', 'value'], {
      stdin: rows('1,2'),
      files: { q: rows('0.5,0.4') },
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('row 20 of --target-probs sums to 0.9');
    expect(r.stderr).toContain(`… and ${N - 20} more warnings like this`);
  });
});
