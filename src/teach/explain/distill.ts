// --explain for `xent distill`: one row worked through with its own numbers — the teacher's
// soft targets q = softmax(t/T), the student's p = softmax(s/T), KL(q‖p) term by term, × T²,
// the mix with the hard label's cross-entropy — then the reduction.
import { fromRows, rowView } from '../../core/matrix.js';
import { inUnit } from '../../core/units.js';
import { distillationLoss } from '../../ops/distill/kernel.js';
import { DISTILL_REDUCTION_NOTES, type DistillSpec } from '../../ops/distill/spec.js';
import { checkDistillInput } from '../../ops/distill/validate.js';
import { type ExplainLine, type Explanation, chain, formula, text } from './explanation.js';
import { type ExplainInput, pickRow } from './explainer.js';
import { explainUnit, given, listOf, num, paren, sub, sumOf } from './numbers.js';

export function explainDistill(x: ExplainInput<DistillSpec>): Explanation {
  const { t, spec, decimals: d } = x;
  const { student, teacher, temperature: T, hard, reduction } = spec;
  const r = pickRow(x.row, student.rows);
  const classes = checkDistillInput(spec);
  const u = explainUnit(spec.unit);
  const inU = (nats: number) => num(inUnit(nats, u.unit), d);
  const s = Array.from(rowView(student, r));
  const tRow = Array.from(rowView(teacher, r));
  const y = classes?.[r];
  const one = distillationLoss(fromRows([s]), fromRows([tRow]), {
    temperature: T,
    reduction: 'sum',
    ...(hard && y !== undefined ? { hard: { classes: [y], alpha: hard.alpha } } : {}),
  });
  const q = Array.from(one.teacherProbs.data);
  const p = Array.from(one.studentProbs.data);
  const terms = q.map((qc, c) => (qc === 0 ? 0 : one.elements.data[c] / (T * T)));
  const lines: ExplainLine[] = [
    formula(`q = softmax(t / ${given(T)}) = ${listOf(q.map((v) => num(v, d)))}`),
    formula(`p = softmax(s / ${given(T)}) = ${listOf(p.map((v) => num(v, d)))}`),
    ...chain(
      `KL(q‖p) = Σ q·(${u.log} q − ${u.log} p)`,
      sumOf(terms.map((v) => paren(inU(v)))),
      `${inU(one.kl[0])}${u.suffix}`,
    ),
    ...chain(`T² · KL = ${given(T * T)} · ${inU(one.kl[0])}`, `${inU(T * T * one.kl[0])}${u.suffix}`),
  ];
  if (hard && one.ce && y !== undefined) {
    const A = hard.alpha;
    lines.push(
      text(t.t('teach.distill.hard', { index: y })),
      formula(`CE = −${u.log} softmax(s)${sub(y)} = ${inU(one.ce[0])}${u.suffix}`),
      // spread-ok: two lines
      ...chain(
        `l${sub(r + 1)} = ${given(A)} · ${inU(one.ce[0])} + (1 − ${given(A)}) · ${inU(T * T * one.kl[0])}`,
        `${inU(one.losses[0])}${u.suffix}`,
      ),
    );
  }
  const json = x.report.json;
  const reduced: ExplainLine[] = [
    text(
      t.t(DISTILL_REDUCTION_NOTES[reduction], {
        rows: student.rows,
        cols: student.cols,
        count: student.rows * student.cols,
      }),
    ),
  ];
  if (typeof json.loss === 'number') reduced.push(formula(`L = ${num(json.loss, d)}${u.suffix}`));
  return {
    title: t.label('teach.distill.title', { index: r + 1, count: student.rows }),
    steps: [
      { heading: t.label('teach.distill.step.row'), lines },
      { heading: t.label('teach.focal.step.reduce'), lines: reduced },
    ],
  };
}
