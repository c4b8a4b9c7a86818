import type { MessageKey, MessageParam } from '../i18n/messages.js';
import type { Translator } from '../i18n/translator.js';
import type { ParsedMatrix } from '../parse/matrix-text.js';
import type { Report } from '../report/report.js';

/** One option of a command, as commander spells it, with its help text's key. */
export interface OptionSpec {
  readonly flags: string;
  readonly description: MessageKey;
}

/** Option values as commander hands them over: text for valued options, booleans for flags. */
export type OptionValues = Readonly<Record<string, string | boolean | string[] | undefined>>;

export interface CommandContext {
  readonly t: Translator;
  /** Where the input matrix came from, for error messages. */
  readonly inputSource: MessageParam;
  /** Reads a matrix given to an option: inline text in any notation, or @FILE. */
  readMatrixOption(value: string, option: string): Promise<ParsedMatrix>;
}

/**
 * A command of xent: its name, help, options and what it computes. The CLI builds its
 * parser and its help from these, so each command lives in one file.
 */
export interface CommandSpec {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly summary: MessageKey;
  /** Formulas and conventions, shown under the usage in --help. */
  readonly details?: readonly MessageKey[];
  /** 'matrix': the positional arguments, -i FILE or stdin give a matrix; 'none': no input. */
  readonly input: 'matrix' | 'none';
  readonly options: readonly OptionSpec[];
  readonly examples: readonly string[];
  run(input: ParsedMatrix, options: OptionValues, context: CommandContext): Report | Promise<Report>;
}
