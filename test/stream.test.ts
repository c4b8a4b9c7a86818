import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS } from '../src/commands/index.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromRows, toRows, transpose } from '../src/core/matrix.js';
import { clipLoss } from '../src/ops/clip/kernel.js';
import { logSumExp } from '../src/core/log-sum-exp.js';
import { ColumnLogSumExp } from '../src/core/online-log-sum-exp.js';
import { StreamedStdout } from '../src/rows/output.js';
import { formatJson } from '../src/format/json.js';
import { npyHeader } from '../src/format/npy.js';
import { softmax } from '../src/ops/softmax/kernel.js';
import { matrixRows } from '../src/report/report.js';
import { tsvRows, xent } from './helpers/cli.js';
import { expectClose } from './helpers/oracle.js';

const finite = fc.double({ min: -800, max: 800, noNaN: true });

describe('ColumnLogSumExp (online, one row at a time)', () => {
  it('equals the log-sum-exp of each column', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(finite, { minLength: 36, maxLength: 36 }),
        (rows, cols, pool) => {
          const m = fromRows(Array.from({ length: rows }, (_, i) => pool.slice(i * cols, (i + 1) * cols)));
          const online = new ColumnLogSumExp(cols);
          for (const row of toRows(m)) online.add(row);
          expectClose(Array.from(online.result()), toRows(transpose(m)).map(logSumExp));
        },
      ),
    );
  });
  it('skips -inf entries and gives -inf for a column of them', () => {
    const online = new ColumnLogSumExp(2);
    online.add([-Infinity, 1000]);
    online.add([-Infinity, 1000]);
    expect(Array.from(online.result())).toEqual([-Infinity, 1000 + Math.log(2)]);
  });
});

describe('streamed output', () => {
  it('keeps small output back, then writes everything past 8 MB as it comes', async () => {
    const written: number[] = [];
    const out = new StreamedStdout(async (bytes) => {
      written.push(bytes.length);
    });
    out.write('x'.repeat(1000));
    await out.flushIfLarge();
    expect(written).toEqual([]);
    for (let k = 0; k < 9; k++) out.write('y'.repeat(1024 * 1024));
    await out.flushIfLarge();
    expect(written.reduce((a, b) => a + b, 0)).toBe(1000 + 9 * 1024 * 1024);
    out.write('z');
    await out.flushIfLarge();
    expect(written.at(-1)).toBe(1);
    expect(out.rest()).toBe('');
  });
  it('without a sink keeps everything for the end', () => {
    const out = new StreamedStdout();
    out.write('a\t');
    out.write('概率\n');
    expect(out.rest()).toBe('a\t概率\n');
  });
});

