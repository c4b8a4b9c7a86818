import { explainDistill } from '../teach/explain/distill.js';
import { type CommandSpec, defineCommand, lossHeadline, withGrad } from './command.js';
import { readChoice, readNumberOption, readTemperature } from '../text/option-values.js';
import { XentError } from '../core/errors.js';
import { rowView } from '../core/matrix.js';
import { inUnit, listInUnit, matrixInUnit, unitJson } from '../core/units.js';
import { distillLosses } from '../ops/distill/kernel.js';
import { softmax } from '../ops/softmax/kernel.js';
import type { Matrix } from '../core/matrix.js';
import { distillChance, meanOfRows } from '../ops/distill/metrics.js';
import { chanceReport } from './chance.js';
import {
  DISTILL_CLI_NAMES,
  DISTILL_REDUCTIONS,
  DISTILL_REDUCTION_NOTES,
  type DistillSpec,
} from '../ops/distill/spec.js';
import { checkDistillInput, checkDistillOptions, checkHardLabelChoice } from '../ops/distill/validate.js';
import type { ParsedMatrix } from '../text/matrix-text.js';
import { type StepInput, stepInputName } from '../rows/in-step.js';
import { type DistillCliSpec, distillStreams, planDistillInStep } from './streams/distill.js';
import { classLabels, rowLabels } from '../report/labels.js';
import { type Report, type ReportTable, type SummaryLine, matrixRows, numberCell } from '../report/report.js';
import { BASE_OPTION, readBase, readTargetList, unitLabel, unitNotes, reductionName } from './loss-options.js';

/**
 * The spec with both matrices read. readSpec opens them instead only where the run goes row by
 * row (ReadSpecContext.rows, distillStreams), which then takes streamInStep's plan, not these.
 */
function held(spec: DistillCliSpec): DistillSpec {
  if ('rows' in spec) throw new Error('distill: its matrices were opened for the row-by-row path, not read');
  return spec;
}

/**
 * `xent distill --student S --teacher T`: the data come from the two options only ('none': no
 * matrix is read from arguments or stdin), as `xent kl`.
 */
