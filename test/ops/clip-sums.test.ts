// ClipSums is clip's loss computed as rows stream by, in blocks that share their exps (see
// src/ops/clip/sums.ts). It must give the whole-matrix loss (clipLoss) whatever the block
// size, the spread of the values (which decides when rows and columns get exps of their own),
// masked entries, and however the rows are split between parts read in parallel.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromRows } from '../../src/core/matrix.js';
import { clipLoss } from '../../src/ops/clip/kernel.js';
import { ClipSums, type PieceColumns, rowLayout } from '../../src/ops/clip/sums.js';
import { expectClose } from '../helpers/oracle.js';

const SRC = { key: 'source.stdin' } as const;

/** A square matrix: values near 0, far apart (±800), or −inf off the diagonal. */
const squareMatrix = fc
  .integer({ min: 1, max: 12 })
  .chain((n) =>
    fc
      .array(
        fc.oneof(
          { weight: 4, arbitrary: fc.double({ min: -5, max: 5, noNaN: true }) },
          { weight: 2, arbitrary: fc.double({ min: -800, max: 800, noNaN: true }) },
          { weight: 1, arbitrary: fc.constant(-Infinity) },
        ),
        { minLength: n * n, maxLength: n * n },
      )
      .map((pool) =>
        Array.from({ length: n }, (_, i) =>
          pool.slice(i * n, (i + 1) * n).map((x, j) => (i === j && x === -Infinity ? 0 : x)),
        ),
      ),
  );

/**
 * The loss streamed through ClipSums, as one thread reads it in order, or as two threads do
 * (src/rows/parallel.ts) when `owner` is given: `owner[k]` (0 or 1) says which reads piece
 * k; thread 1's pieces reach thread 0 `delay[k]` of its rows later than they could.
 */
function streamed(
  rows: number[][],
  scale: number,
  sizes: { blockValues: number; pieceValues: number },
  owner?: number[],
  delay: number[] = [],
): number {
  const n = rows.length;
  const folder = new ClipSums(scale, SRC, sizes);
  if (!owner) {
    rows.forEach((r, i) => folder.add(Float64Array.from(r), i));
    return folder.loss(n, n);
  }
  const { pieceRows } = rowLayout(n, sizes.blockValues, sizes.pieceValues);
  const sent: PieceColumns[] = [];
  // Copies, as postMessage does (the sender may reuse its arrays).
  const other = new ClipSums(scale, SRC, {
    ...sizes,
    onPiece: (c) => sent.push({ piece: c.piece, max: c.max.slice(), sum: c.sum.slice(), low: c.low?.slice() }),
  });
  rows.forEach((r, i) => {
    if (owner[Math.floor(i / pieceRows)] === 1) other.add(Float64Array.from(r), i);
  });
  const otherRows = other.rowsState();
  let due = 0;
  rows.forEach((r, i) => {
    if (owner[Math.floor(i / pieceRows)] !== 1) folder.add(Float64Array.from(r), i);
    while (due < sent.length && (delay[due] ?? 0) <= i) folder.foldPiece(sent[due++]);
  });
  while (due < sent.length) folder.foldPiece(sent[due++]);
  folder.addRows(otherRows);
  return folder.loss(n, n);
}

const SMALL = { blockValues: 9, pieceValues: 30 };
const LARGE = { blockValues: 1 << 16, pieceValues: 1 << 18 };

describe('ClipSums (streamed, in blocks) gives the whole-matrix clip loss', () => {
  it('for any block size, scale and spread of values', () => {
    fc.assert(
      fc.property(
        squareMatrix,
        fc.constantFrom(1, 3, 0.01, 100),
        fc.constantFrom(1, 4, 17, 1 << 16),
        (rows, scale, blockValues) => {
          const whole = clipLoss(fromRows(rows.map((r) => r.map((x) => scale * x)))).loss;
          expectClose(streamed(rows, scale, { blockValues, pieceValues: 4 * blockValues }), whole);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('gives the same digits when two threads share the pieces, in any timing', () => {
    const bits = fc.array(fc.constantFrom(0, 1), { minLength: 12, maxLength: 12 });
    const delays = fc.array(fc.nat({ max: 12 }), { minLength: 12, maxLength: 12 });
    fc.assert(
      fc.property(squareMatrix, bits, delays, fc.constantFrom(SMALL, LARGE), (rows, owner, delay, sizes) => {
        const alone = streamed(rows, 1, sizes);
        expect(Object.is(streamed(rows, 1, sizes, owner, delay), alone)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('when a row lies far below the rest of its block (its own exps)', () => {
    const rows = [
      [900, 0, 1],
      [-700, -699, -701],
      [3, 2, 901],
    ];
    expectClose(streamed(rows, 1, LARGE), clipLoss(fromRows(rows)).loss);
  });

  it('reports a bad row as it arrives, not when its block is summed', () => {
    const sums = new ClipSums(1, SRC);
    sums.add(Float64Array.from([1, 2]), 0);
    expect(() => sums.add(Float64Array.from([Infinity, 2]), 1)).toThrow(
      expect.objectContaining({ key: 'err.posInf', params: expect.objectContaining({ row: 2, col: 1 }) }),
    );
    expect(() => new ClipSums(1, SRC).add(Float64Array.from([-Infinity, -Infinity]), 0)).toThrow(
      expect.objectContaining({ key: 'err.allNegInf' }),
    );
  });
});
