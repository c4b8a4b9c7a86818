// --explain of one rank's CLIP loss, open_clip's ClipLoss with local_loss=True: this rank's n
// images against all N texts of the batch (logits_per_image) and its n texts against all N images
// (logits_per_text), two n × N matrices; local row i's positive is column offset + i in both
// (get_ground_truth: labels = arange(n) + n · rank); each direction is F.cross_entropy's mean over
// the n local rows, and the loss their average. Every number is the kernel's (clipLocalLoss), on
// the logits the report computed.
import type { ClipSpec } from '../../ops/clip/spec.js';
import { type Matrix, at, fromRows, rowView, zeros } from '../../core/matrix.js';
import { clipLocalLoss } from '../../ops/clip/local.js';
import { inUnit } from '../../core/units.js';
import { type Explanation, type ExplainLine, type ExplainStep, chain, formula, text } from './explanation.js';
import { EXPLAIN_LR, type ExplainInput, pickRow } from './explainer.js';
import { type ExplainUnit, explainUnit, given, num, paren, sub, sumOf } from './numbers.js';
import { oneProbability } from './softmax.js';
import { type DescentEntry, descentLines, elided, lossMove, signSentence } from './kit.js';
import { pairName } from './contrastive.js';

/** The report's logits: nested arrays, or a LazyList of rows. */
function asMatrix(rows: Iterable<ArrayLike<number>>): Matrix {
  return fromRows(Array.from(rows, (row) => Array.from(row)));
}

/** A copy of `m` moved one step against `grad` (times `f`, the unit's factor). */
function stepped(m: Matrix, grad: Matrix, eta: number, f: number): Matrix {
  const next = zeros(m.rows, m.cols);
  for (let k = 0; k < next.data.length; k++) next.data[k] = m.data[k] - eta * grad.data[k] * f;
  return next;
}

