import type { Lang } from './lang.js';
import { catalogue, type MessageKey, type MessageParam, type MessageParams } from './messages.js';

export interface Translator {
  readonly lang: Lang;
  /** A sentence. In `both`, the Chinese and the English text on two lines. */
  t(key: MessageKey, params?: MessageParams): string;
  /** A short label (table header, title). In `both`, "概率 Probability" on one line. */
  label(key: MessageKey, params?: MessageParams): string;
}

type Single = 'en' | 'zh';

function render(which: Single, key: MessageKey, params: MessageParams): string {
  return catalogue[which][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? renderParam(which, params[name]) : whole,
  );
}

function renderParam(which: Single, param: MessageParam): string {
  if (typeof param === 'object') {
    if ('list' in param)
      return param.list.map((item) => renderParam(which, item)).join(catalogue[which]['list.separator']);
    return render(which, param.key, param.params ?? {});
  }
  // A number as xent writes numbers (inf, -inf, nan): checks below the formatters pass numbers.
  if (typeof param === 'number' && !Number.isFinite(param))
    return Number.isNaN(param) ? 'nan' : param > 0 ? 'inf' : '-inf';
  return String(param);
}

export function makeTranslator(lang: Lang): Translator {
  const pick =
    (joiner: string) =>
    (key: MessageKey, params: MessageParams = {}) =>
      lang === 'both' ? `${render('zh', key, params)}${joiner}${render('en', key, params)}` : render(lang, key, params);
  return { lang, t: pick('\n'), label: pick(' ') };
}
