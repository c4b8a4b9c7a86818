import { planHingeStream } from './streams/hinge.js';
import { explainHinge } from '../teach/explain/hinge.js';
import {
  type CommandSpec,
  type OptionValues,
  type SpecContext,
  defineCommand,
  lossHeadline,
  withGrad,
} from './command.js';
import { readChoice, readNumberOption } from '../text/option-values.js';
import { XentError } from '../core/errors.js';
import { rowView } from '../core/matrix.js';
import { accuracyOf, inTopK } from '../ops/cross-entropy/metrics.js';
import { argmaxRows } from '../ops/softmax/kernel.js';
import { multiClassHinge } from '../ops/hinge/kernel.js';
import { hingeChance } from '../ops/hinge/metrics.js';
import { NATS } from '../core/units.js';
import { chanceReport } from './chance.js';
import { HINGE_STYLES, HINGE_STYLE_NOTES, type HingeSpec } from '../ops/hinge/spec.js';
import { checkHingeInput, checkHingeOptions, checkHingePower } from '../ops/hinge/validate.js';
import { classLabels, rowLabels } from '../report/labels.js';
import { type Report, type ReportTable, type SummaryLine, matrixRows, numberCell, textCell } from '../report/report.js';
import { readListOption, readReduction, readTargetList, reductionName } from './loss-options.js';

/** The options of `xent hinge` as a typed spec, read once; the classes are checked against the input in run. */
async function readHingeSpec(options: OptionValues, context: SpecContext): Promise<HingeSpec> {
  const text = (name: string) => options[name] as string | undefined;
  const targetText = text('target');
  if (targetText === undefined) throw new XentError('err.hinge.noTarget', {}, true);
  const pText = text('p');
  const marginText = text('margin');
  const weightText = text('weight');
  const spec: HingeSpec = {
    target: await readTargetList(context, targetText),
    style: readChoice(text('style'), '--style', HINGE_STYLES, 'ww'),
    p: pText !== undefined ? checkHingePower(readNumberOption(pText, '--p'), '--p') : 1,
    margin: marginText !== undefined ? readNumberOption(marginText, '--margin') : 1,
    ...(weightText !== undefined ? { weight: await readListOption(context, weightText, '-w, --weight') } : {}),
    reduction: readReduction(text('reduction')),
    grad: options.grad === true,
  };
  checkHingeOptions(spec);
  return spec;
}

const HINGE_DETAILS = ['help.hinge.styles', 'help.hinge.options', 'help.hinge.output'] as const;

