// `--as LIBRARY` on the contrastive commands: the preset of that library from the one table
// (ops/presets.ts, which the library's `preset` option reads too), its help text, and the
// option as a command lists it. An option given on the command line wins over the preset.
import type { MessageKey } from '../i18n/messages.js';
import { type Library, type Preset, type PresetLoss, presetFor } from '../ops/presets.js';

/** The help text of each command's --as: what every preset sets. */
export const PRESET_HELP: Readonly<Record<string, MessageKey>> = {
  clip: 'help.opt.as.clip',
  siglip: 'help.opt.as.siglip',
  ntxent: 'help.opt.as.ntxent',
  supcon: 'help.opt.as.supcon',
};

/** `--as LIBRARY` for `command`: its preset, or {} when not given; a library the command has no preset for is an error. */
export function readPreset(value: string | undefined, command: PresetLoss): Preset & { readonly library?: Library } {
  return presetFor(command, value, '--as');
}

/** The --as option as a command lists it. */
export function presetOption(command: string): { readonly flags: string; readonly description: MessageKey } {
  return { flags: '--as <LIBRARY>', description: PRESET_HELP[command] };
}
