// The README's Library section runs as written: each ```js block of "## Library" (README.md)
// and "## 作为库使用" (README.zh-CN.md) is run against the library (src/index.ts, what
// `import … from 'xent'` loads), and every value a comment shows (`expr; // 0.2978 (mean)`, or
// a comment line under the statement) is the statement's value to the decimals shown.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as xent from '../src/index.js';
import { ROOT } from './helpers/binary.js';

function section(file: string, heading: string): string {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const start = text.indexOf(`\n## ${heading}\n`);
  expect(start, `${file}: ## ${heading}`).toBeGreaterThan(0);
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start, end);
}

function jsBlocks(text: string): string[] {
  return [...text.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
}

/** The literal a comment starts with: a number or a bracketed list of numbers; undefined for prose. */
function shownValue(comment: string): string | undefined {
  const text = comment.trim();
  const number = /^-?\d+(\.\d+)?(e-?\d+)?/.exec(text);
  if (number) return number[0];
  if (!text.startsWith('[')) return undefined;
  let depth = 0;
  for (let k = 0; k < text.length; k++) {
    if (text[k] === '[') depth++;
    if (text[k] === ']' && --depth === 0) return text.slice(0, k + 1);
  }
  return undefined;
}

/** The actual value against the shown one, each number to the decimals it is shown with. */
function expectShown(actual: unknown, shown: string, where: string): void {
  const numbers = shown.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? [];
  const flat = [actual].flat(Number.POSITIVE_INFINITY) as number[];
  expect(flat.length, `${where}: how many numbers`).toBe(numbers.length);
  numbers.forEach((text, k) => {
    const decimals = /\.(\d+)/.exec(text)?.[1].length ?? 0;
    const value = Number(text);
    const allowed = Math.max(0.5 * 10 ** -decimals, 1e-12 * Math.abs(value));
    expect(Math.abs(flat[k] - value) <= allowed, `${where}[${k}]: shown ${text}, got ${flat[k]}`).toBe(true);
  });
}

/** The block as a function of the library: its import becomes a destructuring, each shown value a check. */
function runnable(block: string): { body: string; shown: string[] } {
  const shown: string[] = [];
  const out: string[] = [];
  for (const line of block.split('\n')) {
    const at = line.indexOf('//');
    const code = (at < 0 ? line : line.slice(0, at)).trim();
    const value = at < 0 ? undefined : shownValue(line.slice(at + 2));
    if (code.startsWith('import ')) {
      const names = /import \{([^}]*)\} from 'xent';/.exec(code);
      expect(names, code).not.toBeNull();
      out.push(`const {${names![1]}} = xent;`);
      continue;
    }
    if (code === '' && value !== undefined) {
      // A comment line under a statement: that statement's value.
      const last = out.pop()!;
      const statement = /^__last = (.*);$/.exec(last);
      expect(statement, `a value comment under no statement: ${line}`).not.toBeNull();
      shown.push(value);
      out.push(`__check(${statement![1]}, ${shown.length - 1});`);
      continue;
    }
    if (code === '') continue;
    const expression = !/^(const|let|var)\s/.test(code) && code.endsWith(';');
    if (expression && value !== undefined) {
      shown.push(value);
      out.push(`__check(${code.slice(0, -1)}, ${shown.length - 1});`);
    } else out.push(expression ? `__last = ${code.slice(0, -1)};` : code);
  }
  return { body: `let __last;\n${out.join('\n')}`, shown };
}

const BLOCKS = [
  ...jsBlocks(section('README.md', 'Library')).map((b, i) => [`README.md, block ${i + 1}`, b] as const),
  ...jsBlocks(section('README.zh-CN.md', '作为库使用')).map((b, i) => [`README.zh-CN.md, block ${i + 1}`, b] as const),
];

describe("the README's library examples run as written", () => {
  it('there are some, and the new conventions are among them', () => {
    expect(BLOCKS.length).toBeGreaterThanOrEqual(3);
    const all = BLOCKS.map(([, b]) => b).join('\n');
    for (const name of ['gradLogScale', 'worldSize', 'simclrLoss', 'preset', 'singletons', 'klDivergence', 'perRow'])
      expect(all).toContain(name);
  });

  it.each(BLOCKS)('%s', (where, block) => {
    const { body, shown } = runnable(block);
    const checked: number[] = [];
    const check = (value: unknown, k: number) => {
      expectShown(value, shown[k], `${where}: ${shown[k]}`);
      checked.push(k);
    };
    new Function('xent', '__check', body)(xent, check);
    expect(checked).toEqual(shown.map((_, k) => k));
  });
});
