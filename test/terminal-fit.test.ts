// Outputs made to fit the terminal's width, in-process (test/terminal-width.test.ts checks the
// same in a real terminal): prose wrapped at word boundaries (Chinese between characters), a
// table too wide losing what is not the answer, and saying so.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../src/format/width.js';
import { shellLines, wrapLine } from '../src/format/wrap.js';
import { xent } from './helpers/cli.js';

const plain = { LANG: 'C', NO_COLOR: '1' };
const widest = (text: string) => Math.max(...text.split('\n').map(displayWidth));
/** The header cells of the table under `title` in `text`. */
function headerOf(text: string, title: string): string[] {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.startsWith(title));
  return lines[at + 2]
    .split('│')
    .map((cell) => cell.trim())
    .filter((cell) => cell !== '');
}

describe('prose wraps to the width', () => {
  it('at spaces, never inside a word, later lines hung under a list number', () => {
    const line = '3. 0.06 is judged as 0.0595 to 0.0605: two significant digits of 0.039, finer than written';
    const lines = wrapLine(line, 40);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(40);
    expect(lines.slice(1).every((l) => l.startsWith('   ') && l[3] !== ' ')).toBe(true);
    expect(lines.map((l) => l.trim()).join(' ')).toBe(line);
  });
  it('Chinese between characters, without a line starting with closing punctuation', () => {
    const line = '每行的交叉熵 H(q, p) = H(q) + KL(q‖p)：目标 q 自身的熵（任何预测都无法消除）加上 p 偏离它的散度';
    const lines = wrapLine(line, 30);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(30);
    for (const l of lines.slice(1)) expect(l).not.toMatch(/^[，。；：、）]/);
    expect(lines.join('').replace(/ /g, '')).toBe(line.replace(/ /g, ''));
  });
  it('a command line continues with backslashes, broken outside quotes, and reads back whole', () => {
    const line = `  $ xent clip --example --expect 'probs_i2t[0]=0.71,0.23,0.06; losses_i2t[0]=0.34'`;
    const lines = shellLines(line, 50);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(0, -1).every((l) => l.endsWith(' \\'))).toBe(true);
    expect(lines.map((l) => l.replace(/ \\$/, '').trim()).join(' ')).toBe(line.trim());
  });
  it('property: any sentence of words fits any width its longest word fits, its words whole and in order', () => {
    const word = fc.stringMatching(/^[a-z0-9()=.,]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 40 }), fc.integer({ min: 20, max: 120 }), (ws, width) => {
        const line = ws.join(' ');
        const lines = wrapLine(line, width);
        for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
        expect(lines.join(' ').split(/ +/).filter(Boolean)).toEqual(ws);
      }),
      { numRuns: 200 },
    );
  });
});

describe('tables fit the terminal, keeping the answer', () => {
  it('ce with label smoothing at 60 columns keeps arg-max, p(target) and the loss, and names what it left out', async () => {
    const argv = ['ce', '1,2,3,4,5,6,7; 7,6,5,4,3,2,1', '-y', '3,1', '--label-smoothing', '0.1'];
    const r = await xent(argv, { tty: true, columns: 60, env: plain });
    expect(widest(r.stdout)).toBeLessThanOrEqual(60);
    const header = headerOf(r.stdout, 'Cross-entropy of each row');
    for (const kept of ['arg-max', 'p(target)', 'loss']) expect(header).toContain(kept);
    const dropped = ['target', 'H(q)', 'KL(q‖p)', 'correct'].filter((label) => !header.includes(label));
    expect(dropped.length).toBeGreaterThan(0);
    expect(r.stdout).toContain(`left out to fit the terminal: ${dropped.join(', ')}`);
    // --full shows every column, wider than the terminal.
    const full = await xent([...argv, '--full'], { tty: true, columns: 60, env: plain });
    expect(headerOf(full.stdout, 'Cross-entropy of each row')).toContain('KL(q‖p)');
  });
  it('the same in Chinese, the columns listed with 、', async () => {
    const argv = ['ce', '1,2,3,4,5,6,7; 7,6,5,4,3,2,1', '-y', '3,1', '--label-smoothing', '0.1', '-L', 'zh'];
    const r = await xent(argv, { tty: true, columns: 50, env: plain });
    expect(widest(r.stdout)).toBeLessThanOrEqual(50);
    expect(headerOf(r.stdout, '每一行的交叉熵')).toEqual(expect.arrayContaining(['预测类别', 'p(目标)', '损失']));
    expect(r.stdout).toMatch(/为适应终端宽度，省略了：[^,\n]+、/);
  });
  it('a softmax too wide loses middle classes, and a column * names the most probable one it hid', async () => {
    const r = await xent(['softmax', '1,2,3,4,5,16,6,7,8,9,10,11,3; 16,2,3,4,5,6,1,7,8,9,10,11,2'], {
      tty: true,
      columns: 60,
      env: plain,
    });
    expect(widest(r.stdout)).toBeLessThanOrEqual(60);
    const header = headerOf(r.stdout, 'Probability');
    expect(header).toContain('…');
    expect(header.at(-1)).toBe('*');
    // Row 1's answer (class 5) is hidden and named; row 2's (class 0) is shown, marked, and named too.
    expect(r.stdout).toMatch(/│ 1 +│.*│ +5 │\n/);
    expect(r.stdout).toMatch(/│ 2 +│ +0\.9895\*.*│ +0 │\n/);
    expect(r.stdout).toContain('the column headed * names the marked column of each row');
  });
  it('property: softmax and ce tables of any width fit any terminal from 60 to 140 columns, the answer kept', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 60, max: 140 }),
        fc.integer({ min: 0, max: 1000 }),
        async (classes, columns, seed) => {
          const row = Array.from({ length: classes }, (_, j) => ((seed * (j + 7)) % 97) / 10 - 4);
          const target = seed % classes;
          const argmax = row.indexOf(Math.max(...row)); // spread-ok: at most 30 classes
          const r = await xent(['ce', row.join(','), '-y', String(target), '--label-smoothing', '0.05', '-g'], {
            tty: true,
            columns,
            env: plain,
          });
          expect(r.code).toBe(0);
          expect(widest(r.stdout)).toBeLessThanOrEqual(columns);
          const header = headerOf(r.stdout, 'Cross-entropy of each row');
          for (const kept of ['arg-max', 'p(target)', 'loss']) expect(header).toContain(kept);
          const s = await xent(['softmax', row.join(',')], { tty: true, columns, env: plain });
          expect(widest(s.stdout)).toBeLessThanOrEqual(columns);
          const shown = headerOf(s.stdout, 'Probability');
          // The most probable class is either a shown column or named in the * column.
          if (!shown.includes(String(argmax))) expect(s.stdout).toMatch(new RegExp(`│ +${argmax} │\\n`));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('help fits the terminal', () => {
  it.each([60, 80, 120])('top-level and per-command help at %i columns, in English and Chinese', async (columns) => {
    for (const lang of ['en', 'zh']) {
      for (const argv of [['--help'], ['ce', '--help'], ['distill', '--help']]) {
        const r = await xent([...argv, '-L', lang], { tty: true, columns, env: plain });
        expect(r.code).toBe(0);
        expect(widest(r.stdout), `${argv.join(' ')} ${lang}`).toBeLessThanOrEqual(columns);
      }
    }
  });
  it('at 60 columns a description goes under its option, indented', async () => {
    const r = await xent(['--help'], { tty: true, columns: 60, env: plain });
    expect(r.stdout).toMatch(/\n {2}-i, --input <FILE>\n {6}read the matrix from FILE/);
  });
});
