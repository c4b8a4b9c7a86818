// --explain for the contrastive losses that are not CLIP's: SigLIP (every image–text pair its
// own sigmoid question) and the two that classify each row among the others, NT-Xent (its
// partner) and SupCon (the rows of its label). The row's numbers throughout: similarities,
// the softmax over the other rows, the loss, its gradient w.r.t. the similarities (the sign of
// each entry saying which pairs descent pulls together), and how the rows make the loss.
import { l2Normalize } from '../../core/normalize.js';
import { type Matrix, at, fromRows, rowView } from '../../core/matrix.js';
import { sigmoid, softplus } from '../../core/sigmoid.js';
import { inUnit } from '../../core/units.js';
import type { MessageParam } from '../../i18n/messages.js';
import { ntxentLoss, partnerOf } from '../../ops/ntxent/kernel.js';
import type { NtxentSpec } from '../../ops/ntxent/spec.js';
import { siglipLoss } from '../../ops/siglip/kernel.js';
import type { SiglipSpec } from '../../ops/siglip/spec.js';
import { supconLoss } from '../../ops/supcon/kernel.js';
import type { SupconSpec } from '../../ops/supcon/spec.js';
import { type Explanation, type ExplainLine, type ExplainStep, chain, formula, text } from './explanation.js';
import { EXPLAIN_LR, type ExplainInput, pickRow } from './explainer.js';
import { type Combination, combineLines, descentLines, elided, lossMove, signSentence } from './kit.js';
import { type ExplainUnit, explainUnit, given, listOf, num, paren, sub, sumOf } from './numbers.js';

/** A JSON matrix (held or made row by row) as a Matrix. */
function asMatrix(rows: unknown): Matrix {
  return fromRows(Array.from(rows as Iterable<ArrayLike<number>>, (row) => Array.from(row, Number)));
}

/** Pair (i, j) 1-based as a subscript: x₁₂, or x₁₀,₁ from ten rows on (so x₁₀₁ cannot mean two things). */
function pairName(letter: string, n: number) {
  return (i: number, j: number) => `${letter}${sub(i + 1)}${n >= 10 ? ',' : ''}${sub(j + 1)}`;
}

/** The unit's division of a value in nats, and the value itself in the unit. */
function unitOf(u: ExplainUnit) {
  return { f: inUnit(1, u.unit), divide: u.divide, suffix: u.suffix };
}

