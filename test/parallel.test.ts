// A large file given with -i is read by two threads at once, in pieces (src/rows/parallel.ts).
// These tests run the built binary (worker threads need it) on files just over the threshold
// and compare with the same input read in order from stdin: the same digits, the same errors.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { XentError } from '../src/core/errors.js';
import { parseInput } from '../src/rows/input.js';
import type { CeSums } from '../src/ops/cross-entropy/sums.js';
import type { ClipSums } from '../src/ops/clip/sums.js';
import type { PieceSums } from '../src/core/piece-sums.js';
import { createSums } from '../src/commands/streams/sums.js';
import type { PartTask } from '../src/rows/plan.js';
import { PARALLEL_MIN_BYTES, cutIntoPieces, readInParallel } from '../src/rows/parallel.js';
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
  writeFileSync(file('comment.csv'), `# made by a test\n${plain}`);
  writeFileSync(file('header.csv'), `${Array.from({ length: N }, (_, j) => `t${j}`).join(',')}\n${plain}`);
  writeFileSync(
    file('blank.csv'),
    matrix((i, line) => (i === 700 ? `\n${line}` : line)),
  );
  writeFileSync(
    file('nested.json'),
    `[${matrix((_i, line) => `[${line}]`)
      .trimEnd()
      .split('\n')
      .join(',\n')}]\n`,
  );
  writeFileSync(
    file('ragged.csv'),
    matrix((i, line) => (i === 900 ? line.replace(/,[^,]*$/, '') : line)),
  );
  writeFileSync(
    file('word.csv'),
    matrix((i, line) => (i === 1000 ? line.replace(/^[^,]*/, 'oops') : line)),
  );
  writeFileSync(
    file('early.csv'),
    matrix((i, line) =>
      i === 3 ? line.replace(/^[^,]*/, 'first') : i === 1000 ? line.replace(/^[^,]*/, 'later') : line,
    ),
  );
}, 60_000); // writes seven large files: slow on a loaded machine, which the default 10 s does not allow for

describe('clip -f value on a large file, read by two threads', () => {
  const inOrder = (name: string, options = '') => shell(`xent clip -f value ${options} < ${file(name)}`);
  it('prints the same digits as the same input read in order', () => {
    const shared = shell(`xent clip -i ${file('plain.csv')} -f value`);
    expect(shared.stderr).toBe('');
    expect(shared.stdout).toBe(inOrder('plain.csv').stdout);
    expect(Number(shared.stdout)).toBeGreaterThan(0);
  });
  it.each([
    ['a header row', 'header.csv'],
    ['a comment line (read in order)', 'comment.csv'],
    ['a blank line (read in order)', 'blank.csv'],
    ['rows in brackets over many lines (read in order)', 'nested.json'],
  ])('gives the loss of a reading in order with %s', (_what, name) => {
    const shared = shell(`xent clip -i ${file(name)} -f value -s 2`);
    expect(shared.stderr, name).toBe('');
    expect(shared.stdout, name).toBe(inOrder(name, '-s 2').stdout);
    expect(shared.stdout, name).toBe(inOrder('plain.csv', '-s 2').stdout);
  });
  it('ce -y diag: the same digits and the same errors as a reading in order', () => {
    const options = '-y diag -f value -w 1,2,3 --label-smoothing 0.1';
    // -w of the wrong length: the error of the first row, before any piece is shared.
    for (const name of ['plain.csv', 'header.csv', 'word.csv', 'ragged.csv']) {
      const weights = Array.from({ length: N }, (_, j) => String(1 + (j % 3))).join(',');
      const args = `${options.replace('1,2,3', weights)}`;
      const shared = shell(`xent ce -i ${file(name)} ${args}`);
      const ordered = shell(`xent ce ${args} < ${file(name)}`);
      expect(shared.stdout, name).toBe(ordered.stdout);
      expect(shared.stderr.replace(`'${file(name)}'`, 'standard input'), name).toBe(ordered.stderr);
      if (name === 'plain.csv') expect(Number(shared.stdout)).toBeGreaterThan(0);
    }
    const wrongWidth = shell(`xent ce -i ${file('plain.csv')} ${options}`);
    expect(wrongWidth.code).toBe(2);
    expect(wrongWidth.stderr).toMatch(/^xent: error: option -w, --weight has 3 weights, but there are 1100 classes/);
  });
  it('names the same bad row as a reading in order does', () => {
    for (const name of ['ragged.csv', 'word.csv', 'early.csv']) {
      const shared = shell(`xent clip -i ${file(name)} -f value`);
      const ordered = inOrder(name);
      expect(shared.code, name).toBe(2);
      expect(shared.stdout, name).toBe('');
      expect(shared.stderr.replace(`'${file(name)}'`, 'standard input'), name).toBe(ordered.stderr);
    }
  });
});

