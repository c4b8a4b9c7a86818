// The common mistakes of softmax, cross-entropy and CLIP, for --expect's diagnosis
// (expect-diagnose.ts): each command's `abilities.mistakes` is one of these, or built from
// the shared ones there (another log base, T multiplied, the sum for the mean).
import { type InfoUnit, UNITS } from '../core/units.js';
import type { ClipSpec } from '../ops/clip/spec.js';
import { type CeSpec, DEFAULT_IGNORE_INDEX } from '../ops/cross-entropy/spec.js';
import type { SoftmaxSpec } from '../ops/softmax/spec.js';
import {
  type Carried,
  type Mistakes,
  type ReportJson,
  type RerunMistake,
  type ValueMistake,
  minusLog,
  reductionMistakes,
  temperatureMistakes,
  unitMistakes,
} from './expect-diagnose.js';
import { numbersOf } from './expect.js';

/** No more classes than this are tried as "the wrong class" (each is a run of its own)… */
const MAX_CLASSES_TRIED = 32;
/** …and only for a homework-sized input. */
const MAX_ROWS_FOR_CLASSES = 10_000;

/** softmax: T multiplied instead of divided; log-probabilities in base 2 or 10. */
export function softmaxMistakes(spec: SoftmaxSpec, json: ReportJson): Mistakes<SoftmaxSpec> {
  const logs = numbersOf(json.log_probs);
  const values: ValueMistake[] = logs
    ? [UNITS['2'], UNITS['10']].map((unit) => ({
        key: 'expect.mistake.logBase',
        params: { used: unit.log, wanted: 'ln' },
        values: { log_probs: logs.map((l) => l / unit.ln) },
      }))
    : [];
  return { reruns: temperatureMistakes(spec), values };
}

/**
 * ce: another log base, T multiplied, the sum for the mean (or the mean for the sum), the
 * wrong class, p instead of −log p, and a row's p(target) carried on into its loss.
 */
export function ceMistakes(spec: CeSpec, json: ReportJson): Mistakes<CeSpec> {
  const reruns = [
    ...unitMistakes(spec),
    ...temperatureMistakes(spec),
    ...reductionMistakes(spec),
    ...classMistakes(spec, json),
  ];
  const pTarget = numbersOf(json.p_target);
  const targets = numbersOf(json.targets);
  const probs = numbersOf(json.probs);
  if (!pTarget || !targets || !probs || spec.targets.kind !== 'index' || spec.labelSmoothing !== 0) return { reruns };
  const classes = probs.length / pTarget.length;
  const offset = spec.oneBased ? 1 : 0;
  const single = pTarget.length === 1 && typeof json.loss === 'number';
  const values: ValueMistake[] = spec.weight
    ? []
    : [{ key: 'expect.mistake.p', values: { losses: pTarget, ...(single ? { loss: pTarget } : {}) } }];
  const carried: Carried[] = [];
  targets.forEach((target, row) => {
    if (Number.isNaN(target)) return;
    const c = target - offset;
    const weight = spec.weight?.[c] ?? 1;
    const links = (quantity: string, index: number, loss: Pick<Carried, 'of' | 'formula'>) => {
      const what = 'expect.what.pTarget' as const;
      carried.push({ quantity, index, from: 'probs', fromIndex: row * classes + c, what, ...loss });
      carried.push({ quantity, index, from: 'p_target', fromIndex: row, what, ...loss });
    };
    links('losses', row, minusLog(spec.unit, weight));
    // The mean of one row is its loss unweighted (w·l / w); the sum keeps the weight.
    if (single) links('loss', 0, minusLog(spec.unit, spec.reduction === 'sum' ? weight : 1));
  });
  return { reruns, values, carried };
}

/** Each other class as every row's target (ignored rows stay ignored). */
function classMistakes(spec: CeSpec, json: ReportJson): RerunMistake<CeSpec>[] {
  const { targets } = spec;
  const probs = numbersOf(json.probs);
  const rows = numbersOf(json.losses)?.length;
  if (targets.kind !== 'index' || targets.given === 'diag' || !probs || !rows || rows > MAX_ROWS_FOR_CLASSES) return [];
  const given = targets.given;
  const offset = spec.oneBased ? 1 : 0;
  const ignore = targets.ignoreIndex ?? DEFAULT_IGNORE_INDEX;
  const classes = Math.min(MAX_CLASSES_TRIED, probs.length / rows);
  const mistakes: RerunMistake<CeSpec>[] = [];
  for (let j = 0; j < classes; j++) {
    const other = given.map((g) => (g === ignore ? g : j + offset));
    if (other.every((g, i) => g === given[i])) continue;
    mistakes.push({
      key: 'expect.mistake.class',
      params: { class: j + offset },
      spec: { ...spec, targets: { ...targets, given: other } },
    });
  }
  return mistakes;
}

/** clip: another log base, T multiplied instead of divided, and the lesson's mistakes (clipLessonMistakes). */
export function clipMistakes(spec: ClipSpec, json: ReportJson): Mistakes<ClipSpec> {
  const reruns: RerunMistake<ClipSpec>[] = unitMistakes(spec);
  const T = spec.temperature;
  if (T !== undefined && T !== 1)
    reruns.push({ key: 'expect.mistake.temperature', params: { T }, spec: { ...spec, scale: T } });
  return { reruns, ...clipLessonMistakes(json, spec.unit) };
}

/**
 * The mistakes of a CLIP loss read from its numbers alone (xent clip, and the lesson of
 * xent demo): the two directions added, sums for means, p instead of −log p, and a pair's
 * p(positive) carried on into its loss.
 */
export function clipLessonMistakes(json: ReportJson, unit: InfoUnit): Pick<Mistakes<never>, 'values' | 'carried'> {
  const lossesI2t = numbersOf(json.losses_i2t);
  const lossesT2i = numbersOf(json.losses_t2i);
  const probsI2t = numbersOf(json.probs_i2t);
  const probsT2i = numbersOf(json.probs_t2i);
  const [lossI2t, lossT2i, loss] = [json.loss_i2t, json.loss_t2i, json.loss];
  if (!lossesI2t || !lossesT2i || !probsI2t || !probsT2i) return {};
  if (typeof lossI2t !== 'number' || typeof lossT2i !== 'number' || typeof loss !== 'number') return {};
  const n = lossesI2t.length;
  const diagonal = (probs: readonly number[]) => Array.from({ length: n }, (_, i) => probs[i * n + i]);
  const values: ValueMistake[] = [
    { key: 'expect.mistake.directions', values: { loss: [lossI2t + lossT2i] } },
    { key: 'expect.mistake.sum', values: { loss: [n * loss], loss_i2t: [n * lossI2t], loss_t2i: [n * lossT2i] } },
    { key: 'expect.mistake.p', values: { losses_i2t: diagonal(probsI2t), losses_t2i: diagonal(probsT2i) } },
  ];
  const carried: Carried[] = [];
  for (let i = 0; i < n; i++) {
    for (const [quantity, from] of [
      ['losses_i2t', 'probs_i2t'],
      ['losses_t2i', 'probs_t2i'],
    ] as const) {
      carried.push({
        quantity,
        index: i,
        from,
        fromIndex: i * n + i,
        what: 'expect.what.pPositive',
        ...minusLog(unit),
      });
    }
  }
  return { values, carried };
}
