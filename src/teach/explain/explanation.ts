// A derivation as a teacher writes it on the board: numbered steps, each a heading, a few
// sentences (already translated) and formulas with the numbers substituted. Explainers
// build one; render.ts lays it out as plain text or Markdown.
import { displayWidth } from '../../format/width.js';

export interface ExplainLine {
  /**
   * 'formula' lines are maths (kept as written in every language, broken at + , = when too
   * wide); 'text' lines are sentences; 'figure' lines are a drawing (a chart), never broken.
   */
  readonly kind: 'text' | 'formula' | 'figure';
  readonly text: string;
  /** A figure drawn again at the width it is laid out in (`text` is its drawing at 80 columns). */
  readonly draw?: (width: number) => string;
}

export interface ExplainStep {
  readonly heading: string;
  readonly lines: readonly ExplainLine[];
}

export interface Explanation {
  readonly title: string;
  readonly steps: readonly ExplainStep[];
  /** After the steps: the other rows in one line each, or what the options change. */
  readonly rest?: { readonly heading: string; readonly lines: readonly ExplainLine[] };
}

export const text = (s: string): ExplainLine => ({ kind: 'text', text: s });
export const formula = (s: string): ExplainLine => ({ kind: 'formula', text: s });

/** Several formula lines: the first as given, the rest continuing under its '=' sign. */
export function chain(first: string, ...more: string[]): ExplainLine[] {
  const at = first.indexOf(' = ');
  const pad = ' '.repeat(at < 0 ? 2 : displayWidth(first.slice(0, at)) + 1);
  return [formula(first), ...more.map((m) => formula(`${pad}= ${m}`))];
}
