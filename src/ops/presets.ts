// The presets of the contrastive losses: for each library, every convention in which its loss
// differs from xent's defaults, so that xent gives the library's number. One table, read by
// the CLI's `--as LIBRARY` (commands/presets.ts) and the library's `preset` option; an option
// given explicitly wins over the preset. Each preset is checked against the library's own
// code (test/fixtures/oracle/conventions.json, generate.py).
import { XentError } from '../core/errors.js';
import type { Singletons } from './supcon/kernel.js';
import type { ContrastMode } from './ntxent/kernel.js';

export const LIBRARIES = ['open_clip', 'hf', 'simclr', 'supcontrast', 'pml'] as const;
export type Library = (typeof LIBRARIES)[number];

/** What a preset sets: each field the default of one option. */
export interface Preset {
  /** clip and siglip's -s when neither -s nor -t is given: exp of the library's initial logit_scale. */
  readonly scale?: number;
  readonly bias?: number;
  readonly temperature?: number;
  readonly baseTemperature?: number;
  readonly contrastMode?: ContrastMode;
  readonly normalize?: boolean;
  readonly singletons?: Singletons;
  /** The loss the library reports: SimCLR's is twice the mean over the 2N rows. */
  readonly reports?: 'simclr';
}

/** The losses that have presets. */
export type PresetLoss = 'clip' | 'siglip' | 'ntxent' | 'supcon';

/**
 * Each loss's presets. open_clip starts logit_scale at log(1/0.07) (model.py,
 * init_logit_scale), Hugging Face's CLIPConfig at 2.6592; SigLIP at log 10 with bias −10 in
 * both. SimCLR's run.py defaults τ to 0.1 and its objective.py returns loss_a + loss_b (twice
 * the mean); SupContrast's SupConLoss defaults to τ = base_temperature = 0.07, contrast_mode
 * 'all', takes the features as given and, since its fix for anchors without positives, counts
 * them as 0; pytorch-metric-learning's NTXentLoss defaults τ to 0.07, its SupConLoss to 0.1,
 * both on cosine similarity, its AvgNonZeroReducer leaving out anchors with no positive (and
 * NTXentLoss's MeanReducer averaging over positive pairs, which an anchor alone has none of).
 */
export const PRESETS: Readonly<Record<PresetLoss, Partial<Record<Library, Preset>>>> = {
  clip: { open_clip: { scale: 1 / 0.07 }, hf: { scale: Math.exp(2.6592) } },
  siglip: { open_clip: { scale: 10, bias: -10 }, hf: { scale: 10, bias: -10 } },
  ntxent: {
    simclr: { temperature: 0.1, reports: 'simclr' },
    supcontrast: { temperature: 0.07, baseTemperature: 0.07, contrastMode: 'all', normalize: false },
    pml: { temperature: 0.07, singletons: 'drop' },
  },
  supcon: {
    supcontrast: {
      temperature: 0.07,
      baseTemperature: 0.07,
      contrastMode: 'all',
      normalize: false,
      singletons: 'zero',
    },
    pml: { temperature: 0.1, singletons: 'drop' },
  },
};

/**
 * The preset of `library` for `loss` ({} when `library` is undefined), as `--as` (CLI,
 * `option` '--as') and the library's `preset` option read it: the name trimmed, any case,
 * open-clip as open_clip. A library without a preset for this loss is an error naming the
 * ones it has.
 *
 * @example
 * presetFor('ntxent', 'SimCLR', 'preset') // { temperature: 0.1, reports: 'simclr', library: 'simclr' }
 */
export function presetFor(
  loss: PresetLoss,
  library: string | undefined,
  option: string,
): Preset & { readonly library?: Library } {
  if (library === undefined) return {};
  const presets = PRESETS[loss];
  const names = Object.keys(presets) as Library[];
  const wanted = String(library).trim().toLowerCase().replace('-', '_');
  const found = names.find((name) => name === wanted);
  if (found === undefined) {
    const known = (LIBRARIES as readonly string[]).includes(wanted);
    throw new XentError(
      known ? 'err.presetNotHere' : 'err.badChoice',
      { option, command: loss, choices: { list: names }, value: String(library) },
      true,
    );
  }
  return { ...presets[found], library: found };
}
