// A result of inf must never stand unexplained. Commands that know why (ce, bce, kl) say so
// in their own notes; for the others the CLI adds this general one when one appears.
import type { Translator } from '../i18n/translator.js';
import { LazyList, type Report } from './report.js';

/** True when +inf or −inf appears among the numbers of a JSON-like value (−inf log-probabilities of masked classes excepted). */
function hasInfinity(value: unknown, key = ''): boolean {
  if (typeof value === 'number') return value === Infinity || (value === -Infinity && !/log_probs|logits/.test(key));
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    return Array.from(value as ArrayLike<unknown>).some((v) => hasInfinity(v, key));
  }
  if (value instanceof LazyList) {
    for (const item of value) if (hasInfinity(item, key)) return true;
    return false;
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([k, v]) => hasInfinity(v, k));
  }
  return false;
}

export function withInfNote(report: Report, t: Translator): Report {
  if (report.infExplained || !hasInfinity(report.json)) return report;
  return { ...report, notes: [...report.notes, t.t('note.infGeneric')] };
}