export function explainClipLocal(x: ExplainInput<ClipSpec>): Explanation {
  const { t, spec, decimals: d, report } = x;
  const u: ExplainUnit = explainUnit(spec.unit, spec.unitNamed);
  const f = inUnit(1, u.unit);
  const lg = u.log;
  const a = asMatrix(report.json.logits_per_image as Iterable<ArrayLike<number>>);
  const b = asMatrix(report.json.logits_per_text as Iterable<ArrayLike<number>>);
  const offset = Number(report.json.label_offset);
  const res = clipLocalLoss(a, b, offset);
  const { rows: n, cols: N } = a;
  const i = pickRow(x.row, n);
  const g = offset + i; // the positive column (0-based): the batch's pair offset + i
  const scale = Number(report.json.scale ?? 1);
  const local = spec.local;
  const fromEmbeddings = spec.pair !== undefined;
  const asGiven = !fromEmbeddings && scale === 1;
  const aName = pairName('a', N);
  const bName = pairName('b', N);
  const lossText = (v: number) => `${num(v * f, d)}${u.suffix}`;
  const steps: ExplainStep[] = [];

  // 0. which rows this rank holds, and where each row's positive is
  const rank: ExplainLine[] = [];
  if (local) {
    const W = local.worldSize;
    rank.push(
      text(
        t.t('teach.clipLocal.rankWorld', {
          N,
          W,
          rank: local.rank,
          n,
          first: offset + 1,
          last: offset + n,
        }),
      ),
      formula(`n = N / W = ${N} / ${W} = ${n}`),
      formula(`offset = rank · n = ${local.rank} · ${n} = ${offset}`),
      text(t.t('teach.clipLocal.positiveWorld')),
    );
  } else {
    rank.push(
      text(t.t('teach.clipLocal.rankGiven', { n, N })),
      formula(`n = ${n},  N = ${N},  offset = ${offset}`),
      text(t.t('teach.clipLocal.positiveGiven', { offset })),
    );
  }
  rank.push(
    formula(`${t.label('teach.clipLocal.localRow', { i: i + 1 })} → offset + i = ${offset} + ${i + 1} = ${g + 1}`),
  );
  steps.push({ heading: t.label('teach.clipLocal.step.rank'), lines: rank });

  // 1. where the logits come from
  if (!asGiven) {
    const lines: ExplainLine[] = [];
    if (fromEmbeddings) {
      lines.push(
        formula(`aᵢⱼ = scale · ${spec.normalize ? '(uₖ · vⱼ) / (‖uₖ‖ ‖vⱼ‖)' : '(uₖ · vⱼ)'},  k = offset + i`),
        formula(`bᵢⱼ = scale · ${spec.normalize ? '(vₖ · uⱼ) / (‖vₖ‖ ‖uⱼ‖)' : '(vₖ · uⱼ)'}`),
        text(t.t(spec.normalize ? 'teach.clipLocal.cosine' : 'teach.clipLocal.dot')),
      );
    } else {
      lines.push(
        formula(`aᵢⱼ = scale · xᵢⱼ,  bᵢⱼ = scale · x′ᵢⱼ,  scale = ${num(scale, d)}`),
        text(t.t('teach.clipLocal.scaled')),
      );
    }
    if (report.json.temperature !== undefined)
      lines.push(
        text(
          t.t('teach.clip.temperature', { temperature: given(Number(report.json.temperature)), scale: num(scale, d) }),
        ),
      );
    // Many columns: the first few, the positive and the last, with … between.
    const row = (m: Matrix) => {
      const terms: string[] = [];
      for (let j = 0; j < N; j++) {
        if (N <= 8 || j < 5 || j === g || j === N - 1) terms.push(num(at(m, i, j), d));
        else if (terms[terms.length - 1] !== '…') terms.push('…');
      }
      return terms.join(', ');
    };
    lines.push(formula(`a${sub(i + 1)}ⱼ = [${row(a)}]`), formula(`b${sub(i + 1)}ⱼ = [${row(b)}]`));
    steps.push({ heading: t.label('teach.clip.step.logits'), lines });
  }

  // 2, 3. each direction: a softmax along row i of its matrix, the positive in column offset + i
  const rowA = Array.from(rowView(a, i));
  const rowB = Array.from(rowView(b, i));
  const pRow = at(res.probsI2t, i, g);
  const qRow = at(res.probsT2i, i, g);
  const params = { i: i + 1, g: g + 1, N };
  const I = sub(i + 1);
  steps.push({
    heading: t.label('teach.clipLocal.step.i2t', { i: i + 1 }),
    lines: [
      text(t.t('teach.clipLocal.i2t', params)),
      formula(`P(text ${g + 1} | image ${g + 1}) = exp(${aName(i, g)}) / Σⱼ exp(a${I}ⱼ)`),
      ...oneProbability('P', rowA, g, 1, d, asGiven),
      ...chain(`ℓ${I}(i→t) = −${lg}(${num(pRow, d)})`, lossText(res.lossesI2t[i])),
    ],
  });
  const t2i: ExplainLine[] = [text(t.t('teach.clipLocal.t2i', params))];
  if (local) t2i.push(text(t.t('teach.clipLocal.t2iColumn', params)));
  t2i.push(
    formula(`P(image ${g + 1} | text ${g + 1}) = exp(${bName(i, g)}) / Σⱼ exp(b${I}ⱼ)`),
    ...oneProbability('P', rowB, g, 1, d, asGiven), // spread-ok: a few lines
    ...chain(`ℓ${I}(t→i) = −${lg}(${num(qRow, d)})`, lossText(res.lossesT2i[i])), // spread-ok: a few lines
  );
  steps.push({ heading: t.label('teach.clipLocal.step.t2i', { i: i + 1 }), lines: t2i });

  // 4. the mean over the n local rows, each way, and the average of the two
  const li = Array.from(res.lossesI2t, (v) => num(v * f, d));
  const lt = Array.from(res.lossesT2i, (v) => num(v * f, d));
  const average: ExplainLine[] = [
    ...chain(`L(i→t) = (${sumOf(li, 5)}) / ${n}`, `${num(res.lossI2t * f, d)}`),
    ...chain(`L(t→i) = (${sumOf(lt, 5)}) / ${n}`, `${num(res.lossT2i * f, d)}`),
    ...chain(
      `L = (L(i→t) + L(t→i)) / 2 = (${num(res.lossI2t * f, d)} + ${num(res.lossT2i * f, d)}) / 2`,
      lossText(res.loss),
    ),
    text(t.t('teach.clipLocal.average', { n, N })),
  ];
  if (local) average.push(text(t.t('teach.clipLocal.ranks', { W: local.worldSize })));
  steps.push({ heading: t.label('teach.clip.step.average'), lines: average });

  // 5. the chance level: each softmax chooses among N, not n
  const chance = inUnit(Math.log(N), u.unit);
  const chanceLines: ExplainLine[] = [
    text(t.t('teach.clipLocal.chance', { N, log: lg })),
    formula(`${lg} N = ${lg} ${N} = ${num(chance, d)}${u.suffix}`),
  ];
  const fraction = (res.loss * f) / chance;
  if (chance > 0 && Number.isFinite(fraction))
    chanceLines.push(formula(`L / ${lg} N = ${num(res.loss * f, d)} / ${num(chance, d)} = ${num(fraction, d)}`));
  steps.push({ heading: t.label('teach.clipLocal.step.chance'), lines: chanceLines });

  // 6. the gradient of row i of each matrix: (p − y) / 2n
  const y = (j: number) => (j === g ? 1 : 0);
  const gradLines: ExplainLine[] = [
    formula(`∂L/∂aᵢⱼ = (pᵢⱼ − yᵢⱼ) / 2n,  n = ${n}`),
    formula('∂L/∂bᵢⱼ = (qᵢⱼ − yᵢⱼ) / 2n'),
    text(t.t('teach.clipLocal.grad', { n, twoN: 2 * n, twoAll: 2 * N })),
  ];
  const gradOf = (probs: Matrix, grad: Matrix, name: (i: number, j: number) => string) => {
    elided(
      N,
      (j) =>
        formula(
          `∂L/∂${name(i, j)} = (${num(at(probs, i, j), d)} − ${y(j)}) / ${2 * n}${u.divide} = ${num(at(grad, i, j) * f, d)}`,
        ),
      { head: 5, keep: [g] },
      gradLines,
    );
    gradLines.push(
      signSentence(
        t,
        Array.from({ length: N }, (_, j) => ({ name: name(i, j), value: at(grad, i, j) })),
      ),
    );
  };
  gradOf(res.probsI2t, res.gradPerImage, aName);
  gradOf(res.probsT2i, res.gradPerText, bName);
  if (u.divide) gradLines.push(text(t.t('teach.ce.gradUnit', { unit: u.unit.name, base: u.unit.value })));
  steps.push({ heading: t.label('teach.clip.step.grad', { i: i + 1 }), lines: gradLines });

  // 7. the scale multiplies both matrices: its gradient collects every entry of both
  if (!asGiven) {
    const sumTerms = (m: Matrix, grad: Matrix) => {
      const terms: string[] = [];
      let total = 0;
      for (let k = 0; k < m.data.length; k++) {
        total += grad.data[k] * f * m.data[k];
        terms.push(`${paren(num(grad.data[k] * f, d))} · ${paren(num(m.data[k], d))}`);
      }
      return { terms, total };
    };
    const A = sumTerms(a, res.gradPerImage);
    const B = sumTerms(b, res.gradPerText);
    const byScale = (A.total + B.total) / scale;
    const lines: ExplainLine[] = [
      formula('∂L/∂scale = (Σᵢⱼ ∂L/∂aᵢⱼ · aᵢⱼ + Σᵢⱼ ∂L/∂bᵢⱼ · bᵢⱼ) / scale'),
      text(t.t('teach.clipLocal.scaleGrad', { n, N })),
      formula(`Σᵢⱼ ∂L/∂aᵢⱼ · aᵢⱼ = ${sumOf(A.terms, 4)} = ${num(A.total, d)}`),
      formula(`Σᵢⱼ ∂L/∂bᵢⱼ · bᵢⱼ = ${sumOf(B.terms, 4)} = ${num(B.total, d)}`),
      formula(`∂L/∂scale = (${num(A.total, d)} + ${paren(num(B.total, d))}) / ${num(scale, d)} = ${num(byScale, d)}`),
      formula(
        `∂L/∂log scale = scale · ∂L/∂scale = ${num(scale, d)} · ${paren(num(byScale, d))} = ${num(A.total + B.total, d)}`,
      ),
      // -g prints grad_scale and grad_logit_scale for two given matrices as for embeddings.
      text(t.t('teach.scale.log', { name: 'scale' })),
    ];
    if (local) lines.push(text(t.t('teach.clipLocal.scaleRanks', { W: local.worldSize })));
    steps.push({ heading: t.label('teach.step.scale'), lines });
  }

  // 8. one step of descent on both matrices, and this rank's loss after it
  const eta = EXPLAIN_LR;
  const before = (v: number) => (asGiven ? given(v) : num(v, d));
  const entries = (m: Matrix, grad: Matrix, name: (i: number, j: number) => string): DescentEntry[] =>
    Array.from({ length: N }, (_, j) => ({
      name: name(i, j),
      value: at(grad, i, j) * f,
      at: at(m, i, j),
      before: before(at(m, i, j)),
    }));
  const after = clipLocalLoss(stepped(a, res.gradPerImage, eta, f), stepped(b, res.gradPerText, eta, f), offset);
  const descent: ExplainLine[] = [formula(`aᵢⱼ ← aᵢⱼ − η · ∂L/∂aᵢⱼ,  bᵢⱼ ← bᵢⱼ − η · ∂L/∂bᵢⱼ,  η = ${eta}`)];
  descentLines(t, entries(a, res.gradPerImage, aName), eta, d, { head: 5, keep: [g] }, descent);
  descentLines(t, entries(b, res.gradPerText, bName), eta, d, { head: 5, keep: [g] }, descent);
  descent.push(
    text(
      t.t('teach.clipLocal.after', {
        move: lossMove(res.loss, after.loss, lossText, eta),
        pBefore: num(pRow, d),
        p: num(at(after.probsI2t, i, g), d),
        g: g + 1,
      }),
    ),
  );
  if (fromEmbeddings) descent.push(text(t.t('teach.clip.embeddingStep')));
  steps.push({ heading: t.label('teach.clipLocal.step.descent'), lines: descent });

  return { title: t.label('teach.clipLocal.title', { i: i + 1, n, g: g + 1, N }), steps };
}
