import { planClipStream } from '../stream/clip-stream.js';
import { explainClip } from '../explain/clip.js';
import { type CommandSpec, type OptionValues, defineCommand, optionsAsSpec, lossHeadline, withGrad } from './command.js';
import { toRows, zeros } from '../matrix.js';
import { type ClipResult, clipFromEmbeddings, clipLoss, clipRecall } from '../math/clip.js';
import { type InfoUnit, inUnit, matrixInUnit, unitJson } from '../math/units.js';
import type { SummaryLine } from '../report/report.js';
import type { Report, ReportTable } from '../report/report.js';
import { matrixTable, pairGradientTables, numbered, readEmbeddingPair, readScaleOrTemperature } from './contrastive-tables.js';
import { BASE_OPTION, readBase, unitLabel, unitNotes } from './loss-options.js';
import { checkSoftmaxInput } from './softmax.js';

/** A CLIP result with its losses and gradients in `unit` (logits and probabilities unchanged). */
function clipInUnit<T extends ClipResult>(r: T, unit: InfoUnit): T {
  return {
    ...r,
    lossesI2t: Float64Array.from(r.lossesI2t, (l) => inUnit(l, unit)),
    lossesT2i: Float64Array.from(r.lossesT2i, (l) => inUnit(l, unit)),
    lossI2t: inUnit(r.lossI2t, unit),
    lossT2i: inUnit(r.lossT2i, unit),
    loss: inUnit(r.loss, unit),
    gradLogits: matrixInUnit(r.gradLogits, unit),
  };
}

/** Recall@K as JSON: { "1": 0.67, "5": 1 }. */
function recallJson(recall: Map<number, number>): Record<string, number> {
  return Object.fromEntries([...recall].map(([k, v]) => [String(k), v]));
}

