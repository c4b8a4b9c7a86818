import { readNumberList } from '../cli/option-values.js';
import { XentError } from '../errors.js';
import { formatExact } from '../format/number.js';
import type { Translator } from '../i18n/translator.js';
import { type Matrix, at, rowView } from '../matrix.js';
import { binaryCrossEntropy } from '../math/binary-cross-entropy.js';
import { inUnit, matrixInUnit, unitJson } from '../math/units.js';
import { classLabels, rowLabels } from '../report/labels.js';
import { type Report, type ReportTable, type SummaryLine, matrixRows, numberCell } from '../report/report.js';
import type { CommandContext, CommandSpec } from './command.js';
import { BASE_OPTION, checkProbabilities, checkWeights, readBase, readReduction, unitLabel, unitNotes } from './loss-options.js';

/** `--targets`: same shape as the logits, every value in [0, 1]. */
async function readBceTargets(value: string | undefined, input: Matrix, context: CommandContext): Promise<Matrix> {
  if (value === undefined) throw new XentError('err.bce.noTargets', {}, true);
  const y = await context.readMatrixOption(value, '--targets');
  if (y.rows !== input.rows || y.cols !== input.cols) {
    throw new XentError('err.bce.targetsShape', { gotRows: y.rows, gotCols: y.cols, rows: input.rows, cols: input.cols });
  }
  for (let k = 0; k < y.data.length; k++) {
    if (!(y.data[k] >= 0 && y.data[k] <= 1)) {
      throw new XentError('err.bce.targetsRange', {
        value: formatExact(y.data[k]),
        row: Math.floor(k / y.cols) + 1,
        col: (k % y.cols) + 1,
      });
    }
  }
  return y;
}

/** `-w`: 1×C (per column), N×1 (per row) or N×C (per element), as PyTorch broadcasts it. */
async function readBceWeight(value: string | undefined, input: Matrix, context: CommandContext): Promise<Matrix | undefined> {
  if (value === undefined) return undefined;
  const w = await context.readMatrixOption(value, '-w, --weight');
  const fits = (w.rows === 1 || w.rows === input.rows) && (w.cols === 1 || w.cols === input.cols);
  // A single number (1×1) fits too: it scales every element.
  if (!fits) {
    throw new XentError('err.bce.weightShape', { gotRows: w.rows, gotCols: w.cols, rows: input.rows, cols: input.cols });
  }
  checkWeights(w.data, '-w, --weight');
  return w;
}

