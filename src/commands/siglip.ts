import { siglipChance } from '../ops/siglip/metrics.js';
import { presetOption, readPreset } from './presets.js';
import { gradLogScale } from '../ops/clip/metrics.js';
import { chanceReport } from './chance.js';
import { unitMistakes } from '../teach/expect-diagnose.js';
import { explainSiglip } from '../teach/explain/contrastive.js';
import {
  type CommandSpec,
  type OptionValues,
  type SpecContext,
  defineCommand,
  lossHeadline,
  withGrad,
} from './command.js';
import {
  type SiglipEmbeddingRows,
  type SiglipRows,
  siglipFromEmbeddingsByRow,
  siglipLossByRow,
} from '../ops/siglip/kernel.js';
import { type InfoUnit, inUnit, rowsInUnit, unitJson } from '../core/units.js';
import { type Report, type ReportTable, type SummaryLine, matrixRows, once, sourceRows } from '../report/report.js';
import {
  checkNoMatrixWithPair,
  gradientsInUnit,
  matrixTable,
  pairGradientTables,
  numbered,
  readEmbeddingPair,
  readFinite,
  readScale,
} from './contrastive-tables.js';
import type { SiglipSpec } from '../ops/siglip/spec.js';
import { checkLogitsOnlyOptions } from '../ops/siglip/validate.js';
import { BASE_OPTION, readBase, readListOption, unitLabel, unitNotes } from './loss-options.js';

/** A SigLIP result with its losses and gradient in `unit` (logits and probabilities unchanged). */
function siglipInUnit(r: SiglipRows, unit: InfoUnit): SiglipRows {
  return {
    ...r,
    rowLosses: Float64Array.from(r.rowLosses, (l) => inUnit(l, unit)),
    loss: inUnit(r.loss, unit),
    gradLogits: rowsInUnit(r.gradLogits, unit),
  };
}

/** SigLIP's initial scale t and bias b (the paper's t' = log 10, b = −10). */
const DEFAULT_SCALE = 10;
const DEFAULT_BIAS = -10;

/** The formulas --help shows. */
const SIGLIP_DETAILS = ['help.siglip.more', 'help.siglip.data'] as const;

/**
 * siglip's options, read once. -s, -b and --no-normalize shape logits from embeddings: with
 * a ready logits matrix they are refused (checked by run, which knows whether there is one).
 */
async function readSiglipSpec(options: OptionValues, context: SpecContext): Promise<SiglipSpec> {
  const preset = readPreset(options.as as string | undefined, 'siglip');
  const pair = await readEmbeddingPair(options, context);
  const given = [
    ...(options.scale !== undefined ? ['--scale'] : []),
    ...(options.bias !== undefined ? ['--bias'] : []),
    ...(options.normalize === false ? ['--no-normalize'] : []),
  ];
  if (!pair) checkLogitsOnlyOptions(given, true);
  return {
    ...(pair ? { pair } : {}),
    scale: readScale(options.scale as string | undefined, '--scale', preset.scale ?? DEFAULT_SCALE),
    bias: readFinite(options.bias as string | undefined, '--bias', preset.bias ?? DEFAULT_BIAS),
    ...(preset.library ? { library: preset.library } : {}),
    ...(options.labels !== undefined
      ? { labels: await readListOption(context, options.labels as string, '--labels') }
      : {}),
    normalize: options.normalize !== false,
    grad: options.grad === true,
    unit: readBase(options.base as string | undefined),
  };
}

