// A large file given with -i is read in two halves at once (src/stream/parallel.ts). These
// tests run the built binary (worker threads need it) on files just over the threshold and
// compare with the same input read in order from stdin.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PARALLEL_MIN_BYTES } from '../src/stream/parallel.js';
import { shell } from './helpers/binary.js';

const N = 1100; // 1100 × 1100 numbers of ~9 characters: just over the 8 MiB threshold
const dir = mkdtempSync(join(tmpdir(), 'xent-parallel-'));
const file = (name: string) => join(dir, name);

/** A seeded similarity matrix, one CSV line per row, `edit` applied to line i. */
function matrix(edit: (i: number, line: string) => string = (_i, line) => line): string {
  let seed = 7;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 10 - 5;
  const lines: string[] = [];
  for (let i = 0; i < N; i++) {
    const row = Array.from({ length: N }, (_, j) => (next() + (i === j ? 3 : 0)).toFixed(6));
    lines.push(edit(i, row.join(',')));
  }
  return lines.join('\n') + '\n';
}

beforeAll(() => {
  const plain = matrix();
  expect(plain.length).toBeGreaterThan(PARALLEL_MIN_BYTES);
  writeFileSync(file('plain.csv'), plain);
  writeFileSync(file('header.csv'), `# made by a test\n${plain}`);
  writeFileSync(file('ragged.csv'), matrix((i, line) => (i === 900 ? line.replace(/,[^,]*$/, '') : line)));
  writeFileSync(file('word.csv'), matrix((i, line) => (i === 1000 ? line.replace(/^[^,]*/, 'oops') : line)));
  writeFileSync(file('early.csv'), matrix((i, line) => (i === 3 ? line.replace(/^[^,]*/, 'first') : i === 1000 ? line.replace(/^[^,]*/, 'later') : line)));
});

describe('clip -f value on a large file, read in two halves', () => {
  it('gives the loss of the same input read in order', () => {
    const halves = shell(`xent clip -i ${file('plain.csv')} -f value`);
    const ordered = shell(`xent clip -f value < ${file('plain.csv')}`);
    expect(halves.stderr).toBe('');
    const [a, b] = [Number(halves.stdout), Number(ordered.stdout)];
    expect(Math.abs(a - b) / Math.abs(b)).toBeLessThan(1e-12);
  });
  it('falls back to reading in order when lines are not all data rows (a comment)', () => {
    const halves = shell(`xent clip -i ${file('header.csv')} -f value -s 2`);
    const ordered = shell(`xent clip -f value -s 2 < ${file('plain.csv')}`);
    expect(Math.abs(Number(halves.stdout) - Number(ordered.stdout))).toBeLessThan(1e-12 * Math.abs(Number(ordered.stdout)));
  });
  it('names the same bad row in the second half as a reading in order does', () => {
    for (const name of ['ragged.csv', 'word.csv', 'early.csv']) {
      const halves = shell(`xent clip -i ${file(name)} -f value`);
      const ordered = shell(`xent clip -f value < ${file(name)}`);
      expect(halves.code, name).toBe(2);
      expect(halves.stdout, name).toBe('');
      expect(halves.stderr.replace(`'${file(name)}'`, 'standard input'), name).toBe(ordered.stderr);
    }
  });
});
