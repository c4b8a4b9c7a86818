// --expect's diagnosis: a wrong claim that a common mistake reproduces (at the precision it
// was written, judged as a claim is judged) gets that mistake named. A command says which
// mistakes its computation invites (its `abilities.mistakes`); the opposite sign is tried
// for every quantity. Only a wrong claim is diagnosed, and only when the mistake's value
// would have been judged right: a right answer never gets a diagnosis.
import { type InfoUnit, UNITS } from '../core/units.js';
import type { MessageKey, MessageParams } from '../i18n/messages.js';

/** The report's JSON, as --expect reads quantities from it. */
export type ReportJson = Readonly<Record<string, unknown>>;

interface Named {
  /** What the mistake was, as a phrase ('expect.mistake.*'). */
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

/** A mistake that is the command run again with another spec (a temperature multiplied, another unit). */
export interface RerunMistake<Spec> extends Named {
  readonly spec: Spec;
}

/** A mistake whose values are known at once: quantity → its values as the mistake gives them, flat (NaN: not this mistake). */
export interface ValueMistake extends Named {
  readonly values: Readonly<Record<string, readonly number[]>>;
}

/**
 * A value computed from one entry of another quantity (a row's loss from its p(target)):
 * a claim for it that follows from the user's own claimed entry, or from the correct entry
 * rounded, is that number carried on.
 */
export interface Carried {
  readonly quantity: string;
  /** Flat index in `quantity`. */
  readonly index: number;
  readonly from: string;
  readonly fromIndex: number;
  /** What the entry is called ('expect.what.*'). */
  readonly what: MessageKey;
  readonly of: (entry: number) => number;
  /** The formula of `of` with the entry written in: `−log 0.71`. */
  readonly formula: (entry: string) => string;
}

export interface Mistakes<Spec> {
  readonly reruns?: readonly RerunMistake<Spec>[];
  readonly values?: readonly ValueMistake[];
  readonly carried?: readonly Carried[];
}

/** A mistake as the check tries it: its quantities, computed when first asked for (undefined: it cannot be computed). */
export interface Alternative extends Named {
  readonly json: () => Promise<ReportJson | undefined>;
}

/** What a wrong value is tried against: the command's mistakes, ready to compute. */
export interface Diagnosis {
  readonly alternatives: readonly Alternative[];
  readonly carried: readonly Carried[];
}

/** Logarithms in the other bases: the command run in each other unit. */
export function unitMistakes<Spec extends { readonly unit: InfoUnit }>(spec: Spec): RerunMistake<Spec>[] {
  return Object.values(UNITS)
    .filter((unit) => unit.base !== spec.unit.base)
    .map((unit) => ({
      key: 'expect.mistake.logBase',
      params: { used: unit.log, wanted: spec.unit.log },
      spec: { ...spec, unit },
    }));
}

/** T multiplied instead of divided: the run with 1/T (none when T = 1). */
export function temperatureMistakes<Spec extends { readonly temperature: number }>(spec: Spec): RerunMistake<Spec>[] {
  const T = spec.temperature;
  return T === 1 ? [] : [{ key: 'expect.mistake.temperature', params: { T }, spec: { ...spec, temperature: 1 / T } }];
}

/** The sum instead of the mean, and the mean instead of the sum. */
export function reductionMistakes<Spec extends { readonly reduction: 'mean' | 'sum' | 'none' }>(
  spec: Spec,
): RerunMistake<Spec>[] {
  if (spec.reduction === 'mean') return [{ key: 'expect.mistake.sum', spec: { ...spec, reduction: 'sum' } }];
  if (spec.reduction === 'sum') return [{ key: 'expect.mistake.mean', spec: { ...spec, reduction: 'mean' } }];
  return [];
}

/** −log p in `unit` (times a weight): a loss from the probability it is the loss of. */
export function minusLog(unit: InfoUnit, weight = 1): Pick<Carried, 'of' | 'formula'> {
  const times = weight === 1 ? '' : `${weight}·`;
  return { of: (p) => (weight * -Math.log(p)) / unit.ln, formula: (p) => `−${times}${unit.log} ${p}` };
}
