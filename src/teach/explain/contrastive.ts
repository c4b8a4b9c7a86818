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
import { firstView, ntxentLoss, partnerOf } from '../../ops/ntxent/kernel.js';
import type { NtxentSpec } from '../../ops/ntxent/spec.js';
import { pairMatch, siglipLoss } from '../../ops/siglip/kernel.js';
import type { SiglipSpec } from '../../ops/siglip/spec.js';
import { supconLoss } from '../../ops/supcon/kernel.js';
import type { SupconSpec } from '../../ops/supcon/spec.js';
import { type Explanation, type ExplainLine, type ExplainStep, chain, formula, text } from './explanation.js';
import { EXPLAIN_LR, type ExplainInput, pickRow } from './explainer.js';
import { type Combination, combineLines, descentLines, elided, lossMove, signSentence } from './kit.js';
import { type ExplainUnit, explainUnit, given, listOf, num, paren, sub, sumOf } from './numbers.js';
import { scaleGradientLines } from './scale.js';

/** A JSON matrix (held or made row by row) as a Matrix. */
export function asMatrix(rows: unknown): Matrix {
  return fromRows(Array.from(rows as Iterable<ArrayLike<number>>, (row) => Array.from(row, Number)));
}

/** Pair (i, j) 1-based as a subscript: x₁₂, or x₁₀,₁ from ten rows on (so x₁₀₁ cannot mean two things). */
export function pairName(letter: string, n: number) {
  return (i: number, j: number) => `${letter}${sub(i + 1)}${n >= 10 ? ',' : ''}${sub(j + 1)}`;
}

