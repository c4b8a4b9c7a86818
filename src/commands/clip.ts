import { clipMistakes } from '../teach/expect-mistakes.js';
import { planClipStream } from './streams/clip.js';
import { explainClip } from '../teach/explain/clip.js';
import {
  type CommandSpec,
  type OptionValues,
  type SpecContext,
  defineCommand,
  lossHeadline,
  withGrad,
} from './command.js';
import { zeros } from '../core/matrix.js';
import { type ClipEmbeddingRows, type ClipRows, clipFromEmbeddingsByRow, clipLossByRow } from '../ops/clip/kernel.js';
import {
  clipChance,
  clipRecall,
  clipRecallMatching,
  gradLogScale,
  gradScaleOfMatrix,
  gradTemperature,
  recallKs,
} from '../ops/clip/metrics.js';
import { chanceReport } from './chance.js';
import { presetOption, readPreset } from './presets.js';
import { clipLocalReport } from './clip-local.js';
import { pairMatch } from '../ops/siglip/kernel.js';
import { readNumberOption } from '../text/option-values.js';
import { type InfoUnit, inUnit, rowsInUnit, unitJson } from '../core/units.js';
import type { SummaryLine } from '../report/report.js';
import { type Report, type ReportTable, matrixRows, once, sourceRows } from '../report/report.js';
import {
  checkNoMatrixWithPair,
  gradientsInUnit,
  matrixTable,
  pairGradientTables,
  numbered,
  readEmbeddingPair,
  readScaleOrTemperature,
} from './contrastive-tables.js';
import { BASE_OPTION, readBase, readListOption, unitLabel, unitNotes } from './loss-options.js';
import type { ClipSpec } from '../ops/clip/spec.js';
import { checkClipInputChoice, checkClipLogits } from '../ops/clip/validate.js';
import { DTYPE_OPTIONS, readDtype, replayKey, withReplay } from './replay.js';
import { explainReplay } from '../teach/dtype.js';
import { type Replay, replay } from '../core/replay.js';
import { type ClipReplayed, clipReplayed } from '../ops/clip/replay.js';
import type { Matrix } from '../core/matrix.js';

/** A CLIP result with its losses and gradient in `unit` (logits and probabilities unchanged). */
function clipInUnit(r: ClipRows, unit: InfoUnit): ClipRows {
  return {
    ...r,
    lossesI2t: Float64Array.from(r.lossesI2t, (l) => inUnit(l, unit)),
    lossesT2i: Float64Array.from(r.lossesT2i, (l) => inUnit(l, unit)),
    lossI2t: inUnit(r.lossI2t, unit),
    lossT2i: inUnit(r.lossT2i, unit),
    loss: inUnit(r.loss, unit),
    gradLogits: rowsInUnit(r.gradLogits, unit),
  };
}

/** Recall@K as JSON: { "1": 0.67, "5": 1 }. */
function recallJson(recall: Map<number, number>): Record<string, number> {
  return Object.fromEntries([...recall].map(([k, v]) => [String(k), v]));
}

