import type { MessageKey, MessageParam } from '../i18n/messages.js';
import type { Translator } from '../i18n/translator.js';
import type { ParsedMatrix } from '../parse/matrix-text.js';
import type { Room } from '../report/elide.js';
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
  /**
   * False when the output prints no table (tsv, csv, json, value): a command may then leave
   * out its tables, which for a large matrix would hold a cell per entry. Absent: true.
   */
  readonly printsTables?: boolean;
  /**
   * Given when tables are cut to fit a terminal (their middle rows and columns left out): a
   * command may then build only what is shown (matrixTable does).
   */
  readonly room?: Room;
}

interface CommandBase {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly summary: MessageKey;
  /** Formulas and conventions, shown under the usage in --help. */
  readonly details?: readonly MessageKey[];
  readonly options: readonly OptionSpec[];
  readonly examples: readonly string[];
}

/**
 * A command of xent: its name, help, options and what it computes. The CLI builds its
 * parser and its help from these, so each command lives in one file.
 */
export type CommandSpec = MatrixCommandSpec | OptionalMatrixCommandSpec;

export interface MatrixCommandSpec extends CommandBase {
  /** 'matrix': the positional arguments, -i FILE or stdin give a matrix; 'none': no input. */
  readonly input: 'matrix' | 'none';
  run(input: ParsedMatrix, options: OptionValues, context: CommandContext): Report | Promise<Report>;
}

/**
 * 'optional': the matrix as for 'matrix', unless one of `dataOptions` (e.g. --image, --text)
 * is given and no positional argument, -i or --example is: then stdin is not read and
 * run() receives `undefined`.
 */
export interface OptionalMatrixCommandSpec extends CommandBase {
  readonly input: 'optional';
  /** Option names as commander stores them ('image' for --image) that supply the data. */
  readonly dataOptions: readonly string[];
  run(input: ParsedMatrix | undefined, options: OptionValues, context: CommandContext): Report | Promise<Report>;
}
