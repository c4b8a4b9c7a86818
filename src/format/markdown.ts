import type { Cell, Report, ReportTable } from '../report/report.js';
import { displaySafe, displaySafeLines } from './display-safe.js';
import { formatFixed } from './number.js';
import { displayWidth } from './width.js';

function markdownCell(cell: Cell, decimals: number): string {
  if (cell.kind === 'text') return cell.text;
  const text = formatFixed(cell.value, decimals);
  return cell.mark ? `**${text}**` : text;
}

// A cell is one line of inert text (labels may come from the input's header), its pipes escaped.
const cellText = (text: string) => displaySafe(text).replace(/\|/g, '\\|');

/** A GitHub-flavoured Markdown table, padded so it also reads well as plain text. */
function markdownTable(table: ReportTable, decimals: number): string {
  const head = [table.corner, ...table.colLabels].map(cellText);
  const body = table.rows.map((row) => [row.label, ...row.cells.map((c) => markdownCell(c, decimals))].map(cellText));
  // Each cell is measured once, in a loop: a spread of every row into Math.max overflows the stack.
  const headWidths = head.map(displayWidth);
  const bodyWidths = body.map((cells) => cells.map(displayWidth));
  const widths = headWidths.map((w) => Math.max(3, w));
  for (const row of bodyWidths) for (let j = 0; j < widths.length; j++) if (row[j] > widths[j]) widths[j] = row[j];
  const line = (cells: string[], cellWidths: number[]) =>
    `| ${cells.map((c, j) => (j === 0 ? c + ' '.repeat(widths[j] - cellWidths[j]) : ' '.repeat(widths[j] - cellWidths[j]) + c)).join(' | ')} |`;
  const rule = `| ${widths.map((w, j) => (j === 0 ? ':' + '-'.repeat(w - 1) : '-'.repeat(w - 1) + ':')).join(' | ')} |`;
  const parts = table.lead ? [displaySafeLines(table.lead), ''] : [];
  if (table.title) parts.push(`**${displaySafeLines(table.title)}**`, '');
  parts.push(line(head, headWidths), rule);
  for (let i = 0; i < body.length; i++) parts.push(line(body[i], bodyWidths[i]));
  if (table.footnote) parts.push('', displaySafeLines(table.footnote).replace(/^\*/, '\\*'));
  return parts.join('\n');
}

export function formatMarkdown(report: Report, decimals: number): string {
  const blocks = report.tables.map((t) => markdownTable(t, decimals));
  if (report.summary.length > 0) {
    blocks.push(
      report.summary
        .map(
          (s) =>
            `- ${displaySafe(s.label)}: **${typeof s.value === 'number' ? formatFixed(s.value, decimals) : displaySafe(s.value)}**`,
        )
        .join('\n'),
    );
  }
  if (report.notes.length > 0) blocks.push(report.notes.map((n) => `> ${displaySafeLines(n)}`).join('\n'));
  return blocks.join('\n\n') + '\n';
}
