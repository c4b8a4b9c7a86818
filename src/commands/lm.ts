import { LM_TOKEN_COLUMNS, planLmStream } from './streams/lm.js';
import { explainLm } from '../teach/explain/lm.js';
import {
  type CommandSpec,
  type OptionValues,
  type SpecContext,
  defineCommand,
  lossHeadline,
  withGrad,
} from './command.js';
import { readNumberOption } from '../text/option-values.js';
import { XentError } from '../core/errors.js';
import { inUnit, listInUnit, matrixInUnit, unitJson } from '../core/units.js';
import { DEFAULT_IGNORE_INDEX } from '../ops/cross-entropy/spec.js';
import { type LmResult, lmLoss } from '../ops/lm/kernel.js';
import type { LmSpec } from '../ops/lm/spec.js';
import { checkLmOptions } from '../ops/lm/validate.js';
import type { Translator } from '../i18n/translator.js';
import { classLabels, rowLabels } from '../report/labels.js';
import { type Report, type ReportTable, type SummaryLine, matrixRows, numberCell, textCell } from '../report/report.js';
import { BASE_OPTION, readBase, unitLabel, unitNotes } from './loss-options.js';
import { matrixTable } from './contrastive-tables.js';

/**
 * The options of `xent lm` as a typed spec, read once: the token ids (`-y`, inline or @FILE:
 * a long corpus has long lists), T, --shift, the ignore index; checked against the input in run.
 */
async function readLmSpec(options: OptionValues, context: SpecContext): Promise<LmSpec> {
  const text = (name: string) => options[name] as string | undefined;
  const tokensText = text('target');
  if (tokensText === undefined) throw new XentError('err.lm.noTarget', {}, true);
  const tokens = Array.from((await context.readMatrixOption(tokensText, '-y, --target')).data);
  const seqLenText = text('seqLen');
  const ignoreText = text('ignoreIndex');
  const spec: LmSpec = {
    tokens,
    ...(seqLenText !== undefined ? { seqLen: readNumberOption(seqLenText, '--seq-len') } : {}),
    shift: options.shift === true,
    ignoreIndex: ignoreText !== undefined ? readNumberOption(ignoreText, '--ignore-index') : DEFAULT_IGNORE_INDEX,
    unit: readBase(text('base')),
    grad: options.grad === true,
  };
  checkLmOptions(spec);
  return spec;
}

/** Which sequence each row is in, and its position there (both 1-based). */
function positions(r: LmResult, rows: number): { sequence: number[]; position: number[] } {
  const sequence = new Array<number>(rows);
  const position = new Array<number>(rows);
  r.sequences.forEach((s, k) => {
    for (let p = 0; p < s.rows; p++) {
      sequence[s.start + p] = k + 1;
      position[s.start + p] = p + 1;
    }
  });
  return { sequence, position };
}

function tokenTable(t: Translator, spec: LmSpec, r: LmResult, names: readonly string[]): ReportTable {
  const { sequence, position } = positions(r, r.losses.length);
  const dim = (s: string) => textCell(s, 'dim');
  return {
    title: t.label(spec.shift ? 'lm.title.tokensShift' : 'lm.title.tokens'),
    corner: t.label('label.row'),
    colLabels: [
      t.label('lm.label.sequence'),
      t.label('lm.label.position'),
      t.label('lm.label.token'),
      t.label('ce.label.pTarget'),
      unitLabel(t, 'ce.label.loss', {}, spec.unit),
    ],
    rows: rowLabels(r.losses.length).map((label, i) => {
      const y = r.targets[i];
      const head = [textCell(String(sequence[i])), textCell(String(position[i]))];
      return {
        label,
        cells:
          y === null
            ? [...head, dim('—'), dim('—'), dim('—')]
            : [
                ...head,
                textCell(names[y]),
                numberCell(r.pTarget[i], { bar: true }),
                numberCell(inUnit(r.losses[i], spec.unit)),
              ],
      };
    }),
    footnote: t.t(spec.shift ? 'lm.footnote.shift' : 'lm.footnote.plain'),
  };
}

function sequenceTable(t: Translator, spec: LmSpec, r: LmResult): ReportTable {
  return {
    title: t.label('lm.title.sequences'),
    corner: t.label('lm.label.sequence'),
    colLabels: [
      t.label('lm.label.rows'),
      t.label('lm.label.tokens'),
      unitLabel(t, 'lm.label.meanLoss', {}, spec.unit),
      t.label('lm.label.perplexity'),
    ],
    rows: r.sequences.map((s, k) => ({
      label: String(k + 1),
      cells: [
        textCell(String(s.rows)),
        textCell(String(s.tokens)),
        s.tokens > 0 ? numberCell(inUnit(s.loss, spec.unit)) : textCell('—', 'dim'),
        s.tokens > 0 ? numberCell(s.perplexity) : textCell('—', 'dim'),
      ],
    })),
  };
}

