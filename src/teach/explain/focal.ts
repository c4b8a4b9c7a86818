// --explain for `xent focal`: one row worked through with its own numbers — p, p_t, the
// modulating factor (1 − p_t)^γ, α_t and the loss of each element (sigmoid form), or of the
// row's target class (softmax form) — then the reduction.
import { fromRows, rowView } from '../../core/matrix.js';
import { sigmoid } from '../../core/sigmoid.js';
import { binaryCrossEntropy } from '../../ops/bce/kernel.js';
import { inUnit } from '../../core/units.js';
import { sigmoidFocalLoss, softmaxFocalLoss } from '../../ops/focal/kernel.js';
import type { FocalSpec } from '../../ops/focal/spec.js';
import { alphaPerClass, checkFocalInput } from '../../ops/focal/validate.js';
import { type ExplainLine, type Explanation, chain, formula, text } from './explanation.js';
import { type ExplainInput, pickRow } from './explainer.js';
import { explainUnit, given, listOf, num, paren, sub } from './numbers.js';

/** The most elements of a row written out one by one; the rest are counted. */
const SHOWN = 6;

export function explainFocal(x: ExplainInput<FocalSpec>): Explanation {
  const { t, spec, decimals: d } = x;
  const input = x.input!;
  const r = pickRow(x.row, input.rows);
  const u = explainUnit(spec.unit);
  const { gamma, reduction, inputIsProbs } = spec;
  const z = Array.from(rowView(input, r));
  const title = t.label('teach.focal.title', { index: r + 1, count: input.rows });
  const lossText = (nats: number) => `${num(inUnit(nats, u.unit), d)}${u.suffix}`;
  const json = x.report.json;
  const reduced: ExplainLine[] =
    typeof json.loss === 'number'
      ? [
          text(t.t(reduction === 'mean' ? 'teach.focal.mean' : 'teach.focal.sum')),
          formula(`L = ${num(json.loss, d)}${u.suffix}`),
        ]
      : [text(t.t('teach.focal.none'))];

  if (spec.targets.kind === 'binary') {
    const targets = spec.targets.targets;
    const alpha = spec.alpha?.[0];
    const lines: ExplainLine[] = [formula(t.t('teach.focal.sigmoidFormula'))];
    if (alpha === undefined) lines.push(text(t.t('teach.focal.noAlpha')));
    const yRow = Array.from(rowView(targets, r));
    const ces = binaryCrossEntropy(fromRows([z]), fromRows([yRow]), { reduction: 'none', inputIsProbs }).losses;
    const focal = sigmoidFocalLoss(fromRows([z]), fromRows([yRow]), { alpha, gamma, reduction: 'none', inputIsProbs });
    for (let j = 0; j < Math.min(z.length, SHOWN); j++) {
      const y = yRow[j];
      const p = focal.probs.data[j];
      const q = inputIsProbs ? 1 - z[j] : sigmoid(-z[j]);
      const ce = ces.data[j];
      const m = p * (1 - y) + q * y;
      const alphaT = alpha === undefined ? 1 : alpha * y + (1 - alpha) * (1 - y);
      const loss = focal.losses.data[j];
      const pText = inputIsProbs ? `p = ${given(p)}` : `p = σ(${given(z[j])}) = ${num(p, d)}`;
      lines.push(
        text(t.t('teach.focal.element', { index: j + 1, target: given(y) })),
        formula(pText),
        formula(`1 − p_t = ${num(m, d)},  (1 − p_t)^${given(gamma)} = ${num(m ** gamma, d)}`),
        formula(`ce = ${lossText(ce)},  α_t = ${num(alphaT, d)}`),
        // spread-ok: two lines
        ...chain(
          `l${sub(j + 1)} = ${num(alphaT, d)} · ${num(inUnit(ce, u.unit), d)} · ${num(m ** gamma, d)}`,
          lossText(loss),
        ),
      );
    }
    if (z.length > SHOWN) lines.push(text(t.t('teach.rest.more', { count: z.length - SHOWN })));
    return {
      title,
      steps: [
        { heading: t.label('teach.focal.step.elements'), lines },
        { heading: t.label('teach.focal.step.reduce'), lines: reduced },
      ],
    };
  }

  // The softmax form: the row's target class only.
  const classes = checkFocalInput(input, spec, x.context.inputSource)!;
  const y = classes[r];
  const alpha = alphaPerClass(spec.alpha, input.cols);
  const one = softmaxFocalLoss(fromRows([z]), [y], { alpha, gamma, reduction: 'sum', inputIsProbs });
  const p = Array.from(rowView(one.probs, 0));
  const s = one.pTarget[0];
  const a = alpha ? alpha[y] : 1;
  const rest = 1 - s;
  const probsLine = inputIsProbs
    ? formula(`p = ${listOf(p.map((v) => num(v, d)))}`)
    : formula(`p = softmax(z) = ${listOf(p.map((v) => num(v, d)))}`);
  return {
    title,
    steps: [
      {
        heading: t.label('teach.focal.step.probs'),
        lines: [probsLine, formula(`p${sub(y)} = ${num(s, d)}`)],
      },
      {
        heading: t.label('teach.focal.step.row'),
        lines: [
          formula(t.t('teach.focal.softmaxFormula')),
          formula(
            `(1 − p${sub(y)})^${given(gamma)} = ${paren(num(rest, d))}^${given(gamma)} = ${num(rest ** gamma, d)}`,
          ),
          formula(`−${u.log} p${sub(y)} = ${lossText(-Math.log(s))}`),
          ...chain(
            `l${sub(r + 1)} = ${num(a, d)} · ${num(rest ** gamma, d)} · ${num(inUnit(-Math.log(s), u.unit), d)}`,
            lossText(one.losses[0]),
          ),
          text(t.t(alpha ? 'teach.focal.alphaClass' : 'teach.focal.noAlphaClass')),
        ],
      },
      { heading: t.label('teach.focal.step.reduce'), lines: reduced },
    ],
  };
}
