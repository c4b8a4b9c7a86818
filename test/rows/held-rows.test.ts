import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HeldRows } from '../../src/rows/held-rows.js';
import { type Spill, openSpill } from '../../src/rows/spill.js';

const dir = mkdtempSync(join(tmpdir(), 'xent-held-rows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `count` rows of `width` values, each value telling its row and column (-0 and non-finite ones among them). */
function rowsOf(count: number, width: number): Float64Array[] {
  const special = [-0, Infinity, -Infinity, NaN, 5e-324, -1.7976931348623157e308];
  return Array.from({ length: count }, (_, i) =>
    Float64Array.from({ length: width }, (_, j) => ((i * width + j) % 11 === 3 ? special[(i + j) % 6] : i + j / 1000)),
  );
}

/** The rows as HeldRows gives them back, copied (its views are reused). */
const readBack = (held: HeldRows) => Array.from(held, (row) => Array.from(row));

describe('HeldRows', () => {
  it.each([
    [0, 3],
    [1, 3],
    [7, 3],
    [40, 5],
    [3, 20],
  ])('gives %i rows of %i values back in order, bit for bit, in memory and through a file, twice', (count, width) => {
    const rows = rowsOf(count, width);
    const expected = rows.map((row) => Array.from(row));
    const spills: Spill[] = [];
    // Blocks of 16 values: a row of 20 is a block of its own.
    const inMemory = new HeldRows('test', undefined, 16);
    const onDisk = new HeldRows(
      'test',
      () => {
        const spill = openSpill(dir);
        spills.push(spill);
        return spill;
      },
      16,
    );
    for (const row of rows) {
      inMemory.add(row);
      onDisk.add(row);
      row.fill(0); // the parser reuses its row
    }
    for (const held of [inMemory, onDisk]) {
      expect(readBack(held)).toEqual(expected);
      expect(readBack(held)).toEqual(expected);
    }
    // A file only once the rows outgrow a block; then one.
    expect(spills.length).toBe(count * width > Math.max(16 - (16 % width), width) ? 1 : 0);
    for (const spill of spills) spill.close();
    expect(readdirSync(dir)).toEqual([]);
  });
});
