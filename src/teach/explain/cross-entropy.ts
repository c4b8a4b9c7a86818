import { type Matrix, fromRows, rowView } from '../../core/matrix.js';
import {
  type CrossEntropyTargets,
  type SmoothingStyle,
  countedRows,
  crossEntropy,
  meanDenominatorOf,
  smoothedTarget,
} from '../../ops/cross-entropy/kernel.js';
import type { CeSpec } from '../../ops/cross-entropy/spec.js';
import { indexTargetClasses } from '../../ops/cross-entropy/validate.js';
import type { MessageParam } from '../../i18n/messages.js';
import { type Explanation, type ExplainLine, type ExplainStep, chain, formula, text } from './explanation.js';
import { EXPLAIN_LR, type ExplainInput, pickRow } from './explainer.js';
import { inUnit } from '../../core/units.js';
import { type ExplainUnit, explainUnit, given, listOf, num, sub, sumOf } from './numbers.js';
import {
  type Combination,
  combineLines,
  denText,
  descentLines,
  elided,
  lossMove,
  shareLines,
  signSentence,
} from './kit.js';
import { oneProbability, softmaxSteps } from './softmax.js';
import { lossCurveLines } from './loss-curve.js';

interface RowTarget {
  /** The class index (0-based), or null for an ignored row. */
  readonly index: number | null;
  /** A soft target row, when --target-probs was given. */
  readonly probs?: readonly number[];
}

/** The targets as the kernel takes them (class targets checked against the input). */
function kernelTargets(spec: CeSpec, input: Matrix): CrossEntropyTargets {
  const { targets } = spec;
  return targets.kind === 'probs'
    ? targets
    : { kind: 'index', classes: indexTargetClasses(targets, input, spec.oneBased) };
}

/** Row r's target, from the spec (the run has checked it against the input). */
function targetOf(targets: CrossEntropyTargets, r: number): RowTarget {
  if (targets.kind === 'probs') {
    const probs = Array.from(rowView(targets.probs, r));
    let best = 0;
    for (let j = 1; j < probs.length; j++) if (probs[j] > probs[best]) best = j;
    return { index: best, probs };
  }
  return { index: targets.classes[r] };
}

/** The loss in the unit of --base. */
function lossText(u: ExplainUnit, nats: number, d: number): string {
  return `${num(nats * inUnit(1, u.unit), d)}${u.suffix}`;
}

/** What reduction 'mean' divides by, in words: the rows, the rows counted, or Σ w_y (Keras's sample weights: the rows counted). */
function meanWhy(targets: CrossEntropyTargets, weighted: boolean, sampleWeight?: readonly number[]): MessageParam {
  if (sampleWeight) {
    const counted = targets.kind === 'probs' ? sampleWeight.map(() => true) : targets.classes.map((y) => y !== null);
    const total = sampleWeight.reduce((s, v, n) => (counted[n] ? s + v : s), 0);
    return {
      key: 'teach.ce.why.sampleWeight',
      params: { count: countedRows(targets, sampleWeight.length), total: denText(total) },
    };
  }
  if (targets.kind === 'probs') return { key: weighted ? 'teach.ce.why.soft' : 'teach.why.rows' };
  const counted = targets.classes.filter((y) => y !== null).length;
  const ignored = targets.classes.length - counted;
  if (weighted) return { key: ignored > 0 ? 'teach.ce.why.weightsCounted' : 'teach.ce.why.weights' };
  return ignored > 0 ? { key: 'teach.ce.why.counted', params: { count: counted, ignored } } : { key: 'teach.why.rows' };
}

