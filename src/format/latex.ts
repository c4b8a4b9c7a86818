// LaTeX for write-ups (-f latex): each table a plain tabular (no package needed), the summary
// a tabular of two columns, the notes paragraphs. xent's text writes its mathematics in
// Unicode (−, ×, ·, Σ, ∂, ‖, Greek letters, sub- and superscripts ᵢ ²); here each becomes its
// LaTeX command, inside $…$ in text, so that the output compiles with pdflatex as it is
// and its formulas render in KaTeX. Chinese text needs xelatex with the ctex package
// (\documentclass{ctexart}): there its quotation marks and dashes stay the full-width
// characters that xeCJK sets (“损失”, ——), not the ASCII ligatures of English text.
import type { Cell, Report, ReportTable } from '../report/report.js';
import { displaySafe, displaySafeLines } from './display-safe.js';
import { formatFixed } from './number.js';

/** Unicode mathematics and its LaTeX (math mode). */
const MATH: Readonly<Record<string, string>> = {
  '−': '-',
  '×': '\\times',
  '·': '\\cdot',
  '÷': '\\div',
  '±': '\\pm',
  '≤': '\\le',
  '≥': '\\ge',
  '≠': '\\neq',
  '≈': '\\approx',
  '≡': '\\equiv',
  '∈': '\\in',
  '∞': '\\infty',
  '→': '\\to',
  '←': '\\leftarrow',
  '⇔': '\\Leftrightarrow',
  '⇒': '\\Rightarrow',
  '∝': '\\propto',
  '∂': '\\partial',
  '∇': '\\nabla',
  Σ: '\\sum',
  '∑': '\\sum',
  '∏': '\\prod',
  '√': '\\surd',
  '‖': '\\|',
  '∥': '\\|',
  '⌊': '\\lfloor',
  '⌋': '\\rfloor',
  '⌈': '\\lceil',
  '⌉': '\\rceil',
  '⟨': '\\langle',
  '⟩': '\\rangle',
  '⊙': '\\odot',
  '∘': '\\circ',
  '…': '\\ldots',
  '⋯': '\\cdots',
  ℓ: '\\ell',
  '⊤': '\\top',
  '′': "'",
  '″': "''",
  '✓': '\\surd',
  '✗': '\\times',
  α: '\\alpha',
  β: '\\beta',
  γ: '\\gamma',
  δ: '\\delta',
  ε: '\\varepsilon',
  η: '\\eta',
  θ: '\\theta',
  κ: '\\kappa',
  λ: '\\lambda',
  μ: '\\mu',
  ν: '\\nu',
  π: '\\pi',
  ρ: '\\rho',
  σ: '\\sigma',
  τ: '\\tau',
  φ: '\\phi',
  ψ: '\\psi',
  ω: '\\omega',
  Γ: '\\Gamma',
  Δ: '\\Delta',
  Λ: '\\Lambda',
  Π: '\\Pi',
  Φ: '\\Phi',
  Ψ: '\\Psi',
  Ω: '\\Omega',
  '<': '<',
  '>': '>',
  '|': '|',
};

/** Sub- and superscript characters: the script (_ or ^) and what they hold. */
const SCRIPTS: Readonly<Record<string, readonly [string, string]>> = Object.fromEntries([
  ...[...'₀₁₂₃₄₅₆₇₈₉₊₋ᵢⱼₖₙₘₚₜₓ'].map((ch, k) => [ch, ['_', '0123456789+-ijknmptx'[k]]]), // spread-ok: a few characters
  ...[...'⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻ⁿ'].map((ch, k) => [ch, ['^', '0123456789+-n'[k]]]), // spread-ok: a few characters
  ['ᵀ', ['^', '\\top']],
]);

/** Characters LaTeX reads as commands in text, written as themselves. */
const TEXT_SPECIAL: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '#': '\\#',
  $: '\\$',
  '%': '\\%',
  '&': '\\&',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '“': '``',
  '”': "''",
  '‘': '`',
  '’': "'",
  '—': '---',
  '–': '--',
};

/** Chinese, Japanese or Korean text (ideographs, kana, Hangul, their punctuation and full-width forms): pdflatex cannot set it. */
const CJK = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u;

/** Whether LaTeX text needs xelatex with ctex (\documentclass{ctexart}) rather than pdflatex: it holds Chinese (or Japanese, Korean). */
export function needsCtex(latex: string): boolean {
  return CJK.test(latex);
}

/** Marks that a line of Chinese keeps as it is (xeCJK sets them full-width), and English writes as TeX ligatures. */
const CJK_KEEPS = new Set(['“', '”', '‘', '’', '—']);