export const hingeCommand: CommandSpec = defineCommand<HingeSpec>({
  name: 'hinge',
  summary: 'help.cmd.hinge',
  details: HINGE_DETAILS,
  input: 'matrix',
  options: [
    { flags: '-y, --target <LIST>', description: 'help.opt.hinge.target' },
    { flags: '--style <ww|torch|cs>', description: 'help.opt.hinge.style' },
    { flags: '--p <1|2>', description: 'help.opt.hinge.p' },
    { flags: '--margin <M>', description: 'help.opt.hinge.margin' },
    { flags: '-w, --weight <LIST>', description: 'help.opt.hinge.weight' },
    { flags: '-r, --reduction <mean|sum|none>', description: 'help.opt.ce.reduction' },
    { flags: '-g, --grad', description: 'help.opt.ce.grad' },
  ],
  examples: [
    'xent hinge "3.2,5.1,-1.7; 1.3,4.9,2.0; 2.2,2.5,-3.1" -y 0,1,2',
    'xent hinge "3.2,5.1,-1.7" -y 0 --style torch -g',
    'xent hinge "3.2,5.1,-1.7; 1.3,4.9,2.0" -y 0,1 --style cs --p 2 --margin 0.5 -r none',
    'xent hinge "3.2,5.1,-1.7; 1.3,4.9,2.0" -y 0,1 --style torch -w 1,2,1 -f json',
  ],
  readSpec: readHingeSpec,
  abilities: { explain: explainHinge, stream: planHingeStream, headline: lossHeadline, withGradient: withGrad },
  run(input, spec, { t, inputSource, printsTables }): Report {
    const classes = checkHingeInput(input, spec, inputSource);
    const r = multiClassHinge(input, classes, spec);
    const { reduction, grad } = spec;
    const names = classLabels(input);
    const predicted = argmaxRows(input);
    const correct = classes.map((y, i) => inTopK(rowView(input, i), y, 1));
    const accuracy = accuracyOf(correct);
    const tables: ReportTable[] = [
      {
        title: t.label('hinge.title.rows', { style: spec.style }),
        corner: t.label('label.row'),
        colLabels: [
          t.label('ce.label.target'),
          t.label('ce.label.predicted'),
          t.label('hinge.label.score'),
          t.label(spec.style === 'cs' ? 'hinge.label.violatedCs' : 'hinge.label.violated'),
          t.label('ce.label.loss'),
          t.label('ce.label.correct'),
        ],
        // Too wide for the terminal: ✓, the target, the violations and the score go; arg-max and the loss stay.
        droppable: [5, 0, 3, 2],
        rows: rowLabels(input.rows).map((label, i) => ({
          label,
          cells: [
            textCell(names[classes[i]]),
            textCell(names[predicted[i]]),
            numberCell(input.data[i * input.cols + classes[i]]),
            textCell(String(r.violations[i])),
            numberCell(r.losses[i]),
            correct[i] ? textCell('✓', 'good') : textCell('✗', 'bad'),
          ],
        })),
        footnote: t.t('hinge.footnote.correct'),
      },
    ];
    if (grad && printsTables !== false)
      tables.push({
        title: t.label(reduction === 'none' ? 'hinge.title.gradSum' : 'hinge.title.grad'),
        corner: t.label('label.row'),
        colLabels: names,
        rows: rowLabels(input.rows).map((label, i) => ({
          label,
          cells: Array.from(rowView(r.grad, i), (g) => numberCell(g, { signed: true })),
        })),
      });
    const summary: SummaryLine[] = [];
    if (reduction !== 'none')
      summary.push({ label: t.label('ce.summary.loss', { reduction: reductionName(reduction) }), value: r.loss });
    if (reduction !== 'mean') summary.push({ label: t.label('ce.summary.meanLoss'), value: r.meanLoss });
    summary.push({ label: t.label('hinge.summary.accuracy'), value: accuracy });
    const chance = chanceReport(
      t,
      { nats: hingeChance(input, classes, spec), formula: 'chance.hinge' },
      reduction === 'none' ? r.meanLoss : r.loss,
      NATS,
    );
    for (const line of chance.summary) summary.push(line);
    const notes = [
      t.t(HINGE_STYLE_NOTES[spec.style], { margin: spec.margin, p: spec.p, classes: input.cols }),
      t.t('hinge.note.kink'),
    ];
    if (spec.weight) notes.push(t.t('hinge.note.weight'));
    for (const note of chance.notes) notes.push(note);

    const json: Record<string, unknown> = {
      command: 'hinge',
      style: spec.style,
      p: spec.p,
      margin: spec.margin,
      reduction,
      targets: classes,
      losses: Array.from(r.losses),
      violations: Array.from(r.violations),
    };
    if (reduction !== 'none') json.loss = r.loss;
    json.chance = chance.json.chance;
    json.loss_over_chance = chance.json.loss_over_chance;
    json.accuracy = accuracy;
    if (grad) json.grad = matrixRows(r.grad);
    return {
      tables,
      summary,
      notes,
      data: grad
        ? { colLabels: input.colLabels, rows: matrixRows(r.grad) }
        : {
            colLabels: ['target', 'loss', 'violations', 'correct'],
            rows: classes.map((y, i) => [y, r.losses[i], r.violations[i], correct[i] ? 1 : 0]),
            integerCols: [0, 2, 3],
          },
      values: reduction === 'none' ? Array.from(r.losses, (l) => [l]) : [[r.loss]],
      json,
    };
  },
});
