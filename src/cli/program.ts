// Builds commander's view of xent from the command table, in the user's language.
import { type Argument, Command, CommanderError, Help, type Option } from 'commander';
import type { CommandSpec } from '../commands/command.js';
import { COMMAND_DIRECTORY } from '../commands/directory.js';
import { completionScript, completionSpec } from './completion.js';
import { displayWidth, padEnd } from '../format/width.js';
import { shellLines, wrap } from '../format/wrap.js';
import { XentError } from '../core/errors.js';
import { EXIT } from '../core/exit-codes.js';
import { type MessageKey, isMessageKey } from '../i18n/messages.js';
import type { Translator } from '../i18n/translator.js';

export interface Selection {
  readonly command: CommandSpec;
  readonly args: string[];
  readonly options: Record<string, unknown>;
}

const TITLES: Record<string, MessageKey> = {
  'Usage:': 'help.usage',
  'Options:': 'help.options',
  'Global Options:': 'help.globalOptions',
  'Commands:': 'help.commands',
  'Arguments:': 'help.arguments',
};

/** Options every command takes; they may stand before or after the command name. */
function addGlobalOptions(program: Command): void {
  program
    .option('-i, --input <FILE>', 'help.opt.input' satisfies MessageKey)
    .option('--key <PATH>', 'help.opt.key' satisfies MessageKey)
    .option('-f, --format <format>', 'help.opt.format' satisfies MessageKey)
    .option('-p, --precision <N>', 'help.opt.precision' satisfies MessageKey)
    .option('-L, --lang <lang>', 'help.opt.lang' satisfies MessageKey)
    .option('--example', 'help.opt.example' satisfies MessageKey)
    .option('--full', 'help.opt.full' satisfies MessageKey)
    .option('--color', 'help.opt.color' satisfies MessageKey)
    .option('--no-color', 'help.opt.noColor' satisfies MessageKey)
    .option('--explain', 'help.opt.explain' satisfies MessageKey)
    .option('--row <K>', 'help.opt.row' satisfies MessageKey)
    .option(
      '--expect <VALUES>',
      'help.opt.expect' satisfies MessageKey,
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .option('--tol <ABS>', 'help.opt.tol' satisfies MessageKey)
    .option('--rtol <REL>', 'help.opt.rtol' satisfies MessageKey)
    .option('--heatmap', 'help.opt.heatmap' satisfies MessageKey)
    .option('--cols <LIST>', 'help.opt.cols' satisfies MessageKey)
    .option('--drop-cols <LIST>', 'help.opt.dropCols' satisfies MessageKey)
    .option('--index-col <COL|auto|none>', 'help.opt.indexCol' satisfies MessageKey)
    .option('--header <auto|yes|no>', 'help.opt.header' satisfies MessageKey)
    .option('--hist', 'help.opt.hist' satisfies MessageKey)
    .option('--plot <FILE.svg>', 'help.opt.plot' satisfies MessageKey);
}

/** What each exit code means, in the user's language (one key per code of the table). */
const EXIT_HELP: Readonly<Record<keyof typeof EXIT, MessageKey>> = {
  ok: 'help.exit.ok',
  wrong: 'help.exit.wrong',
  usage: 'help.exit.usage',
  internal: 'help.exit.internal',
  output: 'help.exit.output',
  interrupted: 'help.exit.interrupted',
};

function exitCodesText(t: Translator, width: number): string {
  const lines = (Object.keys(EXIT) as (keyof typeof EXIT)[]).map((name) =>
    wrap(t.label(EXIT_HELP[name]), width - 7)
      .map((line, k) => (k === 0 ? `  ${String(EXIT[name]).padEnd(5)}` : ' '.repeat(7)) + line)
      .join('\n'),
  );
  return `\n${t.label('help.exitCodes')}\n${lines.join('\n')}\n`;
}

function examplesText(spec: CommandSpec, t: Translator, width: number): string {
  const lines = [
    `\n${t.label('help.examples')}`,
    ...spec.examples.map((e) => shellLines(`  $ ${e}`, width).join('\n')),
  ];
  return lines.join('\n') + '\n';
}

const ITEM_INDENT = '  ';
/** Narrower than this beside its term, a description goes under it. */
const MIN_DESCRIPTION = 36;

/** Help text wrapped at `width` columns, at spaces or between Chinese characters, its line breaks kept. */
function wrapHelp(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => wrap(line, Math.max(20, width)).join('\n'))
    .join('\n');
}

/**
 * An option or command with its description: beside it when there is room, else under it,
 * indented, so that no line is wider than the help's width (commander leaves a description
 * unwrapped when its column is narrow).
 */
function formatItem(this: Help, term: string, termWidth: number, description: string): string {
  if (!description) return ITEM_INDENT + term;
  const width = this.helpWidth ?? 80;
  const room = width - ITEM_INDENT.length - termWidth - 2;
  if (room >= MIN_DESCRIPTION) {
    const [first, ...rest] = wrapHelp(description, room).split('\n');
    const under = ' '.repeat(ITEM_INDENT.length + termWidth + 2);
    return [ITEM_INDENT + padEnd(term, termWidth) + '  ' + first, ...rest.map((line) => under + line)].join('\n'); // spread-ok: a description's few lines
  }
  const under = `${ITEM_INDENT}    `;
  const lines = wrapHelp(description, width - under.length).split('\n');
  return [ITEM_INDENT + term, ...lines.map((line) => under + line)].join('\n'); // spread-ok: a description's few lines
}

