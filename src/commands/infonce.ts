import { explainInfoNce } from '../teach/explain/infonce.js';
import {
  type CommandSpec,
  type OptionValues,
  type SpecContext,
  defineCommand,
  lossHeadline,
  withGrad,
} from './command.js';
import { readTemperature } from '../text/option-values.js';
import type { Matrix } from '../core/matrix.js';
import { inUnit, listInUnit, matrixInUnit, unitJson } from '../core/units.js';
import {
  type InfoNceEmbeddingResult,
  type InfoNceResult,
  infoNceFromEmbeddings,
  infoNceFromLogits,
} from '../ops/infonce/kernel.js';
import { infoNceChance, positiveAccuracy, positiveFirst } from '../ops/infonce/metrics.js';
import { type InfoNceSpec, MOCO_TEMPERATURE } from '../ops/infonce/spec.js';
import { checkEmbeddingChoice, checkInfoNceEmbeddings, checkInfoNceLogits } from '../ops/infonce/validate.js';
import type { Translator } from '../i18n/translator.js';
import type { MessageKey } from '../i18n/messages.js';
import { rowLabels } from '../report/labels.js';
import { type Report, type ReportTable, type SummaryLine, matrixRows, numberCell, textCell } from '../report/report.js';
import { matrixTable, numbered } from './contrastive-tables.js';
import { XentError } from '../core/errors.js';
import { BASE_OPTION, readBase, readReduction, unitLabel, unitNotes } from './loss-options.js';

/** The options of `xent infonce` as a typed spec: the three embeddings (inline or @FILE) or none, T, -r, --base. */
async function readInfoNceSpec(options: OptionValues, context: SpecContext): Promise<InfoNceSpec> {
  const text = (name: string) => options[name] as string | undefined;
  const [query, pos, neg] = [text('query'), text('pos'), text('neg')];
  checkEmbeddingChoice({ query: query !== undefined, pos: pos !== undefined, neg: neg !== undefined });
  const embeddings =
    query !== undefined && pos !== undefined && neg !== undefined
      ? {
          query: await context.readMatrixOption(query, '--query'),
          pos: await context.readMatrixOption(pos, '--pos'),
          neg: await context.readMatrixOption(neg, '--neg'),
        }
      : undefined;
  const temperatureText = text('temperature');
  return {
    ...(embeddings ? { embeddings } : {}),
    temperature: temperatureText !== undefined ? readTemperature(temperatureText) : embeddings ? MOCO_TEMPERATURE : 1,
    normalize: options.normalize !== false,
    reduction: readReduction(text('reduction')),
    unit: readBase(text('base')),
    grad: options.grad === true,
  };
}

/** A gradient's table, its rows and columns numbered. */
function gradTable(t: Translator, title: MessageKey, m: Matrix, rowsLabel: string[], colsLabel: string[]): ReportTable {
  const spec = { title: t.label(title), corner: t.label('label.row'), rowLabels: rowsLabel, colLabels: colsLabel };
  return matrixTable(m, { ...spec, cell: () => ({ signed: true }) });
}

/** Column names: "+" for the positive, then the negatives 1…K. */
function keyLabels(keys: number): string[] {
  return ['+', ...numbered(keys - 1)];
}

