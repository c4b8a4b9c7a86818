import type { Explanation } from '../teach/explain/explanation.js';
import type { ExplainInput } from '../teach/explain/explainer.js';
import type { Mistakes } from '../teach/expect-diagnose.js';
import type { MessageKey } from '../i18n/messages.js';
import type { ParsedMatrix } from '../text/matrix-text.js';
import type { Report } from '../report/report.js';
import type { InStepContext, InStepPlan, OptionRowsContext, StreamContext, StreamPlan } from '../rows/plan.js';
import type { TargetColumnUse } from './target-column.js';

/**
 * What readSpec gets from the CLI: SpecContext, and `rows` when the run may read its data row
 * by row (the format, and option matrices opened, not read).
 */
export interface ReadSpecContext extends SpecContext {
  readonly rows?: OptionRowsContext;
}

/** One option of a command, as commander spells it, with its help text's key. */
export interface OptionSpec {
  readonly flags: string;
  readonly description: MessageKey;
}

export type { CommandContext, OptionValues, SpecContext } from '../report/run-context.js';
import type { CommandContext, OptionValues, SpecContext } from '../report/run-context.js';

/**
 * What a command can do beyond computing its report. run.ts and the teaching options ask
 * the command; nothing elsewhere keeps a list of commands by name.
 */
export interface Abilities<Spec> {
  /** Row by row for the formats and options it can (a large input is never held whole); undefined otherwise. */
  stream?(spec: Spec, context: StreamContext): StreamPlan | undefined;
  /**
   * Row by row over the two matrices its options give, read in step, where readSpec opened
   * them rather than read them (ReadSpecContext.rows); undefined otherwise.
   */
  streamInStep?(spec: Spec, context: InStepContext): InStepPlan | undefined;
  /** `--explain`: a derivation with the input's own numbers. Absent: --explain is refused. */
  explain?(x: ExplainInput<Spec>): Explanation | Promise<Explanation>;
  /** `--expect`: the report's JSON key a bare claim is checked against (the command's main result). */
  headline(spec: Spec, json: Readonly<Record<string, unknown>>): string;
  /** `--expect`'s diagnosis: the common mistakes of this computation (src/teach/expect-diagnose.ts). */
  mistakes?(spec: Spec, json: Readonly<Record<string, unknown>>): Mistakes<Spec>;
  /** The spec that also computes the gradient (a claim about `grad` is checked without --grad). */
  withGradient?(spec: Spec): Spec;
  /** Its input matrix holds probabilities: a percentage in it (70%) is read as 0.7, and refused elsewhere. */
  probabilityInput?(spec: Spec): boolean;
  /** Prints its text even in a pipe: a lesson is read, not parsed. */
  readonly textInPipes?: boolean;
  /**
   * Its target option may say `col:NAME`: the targets are then a column of the input (read
   * before the spec, which gets them as `targetsFromColumn`).
   */
  readonly targetColumn?: TargetColumnUse;
  /** `-t` with several temperatures (src/cli/sweep.ts). Absent: -t takes one. */
  readonly sweep?: SweepAbility<Spec>;
}

/** What a temperature sweep needs of a command: its spec at each T, and what a run's JSON holds. */
export interface SweepAbility<Spec> {
  /** The spec at temperature T (read from the first of the sweep's temperatures). */
  at(spec: Spec, temperature: number): Spec;
  /** The class names, as the command's tables name them. */
  classes(input: ParsedMatrix | undefined, spec: Spec, json: Readonly<Record<string, unknown>>): string[];
  /** The run's distributions (one per item), and each item's loss where it has one. */
  read(json: Readonly<Record<string, unknown>>): {
    distributions: Iterable<ArrayLike<number>>;
    losses?: ArrayLike<number | null>;
  };
  /** What its probabilities are, when it needs saying (distill's are the teacher's). */
  readonly note?: MessageKey;
}

interface CommandBase<Spec> {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly summary: MessageKey;
  /** Formulas and conventions, shown under the usage in --help. */
  readonly details?: readonly MessageKey[];
  readonly options: readonly OptionSpec[];
  readonly examples: readonly string[];
  /**
   * The one place the command's option text is read: into a typed spec, checked as far as
   * it can be without the input. Everything after it (run, explain, --expect, streaming,
   * descend) receives the spec, never the text.
   */
  readSpec(options: OptionValues, context: ReadSpecContext): Spec | Promise<Spec>;
  readonly abilities: Abilities<Spec>;
  /**
   * With this spec, each row of the input is one item's classes (a softmax over the row). An
   * input of one column and several rows, a column vector written one number per line, is
   * then refused: each row would be one class, with probability 1 and loss 0 whatever its value.
   */
  classesInRows?(spec: Spec): boolean;
  /**
   * With this spec the input's rows are logits: when every row is in [0, 1] and sums to 1
   * (probabilities given by mistake), a warning says so, suggesting `--probs` where the
   * command has it ('probs-option'). Undefined: no such warning.
   */
  logitsInRows?(spec: Spec): 'probs-option' | 'no-option' | undefined;
}

/**
 * A command of xent: its name, help, options and what it computes. The CLI builds its
 * parser and its help from these, so each command lives in one file.
 */
export interface MatrixCommand<Spec> extends CommandBase<Spec> {
  /** 'matrix': the positional arguments, -i FILE or stdin give a matrix; 'none': no input. */
  readonly input: 'matrix' | 'none';
  run(input: ParsedMatrix, spec: Spec, context: CommandContext): Report | Promise<Report>;
}

/**
 * 'optional': the matrix as for 'matrix', unless one of `dataOptions` (e.g. --image, --text)
 * is given and no positional argument, -i or --example is: then stdin is not read and
 * run() receives `undefined`.
 */
export interface OptionalMatrixCommand<Spec> extends CommandBase<Spec> {
  readonly input: 'optional';
  /** Option names as commander stores them ('image' for --image) that supply the data. */
  readonly dataOptions: readonly string[];
  run(input: ParsedMatrix | undefined, spec: Spec, context: CommandContext): Report | Promise<Report>;
}

export type Command<Spec> = MatrixCommand<Spec> | OptionalMatrixCommand<Spec>;

/**
 * A command of any spec, as the command table holds them. The spec's type is the command's
 * own business: the CLI only passes what readSpec returned back to the same command.
 */
// biome-ignore lint/suspicious/noExplicitAny: the table holds commands of different specs
export type CommandSpec = Command<any>;
export type OptionalMatrixCommandSpec = OptionalMatrixCommand<unknown>;

/** The headline of a loss command: the reduced loss, or each row's loss with `-r none`. */
export function lossHeadline(_spec: unknown, json: Readonly<Record<string, unknown>>): string {
  return typeof json.loss === 'number' ? 'loss' : 'losses';
}

/** The spec of a command that computes its gradient with --grad, with --grad set. */
export function withGrad<Spec extends { readonly grad?: unknown }>(spec: Spec): Spec {
  return { ...spec, grad: true };
}

/** A command with its spec's type checked where it is written, stored as a table entry. */
export function defineCommand<Spec>(command: Command<Spec>): CommandSpec {
  return command;
}
