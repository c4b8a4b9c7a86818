import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, shell } from './helpers/binary.js';

describe('the built binary', () => {
  it('reads a pipe and writes TSV to a pipe', () => {
    const r = shell("printf '2 0.5 -1\\n' | xent softmax | cat");
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('0.7855970345892759\t0.1752903921400367\t0.039112573270687456\n');
  });
  it('reads a file read more than once (softmax -f json, retrieval) from <(…) and /dev/stdin, read once', () => {
    for (const [command, rows] of [
      ['softmax -f json', '2,0.5,-1\\n-inf,0,1\\n'],
      ['retrieval -f json', '0.9,0.1\\n0.2,0.8\\n'],
    ]) {
      const piped = shell(`printf '${rows}' | xent ${command}`);
      expect(piped).toMatchObject({ code: 0, stderr: '' });
      expect(piped.stdout).toMatch(/^\{\n/);
      expect(shell(`xent ${command} -i <(printf '${rows}')`)).toEqual(piped);
      expect(shell(`printf '${rows}' | xent ${command} -i /dev/stdin`)).toEqual(piped);
    }
  });
  it('reads its own output back', () => {
    const r = shell("xent softmax '1,2;3,4' --log | xent softmax -f csv");
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
  });
  it('exits 2 with one line on stderr and nothing on stdout for bad input', () => {
    const r = shell('xent softmax 1 x');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });
  it('ends quietly when the reader closes the pipe early', () => {
    const r = shell(
      'set -o pipefail; seq 1 200000 | tr "\\n" " " | xent softmax --axis row -f tsv | head -c 10 >/dev/null; echo "status ${PIPESTATUS[2]}"',
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('status 0\n');
  });
  it('prints the version of package.json', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(shell('xent --version').stdout.trim()).toBe(version);
  });
  it('npm start runs the demo', () => {
    const r = shell('node bin/xent.js demo -f table');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0.7856*');
  });
  it('a usage hint on a terminal-less run with no input is not a crash', () => {
    const r = shell('xent softmax < /dev/null');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('xent: error: no numbers found in standard input\n');
  });
});

/** The README's ```console blocks: `$ command` lines, each followed by its expected output. */
function readmeExamples(): { command: string; expected: string }[] {
  const text = ['README.md', 'README.zh-CN.md'].map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
  const examples: { command: string; expected: string }[] = [];
  for (const block of text.matchAll(/```console\n([\s\S]*?)```/g)) {
    let current: { command: string; lines: string[] } | undefined;
    const flush = () => current && examples.push({ command: current.command, expected: current.lines.join('\n') });
    for (const line of block[1].replace(/\n$/, '').split('\n')) {
      if (line.startsWith('$ ')) {
        flush();
        current = { command: line.slice(2), lines: [] };
      } else current?.lines.push(line);
    }
    flush();
  }
  return examples;
}

describe('README examples, run as written', () => {
  const examples = readmeExamples();
  it('has examples', () => expect(examples.length).toBeGreaterThan(5));
  it.each(examples.map((e) => [e.command, e] as const))('$ %s', (_command, { command, expected }) => {
    const r = shell(`${command} 2>&1`);
    expect(r.stdout.replace(/\n$/, '')).toBe(expected);
  });
});
