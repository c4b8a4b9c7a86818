import { displaySafeLines } from '../../format/display-safe.js';
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
    lines: s.lines.map((l) => ({ kind: l.kind, text: displaySafeLines(l.text) })),
  });
  return { title: displaySafeLines(e.title), steps: e.steps.map(step), ...(e.rest ? { rest: step(e.rest) } : {}) };
}

/** Text lines fit this many columns (with their indent), so the output fits 100 columns. */
export const TEXT_WIDTH = 96;

/**
 * Plain text that reads in a terminal and pastes into notes: a title, numbered steps,
 * sentences indented under their heading, formulas indented a little more.
 */
export function renderExplanationText(explanation: Explanation): string {
  const e = inert(explanation);
  const out: string[] = [e.title, '='.repeat(Math.min(displayWidth(e.title.split('\n').pop() ?? ''), 100)), ''];
  const block = (lines: readonly ExplainLine[]) => {
    for (const line of lines) {
      for (const part of split(line)) {
        if (line.kind === 'formula') out.push(`     ${part}`);
        else for (const l of wrap(part, TEXT_WIDTH - 3)) out.push(`   ${l}`);
      }
    }
  };
  e.steps.forEach((step, k) => {
    out.push(`${k + 1}. ${step.heading}`);
    block(step.lines);
    out.push('');
  });
  if (e.rest) {
    out.push(e.rest.heading);
    block(e.rest.lines);
    out.push('');
  }
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

/** Markdown: a heading, numbered steps, formulas in fenced blocks (they keep their alignment). */
export function renderExplanationMarkdown(explanation: Explanation): string {
  const e = inert(explanation);
  const out: string[] = [`### ${e.title}`, ''];
  const block = (lines: readonly ExplainLine[]) => {
    let fence: string[] | undefined;
    const close = () => {
      if (fence) out.push('   ```text', ...fence.map((f) => `   ${f}`), '   ```'); // spread-ok: one step's formulas, a few lines
      fence = undefined;
    };
    for (const line of lines) {
      if (line.kind === 'formula') (fence ??= []).push(line.text);
      else {
        close();
        out.push(...split(line).map((s) => `   ${s}`), ''); // spread-ok: one line in at most two languages
      }
    }
    close();
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
