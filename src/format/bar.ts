const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/**
 * A horizontal bar for a value in [0, 1], `width` characters at full length, drawn in
 * eighths of a character so that 0.78 and 0.80 look different. Always `width` wide.
 *
 * @example
 * bar(0.7856, 8) // "██████▎ "
 */
export function bar(value: number, width: number): string {
  const clamped = Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
  const eighths = Math.round(clamped * width * 8);
  const full = Math.floor(eighths / 8);
  const text = '█'.repeat(full) + EIGHTHS[eighths % 8];
  return text + ' '.repeat(width - [...text].length);
}
