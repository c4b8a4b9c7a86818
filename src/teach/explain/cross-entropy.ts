import { type Matrix, at, fromRows, rowView } from '../../core/matrix.js';
import { type CrossEntropyTargets, crossEntropy, meanDenominatorOf } from '../../ops/cross-entropy/kernel.js';
import type { CeSpec } from '../../ops/cross-entropy/spec.js';
import { indexTargetClasses } from '../../ops/cross-entropy/validate.js';
import { type Explanation, type ExplainLine, type ExplainStep, chain, formula, text } from './explanation.js';
import { EXPLAIN_LR, type ExplainInput, pickRow } from './explainer.js';
import { inUnit } from '../../core/units.js';
import { type ExplainUnit, explainUnit, given, listOf, num, paren, sub, sumOf } from './numbers.js';
import { oneProbability, softmaxSteps } from './softmax.js';
import { lossCurveLines } from './loss-curve.js';

interface RowTarget {
  /** The class index (0-based), or null for an ignored row. */
  readonly index: number | null;
  /** A soft target row, when --target-probs was given. */
  readonly probs?: readonly number[];
}

/** Row r's target, from the spec (the run has checked it against the input). */
function targetOf(spec: CeSpec, input: Matrix, r: number): RowTarget {
  const { targets } = spec;
  if (targets.kind === 'probs') {
    const probs = Array.from(rowView(targets.probs, r));
    let best = 0;
    for (let j = 1; j < probs.length; j++) if (probs[j] > probs[best]) best = j;
    return { index: best, probs };
  }
  return { index: indexTargetClasses(targets, input, spec.oneBased)[r] };
}

/** The loss in the unit of --base. */
function lossText(u: ExplainUnit, nats: number, d: number): string {
  return `${num(nats * inUnit(1, u.unit), d)}${u.suffix}`;
}

