// `--as LIBRARY` on the contrastive commands: one preset that sets every convention in which
// that library's loss differs from xent's defaults, so that xent prints the library's number.
// An option given on the command line wins over the preset. Each preset is checked against
// the library's own code (test/fixtures/oracle/conventions.json, generate.py).
import { XentError } from '../core/errors.js';
import { readNumberOption } from '../text/option-values.js';
import type { MessageKey } from '../i18n/messages.js';
import type { Singletons } from '../ops/supcon/kernel.js';
import type { ContrastMode } from '../ops/ntxent/kernel.js';

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

/**
 * Each command's presets. open_clip starts logit_scale at log(1/0.07) (model.py,
 * init_logit_scale), Hugging Face's CLIPConfig at 2.6592; SigLIP at log 10 with bias −10 in
 * both. SimCLR's run.py defaults τ to 0.1 and its objective.py returns loss_a + loss_b (twice
 * the mean); SupContrast's SupConLoss defaults to τ = base_temperature = 0.07, contrast_mode
 * 'all', takes the features as given and, since its fix for anchors without positives, counts
 * them as 0; pytorch-metric-learning's NTXentLoss defaults τ to 0.07, its SupConLoss to 0.1,
 * both on cosine similarity, its AvgNonZeroReducer leaving out anchors with no positive.
 */
export const PRESETS: Readonly<Record<string, Partial<Record<Library, Preset>>>> = {
  clip: { open_clip: { scale: 1 / 0.07 }, hf: { scale: Math.exp(2.6592) } },
  siglip: { open_clip: { scale: 10, bias: -10 }, hf: { scale: 10, bias: -10 } },
  ntxent: {
    simclr: { temperature: 0.1, reports: 'simclr' },
    supcontrast: { temperature: 0.07, baseTemperature: 0.07, contrastMode: 'all', normalize: false },
    pml: { temperature: 0.07 },
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

/** The help text of each command's --as: what every preset sets. */
export const PRESET_HELP: Readonly<Record<string, MessageKey>> = {
  clip: 'help.opt.as.clip',
  siglip: 'help.opt.as.siglip',
  ntxent: 'help.opt.as.ntxent',
  supcon: 'help.opt.as.supcon',
};

/** `--as LIBRARY` for `command`: its preset, or {} when not given; a library the command has no preset for is an error. */
export function readPreset(value: string | undefined, command: string): Preset & { readonly library?: Library } {
  if (value === undefined) return {};
  const presets = PRESETS[command] ?? {};
  const names = Object.keys(presets) as Library[];
  const library = names.find((name) => name === value.trim().toLowerCase().replace('-', '_'));
  if (library === undefined) {
    const known = (LIBRARIES as readonly string[]).includes(value.trim().toLowerCase().replace('-', '_'));
    throw new XentError(
      known ? 'err.presetNotHere' : 'err.badChoice',
      { option: '--as', command, choices: { list: names }, value },
      true,
    );
  }
  return { ...presets[library], library };
}

/** The --as option as a command lists it. */
export function presetOption(command: string): { readonly flags: string; readonly description: MessageKey } {
  return { flags: '--as <LIBRARY>', description: PRESET_HELP[command] };
}

/** A number option that must be finite and above 0 (--base-temperature). */
export function readPositive(value: string, option: string): number {
  const v = readNumberOption(value, option);
  if (!(v > 0) || !Number.isFinite(v)) throw new XentError('err.positive', { option, value }, true);
  return v;
}