describe('which files two threads read', () => {
  const worker = fileURLToPath(new URL('../dist/xent-part.cjs', import.meta.url));
  const read = (name: string) =>
    readInParallel(
      file(name),
      { key: 'source.file', params: { path: file(name) } },
      { kind: 'clip', scale: 1, source: { key: 'source.stdin' } },
      worker,
      async () => {},
      createSums({ kind: 'clip', scale: 1, source: { key: 'source.stdin' } }),
    );
  it('cuts a plain file into pieces of whole rows, a header line aside', () => {
    for (const name of ['plain.csv', 'header.csv']) {
      const pieces = cutIntoPieces(file(name))!;
      expect(pieces.length, name).toBeGreaterThan(2);
      expect(
        pieces.reduce((rows, p) => rows + p.rows, 0),
        name,
      ).toBe(N);
      expect(
        pieces.every(
          (p, k) =>
            k === 0 || (p.firstRow === pieces[k - 1].firstRow + pieces[k - 1].rows && p.start === pieces[k - 1].end),
        ),
        name,
      ).toBe(true);
    }
    expect(cutIntoPieces(file('nested.json'))).toBeUndefined();
  });
  it('reads plain files and files with a header; leaves the others to a reading in order', async () => {
    for (const name of ['plain.csv', 'header.csv']) expect((await read(name))?.rows, name).toBe(N);
    for (const name of ['comment.csv', 'blank.csv']) expect(await read(name), name).toBeUndefined();
  });
});

describe('two threads and a reading in order agree on any file (small pieces, in-process)', () => {
  // Pieces of a few rows, and no size threshold, so that small random files are shared out.
  const sizes = { blockValues: 7, pieceValues: 20, minBytes: 0 };
  const source = { key: 'source.file', params: { path: 'in.csv' } } as const;
  const worker = fileURLToPath(new URL('../dist/xent-part.cjs', import.meta.url));

  type Outcome = { loss: string } | { key: string; params: unknown };
  const outcome = async (run: () => Promise<number>): Promise<Outcome> => {
    try {
      return { loss: String(await run()) };
    } catch (error) {
      if (error instanceof XentError) return { key: error.key, params: error.params };
      throw error;
    }
  };
  // clip, and ce towards the diagonal with label smoothing and a temperature.
  const tasks: PartTask[] = [
    { kind: 'clip', scale: 1, source, sizes },
    {
      kind: 'ce',
      source,
      sizes,
      targets: { kind: 'index', given: 'diag', ignoreIndex: -100 },
      oneBased: false,
      temperature: 0.7,
      labelSmoothing: 0.1,
    },
  ];
  /** The number a command prints from its sums: clip's loss, ce's mean. */
  const result = (task: PartTask, sums: PieceSums, rows: number, cols: number) => {
    if (task.kind === 'clip') return (sums as ClipSums).loss(rows, cols);
    const { scaledTotal, scaledDenominator } = (sums as CeSums).totals();
    return scaledTotal / scaledDenominator;
  };
  const inOrder = (task: PartTask, bytes: Uint8Array) =>
    outcome(async () => {
      const sums = createSums(task);
      const { rows, cols } = await parseInput({ source, chunks: [bytes] }, (row, i) => sums.add(row, i));
      return result(task, sums, rows, cols);
    });

  /** A square matrix as CSV, each line perhaps spoilt: the defects a file meets. */
  const line = (n: number) =>
    fc
      .tuple(
        fc.array(
          fc.double({ min: -5, max: 5, noNaN: true }).map((x) => x.toFixed(3)),
          { minLength: n, maxLength: n },
        ),
        fc.oneof(
          { weight: 40, arbitrary: fc.constant('none') },
          {
            weight: 1,
            arbitrary: fc.constantFrom('blank', 'comment', 'short', 'word', 'inf', 'masked', 'crlf', 'bracket'),
          },
        ),
      )
      .map(([values, defect]) => {
        switch (defect) {
          case 'blank':
            return `\n${values.join(',')}`;
          case 'comment':
            return `# note\n${values.join(',')}`;
          case 'short':
            return values.slice(1).join(',');
          case 'word':
            return ['oops', ...values.slice(1)].join(',');
          case 'inf':
            return ['inf', ...values.slice(1)].join(',');
          case 'masked':
            return values.map(() => '-inf').join(',');
          case 'crlf':
            return `${values.join(',')}\r`;
          case 'bracket':
            return `[${values.join(',')}]`;
          default:
            return values.join(',');
        }
      });
  const file = fc
    .integer({ min: 2, max: 9 })
    .chain((n) =>
      fc
        .tuple(fc.boolean(), fc.array(line(n), { minLength: n - 1, maxLength: n + 1 }), fc.constantFrom('\n', ''))
        .map(
          ([header, lines, end]) =>
            (header ? `${Array.from({ length: n }, (_, j) => `t${j}`).join(',')}\n` : '') + lines.join('\n') + end,
        ),
    );

  it.each(tasks.map((task) => [task.kind, task] as const))(
    '%s: the same result to the digit, or the same first error',
    async (_kind, task) => {
      let shared = 0;
      await fc.assert(
        fc.asyncProperty(file, async (text) => {
          const path = join(dir, 'random.csv');
          writeFileSync(path, text);
          const expected = await inOrder(task, new TextEncoder().encode(text));
          const got = await outcome(async () => {
            const read = await readInParallel(path, source, task, worker, async () => {}, createSums(task));
            if (!read) throw new Error('read in order');
            return result(task, read.sums, read.rows, read.cols);
          }).catch((error: Error) => (error.message === 'read in order' ? undefined : Promise.reject(error)));
          // Undefined: the file is left to a reading in order, which gives `expected` itself.
          if (got === undefined) return;
          shared++;
          expect(got, JSON.stringify(text)).toEqual(expected);
        }),
        { numRuns: Number(process.env.PARALLEL_RUNS ?? 150) },
      );
      // Most files are shared out (to a loss or an error), not left to a reading in order.
      expect(shared).toBeGreaterThan(Number(process.env.PARALLEL_RUNS ?? 150) / 3);
    },
    600_000,
  );
});
