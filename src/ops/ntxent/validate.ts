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
}

export const NTXENT_CLI_NAMES: NtxentOptionNames = {
  labels: '--labels',
  pairs: '--pairs',
  contrastMode: '--contrast-mode',
  baseTemperature: '--base-temperature',
  singletons: '--singletons',
};

/**
 * Which options go together: labels (pytorch-metric-learning's multi-positive NT-Xent) set the
 * positives and the anchors themselves, so they take no pairing, contrast mode or base
 * temperature (refused, not ignored); singletons (an anchor whose label no other row has) exist
 * only with labels.
 */
export function checkNtxentOptionChoice(
  given: {
    readonly labels: boolean;
    readonly pairs: boolean;
    readonly contrastMode: boolean;
    readonly baseTemperature: boolean;
    readonly singletons: boolean;
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
  } else if (given.singletons) {
    throw new XentError(
      'err.ntxent.singletonsNeedLabels',
      { singletons: names.singletons, labels: names.labels },
      true,
    );
  }
}
