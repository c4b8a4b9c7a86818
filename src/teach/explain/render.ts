import { displaySafeLines } from '../../format/display-safe.js';
import { latexMath, latexText } from '../../format/latex.js';
import { displayWidth } from '../../format/width.js';
import { wrap } from '../../format/wrap.js';
import type { ExplainLine, ExplainStep, Explanation } from './explanation.js';

/** Text lines may hold two languages (zh, then en) separated by a newline. */
function split(line: ExplainLine): string[] {
  return line.text.split('\n');
}

/**
 * The explanation with its texts printed inert, line breaks kept: class names from the
 * input's header appear in them (src/format/display-safe.ts).
 */
function inert(e: Explanation): Explanation {
  const step = (s: ExplainStep): ExplainStep => ({
    heading: displaySafeLines(s.heading),
    lines: s.lines.map((l) => ({
      kind: l.kind,
      text: displaySafeLines(l.text),
      ...(l.draw ? { draw: (width: number) => displaySafeLines(l.draw!(width)) } : {}),
    })),
  });
  return { title: displaySafeLines(e.title), steps: e.steps.map(step), ...(e.rest ? { rest: step(e.rest) } : {}) };
}

/** The width of an explanation when the terminal's is not known (a pipe, a file): 80 columns. */
export const TEXT_WIDTH = 80;

/** The width an explanation is laid out in: the terminal's when known (40 to 100 columns), else 80. */
export function explanationWidth(columns: number | undefined): number {
  return columns === undefined || !(columns > 0) ? TEXT_WIDTH : Math.max(40, Math.min(100, Math.floor(columns)));
}

/** Where a formula may break: after ' + ', ', ' or before ' = ', never inside a number or a name. */
const FORMULA_BREAK = /(?<= \+ |, | {2})|(?= = )/g;

/**
 * A formula too wide for `width` columns, broken at its sums, lists and equals signs; the
 * lines after the first are indented 4 more. A formula with nowhere to break stays whole.
 */
export function wrapFormula(line: string, width: number): string[] {
  const indent = (/^ */.exec(line) ?? [''])[0];
  const more = `${indent}    `;
  const out: string[] = [];
  let rest = line;
  let lead = '';
  while (displayWidth(lead + rest) > width) {
    let cut = -1;
    for (const m of rest.matchAll(FORMULA_BREAK)) {
      const at = m.index ?? 0;
      if (at <= indent.length) continue;
      if (displayWidth(lead + rest.slice(0, at).trimEnd()) > width) break;
      cut = at;
    }
    if (cut < 0) break;
    out.push(lead + rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
    lead = more;
  }
  out.push(lead + rest);
  return out;
}

/**
 * Plain text that reads in a terminal and pastes into notes: a title, numbered steps,
 * sentences indented under their heading, formulas indented a little more.
 */
export function renderExplanationText(explanation: Explanation, width = TEXT_WIDTH): string {
  const e = inert(explanation);
  const title = e.title.split('\n').flatMap((line) => wrap(line, width));
  const out: string[] = [...title, '='.repeat(Math.min(displayWidth(title[title.length - 1] ?? ''), width)), '']; // spread-ok: a title of a line or two
  const block = (lines: readonly ExplainLine[]) => {
    for (const line of lines) {
      if (line.kind === 'figure') {
        // Drawn for the width (5 columns of indent), never broken as a formula is.
        for (const l of (line.draw ? line.draw(width - 5) : line.text).split('\n')) out.push(`     ${l}`);
        continue;
      }
      for (const part of split(line)) {
        if (line.kind === 'formula') for (const l of wrapFormula(`     ${part}`, width)) out.push(l);
        else for (const l of wrap(part, width - 3)) out.push(`   ${l}`);
      }
    }
  };
  e.steps.forEach((step, k) => {
    for (const [n, line] of wrap(`${k + 1}. ${step.heading}`, width).entries()) out.push(n === 0 ? line : `   ${line}`);
    block(step.lines);
    out.push('');
  });
  if (e.rest) {
    for (const line of wrap(e.rest.heading, width)) out.push(line);
    block(e.rest.lines);
    out.push('');
  }
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

/**
 * LaTeX to paste into a write-up: the title in bold, the steps an enumerate list, each
 * sentence a paragraph (one language a paragraph) and each formula display math \[ … \].
 */
export function renderExplanationLatex(explanation: Explanation): string {
  const e = inert(explanation);
  const bold = (text: string) => `\\noindent\\textbf{${latexText(text.replace(/\n/g, ' '))}}`;
  const out: string[] = [bold(e.title), '', '\\begin{enumerate}'];
  const block = (lines: readonly ExplainLine[]) => {
    for (const line of lines) {
      // A figure is a terminal's ASCII drawing: a write-up draws its own (--plot FILE.svg).
      if (line.kind === 'figure') continue;
      for (const part of split(line))
        out.push(line.kind === 'formula' ? `\\[ ${latexMath(part)} \\]` : latexText(part), '');
    }
  };
  for (const step of e.steps) {
    out.push(`\\item ${latexText(step.heading.replace(/\n/g, ' '))}`, '');
    block(step.lines);
  }
  out.push('\\end{enumerate}');
  if (e.rest) {
    out.push('', bold(e.rest.heading), '');
    block(e.rest.lines);
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

/** Markdown: a heading, numbered steps, formulas as display math ($$ … $$, for KaTeX and GitHub). */
export function renderExplanationMarkdown(explanation: Explanation): string {
  const e = inert(explanation);
  const out: string[] = [`### ${e.title}`, ''];
  const block = (lines: readonly ExplainLine[]) => {
    for (const line of lines) {
      // A figure is a terminal's ASCII drawing: math rendered by KaTeX has no place for it.
      if (line.kind === 'figure') continue;
      if (line.kind === 'formula') for (const part of split(line)) out.push(`   $$${latexMath(part)}$$`, '');
      else out.push(...split(line).map((s) => `   ${s}`), ''); // spread-ok: one line in at most two languages
    }
  };
  e.steps.forEach((step, k) => {
    out.push(`${k + 1}. **${step.heading}**`, '');
    block(step.lines);
    out.push('');
  });
  if (e.rest) {
    out.push(`**${e.rest.heading}**`, '');
    block(e.rest.lines);
  }
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/\n+$/, '') + '\n'
  );
}