describe('streaming commands give what the whole-matrix path gives', () => {
  const rows = Array.from({ length: 7 }, (_, i) =>
    Array.from({ length: 7 }, (_, j) => Math.sin(i * 7 + j) * 4 + (i === j ? 2 : 0)),
  );
  const csv = rows.map((r) => r.join(',')).join('\n') + '\n';

  it('softmax to tsv (streamed) matches softmax to json (whole)', async () => {
    const streamed = await xent(['softmax', '-f', 'tsv', '-t', '0.7'], { stdin: csv });
    const whole = JSON.parse((await xent(['softmax', '-f', 'json', '-t', '0.7'], { stdin: csv })).stdout);
    expect(tsvRows(streamed.stdout)).toEqual(whole.probs);
  });
  it('softmax --log to csv keeps the header and -inf', async () => {
    const r = await xent(['softmax', '--log', '-f', 'csv'], { stdin: 'a,"b,c"\n1,-inf\n' });
    expect(r.stdout).toBe('a,"b,c"\n0,-inf\n');
  });
  it('clip -f value (streamed) matches the whole-matrix loss', async () => {
    const streamed = await xent(['clip', '-f', 'value', '-s', '3'], { stdin: csv });
    const scaled = fromRows(rows.map((r) => r.map((x) => 3 * x)));
    expectClose(Number(streamed.stdout), clipLoss(scaled).loss);
  });
  it('stops at the first bad row with the usual message and nothing on stdout', async () => {
    const r = await xent(['softmax', '-f', 'tsv'], { stdin: '1 2\n3 4\n5\n' });
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'xent: error: row 3 of standard input has length 1, but row 1 has length 2; every row needs the same number of columns\n',
    });
    const masked = await xent(['clip', '-f', 'value'], { stdin: '1 -inf\n-inf -inf\n' });
    expect(masked.stderr).toBe(
      'xent: error: softmax is undefined for row 2: every logit is -inf, so every class is masked and nothing is left to normalise\n',
    );
    const square = await xent(['clip', '-f', 'value'], { stdin: '1 2 3\n4 5 6\n' });
    expect(square.code).toBe(2);
    expect(square.stderr).toContain('got 2×3');
  });
  it('no progress line for quick work, and none at all without a terminal', async () => {
    const lines: string[] = [];
    const { runCli } = await import('../src/cli/run.js');
    const r = await runCli(
      {
        argv: ['softmax', '1', '2'],
        env: {},
        stdinIsTTY: true,
        stdoutIsTTY: false,
        readStdin: async () => new Uint8Array(),
        readFile: async () => new Uint8Array(),
        progress: (line) => lines.push(line),
      },
      COMMANDS,
    );
    expect(r.code).toBe(0);
    expect(lines).toEqual([]);
  });
});

describe('big tables in a terminal', () => {
  const big = Array.from({ length: 30 }, (_, i) =>
    Array.from({ length: 12 }, (_, j) => ((i * 12 + j) % 7) - 3).join(' '),
  ).join('\n');
  const run = (argv: string[]) => xent(argv, { stdin: big, tty: true, env: { NO_COLOR: '1' } });

  it('leave out their middle rows and columns, and say how to see all', async () => {
    const r = await run(['softmax']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.some((l) => /^│ …\s+│/.test(l))).toBe(true);
    expect(lines[2]).toContain('│ … │');
    expect(lines.filter((l) => /^│ \d/.test(l)).length).toBeLessThan(30);
    expect(r.stdout).toContain('--full shows everything');
    expect(r.stdout).toMatch(/│ 30 /);
  });
  it('are whole with --full, in a pipe, and in data formats', async () => {
    expect((await run(['softmax', '--full'])).stdout).not.toContain('…');
    expect((await xent(['softmax', '-f', 'table'], { stdin: big })).stdout).not.toContain('…');
    expect(tsvRows((await run(['softmax', '-f', 'tsv'])).stdout)).toHaveLength(30);
  });
});

