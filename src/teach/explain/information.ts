// --explain for the information quantities of distributions given as they are: entropy
// H(p) = −Σ p log p (xent entropy) and KL(P‖Q) = Σ P log(P/Q) (xent kl), term by term with
// the row's numbers, then how the rows make the mean.
import { rowView } from '../../core/matrix.js';
import { inUnit } from '../../core/units.js';
import { entropy } from '../../ops/entropy/kernel.js';
import type { EntropySpec } from '../../ops/entropy/spec.js';
import type { KlSpec } from '../../ops/kl/spec.js';
import { type Explanation, type ExplainLine, type ExplainStep, chain, formula, text } from './explanation.js';
import { type ExplainInput, pickRow } from './explainer.js';
import { type Combination, combineLines, elided, signedSum } from './kit.js';
import { type ExplainUnit, explainUnit, given, listOf, num, sub, sumOf } from './numbers.js';

/** The values of a JSON list (inf written "inf"). */
function jsonList(v: unknown): number[] {
  return (v as unknown[]).map((x) => (x === 'inf' ? Infinity : x === '-inf' ? -Infinity : Number(x)));
}

/** −p·log p of one class, in the unit (0 where p = 0). */
function surprise(p: number, ln: number): number {
  return p > 0 ? (-p * Math.log(p)) / ln : 0;
}

export function explainEntropy(x: ExplainInput<EntropySpec>): Explanation {
  const { t, decimals: d } = x;
  const input = x.input!;
  const r = pickRow(x.row, input.rows);
  const u = explainUnit(x.spec.unit);
  const lg = u.log;
  const p = Array.from(rowView(input, r));
  const C = p.length;
  const terms = p.map((v) => surprise(v, u.unit.ln));
  const h = inUnit(entropy(p), u.unit);
  const nats = entropy(p);
  const name = input.rows > 1 ? `H${sub(r + 1)}` : 'H';
  const termLines: ExplainLine[] = [];
  elided(
    C,
    (j) => formula(`−p${sub(j)} · ${lg} p${sub(j)} = −${given(p[j])} · ${lg} ${given(p[j])} = ${num(terms[j], d)}`),
    {},
    termLines,
  );
  termLines.push(
    formula(`${name} = ${signedSum(terms, d)} = ${num(h, d)}${u.suffix}`),
    text(t.t('teach.entropy.terms')),
  );
  if (u.suffix) termLines.push(text(t.t('teach.unitValue', { log: lg, unit: u.unit.name })));
  const max = inUnit(Math.log(C), u.unit);
  const steps = [
    {
      heading: t.label('teach.step.formula'),
      lines: [formula(`H(p) = −Σⱼ pⱼ · ${lg} pⱼ`), text(t.t('teach.entropy.formula'))],
    },
    { heading: t.label('teach.entropy.step.terms'), lines: termLines },
    {
      heading: t.label('teach.entropy.step.perplexity'),
      lines: [
        formula(
          u.unit.ln === 1
            ? `e^H = exp(${num(nats, d)}) = ${num(Math.exp(nats), d)}`
            : `${u.unit.value}^H = ${u.unit.value}^${num(h, d)} = exp(${num(h, d)} · ln ${u.unit.value}) = ${num(Math.exp(nats), d)}`,
        ),
        formula(`${lg} C = ${lg} ${C} = ${num(max, d)}${u.suffix}`),
        text(
          t.t('teach.entropy.perplexity', {
            perplexity: num(Math.exp(nats), d),
            classes: C,
            max: num(max, d),
          }),
        ),
      ],
    },
  ];
  const json = x.report.json;
  return {
    title: t.label('teach.entropy.title', { index: r + 1, count: input.rows }),
    steps,
    ...(input.rows > 1
      ? {
          rest: {
            heading: t.label('teach.rest.heading', { unit: { key: 'label.row' } }),
            lines: combineLines(
              t,
              jsonList(json.entropy),
              r,
              { kind: 'mean', den: input.rows, why: { key: 'teach.why.rows' } },
              Number(json.mean_entropy),
              d,
              {
                name: (i) => `H${sub(i + 1)}`,
                total: t.label('teach.entropy.meanName'),
                sentence: 'teach.entropy.mean',
                suffix: u.suffix,
              },
            ),
          },
        }
      : {}),
  };
}

/** A row of P or Q as the derivation has it: the probabilities, their logs, and how each is written. */
interface KlRow {
  readonly probs: readonly number[];
  readonly logs: readonly number[];
  readonly show: (j: number) => string;
}