/**
 * Descriptions are registered as catalogue keys (several joined by a blank line) and worded
 * only when help or a completion script shows them: a run that shows neither never reads
 * the catalogue. Text that is no key (none today) is shown as it is.
 */
export function worded(t: Translator, text: string): string {
  return text
    .split('\n\n')
    .map((part) => (isMessageKey(part) ? t.label(part) : part))
    .join('\n\n');
}

export function buildProgram(
  commands: readonly CommandSpec[],
  t: Translator,
  version: string,
  output: { out: (s: string) => void; width: number },
  onSelect: (selection: Selection) => void,
  /**
   * The command being run, when known: the others are registered by name and summary only
   * (enough for the command list and suggestions), which keeps start-up short. So are the
   * commands of the directory that `commands` does not hold.
   */
  only?: string,
): Command {
  const helpConfig = {
    showGlobalOptions: true,
    helpWidth: output.width,
    styleTitle: (title: string) => (TITLES[title] ? t.label(TITLES[title]) : title),
    displayWidth: (text: string) => displayWidth(text),
    boxWrap: (text: string, width: number) => wrapHelp(text, width),
    formatItem,
    sortOptions: false,
    optionDescription(this: Help, option: Option) {
      return Help.prototype.optionDescription.call(
        this,
        Object.create(option, { description: { value: worded(t, option.description) } }),
      );
    },
    argumentDescription(this: Help, argument: Argument) {
      return Help.prototype.argumentDescription.call(
        this,
        Object.create(argument, { description: { value: worded(t, argument.description) } }),
      );
    },
    subcommandDescription: (command: Command) => worded(t, command.summary() || command.description()),
    commandDescription: (command: Command) => worded(t, command.description()),
  } satisfies Partial<Help>;
  const program = new Command('xent')
    .description((['help.program', 'help.programMore'] satisfies MessageKey[]).join('\n\n'))
    .version(version, '-V, --version', 'help.opt.version' satisfies MessageKey)
    .helpOption('-h, --help', 'help.opt.help' satisfies MessageKey)
    .helpCommand('help [command]', 'help.cmd.help' satisfies MessageKey)
    .configureHelp(helpConfig)
    .configureOutput({ writeOut: output.out, writeErr: () => {}, outputError: () => {} })
    .exitOverride()
    .addHelpText('after', () => exitCodesText(t, output.width));
  addGlobalOptions(program);

  // Every command of the directory, in its order: the ones this build holds in full (all, or
  // only the one being run), the others by name and summary.
  for (const entry of COMMAND_DIRECTORY) {
    const spec = commands.find((c) => c.name === entry.name);
    if (!spec || (only !== undefined && spec.name !== only)) {
      program
        .command(entry.name)
        .aliases([...entry.aliases])
        .summary(entry.summary);
      continue;
    }
    const command = program
      .command(spec.name)
      .aliases([...(spec.aliases ?? [])])
      .summary(spec.summary)
      .description([spec.summary, ...(spec.details ?? [])].join('\n\n'))
      .helpOption('-h, --help', 'help.opt.help' satisfies MessageKey)
      .configureHelp(helpConfig)
      .configureOutput({ writeOut: output.out, writeErr: () => {}, outputError: () => {} })
      .exitOverride()
      .addHelpText('after', () => examplesText(spec, t, output.width));
    const positional = spec.input === 'matrix' || spec.input === 'optional';
    if (positional) command.argument('[matrix...]', 'help.arg.matrix' satisfies MessageKey);
    for (const option of spec.options) command.option(option.flags, option.description);
    // commander passes the declared arguments first and the command last.
    command.action((...params: unknown[]) => {
      const cmd = params[params.length - 1] as Command;
      const args = positional ? ((params[0] as string[] | undefined) ?? []) : [];
      onSelect({ command: spec, args, options: cmd.optsWithGlobals() });
    });
  }

  // `xent completion SHELL` prints a script rather than a report, so it is not in the command
  // table. It reads the finished program (every command and option). The script is written
  // like help text, and ends parsing the way help does: a CommanderError 'commander.helpDisplayed'
  // with exit code 0, which runCli turns into exit 0 with that text on stdout.
  program
    .command('completion')
    .summary('help.cmd.completion' satisfies MessageKey)
    .description('help.cmd.completion' satisfies MessageKey)
    .argument('<shell>', 'help.arg.shell' satisfies MessageKey)
    .helpOption('-h, --help', 'help.opt.help' satisfies MessageKey)
    .configureHelp(helpConfig)
    .configureOutput({ writeOut: output.out, writeErr: () => {}, outputError: () => {} })
    .exitOverride()
    .addHelpText(
      'after',
      () => `\n${t.label('help.examples')}\n  $ source <(xent completion bash)\n  $ xent completion fish | source\n`,
    )
    .action((shell: string, _options: unknown, command: Command) => {
      const input = command.optsWithGlobals().input as string | undefined;
      if (input !== undefined) throw new XentError('err.inputNotRead', { command: 'completion', file: input }, true);
      output.out(
        completionScript(
          completionSpec(program, t.label('help.opt.help'), (text) => worded(t, text)),
          shell,
        ),
      );
      throw new CommanderError(0, 'commander.helpDisplayed', '(completion script written)');
    });
  return program;
}
