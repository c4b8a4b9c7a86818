import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as xent from '../../src/index.js';
import type { XentError } from '../../src/core/errors.js';
import type { MessageKey } from '../../src/i18n/messages.js';
import { fromRows, toRows, transpose } from '../../src/core/matrix.js';
import { logSumExp } from '../../src/core/log-sum-exp.js';
import { type Axis, softmax } from '../../src/ops/softmax/kernel.js';
import type { SoftmaxSpec } from '../../src/ops/softmax/spec.js';
import { checkSoftmaxInput, checkSoftmaxRow } from '../../src/ops/softmax/validate.js';
import type { StreamContext } from '../../src/rows/plan.js';
import { planSoftmaxStream } from '../../src/commands/streams/softmax.js';
import { xent as run, tsvRows } from '../helpers/cli.js';
import { keyOfCliError, thrown } from '../helpers/error-key.js';
import { expectClose, loadOracle, type Num } from '../helpers/oracle.js';

interface SoftmaxCase {
  id: string;
  logits: Num[][];
  temperature: number;
  axis: Axis;
  expected: { probs: Num[][]; log_probs: Num[][] };
}

const oracle = loadOracle<SoftmaxCase>('softmax');
const num = (x: Num) => (x === 'inf' ? Infinity : x === '-inf' ? -Infinity : x === 'nan' ? NaN : x);

describe('softmax against PyTorch (float64)', () => {
  it('has cases', () => expect(oracle.cases.length).toBeGreaterThan(10));
  it.each(oracle.cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const result = softmax(fromRows(c.logits.map((r) => r.map(num))), c.temperature, c.axis);
    expectClose(toRows(result.probs), c.expected.probs, `${c.id} probs`);
    expectClose(toRows(result.logProbs), c.expected.log_probs, `${c.id} log_probs`);
  });
});

describe('softmax edge cases', () => {
  it('[100, 100] is [0.5, 0.5]', () => {
    expect(toRows(softmax(fromRows([[100, 100]])).probs)).toEqual([[0.5, 0.5]]);
  });
  it('[-1000, 1000] is [0, 1]', () => {
    const r = softmax(fromRows([[-1000, 1000]]));
    expect(toRows(r.probs)).toEqual([[0, 1]]);
    expect(toRows(r.logProbs)).toEqual([[-2000, 0]]);
  });
  it('[1000, 0, -1000] is exact, with exact log-probabilities', () => {
    const r = softmax(fromRows([[1000, 0, -1000]]));
    expect(toRows(r.probs)).toEqual([[1, 0, 0]]);
    expect(toRows(r.logProbs)).toEqual([[0, -1000, -2000]]);
  });
  it('[1e4, 1e4 - 1] matches the closed form', () => {
    const r = softmax(fromRows([[1e4, 1e4 - 1]]));
    const p0 = 1 / (1 + Math.exp(-1));
    expectClose(toRows(r.probs)[0], [p0, 1 - p0]);
    expectClose(toRows(r.logProbs)[0], [-Math.log1p(Math.exp(-1)), -1 - Math.log1p(Math.exp(-1))]);
  });
  it('a -inf logit is a masked class with probability 0', () => {
    const r = softmax(fromRows([[1, -Infinity, 2]]));
    expect(toRows(r.probs)[0][1]).toBe(0);
    expect(toRows(r.logProbs)[0][1]).toBe(-Infinity);
    expectClose(toRows(r.probs)[0][0] + toRows(r.probs)[0][2], 1);
  });
  it('a single class has probability 1', () => {
    expect(toRows(softmax(fromRows([[-7]])).probs)).toEqual([[1]]);
  });
  it('temperature divides the logits', () => {
    expect(toRows(softmax(fromRows([[2, 4]]), 2).probs)).toEqual(toRows(softmax(fromRows([[1, 2]])).probs));
  });
  it('axis col is the softmax of each column', () => {
    const r = softmax(
      fromRows([
        [0, 5],
        [0, 5],
      ]),
      1,
      'col',
    );
    expect(toRows(r.probs)).toEqual([
      [0.5, 0.5],
      [0.5, 0.5],
    ]);
  });
  it('logSumExp handles huge and masked inputs', () => {
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.log(2), 12);
    expect(logSumExp([-Infinity, -Infinity])).toBe(-Infinity);
  });
});

