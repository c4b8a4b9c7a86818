import type { ClipSpec } from '../../ops/clip/spec.js';
import { type Matrix, at, fromRows, zeros } from '../../core/matrix.js';
import { clipLoss } from '../../ops/clip/kernel.js';
import { type Explanation, type ExplainLine, type ExplainStep, chain, formula, text } from './explanation.js';
import { EXPLAIN_LR, type ExplainInput, pickRow } from './explainer.js';
import { inUnit } from '../../core/units.js';
import { type ExplainUnit, explainUnit, given, num, paren, sub, sumOf } from './numbers.js';
import { oneProbability } from './softmax.js';
import { lossMove, signSentence } from './kit.js';
import { pairName } from './contrastive.js';
import { scaleGradientLines } from './scale.js';
import { explainClipLocal } from './clip-local.js';

/** The report's logits: nested arrays, or a LazyList of rows. */
function asMatrix(rows: Iterable<ArrayLike<number>>): Matrix {
  return fromRows(Array.from(rows, (row) => Array.from(row)));
}

export function explainClip(x: ExplainInput<ClipSpec>): Explanation {
  const { t, spec, decimals: d, report } = x;
  // One rank's local_loss: two n × N matrices, not one square one.
  if (spec.local || spec.textLogits) return explainClipLocal(x);
  const u: ExplainUnit = explainUnit(spec.unit, spec.unitNamed);
  const f = inUnit(1, u.unit);
  const lg = u.log;
  const logits = asMatrix(report.json.logits as Iterable<ArrayLike<number>>);
  const n = logits.rows;
  const i = pickRow(x.row, n);
  const labels = spec.labels;
  const res = clipLoss(logits, labels);
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
  // --labels: the row's positives, every pair of its label (the same rows down column i).
  const positives = labels ? Array.from({ length: n }, (_, j) => j).filter((j) => labels[j] === labels[i]) : [i];
  const P = positives.length;
  const pName = pairName('p', n);
  const qName = pairName('q', n);
  if (labels) {
    const meanOf = (lhs: string, names: string[], values: number[], loss: number) =>
      chain(
        lhs,
        `−(${sumOf(
          names.map((v) => `${lg} ${v}`),
          4,
        )}) / ${P}`,
        `−(${sumOf(
          values.map((v) => `${lg} ${num(v, d)}`),
          4,
        )}) / ${P}`,
        `${num(loss * f, d)}${u.suffix}`,
      );
    const texts = { list: positives.map((j) => j + 1) };
    steps.push({
      heading: t.label('teach.clip.step.i2t', { i: i + 1 }),
      lines: [
        text(t.t('teach.clip.labelsI2t', { i: i + 1, label: String(labels[i]), texts })),
        formula(`${pName(i, 0).slice(0, -1)}ⱼ = exp(${s(i, 0).slice(0, -1)}ⱼ) / Σₖ exp(${s(i, 0).slice(0, -1)}ₖ)`),
        ...positives.flatMap((j) => oneProbability(pName(i, j), rowZ, j, 1, d, asGiven)),
        ...meanOf(
          `ℓ${sub(i + 1)}(i→t) = −(1 / |P(${i + 1})|) · Σ_{j∈P(${i + 1})} ${lg} ${pName(i, 0).slice(0, -1)}ⱼ`,
          positives.map((j) => pName(i, j)),
          positives.map((j) => at(res.probsI2t, i, j)),
          res.lossesI2t[i],
        ),
      ],
    });
    steps.push({
      heading: t.label('teach.clip.step.t2i', { i: i + 1 }),
      lines: [
        text(t.t('teach.clip.labelsT2i', { i: i + 1, images: texts })),
        formula(`qₖ${sub(i + 1)} = exp(sₖ${sub(i + 1)}) / Σₘ exp(sₘ${sub(i + 1)})`),
        ...positives.flatMap((k) => oneProbability(qName(k, i), colZ, k, 1, d, asGiven)),
        ...meanOf(
          `ℓ${sub(i + 1)}(t→i) = −(1 / |P(${i + 1})|) · Σ_{k∈P(${i + 1})} ${lg} qₖ${sub(i + 1)}`,
          positives.map((k) => qName(k, i)),
          positives.map((k) => at(res.probsT2i, k, i)),
          res.lossesT2i[i],
        ),
      ],
    });
  } else {
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
  }
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
      text(t.t(labels ? 'teach.clip.averageLabels' : 'teach.clip.average')),
    ],
  });

  // y spreads 1 over the positives: 1/|P| on each (the same for the row and the column of a positive pair).
  const target = (j: number) => (positives.includes(j) ? (P === 1 ? '1' : `1 / ${P}`) : '0');
  const gradLines: ExplainLine[] = labels
    ? [
        formula(`∂L/∂sᵢⱼ = ((pᵢⱼ − yᵢⱼ) + (qᵢⱼ − yᵢⱼ)) / 2N,  yᵢⱼ = [j ∈ P(i)] / |P(i)|,  N = ${n}`),
        text(t.t('teach.clip.gradLabels')),
      ]
    : [formula(`∂L/∂sᵢⱼ = ((P(i→t)ᵢⱼ − δᵢⱼ) + (P(t→i)ᵢⱼ − δᵢⱼ)) / 2N,  N = ${n}`), text(t.t('teach.clip.grad'))];
  for (let j = 0; j < n; j++) {
    if (!shown(j)) {
      if (shown(j - 1)) gradLines.push(formula('…'));
      continue;
    }
    const delta = labels ? target(j) : i === j ? 1 : 0;
    const g = at(res.gradLogits, i, j) * f;
    gradLines.push(
      formula(
        `∂L/∂${s(i, j)} = ((${num(at(res.probsI2t, i, j), d)} − ${delta}) + (${num(at(res.probsT2i, i, j), d)} − ${delta})) / ${2 * n}${u.divide} = ${num(g, d)}`,
      ),
    );
  }
  if (u.divide) gradLines.push(text(t.t('teach.ce.gradUnit', { unit: u.unit.name, base: u.unit.value })));
  gradLines.push(
    labels
      ? signSentence(
          t,
          Array.from({ length: n }, (_, j) => ({ name: s(i, j), value: at(res.gradLogits, i, j) })),
        )
      : text(t.t('teach.clip.gradSign')),
  );
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
  const after = clipLoss(next, labels);
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
  const held = (r: typeof res) => positives.reduce((a, j) => a + at(r.probsI2t, i, j), 0);
  descent.push(
    text(
      t.t(labels ? 'teach.clip.afterLabels' : 'teach.clip.after', {
        move: lossMove(res.loss, after.loss, (v) => `${num(v * f, d)}${u.suffix}`, eta),
        pBefore: num(labels ? held(res) : pRow, d),
        p: num(labels ? held(after) : at(after.probsI2t, i, i), d),
        i: i + 1,
      }),
    ),
  );
  if (fromEmbeddings) descent.push(text(t.t('teach.clip.embeddingStep')));
  steps.push({ heading: t.label('teach.clip.step.descent'), lines: descent });

  return { title: t.label('teach.clip.title', { i: i + 1, count: n }), steps };
}
