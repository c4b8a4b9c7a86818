import type { ClipSpec } from '../../ops/clip/spec.js';
import { XentError } from '../../core/errors.js';
import { type Matrix, at, fromRows, zeros } from '../../core/matrix.js';
import { clipLoss } from '../../ops/clip/kernel.js';
import { type Explanation, type ExplainLine, type ExplainStep, chain, formula, text } from './explanation.js';
import { EXPLAIN_LR, type ExplainInput, pickRow } from './explainer.js';
import { inUnit } from '../../core/units.js';
import { type ExplainUnit, explainUnit, given, num, paren, sub, sumOf } from './numbers.js';
import { oneProbability } from './softmax.js';
import { lossMove } from './kit.js';
import { scaleGradientLines } from './scale.js';

/** The report's logits: nested arrays, or a LazyList of rows. */
function asMatrix(rows: Iterable<ArrayLike<number>>): Matrix {
  return fromRows(Array.from(rows, (row) => Array.from(row)));
}

export function explainClip(x: ExplainInput<ClipSpec>): Explanation {
  const { t, spec, decimals: d, report } = x;
  // The derivation is of one positive per row over a square matrix: a rank's local loss and
  // several positives (--labels) are refused, not explained wrongly.
  if (spec.local || spec.textLogits || spec.labels)
    throw new XentError(
      'err.clip.explainOption',
      { option: spec.labels ? '--labels' : spec.local ? '--world-size' : '--text-logits' },
      true,
    );
  const u: ExplainUnit = explainUnit(spec.unit, spec.unitNamed);
  const f = inUnit(1, u.unit);
  const lg = u.log;
  const logits = asMatrix(report.json.logits as Iterable<ArrayLike<number>>);
  const n = logits.rows;
  const i = pickRow(x.row, n);
  const res = clipLoss(logits);
  const scale = Number(report.json.scale ?? 1);
  const fromEmbeddings = x.input === undefined;
  const steps: ExplainStep[] = [];
  const asGiven = !fromEmbeddings && scale === 1;
  // Many pairs: the first few, the positive and the last, with … between.
  const shown = (j: number) => n <= 8 || j < 5 || j === i || j === n - 1;
  // s₁₂; with 10 or more pairs s₁₀,₁ (so that s₁₀₁ cannot mean two things).
  const s = (a: number, b: number) => `s${sub(a + 1)}${n >= 10 ? ',' : ''}${sub(b + 1)}`;

  // 0. where the logits come from
  if (fromEmbeddings || scale !== 1) {
    const lines: ExplainLine[] = [];
    if (fromEmbeddings) {
      lines.push(formula(!spec.normalize ? 'sᵢⱼ = scale · (uᵢ · vⱼ)' : 'sᵢⱼ = scale · (uᵢ · vⱼ) / (‖uᵢ‖ ‖vⱼ‖)'));
      lines.push(text(t.t(!spec.normalize ? 'teach.clip.dot' : 'teach.clip.cosine')));
    } else {
      lines.push(formula(`sᵢⱼ = scale · xᵢⱼ,  scale = ${num(scale, d)}`));
    }
    if (report.json.temperature !== undefined)
      lines.push(
        text(
          t.t('teach.clip.temperature', { temperature: given(Number(report.json.temperature)), scale: num(scale, d) }),
        ),
      );
    const row = Array.from({ length: n }, (_, j) => num(at(logits, i, j), d));
    lines.push(formula(`${t.label('label.row')} ${i + 1}: [${row.join(', ')}]`));
    steps.push({ heading: t.label('teach.clip.step.logits'), lines });
  }

  const rowZ = Array.from({ length: n }, (_, j) => at(logits, i, j));
  const colZ = Array.from({ length: n }, (_, k) => at(logits, k, i));
  const pRow = at(res.probsI2t, i, i);
  const pCol = at(res.probsT2i, i, i);
  steps.push({
    heading: t.label('teach.clip.step.i2t', { i: i + 1 }),
    lines: [
      text(t.t('teach.clip.i2t', { i: i + 1 })),
      formula(`P(text ${i + 1} | image ${i + 1}) = exp(${s(i, i)}) / Σⱼ exp(${s(i, 0).slice(0, -1)}ⱼ)`),
      ...oneProbability(`P`, rowZ, i, 1, d, asGiven),
      ...chain(`ℓ${sub(i + 1)}(i→t) = −${lg}(${num(pRow, d)})`, `${num(res.lossesI2t[i] * f, d)}${u.suffix}`),
    ],
  });
  steps.push({
    heading: t.label('teach.clip.step.t2i', { i: i + 1 }),
    lines: [
      text(t.t('teach.clip.t2i', { i: i + 1 })),
      formula(`P(image ${i + 1} | text ${i + 1}) = exp(${s(i, i)}) / Σₖ exp(sₖ${sub(i + 1)})`),
      ...oneProbability(`P`, colZ, i, 1, d, asGiven),
      ...chain(`ℓ${sub(i + 1)}(t→i) = −${lg}(${num(pCol, d)})`, `${num(res.lossesT2i[i] * f, d)}${u.suffix}`),
    ],
  });
  const li = Array.from(res.lossesI2t, (v) => num(v * f, d));
  const lt = Array.from(res.lossesT2i, (v) => num(v * f, d));
  steps.push({
    heading: t.label('teach.clip.step.average'),
    lines: [
      ...chain(`L(i→t) = (${sumOf(li, 5)}) / ${n}`, `${num(res.lossI2t * f, d)}`),
      ...chain(`L(t→i) = (${sumOf(lt, 5)}) / ${n}`, `${num(res.lossT2i * f, d)}`),
      ...chain(
        `L = (L(i→t) + L(t→i)) / 2 = (${num(res.lossI2t * f, d)} + ${num(res.lossT2i * f, d)}) / 2`,
        `${num(res.loss * f, d)}${u.suffix}`,
      ),
      text(t.t('teach.clip.average')),
    ],
  });

  const gradLines: ExplainLine[] = [
    formula(`∂L/∂sᵢⱼ = ((P(i→t)ᵢⱼ − δᵢⱼ) + (P(t→i)ᵢⱼ − δᵢⱼ)) / 2N,  N = ${n}`),
    text(t.t('teach.clip.grad')),
  ];
  for (let j = 0; j < n; j++) {
    if (!shown(j)) {
      if (shown(j - 1)) gradLines.push(formula('…'));
      continue;
    }
    const delta = i === j ? 1 : 0;
    const g = at(res.gradLogits, i, j) * f;
    gradLines.push(
      formula(
        `∂L/∂${s(i, j)} = ((${num(at(res.probsI2t, i, j), d)} − ${delta}) + (${num(at(res.probsT2i, i, j), d)} − ${delta})) / ${2 * n}${u.divide} = ${num(g, d)}`,
      ),
    );
  }
  if (u.divide) gradLines.push(text(t.t('teach.ce.gradUnit', { unit: u.unit.name, base: u.unit.value })));
  gradLines.push(text(t.t('teach.clip.gradSign')));
  steps.push({ heading: t.label('teach.clip.step.grad', { i: i + 1 }), lines: gradLines });

  // The scale multiplies every logit: its gradient (and log scale's, which open_clip and hf learn).
  if (fromEmbeddings || scale !== 1)
    steps.push({
      heading: t.label('teach.step.scale'),
      lines: scaleGradientLines(
        t,
        { grad: Array.from(res.gradLogits.data, (v) => v * f), logits: logits.data, scale, logit: 's', name: 'scale' },
        d,
      ),
    });

  const eta = EXPLAIN_LR;
  // The user's own numbers as given; scaled or computed logits at the table precision.
  const z0 = (v: number) => (asGiven ? given(v) : num(v, d));
  const next = zeros(n, n);
  for (let k = 0; k < next.data.length; k++) next.data[k] = logits.data[k] - eta * res.gradLogits.data[k] * f;
  const after = clipLoss(next);
  const descent: ExplainLine[] = [formula(`sᵢⱼ ← sᵢⱼ − η · ∂L/∂sᵢⱼ,  η = ${eta}`)];
  for (let j = 0; j < n; j++) {
    if (!shown(j)) {
      if (shown(j - 1)) descent.push(formula('…'));
      continue;
    }
    const change = -eta * at(res.gradLogits, i, j) * f; // the step itself: next − current is NaN at −∞
    const how = t.label(change >= 0 ? 'teach.word.up' : 'teach.word.down', { by: num(Math.abs(change), d) });
    descent.push(
      formula(
        `${s(i, j)}: ${z0(at(logits, i, j))} − ${eta} · ${paren(num(at(res.gradLogits, i, j) * f, d))} = ${num(at(next, i, j), d)}   (${how})`,
      ),
    );
  }
  descent.push(
    text(
      t.t('teach.clip.after', {
        move: lossMove(res.loss, after.loss, (v) => `${num(v * f, d)}${u.suffix}`, eta),
        pBefore: num(pRow, d),
        p: num(at(after.probsI2t, i, i), d),
        i: i + 1,
      }),
    ),
  );
  if (fromEmbeddings) descent.push(text(t.t('teach.clip.embeddingStep')));
  steps.push({ heading: t.label('teach.clip.step.descent'), lines: descent });

  return { title: t.label('teach.clip.title', { i: i + 1, count: n }), steps };
}