export function explainSiglip(x: ExplainInput<SiglipSpec>): Explanation {
  const { t, decimals: d, spec, report } = x;
  const u = explainUnit(spec.unit);
  const { f, divide, suffix } = unitOf(u);
  const logits = asMatrix(report.json.logits);
  const n = logits.rows;
  const i = pickRow(x.row, n);
  const name = pairName('x', n);
  const row = Array.from(rowView(logits, i));
  const zOf = (j: number) => (j === i ? 1 : -1);
  const res = siglipLoss(logits);
  const share = res.rowLosses[i] * f;
  const terms = row.map((v, j) => softplus(-zOf(j) * v) * f);
  const grad = row.map((v, j) => ((-zOf(j) * sigmoid(-zOf(j) * v)) / n) * f);
  const L = n > 1 ? `L${sub(i + 1)}` : 'L';
  const steps: ExplainStep[] = [];

  // 0. where the logits come from
  if (spec.pair) {
    const s = row.map((v) => (v - spec.bias) / spec.scale);
    steps.push({
      heading: t.label('teach.siglip.step.logits'),
      lines: [
        formula(`xᵢⱼ = t · sᵢⱼ + b,  t = ${given(spec.scale)}, b = ${given(spec.bias)}`),
        text(t.t(spec.normalize ? 'teach.siglip.cosine' : 'teach.siglip.dot')),
        formula(
          `x${sub(i + 1)} = ${given(spec.scale)} · ${listOf(s.map((v) => num(v, d)))} + ${paren(given(spec.bias))} = ${listOf(row.map((v) => num(v, d)))}`,
        ),
      ],
    });
  }

  // 1. each pair of the row: a sigmoid question of its own
  const x0 = (v: number) => (spec.pair ? num(v, d) : given(v));
  const pairLines: ExplainLine[] = [
    formula(`ℓᵢⱼ = −${u.log} σ(zᵢⱼ · xᵢⱼ) = softplus(−zᵢⱼ · xᵢⱼ)${divide}`),
    text(t.t('teach.siglip.pairs')),
  ];
  elided(
    n,
    (j) =>
      formula(
        `ℓ${name(i, j).slice(1)} = −${u.log} σ(${zOf(j) === 1 ? '1' : '−1'} · ${paren(x0(row[j]))}) = softplus(${zOf(j) === 1 ? '−1' : '1'} · ${paren(x0(row[j]))})${divide} = ${num(terms[j], d)}`,
      ),
    { keep: [i] },
    pairLines,
  );
  const shareChain = chain(
    `${L} = Σⱼ ℓ${sub(i + 1)}ⱼ / N`,
    `(${sumOf(terms.map((v) => num(v, d)))}) / ${n}`,
    `${num(share, d)}${suffix}`,
  );
  pairLines.push(...shareChain); // spread-ok: three formula lines
  pairLines.push(text(t.t('teach.siglip.share', { n })));
  if (suffix) pairLines.push(text(t.t('teach.unit', { log: u.log, unit: u.unit.name })));
  steps.push({ heading: t.label('teach.siglip.step.pairs', { i: i + 1 }), lines: pairLines });

  // 2. the gradient w.r.t. the logits
  const gradLines: ExplainLine[] = [formula('∂L/∂xᵢⱼ = −zᵢⱼ · σ(−zᵢⱼ · xᵢⱼ) / N'), text(t.t('teach.siglip.grad'))];
  elided(
    n,
    (j) =>
      formula(
        `∂L/∂${name(i, j)} = ${zOf(j) === 1 ? '−1' : '1'} · σ(${zOf(j) === 1 ? '−1' : '1'} · ${paren(x0(row[j]))}) / ${n}${divide} = ${num(grad[j], d)}`,
      ),
    { keep: [i] },
    gradLines,
  );
  gradLines.push(
    signSentence(
      t,
      grad.map((value, j) => ({ name: name(i, j), value })),
    ),
  );
  steps.push({ heading: t.label('teach.siglip.step.grad', { i: i + 1 }), lines: gradLines });

  // 3. one descent step on the row's logits
  const eta = EXPLAIN_LR;
  const next = row.map((v, j) => v - eta * grad[j]);
  const after = (next.reduce((s, v, j) => s + softplus(-zOf(j) * v), 0) / n) * f;
  const descent: ExplainLine[] = [formula(`xᵢⱼ ← xᵢⱼ − η · ∂L/∂xᵢⱼ,  η = ${eta}`)];
  descentLines(
    t,
    grad.map((value, j) => ({ name: name(i, j), value, at: row[j], before: x0(row[j]) })),
    eta,
    d,
    { keep: [i] },
    descent,
  );
  descent.push(
    text(
      t.t('teach.siglip.after', {
        i: i + 1,
        move: lossMove(share, after, (v) => `${num(v, d)}${suffix}`, eta),
      }),
    ),
  );
  steps.push({ heading: t.label('teach.step.descentRow'), lines: descent });

  return {
    title: t.label('teach.siglip.title', { i: i + 1, count: n }),
    steps,
    ...(n > 1
      ? {
          rest: {
            heading: t.label('teach.rest.heading', { unit: { key: 'label.row' } }),
            lines: combineLines(
              t,
              Array.from(res.rowLosses, (v) => v * f),
              i,
              { kind: 'sum' },
              Number(report.json.loss),
              d,
              { suffix, sentence: 'teach.siglip.sum' },
            ),
          },
        }
      : {}),
  };
}