/**
 * softmax(x / T) of one row of logits, worked: exp(x / T) (shifted by the largest x / T where
 * exp would overflow), their sum, the quotient. `name` is the row's letter (P or Q), `of` the
 * logits' (a or b).
 */
function softmaxRow(
  x: readonly number[],
  T: number,
  name: string,
  of: string,
  d: number,
): { row: KlRow; lines: ExplainLine[] } {
  const scaled = x.map((v) => v / T);
  const top = scaled.reduce((m, v) => Math.max(m, v), -Infinity);
  const shift = top > 30 ? top : 0;
  const exps = scaled.map((v) => Math.exp(v - shift));
  const sum = exps.reduce((a, b) => a + b, 0);
  const probs = exps.map((e) => e / sum);
  const logs = scaled.map((v) => v - shift - Math.log(sum));
  const shiftText = shift === 0 ? '' : ` − ${num(shift, d)}`;
  const lines = [
    formula(
      `exp(${of} / T${shiftText}) = exp(${listOf(x.map((v) => given(v)))} / ${given(T)}${shiftText}) = ${listOf(exps.map((v) => num(v, d)))}`,
    ),
    formula(`Σ = ${sumOf(exps.map((v) => num(v, d)))} = ${num(sum, d)}`),
    formula(
      `${name} = ${listOf(exps.map((v) => num(v, d)))} / ${num(sum, d)} = ${listOf(probs.map((v) => num(v, d)))}`,
    ),
  ];
  return { row: { probs, logs, show: (j) => num(probs[j], d) }, lines };
}

/** Row r of P and Q as the spec gives them (distributions, logits, or log P), with the lines that make them. */
function klRows(x: ExplainInput<KlSpec>, r: number): { P: KlRow; Q: KlRow; step?: ExplainStep } {
  const { t, spec, decimals: d } = x;
  const p = Array.from(rowView(spec.p, r));
  const q = Array.from(rowView(spec.q, r));
  const asGiven = (v: readonly number[]): KlRow => ({ probs: v, logs: v.map(Math.log), show: (j) => given(v[j]) });
  if (spec.inputs === 'logits') {
    const T = spec.temperature;
    const P = softmaxRow(p, T, 'P', 'a', d);
    const Q = softmaxRow(q, T, 'Q', 'b', d);
    return {
      P: P.row,
      Q: Q.row,
      step: {
        heading: t.label('teach.kl.step.logits'),
        lines: [
          formula(`P = softmax(a / T),  Q = softmax(b / T),  T = ${given(T)}`),
          text(t.t('teach.kl.logits', { row: r + 1 })),
          ...P.lines,
          ...Q.lines,
        ],
      },
    };
  }
  if (spec.inputs === 'log-target') {
    const probs = p.map(Math.exp);
    const P: KlRow = { probs, logs: p, show: (j) => num(probs[j], d) };
    return {
      P,
      Q: asGiven(q),
      step: {
        heading: t.label('teach.kl.step.logTarget'),
        lines: [
          formula(`P = exp(log P) = exp(${listOf(p.map((v) => given(v)))}) = ${listOf(probs.map((v) => num(v, d)))}`),
          text(t.t('teach.kl.logTarget', { row: r + 1 })),
        ],
      },
    };
  }
  return { P: asGiven(p), Q: asGiven(q) };
}

