// --explain for the information quantities of distributions given as they are: entropy
// H(p) = −Σ p log p (xent entropy) and KL(P‖Q) = Σ P log(P/Q) (xent kl), term by term with
// the row's numbers, then how the rows make the mean.
import { rowView } from '../../core/matrix.js';
import { inUnit } from '../../core/units.js';
import { entropy } from '../../ops/entropy/kernel.js';
import type { EntropySpec } from '../../ops/entropy/spec.js';
import { crossEntropyOf, klDivergence } from '../../ops/kl/kernel.js';
import type { KlSpec } from '../../ops/kl/spec.js';
import { type Explanation, type ExplainLine, chain, formula, text } from './explanation.js';
import { type ExplainInput, pickRow } from './explainer.js';
import { combineLines, elided, signedSum } from './kit.js';
import { explainUnit, given, num, sub, sumOf } from './numbers.js';

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

export function explainKl(x: ExplainInput<KlSpec>): Explanation {
  const { t, decimals: d, spec } = x;
  const r = pickRow(x.row, spec.p.rows);
  const u = explainUnit(spec.unit);
  const lg = u.log;
  const ln = u.unit.ln;
  const P = Array.from(rowView(spec.p, r));
  const Q = Array.from(rowView(spec.q, r));
  const C = P.length;
  // P·log(P/Q) as the kernel takes it: 0 where P = 0, ∞ where Q = 0 < P.
  const terms = P.map((pj, j) => (pj > 0 ? (pj * (Math.log(pj) - Math.log(Q[j]))) / ln : 0));
  const kl = inUnit(klDivergence(P, Q), u.unit);
  const hp = inUnit(entropy(P), u.unit);
  const cross = inUnit(crossEntropyOf(P, Q), u.unit);
  const many = spec.p.rows > 1;
  const name = many ? `KL${sub(r + 1)}` : 'KL';
  const termLines: ExplainLine[] = [];
  elided(
    C,
    (j) =>
      formula(
        `P${sub(j)} · ${lg}(P${sub(j)} / Q${sub(j)}) = ${given(P[j])} · ${lg}(${given(P[j])} / ${given(Q[j])}) = ${num(terms[j], d)}`,
      ),
    {},
    termLines,
  );
  termLines.push(formula(`${name} = ${signedSum(terms, d)} = ${num(kl, d)}${u.suffix}`));
  termLines.push(text(t.t(terms.some((v) => v < 0) ? 'teach.kl.negative' : 'teach.kl.sum')));
  if (kl === Infinity) termLines.push(text(t.t('teach.kl.infinite')));
  if (u.suffix) termLines.push(text(t.t('teach.unitValue', { log: lg, unit: u.unit.name })));
  const hTerms = P.map((v) => num(surprise(v, ln), d));
  const crossTerms = P.map((pj, j) => num(pj > 0 ? (-pj * Math.log(Q[j])) / ln : 0, d));
  const steps = [
    {
      heading: t.label('teach.step.formula'),
      lines: [formula(`KL(P‖Q) = Σⱼ Pⱼ · ${lg}(Pⱼ / Qⱼ)`), text(t.t('teach.kl.formula'))],
    },
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
  return {
    title: t.label('teach.kl.title', { index: r + 1, count: spec.p.rows }),
    steps,
    ...(many
      ? {
          rest: {
            heading: t.label('teach.rest.heading', { unit: { key: 'label.row' } }),
            lines: combineLines(
              t,
              jsonList(json.kl),
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