/** What a row is classified against: its partner (NT-Xent) or the rows of its label (SupCon). */
interface OthersRow {
  readonly embeddings: Matrix;
  readonly i: number;
  readonly temperature: number;
  /** The rows that count as right for row i. */
  readonly positives: readonly number[];
}

/** A line for each other row j (j ≠ i), elided past eight, the rows in `keep` always shown; added to `into`. */
function eachOther(
  others: readonly number[],
  keep: readonly number[],
  line: (j: number) => ExplainLine,
  into: ExplainLine[],
) {
  elided(others.length, (k) => line(others[k]), { keep: keep.map((j) => others.indexOf(j)) }, into);
}

/** The steps both NT-Xent and SupCon take for row i: cosine similarities, then the softmax over the other rows. */
function similarityAndSoftmax(x: ExplainInput, o: OthersRow): { steps: ExplainStep[]; probs: number[]; s: number[] } {
  const { t, decimals: d } = x;
  const { embeddings: E, i, temperature: tau } = o;
  const n = E.rows;
  const D = E.cols;
  const name = pairName('s', n);
  // The kernel's normalisation (scaled before squaring): 5e-324's norm is not 0 there.
  const { unit, norms: rowNorms } = l2Normalize(E);
  const norms = Array.from(rowNorms);
  const s = Array.from({ length: n }, (_, j) => {
    let cosine = 0;
    for (let c = 0; c < D; c++) cosine += at(unit, i, c) * at(unit, j, c);
    return cosine;
  });
  const others = Array.from({ length: n }, (_, j) => j).filter((j) => j !== i);
  const keep = [...o.positives];
  const simLines: ExplainLine[] = [
    formula('sᵢⱼ = (xᵢ · xⱼ) / (‖xᵢ‖ ‖xⱼ‖)'),
    text(t.t('teach.others.cosine')),
    formula(
      `‖x${sub(i + 1)}‖ = √(${sumOf(
        Array.from(rowView(E, i), (v) => `${given(v)}·${given(v)}`),
        4,
      )}) = ${num(norms[i], d)}`,
    ),
    formula(`‖x‖ = ${listOf(norms.map((v) => num(v, d)))}`),
  ];
  eachOther(
    others,
    keep,
    (j) => {
      const dot = sumOf(
        Array.from({ length: D }, (_, c) => `${given(at(E, i, c))}·${given(at(E, j, c))}`),
        4,
      );
      return formula(`${name(i, j)} = (${dot}) / (${num(norms[i], d)} · ${num(norms[j], d)}) = ${num(s[j], d)}`);
    },
    simLines,
  );
  // The softmax over j ≠ i, shifted by the largest s/τ where exp would overflow.
  const scaled = s.map((v) => v / tau);
  const top = others.reduce((m, j) => Math.max(m, scaled[j]), -Infinity);
  const shift = top > 30 ? top : 0;
  const exps = s.map((_, j) => (j === i ? 0 : Math.exp(scaled[j] - shift)));
  const sum = exps.reduce((a, b) => a + b, 0);
  const probs = exps.map((e) => e / sum);
  const shiftText = shift === 0 ? '' : ` − ${num(shift, d)}`;
  const softLines: ExplainLine[] = [
    formula(`pᵢⱼ = exp(sᵢⱼ / τ) / Σ_{k≠i} exp(sᵢₖ / τ),  τ = ${given(tau)}`),
    text(t.t('teach.others.softmax')),
  ];
  eachOther(
    others,
    keep,
    (j) =>
      formula(
        `exp(${name(i, j)} / τ${shiftText}) = exp(${num(s[j], d)} / ${given(tau)}${shiftText}) = ${num(exps[j], d)}`,
      ),
    softLines,
  );
  softLines.push(formula(`Σ = ${sumOf(others.map((j) => num(exps[j], d)))} = ${num(sum, d)}`));
  eachOther(
    others,
    keep,
    (j) => formula(`p${name(i, j).slice(1)} = ${num(exps[j], d)} / ${num(sum, d)} = ${num(probs[j], d)}`),
    softLines,
  );
  if (shift !== 0) softLines.push(text(t.t('teach.softmax.shift')));
  return {
    steps: [
      { heading: t.label('teach.others.step.similarity', { i: i + 1 }), lines: simLines },
      { heading: t.label('teach.others.step.softmax'), lines: softLines },
    ],
    probs,
    s,
  };
}

