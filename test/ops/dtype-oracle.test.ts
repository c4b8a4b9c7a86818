// Results replayed in float32, float16 and bfloat16 (--dtype), stable and naive, against
// PyTorch's CPU (test/fixtures/oracle/dtype.json; its README says which kernels made them):
// every number within 1 ulp of its format, inf and NaN exactly.
import { describe, expect, it } from 'vitest';
import { type Dtype, ulp, ulpsApart } from '../../src/core/float-formats.js';
import { fromRows } from '../../src/core/matrix.js';
import { arithmeticOf, Trace } from '../../src/core/replay.js';
import { bceReplayed } from '../../src/ops/bce/replay.js';
import { clipReplayed } from '../../src/ops/clip/replay.js';
import { crossEntropyReplayed } from '../../src/ops/cross-entropy/replay.js';
import type { Reduction } from '../../src/ops/cross-entropy/kernel.js';
import { softmaxReplayed } from '../../src/ops/softmax/replay.js';
import { type Num, loadOracle, toNumber } from '../helpers/oracle.js';

interface DtypeCase {
  id: string;
  op: 'softmax' | 'log_softmax' | 'cross_entropy' | 'bce' | 'clip';
  dtype: Dtype;
  algorithm: 'stable' | 'naive';
  logits: number[][];
  temperature?: number;
  target?: number[];
  targets?: number[][];
  weight?: number[];
  reduction?: Reduction;
  scale?: number;
  expected: { result: Num | Num[] | Num[][]; losses?: Num[][] };
}

/** The case's result replayed by xent, flat in row order. */
function replayed(c: DtypeCase): number[] {
  const a = arithmeticOf(c.dtype);
  const trace = new Trace();
  const naive = c.algorithm === 'naive';
  const z = fromRows(c.logits);
  switch (c.op) {
    case 'softmax':
    case 'log_softmax':
      return Array.from(
        softmaxReplayed(
          z,
          { temperature: c.temperature ?? 1, axis: 'row', log: c.op === 'log_softmax', naive },
          a,
          trace,
        ).data,
      );
    case 'cross_entropy': {
      const r = crossEntropyReplayed(
        z,
        c.target!,
        { temperature: 1, reduction: c.reduction!, naive, ...(c.weight ? { weight: c.weight } : {}) },
        a,
        trace,
      );
      return c.reduction === 'none' ? Array.from(r.losses) : [r.loss];
    }
    case 'bce': {
      const r = bceReplayed(z, fromRows(c.targets!), { reduction: 'mean', naive }, a, trace);
      return [r.loss, ...r.losses.data]; // spread-ok: a fixture's few losses
    }
    case 'clip':
      return [clipReplayed(z, c.scale ?? 1, naive, a, trace).loss];
  }
}

const flat = (x: unknown): number[] => (Array.isArray(x) ? x.flatMap(flat) : [toNumber(x as Num)]);

const { cases } = loadOracle<DtypeCase>('dtype');

describe('--dtype against PyTorch (dtype.json)', () => {
  it('has cases of every operation, format and algorithm', () => {
    const kinds = new Set(cases.map((c) => `${c.op} ${c.dtype} ${c.algorithm}`));
    expect(kinds.size).toBe(5 * 3 * 2);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const expected = flat(c.op === 'bce' ? [c.expected.result, c.expected.losses] : c.expected.result);
    const actual = replayed(c);
    expect(actual.length).toBe(expected.length);
    // PyTorch's float32 exp (SLEEF, MKL) is within 1 ulp, not correctly rounded, and in the naive
    // formula nothing after it rounds once: probabilities within 2 ulps; a log of one (log p,
    // −log p and their means) within 4 ulps of the largest |log p|, at most the logits' range.
    const naive32 = c.algorithm === 'naive' && c.dtype === 'float32';
    const ofLogs = naive32 && c.op !== 'softmax' && c.op !== 'bce';
    const range = Math.max(...c.logits.flat()) - Math.min(...c.logits.flat()); // spread-ok: a fixture's few logits
    const off = actual.flatMap((x, k) => {
      const e = expected[k];
      const same = x === e || (Number.isNaN(x) && Number.isNaN(e));
      const ulps = ofLogs
        ? Math.abs(x - e) / ulp('float32', Math.max(Math.abs(e), range)) / 4
        : ulpsApart(c.dtype, x, e) / (naive32 ? 2 : 1);
      return same || ulps <= 1 ? [] : [`[${k}] xent ${x}, PyTorch ${e}: ${ulps} (of the limit) ${c.dtype}`];
    });
    expect(off, `${c.id}: ${JSON.stringify(c.logits)}`).toEqual([]);
  });
});
