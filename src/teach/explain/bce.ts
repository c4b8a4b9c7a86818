// --explain for xent bce: each element of the row is its own binary problem, σ(z) against a
// target y, with PyTorch's pos_weight and weight where given; then the gradient σ(z) − y (or
// its weighted form), one descent step, and how the elements make the reported loss.
import { type Matrix, at, fromRows } from '../../core/matrix.js';
import { sigmoid } from '../../core/sigmoid.js';
import { inUnit } from '../../core/units.js';
import { binaryCrossEntropy } from '../../ops/bce/kernel.js';
import type { BceSpec } from '../../ops/bce/spec.js';
import { type Explanation, type ExplainLine, type ExplainStep, formula, text } from './explanation.js';
import { EXPLAIN_LR, type ExplainInput, pickRow } from './explainer.js';
import {
  type Combination,
  combineLines,
  descentLines,
  elided,
  lossMove,
  shareLines,
  signSentence,
  signedSum,
} from './kit.js';
import { explainUnit, given, listOf, num, sub } from './numbers.js';

/** The weight of element (i, j) under PyTorch's broadcasting of a 1×C, N×1 or N×C weight. */
function weightAt(weight: Matrix | undefined, i: number, j: number): number {
  if (!weight) return 1;
  return at(weight, weight.rows === 1 ? 0 : i, weight.cols === 1 ? 0 : j);
}

/** Σ of a JSON matrix's row (inf written "inf"). */
function rowSums(rows: unknown): number[] {
  return Array.from(rows as Iterable<ArrayLike<unknown>>, (row) =>
    Array.from(row).reduce<number>((s, v) => s + (v === 'inf' ? Infinity : v === '-inf' ? -Infinity : Number(v)), 0),
  );
}

