// ClipSums is clip's loss computed as rows stream by, in blocks that share their exps (see
// src/stream/clip-sums.ts). It must give the whole-matrix loss (clipLoss) whatever the block
// size, the spread of the values (which decides when rows and columns get exps of their own),
// masked entries, and however the rows are split between parts read in parallel.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromRows } from '../src/matrix.js';
import { clipLoss } from '../src/math/clip.js';
import { ClipSums } from '../src/stream/clip-sums.js';
import { expectClose } from './helpers/oracle.js';

const SRC = { key: 'source.stdin' } as const;

/** A square matrix: values near 0, far apart (±800), or −inf off the diagonal. */
const squareMatrix = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc
    .array(
      fc.oneof(
        { weight: 4, arbitrary: fc.double({ min: -5, max: 5, noNaN: true }) },
        { weight: 2, arbitrary: fc.double({ min: -800, max: 800, noNaN: true }) },
        { weight: 1, arbitrary: fc.constant(-Infinity) },
      ),
      { minLength: n * n, maxLength: n * n },
    )
    .map((pool) => Array.from({ length: n }, (_, i) => pool.slice(i * n, (i + 1) * n).map((x, j) => (i === j && x === -Infinity ? 0 : x)))),
);

function streamed(rows: number[][], scale: number, blockValues: number, splitAt = rows.length): number {
  const first = new ClipSums(scale, SRC, blockValues);
  rows.slice(0, splitAt).forEach((r, i) => first.add(Float64Array.from(r), i));
  if (splitAt < rows.length) {
    const second = new ClipSums(scale, SRC, blockValues);
    rows.slice(splitAt).forEach((r, k) => second.add(Float64Array.from(r), splitAt + k));
    first.merge(second.state());
  }
  return first.loss(rows.length, rows.length);
}

describe('ClipSums (streamed, in blocks) gives the whole-matrix clip loss', () => {
  it('for any block size, scale and spread of values', () => {
    fc.assert(
      fc.property(squareMatrix, fc.constantFrom(1, 3, 0.01, 100), fc.constantFrom(1, 4, 17, 1 << 16), (rows, scale, blockValues) => {
        const whole = clipLoss(fromRows(rows.map((r) => r.map((x) => scale * x)))).loss;
        expectClose(streamed(rows, scale, blockValues), whole);
      }),
      { numRuns: 400 },
    );
  });

  it('when the rows are split into two parts read apart and merged', () => {
    fc.assert(
      fc.property(squareMatrix, fc.nat(), fc.constantFrom(3, 1 << 16), (rows, cut, blockValues) => {
        const splitAt = cut % (rows.length + 1);
        expectClose(streamed(rows, 1, blockValues, splitAt), streamed(rows, 1, blockValues));
      }),
      { numRuns: 200 },
    );
  });

  it('when a row lies far below the rest of its block (its own exps)', () => {
    const rows = [
      [900, 0, 1],
      [-700, -699, -701],
      [3, 2, 901],
    ];
    expectClose(streamed(rows, 1, 1 << 16), clipLoss(fromRows(rows)).loss);
  });

  it('reports a bad row as it arrives, not when its block is summed', () => {
    const sums = new ClipSums(1, SRC);
    sums.add(Float64Array.from([1, 2]), 0);
    expect(() => sums.add(Float64Array.from([Infinity, 2]), 1)).toThrow(expect.objectContaining({ key: 'err.posInf', params: expect.objectContaining({ row: 2, col: 1 }) }));
    expect(() => new ClipSums(1, SRC).add(Float64Array.from([-Infinity, -Infinity]), 0)).toThrow(expect.objectContaining({ key: 'err.allNegInf' }));
  });
});
