// --explain for `xent lm`: one row with its own numbers — which token it predicts (the next
// one under --shift), its log-softmax and loss — then the corpus means, token-weighted and
// sequence-weighted, and the perplexities.
import { logSumExp } from '../../core/log-sum-exp.js';
import { rowView } from '../../core/matrix.js';
import { inUnit } from '../../core/units.js';
import { lmLoss } from '../../ops/lm/kernel.js';
import type { LmSpec } from '../../ops/lm/spec.js';
import { type ExplainLine, type Explanation, chain, formula, text } from './explanation.js';
import { type ExplainInput, pickRow } from './explainer.js';
import { explainUnit, given, num, sub } from './numbers.js';

export function explainLm(x: ExplainInput<LmSpec>): Explanation {
  const { t, spec, decimals: d } = x;
  const input = x.input!;
  const r = pickRow(x.row, input.rows);
  const result = lmLoss(input, spec, input.breaks, x.context.inputSource);
  const u = explainUnit(spec.unit);
  const inU = (nats: number) => `${num(inUnit(nats, u.unit), d)}${u.suffix}`;
  // The perplexity is the same in every unit: e^(nats) = 2^(bits).
  const power = (nats: number) =>
    u.unit.base === 'e' ? `exp(${num(nats, d)})` : `${u.unit.value}^${num(inUnit(nats, u.unit), d)}`;
  const k = result.sequences.findIndex((s) => s.start <= r && r < s.start + s.rows);
  const sequence = result.sequences[k];
  const position = r - sequence.start + 1;
  const y = result.targets[r];
  const row: ExplainLine[] = [
    text(t.t('teach.lm.where', { row: r + 1, sequence: k + 1, position, rows: sequence.rows })),
  ];
  if (y === null) row.push(text(t.t(spec.shift && position === sequence.rows ? 'teach.lm.last' : 'teach.lm.ignored')));
  else {
    const z = rowView(input, r);
    const lse = logSumExp(z);
    row.push(
      text(t.t(spec.shift ? 'teach.lm.predictsNext' : 'teach.lm.predicts', { token: y })),
      formula(`log p${sub(y)} = z${sub(y)} − logsumexp(z) = ${given(z[y])} − ${num(lse, d)} = ${num(z[y] - lse, d)}`),
      formula(`l${sub(r + 1)} = −${u.log} p${sub(y)} = ${inU(result.losses[r])}`),
    );
  }
  const s = result.sequences;
  const counted = s.filter((q) => q.tokens > 0);
  const corpus: ExplainLine[] = [
    text(t.t('teach.lm.tokenWeighted')),
    ...chain(`L = Σ l / N = ${inU(result.total)} / ${result.tokens}`, inU(result.loss)),
    formula(`${power(result.loss)} = ${num(result.perplexity, d)}`),
    text(t.t('teach.lm.sequenceWeighted', { count: counted.length })),
    ...chain(
      `L_seq = (${counted
        .slice(0, 6)
        .map((q) => num(inUnit(q.loss, u.unit), d))
        .join(' + ')}${counted.length > 6 ? ' + …' : ''}) / ${counted.length}`,
      inU(result.sequenceLoss),
    ),
    formula(`${power(result.sequenceLoss)} = ${num(result.sequencePerplexity, d)}`),
  ];
  return {
    title: t.label('teach.lm.title', { index: r + 1, count: input.rows }),
    steps: [
      { heading: t.label('teach.lm.step.row'), lines: row },
      { heading: t.label('teach.lm.step.corpus'), lines: corpus },
    ],
  };
}