describe('ce -f value streams and agrees with the whole-matrix path', () => {
  const m = '2,0.5,-1; 0.3,1.8,0.2; -0.5,0.4,1.5; 1,1,-inf';
  it.each([
    [['-y', '0,1,2,0']],
    [['-y', 'diag', '-t', '0.5'] as string[]],
    [['-y', '1,2,3,1', '--one-based', '-w', '1,2,0.5']],
    [['-y', '0,-100,2,1', '--label-smoothing', '0.2', '-r', 'sum']],
    [['-y', '0,7,2,1', '--ignore-index', '7', '--base', 'bits']],
  ])('%j', async (extra) => {
    const args =
      extra[0] === '-y' && extra[1] === 'diag'
        ? ['ce', '2,0.5,-1; 0.3,1.8,0.2; -0.5,0.4,1.5', ...extra]
        : ['ce', m, ...extra];
    const streamed = await xent([...args, '-f', 'value']);
    const whole = JSON.parse((await xent([...args, '-f', 'json'])).stdout);
    expect(streamed.stderr).toBe('');
    // The same row functions as crossEntropy: the same digits, not just close ones.
    expect(streamed.stdout.trim()).toBe(String(whole.loss));
  });
  it('gives the same digits as the whole-matrix path for random logits and options', async () => {
    // Two classes or more: a column of one class per row is refused (err.columnVector), both ways.
    const logits = fc.integer({ min: 2, max: 5 }).chain((cols) =>
      fc.array(fc.array(fc.double({ min: -30, max: 30, noNaN: true }), { minLength: cols, maxLength: cols }), {
        minLength: 1,
        maxLength: 6,
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        logits,
        fc.nat(),
        fc.constantFrom([], ['--label-smoothing', '0.3'], ['-t', '0.7'], ['-r', 'sum']),
        fc.boolean(),
        async (rows, seed, extra, weighted) => {
          const cols = rows[0].length;
          const targets = rows.map((_, i) => (seed + i * 7) % cols);
          const weights = weighted ? ['-w', Array.from({ length: cols }, (_, c) => String(0.5 + c)).join(',')] : [];
          const args = ['ce', rows.map((r) => r.join(',')).join(';'), '-y', targets.join(','), ...extra, ...weights];
          const streamed = await xent([...args, '-f', 'value']);
          const whole = JSON.parse((await xent([...args, '-f', 'json'])).stdout);
          expect(streamed.stdout.trim()).toBe(String(whole.loss));
        },
      ),
      { numRuns: 150 },
    );
  });
  it('reports bad targets exactly as the whole path does', async () => {
    for (const extra of [
      ['-y', '0,1'],
      ['-y', '0,1,5,0'],
      ['-y', '0,1,1.5,0'],
      ['-y', '-100,-100,-100,-100'],
    ]) {
      const streamed = await xent(['ce', m, ...extra, '-f', 'value']);
      const whole = await xent(['ce', m, ...extra, '-f', 'json']);
      expect(streamed.code).toBe(2);
      expect(streamed.stderr).toBe(whole.stderr);
      expect(streamed.stdout).toBe('');
    }
  });
});

describe('softmax -f json streams, in the text of the whole-matrix path', () => {
  /** The JSON the whole-matrix path writes: the kernel's matrices in the report's object. */
  const whole = (rows: number[][], temperature = 1, rowLabels?: string[]) => {
    const { probs, logProbs } = softmax(fromRows(rows), temperature, 'row');
    return formatJson({
      command: 'softmax',
      temperature,
      axis: 'row',
      ...(rowLabels ? { row_labels: rowLabels } : {}),
      probs: matrixRows(probs),
      log_probs: matrixRows(logProbs),
    });
  };
  const rows = Array.from({ length: 6 }, (_, i) =>
    Array.from({ length: 5 }, (_, j) => (i === j ? -Infinity : Math.sin(i * 5 + j) * 30)),
  );
  const csv = rows.map((r) => r.join(',')).join('\n') + '\n';
  /** A file and a pipe: each read once, its rows held (in memory, as no temporary file is given here). */
  const bothWays = async (argv: string[], content: string | Uint8Array) => ({
    file: await xent(['softmax', '-i', 'in.data', '-f', 'json', ...argv], { files: { 'in.data': content } }),
    pipe: await xent(['softmax', '-f', 'json', ...argv], { stdin: content }),
  });

  it('gives the same bytes from a file and from a pipe, with -inf, a temperature, a header', async () => {
    for (const [argv, text, labels] of [
      [[], csv, undefined],
      [['-t', '0.3'], csv, undefined],
      [['--log'], `a,b,c,d,e\n${csv}`, undefined],
      [[], rows.map((r, i) => `r${i},${r.join(',')}`).join('\n'), rows.map((_, i) => `r${i}`)],
    ] as const) {
      const { file, pipe } = await bothWays([...argv], text);
      const expected = whole(rows, argv[0] === '-t' ? 0.3 : 1, labels ? [...labels] : undefined);
      expect(file.stdout, argv.join(' ')).toBe(expected);
      expect(pipe.stdout, argv.join(' ')).toBe(expected);
      expect(file.code).toBe(0);
    }
  });
  it('reads an .npy file the same way', async () => {
    const header = npyHeader([rows.length, rows[0].length]);
    const data = new Uint8Array(Float64Array.from(rows.flat()).buffer);
    const bytes = new Uint8Array(header.length + data.length);
    bytes.set(header);
    bytes.set(data, header.length);
    const { file, pipe } = await bothWays([], bytes);
    expect(file.stdout).toBe(whole(rows));
    expect(pipe.stdout).toBe(whole(rows));
  });
  it('checks every row of a file before it writes anything', async () => {
    const { file, pipe } = await bothWays([], `${csv}-inf,-inf,-inf,-inf,-inf\n`);
    for (const r of [file, pipe]) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^xent: error: softmax is undefined for row 7: every logit is -inf/);
    }
  });
  it('reads a file once, and a file read twice (retrieval) is refused if it changed in between', async () => {
    const { runCli } = await import('../src/cli/run.js');
    const io = (readings: { count: number }, first: string, later: string, lang = 'C') => ({
      env: { LANG: lang },
      stdinIsTTY: true,
      stdoutIsTTY: false,
      readStdin: async () => new Uint8Array(),
      // A writer appends a row after the first reading.
      readFile: async () => new TextEncoder().encode(readings.count++ === 0 ? first : later),
    });
    const softmaxReadings = { count: 0 };
    const once = await runCli(
      {
        argv: ['softmax', '-i', 'grows.csv', '-f', 'json'],
        ...io(softmaxReadings, csv, `${csv}1,2,3,4,5\n`),
      },
      COMMANDS,
    );
    expect({ ...once, readings: softmaxReadings.count }).toEqual({
      code: 0,
      stdout: whole(rows),
      stderr: '',
      readings: 1,
    });
    const sims = '0.9,0.8,0.1,0.2\n0.1,0.3,0.7,0.9\n';
    for (const [lang, text] of [
      ['C', "xent: error: 'grows.csv' changed while xent read it: it held a 2×4 matrix"],
      ['zh_CN.UTF-8', 'xent: 错误：“grows.csv”在 xent 读取期间发生了变化：第一次读取时是 2×4 的矩阵'],
    ]) {
      const r = await runCli(
        {
          argv: ['retrieval', '-i', 'grows.csv', '--captions-per-image', '2', '-f', 'json'],
          ...io({ count: 0 }, sims, `${sims}0.5,0.5,0.5,0.5\n`, lang),
        },
        COMMANDS,
      );
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.startsWith(text), r.stderr).toBe(true);
    }
  });
  it('keeps the rows of a large input in a temporary file, removed when the run ends', async () => {
    // 400×400: more than the megabyte HeldRows keeps in memory.
    const big = Array.from({ length: 400 }, (_, i) =>
      Array.from({ length: 400 }, (_, j) => ((i * 7 + j * 13) % 41) - 20),
    );
    const text = big.map((r) => r.join(',')).join('\n') + '\n';
    const dir = mkdtempSync(join(tmpdir(), 'xent-held-'));
    try {
      const file = await xent(['softmax', '-i', 'big.csv', '-f', 'json', '-t', '2'], {
        files: { 'big.csv': text },
        spillDir: dir,
      });
      const pipe = await xent(['softmax', '-f', 'json', '-t', '2'], { stdin: text, spillDir: dir, chunkBytes: 4096 });
      const expected = whole(big, 2);
      expect(file.stdout === expected && pipe.stdout === expected).toBe(true);
      expect([file.code, pipe.code, readdirSync(dir)]).toEqual([0, 0, []]);
      // Where the temporary file cannot be made: the message, exit 74, nothing on stdout.
      const missing = join(dir, 'missing');
      const r = await xent(['softmax', '-i', 'big.csv', '-f', 'json'], {
        files: { 'big.csv': text },
        spillDir: missing,
      });
      expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 74, stdout: '' });
      expect(r.stderr).toMatch(/^xent: error: cannot write a temporary file in '.*missing': no such file or directory/);
      // A small input makes no file: it runs where none can be made.
      expect((await xent(['softmax', '-f', 'json'], { stdin: csv, spillDir: missing })).stdout).toBe(whole(rows));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