/** Functions LaTeX sets upright with their own command. */
const FUNCTIONS = new Set(['log', 'ln', 'exp', 'max', 'min', 'sin', 'cos', 'tanh', 'det', 'lim', 'sup', 'inf']);

/** Runs of sub- or superscripts as one group: ᵢⱼ → _{ij}. */
function scripts(chars: string): string {
  let out = '';
  let k = 0;
  const all = [...chars];
  while (k < all.length) {
    const [script] = SCRIPTS[all[k]];
    let group = '';
    while (k < all.length && SCRIPTS[all[k]][0] === script) group += SCRIPTS[all[k++]][1];
    out += `${script}{${group}}`;
  }
  return out;
}

/**
 * Text (a title, a note, a cell) as LaTeX text: its mathematics in $…$, its special characters
 * escaped; in a text with Chinese in it, its quotation marks and dashes kept (“…”, ——).
 */
export function latexText(text: string): string {
  const chinese = CJK.test(text);
  let out = '';
  let math = '';
  const flush = () => {
    if (math) out += `$${math}$`;
    math = '';
  };
  const chars = [...text];
  for (let k = 0; k < chars.length; k++) {
    const ch = chars[k];
    if (SCRIPTS[ch]) {
      let run = ch;
      while (k + 1 < chars.length && SCRIPTS[chars[k + 1]]) run += chars[++k];
      math += scripts(run);
    } else if (MATH[ch] !== undefined) {
      const command = MATH[ch];
      math += /^\\[a-zA-Z]+$/.test(command) && /[a-zA-Z]/.test(chars[k + 1] ?? '') ? `${command} ` : command;
    } else {
      flush();
      out += chinese && CJK_KEEPS.has(ch) ? ch : (TEXT_SPECIAL[ch] ?? ch);
    }
  }
  flush();
  return out;
}

const WORD = /^[A-Za-z][A-Za-z0-9]*/;
const NUMBER = /^\d+(?:\.\d+)?(?:e[+-]?\d+)?/;
const OTHER_LETTERS = /^[^\s\x00-\x7f]+/u;

/** A number as math: 1.2e-5 → 1.2\times10^{-5}. */
function mathNumber(text: string): string {
  const m = /^(.*?)e([+-]?)(\d+)$/.exec(text);
  return m ? `${m[1]}\\times10^{${m[2] === '-' ? '-' : ''}${m[3].replace(/^0+(?=\d)/, '')}}` : text;
}

/**
 * A formula as xent prints it ("p = softmax(z) = [0.7856, …]", "Σ_c a_c·log p_c") in LaTeX
 * math: words upright (\mathrm, \log), other scripts as \text, Unicode as commands, a name
 * with an underscore subscripted when what follows is one letter or a {group}.
 */
export function latexMath(formula: string): string {
  const balanced = bracesBalance(formula);
  let out = '';
  // Whether a space here separates two words (math mode drops spaces otherwise).
  let lastWordy = false;
  let spaced = false;
  let rest = formula;
  const emit = (piece: string, wordy: boolean) => {
    if (spaced && lastWordy && wordy) out += '\\ ';
    else if (spaced) out += ' ';
    out += piece;
    lastWordy = wordy;
    spaced = false;
  };
  while (rest.length > 0) {
    const ch = rest[0];
    let m: RegExpExecArray | null;
    if (/\s/.test(ch)) {
      spaced = true;
      rest = rest.slice(1);
    } else if ((m = NUMBER.exec(rest))) {
      emit(mathNumber(m[0]), true);
      rest = rest.slice(m[0].length);
    } else if ((m = WORD.exec(rest))) {
      const word = m[0];
      rest = rest.slice(word.length);
      emit(word.length === 1 ? word : FUNCTIONS.has(word) ? `\\${word}` : `\\mathrm{${word}}`, true);
      if (rest[0] === '_') rest = subscript(rest, (piece) => (out += piece));
    } else if (SCRIPTS[ch]) {
      const run =
        /^[\u2080-\u2089\u208a\u208b\u1d62\u2c7c\u2096\u2099\u2098\u209a\u209c\u2093\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u207a\u207b\u207f\u1d40]+/u.exec(
          rest,
        )![0];
      out += scripts(run);
      rest = rest.slice(run.length);
      lastWordy = true;
    } else if (MATH[ch] !== undefined) {
      const command = MATH[ch];
      rest = rest.slice(ch.length);
      // A command before a letter needs a space to end its name (\\cdot p, not \\cdotp).
      emit(/^\\[a-zA-Z]+$/.test(command) && /^[A-Za-z]/.test(rest) ? `${command} ` : command, false);
    } else if ((m = OTHER_LETTERS.exec(rest)) && !MATH[[...m[0]][0]]) {
      // Chinese words, accented names: text inside the formula (up to the next ASCII or mathematics).
      const run = [...m[0]];
      let text = '';
      while (run.length > 0 && MATH[run[0]] === undefined && !SCRIPTS[run[0]]) text += run.shift();
      emit(`\\textrm{${latexText(text)}}`, true);
      rest = rest.slice(text.length);
    } else if (ch === '_' && /^_[A-Za-z0-9]{2}/.test(rest)) {
      rest = subscript(rest, (piece) => (out += piece));
    } else {
      const escaped: Record<string, string> = {
        '%': '\\%',
        '&': '\\&',
        '#': '\\#',
        $: '\\$',
        '~': '\\sim ',
        '\\': '\\backslash ',
      };
      const brace = ch === '{' || ch === '}' ? (balanced ? ch : `\\${ch}`) : undefined;
      emit(brace ?? escaped[ch] ?? ch, false);
      rest = rest.slice(1);
    }
  }
  return out.trim();
}