export const infonceCommand: CommandSpec = defineCommand<InfoNceSpec>({
  name: 'infonce',
  summary: 'help.cmd.infonce',
  details: ['help.infonce.formula', 'help.infonce.data', 'help.infonce.output'],
  input: 'optional',
  dataOptions: ['query', 'pos', 'neg'],
  options: [
    { flags: '--query <MATRIX>', description: 'help.opt.infonce.query' },
    { flags: '--pos <MATRIX>', description: 'help.opt.infonce.pos' },
    { flags: '--neg <MATRIX>', description: 'help.opt.infonce.neg' },
    { flags: '-t, --temperature <T>', description: 'help.opt.infonce.temperature' },
    { flags: '--no-normalize', description: 'help.opt.noNormalize' },
    { flags: '-r, --reduction <mean|sum|none>', description: 'help.opt.ce.reduction' },
    { flags: '-g, --grad', description: 'help.opt.grad' },
    BASE_OPTION,
  ],
  examples: [
    'xent infonce "0.9,0.1,-0.3,0.2; 0.5,0.6,0.4,-0.1" -t 0.07',
    'xent infonce --query "1,0; 0.6,0.8" --pos "0.9,0.1; 0.5,0.9" --neg "0,1; -1,0; 0.7,-0.7" -g',
    'xent infonce --query @q.csv --pos @k.csv --neg @queue.csv -t 0.2 -f json',
  ],
  readSpec: readInfoNceSpec,
  abilities: { explain: explainInfoNce, headline: lossHeadline, withGradient: withGrad },
  run(input, spec, { t, inputSource, printsTables }): Report {
    const { embeddings, temperature, normalize, reduction, unit, grad } = spec;
    // Embeddings and a logits matrix are two inputs: refused, not one ignored.
    if (input !== undefined && embeddings !== undefined) throw new XentError('err.matrixAndEmbeddings', {}, true);
    let r: InfoNceResult | InfoNceEmbeddingResult;
    if (embeddings) {
      checkInfoNceEmbeddings(embeddings, normalize);
      r = infoNceFromEmbeddings(embeddings, temperature, normalize, reduction);
    } else {
      checkInfoNceLogits(input!, inputSource);
      r = infoNceFromLogits(input!, temperature, reduction);
    }
    const n = r.logits.rows;
    const keys = r.logits.cols;
    const correct = positiveFirst(r.logits);
    const accuracy = positiveAccuracy(r.logits);
    const chance = infoNceChance(keys);
    const losses = listInUnit(r.losses, unit);
    const queries = numbered(n);
    const tables: ReportTable[] = [
      {
        title: t.label('infonce.title.rows', { negatives: keys - 1 }),
        corner: t.label('infonce.label.query'),
        colLabels: [
          t.label('infonce.label.positive'),
          t.label('infonce.label.topNegative'),
          t.label('infonce.label.pPositive'),
          unitLabel(t, 'ce.label.loss', {}, unit),
          t.label('ce.label.correct'),
        ],
        rows: queries.map((label, i) => {
          let top = -Infinity;
          for (let j = 1; j < keys; j++) top = Math.max(top, r.logits.data[i * keys + j]);
          return {
            label,
            cells: [
              numberCell(r.logits.data[i * keys]),
              numberCell(top),
              numberCell(r.probs.data[i * keys], { bar: true }),
              numberCell(losses[i]),
              correct[i] ? textCell('✓', 'good') : textCell('✗', 'bad'),
            ],
          };
        }),
        footnote: t.t('infonce.footnote.logits', { temperature }),
      },
    ];
    const gradients: Record<string, Matrix> = {};
    if (grad) {
      if ('gradQuery' in r) {
        gradients.grad_query = matrixInUnit(r.gradQuery, unit);
        gradients.grad_pos = matrixInUnit(r.gradPos, unit);
        gradients.grad_neg = matrixInUnit(r.gradNeg, unit);
      } else gradients.grad = matrixInUnit(r.grad, unit);
      if (printsTables !== false) {
        if ('gradQuery' in r) {
          const dims = numbered(r.gradQuery.cols);
          tables.push(
            gradTable(t, 'infonce.title.gradQuery', gradients.grad_query, queries, dims),
            gradTable(t, 'infonce.title.gradPos', gradients.grad_pos, queries, dims),
            gradTable(t, 'infonce.title.gradNeg', gradients.grad_neg, numbered(r.gradNeg.rows), dims),
          );
        } else tables.push(gradTable(t, 'infonce.title.grad', gradients.grad, rowLabels(n), keyLabels(keys)));
      }
    }
    const summary: SummaryLine[] = [];
    if (reduction !== 'none')
      summary.push({ label: unitLabel(t, 'ce.summary.loss', { reduction }, unit), value: inUnit(r.loss, unit) });
    if (reduction !== 'mean')
      summary.push({ label: unitLabel(t, 'ce.summary.meanLoss', {}, unit), value: inUnit(r.meanLoss, unit) });
    summary.push(
      { label: t.label('infonce.summary.accuracy'), value: accuracy },
      { label: unitLabel(t, 'infonce.summary.chance', { keys }, unit), value: inUnit(chance, unit) },
      { label: t.label('infonce.summary.overChance'), value: r.meanLoss / chance },
    );
    const notes = [
      t.t(embeddings ? (normalize ? 'infonce.note.cosine' : 'infonce.note.dot') : 'infonce.note.logits', {
        temperature,
      }),
      t.t('infonce.note.chance', { keys }),
    ];
    if (embeddings && grad) notes.push(t.t('infonce.note.mocoGrad'));
    for (const note of unitNotes(t, unit)) notes.push(note);

    const json: Record<string, unknown> = {
      command: 'infonce',
      form: embeddings ? 'embeddings' : 'logits',
      temperature,
      reduction,
      ...unitJson(unit),
      logits: matrixRows(r.logits),
      losses,
    };
    if (reduction !== 'none') json.loss = inUnit(r.loss, unit);
    json.accuracy = accuracy;
    json.chance = inUnit(chance, unit);
    json.loss_over_chance = r.meanLoss / chance;
    for (const [key, m] of Object.entries(gradients)) json[key] = matrixRows(m);
    const first = gradients.grad ?? gradients.grad_query;
    return {
      tables,
      summary,
      notes,
      data: first
        ? { rows: matrixRows(first) }
        : {
            colLabels: ['p_positive', 'loss', 'correct'],
            rows: losses.map((l, i) => [r.probs.data[i * keys], l, correct[i] ? 1 : 0]),
            integerCols: [2],
          },
      values: reduction === 'none' ? losses.map((l) => [l]) : [[inUnit(r.loss, unit)]],
      json,
    };
  },
});
