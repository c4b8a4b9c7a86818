// distill keeps only what its output reads: -f value, tsv and csv compute no softmax matrix,
// no per-element terms and no gradient (distillLosses), and must give the digits of the whole
// kernel (distillationLoss), which the JSON, the tables and -g still show.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromRows } from '../src/core/matrix.js';
import { distillLosses, distillationLoss } from '../src/ops/distill/kernel.js';
import { DISTILL_REDUCTIONS, type DistillReduction } from '../src/ops/distill/spec.js';
import { xent } from './helpers/cli.js';

const same = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Object.is(a[i], b[i]), `${i}: ${a[i]} vs ${b[i]}`).toBe(true);
};

const logit = fc.double({ min: -50, max: 50, noNaN: true });

describe("distillLosses: the whole kernel's digits without its matrices", () => {
  it('every reduction, with and without hard labels: the same kl, ce, losses, loss; the same parts when kept', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(logit, { minLength: 60, maxLength: 60 }),
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        fc.constantFrom(...DISTILL_REDUCTIONS),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
        (rows, cols, values, temperature, reduction, alpha) => {
          const s = fromRows(Array.from({ length: rows }, (_, i) => values.slice(i * cols, (i + 1) * cols)));
          const t = fromRows(Array.from({ length: rows }, (_, i) => values.slice(30 + i * cols, 30 + (i + 1) * cols)));
          const hard =
            alpha !== null && reduction !== 'none'
              ? { classes: Array.from({ length: rows }, (_, i) => i % cols), alpha }
              : undefined;
          const options = { temperature, reduction, ...(hard ? { hard } : {}) };
          const whole = distillationLoss(s, t, options);
          const lean = distillLosses(s, t, options);
          same(lean.kl, whole.kl);
          same(lean.losses, whole.losses);
          same([lean.loss], [whole.loss]);
          if (whole.ce) same(lean.ce!, whole.ce);
          expect(lean.grad ?? lean.elements ?? lean.teacherProbs ?? lean.studentProbs).toBeUndefined();
          same(distillLosses(s, t, options, { grad: true }).grad!.data, whole.grad.data);
          same(distillLosses(s, t, options, { elements: true }).elements!.data, whole.elements.data);
          const kept = distillLosses(s, t, options, { probs: true });
          same(kept.teacherProbs!.data, whole.teacherProbs.data);
          same(kept.studentProbs!.data, whole.studentProbs.data);
        },
      ),
    );
  });
});

describe('xent distill: the JSON still holds what the lean path leaves out', () => {
  const student = '2,0.5,-1; 0.3,1.8,0.2';
  const teacher = '3,1,-2; 0,2.5,1';
  it.each([
    ['batchmean', []],
    ['mean', ['-y', '0,1', '--alpha', '0.3']],
    ['sum', ['-g']],
    ['none', []],
  ] as [DistillReduction, string[]][])(
    "-r %s %s: the kernel's probabilities, elements and gradient",
    async (reduction, extra) => {
      const r = await xent([
        'distill',
        '--student',
        student,
        '--teacher',
        teacher,
        '-t',
        '2',
        '-r',
        reduction,
        ...extra,
        '-f',
        'json',
      ]);
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout);
      const hard = extra.includes('-y') ? { classes: [0, 1], alpha: 0.3 } : undefined;
      const whole = distillationLoss(
        fromRows([
          [2, 0.5, -1],
          [0.3, 1.8, 0.2],
        ]),
        fromRows([
          [3, 1, -2],
          [0, 2.5, 1],
        ]),
        {
          temperature: 2,
          reduction,
          ...(hard ? { hard } : {}),
        },
      );
      same(json.teacher_probs.flat(), whole.teacherProbs.data);
      same(json.student_probs.flat(), whole.studentProbs.data);
      same(json.losses, whole.losses);
      if (reduction === 'none') same(json.elements.flat(), whole.elements.data);
      else expect(json.elements).toBeUndefined();
      if (extra.includes('-g')) same(json.grad.flat(), whole.grad.data);
      else expect(json.grad).toBeUndefined();
      const keys = Object.keys(json);
      // The keys in the order they had when the JSON was built eagerly.
      const at = (key: string) => keys.indexOf(key);
      expect(at('teacher_probs')).toBe(at('alpha') + 1);
      expect([at('student_probs'), at('kl')]).toEqual([at('teacher_probs') + 1, at('teacher_probs') + 2]);
      if (reduction === 'none') expect(at('elements')).toBe(at('losses') + 1);
    },
  );

  it('-f value, tsv and table agree with the JSON', async () => {
    const argv = ['distill', '--student', student, '--teacher', teacher, '-t', '4', '-r', 'none'];
    const json = JSON.parse((await xent([...argv, '-f', 'json'])).stdout);
    const value = (await xent([...argv, '-f', 'value'])).stdout.trim().split('\n').map(Number);
    same(value, json.losses);
    const tsv = (await xent([...argv, '-f', 'tsv'])).stdout;
    expect(tsv.trim().split('\n').length).toBe(3);
  });
});
