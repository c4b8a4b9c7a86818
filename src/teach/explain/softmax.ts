import { type Matrix, at, transpose } from '../../core/matrix.js';
import { softmaxInto } from '../../ops/softmax/kernel.js';
import type { SoftmaxSpec } from '../../ops/softmax/spec.js';
import { type Explanation, type ExplainLine, type ExplainStep, chain, formula, text } from './explanation.js';
import { type ExplainInput, pickRow } from './explainer.js';
import { given, listOf, num, paren, sub, sumOf } from './numbers.js';

/** Logits beyond this make exp overflow or lose meaning in a printout: shift by the max first. */
const SHIFT_ABOVE = 30;

export interface SoftmaxLine {
  readonly z: readonly number[];
  readonly temperature: number;
  readonly decimals: number;
  readonly name: string;
  /** Index names (class labels as the user counts them). */
  readonly index: (j: number) => string;
}

/** The steps of one softmax, from the logits to the probabilities. Shared by ce and clip. */
export function softmaxSteps(
  x: ExplainInput,
  line: SoftmaxLine,
): { steps: ExplainStep[]; probs: Float64Array; overflowed: boolean; shifted: readonly number[] } {
  const { t } = x;
  const { z, temperature: T, decimals: d, name, index } = line;
  const n = z.length;
  const steps: ExplainStep[] = [];
  const probs = new Float64Array(n);
  const logProbs = new Float64Array(n);
  softmaxInto(z, T, probs, logProbs);

  steps.push({
    heading: t.label('teach.step.formula'),
    lines: [
      formula(T === 1 ? `${name}ⱼ = exp(zⱼ) / Σₖ exp(zₖ)` : `${name}ⱼ = exp(zⱼ / T) / Σₖ exp(zₖ / T)`),
      text(t.t('teach.softmax.formula')),
    ],
  });
  let scaled = [...z];
  if (T !== 1) {
    scaled = z.map((v) => v / T);
    steps.push({
      heading: t.label('teach.step.temperature', { value: given(T) }),
      lines: [
        formula(`z / T = ${listOf(z.map(given))} / ${given(T)} = ${listOf(scaled.map((v) => num(v, d)))}`),
        text(t.t(T < 1 ? 'teach.temperature.sharper' : 'teach.temperature.flatter')),
      ],
    });
  }
  const max = scaled.reduce((m, v) => Math.max(m, v), -Infinity);
  const shift = Math.abs(max) > SHIFT_ABOVE;
  // Where the largest z/T overflowed (1e308 / 1e-6 = inf), (zⱼ − max z)/T: the same numbers, finite.
  const zMax = z.reduce((m, v) => Math.max(m, v), -Infinity);
  const overflowed = Number.isFinite(zMax) && !Number.isFinite(max);
  const shown = shift ? scaled.map((v, j) => (overflowed ? (z[j] - zMax) / T : v - max)) : scaled;
  const arg = (j: number) => (T === 1 ? given(z[j]) : num(scaled[j], d));
  if (shift) {
    steps.push({
      heading: t.label('teach.step.shift', { max: num(max, d) }),
      lines: [formula(`z − m = ${listOf(shown.map((v) => num(v, d)))}`), text(t.t('teach.softmax.shift'))],
    });
  }
  const exps = shown.map((v) => Math.exp(v));
  const sum = exps.reduce((a, b) => a + b, 0);
  const expLines: ExplainLine[] = [];
  const few = n <= 8;
  for (let j = 0; j < n; j++) {
    if (!few && j === 6) expLines.push(formula('…'));
    if (few || j < 6 || j === n - 1) {
      expLines.push(formula(`exp(${shift ? num(shown[j], d) : arg(j)}) = ${num(exps[j], d)}`));
    }
  }
  expLines.push(formula(`Σ = ${sumOf(exps.map((e) => num(e, d)))} = ${num(sum, d)}`));
  steps.push({ heading: t.label('teach.step.exp'), lines: expLines });

  const pLines: ExplainLine[] = [];
  for (let j = 0; j < n; j++) {
    if (!few && j === 6) pLines.push(formula('…'));
    if (few || j < 6 || j === n - 1) {
      pLines.push(formula(`${name}${index(j)} = ${num(exps[j], d)} / ${num(sum, d)} = ${num(probs[j], d)}`));
    }
  }
  pLines.push(
    text(
      t.t('teach.softmax.check', {
        sum: num(
          probs.reduce((a, b) => a + b, 0),
          d,
        ),
      }),
    ),
  );
  steps.push({ heading: t.label('teach.step.divide'), lines: pLines });
  // `shifted`: (zⱼ − max z)/T, what the log step shows where zⱼ/T overflowed.
  return { steps, probs, overflowed, shifted: overflowed ? shown : scaled };
}

