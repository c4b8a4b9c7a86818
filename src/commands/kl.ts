import { type CommandSpec, defineCommand } from './command.js';
import { unitMistakes } from '../teach/expect-diagnose.js';
import { explainKl } from '../teach/explain/information.js';
import { XentError } from '../core/errors.js';
import { rowView } from '../core/matrix.js';
import { inUnit, unitJson } from '../core/units.js';
import { entropy } from '../ops/entropy/kernel.js';
import { crossEntropyOf, klDivergence } from '../ops/kl/kernel.js';
import type { KlSpec } from '../ops/kl/spec.js';
import { checkKlInputs } from '../ops/kl/validate.js';
import { rowLabels } from '../report/labels.js';
import { type Report, numberCell } from '../report/report.js';
import { BASE_INFO_OPTION, readBase, unitLabel } from './loss-options.js';

/**
 * `xent kl --p P --q Q`: KL(P‖Q) = Σ P log(P/Q) of each pair of rows, beside H(P) and
 * H(P, Q) = H(P) + KL(P‖Q). It is inf where P has mass and Q has none. The data come
 * from the two options only ('none': no matrix is read from arguments or stdin).
 */
export const klCommand: CommandSpec = defineCommand<KlSpec>({
  name: 'kl',
  summary: 'help.cmd.kl',
  details: ['help.kl.more', 'help.kl.output'],
  input: 'none',
  options: [
    { flags: '--p <MATRIX>', description: 'help.opt.kl.p' },
    { flags: '--q <MATRIX>', description: 'help.opt.kl.q' },
    BASE_INFO_OPTION,
  ],
  examples: [
    'xent kl --p "0.5,0.5" --q "0.9,0.1" --base 2',
    'xent kl --p "0.7,0.2,0.1; 1,0,0" --q "0.6,0.3,0.1; 0.8,0.2,0"',
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
    return { unit, p: await readMatrixOption(pText, '--p', true), q: await readMatrixOption(qText, '--q', true) };
  },
  abilities: { headline: () => 'kl', explain: explainKl, mistakes: (spec) => ({ reruns: unitMistakes(spec) }) },
  run(_input, { unit, p, q }, { t }): Report {
    checkKlInputs(p, q, {
      p: { key: 'source.option', params: { option: '--p' } },
      q: { key: 'source.option', params: { option: '--q' } },
    });

    const rows = Array.from({ length: p.rows }, (_, i) => {
      const pi = rowView(p, i);
      const qi = rowView(q, i);
      return {
        h: inUnit(entropy(pi), unit),
        cross: inUnit(crossEntropyOf(pi, qi), unit),
        kl: inUnit(klDivergence(pi, qi), unit),
      };
    });
    const kl = rows.map((r) => r.kl);
    const mean = kl.reduce((a, b) => a + b, 0) / kl.length;
    const infinite = rowLabels(p.rows).filter((_, i) => kl[i] === Infinity);
    const notes = [t.t('info.note.kl')];
    if (infinite.length > 0) notes.push(t.t('info.note.klInf', { rows: infinite.join(', ') }));
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
      summary: [{ label: unitLabel(t, 'info.sum.meanKl', {}, unit, true), value: mean }],
      notes,
      infExplained: true,
      data: { colLabels: ['kl', 'entropy_p', 'cross_entropy'], rows: rows.map((r) => [r.kl, r.h, r.cross]) },
      values: kl.map((d) => [d]),
      json: {
        command: 'kl',
        ...unitJson(unit),
        kl,
        entropy: rows.map((r) => r.h),
        cross_entropy: rows.map((r) => r.cross),
        mean_kl: mean,
      },
    };
  },
});