/** clip's options, read once: the embeddings, -s or -t, --no-normalize, -g and --base. */
async function readClipSpec(options: OptionValues, context: SpecContext): Promise<ClipSpec> {
  const preset = readPreset(options.as as string | undefined, 'clip');
  const pair = await readEmbeddingPair(options, context);
  const textLogitsText = options.textLogits as string | undefined;
  checkClipInputChoice({
    embeddings: pair !== undefined,
    worldSize: options.worldSize !== undefined,
    rank: options.rank !== undefined,
    textLogits: textLogitsText !== undefined,
    labelOffset: options.labelOffset !== undefined,
    labels: options.labels !== undefined,
  });
  const local = readLocal(options);
  const { scale, temperature } = readScaleOrTemperature(options, preset.scale ?? 1);
  // The replay covers a logits matrix (scaled or not); embeddings go through norms and a product.
  const precision = readDtype(options, 'clip', [
    [pair !== undefined, '--image, --text'],
    [options.grad === true, '-g, --grad'],
    [options.base !== undefined, '--base'],
    [options.labels !== undefined, '-y, --labels'],
    [textLogitsText !== undefined, '--text-logits'],
  ]);
  return {
    ...(precision ? { precision } : {}),
    ...(pair ? { pair } : {}),
    scale,
    ...(temperature !== undefined ? { temperature } : {}),
    normalize: options.normalize !== false,
    grad: options.grad === true,
    unit: readBase(options.base as string | undefined),
    unitNamed: options.base !== undefined,
    ...(preset.library ? { library: preset.library } : {}),
    ...(local ? { local } : {}),
    ...(options.labels !== undefined
      ? { labels: await readListOption(context, options.labels as string, '--labels') }
      : {}),
    ...(textLogitsText !== undefined
      ? {
          textLogits: await context.readMatrixOption(textLogitsText, '--text-logits'),
          labelOffset:
            options.labelOffset === undefined ? 0 : readNumberOption(options.labelOffset as string, '--label-offset'),
        }
      : {}),
  };
}

/** CLIP's loss of a logits matrix replayed in the spec's --dtype. */
function clipReplay(matrix: Matrix, spec: ClipSpec): Replay<ClipReplayed> {
  return replay(spec.precision!, (a, trace) => clipReplayed(matrix, spec.scale, spec.precision!.naive, a, trace));
}

/** --world-size W and --rank R (open_clip's local_loss; checkClipInputChoice has seen them together); checked against the rows by the kernel. */
function readLocal(options: OptionValues): ClipSpec['local'] {
  const size = options.worldSize as string | undefined;
  const rank = options.rank as string | undefined;
  if (size === undefined || rank === undefined) return undefined;
  return { worldSize: readNumberOption(size, '--world-size'), rank: readNumberOption(rank, '--rank') };
}

