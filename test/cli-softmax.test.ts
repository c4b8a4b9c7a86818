import { describe, expect, it } from 'vitest';
import { tsvRows, xent } from './helpers/cli.js';
import { expectClose } from './helpers/oracle.js';

const P = [0.7855970345892759, 0.1752903921400367, 0.039112573270687456];

describe('xent softmax: input sources and notations', () => {
  it('reads positional numbers, negative ones included', async () => {
    const r = await xent(['softmax', '2', '0.5', '-1']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(tsvRows(r.stdout)).toEqual([P]);
  });
  it.each([
    [['softmax', '-1', '-2', '-3']],
    [['softmax', '1', '-inf', '2']],
    [['softmax', '-inf', '0']],
    [['softmax', '-Infinity', '0']],
    [['softmax', '-.5', '0']],
    [['softmax', '-1,2; 3,-4']],
    [['softmax', '-1e3', '2']],
    [['softmax', '-t', '2', '-1', '-2']],
    [['softmax', '-1', '-2', '--temperature=2']],
    [['-f', 'json', 'softmax', '-1', '-2']],
  ])('%j parses', async (argv) => {
    const r = await xent(argv);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
  it('a matrix that starts with a minus', async () => {
    const r = await xent(['softmax', '-1,2; 3,-4']);
    expect(tsvRows(r.stdout).length).toBe(2);
  });
  it('a masked class gets probability 0 and log-probability -inf', async () => {
    const r = await xent(['softmax', '1', '-inf', '2', '--log']);
    expect(r.stdout.split('\t')[1]).toBe('-inf');
    const p = await xent(['softmax', '1', '-inf', '2']);
    expect(tsvRows(p.stdout)[0][1]).toBe(0);
  });
  it('reads stdin when no argument is given', async () => {
    const r = await xent(['softmax'], { stdin: '2 0.5 -1\n' });
    expect(tsvRows(r.stdout)).toEqual([P]);
  });
  it('reads -i FILE and -i - (stdin)', async () => {
    const file = await xent(['softmax', '-i', 'm.csv'], { files: { 'm.csv': '2,0.5,-1\n' } });
    expect(tsvRows(file.stdout)).toEqual([P]);
    const dash = await xent(['softmax', '-i', '-'], { stdin: '[2, 0.5, -1]' });
    expect(tsvRows(dash.stdout)).toEqual([P]);
  });
  it('reads back its own tsv and csv output', async () => {
    const first = await xent(['softmax', '2,0.5,-1; 0.3,1.8,0.2', '--log']);
    const again = await xent(['softmax'], { stdin: first.stdout });
    expect(again.code).toBe(0);
    const csv = await xent(['softmax', '-f', 'csv'], { stdin: 'a,b\n1,2\n' });
    expect(csv.stdout.split('\n')[0]).toBe('a,b');
    const back = await xent(['softmax', '-f', 'json'], { stdin: csv.stdout });
    expect(back.code).toBe(0);
  });
  it('--example uses the built-in 3×3 matrix', async () => {
    const r = await xent(['softmax', '--example']);
    expect(tsvRows(r.stdout)[0]).toEqual(P);
    expect(tsvRows(r.stdout).length).toBe(3);
  });
  it('--axis col normalises each column', async () => {
    const r = await xent(['softmax', '0 5; 0 5', '--axis', 'col']);
    expect(tsvRows(r.stdout)).toEqual([
      [0.5, 0.5],
      [0.5, 0.5],
    ]);
  });
  it('-t divides by the temperature', async () => {
    const a = await xent(['softmax', '2 4', '-t', '2']);
    const b = await xent(['softmax', '1 2']);
    expect(a.stdout).toBe(b.stdout);
  });
  it('is exact for huge logits', async () => {
    const r = await xent(['softmax', '1000', '0', '-1000', '-f', 'json']);
    expect(JSON.parse(r.stdout).log_probs).toEqual([[0, -1000, -2000]]);
  });
});

describe('xent softmax: output formats', () => {
  it('tsv is the default in a pipe, table on a terminal', async () => {
    expect((await xent(['softmax', '1', '2'])).stdout).not.toContain('│');
    expect((await xent(['softmax', '1', '2'], { tty: true, env: { NO_COLOR: '1' } })).stdout).toContain('│');
  });
  it('table: labels, bars, the arg-max mark, no colour without a terminal', async () => {
    const r = await xent(['softmax', '2', '0.5', '-1', '-f', 'table']);
    expect(r.stdout).toBe(
      [
        'Probability (softmax of each row)',
        '┌─────┬──────────────────┬──────────────────┬──────────────────┐',
        '│ row │                0 │                1 │                2 │',
        '├─────┼──────────────────┼──────────────────┼──────────────────┤',
        '│ 1   │ 0.7856* ██████▎  │ 0.1753  █▍       │ 0.0391  ▍        │',
        '└─────┴──────────────────┴──────────────────┴──────────────────┘',
        '* marks the most probable class in each row',
        '',
      ].join('\n'),
    );
  });
  it('table: colour on a terminal, and never with NO_COLOR, TERM=dumb or --no-color', async () => {
    const ansi = /\u001b\[/;
    expect((await xent(['softmax', '1', '2'], { tty: true, env: {} })).stdout).toMatch(ansi);
    expect((await xent(['softmax', '1', '2'], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ansi);
    expect((await xent(['softmax', '1', '2'], { tty: true, env: { TERM: 'dumb' } })).stdout).not.toMatch(ansi);
    expect((await xent(['softmax', '1', '2', '--no-color'], { tty: true, env: {} })).stdout).not.toMatch(ansi);
    expect((await xent(['softmax', '1', '2', '-f', 'table', '--color'])).stdout).toMatch(ansi);
  });
  it.each([
    // FORCE_COLOR as Node and chalk read it; the flags still win
    [{ FORCE_COLOR: '0' }, true, [], false],
    [{ FORCE_COLOR: 'false' }, true, [], false],
    [{ FORCE_COLOR: '0' }, true, ['--color'], true],
    [{ FORCE_COLOR: '1' }, false, [], true],
    [{ FORCE_COLOR: '2' }, false, [], true],
    [{ FORCE_COLOR: '3' }, false, [], true],
    [{ FORCE_COLOR: 'true' }, false, [], true],
    [{ FORCE_COLOR: '' }, false, [], true],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, false, [], true],
    [{ FORCE_COLOR: '1', TERM: 'dumb' }, true, [], true],
    [{ FORCE_COLOR: '1' }, false, ['--no-color'], false],
    [{ FORCE_COLOR: 'yes' }, false, [], false], // not a value it knows: the usual rules
    [{ FORCE_COLOR: 'yes' }, true, [], true],
  ] as const)('table: %j on a terminal %s with %j: colour %s', async (env, tty, flags, colour) => {
    const r = await xent(['softmax', '1', '2', '-f', 'table', ...flags], { tty, env });
    expect(/\u001b\[/.test(r.stdout)).toBe(colour);
  });
  it('table: -p sets the decimals; tiny values are not shown as zero', async () => {
    const r = await xent(['softmax', '0', '-50', '-f', 'table', '-p', '2']);
    expect(r.stdout).toContain('1.00*');
    expect(r.stdout).toContain('1.9e-22');
  });
  it('table: column names from a CSV header', async () => {
    const r = await xent(['softmax', '-f', 'table'], { stdin: 'cat,dog\n1,2\n' });
    expect(r.stdout).toMatch(/│ row │\s+cat │\s+dog │/);
  });
  it('csv', async () => {
    const r = await xent(['softmax', '1,2;3,4', '-f', 'csv']);
    expect(r.stdout).toBe('0.2689414213699951,0.7310585786300049\n0.2689414213699951,0.7310585786300049\n');
  });
  it('tsv with -p uses fixed decimals', async () => {
    expect((await xent(['softmax', '1', '2', '-p', '3'])).stdout).toBe('0.269\t0.731\n');
  });
  it('json: every result at full precision, one inner list per row', async () => {
    const r = await xent(['softmax', '2', '0.5', '-1', '-f', 'json', '-p', '2']);
    const json = JSON.parse(r.stdout);
    expect(json.command).toBe('softmax');
    expect(json.probs).toEqual([P]);
    expectClose(json.log_probs[0], P.map(Math.log));
  });
  it('json: non-finite numbers as strings', async () => {
    const json = JSON.parse((await xent(['softmax', '1', '-inf', '-f', 'json'])).stdout);
    expect(json.log_probs[0][1]).toBe('-inf');
  });
  it('markdown', async () => {
    const r = await xent(['softmax', '2', '0.5', '-1', '-f', 'markdown']);
    expect(r.stdout).toBe(
      [
        '**Probability (softmax of each row)**',
        '',
        '| row |          0 |      1 |      2 |',
        '| :-- | ---------: | -----: | -----: |',
        '| 1   | **0.7856** | 0.1753 | 0.0391 |',
        '',
        '\\* marks the most probable class in each row',
        '',
      ].join('\n'),
    );
  });
  it('value: the numbers only, full precision', async () => {
    const r = await xent(['softmax', '2', '0.5', '-1', '-f', 'value', '-p', '2']);
    expect(r.stdout).toBe(`${P.join('\t')}\n`);
  });
  it('--log makes log-probabilities the main result', async () => {
    expectClose(tsvRows((await xent(['softmax', '2', '0.5', '-1', '--log'])).stdout)[0], P.map(Math.log));
  });
  it('notes the temperature in tables', async () => {
    const r = await xent(['softmax', '1', '2', '-t', '0.5', '-f', 'table']);
    expect(r.stdout).toContain('logits divided by the temperature T = 0.5 before the softmax');
  });
});

describe('xent softmax: languages', () => {
  it('Chinese from --lang, XENT_LANG or LANG', async () => {
    for (const run of [
      xent(['softmax', '1', '2', '-f', 'table', '--lang', 'zh']),
      xent(['softmax', '1', '2', '-f', 'table'], { env: { XENT_LANG: 'zh' } }),
      xent(['softmax', '1', '2', '-f', 'table'], { env: { LANG: 'zh_CN.UTF-8' } }),
    ]) {
      expect((await run).stdout).toContain('概率（对每一行做 softmax）');
    }
  });
  it('both: bilingual headers, lined up although CJK is two columns wide', async () => {
    const r = await xent(['softmax', '1', '2', '-f', 'table', '-L', 'both']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('概率（对每一行做 softmax） Probability (softmax of each row)');
    expect(lines[2]).toMatch(/^│ 行 row │/);
    const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
    expect(new Set(lines.slice(1, 6).map(width)).size).toBe(1);
  });
});