export const clipCommand: CommandSpec = defineCommand<OptionValues>({
  name: 'clip',
  summary: 'help.cmd.clip',
  details: ['help.clip.more', 'help.clip.scale', 'help.clip.data'],
  input: 'optional',
  dataOptions: ['image', 'text'],
  options: [
    { flags: '--image <MATRIX>', description: 'help.opt.image' },
    { flags: '--text <MATRIX>', description: 'help.opt.text' },
    { flags: '-s, --scale <S>', description: 'help.opt.scaleClip' },
    { flags: '-t, --temperature <T>', description: 'help.opt.temperatureClip' },
    { flags: '--no-normalize', description: 'help.opt.noNormalize' },
    { flags: '-g, --grad', description: 'help.opt.grad' },
    BASE_OPTION,
  ],
  examples: [
    'xent clip --example',
    'xent clip "2,0.5,-1; 0.3,1.8,0.2; -0.5,0.4,1.5" --grad',
    'xent clip --image "1,0; 0.6,0.8" --text "0.9,0.1; 0,1" -s 100 -g',
    'xent clip --image @image.csv --text @text.csv -t 0.07 -f json',
  ],
  readSpec: optionsAsSpec,
  abilities: { explain: explainClip, stream: planClipStream, headline: lossHeadline, withGradient: withGrad },
  async run(input, options, context): Promise<Report> {
    const { t, inputSource } = context;
    const pair = await readEmbeddingPair(input, options, context);
    const { scale, temperature } = readScaleOrTemperature(options, 1);
    const normalize = options.normalize !== false;
    const grad = options.grad === true;
    const unit = readBase(options.base as string | undefined);

    let result: ClipResult;
    let embedding: ReturnType<typeof clipFromEmbeddings> | undefined;
    const notes: string[] = [];
    if (pair) {
      const e = clipInUnit(clipFromEmbeddings(pair.image, pair.text, scale, normalize), unit);
      embedding = {
        ...e,
        gradImage: matrixInUnit(e.gradImage, unit),
        gradText: matrixInUnit(e.gradText, unit),
        gradScale: inUnit(e.gradScale, unit),
      };
      result = embedding;
      notes.push(t.t(normalize ? 'note.cosineLogits' : 'note.dotLogits', { scale }));
    } else {
      const matrix = input!;
      const logits = zeros(matrix.rows, matrix.cols);
      for (let k = 0; k < logits.data.length; k++) logits.data[k] = scale * matrix.data[k];
      checkSoftmaxInput(logits, 'row', inputSource);
      checkSoftmaxInput(logits, 'col', inputSource);
      result = clipInUnit(clipLoss(logits), unit);
      if (scale !== 1) notes.push(t.t('note.logitsScaled', { scale }));
    }

    const n = result.logits.rows;
    const ks = n >= 5 ? [1, 5] : [1];
    if (n < 5) notes.push(t.t('note.recall5', { n }));
    const recall = clipRecall(result.logits, ks);
    const labels = numbered(n);
    const texts = input?.colLabels ? [...input.colLabels] : labels;
    const corner = t.label('label.imageText');
    const lossLabel = unitLabel(t, 'label.loss', {}, unit);
    const diagonal = (_v: number, i: number, j: number) => ({ bar: true, mark: i === j });

    const tables: ReportTable[] = [
      matrixTable(result.probsI2t, {
        title: t.label('title.clipI2t'),
        corner,
        rowLabels: labels,
        colLabels: texts,
        cell: diagonal,
        lastColumn: { label: lossLabel, values: result.lossesI2t },
        footnote: t.t('note.markDiagonal'),
      }),
      matrixTable(result.probsT2i, {
        title: t.label('title.clipT2i'),
        corner,
        rowLabels: labels,
        colLabels: texts,
        cell: diagonal,
        lastRow: { label: lossLabel, values: result.lossesT2i },
        footnote: t.t('note.markDiagonal'),
      }),
    ];
    if (grad) tables.push(...pairGradientTables(t, result.gradLogits, embedding, { corner, rows: labels, cols: texts })); // spread-ok: three tables at most

    const summary: SummaryLine[] = [
      { label: unitLabel(t, 'sum.lossI2t', {}, unit), value: result.lossI2t },
      { label: unitLabel(t, 'sum.lossT2i', {}, unit), value: result.lossT2i },
      { label: unitLabel(t, 'sum.lossSymmetric', {}, unit), value: result.loss },
      ...ks.flatMap((k) => [
        { label: t.label('sum.recallI2t', { k }), value: recall.i2t.get(k)! },
        { label: t.label('sum.recallT2i', { k }), value: recall.t2i.get(k)! },
      ]),
    ];
    if (grad && embedding) {
      summary.push({ label: t.label('sum.gradScale'), value: embedding.gradScale });
      if (temperature !== undefined) {
        // scale = 1/T, so ∂loss/∂T = −∂loss/∂scale / T².
        summary.push({ label: t.label('sum.gradTemperature'), value: -embedding.gradScale / temperature ** 2 });
      }
    }
    notes.push(t.t('note.rowLossColumn'));
    notes.push(...unitNotes(t, unit)); // spread-ok: at most one note

    const json: Record<string, unknown> = {
      command: 'clip',
      ...unitJson(unit),
      scale,
      ...(temperature !== undefined ? { temperature } : {}),
      ...(pair ? { normalize } : {}),
      logits: toRows(result.logits),
      probs_i2t: toRows(result.probsI2t),
      probs_t2i: toRows(result.probsT2i),
      losses_i2t: result.lossesI2t,
      losses_t2i: result.lossesT2i,
      loss_i2t: result.lossI2t,
      loss_t2i: result.lossT2i,
      loss: result.loss,
      recall_i2t: recallJson(recall.i2t),
      recall_t2i: recallJson(recall.t2i),
    };
    if (grad) {
      json.grad_logits = toRows(result.gradLogits);
      if (embedding) {
        json.grad_image = toRows(embedding.gradImage);
        json.grad_text = toRows(embedding.gradText);
        json.grad_scale = embedding.gradScale;
        if (temperature !== undefined) json.grad_temperature = -embedding.gradScale / temperature ** 2;
      }
    }
    return {
      tables,
      summary,
      notes,
      data: { colLabels: input?.colLabels, rows: toRows(result.probsI2t) },
      values: [[result.loss]],
      json,
    };
  },
});

