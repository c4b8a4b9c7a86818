// Options and input checks shared by the loss commands (ce, bce): reductions, weights,
// probability input. Each throws a translated XentError naming the option and the value.
import { readChoice, readNumberList } from '../parse/option-values.js';
import { XentError } from '../errors.js';
import { formatExact } from '../format/number.js';
import type { MessageKey, MessageParam, MessageParams } from '../i18n/messages.js';
import type { Translator } from '../i18n/translator.js';
import type { Matrix } from '../matrix.js';
import type { Reduction } from '../ops/cross-entropy/kernel.js';
import { BASE_NAMES, type InfoUnit, NATS, UNITS } from '../math/units.js';

export const REDUCTIONS = ['mean', 'sum', 'none'] as const satisfies readonly Reduction[];

export function readReduction(value: string | undefined): Reduction {
  return readChoice(value, '--reduction', REDUCTIONS, 'mean');
}

/** Weights must be finite and ≥ 0; `index` in the error is 1-based. */
export function checkWeights(values: ArrayLike<number>, option: string): void {
  for (let k = 0; k < values.length; k++) {
    const w = values[k];
    if (!(w >= 0) || !Number.isFinite(w)) {
      throw new XentError('err.ce.weightBad', { option, value: formatExact(w), index: k + 1 }, true);
    }
  }
}

/** A list of one number per class (or column): right length, finite, ≥ 0. */
export function readClassWeights(value: string, option: string, classes: number): number[] {
  const weights = readNumberList(value, option);
  if (weights.length !== classes) {
    throw new XentError('err.ce.weightCount', { option, got: weights.length, classes }, true);
  }
  checkWeights(weights, option);
  return weights;
}

/** `--probs` input: every value must be a probability. */
export function checkProbabilities(m: Matrix, source: MessageParam): void {
  for (let k = 0; k < m.data.length; k++) {
    const p = m.data[k];
    if (!(p >= 0 && p <= 1)) {
      const row = Math.floor(k / m.cols) + 1;
      throw new XentError('err.ce.probsRange', { value: formatExact(p), row, col: (k % m.cols) + 1, source });
    }
  }
}

/** A sum shown in a warning: enough digits to see how far from 1 it is. */
export function sumText(sum: number): string {
  return formatExact(Number(sum.toPrecision(10)));
}

/** `--base e|2|10` (or nats, bits, bans, hartleys): the unit of losses and gradients; e by default. */
export function readBase(value: string | undefined): InfoUnit {
  if (value === undefined) return NATS;
  const base = BASE_NAMES[value.trim().toLowerCase()];
  if (base === undefined) {
    throw new XentError('err.badChoice', { option: '--base', choices: 'e, 2, 10, nats, bits, bans, hartleys', value }, true);
  }
  return UNITS[base];
}

/** The `--base` option as each loss command lists it. */
export const BASE_OPTION = { flags: '--base <e|2|10>', description: 'help.opt.base' } as const;
/** `--base` as the entropy and kl commands list it (their results are not losses). */
export const BASE_INFO_OPTION = { flags: '--base <e|2|10>', description: 'help.opt.baseInfo' } as const;

/** The catalogue key of a unit's translated name. */
export function unitKey(unit: InfoUnit): MessageKey {
  return unit.name === 'bits' ? 'unit.bits' : unit.name === 'bans' ? 'unit.bans' : 'unit.nats';
}

/**
 * A label of a value in `unit`: "loss (bits)". In nats (the default) the label is left as
 * it was, unless `always` (the entropy and kl commands always name the unit).
 */
export function unitLabel(t: Translator, key: MessageKey, params: MessageParams, unit: InfoUnit, always = false): string {
  if (unit.base === 'e' && !always) return t.label(key, params);
  return t.label('info.inUnit', { label: { key, params }, unit: { key: unitKey(unit) } });
}

/** The note under a loss in bits or bans: what the numbers are; none in nats. */
export function unitNotes(t: Translator, unit: InfoUnit): string[] {
  if (unit.base === 'e') return [];
  return [t.t('info.note.unit', { unit: { key: unitKey(unit) }, log: unit.log, base: unit.base })];
}
