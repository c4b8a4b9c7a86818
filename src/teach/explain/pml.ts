// --explain for pytorch-metric-learning's NT-Xent with labels (xent ntxent --labels, --as pml):
// every other row of the anchor's label is a positive pair of its own, whose softmax holds that
// positive and the negatives only (the other positives left out), and the loss is the mean over
// every positive pair, not over rows. The row's numbers throughout, as for xent's own NT-Xent.
import { pairNtxentByRow } from '../../ops/ntxent/kernel.js';
import type { NtxentSpec } from '../../ops/ntxent/spec.js';
import { inUnit } from '../../core/units.js';
import { type Explanation, type ExplainLine, type ExplainStep, formula, text } from './explanation.js';
import type { ExplainInput } from './explainer.js';
import {
  anchorOf,
  eachOther,
  embeddingGradient,
  pairName,
  shiftedExps,
  similarityStep,
  simclrLines,
} from './contrastive.js';
import { elided, signSentence } from './kit.js';
import { given, num, sub, sumOf } from './numbers.js';

/** Rows as a list: "1, 2, 3" (1-based). */
const rowList = (rows: readonly number[]) => ({ list: rows.map((j) => j + 1) });

export function explainPairNtxent(x: ExplainInput<NtxentSpec>): Explanation {
  const { t, decimals: d, spec } = x;
  const { E, n, i, u, f, suffix } = anchorOf(x);
  const labels = spec.labels!;
  const tau = spec.temperature;
  const nats = pairNtxentByRow(E, labels, tau, x.context.inputSource, spec.normalize);
  const same = (a: number, b: number) => labels[a] === labels[b] && !Number.isNaN(labels[a]);
  const others = Array.from({ length: n }, (_, j) => j).filter((j) => j !== i);
  const positives = others.filter((j) => same(i, j));
  const negatives = others.filter((j) => !same(i, j));
  const pairs = nats.pairs;
  const title = t.label('teach.ntxent.title', { i: i + 1, count: n });
  const rest = { heading: t.label('teach.rest.heading', { unit: { key: 'label.row' } }), lines: restLines(x, nats) };
  if (positives.length === 0) {
    return {
      title,
      steps: [
        {
          heading: t.label('teach.supcon.step.none'),
          lines: [text(t.t('teach.pml.none', { i: i + 1, label: String(labels[i]) }))],
        },
      ],
      rest,
    };
  }
  const { step: simStep, s } = similarityStep(x, {
    embeddings: E,
    i,
    temperature: tau,
    positives,
    normalize: spec.normalize,
  });
  const steps: ExplainStep[] = [simStep];
  const sName = pairName('s', n);
  const lName = (j: number) => `ℓ${pairName('s', n)(i, j).slice(1)}`;
  const { exps, shift } = shiftedExps(s, i, tau);
  const shiftText = shift === 0 ? '' : ` − ${num(shift, d)}`;
  const negSum = negatives.reduce((a, j) => a + exps[j], 0);
  // Each pair's softmax: its positive against the negatives, pᵢₚ = e_p / (e_p + Σₙ eₙ).
  const pairDen = (p: number) => exps[p] + negSum;
  const lg = u.log;
  const pairLoss = (p: number) => -Math.log(exps[p] / pairDen(p)) * inUnit(1, u.unit);

  const pairLines: ExplainLine[] = [
    formula(`ℓᵢₚ = −${lg}(eᵢₚ / (eᵢₚ + Σₙ eᵢₙ)),  eᵢⱼ = exp(sᵢⱼ / τ),  τ = ${given(tau)}`),
    text(
      t.t('teach.pml.pairs', {
        i: i + 1,
        label: String(labels[i]),
        positives: rowList(positives),
        negatives: negatives.length > 0 ? rowList(negatives) : '—',
      }),
    ),
  ];
  eachOther(
    others,
    positives,
    (j) =>
      formula(
        `exp(${sName(i, j)} / τ${shiftText}) = exp(${num(s[j], d)} / ${given(tau)}${shiftText}) = ${num(exps[j], d)}`,
      ),
    pairLines,
  );
  pairLines.push(
    formula(
      negatives.length > 0
        ? `Σₙ = ${sumOf(negatives.map((j) => num(exps[j], d)))} = ${num(negSum, d)}`
        : `Σₙ = ${num(0, d)}`,
    ),
  );
  elided(
    positives.length,
    (k) => {
      const p = positives[k];
      return formula(
        `${lName(p)} = −${lg}(${num(exps[p], d)} / (${num(exps[p], d)} + ${num(negSum, d)})) = ${num(pairLoss(p), d)}`,
      );
    },
    {},
    pairLines,
  );
  if (shift !== 0) pairLines.push(text(t.t('teach.softmax.shift')));
  const P = positives.length;
  pairLines.push(
    formula(
      `L${sub(i + 1)} = (${sumOf(positives.map((p) => num(pairLoss(p), d)))}) / ${P} = ${num((nats.losses[i] ?? Number.NaN) * f, d)}${suffix}`,
    ),
  );
  pairLines.push(text(t.t('teach.pml.rowLoss', { i: i + 1, count: P })));
  steps.push({ heading: t.label('teach.pml.step.pairs', { i: i + 1 }), lines: pairLines });

  // The gradient: a positive's own pair pulls it closer; each negative is in every pair's denominator.
  const unit = inUnit(1, u.unit);
  const g = s.map((_, j) => {
    if (j === i) return 0;
    if (same(i, j)) return (-(1 - exps[j] / pairDen(j)) / (pairs * tau)) * unit;
    return (positives.reduce((a, p) => a + exps[j] / pairDen(p), 0) / (pairs * tau)) * unit;
  });
  const gradLines: ExplainLine[] = [
    formula('∂L/∂sᵢₚ = −(1 − pᵢₚ) / (P · τ),  ∂L/∂sᵢₙ = Σₚ (eᵢₙ / (eᵢₚ + Σₙ)) / (P · τ)'),
    text(t.t('teach.pml.grad', { pairs })),
  ];
  eachOther(
    others,
    positives,
    (j) => {
      const detail = same(i, j)
        ? `−(1 − ${num(exps[j], d)} / ${num(pairDen(j), d)})`
        : `(${sumOf(
            positives.map((p) => `${num(exps[j], d)} / ${num(pairDen(p), d)}`),
            3,
          )})`;
      return formula(`∂L/∂${sName(i, j)} = ${detail} / (${pairs} · ${given(tau)})${u.divide} = ${num(g[j], d)}`);
    },
    gradLines,
  );
  if (u.divide) gradLines.push(text(t.t('teach.ce.gradUnit', { unit: u.unit.name, base: u.unit.value })));
  gradLines.push(
    signSentence(
      t,
      others.map((j) => ({ name: sName(i, j), value: g[j] })),
    ),
  );
  gradLines.push(text(t.t('teach.others.pull')));
  embeddingGradient(x, i, gradLines);
  steps.push({ heading: t.label('teach.others.step.grad', { i: i + 1 }), lines: gradLines });
  return { title, steps, rest };
}

/** The rows' losses, and the reported one: each row's loss once per positive pair, over all P pairs. */
function restLines(x: ExplainInput<NtxentSpec>, nats: ReturnType<typeof pairNtxentByRow>): ExplainLine[] {
  const { t, decimals: d } = x;
  const u = anchorOf(x);
  const losses = nats.losses.map((v) => (v === null ? null : v * u.f));
  const i = u.i;
  const lines = elided(
    losses.length,
    (k) => {
      const l = losses[k];
      return formula(`L${sub(k + 1)} = ${l === null ? '—' : num(l, d)}${k === i ? '  ←' : ''}`);
    },
    { head: 8, keep: [i] },
  );
  const terms = losses.flatMap((l, k) => (l === null ? [] : [`${nats.positives[k]} · ${num(l, d)}`]));
  lines.push(formula(`L = (${sumOf(terms, 5)}) / ${nats.pairs} = ${num(Number(x.report.json.loss), d)}${u.suffix}`));
  lines.push(text(t.t('teach.pml.mean', { pairs: nats.pairs })));
  simclrLines(x, lines);
  return lines;
}