/** The corpus figures, token-weighted and sequence-weighted, each named. */
function summaryOf(t: Translator, spec: LmSpec, r: LmResult, vocab: number): SummaryLine[] {
  const u = spec.unit;
  return [
    { label: t.label('lm.summary.tokens'), value: String(r.tokens) },
    { label: unitLabel(t, 'lm.summary.loss', {}, u), value: inUnit(r.loss, u) },
    { label: t.label('lm.summary.perplexity'), value: r.perplexity },
    { label: unitLabel(t, 'lm.summary.sequenceLoss', {}, u), value: inUnit(r.sequenceLoss, u) },
    { label: t.label('lm.summary.sequencePerplexity'), value: r.sequencePerplexity },
    { label: t.label('lm.summary.meanSequencePerplexity'), value: r.meanSequencePerplexity },
    { label: unitLabel(t, 'lm.summary.chance', { vocab }, u), value: inUnit(Math.log(vocab), u) },
  ];
}

export const lmCommand: CommandSpec = defineCommand<LmSpec>({
  name: 'lm',
  summary: 'help.cmd.lm',
  details: ['help.lm.formula', 'help.lm.means', 'help.lm.output'],
  input: 'matrix',
  options: [
    { flags: '-y, --target <LIST>', description: 'help.opt.lm.target' },
    { flags: '--seq-len <T>', description: 'help.opt.lm.seqLen' },
    { flags: '--shift', description: 'help.opt.lm.shift' },
    { flags: '--ignore-index <K>', description: 'help.opt.lm.ignoreIndex' },
    { flags: '-g, --grad', description: 'help.opt.lm.grad' },
    BASE_OPTION,
  ],
  examples: [
    'xent lm "2,0.5,-1; 0.3,1.8,0.2; 1,0,2; 0,3,-1" -y 0,1,2,1 --seq-len 2',
    'xent lm "2,0.5,-1; 0.3,1.8,0.2; 1,0,2; 0,3,-1" -y 0,1,2,1 --seq-len 2 --shift',
    'xent lm "2,0.5,-1; 0.3,1.8,0.2; 1,0,2; 0,3,-1" -y 0,-100,2,1 --seq-len 2 --base 2',
    'xent lm -i logits.tsv -y @tokens.txt --shift -f value',
  ],
  readSpec: readLmSpec,
  // Each row is one position's logits over the vocabulary, as ce's rows are over classes.
  classesInRows: () => true,
  logitsInRows: () => 'no-option',
  abilities: { explain: explainLm, stream: planLmStream, headline: lossHeadline, withGradient: withGrad },
  run(input, spec, { t, inputSource, printsTables }): Report {
    const r = lmLoss(input, spec, input.breaks, inputSource);
    const { unit } = spec;
    const names = classLabels(input);
    const tables = [tokenTable(t, spec, r, names), sequenceTable(t, spec, r)];
    const grad = spec.grad ? matrixInUnit(r.grad(), unit) : undefined;
    if (grad && printsTables !== false)
      tables.push(
        matrixTable(grad, {
          title: t.label('lm.title.grad'),
          corner: t.label('label.row'),
          rowLabels: rowLabels(input.rows),
          colLabels: names,
          cell: () => ({ signed: true }),
        }),
      );
    const notes = [t.t(spec.shift ? 'lm.note.shift' : 'lm.note.plain'), t.t('lm.note.means')];
    if (r.emptySequences > 0) notes.push(t.t('lm.note.emptySequences', { count: r.emptySequences }));
    const infinite = r.targets.flatMap((y, i) => (y !== null && r.losses[i] === Infinity ? [i + 1] : []));
    if (infinite.length > 0) notes.push(t.t('ce.note.infLogits', { rows: { list: infinite } }));
    for (const note of unitNotes(t, unit)) notes.push(note);

    const chance = Math.log(input.cols);
    const json: Record<string, unknown> = {
      command: 'lm',
      shift: spec.shift,
      ignore_index: spec.ignoreIndex,
      ...unitJson(unit),
      targets: [...r.targets],
      losses: listInUnit(r.losses, unit),
      sequences: r.sequences.map((s) => ({
        start: s.start,
        rows: s.rows,
        tokens: s.tokens,
        loss: s.tokens > 0 ? inUnit(s.loss, unit) : null,
        perplexity: s.tokens > 0 ? s.perplexity : null,
      })),
      tokens: r.tokens,
      loss: inUnit(r.loss, unit),
      perplexity: r.perplexity,
      sequence_loss: inUnit(r.sequenceLoss, unit),
      sequence_perplexity: r.sequencePerplexity,
      mean_sequence_perplexity: r.meanSequencePerplexity,
      chance: inUnit(chance, unit),
      // One token in the vocabulary: chance is 0 and nothing is a fraction of it.
      loss_over_chance: chance > 0 ? r.loss / chance : null,
    };
    if (grad) json.grad = matrixRows(grad);
    const { sequence, position } = positions(r, input.rows);
    return {
      tables,
      summary: summaryOf(t, spec, r, input.cols),
      notes,
      infExplained: infinite.length > 0,
      data: grad
        ? { colLabels: input.colLabels, rows: matrixRows(grad) }
        : {
            colLabels: [...LM_TOKEN_COLUMNS],
            rows: r.targets.map((y, i) => [
              sequence[i],
              position[i],
              y ?? spec.ignoreIndex,
              y === null ? NaN : inUnit(r.losses[i], unit),
            ]),
            integerCols: [0, 1, 2],
          },
      values: [[inUnit(r.loss, unit)]],
      json,
    };
  },
});
