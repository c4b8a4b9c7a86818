import type { MessageKey } from '../../i18n/messages.js';
import { type Explanation, type ExplainLine, formula, text } from './explanation.js';
import type { ExplainInput } from './explainer.js';
import { num, sub } from './numbers.js';

/**
 * The losses without a step-by-step explainer of their own (bce, siglip, ntxent, supcon):
 * their formula as --help states it, then each row's loss and the total.
 */
export function explainByFormula(x: ExplainInput, command: string, details: readonly MessageKey[]): Explanation {
  const { t, report, decimals: d } = x;
  const formulaLines: ExplainLine[] = details.flatMap((key) =>
    t
      .t(key)
      .split('\n')
      .map((line) => text(line)),
  );
  const results: ExplainLine[] = [];
  const losses = report.json.losses;
  if (Array.isArray(losses)) {
    const flat = (losses as unknown[]).flatMap((v) => (Array.isArray(v) ? v : [v])) as (number | null)[];
    const perRow = (losses as unknown[]).every((v) => !Array.isArray(v));
    flat.slice(0, 10).forEach((l, k) => {
      results.push(formula(`L${perRow ? sub(k + 1) : `[${k + 1}]`} = ${l === null ? '—' : num(l, d)}`));
    });
    if (flat.length > 10) results.push(text(t.t('teach.rest.more', { count: flat.length - 10 })));
  }
  if (typeof report.json.loss === 'number') results.push(formula(`L = ${num(report.json.loss, d)}`));
  return {
    title: t.label('teach.generic.title', { command }),
    steps: [
      { heading: t.label('teach.step.formula'), lines: formulaLines },
      { heading: t.label('teach.generic.numbers'), lines: [...results, text(t.t('teach.generic.more'))] },
    ],
  };
}
