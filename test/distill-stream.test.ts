// distill reads --student @FILE and --teacher @FILE in step, row by row, for -f value, tsv and
// csv (src/rows/in-step.ts, src/ops/distill/sums.ts): the same bytes as the whole-matrix path
// (which --hist still takes, and JSON), its errors for one bad input, and its own for two
// inputs that do not match, naming both files and the row.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fromRows } from '../src/core/matrix.js';
import { formatExact } from '../src/format/number.js';
import { npyHeader } from '../src/format/npy.js';
import { distillLosses } from '../src/ops/distill/kernel.js';
import { DISTILL_REDUCTIONS, type DistillReduction } from '../src/ops/distill/spec.js';
import { DistillSums } from '../src/ops/distill/sums.js';
import { readInStep } from '../src/rows/in-step.js';
import type { OptionRows } from '../src/rows/input.js';
import { xent } from './helpers/cli.js';

const same = (a: number, b: number, what: string) => expect(Object.is(a, b), `${what}: ${a} vs ${b}`).toBe(true);

/** A matrix as text that reads back to the same doubles. */
const text = (m: readonly (readonly number[])[], separator = ',') =>
  m.map((row) => row.map(formatExact).join(separator)).join('\n') + '\n';

/** A matrix as a float64 .npy file. */
function npy(m: readonly (readonly number[])[]): Uint8Array {
  const header = npyHeader([m.length, m[0].length]);
  const data = new Float64Array(m.flat());
  const out = new Uint8Array(header.length + data.byteLength);
  out.set(header);
  out.set(new Uint8Array(data.buffer), header.length);
  return out;
}

/** Logits in a range that keeps every softmax finite; now and then a masked class (−inf), never a whole row. */
const logit = fc.oneof(
  { weight: 9, arbitrary: fc.double({ min: -40, max: 40, noNaN: true }) },
  { weight: 1, arbitrary: fc.constant(-Infinity) },
);
const matrix = (rows: number, cols: number) =>
  fc
    .array(fc.array(logit, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows })
    .map((m) => m.map((row) => (row.every((x) => x === -Infinity) ? [0, ...row.slice(1)] : row)));

