// -f latex for write-ups: tables as plain tabulars, explanations with display math, Markdown
// explanations with $$…$$ math. Compiled with pdflatex where Debian's texlive-latex-base is
// installed, and in Chinese with xelatex in \documentclass{ctexart} where texlive-xetex and
// texlive-lang-chinese are; everywhere, every piece of math is checked against the commands
// KaTeX renders.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands/index.js';
import { latexMath, latexText } from '../src/format/latex.js';
import { xent } from './helpers/cli.js';

const hasPdflatex = spawnSync('pdflatex', ['--version'], { encoding: 'utf8' }).status === 0;
const hasCtex =
  spawnSync('xelatex', ['--version'], { encoding: 'utf8' }).status === 0 &&
  spawnSync('kpsewhich', ['ctexart.cls'], { encoding: 'utf8' }).stdout.trim() !== '';

/** Math commands KaTeX renders (a subset of its list: the ones xent may write). */
const KATEX_MATH = new Set(
  (
    'times cdot div pm le ge neq approx equiv in infty to leftarrow Leftrightarrow Rightarrow propto partial nabla ' +
    'sum prod surd | lfloor rfloor lceil rceil langle rangle odot circ ldots cdots ell top alpha beta gamma delta varepsilon eta theta kappa ' +
    'lambda mu nu pi rho sigma tau phi psi omega Gamma Delta Lambda Pi Phi Psi Omega mathrm mathbf textrm log ln exp ' +
    'max min sin cos tanh det lim sup inf { } % & # $ sim backslash'
  ).split(' '),
);
KATEX_MATH.add(' ');

/** The math of a LaTeX or Markdown text: $…$, $$…$$ and \[…\]. */
function mathPieces(text: string): string[] {
  const pieces: string[] = [];
  for (const m of text.matchAll(/\\\[(.*?)\\\]|\$\$(.+?)\$\$|(?<!\\)\$(.+?)(?<!\\)\$/gs))
    pieces.push(m[1] ?? m[2] ?? m[3]);
  return pieces;
}

/** What KaTeX would refuse in a piece of math: unknown commands, unbalanced braces, a stray $. */
function katexProblems(math: string): string[] {
  const problems: string[] = [];
  for (const m of math.matchAll(/\\([a-zA-Z]+|.)/g)) if (!KATEX_MATH.has(m[1])) problems.push(`\\${m[1]}`);
  let depth = 0;
  for (const ch of math.replace(/\\[{}]/g, '')) {
    if (ch === '{') depth++;
    if (ch === '}' && --depth < 0) problems.push('unbalanced }');
  }
  if (depth !== 0) problems.push('unbalanced {');
  if (/(?<!\\)\$/.test(math)) problems.push('stray $');
  return problems;
}

/** Each command's examples that print a report (no files), with --explain where it has one, and a check. */
function writeUps(): string[][] {
  const runs: string[][] = [['demo'], ['softmax', '2', '0.5', '-1', '--expect', '0.71,0.23,0.06']];
  for (const command of COMMANDS) {
    for (const example of command.examples) {
      if (/@|-i |-f |--lang/.test(example)) continue;
      const argv = (example.match(/"[^"]*"|\S+/g) ?? []).slice(1).map((w) => w.replace(/^"|"$/g, ''));
      runs.push(argv);
      if (command.abilities.explain) runs.push([...argv, '--explain']);
    }
  }
  return runs;
}

describe('LaTeX from xent’s Unicode', () => {
  it.each([
    ['p = softmax(z) = [0.7856, 0.1753]', 'p = \\mathrm{softmax}(z) = [0.7856, 0.1753]'],
    ['L = −log(0.7856)', 'L = -\\log(0.7856)'],
    ['∂L/∂z₀ = p₀ − y₀', '\\partial L/\\partial z_{0} = p_{0} - y_{0}'],
    ['δ_cj', '\\delta_{cj}'],
    ['∂L/∂sᵢₚ', '\\partial L/\\partial s_{ip}'],
    ['p_target · 1.2e-5', 'p_{\\mathrm{target}} \\cdot 1.2\\times10^{-5}'],
    ['KL(q‖p) ≥ 0', '\\mathrm{KL}(q\\|p) \\ge 0'],
    ['损失 = 0.24', '\\textrm{损失} = 0.24'],
  ])('formula %s', (formula, latex) => {
    expect(latexMath(formula)).toBe(latex);
  });
  it('text keeps its words and puts its mathematics in $…$, its special characters escaped', () => {
    expect(latexText('the gradient is p − y: 100% & more_x')).toBe('the gradient is p $-$ y: 100\\% \\& more\\_x');
    expect(latexText('exp(mean loss) ≤ e²')).toBe('exp(mean loss) $\\le$ e$^{2}$');
  });
});

describe('-f latex and Markdown math are KaTeX-safe, in English and Chinese', () => {
  it.each(writeUps().map((argv) => [argv.join(' '), argv]))('%s', async (_name, argv) => {
    for (const [format, lang] of [
      ['latex', 'en'],
      ['markdown', 'en'],
      ['latex', 'zh'],
      ['markdown', 'zh'],
    ]) {
      const r = await xent([...(argv as string[]), '-f', format, '--lang', lang]);
      expect(r.code, r.stderr).toBeLessThanOrEqual(1);
      const pieces = mathPieces(r.stdout);
      // (A --dtype replay's report is numbers beside numbers: no formula in it.)
      if (format === 'latex' && !argv.includes('--dtype')) expect(pieces.length).toBeGreaterThan(0);
      for (const piece of pieces) expect(katexProblems(piece), piece).toEqual([]);
    }
  });
  it('an explanation in Markdown has its formulas as $$ math, not code blocks', async () => {
    const r = await xent(['ce', '2,0.5,-1', '-y', '0', '--explain', '-f', 'markdown']);
    expect(r.stdout).not.toContain('```');
    expect(r.stdout).toContain('$$L = -\\log(0.7856)$$');
  });
});

/**
 * Every write-up's LaTeX in `lang`, wrapped in `documentclass`, compiled by `engine`: the errors
 * of its log ('!' lines), none when it compiles. A character missing from the fonts is an
 * error too (\tracinglostchars=3; xelatex would otherwise only log it and drop the glyph).
 */
async function compileErrors(engine: string, documentclass: string, lang: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), `xent-${engine}-`));
  const bodies: string[] = [];
  for (const argv of writeUps()) bodies.push((await xent([...argv, '-f', 'latex', '--lang', lang])).stdout);
  writeFileSync(
    join(dir, 'all.tex'),
    `\\documentclass{${documentclass}}\n\\tracinglostchars=3\n\\begin{document}\n${bodies.join('\n\\bigskip\n')}\n\\end{document}\n`,
  );
  const run = spawnSync(engine, ['-interaction=nonstopmode', '-halt-on-error', 'all.tex'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 180_000,
  });
  const log = readFileSync(join(dir, 'all.log'), 'utf8');
  const errors = log
    .split('\n')
    .filter((line) => line.startsWith('!'))
    .join('\n');
  return run.status === 0 ? errors : errors || `${engine} exited with ${run.status}`;
}