/** ∂L/∂sᵢⱼ through row i's own term, its signs, and the embeddings' gradient the report gives. */
function similarityGradient(
  x: ExplainInput,
  o: OthersRow & {
    readonly probs: readonly number[];
    /** What 'mean' divides by, as a number and as the formula names it (2N, M). */
    readonly den: number;
    readonly denName: string;
    /** Row i's target at j, as a number and as the working writes it; `targetName` in the formula. */
    readonly targetOf: (j: number) => number;
    readonly targetText: (j: number) => string;
    readonly targetName: string;
  },
  u: ExplainUnit,
): ExplainStep {
  const { t, decimals: d } = x;
  const { i, probs, temperature: tau } = o;
  const n = probs.length;
  const name = pairName('s', n);
  const f = inUnit(1, u.unit);
  const others = Array.from({ length: n }, (_, j) => j).filter((j) => j !== i);
  const g = probs.map((p, j) => (j === i ? 0 : ((p - o.targetOf(j)) / (o.den * tau)) * f));
  const lines: ExplainLine[] = [
    formula(`∂L/∂sᵢⱼ = (pᵢⱼ − ${o.targetName}) / (${o.denName} · τ)`),
    text(t.t('teach.others.grad')),
  ];
  eachOther(
    others,
    o.positives,
    (j) =>
      formula(
        `∂L/∂${name(i, j)} = (${num(probs[j], d)} − ${o.targetText(j)}) / (${o.den} · ${given(tau)})${u.divide} = ${num(g[j], d)}`,
      ),
    lines,
  );
  if (u.divide) lines.push(text(t.t('teach.ce.gradUnit', { unit: u.unit.name, base: u.unit.value })));
  lines.push(
    signSentence(
      t,
      others.map((j) => ({ name: name(i, j), value: g[j] })),
    ),
  );
  lines.push(text(t.t('teach.others.pull')));
  const json = x.report.json;
  if (json.grad !== undefined) {
    const gx = Array.from(rowView(asMatrix(json.grad), i));
    lines.push(formula(`∂L/∂x${sub(i + 1)} = ${listOf(gx.map((v) => num(v, d)))}`));
    lines.push(text(t.t('teach.others.embeddings')));
  }
  return { heading: t.label('teach.others.step.grad', { i: i + 1 }), lines };
}

/** The embeddings, the explained row and the unit: what NT-Xent and SupCon start from. */
function anchorOf(x: ExplainInput<NtxentSpec | SupconSpec>) {
  const E = x.input!;
  const u = explainUnit(x.spec.unit);
  return { E, n: E.rows, i: pickRow(x.row, E.rows), u, ...unitOf(u) };
}