const caseOf = fc
  .record({ rows: fc.integer({ min: 1, max: 6 }), cols: fc.integer({ min: 1, max: 5 }) })
  .chain(({ rows, cols }) =>
    fc.record({
      student: matrix(rows, cols),
      teacher: matrix(rows, cols),
      temperature: fc.double({ min: 0.1, max: 12, noNaN: true }),
      reduction: fc.constantFrom(...DISTILL_REDUCTIONS),
      hard: fc.option(
        fc.record({
          classes: fc.array(fc.integer({ min: 0, max: cols - 1 }), { minLength: rows, maxLength: rows }),
          alpha: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
      ),
      base: fc.constantFrom('e', '2'),
      format: fc.constantFrom('value', 'tsv', 'csv'),
      precision: fc.option(fc.integer({ min: 0, max: 6 })),
      binary: fc.constantFrom('none', 'student', 'both'),
      chunkBytes: fc.integer({ min: 1, max: 200 }),
    }),
  );

describe('DistillSums: the digits of distillLosses, a row at a time', () => {
  it('kl, ce and each loss of every row, and the reduced loss, bit for bit', () => {
    fc.assert(
      fc.property(caseOf, ({ student, teacher, temperature, reduction, hard }) => {
        const mix = hard && reduction !== 'none' ? hard : undefined;
        const whole = distillLosses(fromRows(student), fromRows(teacher), {
          temperature,
          reduction,
          ...(mix ? { hard: mix } : {}),
        });
        const sums = new DistillSums({
          temperature,
          reduction,
          ...(mix ? { hard: { given: mix.classes, alpha: mix.alpha } } : {}),
        });
        student.forEach((row, i) => {
          const got = sums.add(Float64Array.from(row), Float64Array.from(teacher[i]), i)!;
          same(got.kl, whole.kl[i], `kl ${i}`);
          same(got.loss, whole.losses[i], `loss ${i}`);
          if (mix) same(got.ce!, whole.ce![i], `ce ${i}`);
        });
        same(sums.finish(student.length, student[0].length), whole.loss, 'loss');
      }),
      { numRuns: 300 },
    );
  });
});

describe('xent distill --student @FILE --teacher @FILE: streamed, the bytes of the whole-matrix path', () => {
  it('every format, reduction, unit and precision; text or .npy; files handed out in chunks of any size', async () => {
    await fc.assert(
      fc.asyncProperty(caseOf, async (c) => {
        const files = {
          's.in': c.binary === 'none' ? text(c.student) : npy(c.student),
          't.in': c.binary === 'both' ? npy(c.teacher) : text(c.teacher, '\t'),
        };
        const args = ['distill', '--student', '@s.in', '--teacher', '@t.in', '-t', formatExact(c.temperature)];
        args.push('-r', c.reduction, '--base', c.base);
        if (c.hard && c.reduction !== 'none')
          args.push('-y', c.hard.classes.join(','), '--alpha', formatExact(c.hard.alpha));
        if (c.precision !== null) args.push('-p', String(c.precision));
        const streamed = await xent([...args, '-f', c.format], { files, chunkBytes: c.chunkBytes });
        // --hist asks for the report: the whole-matrix path, both matrices read.
        const whole = await xent([...args, '-f', c.format, '--hist'], { files });
        expect(streamed.stderr).toBe(whole.stderr);
        expect(streamed.code).toBe(0);
        expect(streamed.stdout).toBe(whole.stdout);
      }),
      { numRuns: 150 },
    );
  });

  it('against the JSON of the whole-matrix path: the same doubles (-f tsv reads back exactly)', async () => {
    const student = [
      [2, 0.5, -1, 4],
      [0.3, 1.8, 0.2, -Infinity],
      [-7, 3, 3, 0],
    ];
    const teacher = [
      [3, 1, -2, 0],
      [0, 2.5, 1, 1],
      [1, -Infinity, 2, 5],
    ];
    const files = { 's.csv': text(student), 't.csv': text(teacher) };
    const args = ['distill', '--student', '@s.csv', '--teacher', '@t.csv', '-t', '3', '-y', '0,1,3', '--alpha', '0.25'];
    const json = JSON.parse((await xent([...args, '-f', 'json'], { files })).stdout, (_k, v) =>
      v === 'inf' ? Infinity : v,
    );
    const tsv = (await xent([...args, '-f', 'tsv'], { files, chunkBytes: 5 })).stdout.trim().split('\n');
    expect(tsv[0]).toBe('kl\tsoft_loss\tce\tloss');
    tsv.slice(1).forEach((line, i) => {
      const [kl, soft, ce, loss] = line.split('\t').map((x) => (x === 'inf' ? Infinity : Number(x)));
      same(kl, json.kl[i], `kl ${i}`);
      same(soft, 9 * json.kl[i], `soft ${i}`);
      same(ce, json.ce[i], `ce ${i}`);
      same(loss, json.losses[i], `loss ${i}`);
    });
    const value = await xent([...args, '-f', 'value'], { files, chunkBytes: 3 });
    same(value.stdout === 'inf\n' ? Infinity : Number(value.stdout), json.loss, 'loss');
    expect(json.loss).toBe(Infinity); // the teacher's mass on a class the student masks
  });
});

describe('the oracle fixtures (PyTorch, float64) through the streamed path', () => {
  const oracle = JSON.parse(readFileSync(new URL('./fixtures/oracle/distill.json', import.meta.url), 'utf8'));
  const cases = oracle.cases as {
    id: string;
    student: number[][];
    teacher: number[][];
    temperature: number;
    reduction: DistillReduction;
    target?: number[];
    alpha?: number;
    expected: { loss: number; losses?: number[] };
  }[];
  const close = (got: number, want: number, what: string) =>
    expect(Math.abs(got - want) <= 1e-12 * Math.max(1, Math.abs(want)), `${what}: ${got} vs ${want}`).toBe(true);

  it.each(cases.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const files = { 's.npy': npy(c.student), 't.csv': text(c.teacher) };
    const args = ['distill', '--student', '@s.npy', '--teacher', '@t.csv', '-t', formatExact(c.temperature)];
    args.push('-r', c.reduction);
    if (c.target) args.push('-y', c.target.join(','), '--alpha', formatExact(c.alpha!));
    const value = await xent([...args, '-f', 'value'], { files, chunkBytes: 64 });
    expect(value.code, value.stderr).toBe(0);
    const lines = value.stdout.trim().split('\n').map(Number);
    if (c.reduction === 'none') c.expected.losses!.forEach((l, i) => close(lines[i], l, `row ${i}`));
    else close(lines[0], c.expected.loss, 'loss');
    const tsv = await xent([...args, '-f', 'tsv'], { files, chunkBytes: 7 });
    const losses = tsv.stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => Number(line.split('\t').at(-1)));
    if (c.expected.losses) c.expected.losses.forEach((l, i) => close(losses[i], l, `losses ${i}`));
  });
});

