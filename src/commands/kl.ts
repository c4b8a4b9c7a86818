import { type CommandSpec, defineCommand } from './command.js';
import { unitMistakes } from '../teach/expect-diagnose.js';
import { explainKl } from '../teach/explain/information.js';
import { XentError } from '../core/errors.js';
import { rowView } from '../core/matrix.js';
import { inUnit, matrixInUnit, unitJson } from '../core/units.js';
import { type KlPair, crossFromLog, entropyFromLog, klElements, klFromLogs, klReduced } from '../ops/kl/kernel.js';
import { DISTILL_REDUCTIONS } from '../ops/distill/spec.js';
import { readChoice, readTemperature } from '../text/option-values.js';
import type { KlSpec } from '../ops/kl/spec.js';
import { checkKlInputChoice } from '../ops/kl/validate.js';
import { klPairOf } from '../ops/kl/pair.js';
import { rowLabels } from '../report/labels.js';
import { type Report, type SummaryLine, matrixRows, numberCell } from '../report/report.js';
import { BASE_INFO_OPTION, readBase, unitLabel } from './loss-options.js';

/**
 * `xent kl --p P --q Q`: KL(P‖Q) = Σ P log(P/Q) of each pair of rows, beside H(P) and
 * H(P, Q) = H(P) + KL(P‖Q). It is inf where P has mass and Q has none. The data come
 * from the two options only ('none': no matrix is read from arguments or stdin).
 */