export function explainBce(x: ExplainInput<BceSpec>): Explanation {
  const { t, spec, decimals: d } = x;
  const input = x.input!;
  const N = input.rows;
  const C = input.cols;
  const r = pickRow(x.row, N);
  const u = explainUnit(spec.unit);
  const lg = u.log;
  const f = inUnit(1, u.unit);
  const probsIn = spec.inputIsProbs;
  const z = Array.from({ length: C }, (_, j) => at(input, r, j));
  const y = Array.from({ length: C }, (_, j) => at(spec.targets, r, j));
  const w = Array.from({ length: C }, (_, j) => weightAt(spec.weight, r, j));
  const pos = Array.from({ length: C }, (_, j) => spec.posWeight?.[j] ?? 1);
  const weighted = spec.weight !== undefined;
  const posWeighted = spec.posWeight !== undefined;
  const one = (row: readonly number[]) =>
    binaryCrossEntropy(fromRows([row]), fromRows([y]), {
      ...(posWeighted ? { posWeight: pos } : {}),
      ...(weighted ? { weight: fromRows([w]) } : {}),
      reduction: 'sum',
      inputIsProbs: probsIn,
    });
  const res = one(z);
  const p = Array.from(res.probs.data);
  const losses = Array.from(res.losses.data, (v) => v * f);
  const g = Array.from(res.grad.data, (v) => v * f);
  const rowLoss = losses.reduce((a, b) => a + b, 0);
  const den = N * C;
  const reduction = spec.reduction;
  const combination: Combination =
    reduction === 'mean'
      ? { kind: 'mean', den, why: { key: 'teach.bce.why', params: { rows: N, cols: C } } }
      : reduction === 'sum'
        ? { kind: 'sum' }
        : { kind: 'none' };
  const alone = N === 1 && (C === 1 || reduction !== 'mean');
  const L = alone ? 'L' : `L${sub(r + 1)}`;
  const steps: ExplainStep[] = [];

  // 1. probabilities
  if (probsIn) {
    steps.push({
      heading: t.label('teach.bce.step.probsGiven'),
      lines: [formula(`p = ${listOf(p.map((v) => given(v)))}`), text(t.t('teach.bce.probsGiven'))],
    });
  } else {
    const lines: ExplainLine[] = [formula('pⱼ = σ(zⱼ) = 1 / (1 + exp(−zⱼ))'), text(t.t('teach.bce.sigmoid'))];
    elided(
      C,
      (j) => formula(`p${sub(j)} = σ(${given(z[j])}) = 1 / (1 + exp(${given(-z[j])})) = ${num(p[j], d)}`),
      {},
      lines,
    );
    steps.push({ heading: t.label('teach.bce.step.sigmoid'), lines });
  }

  // 2. each element's loss, then the row's
  const wPart = weighted ? 'wⱼ · ' : '';
  const posPart = posWeighted ? 'w⁺ⱼ · ' : '';
  const lossLines: ExplainLine[] = [
    formula(`ℓⱼ = −${wPart}(${posPart}yⱼ · ${lg} pⱼ + (1 − yⱼ) · ${lg}(1 − pⱼ))`),
    text(t.t(probsIn ? 'teach.bce.loss' : 'teach.bce.lossLogits')),
  ];
  if (!probsIn) {
    lossLines.push(formula(`ℓⱼ = ${wPart}(${posPart}yⱼ · softplus(−zⱼ) + (1 − yⱼ) · softplus(zⱼ))${u.divide}`));
  }
  if (weighted || posWeighted) lossLines.push(text(t.t('teach.bce.weights')));
  const wText = (j: number) => (weighted ? `${given(w[j])} · ` : '');
  const posText = (j: number) => (posWeighted ? `${given(pos[j])} · ` : '');
  elided(
    C,
    (j) => {
      const inner = probsIn
        ? `${posText(j)}${given(y[j])} · ${lg} ${given(p[j])} + ${given(1 - y[j])} · ${lg}(1 − ${given(p[j])})`
        : `${posText(j)}${given(y[j])} · softplus(${given(-z[j])}) + ${given(1 - y[j])} · softplus(${given(z[j])})`;
      const body = probsIn ? `−${wText(j)}(${inner})` : `${wText(j)}(${inner})${u.divide}`;
      return formula(`ℓ${sub(j)} = ${body} = ${num(losses[j], d)}`);
    },
    {},
    lossLines,
  );
  lossLines.push(formula(`${L} = ${signedSum(losses, d)} = ${num(rowLoss, d)}${u.suffix}`));
  lossLines.push(text(t.t('teach.bce.rowLoss')));
  if (u.suffix) lossLines.push(text(t.t('teach.unit', { log: lg, unit: u.unit.name })));
  steps.push({ heading: t.label('teach.bce.step.loss'), lines: lossLines });

  // 3. the gradient
  const gradLines: ExplainLine[] = [];
  if (probsIn) {
    gradLines.push(formula(`∂ℓⱼ/∂pⱼ = −${wPart}(${posPart}yⱼ / pⱼ − (1 − yⱼ) / (1 − pⱼ))${u.divide}`));
    elided(
      C,
      (j) =>
        formula(
          `∂${L}/∂p${sub(j)} = −${wText(j)}(${posText(j)}${given(y[j])} / ${given(p[j])} − ${given(1 - y[j])} / (1 − ${given(p[j])}))${u.divide} = ${num(g[j], d)}`,
        ),
      {},
      gradLines,
    );
  } else {
    gradLines.push(
      formula(
        !posWeighted
          ? `∂ℓⱼ/∂zⱼ = ${weighted ? 'wⱼ · (σ(zⱼ) − yⱼ)' : 'σ(zⱼ) − yⱼ = pⱼ − yⱼ'}`
          : `∂ℓⱼ/∂zⱼ = ${wPart}((1 − yⱼ) · σ(zⱼ) − w⁺ⱼ · yⱼ · σ(−zⱼ))`,
      ),
    );
    gradLines.push(text(t.t(weighted || posWeighted ? 'teach.bce.gradWeighted' : 'teach.bce.gradPlain')));
    elided(
      C,
      (j) => {
        const working = !posWeighted
          ? `${wText(j)}${weighted ? '(' : ''}${num(p[j], d)} − ${given(y[j])}${weighted ? ')' : ''}`
          : `${wText(j)}(${given(1 - y[j])} · ${num(p[j], d)} − ${posText(j)}${given(y[j])} · ${num(sigmoid(-z[j]), d)})`;
        const inUnitText = u.divide ? `(${working})${u.divide}` : working;
        return formula(`∂${L}/∂z${sub(j)} = ${inUnitText} = ${num(g[j], d)}`);
      },
      {},
      gradLines,
    );
    if (u.divide) gradLines.push(text(t.t('teach.ce.gradUnit', { unit: u.unit.name, base: u.unit.value })));
    gradLines.push(
      signSentence(
        t,
        g.map((value, j) => ({ name: `z${sub(j)}`, value })),
      ),
    );
  }
  if (combination.kind === 'mean' && !alone) {
    for (const line of shareLines(t, `∂${L}/∂${probsIn ? 'p' : 'z'}`, g, den, d)) gradLines.push(line);
  }
  const gradFormula = probsIn
    ? `−${weighted ? 'w·' : ''}(${posWeighted ? 'w⁺·' : ''}y/p − (1 − y)/(1 − p))`
    : posWeighted
      ? `${weighted ? 'w·' : ''}((1 − y)·σ(z) − w⁺·y·σ(−z))`
      : weighted
        ? 'w·(σ(z) − y)'
        : 'σ(z) − y';
  steps.push({ heading: t.label('teach.bce.step.grad', { formula: gradFormula }), lines: gradLines });

  // 4. one descent step on the row's logits
  if (!probsIn) {
    const eta = EXPLAIN_LR;
    const next = z.map((v, j) => v - eta * g[j]);
    const after = Array.from(one(next).losses.data, (v) => v * f).reduce((a, b) => a + b, 0);
    const lines: ExplainLine[] = [formula(`zⱼ ← zⱼ − η · ∂${L}/∂zⱼ,  η = ${eta}`)];
    descentLines(
      t,
      g.map((value, j) => ({ name: `z${sub(j)}`, value, at: z[j], before: given(z[j]) })),
      eta,
      d,
      {},
      lines,
    );
    // Each element moves toward its own target: the new σ(z).
    const pNext = next.map((v) => sigmoid(v));
    lines.push(
      text(
        t.t('teach.bce.after', {
          probs: listOf(pNext.map((v) => num(v, d))),
          move: lossMove(rowLoss, after, (v) => `${num(v, d)}${u.suffix}`, eta),
        }),
      ),
    );
    steps.push({ heading: t.label('teach.step.descentRow'), lines });
  }

  const json = x.report.json;
  // The report's losses are in the unit already.
  const rows = rowSums(json.losses);
  const rest = alone
    ? {}
    : {
        rest: {
          heading:
            N > 1 ? t.label('teach.rest.heading', { unit: { key: 'label.row' } }) : t.label('teach.combine.heading'),
          lines: combineLines(t, rows, r, combination, typeof json.loss === 'number' ? json.loss : undefined, d, {
            suffix: u.suffix,
            sentence: 'teach.bce.mean',
          }),
        },
      };
  return { title: t.label('teach.bce.title', { index: r + 1, count: N }), steps, ...rest };
}
