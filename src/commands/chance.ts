// "Is my loss normal?": the chance level of a loss (what a model that knows nothing scores)
// beside the loss, in the unit of --base, and the loss as a fraction of it. Each operation
// computes its own chance level next to its metrics (src/ops/*/metrics.ts); this puts it in
// the summary, the notes and the JSON of every loss command the same way.
import type { MessageKey, MessageParams } from '../i18n/messages.js';
import type { Translator } from '../i18n/translator.js';
import { type InfoUnit, inUnit } from '../core/units.js';
import type { SummaryLine } from '../report/report.js';
import { unitLabel } from './loss-options.js';

/** A loss's chance level in nats, and how it is computed (a note key of the operation, with its numbers). */
export interface ChanceLevel {
  readonly nats: number;
  readonly formula: MessageKey;
  readonly params?: MessageParams;
}

/** The loss ÷ the chance level; null where that is no number (a chance level of 0). */
export function chanceFraction(loss: number, chance: number): number | null {
  const fraction = loss / chance;
  return chance > 0 && Number.isFinite(chance) && !Number.isNaN(fraction) ? fraction : null;
}

/**
 * The chance level's lines, note and JSON fields for a loss `loss` (already in `unit`): the
 * summary shows the level and the fraction, the note says what the level is, the JSON holds
 * `chance` and `loss_over_chance` (the same number in every unit).
 */
export function chanceReport(
  t: Translator,
  chance: ChanceLevel,
  loss: number,
  unit: InfoUnit,
): { summary: SummaryLine[]; notes: string[]; json: { chance: number | null; loss_over_chance: number | null } } {
  const level = inUnit(chance.nats, unit);
  // No level where nothing is counted (every target ignored: 0/0), as the mean loss there.
  if (Number.isNaN(level)) return { summary: [], notes: [], json: { chance: null, loss_over_chance: null } };
  const fraction = chanceFraction(loss, level);
  const summary: SummaryLine[] = [{ label: unitLabel(t, 'sum.chance', {}, unit), value: level }];
  if (fraction !== null) summary.push({ label: t.label('sum.ofChance'), value: fraction });
  const note = t.t('note.chance', {
    formula: { key: chance.formula, params: { ...chance.params, log: unit.log } },
  });
  return { summary, notes: [note], json: { chance: level, loss_over_chance: fraction } };
}