export const clipCommand: CommandSpec = defineCommand<ClipSpec>({
  name: 'clip',
  summary: 'help.cmd.clip',
  details: ['help.clip.more', 'help.clip.scale', 'help.clip.data', 'help.clip.local', 'help.sweep'],
  input: 'optional',
  dataOptions: ['image', 'text'],
  options: [
    { flags: '--image <MATRIX>', description: 'help.opt.image' },
    { flags: '--text <MATRIX>', description: 'help.opt.text' },
    { flags: '-s, --scale <S>', description: 'help.opt.scaleClip' },
    { flags: '-t, --temperature <T>', description: 'help.opt.temperatureClip' },
    { flags: '--no-normalize', description: 'help.opt.noNormalize' },
    { flags: '-y, --labels <LIST>', description: 'help.opt.pairLabels' },
    { flags: '--world-size <W>', description: 'help.opt.worldSize' },
    { flags: '--rank <R>', description: 'help.opt.rank' },
    { flags: '--text-logits <MATRIX>', description: 'help.opt.textLogits' },
    { flags: '--label-offset <K>', description: 'help.opt.labelOffset' },
    presetOption('clip'),
    { flags: '-g, --grad', description: 'help.opt.grad' },
    BASE_OPTION,
    ...DTYPE_OPTIONS, // spread-ok: two options
  ],
  examples: [
    'xent clip --example',
    'xent clip "2,0.5,-1; 0.3,1.8,0.2; -0.5,0.4,1.5" --grad',
    'xent clip --image "1,0; 0.6,0.8" --text "0.9,0.1; 0,1" -s 100 -g',
    'xent clip --image @image.csv --text @text.csv -t 0.07 -f json',
    'xent clip --image @all-images.csv --text @all-texts.csv --world-size 4 --rank 1 -s 14.29 -g',
  ],
  readSpec: readClipSpec,
  logitsInRows: () => 'no-option',
  abilities: {
    explain: (x) =>
      x.spec.precision ? explainReplay(x, clipReplay(x.input!, x.spec), { command: 'clip' }) : explainClip(x),
    stream: (spec, context) => (spec.precision ? undefined : planClipStream(spec, context)),
    headline: (spec, json) =>
      spec.precision ? replayKey(lossHeadline(spec, json), spec.precision.dtype) : lossHeadline(spec, json),
    mistakes: clipMistakes,
    withGradient: withGrad,
    sweep: {
      at: (spec, temperature) => ({ ...spec, scale: 1 / temperature, temperature }),
      classes: (input, _spec, json) =>
        input?.colLabels ? [...input.colLabels] : numbered((json.losses_t2i as number[]).length),
      read: (json) => ({
        distributions: json.probs_i2t as Iterable<ArrayLike<number>>,
        losses: json.losses_i2t as number[],
      }),
      note: 'sweep.note.clip',
    },
  },
  run(input, spec, context): Report {
    const { t, inputSource } = context;
    const { pair, scale, temperature, normalize, grad, unit } = spec;
    checkNoMatrixWithPair(input, pair);
    // One rank of open_clip's local_loss: two n × M logits matrices, not one square one.
    if (spec.local || spec.textLogits) {
      return clipLocalReport(input, spec, context);
    }

    let result: ClipRows;
    // Made only for the outputs that print them (two N×N by N×D products).
    let gradients: ClipEmbeddingRows['gradients'] | undefined;
    const notes: string[] = [];
    if (pair) {
      const e = clipFromEmbeddingsByRow(pair.image, pair.text, scale, normalize, spec.labels);
      gradients = gradientsInUnit(() => e.gradients(), unit);
      result = clipInUnit(e, unit);
      notes.push(t.t(normalize ? 'note.cosineLogits' : 'note.dotLogits', { scale }));
    } else {
      const matrix = input!;
      // With scale 1 the matrix is the logits (1·x is x): no second N×N matrix.
      const logits = scale === 1 ? matrix : zeros(matrix.rows, matrix.cols);
      if (scale !== 1) for (let k = 0; k < logits.data.length; k++) logits.data[k] = scale * matrix.data[k];
      checkClipLogits(logits, inputSource);
      result = clipInUnit(clipLossByRow(logits, spec.labels), unit);
      if (scale !== 1) notes.push(t.t('note.logitsScaled', { scale }));
    }

    const n = result.logits.rows;
    const ks = recallKs(n);
    if (n < 5) notes.push(t.t('note.recall5', { n }));
    const recall = spec.labels
      ? clipRecallMatching(result.logits, ks, pairMatch(n, spec.labels))
      : clipRecall(result.logits, ks);
    const labels = numbered(n);
    const texts = input?.colLabels ? [...input.colLabels] : labels;
    const corner = t.label('label.imageText');
    const lossLabel = unitLabel(t, 'label.loss', {}, unit);
    const diagonal = (_v: number, i: number, j: number) => ({ bar: true, mark: i === j });
    // Tables (and the summary printed with them) only for the outputs that print them.
    const printsTables = context.printsTables !== false;

    const tables: ReportTable[] = printsTables
      ? [
          matrixTable(result.probsI2t, {
            room: context.room,
            title: t.label('title.clipI2t'),
            corner,
            rowLabels: labels,
            colLabels: texts,
            cell: diagonal,
            lastColumn: { label: lossLabel, values: result.lossesI2t },
            footnote: t.t('note.markDiagonal'),
          }),
          matrixTable(result.probsT2i, {
            room: context.room,
            title: t.label('title.clipT2i'),
            corner,
            rowLabels: labels,
            colLabels: texts,
            cell: diagonal,
            lastRow: { label: lossLabel, values: result.lossesT2i },
            footnote: t.t('note.markDiagonal'),
          }),
        ]
      : [];
    if (grad && printsTables)
      tables.push(
        // spread-ok: three tables at most
        ...pairGradientTables(t, result.gradLogits, gradients?.(), { corner, rows: labels, cols: texts }, context.room),
      );

    const chance = chanceReport(t, { nats: clipChance(n), formula: 'chance.clip', params: { n } }, result.loss, unit);
    const summary: SummaryLine[] = [
      { label: unitLabel(t, 'sum.lossI2t', {}, unit), value: result.lossI2t },
      { label: unitLabel(t, 'sum.lossT2i', {}, unit), value: result.lossT2i },
      { label: unitLabel(t, 'sum.lossSymmetric', {}, unit), value: result.loss },
      ...chance.summary,
      ...ks.flatMap((k) => [
        { label: t.label('sum.recallI2t', { k }), value: recall.i2t.get(k)! },
        { label: t.label('sum.recallT2i', { k }), value: recall.t2i.get(k)! },
      ]),
    ];
    // ∂loss/∂s: through the embeddings, or Σ (∂loss/∂logits)·x for a given matrix x (logits s·x).
    const gradScaleOf = once(() => (gradients ? gradients().gradScale : gradScaleOfMatrix(result.gradLogits, input!)));
    if (grad && printsTables) {
      const gradScale = gradScaleOf();
      summary.push({ label: t.label('sum.gradScale'), value: gradScale });
      summary.push({ label: t.label('sum.gradLogScale'), value: gradLogScale(gradScale, scale) });
      if (temperature !== undefined) {
        summary.push({ label: t.label('sum.gradTemperature'), value: gradTemperature(gradScale, temperature) });
      }
    }
    notes.push(t.t('note.rowLossColumn'));
    notes.push(...unitNotes(t, unit)); // spread-ok: at most one note
    for (const note of chance.notes) notes.push(note);

    // Made when read (by -f json, --expect, --explain): the matrices in it row by row as written.
    const json = once(() => {
      const out: Record<string, unknown> = {
        command: 'clip',
        ...unitJson(unit),
        ...(spec.library ? { as: spec.library } : {}),
        scale,
        ...(temperature !== undefined ? { temperature } : {}),
        ...(pair ? { normalize } : {}),
        logits: matrixRows(result.logits),
        probs_i2t: sourceRows(result.probsI2t),
        probs_t2i: sourceRows(result.probsT2i),
        losses_i2t: result.lossesI2t,
        losses_t2i: result.lossesT2i,
        loss_i2t: result.lossI2t,
        loss_t2i: result.lossT2i,
        loss: result.loss,
        ...chance.json,
        ...(spec.labels ? { labels: spec.labels } : {}),
        recall_i2t: recallJson(recall.i2t),
        recall_t2i: recallJson(recall.t2i),
      };
      if (grad) {
        out.grad_logits = sourceRows(result.gradLogits);
        if (gradients) {
          const g = gradients();
          out.grad_image = matrixRows(g.gradImage);
          out.grad_text = matrixRows(g.gradText);
        }
        out.grad_scale = gradScaleOf();
        out.grad_logit_scale = gradLogScale(gradScaleOf(), scale);
        if (temperature !== undefined) out.grad_temperature = gradTemperature(gradScaleOf(), temperature);
      }
      return out;
    });
    const report: Report = {
      tables,
      summary,
      notes,
      data: { colLabels: input?.colLabels, rows: sourceRows(result.probsI2t) },
      values: [[result.loss]],
      get json() {
        return json();
      },
    };
    if (!spec.precision) return report;
    const replayed = clipReplay(input!, spec).result;
    return withReplay(
      t,
      report,
      spec.precision,
      [
        { key: 'loss', value: [replayed.loss], exact: [result.loss] },
        { key: 'loss_i2t', value: [replayed.lossI2t], exact: [result.lossI2t] },
        { key: 'loss_t2i', value: [replayed.lossT2i], exact: [result.lossT2i] },
        { key: 'losses_i2t', value: replayed.lossesI2t, exact: result.lossesI2t },
        { key: 'losses_t2i', value: replayed.lossesT2i, exact: result.lossesT2i },
      ],
      context.printsTables,
      scale === 1 ? [] : [t.t('note.logitsScaled', { scale })],
    );
  },
});
