import type { Cell } from '../report/report.js';
import { bar } from './bar.js';
import { displaySafe } from './display-safe.js';
import { formatFixed } from './number.js';
import type { Style } from './style.js';

export const BAR_WIDTH = 8;
/** Follows the marked cell of a row; the table's footnote says what it marks. */
export const MARK = '*';

/**
 * A cell as terminal text: fixed decimals, the mark, a bar, colour by meaning. With a heat
 * level (--heatmap) the cell is shaded instead of barred or coloured by sign.
 */
export function cellText(
  cell: Cell,
  decimals: number,
  style: Style,
  heat?: { level: number; signed: boolean },
): string {
  if (cell.kind === 'text') {
    const text = displaySafe(cell.text); // a class name from the input's header
    return cell.tone ? style[cell.tone](text) : text;
  }
  const number = formatFixed(cell.value, decimals);
  if (heat) return style.heat(` ${number}${cell.mark ? MARK : ' '}`, heat.level, heat.signed);
  let text = cell.mark ? style.mark(number + MARK) : number + ' ';
  if (!cell.mark && cell.signed) {
    if (cell.value > 0) text = style.positive(number) + ' ';
    else if (cell.value < 0) text = style.negative(number) + ' ';
  }
  return cell.bar ? `${text} ${style.dim(bar(cell.value, BAR_WIDTH))}` : text;
}
