// What a command runs with besides its input: the option text it reads once (readSpec), and
// what the CLI gives its run and explainer. Below the commands, so that the explainers and
// the row engine can name these types too.
import type { MessageParam } from '../i18n/messages.js';
import type { Translator } from '../i18n/translator.js';
import type { ParsedMatrix } from '../text/matrix-text.js';
import type { Room } from './elide.js';

/** Option values as commander hands them over: text for valued options, booleans for flags. */
export type OptionValues = Readonly<Record<string, string | boolean | string[] | undefined>>;

/** What a command's readSpec may use besides the option text. */
export interface SpecContext {
  readonly t: Translator;
  /**
   * Reads a matrix given to an option: inline text in any notation, or @FILE.
   * `probabilities`: it holds probabilities (a percentage such as 70% is then read as 0.7).
   */
  readMatrixOption(value: string, option: string, probabilities?: boolean): Promise<ParsedMatrix>;
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
  /** `-y col:NAME`: the targets read from that column of the input, one per row. */
  readonly targetsFromColumn?: readonly number[];
}

export interface CommandContext extends SpecContext {
  /** Where the input matrix came from, for error messages. */
  readonly inputSource: MessageParam;
}