export function explainCrossEntropy(x: ExplainInput<CeSpec>): Explanation {
  const { t, spec, decimals: d } = x;
  const input = x.input!;
  const r = pickRow(x.row, input.rows);
  const u = explainUnit(spec.unit);
  const { inputIsProbs, weight, reduction } = spec;
  const T = inputIsProbs ? 1 : spec.temperature;
  const eps = spec.labelSmoothing;
  // ε/(C − 1) on the other classes (--smoothing-style others), or PyTorch's ε/C on every class.
  const style: SmoothingStyle = spec.smoothingStyle ?? 'torch';
  const others = style === 'others' && eps > 0;
  const offset = spec.oneBased ? 1 : 0;
  const names = input.colLabels;
  const idx = (j: number) => (names ? `(${names[j]})` : sub(j + offset));
  const z = Array.from(rowView(input, r));
  const allTargets = kernelTargets(spec, input);
  const target = targetOf(allTargets, r);
  // Keras's sample weights: the row's loss times sₙ, and 'mean' divides by the rows counted.
  const sampleWeight = spec.sampleWeight;
  const s = sampleWeight?.[r];
  const den = sampleWeight ? countedRows(allTargets, input.rows) : meanDenominatorOf(allTargets, input.rows, weight);
  const combination: Combination =
    reduction === 'mean'
      ? { kind: 'mean', den, why: meanWhy(allTargets, weight !== undefined, sampleWeight) }
      : reduction === 'sum'
        ? { kind: 'sum' }
        : { kind: 'none' };
  // The row's loss is the reported one only for one row whose mean divides by 1.
  const alone = input.rows === 1 && (reduction !== 'mean' || den === 1);
  const L = alone ? 'L' : `L${sub(r + 1)}`;
  const title = t.label('teach.ce.title', { index: r + 1, count: input.rows });
  const steps: ExplainStep[] = [];
  const rest = () => (alone ? {} : { rest: restOf(x, r, combination, u) });

  if (target.index === null) {
    steps.push({ heading: t.label('teach.ce.ignoredHeading'), lines: [text(t.t('teach.ce.ignored'))] });
    return { title, steps, ...rest() };
  }
  const y = target.index;
  const targets: CrossEntropyTargets = target.probs
    ? { kind: 'probs', probs: fromRows([target.probs]) }
    : { kind: 'index', classes: [y] };
  const rowOptions = { weight, labelSmoothing: eps, smoothingStyle: style, temperature: T, inputIsProbs };
  const one = crossEntropy(fromRows([z]), targets, {
    ...rowOptions,
    reduction: 'sum',
    ...(s !== undefined ? { sampleWeight: [s] } : {}),
  });
  // The row's loss before its sample weight: ℓ, with L = s · ℓ.
  const unweighted = s === undefined ? one : crossEntropy(fromRows([z]), targets, { ...rowOptions, reduction: 'sum' });
  const l = s === undefined ? L : L.replace('L', 'ℓ');
  const p = Array.from(rowView(one.probs, 0));
  const C = z.length;
  const keep = [y];

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
  const a = effective(target, y, C, eps, style, weight, s);
  const lossLines: ExplainLine[] = [];
  const lg = u.log;
  if (target.probs || eps > 0) {
    const q = target.probs
      ? target.probs.map((v) => smoothedTarget(v, eps, C, style))
      : Array.from({ length: C }, (_, c) => smoothedTarget(c === y ? 1 : 0, eps, C, style));
    const qs = listOf(q.map((v) => num(v, d)));
    const spread = others ? (target.probs ? 'ε·(1 − target)/(C − 1)' : 'ε/(C − 1)·(1 − onehot(y))') : 'ε/C';
    lossLines.push(
      formula(
        !target.probs
          ? `q = (1 − ε)·onehot(y) + ${spread} = ${qs},  ε = ${given(eps)}`
          : eps > 0
            ? `q = (1 − ε)·target + ${spread} = ${qs},  ε = ${given(eps)}`
            : `q = ${qs}`,
      ),
    );
    if (others)
      lossLines.push(
        text(
          t.t(target.probs ? 'teach.ce.smoothingOthersSoft' : 'teach.ce.smoothingOthers', {
            eps: given(eps),
            others: C - 1,
            target: num(1 - eps, d),
            each: num(eps / (C - 1), d),
          }),
        ),
      );
    else if (eps > 0) lossLines.push(text(t.t('teach.ce.smoothing', { eps: given(eps), classes: C })));
    // The terms' coefficients before the sample weight (w_c·q_c), which the next line multiplies in.
    const terms = a.map((v, c) => `${num(s === undefined ? v : v / s, d)}·${lg} ${num(p[c], d)}`);
    lossLines.push(
      // spread-ok: a chain of three formula lines
      ...chain(
        `${l} = −Σ_c ${weight ? 'w_c·' : ''}q_c·${lg} p_c`,
        `−(${sumOf(terms, 4)})`,
        lossText(u, unweighted.losses[0], d),
      ),
    );
    if (weight) lossLines.push(text(t.t('teach.ce.weightedTerms')));
  } else {
    const w = weight ? weight[y] : 1;
    const plain = -Math.log(p[y]);
    lossLines.push(
      // spread-ok: a chain of at most four formula lines
      ...(weight
        ? chain(
            `${l} = w${idx(y)} · (−${lg} p${idx(y)})`,
            `${given(w)} · (−${lg}(${num(p[y], d)}))`,
            `${given(w)} · ${lossText(u, plain, d)}`,
            lossText(u, unweighted.losses[0], d),
          )
        : chain(`${l} = −${lg}(${num(p[y], d)})`, lossText(u, unweighted.losses[0], d))),
    );
    lossLines.push(text(t.t('teach.ce.lossMeaning')));
    lossLines.push(...lossCurveLines(t, p[y], u.unit, d)); // spread-ok: the curve's dozen lines
  }
  if (s !== undefined) {
    lossLines.push(
      formula(
        `${L} = s${sub(r + 1)} · ${l} = ${given(s)} · ${lossText(u, unweighted.losses[0], d)} = ${lossText(u, one.losses[0], d)}`,
      ),
    );
    lossLines.push(text(t.t('teach.ce.sampleWeight', { s: given(s), row: r + 1 })));
  }
  if (u.suffix) lossLines.push(text(t.t('teach.unit', { log: lg, unit: u.unit.name })));
  steps.push({ heading: t.label('teach.ce.step.loss'), lines: lossLines });

  const g = Array.from(rowView(one.grad, 0), (v) => v * inUnit(1, u.unit));
  const mass = a.reduce((s, v) => s + v, 0);
  // a is the one-hot y itself: no soft target, smoothing or weights.
  const simple = !target.probs && eps === 0 && !weight && (s === undefined || s === 1);
  const overT = T === 1 ? '' : ' / T';

  // 3. where the gradient comes from: the chain rule through the softmax's Jacobian
  if (!inputIsProbs) steps.push(chainRule(x, { L, p, a, g, y, T, idx, u, simple, oneHot: !target.probs && eps === 0 }));

  // 4. the gradient
  const gradLines: ExplainLine[] = [];
  if (inputIsProbs) {
    gradLines.push(formula(`∂${L}/∂p_c = −a_c / p_c${u.divide},  a = ${listOf(a.map((v) => num(v, d)))}`));
    gradLines.push(text(t.t('teach.ce.gradProbs')));
    elided(
      C,
      (c) => formula(`∂${L}/∂p${idx(c)} = −${num(a[c], d)} / ${num(p[c], d)}${u.divide} = ${num(g[c], d)}`),
      { keep },
      gradLines,
    );
  } else {
    gradLines.push(
      formula(
        simple
          ? `∂${L}/∂zⱼ = ${T === 1 ? 'pⱼ − yⱼ' : '(pⱼ − yⱼ) / T'}`
          : `∂${L}/∂zⱼ = (Σ_c a_c · pⱼ − aⱼ)${overT},  a = ${listOf(a.map((v) => num(v, d)))}`,
      ),
    );
    gradLines.push(text(t.t(simple ? 'teach.ce.gradOnehot' : 'teach.ce.gradGeneral')));
    if (s !== undefined && !simple) gradLines.push(text(t.t('teach.ce.gradSample', { s: given(s), row: r + 1 })));
    elided(
      C,
      (c) => {
        const overGiven = T === 1 ? '' : ` / ${given(T)}`;
        const detail = simple
          ? `${num(p[c], d)} − ${c === y ? 1 : 0}`
          : `(${num(mass, d)} · ${num(p[c], d)} − ${num(a[c], d)})${overGiven}`;
        const inBase = simple && (T !== 1 || u.divide) ? `(${detail})${overGiven}${u.divide}` : `${detail}${u.divide}`;
        return formula(`∂${L}/∂z${idx(c)} = ${inBase} = ${num(g[c], d)}`);
      },
      { keep },
      gradLines,
    );
    if (u.divide) gradLines.push(text(t.t('teach.ce.gradUnit', { unit: u.unit.name, base: u.unit.value })));
    gradLines.push(
      signSentence(
        t,
        g.map((value, c) => ({ name: `z${idx(c)}`, value })),
        { most: true },
      ),
    );
  }
  if (combination.kind === 'mean' && !alone)
    gradLines.push(...shareLines(t, `∂${L}/∂${inputIsProbs ? 'p' : 'z'}`, g, den, d)); // spread-ok: two lines
  const gradFormula = inputIsProbs
    ? '−a/p'
    : T === 1
      ? simple
        ? 'p − y'
        : '(Σa)·p − a'
      : `(${simple ? 'p − y' : '(Σa)·p − a'}) / T`;
  steps.push({ heading: t.label('teach.ce.step.grad', { formula: gradFormula }), lines: gradLines });

  // 5. one descent step on this row
  if (!inputIsProbs) {
    const eta = EXPLAIN_LR;
    const next = z.map((v, c) => v - eta * g[c]);
    const after = crossEntropy(fromRows([next]), targets, {
      ...rowOptions,
      inputIsProbs: false,
      reduction: 'sum',
      ...(s !== undefined ? { sampleWeight: [s] } : {}),
    });
    const stepLines: ExplainLine[] = [
      formula(`zⱼ ← zⱼ − η · ∂${L}/∂zⱼ,  η = ${eta}`),
      ...descentLines(
        t,
        g.map((value, c) => ({ name: `z${idx(c)}`, value, at: z[c], before: given(z[c]) })),
        eta,
        d,
        { keep },
      ),
    ];
    stepLines.push(
      text(
        t.t('teach.ce.after', {
          p: num(after.probs.data[y], d),
          before: num(p[y], d),
          move: lossMove(one.losses[0], after.losses[0], (v) => lossText(u, v, d), eta),
        }),
      ),
    );
    steps.push({ heading: t.label('teach.ce.step.descent'), lines: stepLines });
  }

  return { title, steps, ...rest() };
}