export function explainCrossEntropy(x: ExplainInput<CeSpec>): Explanation {
  const { t, spec, decimals: d } = x;
  const input = x.input!;
  const r = pickRow(x.row, input.rows);
  const u = explainUnit(spec.unit);
  const { inputIsProbs, weight, reduction } = spec;
  const T = inputIsProbs ? 1 : spec.temperature;
  const eps = spec.labelSmoothing;
  const offset = spec.oneBased ? 1 : 0;
  const names = input.colLabels;
  const idx = (j: number) => (names ? `(${names[j]})` : sub(j + offset));
  const z = Array.from(rowView(input, r));
  const target = targetOf(spec, input, r);
  const title = t.label('teach.ce.title', { index: r + 1, count: input.rows });
  const steps: ExplainStep[] = [];

  if (target.index === null) {
    steps.push({ heading: t.label('teach.ce.ignoredHeading'), lines: [text(t.t('teach.ce.ignored'))] });
    return { title, steps };
  }
  const y = target.index;
  const targets: CrossEntropyTargets = target.probs
    ? { kind: 'probs', probs: fromRows([target.probs]) }
    : { kind: 'index', classes: [y] };
  const one = crossEntropy(fromRows([z]), targets, {
    weight,
    labelSmoothing: eps,
    reduction: 'sum',
    temperature: T,
    inputIsProbs,
  });
  const p = Array.from(rowView(one.probs, 0));
  const C = z.length;
  // Many classes: the first few, the target and the last, with … between.
  const shown = (c: number) => C <= 10 || c < 6 || c === y || c === C - 1;

  // 1. probabilities
  if (inputIsProbs) {
    steps.push({
      heading: t.label('teach.ce.step.probsGiven'),
      lines: [formula(`p = ${listOf(p.map((v) => num(v, d)))}`), text(t.t('teach.ce.probsGiven'))],
    });
  } else if (target.probs) {
    const { steps: s } = softmaxSteps(x, { z, temperature: T, decimals: d, name: 'p', index: idx });
    steps.push(...s); // spread-ok: the softmax's few steps
  } else {
    const lines: ExplainLine[] = [
      formula(
        T === 1
          ? `p${idx(y)} = exp(z${idx(y)}) / Σₖ exp(zₖ)`
          : `p${idx(y)} = exp(z${idx(y)} / T) / Σₖ exp(zₖ / T),  T = ${given(T)}`,
      ),
      ...oneProbability(`P(${t.label('teach.word.target')})`, z, y, T, d),
      text(t.t('teach.ce.allProbs', { probs: listOf(p.map((v) => num(v, d))) })),
    ];
    steps.push({ heading: t.label('teach.ce.step.softmax', { target: names ? names[y] : y + offset }), lines });
  }

  // 2. the loss
  const a = effective(target, y, C, eps, weight);
  const lossLines: ExplainLine[] = [];
  const lg = u.log;
  if (target.probs || eps > 0) {
    const q = a.map((v, c) => (weight ? v / weight[c] : v));
    lossLines.push(
      formula(
        target.probs
          ? `q = ${listOf(q.map((v) => num(v, d)))}`
          : `q = (1 − ε)·onehot(y) + ε/C = ${listOf(q.map((v) => num(v, d)))},  ε = ${given(eps)}`,
      ),
    );
    if (eps > 0 && !target.probs) lossLines.push(text(t.t('teach.ce.smoothing', { eps: given(eps), classes: C })));
    const terms = a.map((v, c) => `${num(v, d)}·${lg} ${num(p[c], d)}`);
    lossLines.push(
      // spread-ok: a chain of three formula lines
      ...chain(`L = −Σ_c ${weight ? 'w_c·' : ''}q_c·${lg} p_c`, `−(${sumOf(terms, 4)})`, lossText(u, one.losses[0], d)),
    );
  } else {
    const w = weight ? weight[y] : 1;
    const plain = -Math.log(p[y]);
    lossLines.push(
      // spread-ok: a chain of at most four formula lines
      ...(weight
        ? chain(
            `L = w${idx(y)} · (−${lg} p${idx(y)})`,
            `${given(w)} · (−${lg}(${num(p[y], d)}))`,
            `${given(w)} · ${lossText(u, plain, d)}`,
            lossText(u, one.losses[0], d),
          )
        : chain(`L = −${lg}(${num(p[y], d)})`, lossText(u, one.losses[0], d))),
    );
    lossLines.push(text(t.t('teach.ce.lossMeaning')));
    lossLines.push(...lossCurveLines(t, p[y], u.unit, d)); // spread-ok: the curve's dozen lines
  }
  if (u.suffix) lossLines.push(text(t.t('teach.unit', { log: lg, unit: u.unit.name })));
  steps.push({ heading: t.label('teach.ce.step.loss'), lines: lossLines });

  // 3. the gradient
  const g = Array.from(rowView(one.grad, 0), (v) => v * inUnit(1, u.unit));
  const mass = a.reduce((s, v) => s + v, 0);
  const gradLines: ExplainLine[] = [];
  const simple = !target.probs && eps === 0 && !weight && T === 1 && !inputIsProbs;
  if (inputIsProbs) {
    gradLines.push(formula(`∂L/∂p_c = −a_c / p_c`), text(t.t('teach.ce.gradProbs')));
    g.forEach((v, c) => {
      gradLines.push(formula(`∂L/∂p${idx(c)} = ${num(v, d)}`));
    });
  } else {
    gradLines.push(
      formula(
        simple
          ? `∂L/∂zⱼ = pⱼ − yⱼ`
          : `∂L/∂zⱼ = (Σ_c a_c · pⱼ − aⱼ)${T === 1 ? '' : ' / T'},  a = ${listOf(a.map((v) => num(v, d)))}`,
      ),
    );
    if (simple) gradLines.push(text(t.t('teach.ce.gradOnehot')));
    else gradLines.push(text(t.t('teach.ce.gradGeneral')));
    for (let c = 0; c < C; c++) {
      if (!shown(c)) {
        if (shown(c - 1)) gradLines.push(formula('…'));
        continue;
      }
      const detail = simple
        ? `${num(p[c], d)} − ${c === y ? 1 : 0}`
        : `(${num(mass, d)} · ${num(p[c], d)} − ${num(a[c], d)})${T === 1 ? '' : ` / ${given(T)}`}`;
      const inBase = u.divide ? `${simple ? `(${detail})` : detail}${u.divide}` : detail;
      gradLines.push(formula(`∂L/∂z${idx(c)} = ${inBase} = ${num(g[c], d)}`));
    }
    if (u.divide) gradLines.push(text(t.t('teach.ce.gradUnit', { unit: u.unit.name, base: u.unit.value })));
    gradLines.push(text(t.t('teach.ce.gradSign')));
  }
  if (input.rows > 1 && reduction === 'mean') gradLines.push(text(t.t('teach.ce.gradMean', { count: input.rows })));
  steps.push({ heading: t.label('teach.ce.step.grad'), lines: gradLines });

  // 4. one descent step on this row
  if (!inputIsProbs) {
    const eta = EXPLAIN_LR;
    const next = z.map((v, c) => v - eta * g[c]);
    const after = crossEntropy(fromRows([next]), targets, {
      weight,
      labelSmoothing: eps,
      reduction: 'sum',
      temperature: T,
    });
    const stepLines: ExplainLine[] = [formula(`zⱼ ← zⱼ − η · ∂L/∂zⱼ,  η = ${eta}`)];
    for (let c = 0; c < C; c++) {
      if (!shown(c)) {
        if (shown(c - 1)) stepLines.push(formula('…'));
        continue;
      }
      const change = -eta * g[c]; // the step itself: next − current is NaN at −∞
      const how = t.label(change >= 0 ? 'teach.word.up' : 'teach.word.down', { by: num(Math.abs(change), d) });
      stepLines.push(
        formula(`z${idx(c)}: ${given(z[c])} − ${eta} · ${paren(num(g[c], d))} = ${num(next[c], d)}   (${how})`),
      );
    }
    stepLines.push(
      text(
        t.t('teach.ce.after', {
          p: num(at(after.probs, 0, y), d),
          before: num(p[y], d),
          loss: lossText(u, after.losses[0], d),
          lossBefore: lossText(u, one.losses[0], d),
        }),
      ),
    );
    steps.push({ heading: t.label('teach.ce.step.descent'), lines: stepLines });
  }

  return { title, steps, ...restOf(x, r, reduction, u) };
}

