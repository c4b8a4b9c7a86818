import type { ParsedMatrix } from '../text/matrix-text.js';

/** Rows are numbered from 1, as in error messages. */
export function rowLabels(count: number): string[] {
  return Array.from({ length: count }, (_, i) => String(i + 1));
}

/** Classes are numbered from 0, as PyTorch targets are, unless the input named its columns. */
export function classLabels(input: ParsedMatrix): string[] {
  return input.colLabels ? [...input.colLabels] : Array.from({ length: input.cols }, (_, j) => String(j));
}
