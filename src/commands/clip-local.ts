// `xent clip` as one rank of open_clip's local_loss computes it (--world-size/--rank with the
// whole batch's embeddings, or a rank's two logits matrices with --text-logits/--label-offset).
import { type ClipLocalResult, clipLocalFromEmbeddings, clipLocalGradScale, clipLocalLoss } from '../ops/clip/local.js';
import { gradLogScale, gradTemperature } from '../ops/clip/metrics.js';
import type { ClipSpec } from '../ops/clip/spec.js';
import { checkSoftmaxInput } from '../ops/softmax/validate.js';
import { type Matrix, mapMatrix } from '../core/matrix.js';
import { inUnit, listInUnit, matrixInUnit, unitJson } from '../core/units.js';
import { type Report, type ReportTable, type SummaryLine, matrixRows } from '../report/report.js';
import type { CommandContext } from '../report/run-context.js';
import { chanceReport } from './chance.js';
import { gradientTable, matrixTable, numbered } from './contrastive-tables.js';
import { unitLabel, unitNotes } from './loss-options.js';

/** The report of one rank's local loss. */
export function clipLocalReport(input: Matrix | undefined, spec: ClipSpec, context: CommandContext): Report {
  const { t } = context;
  const { unit, scale, temperature, grad } = spec;
  let r: ClipLocalResult;
  let embedding: ReturnType<typeof clipLocalFromEmbeddings> | undefined;
  let gradScaleNats: number;
  if (spec.pair && spec.local) {
    embedding = clipLocalFromEmbeddings(
      spec.pair.image,
      spec.pair.text,
      scale,
      spec.normalize,
      spec.local.worldSize,
      spec.local.rank,
    );
    r = embedding;
    gradScaleNats = embedding.gradScale;
  } else {
    const perImage = scale === 1 ? input! : mapMatrix(input!, (x) => scale * x);
    const perText = scale === 1 ? spec.textLogits! : mapMatrix(spec.textLogits!, (x) => scale * x);
    checkSoftmaxInput(perImage, 'row', context.inputSource);
    checkSoftmaxInput(perText, 'row', { key: 'source.option', params: { option: '--text-logits' } });
    r = clipLocalLoss(perImage, perText, spec.labelOffset ?? 0);
    // The logits are s·x and s·x′ of the two given matrices: ∂loss/∂s collects every entry of both.
    gradScaleNats = clipLocalGradScale(r, input!, spec.textLogits!);
  }
  const { rows: n, cols: m } = r.perImage;
  // Rows are named by their pair in the whole batch, as the columns are.
  const rowNames = Array.from({ length: n }, (_, i) => String(i + r.offset + 1));
  const colNames = numbered(m);
  const lossLabel = unitLabel(t, 'label.loss', {}, unit);
  const positive = (_v: number, i: number, j: number) => ({ bar: true, mark: j === i + r.offset });
  const printsTables = context.printsTables !== false;
  const tables: ReportTable[] = printsTables
    ? [
        matrixTable(r.probsI2t, {
          room: context.room,
          title: t.label('title.clipI2t'),
          corner: t.label('label.imageText'),
          rowLabels: rowNames,
          colLabels: colNames,
          cell: positive,
          lastColumn: { label: lossLabel, values: listInUnit(r.lossesI2t, unit) },
          footnote: t.t('note.markDiagonal'),
        }),
        matrixTable(r.probsT2i, {
          room: context.room,
          title: t.label('title.clipLocalT2i'),
          corner: t.label('label.textImage'),
          rowLabels: rowNames,
          colLabels: colNames,
          cell: positive,
          lastColumn: { label: lossLabel, values: listInUnit(r.lossesT2i, unit) },
        }),
      ]
    : [];
  if (grad && embedding && printsTables) {
    tables.push(
      gradientTable(t, 'title.gradImage', matrixInUnit(embedding.gradImage, unit), t.label('label.row'), context.room),
    );
    tables.push(
      gradientTable(t, 'title.gradText', matrixInUnit(embedding.gradText, unit), t.label('label.row'), context.room),
    );
  }
  const loss = inUnit(r.loss, unit);
  // Each direction chooses among the M columns: ln M.
  const chance = chanceReport(t, { nats: Math.log(m), formula: 'chance.clip', params: { n: m } }, loss, unit);
  const summary: SummaryLine[] = [
    { label: unitLabel(t, 'sum.lossI2t', {}, unit), value: inUnit(r.lossI2t, unit) },
    { label: unitLabel(t, 'sum.lossT2i', {}, unit), value: inUnit(r.lossT2i, unit) },
    { label: unitLabel(t, 'sum.lossSymmetric', {}, unit), value: loss },
  ];
  for (const line of chance.summary) summary.push(line);
  const gradScale = inUnit(gradScaleNats, unit);
  if (grad) {
    summary.push({ label: t.label('sum.gradScale'), value: gradScale });
    summary.push({ label: t.label('sum.gradLogScale'), value: gradLogScale(gradScale, scale) });
    if (temperature !== undefined)
      summary.push({ label: t.label('sum.gradTemperature'), value: gradTemperature(gradScale, temperature) });
  }
  const notes = [t.t('note.clipLocal', { rows: n, cols: m, offset: r.offset })];
  for (const note of unitNotes(t, unit)) notes.push(note);
  for (const note of chance.notes) notes.push(note);
  const json: Record<string, unknown> = {
    command: 'clip',
    ...unitJson(unit),
    ...(spec.library ? { as: spec.library } : {}),
    scale,
    ...(temperature !== undefined ? { temperature } : {}),
    ...(spec.local ? { world_size: spec.local.worldSize, rank: spec.local.rank } : {}),
    label_offset: r.offset,
    logits_per_image: matrixRows(r.perImage),
    logits_per_text: matrixRows(r.perText),
    probs_i2t: matrixRows(r.probsI2t),
    probs_t2i: matrixRows(r.probsT2i),
    losses_i2t: listInUnit(r.lossesI2t, unit),
    losses_t2i: listInUnit(r.lossesT2i, unit),
    loss_i2t: inUnit(r.lossI2t, unit),
    loss_t2i: inUnit(r.lossT2i, unit),
    loss,
    ...chance.json,
  };
  if (grad) {
    json.grad_logits_per_image = matrixRows(matrixInUnit(r.gradPerImage, unit));
    json.grad_logits_per_text = matrixRows(matrixInUnit(r.gradPerText, unit));
    if (embedding) {
      json.grad_image = matrixRows(matrixInUnit(embedding.gradImage, unit));
      json.grad_text = matrixRows(matrixInUnit(embedding.gradText, unit));
    }
    json.grad_scale = gradScale;
    json.grad_logit_scale = gradLogScale(gradScale, scale);
    if (temperature !== undefined) json.grad_temperature = gradTemperature(gradScale, temperature);
  }
  return { tables, summary, notes, data: { rows: matrixRows(r.probsI2t) }, values: [[loss]], json };
}
