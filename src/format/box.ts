// Tables drawn with box characters. xent drew them with cli-table3, whose layout compares
// every cell with every earlier row (to place cells that span rows): a table of 20,000
// rows took 10 s and one of 400×400 over a minute. Every table here is a plain grid, so
// this draws the same characters in one pass over the cells.
import { displayWidth } from './width.js';

export type Align = 'left' | 'right';

/**
 * A header row and `rows` body rows inside a box, one space of padding in each cell, a rule
 * under the header only, each column as wide as its widest cell. `cellAt(i, j)` gives the
 * text of body row i, column j: single lines, which may hold colour codes (no width). It is
 * called twice per cell, to measure the columns and then to draw: holding every cell's text
 * until the widths are known took more memory than the table itself.
 *
 * @example
 * drawBox(['row', 'p'], 1, (i, j) => [['1', '0.5']][i][j], ['left', 'right'])
 * // ┌─────┬─────┐
 * // │ row │   p │
 * // ├─────┼─────┤
 * // │ 1   │ 0.5 │
 * // └─────┴─────┘
 */
export function drawBox(
  head: readonly string[],
  rows: number,
  cellAt: (i: number, j: number) => string,
  aligns: readonly Align[],
): string {
  const cols = head.length;
  const headWidths = head.map(displayWidth);
  // Each cell's width, kept from the first pass for its padding in the second.
  const widths = new Uint32Array(rows * cols);
  const inner = headWidths.slice();
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const w = (widths[i * cols + j] = displayWidth(cellAt(i, j)));
      if (w > inner[j]) inner[j] = w;
    }
  }
  const rule = (left: string, cross: string, right: string) =>
    left + inner.map((w) => '─'.repeat(w + 2)).join(cross) + right;
  const parts = new Array<string>(cols);
  const line = (cell: (j: number) => string, width: (j: number) => number) => {
    for (let j = 0; j < cols; j++) {
      const text = cell(j);
      const gap = ' '.repeat(inner[j] - width(j));
      parts[j] = aligns[j] === 'right' ? ` ${gap}${text} ` : ` ${text}${gap} `;
    }
    return `│${parts.join('│')}│`;
  };
  const lines = [
    rule('┌', '┬', '┐'),
    line(
      (j) => head[j],
      (j) => headWidths[j],
    ),
  ];
  if (rows > 0) lines.push(rule('├', '┼', '┤'));
  for (let i = 0; i < rows; i++)
    lines.push(
      line(
        (j) => cellAt(i, j),
        (j) => widths[i * cols + j],
      ),
    );
  lines.push(rule('└', '┴', '┘'));
  return lines.join('\n');
}
