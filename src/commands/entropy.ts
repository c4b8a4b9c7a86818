import { type CommandSpec, defineCommand } from './command.js';
import { unitMistakes } from '../teach/expect-diagnose.js';
import { explainEntropy } from '../teach/explain/information.js';
import { formatExact } from '../format/number.js';
import { rowView } from '../core/matrix.js';
import { inUnit, unitJson } from '../core/units.js';
import { entropy } from '../ops/entropy/kernel.js';
import type { EntropySpec } from '../ops/entropy/spec.js';
import { checkDistributions } from '../ops/entropy/validate.js';
import { rowCorner, rowLabels, rowLabelsJson } from '../report/labels.js';
import { type Report, matrixRows, numberCell } from '../report/report.js';
import { BASE_INFO_OPTION, readBase, unitKey, unitLabel } from './loss-options.js';

/**
 * `xent entropy`: H(p) = −Σ p log p of each row, in the unit of --base, with the row's
 * perplexity e^H (in nats), the effective number of equally likely classes.
 */
export const entropyCommand: CommandSpec = defineCommand<EntropySpec>({
  name: 'entropy',
  summary: 'help.cmd.entropy',
  details: ['help.entropy.more', 'help.entropy.output'],
  input: 'matrix',
  options: [BASE_INFO_OPTION],
  examples: [
    'xent entropy "0.5,0.25,0.25; 1,0,0" --base 2',
    'xent entropy "0.7856,0.1753,0.0391"',
    'xent entropy -i probs.csv -f json',
  ],
  readSpec: (options) => ({ unit: readBase(options.base as string | undefined) }),
  classesInRows: () => true,
  abilities: {
    headline: () => 'entropy',
    explain: explainEntropy,
    mistakes: (spec) => ({ reruns: unitMistakes(spec) }),
    probabilityInput: () => true,
  },
  run(input, { unit }, { t, inputSource }): Report {
    checkDistributions(input, inputSource);
    const nats = Array.from({ length: input.rows }, (_, i) => entropy(rowView(input, i)));
    const entropies = nats.map((h) => inUnit(h, unit));
    const perplexity = nats.map((h) => Math.exp(h));
    const mean = entropies.reduce((a, b) => a + b, 0) / entropies.length;
    const max = inUnit(Math.log(input.cols), unit);
    return {
      tables: [
        {
          title: t.label('info.title.entropy'),
          corner: rowCorner(t, input),
          colLabels: [unitLabel(t, 'info.label.entropy', {}, unit, true), t.label('info.label.perplexity')],
          droppable: [1],
          rows: rowLabels(input.rows, input.rowLabels).map((label, i) => ({
            label,
            cells: [numberCell(entropies[i]), numberCell(perplexity[i])],
          })),
        },
      ],
      summary: [{ label: unitLabel(t, 'info.sum.meanEntropy', {}, unit, true), value: mean }],
      notes: [
        t.t('info.note.maxEntropy', {
          classes: input.cols,
          log: unit.log,
          max: formatExact(Number(max.toPrecision(4))),
          unit: { key: unitKey(unit) },
        }),
        t.t('info.note.perplexity'),
      ],
      data: { colLabels: ['entropy', 'perplexity'], rows: entropies.map((h, i) => [h, perplexity[i]]) },
      values: entropies.map((h) => [h]),
      json: {
        command: 'entropy',
        ...unitJson(unit),
        ...rowLabelsJson(input),
        probs: matrixRows(input),
        entropy: entropies,
        perplexity,
        mean_entropy: mean,
      },
    };
  },
});