describe('two inputs that do not match: which one ends, which row differs, both files named', () => {
  const files = {
    's.csv': '2,0.5,-1\n0.3,1.8,0.2\n',
    't.csv': '3,1,-2\n0,2.5,1\n',
    'one.csv': '3,1,-2\n',
    'wide.csv': '3,1,-2\n0,2.5,1,4\n',
    'narrow.tsv': '3\t1\n0\t2.5\n',
    'nan.csv': '3,1,-2\n0,nan,1\n',
    'inf.csv': '3,1,-2\n0,inf,1\n',
  };
  const run = (student: string, teacher: string, extra: string[] = [], lang = 'C') =>
    xent(['distill', '--student', student, '--teacher', teacher, '-t', '4', '-f', 'value', ...extra], {
      files,
      chunkBytes: 4,
      env: { LANG: lang },
    });
  const fails = async (r: Awaited<ReturnType<typeof run>>, stderr: string, code = 1) => {
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`xent: error: ${stderr}\n`);
    expect(r.code).toBe(code);
  };

  it('the teacher ends early, or the student does', async () => {
    const whole = await xent(['distill', '--student', '@s.csv', '--teacher', '@one.csv', '-f', 'json'], { files });
    await fails(
      await run('@s.csv', '@one.csv'),
      "option --teacher ('one.csv') ends after row 1, but option --student ('s.csv') goes on; both need the same rows (one per sample)",
      whole.code,
    );
    await fails(
      await run('@one.csv', '@s.csv'),
      "option --student ('one.csv') ends after row 1, but option --teacher ('s.csv') goes on; both need the same rows (one per sample)",
      whole.code,
    );
    // One of them inline: named by its option.
    await fails(
      await run('2,0.5,-1', '@s.csv'),
      "option --student ends after row 1, but option --teacher ('s.csv') goes on; both need the same rows (one per sample)",
      whole.code,
    );
    const zh = await run('@s.csv', '@one.csv', [], 'zh_CN.UTF-8');
    expect(zh.stderr).toBe(
      'xent: 错误：选项 --teacher（“one.csv”）在第 1 行后就结束了，但选项 --student（“s.csv”）还有更多行；两者的行数必须相同（每个样本一行）\n',
    );
  });

  it('a row of another width: its number and both widths', async () => {
    await fails(
      await run('@s.csv', '@narrow.tsv'),
      "row 1 of option --student ('s.csv') has 3 values, but row 1 of option --teacher ('narrow.tsv') has 2; both need the same columns",
      (await xent(['distill', '--student', '@s.csv', '--teacher', '@narrow.tsv', '-f', 'json'], { files })).code,
    );
    // A ragged file is the parser's own error, as in the whole-matrix path.
    const ragged = await run('@s.csv', '@wide.csv');
    const whole = await xent(['distill', '--student', '@s.csv', '--teacher', '@wide.csv', '-f', 'json'], { files });
    expect(ragged.stderr).toBe(whole.stderr);
    expect(ragged.stdout).toBe('');
  });

  it("one bad input: the whole-matrix path's error, the other input stopped", async () => {
    for (const [student, teacher] of [
      ['@s.csv', '@nan.csv'],
      ['@inf.csv', '@t.csv'],
      ['@s.csv', '@missing.csv'],
      ['@s.csv', '2,0.5,x'],
    ]) {
      const streamed = await run(student, teacher);
      const whole = await xent(['distill', '--student', student, '--teacher', teacher, '-t', '4', '-f', 'json'], {
        files,
      });
      expect(streamed.stderr, `${student} ${teacher}`).toBe(whole.stderr);
      expect(streamed.code).toBe(whole.code);
      expect(streamed.stdout).toBe('');
    }
  });

  it("hard labels that do not fit: the whole-matrix path's errors, once the rows are counted", async () => {
    for (const labels of ['0', '0,1,2', '0,3', 'diag']) {
      const files3 = { ...files, 'wide3.csv': '1,2\n3,4\n5,6\n', 'wide3t.csv': '0,0\n1,1\n2,2\n' };
      const args = ['distill', '--student', '@wide3.csv', '--teacher', '@wide3t.csv', '-y', labels, '--alpha', '0.5'];
      const streamed = await xent([...args, '-f', 'tsv'], { files: files3, chunkBytes: 3 });
      const whole = await xent([...args, '-f', 'json'], { files: files3 });
      expect(whole.code, labels).not.toBe(0);
      expect(streamed.stderr, labels).toBe(whole.stderr);
      expect(streamed.code).toBe(whole.code);
      expect(streamed.stdout).toBe('');
    }
  });

  it('standard input feeds one of them at most', async () => {
    const r = await xent(['distill', '--student', '@-', '--teacher', '@-', '-f', 'value'], { stdin: files['s.csv'] });
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "xent: error: --student and --teacher both read standard input (@-), which can be read only once: save one of them to a file\nTry 'xent distill --help'.\n",
    });
    const one = await xent(['distill', '--student', '@s.csv', '--teacher', '@-', '-t', '4', '-f', 'value'], {
      files,
      stdin: files['t.csv'],
      chunkBytes: 2,
    });
    const inline = await xent(
      ['distill', '--student', '@s.csv', '--teacher', files['t.csv'], '-t', '4', '-f', 'value'],
      {
        files,
      },
    );
    expect(one).toEqual({ code: 0, stdout: '0.18047361483292929\n', stderr: '' });
    expect(inline.stdout).toBe(one.stdout);
  });
});