/** a = the effective weighted target: L = −Σ a_c log p_c. */
function effective(target: RowTarget, y: number, C: number, eps: number, weight?: readonly number[]): number[] {
  const w = (c: number) => (weight ? weight[c] : 1);
  if (target.probs) return target.probs.map((q, c) => w(c) * ((1 - eps) * q + eps / C));
  return Array.from({ length: C }, (_, c) => w(c) * ((c === y ? 1 - eps : 0) + eps / C));
}

/** The other rows in one line each, and how the reduction combines them. */
function restOf(x: ExplainInput<CeSpec>, r: number, reduction: string, u: ExplainUnit): Pick<Explanation, 'rest'> {
  const input = x.input as Matrix;
  if (input.rows <= 1) return {};
  const json = x.report.json;
  const losses = (json.losses as number[]).map(
    (l) => l * (u.suffix && json.unit === undefined ? inUnit(1, u.unit) : 1),
  );
  const d = x.decimals;
  const lines: ExplainLine[] = [];
  const shown = Math.min(input.rows, 10);
  for (let i = 0; i < shown; i++) lines.push(formula(`L${sub(i + 1)} = ${num(losses[i], d)}${i === r ? '  ←' : ''}`));
  if (input.rows > shown) lines.push(text(x.t.t('teach.rest.more', { count: input.rows - shown })));
  if (reduction !== 'none' && typeof json.loss === 'number') {
    const loss = json.loss * (u.suffix && json.unit === undefined ? inUnit(1, u.unit) : 1);
    const terms = sumOf(
      losses.map((l) => num(l, d)),
      5,
    );
    // 'mean' divides by the rows counted (Σ w_y with class weights; N with soft targets), taken
    // from the targets: total / loss is NaN when a loss is inf (--probs with p = 0).
    const { targets } = x.spec;
    const den = meanDenominatorOf(
      targets.kind === 'probs'
        ? targets
        : { kind: 'index', classes: indexTargetClasses(targets, input, x.spec.oneBased) },
      input.rows,
      x.spec.weight,
    );
    lines.push(
      formula(
        reduction === 'mean'
          ? `L = (${terms}) / ${String(Math.round(den * 1e6) / 1e6)} = ${num(loss, d)}`
          : `L = ${terms} = ${num(loss, d)}`,
      ),
    );
    lines.push(text(x.t.t(reduction === 'mean' ? 'teach.ce.mean' : 'teach.ce.sum')));
  }
  return { rest: { heading: x.t.label('teach.rest.heading', { unit: { key: 'label.row' } }), lines } };
}
