// xent's box drawing replaced cli-table3's (quadratic in the rows). It must draw the same
// characters: checked here against cli-table3 itself, with the options xent gave it, on
// random grids of the text a table holds (numbers, bars, marks, CJK, colour codes).
import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Align, drawBox as drawBoxOf } from '../src/format/box.js';
import { displayWidth } from '../src/format/width.js';

function cliTable3(head: string[], body: string[][], aligns: Align[]): string {
  const grid = new Table({
    head,
    colAligns: aligns,
    style: { head: [], border: [], compact: true, 'padding-left': 1, 'padding-right': 1 },
  });
  for (const row of body) grid.push(row);
  return grid.toString();
}

// Pieces whose width both count alike: ASCII, bars, box and mark characters, CJK and
// full-width punctuation, an accent, an emoji; and runs in colour (codes take no width),
// each closed as chalk closes them.
const PIECES = [
  '0',
  '7',
  '.',
  '-',
  ' ',
  'a',
  'Z',
  '*',
  '█',
  '▎',
  '░',
  '…',
  '—',
  '✓',
  '✗',
  '−',
  'é',
  '概',
  '率',
  '（',
  '😀',
];
const COLOURS = [
  ['\u001b[1m', '\u001b[22m'],
  ['\u001b[32m', '\u001b[39m'],
  ['\u001b[48;2;10;20;30m', '\u001b[49m'],
  ['\u001b[38;5;196m', '\u001b[39m'],
];
const plain = fc.array(fc.constantFrom(...PIECES), { maxLength: 5 }).map((p) => p.join(''));
const coloured = fc.tuple(fc.constantFrom(...COLOURS), plain).map(([[open, close], text]) => open + text + close);
const cellText = fc.array(fc.oneof(plain, coloured), { maxLength: 3 }).map((p) => p.join(''));

/** drawBox over a grid held whole. */
function drawBox(head: string[], body: string[][], aligns: Align[]): string {
  return drawBoxOf(head, body.length, (i, j) => body[i][j] ?? '', aligns);
}

describe('drawBox', () => {
  it('draws a header, a rule, the rows and the bottom, each column as wide as its widest cell', () => {
    expect(
      drawBox(
        ['row', 'p'],
        [
          ['1', '0.5'],
          ['10', '0.25'],
        ],
        ['left', 'right'],
      ),
    ).toBe(
      ['┌─────┬──────┐', '│ row │    p │', '├─────┼──────┤', '│ 1   │  0.5 │', '│ 10  │ 0.25 │', '└─────┴──────┘'].join(
        '\n',
      ),
    );
  });

  it('draws a header alone when there are no rows', () => {
    expect(drawBox(['#', 'yours'], [], ['left', 'right'])).toBe(
      ['┌───┬───────┐', '│ # │ yours │', '└───┴───────┘'].join('\n'),
    );
  });

  it('counts a Chinese character as two columns and a colour code as none', () => {
    const text = drawBox(['行', '\u001b[1mp\u001b[22m'], [['1', '0.5']], ['left', 'right']);
    expect(text).toBe(
      ['┌────┬─────┐', '│ 行 │   \u001b[1mp\u001b[22m │', '├────┼─────┤', '│ 1  │ 0.5 │', '└────┴─────┘'].join('\n'),
    );
    expect(text.split('\n').map((line) => displayWidth(line))).toEqual([12, 12, 12, 12, 12]);
  });

  it('draws what cli-table3 drew, character for character', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((cols) =>
          fc.record({
            head: fc.array(cellText, { minLength: cols, maxLength: cols }),
            body: fc.array(fc.array(cellText, { minLength: cols, maxLength: cols }), { maxLength: 6 }),
            aligns: fc.array(fc.constantFrom<Align>('left', 'right'), { minLength: cols, maxLength: cols }),
          }),
        ),
        ({ head, body, aligns }) => {
          expect(drawBox(head, body, aligns)).toBe(cliTable3(head, body, aligns));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('draws 200,000 rows', () => {
    const body = Array.from({ length: 200_000 }, (_, i) => [String(i + 1), (i / 200_000).toFixed(4)]);
    const lines = drawBox(['row', 'p'], body, ['left', 'right']).split('\n');
    expect(lines).toHaveLength(200_004);
    expect(lines[200_002]).toBe('│ 200000 │ 1.0000 │');
  });
});