export const bceCommand: CommandSpec = {
  name: 'bce',
  summary: 'help.cmd.bce',
  details: ['help.bce.formula', 'help.bce.probs', 'help.bce.output'],
  input: 'matrix',
  options: [
    { flags: '--targets <MATRIX>', description: 'help.opt.bce.targets' },
    { flags: '--pos-weight <LIST>', description: 'help.opt.bce.posWeight' },
    { flags: '-w, --weight <MATRIX>', description: 'help.opt.bce.weight' },
    { flags: '-r, --reduction <mean|sum|none>', description: 'help.opt.ce.reduction' },
    { flags: '--probs', description: 'help.opt.bce.probs' },
    { flags: '-g, --grad', description: 'help.opt.ce.grad' },
    BASE_OPTION,
  ],
  examples: [
    'xent bce "2,-1,0.5; -3,4,0" --targets "1,0,1; 0,1,0"',
    'xent bce "2,-1,0.5; -3,4,0" --targets "1,0,1; 0,1,0" --pos-weight 3,1,1 -g',
    'xent bce "0.9,0.2; 0.4,0.7" --probs --targets "1,0; 0,1" -r none',
    'xent bce "1000,-1000" --targets "0,1" -f json',
  ],
  async run(input, options, context): Promise<Report> {
    const { t, inputSource } = context;
    const reduction = readReduction(options.reduction as string | undefined);
    const inputIsProbs = options.probs === true;
    if (inputIsProbs) checkProbabilities(input, inputSource);
    const targets = await readBceTargets(options.targets as string | undefined, input, context);
    const posWeight = options.posWeight !== undefined ? readPosWeight(options.posWeight as string, input.cols) : undefined;
    const weight = await readBceWeight(options.weight as string | undefined, input, context);
    const unit = readBase(options.base as string | undefined);
    const nats = binaryCrossEntropy(input, targets, { posWeight, weight, reduction, inputIsProbs });
    const result = {
      ...nats,
      losses: matrixInUnit(nats.losses, unit),
      loss: inUnit(nats.loss, unit),
      meanLoss: inUnit(nats.meanLoss, unit),
      grad: matrixInUnit(nats.grad, unit),
    };
    const grad = options.grad === true;

    const cols = classLabels(input);
    const labels = rowLabels(input.rows);
    const matrixTable = (title: string, m: Matrix, cell: (v: number, i: number, j: number) => ReturnType<typeof numberCell>): ReportTable => ({
      title,
      corner: t.label('label.row'),
      colLabels: cols,
      rows: labels.map((label, i) => ({ label, cells: Array.from(rowView(m, i), (v, j) => cell(v, i, j)) })),
    });
    // A cell per entry: only for the outputs that print tables.
    const tables: ReportTable[] = context.printsTables === false ? [] : [
      {
        ...matrixTable(t.label(inputIsProbs ? 'bce.title.probsGiven' : 'bce.title.probs'), result.probs, (p, i, j) =>
          numberCell(p, { bar: true, mark: at(targets, i, j) > 0.5 }),
        ),
        footnote: t.t('bce.footnote.target'),
      },
      matrixTable(unitLabel(t, 'bce.title.losses', {}, unit), result.losses, (l) => numberCell(l)),
    ];
    if (grad && context.printsTables !== false) {
      const titleKey = inputIsProbs ? 'bce.title.gradProbs' : reduction === 'none' ? 'bce.title.gradSum' : 'bce.title.grad';
      tables.push(matrixTable(t.label(titleKey), result.grad, (g) => numberCell(g, { signed: true })));
    }

    let hits = 0;
    for (let k = 0; k < input.data.length; k++) {
      if (result.probs.data[k] > 0.5 === targets.data[k] > 0.5) hits++;
    }
    const accuracy = hits / input.data.length;
    const summary: SummaryLine[] = [];
    if (reduction !== 'none') summary.push({ label: unitLabel(t, 'ce.summary.loss', { reduction }, unit), value: result.loss });
    if (reduction !== 'mean') summary.push({ label: unitLabel(t, 'ce.summary.meanLoss', {}, unit), value: result.meanLoss });
    summary.push({
      label: t.label(inputIsProbs ? 'ce.summary.elementAccuracyProbs' : 'ce.summary.elementAccuracy'),
      value: accuracy,
    });

    const notes: string[] = [];
    if (grad && !inputIsProbs) notes.push(t.t('bce.note.grad'));
    const infNotes = infiniteBceNotes(t, nats.losses, input, targets, inputIsProbs);
    notes.push(...infNotes);
    notes.push(...unitNotes(t, unit));

    const json: Record<string, unknown> = { command: 'bce', reduction, ...unitJson(unit), probs: matrixRows(result.probs), losses: matrixRows(result.losses) };
    if (reduction !== 'none') json.loss = result.loss;
    json.accuracy = accuracy;
    if (grad) json.grad = matrixRows(result.grad);

    return {
      tables,
      summary,
      notes,
      // Its own notes say why a loss is inf; an inf elsewhere (a gradient) gets the general note.
      infExplained: infNotes.length > 0,
      // A script wants the per-element losses (or, having asked for --grad, the gradient).
      data: { colLabels: input.colLabels, rows: matrixRows(grad ? result.grad : result.losses) },
      values: reduction === 'none' ? matrixRows(result.losses) : [[result.loss]],
      json,
    };
  },
};

function readPosWeight(value: string, cols: number): number[] {
  const list = readNumberList(value, '--pos-weight');
  if (list.length !== cols) throw new XentError('err.bce.posWeightCount', { got: list.length, cols }, true);
  checkWeights(list, '--pos-weight');
  return list;
}

/** Why a loss is inf: with --probs, p = 0 where y > 0 or p = 1 where y < 1 (−log 0); otherwise an overflow. */
function infiniteBceNotes(t: Translator, losses: Matrix, input: Matrix, targets: Matrix, inputIsProbs: boolean): string[] {
  const zero = new Set<number>();
  const overflow = new Set<number>();
  for (let k = 0; k < losses.data.length; k++) {
    if (losses.data[k] !== Infinity) continue;
    const p = input.data[k];
    const y = targets.data[k];
    const row = Math.floor(k / losses.cols) + 1;
    (inputIsProbs && ((p === 0 && y > 0) || (p === 1 && y < 1)) ? zero : overflow).add(row);
  }
  const notes: string[] = [];
  if (zero.size > 0) notes.push(t.t('bce.note.infProbs', { rows: [...zero].join(', ') }));
  if (overflow.size > 0) notes.push(t.t('note.infOverflow', { rows: [...overflow].join(', ') }));
  return notes;
}