interface ChainRow {
  readonly L: string;
  readonly p: readonly number[];
  readonly a: readonly number[];
  /** The closed-form gradient of the row, in the unit. */
  readonly g: readonly number[];
  readonly y: number;
  readonly T: number;
  readonly idx: (j: number) => string;
  readonly u: ExplainUnit;
  readonly simple: boolean;
  /** Only the target class has a_c ≠ 0 (no smoothing, no soft target). */
  readonly oneHot: boolean;
}

/**
 * ∂L/∂zⱼ = Σ_c ∂L/∂p_c · ∂p_c/∂zⱼ with ∂L/∂p_c = −a_c/p_c and the softmax Jacobian
 * ∂p_c/∂zⱼ = p_c(δ_cj − pⱼ): the p_c cancel, leaving pⱼ·Σa − aⱼ (p − y for a one-hot target).
 * With a one-hot target each entry is the one term c = y, written with the row's numbers;
 * otherwise the Jacobian's rows are shown (up to six classes).
 */
function chainRule(x: ExplainInput<CeSpec>, c: ChainRow): ExplainStep {
  const { t, decimals: d } = x;
  const { L, p, a, g, y, T, idx, u } = c;
  const C = p.length;
  const overT = T === 1 ? '' : ' / T';
  const first = `∂${L}/∂zⱼ = Σ_c (−a_c / p_c) · p_c · (δ_cj − pⱼ)${overT}`;
  const closed = T === 1 ? 'pⱼ · Σ_c a_c − aⱼ' : `(pⱼ · Σ_c a_c − aⱼ) / T`;
  const lines: ExplainLine[] = [
    formula(`∂${L}/∂p_c = −a_c / p_c`),
    formula(`∂p_c/∂zⱼ = p_c · (δ_cj − pⱼ)${overT}`),
    text(t.t('teach.ce.chain.parts')),
    ...(c.simple ? chain(first, closed, T === 1 ? 'pⱼ − yⱼ' : '(pⱼ − yⱼ) / T') : chain(first, closed)),
    text(t.t('teach.ce.chain.cancel')),
  ];
  const tail = `${T === 1 ? '' : ` / ${given(T)}`}${u.divide}`;
  if (c.oneHot) {
    lines.push(text(t.t('teach.ce.chain.oneTerm', { target: `p${idx(y)}` })));
    elided(
      C,
      (j) =>
        formula(
          `∂${L}/∂z${idx(j)} = (−${given(a[y])} / ${num(p[y], d)}) · ${num(p[y], d)} · (${j === y ? 1 : 0} − ${num(p[j], d)})${tail} = ${num(g[j], d)}`,
        ),
      { keep: [y] },
      lines,
    );
  } else if (C <= 6) {
    lines.push(text(t.t('teach.ce.chain.jacobian')));
    for (let k = 0; k < C; k++) {
      const row = p.map((pj, j) => num((p[k] * ((k === j ? 1 : 0) - pj)) / T, d));
      lines.push(formula(`∂p${idx(k)}/∂z = [${row.join(', ')}]`));
    }
  }
  return { heading: t.label('teach.ce.step.chain'), lines };
}

