// --explain for `xent hinge`: one row's margins with its own numbers — each other class's
// max(0, Δ − s_y + s_j) (or the largest other class's, Crammer–Singer), their sum, ÷ C for
// F.multi_margin_loss, × the target's weight — then the reduction.
import { fromRows, rowView } from '../../core/matrix.js';
import { multiClassHinge } from '../../ops/hinge/kernel.js';
import { HINGE_STYLE_NOTES, type HingeSpec } from '../../ops/hinge/spec.js';
import { checkHingeInput } from '../../ops/hinge/validate.js';
import { type ExplainLine, type Explanation, chain, formula, text } from './explanation.js';
import { type ExplainInput, pickRow } from './explainer.js';
import { given, num, paren, sub, sumOf } from './numbers.js';

/** The most terms written out; the rest are counted. */
const SHOWN = 8;

export function explainHinge(x: ExplainInput<HingeSpec>): Explanation {
  const { t, spec, decimals: d } = x;
  const input = x.input!;
  const r = pickRow(x.row, input.rows);
  const classes = checkHingeInput(input, spec, x.context.inputSource);
  const y = classes[r];
  const s = Array.from(rowView(input, r));
  const { margin, p, style } = spec;
  const w = spec.weight ? spec.weight[y] : 1;
  const one = multiClassHinge(fromRows([s]), [y], { ...spec, reduction: 'sum' });
  const power = p === 2 ? '²' : '';
  const term = (j: number) => {
    const h = margin - s[y] + s[j];
    return {
      text: `max(0, ${given(margin)} − ${paren(given(s[y]))} + ${paren(given(s[j]))})${power}`,
      value: h > 0 ? (p === 2 ? h * h : h) : 0,
    };
  };
  const lines: ExplainLine[] = [formula(`s${sub(y)} = ${given(s[y])}  (${t.t('teach.hinge.targetScore')})`)];
  const others = s.map((_, j) => j).filter((j) => j !== y);
  let sumLine: string;
  if (style === 'cs') {
    let rival = others[0];
    for (const j of others) if (s[j] > s[rival]) rival = j;
    const { text: termText, value } = term(rival);
    lines.push(text(t.t('teach.hinge.rival', { index: rival })), formula(`${termText} = ${num(value, d)}`));
    sumLine = num(value, d);
  } else {
    const values: string[] = [];
    for (const j of others.slice(0, SHOWN)) {
      const { text: termText, value } = term(j);
      lines.push(formula(`j = ${j}: ${termText} = ${num(value, d)}`));
      values.push(num(value, d));
    }
    if (others.length > SHOWN) lines.push(text(t.t('teach.rest.more', { count: others.length - SHOWN })));
    sumLine = sumOf(values);
  }
  const divide = style === 'torch' ? ` / ${input.cols}` : '';
  const weight = w !== 1 ? `${given(w)} · ` : '';
  lines.push(...chain(`l${sub(r + 1)} = ${weight}(${sumLine})${divide}`, num(one.losses[0], d))); // spread-ok: two lines
  const json = x.report.json;
  const reduced: ExplainLine[] =
    typeof json.loss === 'number'
      ? [
          text(t.t(spec.reduction === 'mean' ? 'teach.focal.mean' : 'teach.focal.sum')),
          formula(`L = ${num(json.loss, d)}`),
        ]
      : [text(t.t('teach.focal.none'))];
  return {
    title: t.label('teach.hinge.title', { index: r + 1, count: input.rows, style }),
    steps: [
      {
        heading: t.label('teach.step.formula'),
        lines: [text(t.t(HINGE_STYLE_NOTES[style], { margin, p, classes: input.cols }))],
      },
      { heading: t.label('teach.hinge.step.margins'), lines },
      { heading: t.label('teach.focal.step.reduce'), lines: reduced },
    ],
  };
}
