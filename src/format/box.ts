// Tables drawn with box characters. xent drew them with cli-table3, whose layout compares
// every cell with every earlier row (to place cells that span rows): a table of 20,000
// rows took 10 s and one of 400×400 over a minute. Every table here is a plain grid, so
// this draws the same characters in one pass over the cells.
import { displayWidth } from './width.js';

export type Align = 'left' | 'right';

/**
 * A header row and body rows inside a box, one space of padding in each cell, a rule under
 * the header only, each column as wide as its widest cell. Cells are single lines and may
 * hold colour codes, which take no width. A row with fewer cells than the header is
 * completed with empty cells.
 *
 * @example
 * drawBox(['row', 'p'], [['1', '0.5']], ['left', 'right'])
 * // ┌─────┬─────┐
 * // │ row │   p │
 * // ├─────┼─────┤
 * // │ 1   │ 0.5 │
 * // └─────┴─────┘
 */
export function drawBox(head: readonly string[], body: readonly (readonly string[])[], aligns: readonly Align[]): string {
  const cols = head.length;
  // Each cell's width is measured once: it sets the column's width, then the cell's padding.
  const headWidths = head.map(displayWidth);
  const bodyWidths = body.map((row) => {
    const widths = new Int32Array(cols);
    for (let j = 0; j < cols; j++) widths[j] = j < row.length ? displayWidth(row[j]) : 0;
    return widths;
  });
  const inner = headWidths.slice();
  for (const widths of bodyWidths) {
    for (let j = 0; j < cols; j++) if (widths[j] > inner[j]) inner[j] = widths[j];
  }
  const rule = (left: string, cross: string, right: string) => left + inner.map((w) => '─'.repeat(w + 2)).join(cross) + right;
  const line = (cells: readonly string[], widths: ArrayLike<number>) => {
    const parts = new Array<string>(cols);
    for (let j = 0; j < cols; j++) {
      const text = cells[j] ?? '';
      const gap = ' '.repeat(inner[j] - widths[j]);
      parts[j] = aligns[j] === 'right' ? ` ${gap}${text} ` : ` ${text}${gap} `;
    }
    return `│${parts.join('│')}│`;
  };
  const lines = [rule('┌', '┬', '┐'), line(head, headWidths)];
  if (body.length > 0) lines.push(rule('├', '┼', '┤'));
  for (let i = 0; i < body.length; i++) lines.push(line(body[i], bodyWidths[i]));
  lines.push(rule('└', '┴', '┘'));
  return lines.join('\n');
}