/** a = the effective weighted target: L = −Σ a_c log p_c (times the row's sample weight s, when given). */
function effective(
  target: RowTarget,
  y: number,
  C: number,
  eps: number,
  style: SmoothingStyle,
  weight?: readonly number[],
  s = 1,
): number[] {
  const w = (c: number) => (weight ? weight[c] : 1) * s;
  if (target.probs) return target.probs.map((q, c) => w(c) * smoothedTarget(q, eps, C, style));
  return Array.from({ length: C }, (_, c) => w(c) * smoothedTarget(c === y ? 1 : 0, eps, C, style));
}

/** The other rows in one line each, and how the reduction combines them. */
function restOf(x: ExplainInput<CeSpec>, r: number, combination: Combination, u: ExplainUnit) {
  const json = x.report.json;
  // The report's losses are in the unit already when it names one.
  const f = u.suffix && json.unit === undefined ? inUnit(1, u.unit) : 1;
  const losses = (json.losses as number[]).map((l) => l * f);
  const loss = typeof json.loss === 'number' ? json.loss * f : undefined;
  return {
    heading:
      x.input!.rows > 1
        ? x.t.label('teach.rest.heading', { unit: { key: 'label.row' } })
        : x.t.label('teach.combine.heading'),
    lines: combineLines(x.t, losses, r, combination, loss, x.decimals, { suffix: u.suffix }),
  };
}
