import type { Translator } from '../i18n/translator.js';
import type { MessageKey } from '../i18n/messages.js';
import type { Warning } from './report.js';

/** How many warnings of one kind are printed before the rest are counted (50 000 rows need not give 50 000 lines). */
export const WARNINGS_PER_KIND = 20;

/**
 * The warnings as printed: of each kind (in the order the kinds first appear), the first
 * `limit`, then one line "… and K more warnings like this". One more than the limit is shown
 * rather than counted, so K is always at least 2.
 *
 * @example capWarnings(50 000 row-sum warnings, t) // → 20 of them, then "… and 49980 more warnings like this"
 */
export function capWarnings(warnings: readonly Warning[], t: Translator, limit = WARNINGS_PER_KIND): string[] {
  const kinds = new Map<MessageKey, Warning[]>();
  for (const w of warnings) {
    const same = kinds.get(w.kind);
    if (same) same.push(w);
    else kinds.set(w.kind, [w]);
  }
  const out: string[] = [];
  for (const same of kinds.values()) {
    const shown = same.length <= limit + 1 ? same.length : limit;
    for (let k = 0; k < shown; k++) out.push(same[k].text);
    if (shown < same.length) out.push(t.t('warn.more', { count: same.length - limit }));
  }
  return out;
}