export const distillCommand: CommandSpec = defineCommand<DistillCliSpec>({
  name: 'distill',
  summary: 'help.cmd.distill',
  details: ['help.distill.formula', 'help.distill.reduction', 'help.distill.output', 'help.sweep'],
  input: 'none',
  options: [
    { flags: '--student <MATRIX>', description: 'help.opt.distill.student' },
    { flags: '--teacher <MATRIX>', description: 'help.opt.distill.teacher' },
    { flags: '-t, --temperature <T>', description: 'help.opt.distill.temperature' },
    { flags: '-y, --target <LIST>', description: 'help.opt.distill.target' },
    { flags: '--alpha <A>', description: 'help.opt.distill.alpha' },
    { flags: '-r, --reduction <batchmean|mean|sum|none>', description: 'help.opt.distill.reduction' },
    { flags: '-g, --grad', description: 'help.opt.distill.grad' },
    BASE_OPTION,
  ],
  examples: [
    'xent distill --student "2,0.5,-1; 0.3,1.8,0.2" --teacher "3,1,-2; 0,2.5,1" -t 4',
    'xent distill --student "2,0.5,-1; 0.3,1.8,0.2" --teacher "3,1,-2; 0,2.5,1" -t 4 -y 0,1 --alpha 0.5 -g',
    'xent distill --student @student.csv --teacher @teacher.csv -t 2 -r mean -f json',
  ],
  async readSpec(options, context): Promise<DistillCliSpec> {
    const { readMatrixOption } = context;
    if (options.input !== undefined || options.example === true) throw new XentError('err.distill.input', {}, true);
    const text = (name: string) => options[name] as string | undefined;
    const studentText = text('student');
    const teacherText = text('teacher');
    if (studentText === undefined || teacherText === undefined)
      throw new XentError(
        'err.distill.missing',
        { option: studentText === undefined ? '--student' : '--teacher' },
        true,
      );
    const targetText = text('target');
    const alphaText = text('alpha');
    checkHardLabelChoice(targetText !== undefined, alphaText !== undefined, DISTILL_CLI_NAMES);
    // Standard input can be read once: it feeds one of the matrices (or the labels) at most.
    const fromStdin = (
      [
        ['--student', studentText],
        ['--teacher', teacherText],
        [DISTILL_CLI_NAMES.target, targetText],
      ] as const
    ).filter(([, value]) => value === '@-' || value?.startsWith('@-:'));
    if (fromStdin.length > 1)
      throw new XentError('err.distill.stdinTwice', { first: fromStdin[0][0], second: fromStdin[1][0] }, true);
    const grad = options.grad === true;
    // Row by row where the run and the output allow: the two matrices opened here, read in step later.
    const { rows } = context;
    // Inline matrices are read whole (they are short): only a file (@FILE) makes the in-step reading worth it.
    const aFile = studentText.startsWith('@') || teacherText.startsWith('@');
    const opened = rows && aFile && distillStreams({ grad }, rows.format) ? rows : undefined;
    const open = (value: string, option: string): StepInput => {
      const r = opened!.open(value, option);
      return { name: stepInputName(option, r), rows: r };
    };
    const data = opened
      ? { rows: { student: open(studentText, '--student'), teacher: open(teacherText, '--teacher') } }
      : {
          student: await readMatrixOption(studentText, '--student'),
          teacher: await readMatrixOption(teacherText, '--teacher'),
        };
    const spec: DistillCliSpec = {
      ...data,
      temperature: readTemperature(text('temperature')),
      ...(targetText !== undefined && alphaText !== undefined
        ? { hard: { given: await readTargetList(context, targetText), alpha: readNumberOption(alphaText, '--alpha') } }
        : {}),
      reduction: readChoice(text('reduction'), '--reduction', DISTILL_REDUCTIONS, 'batchmean'),
      unit: readBase(text('base')),
      grad,
    };
    checkDistillOptions(spec);
    return spec;
  },
  abilities: {
    streamInStep: planDistillInStep,
    explain: (x) => explainDistill({ ...x, spec: held(x.spec) }),
    headline: lossHeadline,
    withGradient: withGrad,
    sweep: {
      at: (spec, temperature) => ({ ...spec, temperature }),
      classes: (_input, spec) => classLabels(held(spec).student),
      // What the temperature is for in distillation: the teacher's softened targets.
      read: (json) => ({
        distributions: json.teacher_probs as Iterable<ArrayLike<number>>,
        losses: json.losses as number[],
      }),
      note: 'sweep.note.distill',
    },
  },
  run(_input, cliSpec, { t, printsTables }): Report {
    const spec = held(cliSpec);
    const classes = checkDistillInput(spec);
    const { student, teacher, temperature: T, reduction, unit, grad, hard } = spec;
    const options = {
      temperature: T,
      reduction,
      ...(classes && hard ? { hard: { classes, alpha: hard.alpha } } : {}),
    };
    // Only what is asked for is kept: the gradient with -g; both softmaxes and the per-element
    // terms when a table or the JSON reads them (lazily), so -f value/tsv/csv hold the inputs alone.
    const r = distillLosses(student, teacher, options, { grad });
    const once = (make: () => Matrix) => {
      let made: Matrix | undefined;
      return () => (made ??= make());
    };
    const teacherProbs = once(() => softmax(teacher, T, 'row').probs);
    const studentProbs = once(() => softmax(student, T, 'row').probs);
    const elements = once(() => distillLosses(student, teacher, options, { elements: true }).elements!);
    const kl = listInUnit(r.kl, unit);
    const losses = listInUnit(r.losses, unit);
    const ce = r.ce ? listInUnit(r.ce, unit) : undefined;
    const loss = inUnit(r.loss, unit);
    const gradient = r.grad ? matrixInUnit(r.grad, unit) : undefined;
    const labels = rowLabels(student.rows);
    const names = classLabels(student);
    const inUnitLabel = (key: 'distill.label.kl' | 'distill.label.soft' | 'distill.label.ce' | 'ce.label.loss') =>
      unitLabel(t, key, { t2: T * T }, unit);
    const colLabels = [inUnitLabel('distill.label.kl'), inUnitLabel('distill.label.soft')];
    if (ce) colLabels.push(inUnitLabel('distill.label.ce'));
    colLabels.push(inUnitLabel('ce.label.loss'));
    const tables: ReportTable[] = [
      {
        title: t.label('distill.title.rows'),
        corner: t.label('label.row'),
        colLabels,
        // Too wide for the terminal: KL and the cross-entropy go; T²·KL and the loss stay.
        droppable: ce ? [0, 2] : [0],
        rows: labels.map((label, i) => {
          const cells = [numberCell(kl[i]), numberCell(T * T * kl[i])];
          if (ce) cells.push(numberCell(ce[i]));
          cells.push(numberCell(losses[i]));
          return { label, cells };
        }),
      },
    ];
    const matrixTable = (title: string, m: typeof student, signed = false): ReportTable => ({
      title,
      corner: t.label('label.row'),
      colLabels: names,
      rows: labels.map((label, i) => ({
        label,
        cells: Array.from(rowView(m, i), (v) => numberCell(v, signed ? { signed: true } : { bar: true })),
      })),
    });
    if (printsTables !== false) {
      tables.push(matrixTable(t.label('distill.title.teacher', { T }), teacherProbs()));
      tables.push(matrixTable(t.label('distill.title.student', { T }), studentProbs()));
      if (grad)
        tables.push(
          matrixTable(t.label(reduction === 'none' ? 'distill.title.gradSum' : 'distill.title.grad'), gradient!, true),
        );
    }
    const summary: SummaryLine[] = [];
    if (reduction !== 'none')
      summary.push({
        label: unitLabel(t, 'ce.summary.loss', { reduction: reductionName(reduction) }, unit),
        value: loss,
      });
    summary.push({ label: t.label('distill.summary.temperature'), value: T });
    if (hard) summary.push({ label: t.label('distill.summary.alpha'), value: hard.alpha });
    const chance = chanceReport(
      t,
      { nats: distillChance(teacher, options), formula: 'chance.distill' },
      reduction === 'none' ? meanOfRows(losses) : loss,
      unit,
    );
    for (const line of chance.summary) summary.push(line);

    const notes = [
      t.t(hard ? 'distill.note.mix' : 'distill.note.kl', { T, t2: T * T, alpha: hard?.alpha ?? 0 }),
      t.t(DISTILL_REDUCTION_NOTES[reduction], {
        rows: student.rows,
        cols: student.cols,
        count: student.rows * student.cols,
      }),
    ];
    if (kl.some((d) => d === Infinity)) notes.push(t.t('distill.note.inf'));
    for (const note of unitNotes(t, unit)) notes.push(note);
    if (grad) notes.push(t.t('distill.note.grad', { T }));
    for (const note of chance.notes) notes.push(note);

    const json: Record<string, unknown> = {
      command: 'distill',
      reduction,
      ...unitJson(unit),
      temperature: T,
      alpha: hard ? hard.alpha : null,
      // Getters: computed when the JSON is written or read (a sweep reads teacher_probs), not by -f value.
      get teacher_probs() {
        return matrixRows(teacherProbs());
      },
      get student_probs() {
        return matrixRows(studentProbs());
      },
      kl,
    };
    if (hard && classes) json.targets = classes;
    if (ce) json.ce = ce;
    json.losses = losses;
    if (reduction === 'none')
      Object.defineProperty(json, 'elements', {
        get: () => matrixRows(matrixInUnit(elements(), unit)),
        enumerable: true,
      });
    else json.loss = loss;
    json.chance = chance.json.chance;
    json.loss_over_chance = chance.json.loss_over_chance;
    if (gradient) json.grad = matrixRows(gradient);
    const dataCols = ['kl', 'soft_loss', ...(ce ? ['ce'] : []), 'loss'];
    return {
      tables,
      summary,
      notes,
      infExplained: kl.some((d) => d === Infinity),
      data: gradient
        ? { colLabels: (student as ParsedMatrix).colLabels, rows: matrixRows(gradient) }
        : {
            colLabels: dataCols,
            rows: labels.map((_, i) => [kl[i], T * T * kl[i], ...(ce ? [ce[i]] : []), losses[i]]),
          },
      values: reduction === 'none' ? losses.map((l) => [l]) : [[loss]],
      json,
    };
  },
});
