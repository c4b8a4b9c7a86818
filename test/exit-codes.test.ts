// One table of exit codes (src/core/exit-codes.ts): each code means one thing, and the help and
// both READMEs list exactly those codes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../src/core/exit-codes.js';
import { ROOT } from './helpers/binary.js';
import { xent } from './helpers/cli.js';

const CODES = Object.values(EXIT).sort((a, b) => a - b);

describe('exit codes', () => {
  it('no two meanings share a code', () => {
    expect(new Set(CODES).size).toBe(CODES.length);
  });

  it.each(['en', 'zh'])('xent --help -L %s lists every code, in order', async (lang) => {
    const r = await xent(['--help', '-L', lang]);
    const section = r.stdout.slice(r.stdout.lastIndexOf(lang === 'en' ? 'Exit codes:' : '退出码：'));
    expect(
      section
        .split('\n')
        .slice(1)
        .filter((line) => line.trim() !== '')
        .map((line) => Number(/^\s+(\d+)\s/.exec(line)?.[1])),
    ).toEqual(CODES);
  });

  it('README.md has a row for every code, and no other', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(
      readme.indexOf('## Exit codes'),
      readme.indexOf('\n## ', readme.indexOf('## Exit codes')),
    );
    expect([...section.matchAll(/^\| (\d+) \|/gm)].map((m) => Number(m[1]))).toEqual(CODES);
  });

  it('README.zh-CN.md names every code, and no other', () => {
    const readme = readFileSync(join(ROOT, 'README.zh-CN.md'), 'utf8');
    const line = readme.split('\n').find((l) => l.startsWith('退出码：'))!;
    const items = line.slice('退出码：'.length).split('。')[0].split('，'); // "0 成功", "1 `--expect` 有错", …
    expect(items.map((item) => Number(/^(\d+) /.exec(item)?.[1]))).toEqual(CODES);
  });
});