export function explainNtxent(x: ExplainInput<NtxentSpec>): Explanation {
  const { t, decimals: d, spec } = x;
  const { E, n, i, u, f, suffix } = anchorOf(x);
  const partner = partnerOf(i, n, spec.pairing);
  const res = ntxentLoss(E, spec.temperature, spec.pairing, x.context.inputSource);
  const o = { embeddings: E, i, temperature: spec.temperature, positives: [partner] };
  const { steps, probs } = similarityAndSoftmax(x, o);
  const name = pairName('p', n);
  const L = `L${sub(i + 1)}`;
  steps.push({
    heading: t.label('teach.ntxent.step.loss'),
    lines: [
      ...chain(
        `${L} = −${u.log} ${name(i, partner)}`,
        `−${u.log}(${num(probs[partner], d)})`,
        `${num((res.losses[i] ?? Number.NaN) * f, d)}${suffix}`,
      ),
      text(
        t.t(spec.pairing === 'half' ? 'teach.ntxent.partnerHalf' : 'teach.ntxent.partnerAdjacent', {
          i: i + 1,
          partner: partner + 1,
          n: n / 2,
        }),
      ),
    ],
  });
  steps.push(
    similarityGradient(
      x,
      {
        ...o,
        probs,
        den: n,
        denName: '2N',
        targetOf: (j) => (j === partner ? 1 : 0),
        targetText: (j) => (j === partner ? '1' : '0'),
        targetName: '[j = partner]',
      },
      u,
    ),
  );
  return {
    title: t.label('teach.ntxent.title', { i: i + 1, count: n }),
    steps,
    rest: {
      heading: t.label('teach.rest.heading', { unit: { key: 'label.row' } }),
      lines: combineLines(
        t,
        Array.from(res.losses, (v) => (v ?? Number.NaN) * f),
        i,
        { kind: 'mean', den: n, why: { key: 'teach.ntxent.why', params: { rows: n } } },
        Number(x.report.json.loss),
        d,
        { suffix },
      ),
    },
  };
}

export function explainSupcon(x: ExplainInput<SupconSpec>): Explanation {
  const { t, decimals: d, spec } = x;
  const { E, n, i, u, f, suffix } = anchorOf(x);
  const { labels } = spec;
  const res = supconLoss(E, labels, spec.temperature, x.context.inputSource);
  const positives = Array.from({ length: n }, (_, j) => j).filter((j) => j !== i && labels[j] === labels[i]);
  const combination: Combination = {
    kind: 'mean',
    den: res.anchors,
    why: { key: 'teach.supcon.why', params: { anchors: res.anchors } } as MessageParam,
  };
  const rest = {
    heading: t.label('teach.rest.heading', { unit: { key: 'label.row' } }),
    lines: combineLines(
      t,
      res.losses.map((v) => (v === null ? null : v * f)),
      i,
      combination,
      Number(x.report.json.loss),
      d,
      { suffix },
    ),
  };
  const title = t.label('teach.supcon.title', { i: i + 1, count: n });
  if (positives.length === 0) {
    return {
      title,
      steps: [
        {
          heading: t.label('teach.supcon.step.none'),
          lines: [text(t.t('teach.supcon.none', { i: i + 1, label: String(labels[i]) }))],
        },
      ],
      rest,
    };
  }
  const o = { embeddings: E, i, temperature: spec.temperature, positives };
  const { steps, probs } = similarityAndSoftmax(x, o);
  const name = pairName('p', n);
  const P = positives.length;
  const logs = positives.map((j) => `${u.log} ${num(probs[j], d)}`);
  steps.push({
    heading: t.label('teach.supcon.step.loss'),
    lines: [
      ...chain(
        `L${sub(i + 1)} = −(1 / |P(${i + 1})|) · Σ_{j∈P(${i + 1})} ${u.log} pᵢⱼ`,
        `−(${sumOf(
          positives.map((j) => `${u.log} ${name(i, j)}`),
          4,
        )}) / ${P}`,
        `−(${sumOf(logs, 4)}) / ${P}`,
        `${num((res.losses[i] ?? 0) * f, d)}${suffix}`,
      ),
      text(
        t.t('teach.supcon.positives', {
          i: i + 1,
          label: String(labels[i]),
          rows: { list: positives.map((j) => j + 1) },
          count: P,
        }),
      ),
    ],
  });
  steps.push(
    similarityGradient(
      x,
      {
        ...o,
        probs,
        den: res.anchors,
        denName: 'M',
        targetOf: (j) => (labels[j] === labels[i] ? 1 / P : 0),
        targetText: (j) => (labels[j] === labels[i] ? `1 / ${P}` : '0'),
        targetName: '[j ∈ P(i)] / |P(i)|',
      },
      u,
    ),
  );
  return { title, steps, rest };
}
