// The one check of NT-Xent's inputs, on typed values: `xent ntxent` (its readSpec and run)
// and the library's ntXentLoss call these, so the same bad input gets the same error key.
import { XentError } from '../../core/errors.js';
import type { MessageParam } from '../../i18n/messages.js';
import { checkTemperature } from '../softmax/validate.js';

export { checkTemperature };

/** 2N rows: every row has one partner view. */
export function checkEvenRows(rows: number, source: MessageParam): void {
  if (rows % 2 !== 0) throw new XentError('err.oddRows', { rows, source });
}

/** The names of ntxent's options, as each caller spells them in errors. */
export interface NtxentOptionNames {
  readonly labels: string;
  readonly pairs: string;
  readonly contrastMode: string;
  readonly baseTemperature: string;
  readonly singletons: string;
  readonly preset: string;
}

export const NTXENT_CLI_NAMES: NtxentOptionNames = {
  labels: '--labels',
  pairs: '--pairs',
  contrastMode: '--contrast-mode',
  baseTemperature: '--base-temperature',
  singletons: '--singletons',
  preset: '--as',
};

/**
 * Which options go together: labels (pytorch-metric-learning's multi-positive NT-Xent) set the
 * positives and the anchors themselves, so they take no pairing, contrast mode or base
 * temperature (refused, not ignored), nor another library's preset than PML's; singletons (an anchor whose label no other row has) exist
 * only with labels.
 */
export function checkNtxentOptionChoice(
  given: {
    readonly labels: boolean;
    readonly pairs: boolean;
    readonly contrastMode: boolean;
    readonly baseTemperature: boolean;
    readonly singletons: boolean;
    /** The library whose conventions were asked for (`--as`), if any. */
    readonly preset?: string | undefined;
  },
  names: NtxentOptionNames = NTXENT_CLI_NAMES,
): void {
  if (given.labels) {
    const other = given.pairs
      ? names.pairs
      : given.contrastMode
        ? names.contrastMode
        : given.baseTemperature
          ? names.baseTemperature
          : undefined;
    if (other !== undefined)
      throw new XentError('err.ntxent.labelsWith', { labels: names.labels, option: other }, true);
    // SimCLR has no labels, and SupContrast's loss with labels is SupCon (its τ/base scaling and raw
    // dot products would otherwise be printed beside a loss that applies neither).
    if (given.preset !== undefined && given.preset !== 'pml')
      throw new XentError(
        'err.ntxent.labelsWithPreset',
        { labels: names.labels, option: names.preset, library: given.preset },
        true,
      );
  } else if (given.singletons) {
    throw new XentError(
      'err.ntxent.singletonsNeedLabels',
      { singletons: names.singletons, labels: names.labels },
      true,
    );
  }
}
