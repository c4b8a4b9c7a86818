// Options shared by the loss commands (ce, bce, descend, the contrastive losses): reductions,
// targets, the unit. Each throws a translated XentError naming the option and the value; the
// values are checked by each operation's validator (src/ops/*/validate.ts).
import { readChoice } from '../text/option-values.js';
import { normalizeText } from '../text/normalize.js';
import { XentError } from '../core/errors.js';
import { formatExact } from '../format/number.js';
import type { MessageKey, MessageParam, MessageParams } from '../i18n/messages.js';
import type { Translator } from '../i18n/translator.js';
import type { SpecContext } from '../report/run-context.js';
import type { Reduction } from '../ops/cross-entropy/kernel.js';
import { BASE_NAMES, type InfoUnit, NATS, UNITS } from '../core/units.js';

export const REDUCTIONS = ['mean', 'sum', 'none'] as const satisfies readonly Reduction[];

const REDUCTION_NAMES: Readonly<Record<string, MessageKey>> = {
  mean: 'reduction.mean',
  sum: 'reduction.sum',
  batchmean: 'reduction.batchmean',
};

/** A reduction in the user's words, for a label such as "loss (mean)" / "损失（平均）". */
export function reductionName(reduction: string): MessageParam {
  const key = REDUCTION_NAMES[reduction];
  return key ? { key } : reduction;
}

export function readReduction(value: string | undefined): Reduction {
  return readChoice(value, '--reduction', REDUCTIONS, 'mean');
}

/**
 * A list of numbers given to an option (`-y 0,2,1`, `-w "1 2 0.5"`, `[1, 2]`, or `@FILE`:
 * one per line, or any input notation, read in chunks as -i reads a file), flattened row by row.
 */
export async function readListOption(context: SpecContext, value: string, option: string): Promise<number[]> {
  return Array.from((await context.readMatrixOption(value, option)).data);
}

/**
 * `-y LIST`, `-y @FILE` or `-y diag` (in any notation, full-width included): the targets as
 * given, checked against the input by cross-entropy's validator (indexTargetClasses).
 */
export async function readTargetList(
  context: SpecContext,
  value: string,
  option = '-y, --target',
): Promise<'diag' | number[]> {
  return normalizeText(value).trim().toLowerCase() === 'diag' ? 'diag' : readListOption(context, value, option);
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
    throw new XentError(
      'err.badChoice',
      { option: '--base', choices: { list: ['e', '2', '10', 'nats', 'bits', 'bans', 'hartleys'] }, value },
      true,
    );
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
export function unitLabel(
  t: Translator,
  key: MessageKey,
  params: MessageParams,
  unit: InfoUnit,
  always = false,
): string {
  if (unit.base === 'e' && !always) return t.label(key, params);
  return t.label('info.inUnit', { label: { key, params }, unit: { key: unitKey(unit) } });
}

/** The note under a loss in bits or bans: what the numbers are; none in nats. */
export function unitNotes(t: Translator, unit: InfoUnit): string[] {
  if (unit.base === 'e') return [];
  return [t.t('info.note.unit', { unit: { key: unitKey(unit) }, log: unit.log, base: unit.base })];
}