/**
 * A subscript written without braces (δ_cj, p_target) as one group: indices of two
 * characters or fewer in italic (cj), a longer name upright (target). Gives what is left.
 */
function subscript(rest: string, emit: (piece: string) => void): string {
  const m = /^_([A-Za-z0-9]+)/.exec(rest);
  if (!m) return rest;
  emit(m[1].length <= 2 ? `_{${m[1]}}` : `_{\\mathrm{${m[1]}}}`);
  return rest.slice(m[0].length);
}

function bracesBalance(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '{') depth++;
    else if (ch === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/** A paragraph of text lines (one language a line) as LaTeX paragraphs. */
export function latexParagraphs(text: string): string {
  return text
    .split('\n')
    .map((line) => `\\noindent ${latexText(line)}`)
    .join('\n\n');
}

function latexCell(cell: Cell, decimals: number): string {
  if (cell.kind === 'text') return latexText(displaySafe(cell.text));
  const text = formatFixed(cell.value, decimals);
  const number =
    text === 'inf' ? '\\infty' : text === '-inf' ? '-\\infty' : text === 'nan' ? undefined : mathNumber(text);
  if (number === undefined) return '\\textrm{nan}';
  return cell.mark ? `$\\mathbf{${number}}$` : `$${number}$`;
}

function latexTable(table: ReportTable, decimals: number): string {
  const parts = table.lead ? [latexParagraphs(displaySafeLines(table.lead))] : [];
  if (table.title) parts.push(`\\noindent\\textbf{${latexText(displaySafeLines(table.title).replace(/\n/g, ' '))}}`);
  const head = [table.corner, ...table.colLabels].map((label) => latexText(displaySafe(label)));
  const lines = [
    `\\noindent\\begin{tabular}{l${'r'.repeat(table.colLabels.length)}}`,
    '\\hline',
    `${head.join(' & ')} \\\\`,
    '\\hline',
  ];
  for (const row of table.rows) {
    const cells = [latexText(displaySafe(row.label))];
    for (let j = 0; j < table.colLabels.length; j++) {
      const cell = row.cells[j];
      cells.push(cell ? latexCell(cell, decimals) : '');
    }
    lines.push(`${cells.join(' & ')} \\\\`);
  }
  lines.push('\\hline', '\\end{tabular}');
  parts.push(lines.join('\n'));
  if (table.footnote) parts.push(latexParagraphs(displaySafeLines(table.footnote)));
  return parts.join('\n\n');
}

/**
 * The report as a LaTeX fragment to paste into a document: tables, the summary, the notes.
 * It needs no package; wrapped in \documentclass{article} … it compiles with pdflatex.
 */
export function formatLatex(report: Report, decimals: number): string {
  const blocks = report.tables.map((table) => latexTable(table, decimals));
  if (report.summary.length > 0) {
    const rows = report.summary.map((line) => {
      const value =
        typeof line.value === 'number'
          ? latexCell({ kind: 'number', value: line.value }, decimals)
          : latexText(displaySafe(line.value));
      return `${latexText(displaySafe(line.label))} & ${value} \\\\`;
    });
    blocks.push(['\\noindent\\begin{tabular}{lr}', ...rows, '\\end{tabular}'].join('\n')); // spread-ok: one line per summary figure
  }
  if (report.notes.length > 0)
    blocks.push(report.notes.map((note) => latexParagraphs(displaySafeLines(note))).join('\n\n'));
  return blocks.join('\n\n') + '\n';
}