describe.skipIf(!hasPdflatex)('-f latex compiles with pdflatex (texlive-latex-base)', () => {
  it('every command’s report and explanation, wrapped in \\documentclass{article}', async () => {
    expect(await compileErrors('pdflatex', 'article', 'en')).toBe('');
  });
});
it.skipIf(hasPdflatex)(
  'pdflatex is not installed: -f latex is checked against KaTeX only (apt-get install texlive-latex-base)',
  () => {
    expect(hasPdflatex).toBe(false);
  },
);

describe('-f latex in Chinese says what compiles it', () => {
  it('a comment first: xelatex with ctex, in the language of the run', async () => {
    const zh = (await xent(['ce', '2,0.5,-1', '-y', '0', '-f', 'latex', '--lang', 'zh'])).stdout;
    expect(zh.split('\n')[0]).toBe(
      '% 含中文：请用 xelatex 编译（pdflatex 不支持中文），文档类用 \\documentclass{ctexart}（或加 \\usepackage{ctex}）；Debian 软件包：texlive-xetex、texlive-lang-chinese',
    );
    const both = (await xent(['ce', '2,0.5,-1', '-y', '0', '--explain', '-f', 'latex', '--lang', 'both'])).stdout;
    expect(both.split('\n').slice(0, 2)).toEqual([
      expect.stringMatching(/^% 含中文：请用 xelatex 编译/),
      '% Chinese text: compile with xelatex in \\documentclass{ctexart} (or with \\usepackage{ctex}), not with pdflatex; Debian packages: texlive-xetex, texlive-lang-chinese',
    ]);
  });
  it('English has no such comment, but Chinese names from a header bring it', async () => {
    const en = (await xent(['ce', '2,0.5,-1', '-y', '0', '-f', 'latex', '--lang', 'en'])).stdout;
    expect(en).not.toContain('xelatex');
    const named = await xent(['softmax', '-f', 'latex', '--lang', 'en'], { stdin: '猫,狗\n1,2\n' });
    expect(named.stdout.split('\n')[0]).toMatch(/^% Chinese text: compile with xelatex/);
  });
  it('Chinese quotation marks and dashes stay as they are; English ones become TeX’s', () => {
    expect(latexText('“损失”列——每行')).toBe('“损失”列——每行');
    expect(latexText('the “loss” column — each row')).toBe("the ``loss'' column --- each row");
  });
});

describe.skipIf(!hasCtex)('-f latex in Chinese compiles with xelatex (texlive-xetex, texlive-lang-chinese)', () => {
  it.each(['zh', 'both'])(
    'every command’s report and explanation in --lang %s, wrapped in \\documentclass{ctexart}',
    async (lang) => {
      expect(await compileErrors('xelatex', 'ctexart', lang)).toBe('');
    },
    240_000,
  );
});
it.skipIf(hasCtex)(
  'xelatex or ctex is not installed: Chinese -f latex is not compiled (apt-get install texlive-xetex texlive-lang-chinese)',
  () => {
    expect(hasCtex).toBe(false);
  },
);