export function explainKl(x: ExplainInput<KlSpec>): Explanation {
  const { t, decimals: d, spec } = x;
  const r = pickRow(x.row, spec.p.rows);
  const u = explainUnit(spec.unit);
  const lg = u.log;
  const ln = u.unit.ln;
  const rows = klRows(x, r);
  const P = rows.P.probs;
  const C = P.length;
  // P·log(P/Q) as the kernel takes it, from the logs: 0 where P = 0, ∞ where Q = 0 < P.
  const terms = P.map((pj, j) => (pj > 0 ? (pj * (rows.P.logs[j] - rows.Q.logs[j])) / ln : 0));
  const kl = terms.reduce((a, b) => a + b, 0);
  const hp = P.reduce((s, pj, j) => (pj > 0 ? s - (pj * rows.P.logs[j]) / ln : s), 0);
  const crossTermsOf = P.map((pj, j) => (pj > 0 ? (-pj * rows.Q.logs[j]) / ln : 0));
  const cross = crossTermsOf.reduce((a, b) => a + b, 0);
  const many = spec.p.rows > 1;
  const name = many ? `KL${sub(r + 1)}` : 'KL';
  const sP = rows.P.show;
  const sQ = rows.Q.show;
  const termLines: ExplainLine[] = [];
  elided(
    C,
    (j) =>
      formula(
        `P${sub(j)} · ${lg}(P${sub(j)} / Q${sub(j)}) = ${sP(j)} · ${lg}(${sP(j)} / ${sQ(j)}) = ${num(terms[j], d)}`,
      ),
    {},
    termLines,
  );
  termLines.push(formula(`${name} = ${signedSum(terms, d)} = ${num(kl, d)}${u.suffix}`));
  termLines.push(text(t.t(terms.some((v) => v < 0) ? 'teach.kl.negative' : 'teach.kl.sum')));
  if (kl === Infinity) termLines.push(text(t.t('teach.kl.infinite')));
  if (u.suffix) termLines.push(text(t.t('teach.unitValue', { log: lg, unit: u.unit.name })));
  const hTerms = P.map((pj, j) => num(pj > 0 ? (-pj * rows.P.logs[j]) / ln : 0, d));
  const crossTerms = crossTermsOf.map((v) => num(v, d));
  const steps: ExplainStep[] = [
    {
      heading: t.label('teach.step.formula'),
      lines: [formula(`KL(P‖Q) = Σⱼ Pⱼ · ${lg}(Pⱼ / Qⱼ)`), text(t.t('teach.kl.formula'))],
    },
    ...(rows.step ? [rows.step] : []),
    { heading: t.label('teach.kl.step.terms'), lines: termLines },
    {
      heading: t.label('teach.kl.step.split'),
      lines: [
        ...chain(`H(P) = −Σⱼ Pⱼ · ${lg} Pⱼ`, sumOf(hTerms), `${num(hp, d)}${u.suffix}`),
        ...chain(`H(P, Q) = −Σⱼ Pⱼ · ${lg} Qⱼ`, sumOf(crossTerms), `${num(cross, d)}${u.suffix}`),
        formula(`H(P, Q) = H(P) + KL = ${num(hp, d)} + ${num(kl, d)} = ${num(cross, d)}${u.suffix}`),
        text(t.t('teach.kl.split')),
      ],
    },
  ];
  const json = x.report.json;
  const title = t.label('teach.kl.title', { index: r + 1, count: spec.p.rows });
  const klList = jsonList(json.kl);
  if (spec.reductionGiven) return { title, steps, rest: klReduction(x, r, klList, terms, u) };
  return {
    title,
    steps,
    ...(many
      ? {
          rest: {
            heading: t.label('teach.rest.heading', { unit: { key: 'label.row' } }),
            lines: combineLines(
              t,
              klList,
              r,
              { kind: 'mean', den: spec.p.rows, why: { key: 'teach.why.rows' } },
              Number(json.mean_kl === 'inf' ? Infinity : json.mean_kl),
              d,
              {
                name: (i) => `KL${sub(i + 1)}`,
                total: t.label('teach.kl.meanName'),
                sentence: 'teach.kl.mean',
                suffix: u.suffix,
              },
            ),
          },
        }
      : {}),
  };
}

/**
 * F.kl_div's reduction (-r) of the rows' KLs, with its divisor: batchmean by the N rows, mean
 * by the N·C elements, sum none; none keeps every element (the row's are its terms above).
 */
function klReduction(
  x: ExplainInput<KlSpec>,
  r: number,
  kl: readonly number[],
  terms: readonly number[],
  u: ExplainUnit,
): { heading: string; lines: ExplainLine[] } {
  const { t, spec, decimals: d } = x;
  const N = spec.p.rows;
  const C = spec.p.cols;
  const heading = t.label('teach.kl.step.reduction', { reduction: spec.reduction });
  if (spec.reduction === 'none') {
    const lines: ExplainLine[] = [
      formula(`${N > 1 ? `KL${sub(r + 1)}` : 'KL'}ⱼ = ${listOf(terms.map((v) => num(v, d)))}${u.suffix}`),
      text(t.t('teach.kl.none', { row: r + 1, count: N * C })),
    ];
    return { heading, lines };
  }
  const loss = Number(x.report.json.loss === 'inf' ? Infinity : x.report.json.loss);
  const combination: Combination =
    spec.reduction === 'sum'
      ? { kind: 'sum' }
      : {
          kind: 'mean',
          den: spec.reduction === 'batchmean' ? N : N * C,
          why: {
            key: spec.reduction === 'batchmean' ? 'teach.kl.why.batchmean' : 'teach.kl.why.mean',
            params: { rows: N, cols: C },
          },
        };
  return {
    heading,
    lines: combineLines(t, kl, r, combination, loss, d, {
      name: (i) => (N > 1 ? `KL${sub(i + 1)}` : 'KL'),
      sentence: spec.reduction === 'sum' ? 'teach.kl.reducedSum' : 'teach.kl.reduced',
      suffix: u.suffix,
    }),
  };
}
