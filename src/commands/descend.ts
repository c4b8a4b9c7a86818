import type { LineChart } from '../report/chart.js';
import { type CommandSpec, type OptionValues, type SpecContext, defineCommand, lossHeadline } from './command.js';
import { readPositive } from '../text/option-values.js';
import { XentError } from '../core/errors.js';
import { formatExact, formatFixed } from '../format/number.js';
import type { Translator } from '../i18n/translator.js';
import type { Matrix } from '../core/matrix.js';
import {
  type DescentPoint,
  clipEmbeddingDescent,
  clipMatrixDescent,
  crossEntropyDescent,
} from '../ops/descend/kernel.js';
import { rowLabels } from '../report/labels.js';
import { LazyList, type Report, type ReportTable, matrixRows, numberCell, warning } from '../report/report.js';
import {
  checkNoMatrixWithPair,
  matrixTable,
  numbered,
  readEmbeddingPair,
  readScaleOrTemperature,
} from './contrastive-tables.js';
import type { EmbeddingMatrices } from '../ops/clip/spec.js';
import { checkClipLogits } from '../ops/clip/validate.js';
import { checkSoftmaxInput } from './softmax.js';
import { readTargetList } from './loss-options.js';
import { classTargets } from '../ops/cross-entropy/validate.js';
import { mapMatrix } from '../core/matrix.js';

/** A rate and a step count that show a visible change on the built-in example. */
export const DEFAULT_LR = 1;
export const DEFAULT_STEPS = 5;
const MAX_STEPS = 10_000;

type LossName = 'ce' | 'clip';

/** descend's options as typed values, read once by readDescendSpec (only descend uses them). */
export interface DescendSpec {
  /** From --image and --text (the loss is then clip). */
  readonly pair?: EmbeddingMatrices;
  /** --loss when given; else chosen by run from the input (ce with -y, clip for a square matrix). */
  readonly loss?: LossName;
  readonly lr: number;
  readonly steps: number;
  readonly normalize: boolean;
  /** clip's scale (-s, or 1/T for -t); 1 when neither is given. */
  readonly scale: number;
  /** -s or -t was given: refused with the ce loss. */
  readonly scaleGiven: boolean;
  /** -y as given (0-based or, with --one-based, 1-based), checked against the input by run. */
  readonly target?: readonly number[] | 'diag';
  readonly oneBased: boolean;
}

function readSteps(value: string | undefined): number {
  if (value === undefined) return DEFAULT_STEPS;
  const n = Number(value.trim());
  if (!/^\s*\d+\s*$/.test(value) || n < 1 || n > MAX_STEPS)
    throw new XentError('err.descend.steps', { value, max: MAX_STEPS }, true);
  return n;
}

/** --loss when given (for a readSpec). */
function readLossName(given: string | undefined): LossName | undefined {
  if (given === undefined) return undefined;
  const name = given.trim().toLowerCase();
  if (name !== 'ce' && name !== 'clip')
    throw new XentError('err.badChoice', { option: '--loss', choices: { list: ['ce', 'clip'] }, value: given }, true);
  return name;
}

/**
 * Which loss: --loss if given; else clip for --image/--text, ce for -y, clip for a square
 * matrix without -y. A non-square matrix without -y has no target to descend towards.
 */
function lossOf(spec: DescendSpec, input: Matrix | undefined): LossName {
  if (spec.loss !== undefined) return spec.loss;
  if (input === undefined) return 'clip';
  if (spec.target !== undefined) return 'ce';
  if (input.rows === input.cols) return 'clip';
  throw new XentError('err.descend.noTarget', { rows: input.rows, cols: input.cols }, true);
}

function targetsOf(given: readonly number[] | 'diag' | undefined, input: Matrix, oneBased: boolean): number[] {
  if (given === undefined) throw new XentError('err.ce.noTarget', {}, true);
  // Checked by cross-entropy's own validator, as `xent ce -y` is (descend has no --ignore-index).
  return classTargets(given, input, oneBased);
}

/** descend's options, read once; what depends on the input (the loss by default, the targets' range) is settled by run. */
async function readDescendSpec(options: OptionValues, context: SpecContext): Promise<DescendSpec> {
  const pair = await readEmbeddingPair(options, context);
  const loss = readLossName(options.loss as string | undefined);
  if (pair && loss !== undefined && loss !== 'clip') throw new XentError('err.descend.embeddingsClip', {}, true);
  const lr = options.lr === undefined ? DEFAULT_LR : readPositive(options.lr as string, '--lr');
  const steps = readSteps(options.steps as string | undefined);
  const scaleGiven = options.scale !== undefined || options.temperature !== undefined;
  const targetText = options.target as string | undefined;
  // -s/-t are clip's: with ce (or -y, which clip refuses) run refuses them first, so they are not read here.
  const scale = loss === 'ce' || targetText !== undefined ? 1 : readScaleOrTemperature(options, 1).scale;
  return {
    ...(pair ? { pair } : {}),
    ...(loss !== undefined ? { loss } : {}),
    lr,
    steps,
    normalize: options.normalize !== false,
    scale,
    scaleGiven,
    ...(targetText !== undefined
      ? { target: context.targetsFromColumn ?? (await readTargetList(context, targetText)) }
      : {}),
    oneBased: options.oneBased === true,
  };
}

