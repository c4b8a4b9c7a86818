// --explain for `xent infonce`: one query with its own numbers — its logits ÷ T (the
// positive first), the log-sum-exp, and −log p₊ — then the reduction.
import { logSumExp } from '../../core/log-sum-exp.js';
import { rowView } from '../../core/matrix.js';
import { inUnit } from '../../core/units.js';
import { infoNceFromEmbeddings, infoNceFromLogits } from '../../ops/infonce/kernel.js';
import type { InfoNceSpec } from '../../ops/infonce/spec.js';
import { type ExplainLine, type Explanation, chain, formula, text } from './explanation.js';
import { type ExplainInput, pickRow } from './explainer.js';
import { explainUnit, given, listOf, num, paren } from './numbers.js';

export function explainInfoNce(x: ExplainInput<InfoNceSpec>): Explanation {
  const { t, spec, decimals: d } = x;
  const { embeddings, temperature, normalize } = spec;
  const r = embeddings
    ? infoNceFromEmbeddings(embeddings, temperature, normalize, 'sum')
    : infoNceFromLogits(x.input!, temperature, 'sum');
  const i = pickRow(x.row, r.logits.rows);
  const u = explainUnit(spec.unit);
  const z = Array.from(rowView(r.logits, i));
  const lse = logSumExp(z);
  const before = z.map((v) => v * temperature);
  const json = x.report.json;
  const lines: ExplainLine[] = [
    text(t.t(embeddings ? 'teach.infonce.similarities' : 'teach.infonce.logits', { temperature: given(temperature) })),
    formula(`s = ${listOf(before.map((v) => num(v, d)))}`),
    formula(`z = s / ${given(temperature)} = ${listOf(z.map((v) => num(v, d)))}`),
    formula(`logsumexp(z) = ${num(lse, d)}`),
    ...chain(
      `l = logsumexp(z) − z₊ = ${num(lse, d)} − ${paren(num(z[0], d))}`,
      `${num(inUnit(r.losses[i], u.unit), d)}${u.suffix}`,
    ),
  ];
  const reduced: ExplainLine[] =
    typeof json.loss === 'number'
      ? [
          text(t.t(spec.reduction === 'mean' ? 'teach.focal.mean' : 'teach.focal.sum')),
          formula(`L = ${num(json.loss, d)}${u.suffix}`),
        ]
      : [text(t.t('teach.focal.none'))];
  reduced.push(
    text(t.t('teach.infonce.chance', { keys: z.length, chance: num(inUnit(Math.log(z.length), u.unit), d) })),
  );
  return {
    title: t.label('teach.infonce.title', { index: i + 1, count: r.logits.rows }),
    steps: [
      { heading: t.label('teach.infonce.step.query'), lines },
      { heading: t.label('teach.focal.step.reduce'), lines: reduced },
    ],
  };
}