describe('readInStep: the row engine over two inputs', () => {
  /** A text input in chunks of `size` bytes, counting the rows it has handed out. */
  const chunked = (content: string, size: number, given: { rows: number; perChunk: number }): OptionRows => ({
    kind: 'file',
    opened: {
      source: { key: 'source.file', params: { path: 'x' } },
      chunks: (async function* () {
        const bytes = new TextEncoder().encode(content);
        for (let k = 0; k < bytes.length; k += size) {
          const chunk = bytes.slice(k, k + size);
          const lines = chunk.filter((b) => b === 10).length;
          given.rows += lines;
          given.perChunk = Math.max(given.perChunk, lines);
          yield chunk;
        }
      })(),
    },
  });
  it('pairs row k with row k, whatever the chunks; the side ahead waits after its chunk', async () => {
    const rows = 300;
    const a = Array.from({ length: rows }, (_, i) => `${i},${-i - 1}\n`).join('');
    const b = Array.from({ length: rows }, (_, i) => `${2 * i},${i}\n`).join('');
    for (const [sa, sb] of [
      [1, 1000],
      [1000, 1],
      [7, 13],
      [64, 64],
    ]) {
      const seen: number[] = [];
      const ga = { rows: 0, perChunk: 0 };
      const gb = { rows: 0, perChunk: 0 };
      let lag = 0;
      const got = await readInStep(
        { name: 'a', rows: chunked(a, sa, ga) },
        { name: 'b', rows: chunked(b, sb, gb) },
        (x, y, i) => {
          expect([x[0], x[1], y[0], y[1]]).toEqual([i, -i - 1, 2 * i, i]);
          seen.push(i);
          lag = Math.max(lag, ga.rows - i - ga.perChunk, gb.rows - i - gb.perChunk);
        },
      );
      expect(got).toMatchObject({ rows, cols: 2 });
      expect(seen).toEqual(Array.from({ length: rows }, (_, i) => i));
      // Rows handed out but not yet paired: at most a chunk's (and the one the parser is in).
      expect(lag, `${sa} ${sb}`).toBeLessThanOrEqual(2);
    }
  });

  it("runs the caller's between one call at a time (it writes output in order), and stops the other input on an error", async () => {
    const a = Array.from({ length: 50 }, (_, i) => `${i}\n`).join('');
    let active = false;
    let calls = 0;
    const got = await readInStep(
      { name: 'a', rows: chunked(a, 3, { rows: 0, perChunk: 0 }) },
      { name: 'b', rows: chunked(a, 5, { rows: 0, perChunk: 0 }) },
      () => {},
      async () => {
        expect(active).toBe(false);
        active = true;
        calls++;
        await new Promise((resolve) => setTimeout(resolve, 0));
        active = false;
      },
    );
    expect(got.rows).toBe(50);
    expect(calls).toBeGreaterThan(20);
    // The second input fails at its row 3: the first is read no further than a chunk past it.
    const given = { rows: 0, perChunk: 0 };
    const bad = readInStep(
      { name: 'a', rows: chunked(a, 4, given) },
      { name: 'b', rows: chunked('1\n2\nx\n' + a, 4, { rows: 0, perChunk: 0 }) },
      () => {},
    );
    await expect(bad).rejects.toThrow(/row 3, column 1/);
    expect(given.rows).toBeLessThan(10);
  });
});