/** The unit's division of a value in nats, and the value itself in the unit. */
export function unitOf(u: ExplainUnit) {
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
  // zᵢⱼ = +1 for a matching pair: the diagonal, or (--labels) every pair of one label.
  const match = pairMatch(n, spec.labels);
  const zOf = (j: number) => (match(i, j) ? 1 : -1);
  const res = siglipLoss(logits, spec.labels);
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
  if (spec.labels) {
    const matching = Array.from({ length: n }, (_, j) => j).filter((j) => match(i, j));
    pairLines.push(
      text(
        t.t('teach.siglip.labels', {
          i: i + 1,
          label: String(spec.labels[i]),
          texts: { list: matching.map((j) => j + 1) },
        }),
      ),
    );
  }
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

  // From embeddings the logits are t · s + b: the gradients of t (and log t, which open_clip and hf learn) and b.
  if (spec.pair)
    steps.push({
      heading: t.label('teach.step.scale'),
      lines: scaleGradientLines(
        t,
        {
          grad: Array.from(res.gradLogits.data, (v) => v * f),
          logits: logits.data,
          scale: spec.scale,
          bias: spec.bias,
          logit: 'x',
          name: 't',
        },
        d,
      ),
    });

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
export interface OthersRow {
  readonly embeddings: Matrix;
  readonly i: number;
  readonly temperature: number;
  /** The rows that count as right for row i. */
  readonly positives: readonly number[];
  /** Cosine similarities (the rows L2-normalised), or raw dot products (--no-normalize). */
  readonly normalize: boolean;
}

/** A line for each other row j (j ≠ i), elided past eight, the rows in `keep` always shown; added to `into`. */
export function eachOther(
  others: readonly number[],
  keep: readonly number[],
  line: (j: number) => ExplainLine,
  into: ExplainLine[],
) {
  elided(others.length, (k) => line(others[k]), { keep: keep.map((j) => others.indexOf(j)) }, into);
}

/** Row i's similarities with every row: cosines (the kernel's normalisation) or raw dot products; and their step. */
export function similarityStep(x: ExplainInput, o: OthersRow): { step: ExplainStep; s: number[] } {
  const { t, decimals: d } = x;
  const { embeddings: E, i } = o;
  const n = E.rows;
  const D = E.cols;
  const name = pairName('s', n);
  const others = Array.from({ length: n }, (_, j) => j).filter((j) => j !== i);
  const dotText = (j: number) =>
    sumOf(
      Array.from({ length: D }, (_, c) => `${given(at(E, i, c))}·${given(at(E, j, c))}`),
      4,
    );
  if (!o.normalize) {
    const s = Array.from({ length: n }, (_, j) => {
      let dot = 0;
      for (let c = 0; c < D; c++) dot += at(E, i, c) * at(E, j, c);
      return dot;
    });
    const lines: ExplainLine[] = [formula('sᵢⱼ = xᵢ · xⱼ'), text(t.t('teach.others.dot'))];
    eachOther(others, o.positives, (j) => formula(`${name(i, j)} = ${dotText(j)} = ${num(s[j], d)}`), lines);
    return { step: { heading: t.label('teach.others.step.similarity', { i: i + 1 }), lines }, s };
  }
  // The kernel's normalisation (scaled before squaring): 5e-324's norm is not 0 there.
  const { unit, norms: rowNorms } = l2Normalize(E);
  const norms = Array.from(rowNorms);
  const s = Array.from({ length: n }, (_, j) => {
    let cosine = 0;
    for (let c = 0; c < D; c++) cosine += at(unit, i, c) * at(unit, j, c);
    return cosine;
  });
  const lines: ExplainLine[] = [
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
    o.positives,
    (j) => formula(`${name(i, j)} = (${dotText(j)}) / (${num(norms[i], d)} · ${num(norms[j], d)}) = ${num(s[j], d)}`),
    lines,
  );
  return { step: { heading: t.label('teach.others.step.similarity', { i: i + 1 }), lines }, s };
}

/** exp(sᵢⱼ / τ) of each other row, shifted by the largest s/τ where exp would overflow (0 at j = i). */
export function shiftedExps(s: readonly number[], i: number, tau: number): { exps: number[]; shift: number } {
  const scaled = s.map((v) => v / tau);
  const top = scaled.reduce((m, v, j) => (j === i ? m : Math.max(m, v)), -Infinity);
  const shift = top > 30 ? top : 0;
  return { exps: scaled.map((v, j) => (j === i ? 0 : Math.exp(v - shift))), shift };
}

/** The steps both NT-Xent and SupCon take for row i: the similarities, then the softmax over the other rows. */
function similarityAndSoftmax(x: ExplainInput, o: OthersRow): { steps: ExplainStep[]; probs: number[]; s: number[] } {
  const { t, decimals: d } = x;
  const { i, temperature: tau } = o;
  const n = o.embeddings.rows;
  const name = pairName('s', n);
  const { step, s } = similarityStep(x, o);
  const others = Array.from({ length: n }, (_, j) => j).filter((j) => j !== i);
  const keep = o.positives;
  const { exps, shift } = shiftedExps(s, i, tau);
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
  return { steps: [step, { heading: t.label('teach.others.step.softmax'), lines: softLines }], probs, s };
}

/** SupContrast's scaling of the loss by τ / base_temperature: its factor, and how formulas write it. */
interface Scaling {
  /** τ / τ_b (1 without --base-temperature). */
  readonly factor: number;
  readonly base?: number;
}

function scalingOf(temperature: number, base: number | undefined): Scaling {
  return base === undefined ? { factor: 1 } : { factor: temperature / base, base };
}

/** `(τ / τ_b) · ` and its numbers, or nothing at factor 1 without --base-temperature. */
function scaled(sc: Scaling, tau: number): { symbol: string; numbers: string } {
  return sc.base === undefined
    ? { symbol: '', numbers: '' }
    : { symbol: '(τ / τ_b) · ', numbers: `(${given(tau)} / ${given(sc.base)}) · ` };
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
    readonly scaling: Scaling;
  },
  u: ExplainUnit,
): ExplainStep {
  const { t, decimals: d } = x;
  const { i, probs, temperature: tau } = o;
  const n = probs.length;
  const name = pairName('s', n);
  const f = inUnit(1, u.unit);
  const k = o.scaling.factor;
  const sc = scaled(o.scaling, tau);
  const others = Array.from({ length: n }, (_, j) => j).filter((j) => j !== i);
  const g = probs.map((p, j) => (j === i ? 0 : ((k * (p - o.targetOf(j))) / (o.den * tau)) * f));
  const lines: ExplainLine[] = [
    formula(`∂L/∂sᵢⱼ = ${sc.symbol}(pᵢⱼ − ${o.targetName}) / (${o.denName} · τ)`),
    text(t.t('teach.others.grad')),
  ];
  if (o.scaling.base !== undefined) lines.push(text(t.t('teach.others.gradFactor', { factor: num(k, d) })));
  eachOther(
    others,
    o.positives,
    (j) =>
      formula(
        `∂L/∂${name(i, j)} = ${sc.numbers}(${num(probs[j], d)} − ${o.targetText(j)}) / (${o.den} · ${given(tau)})${u.divide} = ${num(g[j], d)}`,
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
  embeddingGradient(x, i, lines);
  return { heading: t.label('teach.others.step.grad', { i: i + 1 }), lines };
}

/** ∂L/∂xᵢ as the report gives it (--grad's row), and where it comes from. */
export function embeddingGradient(x: ExplainInput, i: number, lines: ExplainLine[]): void {
  const { t, decimals: d } = x;
  const json = x.report.json;
  if (json.grad === undefined) return;
  const gx = Array.from(rowView(asMatrix(json.grad), i));
  lines.push(formula(`∂L/∂x${sub(i + 1)} = ${listOf(gx.map((v) => num(v, d)))}`));
  lines.push(text(t.t('teach.others.embeddings')));
}

/** The embeddings, the explained row and the unit: what NT-Xent and SupCon start from. */
export function anchorOf(x: ExplainInput<NtxentSpec | SupconSpec>) {
  const E = x.input!;
  const u = explainUnit(x.spec.unit);
  return { E, n: E.rows, i: pickRow(x.row, E.rows), u, ...unitOf(u) };
}

/** Rows as a list: "1, 2, 3" (1-based). */
const rowList = (rows: readonly number[]) => ({ list: rows.map((j) => j + 1) });

/** Contrast mode 'one': a row that is no anchor has no term of its own, said as such. */
function notAnchorStep(x: ExplainInput, i: number, anchors: readonly number[], n: number): ExplainStep {
  return {
    heading: x.t.label('teach.others.step.notAnchor'),
    lines: [text(x.t.t('teach.others.notAnchor', { i: i + 1, rows: rowList(anchors), count: anchors.length, n }))],
  };
}

/** The sentence saying which rows are anchors under contrast mode 'one'. */
function contrastOneLine(x: ExplainInput, anchors: readonly number[], n: number): ExplainLine {
  return text(x.t.t('teach.others.contrastOne', { rows: rowList(anchors), count: anchors.length, n }));
}

/** The loss line's scaling by τ / base_temperature, said with its factor. */
function factorLine(x: ExplainInput, sc: Scaling, tau: number): ExplainLine[] {
  if (sc.base === undefined) return [];
  return [
    text(x.t.t('teach.others.factor', { tau: given(tau), base: given(sc.base), factor: num(sc.factor, x.decimals) })),
  ];
}

/** --as simclr: the figure SimCLR's reference code reports, twice the mean, added to `lines`. */
export function simclrLines(x: ExplainInput<NtxentSpec>, lines: ExplainLine[]): void {
  if (x.spec.reports !== 'simclr') return;
  const loss = Number(x.report.json.loss);
  const { suffix } = unitOf(explainUnit(x.spec.unit));
  const d = x.decimals;
  lines.push(formula(`L_SimCLR = 2 · L = 2 · ${num(loss, d)} = ${num(2 * loss, d)}${suffix}`));
  lines.push(text(x.t.t('teach.ntxent.simclr')));
}

export function explainNtxent(x: ExplainInput<NtxentSpec>): Explanation {
  const { t, decimals: d, spec } = x;
  const { E, n, i, u, f, suffix } = anchorOf(x);
  const tau = spec.temperature;
  const partner = partnerOf(i, n, spec.pairing);
  const res = ntxentLoss(E, tau, spec.pairing, x.context.inputSource, {
    ...(spec.baseTemperature !== undefined ? { baseTemperature: spec.baseTemperature } : {}),
    contrastMode: spec.contrastMode,
    normalize: spec.normalize,
  });
  const one = spec.contrastMode === 'one';
  const anchors = Array.from({ length: n }, (_, j) => j).filter((j) => !one || firstView(j, n, spec.pairing));
  const sc = scalingOf(tau, spec.baseTemperature);
  const title = t.label('teach.ntxent.title', { i: i + 1, count: n });
  const combined = combineLines(
    t,
    Array.from(res.losses, (v) => (v === null ? null : v * f)),
    i,
    {
      kind: 'mean',
      den: anchors.length,
      why: { key: one ? 'teach.ntxent.whyOne' : 'teach.ntxent.why', params: { rows: anchors.length } },
    },
    Number(x.report.json.loss),
    d,
    { suffix },
  );
  if (one) combined.push(contrastOneLine(x, anchors, n));
  simclrLines(x, combined);
  const rest = { heading: t.label('teach.rest.heading', { unit: { key: 'label.row' } }), lines: combined };
  if (!anchors.includes(i)) return { title, steps: [notAnchorStep(x, i, anchors, n)], rest };
  const o = { embeddings: E, i, temperature: tau, positives: [partner], normalize: spec.normalize };
  const { steps, probs } = similarityAndSoftmax(x, o);
  const name = pairName('p', n);
  const L = `L${sub(i + 1)}`;
  const k = scaled(sc, tau);
  steps.push({
    heading: t.label('teach.ntxent.step.loss'),
    lines: [
      ...chain(
        `${L} = −${k.symbol}${u.log} ${name(i, partner)}`,
        `−${k.numbers}${u.log}(${num(probs[partner], d)})`,
        `${num((res.losses[i] ?? Number.NaN) * f, d)}${suffix}`,
      ),
      ...factorLine(x, sc, tau),
      text(
        t.t(spec.pairing === 'half' ? 'teach.ntxent.partnerHalf' : 'teach.ntxent.partnerAdjacent', {
          i: i + 1,
          partner: partner + 1,
          n: n / 2,
        }),
      ),
      ...(one ? [contrastOneLine(x, anchors, n)] : []),
    ],
  });
  steps.push(
    similarityGradient(
      x,
      {
        ...o,
        probs,
        den: anchors.length,
        denName: one ? 'N' : '2N',
        targetOf: (j) => (j === partner ? 1 : 0),
        targetText: (j) => (j === partner ? '1' : '0'),
        targetName: '[j = partner]',
        scaling: sc,
      },
      u,
    ),
  );
  return { title, steps, rest };
}

export function explainSupcon(x: ExplainInput<SupconSpec>): Explanation {
  const { t, decimals: d, spec } = x;
  const { E, n, i, u, f, suffix } = anchorOf(x);
  const { labels } = spec;
  const tau = spec.temperature;
  const one = spec.contrastMode === 'one';
  const isAnchor = (j: number) => !one || j < n / spec.views;
  const anchors = Array.from({ length: n }, (_, j) => j).filter(isAnchor);
  const zero = spec.singletons === 'zero';
  const res = supconLoss(E, labels, tau, x.context.inputSource, {
    ...(spec.baseTemperature !== undefined ? { baseTemperature: spec.baseTemperature } : {}),
    ...(one ? { anchors: Array.from({ length: n }, (_, j) => isAnchor(j)) } : {}),
    singletons: spec.singletons,
    normalize: spec.normalize,
  });
  const sc = scalingOf(tau, spec.baseTemperature);
  const positives = Array.from({ length: n }, (_, j) => j).filter((j) => j !== i && labels[j] === labels[i]);
  const combination: Combination = {
    kind: 'mean',
    den: res.anchors,
    why: { key: zero ? 'teach.supcon.whyZero' : 'teach.supcon.why', params: { anchors: res.anchors } } as MessageParam,
  };
  const restLines = combineLines(
    t,
    res.losses.map((v) => (v === null ? null : v * f)),
    i,
    combination,
    Number(x.report.json.loss),
    d,
    { suffix },
  );
  if (one) restLines.push(contrastOneLine(x, anchors, n));
  const rest = { heading: t.label('teach.rest.heading', { unit: { key: 'label.row' } }), lines: restLines };
  const title = t.label('teach.supcon.title', { i: i + 1, count: n });
  if (!isAnchor(i)) return { title, steps: [notAnchorStep(x, i, anchors, n)], rest };
  if (positives.length === 0) {
    return {
      title,
      steps: [
        {
          heading: t.label('teach.supcon.step.none'),
          lines: [
            text(
              t.t(zero ? 'teach.supcon.noneZero' : 'teach.supcon.none', {
                i: i + 1,
                label: String(labels[i]),
                anchors: res.anchors,
              }),
            ),
          ],
        },
      ],
      rest,
    };
  }
  const o = { embeddings: E, i, temperature: tau, positives, normalize: spec.normalize };
  const { steps, probs } = similarityAndSoftmax(x, o);
  const name = pairName('p', n);
  const P = positives.length;
  const k = scaled(sc, tau);
  const logs = positives.map((j) => `${u.log} ${num(probs[j], d)}`);
  steps.push({
    heading: t.label('teach.supcon.step.loss'),
    lines: [
      ...chain(
        `L${sub(i + 1)} = −${k.symbol}(1 / |P(${i + 1})|) · Σ_{j∈P(${i + 1})} ${u.log} pᵢⱼ`,
        `−${k.numbers}(${sumOf(
          positives.map((j) => `${u.log} ${name(i, j)}`),
          4,
        )}) / ${P}`,
        `−${k.numbers}(${sumOf(logs, 4)}) / ${P}`,
        `${num((res.losses[i] ?? 0) * f, d)}${suffix}`,
      ),
      ...factorLine(x, sc, tau),
      text(
        t.t('teach.supcon.positives', {
          i: i + 1,
          label: String(labels[i]),
          rows: { list: positives.map((j) => j + 1) },
          count: P,
        }),
      ),
      ...(one ? [contrastOneLine(x, anchors, n)] : []),
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
        scaling: sc,
      },
      u,
    ),
  );
  return { title, steps, rest };
}