describe('softmax properties', () => {
  const row = fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 8 });
  it('rows sum to 1 and log-probabilities are logs of probabilities', () => {
    fc.assert(
      fc.property(row, (z) => {
        const r = softmax(fromRows([z]));
        const p = toRows(r.probs)[0];
        const lp = toRows(r.logProbs)[0];
        expect(Math.abs(p.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
        p.forEach((pi, i) => expect(Math.abs(Math.exp(lp[i]) - pi)).toBeLessThan(1e-15));
      }),
    );
  });
  it('shifting a row by a constant changes nothing', () => {
    fc.assert(
      fc.property(row, fc.double({ min: -100, max: 100, noNaN: true }), (z, c) => {
        const a = toRows(softmax(fromRows([z])).probs)[0];
        const b = toRows(softmax(fromRows([z.map((x) => x + c)])).probs)[0];
        a.forEach((ai, i) => expect(Math.abs(ai - b[i])).toBeLessThan(1e-12));
      }),
    );
  });
});

// ONE validator (src/ops/softmax/validate.ts): the same bad input gives the same error key
// through the CLI (whole matrix and streamed), the library, the stream plan fed rows
// directly, and descend (its ce path and its clip path both take softmaxes of the logits).
describe('softmax: one validator, the same error on every path', () => {
  const TSV: StreamContext = { format: 'tsv', source: 'the test', out: { write: () => {} } };
  const SPEC: SoftmaxSpec = { temperature: 1, axis: 'row', log: false };

  /** Feeds rows to the streamed softmax as the parser would. */
  function throughPlan(rows: number[][], spec: SoftmaxSpec = SPEC): () => void {
    return () => {
      const plan = planSoftmaxStream(spec, TSV)!;
      rows.forEach((row, i) => plan.onRow(Float64Array.from(row), i, undefined));
      plan.finish(rows.length, rows[0]?.length ?? 0);
    };
  }

  interface BadLogits {
    readonly what: string;
    /** As typed on the command line, and as the library takes it. */
    readonly text: string;
    readonly rows: number[][];
    readonly key: MessageKey;
  }
  const bad: BadLogits[] = [
    {
      what: 'a NaN',
      text: '1,nan; 0,1',
      rows: [
        [1, NaN],
        [0, 1],
      ],
      key: 'err.nan',
    },
    {
      what: '+inf',
      text: '1,inf; 0,1',
      rows: [
        [1, Infinity],
        [0, 1],
      ],
      key: 'err.posInf',
    },
    {
      what: 'a row of only -inf',
      text: '-inf,-inf; 0,1',
      rows: [
        [-Infinity, -Infinity],
        [0, 1],
      ],
      key: 'err.allNegInf',
    },
    { what: 'an empty row', text: '[[]]', rows: [[]], key: 'err.empty' },
  ];

  describe.each(bad)('$what', ({ text, rows, key }) => {
    it('the CLI, whole (-f json) and streamed (-f tsv, stdin)', async () => {
      expect(keyOfCliError(await run(['softmax', text, '-f', 'json']))).toBe(key);
      expect(keyOfCliError(await run(['softmax', text, '--log', '-f', 'table']))).toBe(key);
      expect(keyOfCliError(await run(['softmax', '-f', 'tsv'], { stdin: text.replace(/;\s*/g, '\n') }))).toBe(key);
    });
    it('the library: softmax, logSoftmax', () => {
      expect(thrown(() => xent.softmax(rows)).key).toBe(key);
      expect(thrown(() => xent.logSoftmax(rows)).key).toBe(key);
      expect(thrown(() => xent.softmax(rows, { axis: 'row', temperature: 0.5 })).key).toBe(key);
    });
    it('the stream plan fed the rows', () => {
      expect(thrown(throughPlan(rows)).key).toBe(key);
      expect(thrown(throughPlan(rows, { ...SPEC, log: true, temperature: 2 })).key).toBe(key);
    });
    it('descend, with -y (ce) and without (clip on a square matrix)', async () => {
      expect(keyOfCliError(await run(['descend', text, '-y', '0', '-f', 'value']))).toBe(key);
      if (rows[0].length === rows.length) expect(keyOfCliError(await run(['descend', text, '-f', 'value']))).toBe(key);
    });
  });

  it('logSumExp takes the rules that apply to it: NaN and an empty row are refused alike', () => {
    expect(thrown(() => xent.logSumExp([1, NaN])).key).toBe('err.nan');
    expect(
      thrown(() =>
        xent.logSumExp(
          [
            [1, 2],
            [0, NaN],
          ],
          { axis: 'col' },
        ),
      ).key,
    ).toBe('err.nan');
    expect(thrown(() => xent.logSumExp([[]])).key).toBe('err.empty');
    expect(thrown(() => xent.logSumExp([])).key).toBe('err.empty');
  });
  it('…while +inf and a line of only -inf have a log-sum-exp: +inf and -inf', () => {
    expect(xent.logSumExp([1, Infinity])).toBe(Infinity);
    expect(
      xent.logSumExp([
        [-Infinity, -Infinity],
        [0, 0],
      ]),
    ).toEqual([-Infinity, Math.LN2]);
  });

  it('a column of only -inf, with --axis col: the same key from the CLI and the library', async () => {
    const cli = await run(['softmax', '1,-inf; 2,-inf', '--axis', 'col']);
    expect(keyOfCliError(cli)).toBe('err.allNegInf');
    expect(cli.stderr).toContain('softmax is undefined for column 2:');
    const lib = thrown(() =>
      xent.softmax(
        [
          [1, -Infinity],
          [2, -Infinity],
        ],
        { axis: 'col' },
      ),
    );
    expect(lib).toEqual({ key: 'err.allNegInf', params: { line: { key: 'where.column', params: { index: 2 } } } });
  });

  describe.each([
    ['0', 0],
    ['-1', -1],
    ['abc', 'abc'],
    ['inf', Infinity],
    ['nan', NaN],
  ] as const)('the temperature %s', (text, value) => {
    it('is refused by the CLI (whole and streamed), the library and descend with one key', async () => {
      expect(keyOfCliError(await run(['softmax', '2,0.5,-1', '-t', text]))).toBe('err.temperature');
      expect(keyOfCliError(await run(['softmax', '-f', 'tsv', '-t', text], { stdin: '2 0.5 -1\n' }))).toBe(
        'err.temperature',
      );
      expect(thrown(() => xent.softmax([2, 0.5, -1], { temperature: value as number })).key).toBe('err.temperature');
      expect(thrown(() => xent.logSoftmax([[2, 0.5, -1]], { temperature: value as number })).key).toBe(
        'err.temperature',
      );
      expect(keyOfCliError(await run(['descend', '1,0; 0,1', '-t', text, '-f', 'value']))).toBe('err.temperature');
    });
  });

  it('the temperature 5e-324 is no error: the CLI, streamed or not, and the library give one answer', async () => {
    // z/T overflows; the kernel shifts by the largest logit first, so the limit comes out: argmax.
    const expected = [
      [0, 1],
      [0.5, 0.5],
    ];
    expect(
      xent.softmax(
        [
          [1, 2],
          [3, 3],
        ],
        { temperature: 5e-324 },
      ),
    ).toEqual(expected);
    expect(tsvRows((await run(['softmax', '1,2; 3,3', '-t', '5e-324', '-f', 'tsv'])).stdout)).toEqual(expected);
    expect(tsvRows((await run(['softmax', '-f', 'tsv', '-t', '5e-324'], { stdin: '1 2\n3 3\n' })).stdout)).toEqual(
      expected,
    );
    expect(JSON.parse((await run(['softmax', '1,2; 3,3', '-t', '5e-324', '-f', 'json'])).stdout).probs).toEqual(
      expected,
    );
    // descend's -t is clip's, which multiplies by 1/T: that overflows, and clip says so (not softmax's rule).
    expect(keyOfCliError(await run(['descend', '1,0; 0,1', '-t', '5e-324', '-f', 'value']))).toBe(
      'err.temperatureTiny',
    );
  });

  // The matrix check loops the row check: for any matrix, the whole-matrix path and the
  // rows fed one by one fail alike (the same key and parameters), or both pass.
  const entry = fc.oneof(
    { weight: 6, arbitrary: fc.double({ min: -5, max: 5, noNaN: true }) },
    fc.constant(Infinity),
    { weight: 3, arbitrary: fc.constant(-Infinity) },
    fc.constant(NaN),
  );
  const matrix = fc
    .integer({ min: 1, max: 4 })
    .chain((cols) => fc.array(fc.array(entry, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 4 }));
  const outcome = (call: () => void) => {
    try {
      call();
      return 'ok';
    } catch (error) {
      return { key: (error as XentError).key, params: (error as XentError).params };
    }
  };

  it('checkSoftmaxInput (row) is checkSoftmaxRow row after row: same key, same params', () => {
    fc.assert(
      fc.property(matrix, (rows) => {
        const whole = outcome(() => checkSoftmaxInput(fromRows(rows), 'row', 'the test'));
        const streamed = outcome(() => rows.forEach((row, i) => checkSoftmaxRow(row, i, 'the test')));
        expect(whole).toEqual(streamed);
      }),
    );
  });
  it('checkSoftmaxInput (col) is the row check of the transpose, positions given back in the matrix', () => {
    fc.assert(
      fc.property(matrix, (rows) => {
        const byColumn = outcome(() => checkSoftmaxInput(fromRows(rows), 'col', 'the test'));
        const transposed = outcome(() => checkSoftmaxInput(transpose(fromRows(rows)), 'row', 'the test'));
        const swap = (o: ReturnType<typeof outcome>) => {
          if (o === 'ok') return o;
          const p = o.params as Record<string, unknown>;
          if (o.key === 'err.allNegInf')
            return { ...o, params: { line: { key: 'where.column', params: (p.line as { params: unknown }).params } } };
          return 'row' in p ? { ...o, params: { ...p, row: p.col, col: p.row } } : o;
        };
        expect(byColumn).toEqual(swap(transposed));
      }),
    );
  });
  it('the first bad row is reported, whole or streamed: a masked row 1 before a +inf in row 2', async () => {
    const stdin = '-inf -inf\n1 inf\n';
    for (const format of ['json', 'tsv', 'table']) {
      expect((await run(['softmax', '-f', format], { stdin })).stderr).toBe(
        'xent: error: softmax is undefined for row 1: every logit is -inf, so every class is masked and nothing is left to normalise\n',
      );
    }
  });
  it('the CLI says the same, whole or streamed, for any matrix of finite and infinite logits', async () => {
    const text = fc.array(
      fc.array(fc.constantFrom('1', '-2.5', 'inf', '-inf', '-inf'), { minLength: 3, maxLength: 3 }),
      { minLength: 1, maxLength: 4 },
    );
    await fc.assert(
      fc.asyncProperty(text, async (rows) => {
        const stdin = rows.map((r) => r.join(' ')).join('\n') + '\n';
        const whole = await run(['softmax', '-f', 'json'], { stdin });
        const streamed = await run(['softmax', '-f', 'tsv'], { stdin });
        expect(streamed.stderr).toBe(whole.stderr);
        expect(streamed.code).toBe(whole.code);
      }),
      { numRuns: 60 },
    );
  });
});