export const siglipCommand: CommandSpec = defineCommand<SiglipSpec>({
  name: 'siglip',
  summary: 'help.cmd.siglip',
  details: SIGLIP_DETAILS,
  input: 'optional',
  dataOptions: ['image', 'text'],
  options: [
    { flags: '--image <MATRIX>', description: 'help.opt.image' },
    { flags: '--text <MATRIX>', description: 'help.opt.text' },
    { flags: '-s, --scale <t>', description: 'help.opt.scaleSiglip' },
    { flags: '-b, --bias <b>', description: 'help.opt.bias' },
    { flags: '--no-normalize', description: 'help.opt.noNormalize' },
    { flags: '-y, --labels <LIST>', description: 'help.opt.pairLabels' },
    presetOption('siglip'),
    { flags: '-g, --grad', description: 'help.opt.grad' },
    BASE_OPTION,
  ],
  examples: [
    'xent siglip --image "1,0; 0.6,0.8" --text "0.9,0.1; 0,1"',
    'xent siglip --image "1,0; 0.6,0.8" --text "0.9,0.1; 0,1" -s 20 -b -5 -g',
    'xent siglip "5,-12; -9,3"',
    'xent siglip --image @image.csv --text @text.csv -f json',
  ],
  readSpec: readSiglipSpec,
  abilities: {
    explain: explainSiglip,
    headline: lossHeadline,
    mistakes: (spec) => ({ reruns: unitMistakes(spec) }),
    withGradient: withGrad,
  },
  run(input, spec, context): Report {
    const { t } = context;
    const { pair, grad, normalize, unit } = spec;
    checkNoMatrixWithPair(input, pair);
    let result: SiglipRows;
    // Made only for the outputs that print them (two N×N by N×D products).
    let gradients: SiglipEmbeddingRows['gradients'] | undefined;
    let scale: number | undefined;
    let bias: number | undefined;
    const notes: string[] = [];
    if (pair) {
      scale = spec.scale;
      bias = spec.bias;
      const e = siglipFromEmbeddingsByRow(pair.image, pair.text, scale, bias, normalize, spec.labels);
      gradients = gradientsInUnit(() => e.gradients(), unit);
      result = siglipInUnit(e, unit);
      notes.push(t.t(normalize ? 'note.siglipCosine' : 'note.siglipDot', { scale, bias }));
    } else {
      // ±inf logits are fine: softplus gives 0 or inf, and the gradient 0 or ±1/N.
      const logits = input!;
      result = siglipInUnit(siglipLossByRow(logits, spec.labels), unit);
      notes.push(t.t('note.siglipReady'));
    }
    const n = result.logits.rows;
    const labels = numbered(n);
    const texts = input?.colLabels ? [...input.colLabels] : labels;
    const corner = t.label('label.imageText');
    // Tables (and the summary printed with them) only for the outputs that print them.
    const printsTables = context.printsTables !== false;
    const tables: ReportTable[] = printsTables
      ? [
          matrixTable(result.logits, {
            room: context.room,
            title: t.label('title.siglipLogits'),
            corner,
            rowLabels: labels,
            colLabels: texts,
            cell: (_v, i, j) => ({ mark: i === j }),
          }),
          matrixTable(result.probs, {
            room: context.room,
            title: t.label('title.siglipProbs'),
            corner,
            rowLabels: labels,
            colLabels: texts,
            cell: (_v, i, j) => ({ bar: true, mark: i === j }),
            lastColumn: { label: unitLabel(t, 'label.loss', {}, unit), values: result.rowLosses },
            footnote: t.t('note.markDiagonal'),
          }),
        ]
      : [];
    if (grad && printsTables)
      tables.push(
        // spread-ok: three tables at most
        ...pairGradientTables(t, result.gradLogits, gradients?.(), { corner, rows: labels, cols: texts }, context.room),
      );
    const chanceBias = bias ?? 0;
    const chance = chanceReport(
      t,
      {
        nats: siglipChance(result.logits.cols, chanceBias, spec.labels),
        formula: 'chance.siglip',
        params: { bias: chanceBias },
      },
      result.loss,
      unit,
    );
    const summary: SummaryLine[] = [{ label: unitLabel(t, 'sum.loss', {}, unit), value: result.loss }];
    for (const line of chance.summary) summary.push(line);
    if (grad && gradients && printsTables) {
      summary.push({ label: t.label('sum.gradScale'), value: gradients().gradScale });
      summary.push({ label: t.label('sum.gradLogScale'), value: gradLogScale(gradients().gradScale, scale!) });
      summary.push({ label: t.label('sum.gradBias'), value: gradients().gradBias });
    }
    notes.push(t.t('note.siglipShare'));
    notes.push(...unitNotes(t, unit)); // spread-ok: at most one note
    for (const note of chance.notes) notes.push(note);
    // Made when read (by -f json, --expect, --explain): the matrices in it row by row as written.
    const json = once(() => {
      const out: Record<string, unknown> = {
        command: 'siglip',
        ...unitJson(unit),
        ...(spec.library ? { as: spec.library } : {}),
        ...(pair ? { scale, bias, normalize } : {}),
        logits: matrixRows(result.logits),
        probs: sourceRows(result.probs),
        loss: result.loss,
        ...chance.json,
        ...(spec.labels ? { labels: spec.labels } : {}),
      };
      if (grad) {
        out.grad_logits = sourceRows(result.gradLogits);
        if (gradients) {
          const g = gradients();
          out.grad_image = matrixRows(g.gradImage);
          out.grad_text = matrixRows(g.gradText);
          out.grad_scale = g.gradScale;
          out.grad_logit_scale = gradLogScale(g.gradScale, scale!);
          out.grad_bias = g.gradBias;
        }
      }
      return out;
    });
    return {
      tables,
      summary,
      notes,
      data: { colLabels: input?.colLabels, rows: sourceRows(result.probs) },
      values: [[result.loss]],
      get json() {
        return json();
      },
    };
  },
});