/** One probability in full, the way the issue writes it: P = exp(a) / (exp(a) + …) = … = p. */
export function oneProbability(
  label: string,
  z: readonly number[],
  k: number,
  T: number,
  d: number,
  asGiven = true,
): ExplainLine[] {
  const scaled = z.map((v) => v / T);
  const max = scaled.reduce((m, v) => Math.max(m, v), -Infinity);
  const shift = Math.abs(max) > SHIFT_ABOVE ? max : 0;
  const arg = (j: number) => (T === 1 && shift === 0 && asGiven ? given(z[j]) : num(scaled[j] - shift, d));
  const exps = scaled.map((v) => Math.exp(v - shift));
  const sum = exps.reduce((a, b) => a + b, 0);
  return chain(
    `${label} = exp(${arg(k)}) / (${sumOf(
      z.map((_, j) => `exp(${arg(j)})`),
      5,
    )})`,
    `${num(exps[k], d)} / (${sumOf(
      exps.map((e) => num(e, d)),
      5,
    )})`,
    num(exps[k] / sum, d),
  );
}

export function explainSoftmax(x: ExplainInput<SoftmaxSpec>): Explanation {
  const { t, input, decimals: d } = x;
  const { temperature: T, axis, log } = x.spec;
  const m: Matrix = axis === 'row' ? input! : transpose(input!);
  const what = axis === 'row' ? 'row' : 'column';
  const r = pickRow(x.row, m.rows, what);
  const z = Array.from({ length: m.cols }, (_, j) => at(m, r, j));
  const labels = axis === 'row' ? input!.colLabels : undefined;
  const index = (j: number) => (labels ? `(${labels[j]})` : sub(j));
  const { steps, overflowed, shifted } = softmaxSteps(x, { z, temperature: T, decimals: d, name: 'p', index });
  if (log) {
    // Where zⱼ/T overflowed (a tiny T), log Σₖ exp(zₖ/T) is not a number: the step is written
    // with (zⱼ − max z)/T instead, which gives the same log-probabilities.
    const top = shifted.reduce((m, v) => Math.max(m, v), -Infinity);
    const lse = Math.log(shifted.reduce((a, v) => a + Math.exp(v - top), 0)) + top;
    const arg = overflowed ? '(zⱼ − max z) / T' : `zⱼ${T === 1 ? '' : ' / T'}`;
    const argK = overflowed ? '(zₖ − max z) / T' : `zₖ${T === 1 ? '' : ' / T'}`;
    steps.push({
      heading: t.label('teach.step.log'),
      lines: [
        formula(`log pⱼ = ${arg} − log Σₖ exp(${argK}),  log Σ = ${num(lse, d)}`),
        ...shifted
          .slice(0, 8)
          .map((v, j) => formula(`log p${index(j)} = ${num(v, d)} − ${paren(num(lse, d))} = ${num(v - lse, d)}`)),
        text(t.t('teach.softmax.log')),
      ],
    });
  }
  const unit = { key: what === 'row' ? 'label.row' : 'label.column' } as const;
  const rest = otherLines(x, m, r, T, unit);
  return {
    title: t.label('teach.softmax.title', { unit, index: r + 1, count: m.rows }),
    steps,
    ...(rest ? { rest } : {}),
  };
}

function otherLines(
  x: ExplainInput<SoftmaxSpec>,
  m: Matrix,
  r: number,
  T: number,
  unit: { key: 'label.row' | 'label.column' },
) {
  if (m.rows <= 1) return undefined;
  const lines: ExplainLine[] = [];
  const limit = 10;
  let shown = 0;
  for (let i = 0; i < m.rows && shown < limit; i++) {
    if (i === r) continue;
    const p = new Float64Array(m.cols);
    const lp = new Float64Array(m.cols);
    softmaxInto(
      Array.from({ length: m.cols }, (_, j) => at(m, i, j)),
      T,
      p,
      lp,
    );
    lines.push(formula(`${x.t.label(unit.key)} ${i + 1}: p = ${listOf(Array.from(p, (v) => num(v, x.decimals)))}`));
    shown++;
  }
  if (m.rows - 1 > shown) lines.push(text(x.t.t('teach.rest.more', { count: m.rows - 1 - shown })));
  return { heading: x.t.label('teach.rest.heading', { unit }), lines };
}