export const klCommand: CommandSpec = defineCommand<KlSpec>({
  name: 'kl',
  summary: 'help.cmd.kl',
  details: ['help.kl.more', 'help.kl.output', 'help.kl.torch'],
  input: 'none',
  options: [
    { flags: '--p <MATRIX>', description: 'help.opt.kl.p' },
    { flags: '--q <MATRIX>', description: 'help.opt.kl.q' },
    { flags: '--logits', description: 'help.opt.kl.logits' },
    { flags: '-t, --temperature <T>', description: 'help.opt.kl.temperature' },
    { flags: '--log-target', description: 'help.opt.kl.logTarget' },
    { flags: '-r, --reduction <batchmean|mean|sum|none>', description: 'help.opt.kl.reduction' },
    BASE_INFO_OPTION,
  ],
  examples: [
    'xent kl --p "0.5,0.5" --q "0.9,0.1" --base 2',
    'xent kl --p "0.7,0.2,0.1; 1,0,0" --q "0.6,0.3,0.1; 0.8,0.2,0"',
    'xent kl --p "3,1,-2" --q "2,0.5,-1" --logits -t 4 -r batchmean -f value',
    'xent kl --p "-0.6931471805599453,-0.6931471805599453" --q "0.9,0.1" --log-target -r mean',
    'xent kl --p @target.csv --q @predicted.csv -f json',
  ],
  async readSpec(options, { readMatrixOption }): Promise<KlSpec> {
    if (options.input !== undefined || options.example === true) throw new XentError('err.kl.input', {}, true);
    const unit = readBase(options.base as string | undefined);
    const pText = options.p as string | undefined;
    const qText = options.q as string | undefined;
    if (pText === undefined || qText === undefined) {
      throw new XentError('err.kl.missing', { option: pText === undefined ? '--p' : '--q' }, true);
    }
    const logits = options.logits === true;
    const logTarget = options.logTarget === true;
    checkKlInputChoice({ logits, logTarget, temperature: options.temperature !== undefined });
    const reductionText = options.reduction as string | undefined;
    return {
      unit,
      // Logits and log-probabilities may be any real number: not read as probabilities.
      p: await readMatrixOption(pText, '--p', !logits && !logTarget),
      q: await readMatrixOption(qText, '--q', !logits),
      inputs: logits ? 'logits' : logTarget ? 'log-target' : 'probs',
      temperature: readTemperature(options.temperature as string | undefined),
      reduction: readChoice(reductionText, '--reduction', DISTILL_REDUCTIONS, 'batchmean'),
      reductionGiven: reductionText !== undefined,
    };
  },
  abilities: {
    // With -r, the reduced loss (the elements for none) is the result, as -f value prints it.
    headline: (spec) => (!spec.reductionGiven ? 'kl' : spec.reduction === 'none' ? 'elements' : 'loss'),
    mistakes: (spec) => ({ reruns: unitMistakes(spec) }),
    // Distributions, logits (their softmax worked) or a log target, and F.kl_div's reduction.
    explain: explainKl,
  },
  run(_input, spec, { t }): Report {
    const { unit, reduction } = spec;
    const pair = klPair(spec);
    const { p } = pair;
    const rows = Array.from({ length: p.rows }, (_, i) => {
      const pi = rowView(p, i);
      const logPi = rowView(pair.logP, i);
      const logQi = rowView(pair.logQ, i);
      return {
        h: inUnit(entropyFromLog(pi, logPi), unit),
        cross: inUnit(crossFromLog(pi, logQi), unit),
        kl: inUnit(klFromLogs(pi, logPi, logQi), unit),
      };
    });
    const kl = rows.map((r) => r.kl);
    const mean = kl.reduce((a, b) => a + b, 0) / kl.length;
    const elements = klElements(pair);
    const loss = inUnit(klReduced(elements, reduction), unit);
    const infinite = rowLabels(p.rows).filter((_, i) => kl[i] === Infinity);
    const notes = [t.t('info.note.kl')];
    if (infinite.length > 0) notes.push(t.t('info.note.klInf', { rows: { list: infinite } }));
    if (spec.inputs === 'logits') notes.push(t.t('note.kl.logits', { T: spec.temperature }));
    if (spec.inputs === 'log-target') notes.push(t.t('note.kl.logTarget'));
    notes.push(t.t(KL_REDUCTION_NOTES[reduction], { rows: p.rows, cols: p.cols, count: p.rows * p.cols }));
    const summary: SummaryLine[] = [{ label: unitLabel(t, 'info.sum.meanKl', {}, unit, true), value: mean }];
    if (reduction !== 'batchmean' && reduction !== 'none')
      summary.push({ label: unitLabel(t, 'sum.klReduced', { reduction }, unit, true), value: loss });
    const elementRows = matrixInUnit(elements, unit);
    return {
      tables: [
        {
          title: t.label('info.title.kl'),
          corner: t.label('label.row'),
          colLabels: (['info.label.klEntropy', 'info.label.klCross', 'info.label.kl'] as const).map((key) =>
            unitLabel(t, key, {}, unit, true),
          ),
          // Too wide for the terminal: H(P) and the cross-entropy go; KL stays.
          droppable: [0, 1],
          rows: rowLabels(p.rows).map((label, i) => ({
            label,
            cells: [numberCell(rows[i].h), numberCell(rows[i].cross), numberCell(rows[i].kl)],
          })),
        },
      ],
      summary,
      notes,
      infExplained: true,
      data: { colLabels: ['kl', 'entropy_p', 'cross_entropy'], rows: rows.map((r) => [r.kl, r.h, r.cross]) },
      // -r given: the reduced loss (the elements for none), as F.kl_div returns it.
      values: !spec.reductionGiven ? kl.map((d) => [d]) : reduction === 'none' ? matrixRows(elementRows) : [[loss]],
      json: {
        command: 'kl',
        ...unitJson(unit),
        ...(spec.inputs !== 'probs' ? { inputs: spec.inputs } : {}),
        ...(spec.inputs === 'logits' ? { temperature: spec.temperature } : {}),
        reduction,
        kl,
        entropy: rows.map((r) => r.h),
        cross_entropy: rows.map((r) => r.cross),
        mean_kl: mean,
        ...(reduction === 'none' ? { elements: matrixRows(elementRows) } : { loss }),
      },
    };
  },
});

/** The sentence saying what each of F.kl_div's reductions divides by (params: rows, cols, count). */
const KL_REDUCTION_NOTES = {
  batchmean: 'note.kl.batchmean',
  mean: 'note.kl.mean',
  sum: 'note.kl.sum',
  none: 'note.kl.none',
} as const;

/** P and Q with their logarithms, from the spec's inputs, checked (ops/kl/pair.ts). */
function klPair(spec: KlSpec): KlPair {
  return klPairOf(spec.p, spec.q, spec.inputs, spec.temperature, {
    p: { key: 'source.option', params: { option: '--p' } },
    q: { key: 'source.option', params: { option: '--q' } },
  });
}
