import type { Cell, Report, ReportTable } from '../report/report.js';
import { formatFixed } from './number.js';
import { displayWidth, padEnd, padStart } from './width.js';

function markdownCell(cell: Cell, decimals: number): string {
  if (cell.kind === 'text') return cell.text;
  const text = formatFixed(cell.value, decimals);
  return cell.mark ? `**${text}**` : text;
}

const escape = (text: string) => text.replace(/\|/g, '\\|');

/** A GitHub-flavoured Markdown table, padded so it also reads well as plain text. */
function markdownTable(table: ReportTable, decimals: number): string {
  const head = [table.corner, ...table.colLabels].map(escape);
  const body = table.rows.map((row) => [row.label, ...row.cells.map((c) => markdownCell(c, decimals))].map(escape));
  const widths = head.map((h, j) => Math.max(3, displayWidth(h), ...body.map((r) => displayWidth(r[j]))));
  const line = (cells: string[]) =>
    `| ${cells.map((c, j) => (j === 0 ? padEnd(c, widths[j]) : padStart(c, widths[j]))).join(' | ')} |`;
  const rule = `| ${widths.map((w, j) => (j === 0 ? ':' + '-'.repeat(w - 1) : '-'.repeat(w - 1) + ':')).join(' | ')} |`;
  const parts = table.lead ? [table.lead, ''] : [];
  if (table.title) parts.push(`**${table.title}**`, '');
  parts.push(line(head), rule, ...body.map(line));
  if (table.footnote) parts.push('', table.footnote.replace(/^\*/, '\\*'));
  return parts.join('\n');
}

export function formatMarkdown(report: Report, decimals: number): string {
  const blocks = report.tables.map((t) => markdownTable(t, decimals));
  if (report.summary.length > 0) {
    blocks.push(
      report.summary
        .map((s) => `- ${s.label}: **${typeof s.value === 'number' ? formatFixed(s.value, decimals) : s.value}**`)
        .join('\n'),
    );
  }
  if (report.notes.length > 0) blocks.push(report.notes.map((n) => `> ${n}`).join('\n'));
  return blocks.join('\n\n') + '\n';
}