export const descendCommand: CommandSpec = defineCommand<DescendSpec>({
  name: 'descend',
  summary: 'help.cmd.descend',
  details: ['help.descend.more', 'help.descend.output'],
  input: 'optional',
  dataOptions: ['image', 'text'],
  options: [
    { flags: '-y, --target <LIST>', description: 'help.opt.descend.target' },
    { flags: '--one-based', description: 'help.opt.ce.oneBased' },
    { flags: '--loss <ce|clip>', description: 'help.opt.descend.loss' },
    { flags: '--lr <RATE>', description: 'help.opt.descend.lr' },
    { flags: '--steps <N>', description: 'help.opt.descend.steps' },
    { flags: '--image <MATRIX>', description: 'help.opt.image' },
    { flags: '--text <MATRIX>', description: 'help.opt.text' },
    { flags: '-s, --scale <S>', description: 'help.opt.scaleClip' },
    { flags: '-t, --temperature <T>', description: 'help.opt.temperatureClip' },
    { flags: '--no-normalize', description: 'help.opt.noNormalize' },
  ],
  examples: [
    'xent descend 2 0.5 -1 -y 0',
    'xent descend --example --steps 3',
    'xent descend "2,0.5,-1; 0.3,1.8,0.2" -y 0,2 --lr 0.5 --steps 10 -f csv',
    'xent descend --image "1,0; 0.6,0.8" --text "0.9,0.1; 0,1" -s 10 -f json',
  ],
  readSpec: readDescendSpec,
  // ce's logits (clip's matrix is square: a column is 1×1 there).
  classesInRows: (spec) => spec.loss !== 'clip' && spec.pair === undefined,
  abilities: {
    targetColumn: { option: 'target', flag: '-y, --target', kind: 'classes' },
    headline: lossHeadline,
  },
  run(input, spec, context): Report {
    const { t, inputSource } = context;
    const { pair, lr, steps, normalize } = spec;
    checkNoMatrixWithPair(input, pair);
    const loss = pair ? 'clip' : lossOf(spec, input);

    // The descent, run again (the same steps) for each output that prints its matrices.
    let descent: () => Generator<DescentPoint>;
    let scale = 1;
    let targets: number[] | undefined;
    if (loss === 'ce') {
      if (spec.scaleGiven) throw new XentError('err.descend.ceScale', {}, true);
      checkSoftmaxInput(input!, 'row', inputSource);
      targets = targetsOf(spec.target, input!, spec.oneBased);
      descent = () => crossEntropyDescent(input!, targets!, lr, steps);
    } else {
      if (spec.target !== undefined) throw new XentError('err.descend.clipTarget', {}, true);
      scale = spec.scale;
      if (pair) {
        descent = () => clipEmbeddingDescent(pair.image, pair.text, scale, normalize, lr, steps);
      } else {
        const m = input!;
        // The loss is taken of scale·x: checked as clip checks it (1e308 × 10 is +inf).
        checkClipLogits(
          mapMatrix(m, (v) => scale * v),
          inputSource,
          'descend --loss clip',
        );
        descent = () => clipMatrixDescent(m, scale, lr, steps);
      }
    }

    // Each step's numbers are kept, and the last step's matrix: not every step's matrix.
    const trajectory: Omit<DescentPoint, 'matrix'>[] = [];
    let last: DescentPoint | undefined;
    for (const point of descent()) {
      const { matrix: _matrix, ...numbers } = point;
      trajectory.push(numbers);
      last = point;
      // One class (or one pair): no negative, a loss of 0 at every step; nothing to show.
      if (point.step === 0 && Number.isNaN(point.negative)) throw new XentError('err.descend.noNegative', {});
    }
    const first = trajectory[0];
    if (!last) throw new XentError('err.internal', { message: 'a descent without a step' });
    // A diverging descent ends early (src/ops/descend/kernel.ts): say so in every format.
    const warnings =
      last.step < steps ? [warning(t, 'warn.descend.stopped', { step: last.step, steps, lr: formatExact(lr) })] : [];
    const what = loss === 'ce' ? 'logit' : pair ? 'similarity' : 'logit';
    const stepsTable = (): ReportTable => ({
      title: t.label(loss === 'ce' ? 'descend.title.ce' : 'descend.title.clip', { lr: formatExact(lr), steps }),
      corner: t.label('descend.label.step'),
      colLabels: [
        t.label('label.loss'),
        t.label(loss === 'ce' ? 'descend.label.pTarget' : 'descend.label.pDiagonal'),
        t.label(loss === 'ce' ? 'descend.label.posLogit' : pair ? 'descend.label.posSim' : 'descend.label.posPair'),
        t.label(loss === 'ce' ? 'descend.label.negLogit' : pair ? 'descend.label.negSim' : 'descend.label.negPair'),
      ],
      // Too wide for the terminal: the logits go before the loss and p.
      droppable: [3, 2],
      rows: trajectory.map((p) => ({
        label: String(p.step),
        cells: [
          numberCell(p.loss),
          numberCell(p.pPositive, { bar: true }),
          numberCell(p.positive),
          numberCell(p.negative),
        ],
      })),
      footnote: t.t(loss === 'ce' ? 'descend.footnote.ce' : 'descend.footnote.clip'),
    });
    const n = last.matrix.rows;
    const isPositive = (i: number, j: number) => (targets ? targets[i] === j : i === j);
    const finalTable = matrixTable(last.matrix, {
      room: context.room,
      title: t.label(what === 'logit' ? 'descend.title.finalLogits' : 'descend.title.finalSim', { steps: last.step }),
      corner: loss === 'ce' ? t.label('label.row') : t.label('label.imageText'),
      rowLabels: loss === 'ce' ? rowLabels(n) : numbered(n),
      colLabels:
        loss === 'ce'
          ? input?.colLabels
            ? [...input.colLabels]
            : Array.from({ length: last.matrix.cols }, (_, j) => String(j))
          : numbered(last.matrix.cols),
      cell: (_v, i, j) => ({ mark: isPositive(i, j) }),
      footnote: t.t(loss === 'ce' ? 'descend.footnote.markTarget' : 'note.markDiagonal'),
    });
    const notes = [t.t(loss === 'ce' ? 'descend.note.ruleCe' : 'descend.note.rule', { lr: formatExact(lr) })];
    if (loss === 'clip' && scale !== 1) notes.push(t.t('note.logitsScaled', { scale }));
    if (pair) notes.push(t.t('descend.note.embeddings'));

    // Every step's matrix, for -f json: the descent is run again as it is written.
    const trajectoryJson = new LazyList(function* () {
      for (const p of descent()) {
        yield {
          step: p.step,
          loss: p.loss,
          p_positive: p.pPositive,
          positive: p.positive,
          negative: p.negative,
          [pair ? 'similarity' : 'logits']: matrixRows(p.matrix),
        };
      }
    });
    const pLabel = t.label(loss === 'ce' ? 'descend.label.pTarget' : 'descend.label.pDiagonal');
    const perStep = (title: string, label: string, value: (p: (typeof trajectory)[number]) => number): LineChart => ({
      kind: 'line',
      title,
      xLabel: t.label('descend.chart.step'),
      yLabel: label,
      series: [{ label, points: trajectory.map((p) => [p.step, value(p)] as const) }],
    });
    const charts: LineChart[] = [
      perStep(t.label('descend.chart.loss'), t.label('label.loss'), (p) => p.loss),
      { ...perStep(t.label('descend.chart.p'), pLabel, (p) => p.pPositive), yRange: [0, 1] },
    ];
    return {
      warnings,
      charts,
      // A row of cells per step: only for the outputs that print tables.
      tables: context.printsTables === false ? [] : [stepsTable(), finalTable],
      summary: [
        {
          label: t.label('descend.summary.loss'),
          value: t.label('descend.summary.from', { from: formatFixed(first.loss, 4), to: formatFixed(last.loss, 4) }),
        },
        {
          label: t.label(loss === 'ce' ? 'descend.summary.target' : 'descend.summary.positive'),
          value: changeText(t, first.positive, last.positive),
        },
        {
          label: t.label(loss === 'ce' ? 'descend.summary.others' : 'descend.summary.negative'),
          value: changeText(t, first.negative, last.negative),
        },
      ],
      notes,
      data: {
        colLabels: ['step', 'loss', 'p_positive', 'positive', 'negative'],
        rows: trajectory.map((p) => [p.step, p.loss, p.pPositive, p.positive, p.negative]),
        integerCols: [0],
      },
      values: [[last.loss]],
      json: {
        command: 'descend',
        loss_function: loss,
        lr,
        steps,
        ...(loss === 'clip' ? { scale } : {}),
        ...(targets ? { targets: targets.map((c) => c + (spec.oneBased ? 1 : 0)) } : {}),
        initial_loss: first.loss,
        loss: last.loss,
        trajectory: trajectoryJson,
      },
    };
  },
});

/** The change from → to, signed; "inf → inf" where it is not a number (values that overflowed). */
function changeText(t: Translator, from: number, to: number): string {
  const change = to - from;
  if (Number.isNaN(change))
    return t.label('descend.summary.from', { from: formatFixed(from, 4), to: formatFixed(to, 4) });
  return signedText(change);
}

function signedText(x: number): string {
  const s = x.toFixed(4);
  return x > 0 ? `+${s}` : s.replace(/^-0\.0000$/, '0.0000');
}
