// Builds commander's view of xent from the command table, in the user's language.
import { Command, CommanderError, type Help } from 'commander';
import type { CommandSpec } from '../commands/command.js';
import { completionScript, completionSpec } from './completion.js';
import { displayWidth } from '../format/width.js';
import { XentError } from '../core/errors.js';
import { EXIT } from '../core/exit-codes.js';
import type { MessageKey } from '../i18n/messages.js';
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
function addGlobalOptions(program: Command, t: Translator): void {
  program
    .option('-i, --input <FILE>', t.label('help.opt.input'))
    .option('--key <PATH>', t.label('help.opt.key'))
    .option('-f, --format <format>', t.label('help.opt.format'))
    .option('-p, --precision <N>', t.label('help.opt.precision'))
    .option('-L, --lang <lang>', t.label('help.opt.lang'))
    .option('--example', t.label('help.opt.example'))
    .option('--full', t.label('help.opt.full'))
    .option('--color', t.label('help.opt.color'))
    .option('--no-color', t.label('help.opt.noColor'))
    .option('--explain', t.label('help.opt.explain'))
    .option('--row <K>', t.label('help.opt.row'))
    .option('--expect <VALUES>', t.label('help.opt.expect'), (value: string, previous: string[] | undefined) => [
      ...(previous ?? []),
      value,
    ])
    .option('--tol <ABS>', t.label('help.opt.tol'))
    .option('--rtol <REL>', t.label('help.opt.rtol'))
    .option('--heatmap', t.label('help.opt.heatmap'))
    .option('--cols <LIST>', t.label('help.opt.cols'))
    .option('--drop-cols <LIST>', t.label('help.opt.dropCols'))
    .option('--index-col <COL|auto|none>', t.label('help.opt.indexCol'))
    .option('--header <auto|yes|no>', t.label('help.opt.header'))
    .option('--hist', t.label('help.opt.hist'))
    .option('--plot <FILE.svg>', t.label('help.opt.plot'));
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

function exitCodesText(t: Translator): string {
  const lines = (Object.keys(EXIT) as (keyof typeof EXIT)[]).map(
    (name) => `  ${String(EXIT[name]).padEnd(5)}${t.label(EXIT_HELP[name])}`,
  );
  return `\n${t.label('help.exitCodes')}\n${lines.join('\n')}\n`;
}

function examplesText(spec: CommandSpec, t: Translator): string {
  const lines = [`\n${t.label('help.examples')}`, ...spec.examples.map((e) => `  $ ${e}`)];
  return lines.join('\n') + '\n';
}

export function buildProgram(
  commands: readonly CommandSpec[],
  t: Translator,
  version: string,
  output: { out: (s: string) => void; width: number },
  onSelect: (selection: Selection) => void,
  /**
   * The command being run, when known: the others are registered by name and summary only
   * (enough for the command list and suggestions), which keeps start-up short.
   */
  only?: string,
): Command {
  const helpConfig = {
    showGlobalOptions: true,
    helpWidth: output.width,
    styleTitle: (title: string) => (TITLES[title] ? t.label(TITLES[title]) : title),
    displayWidth: (text: string) => displayWidth(text),
    sortOptions: false,
  } satisfies Partial<Help>;
  const program = new Command('xent')
    .description(`${t.label('help.program')}\n\n${t.label('help.programMore')}`)
    .version(version, '-V, --version', t.label('help.opt.version'))
    .helpOption('-h, --help', t.label('help.opt.help'))
    .helpCommand('help [command]', t.label('help.cmd.help'))
    .configureHelp(helpConfig)
    .configureOutput({ writeOut: output.out, writeErr: () => {}, outputError: () => {} })
    .exitOverride()
    .addHelpText('after', exitCodesText(t));
  addGlobalOptions(program, t);

  for (const spec of commands) {
    if (only !== undefined && spec.name !== only) {
      program
        .command(spec.name)
        .aliases([...(spec.aliases ?? [])])
        .summary(t.label(spec.summary));
      continue;
    }
    const command = program
      .command(spec.name)
      .aliases([...(spec.aliases ?? [])])
      .summary(t.label(spec.summary))
      .description([spec.summary, ...(spec.details ?? [])].map((key) => t.label(key)).join('\n\n'))
      .helpOption('-h, --help', t.label('help.opt.help'))
      .configureHelp(helpConfig)
      .configureOutput({ writeOut: output.out, writeErr: () => {}, outputError: () => {} })
      .exitOverride()
      .addHelpText('after', examplesText(spec, t));
    const positional = spec.input === 'matrix' || spec.input === 'optional';
    if (positional) command.argument('[matrix...]', t.label('help.arg.matrix'));
    for (const option of spec.options) command.option(option.flags, t.label(option.description));
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
    .summary(t.label('help.cmd.completion'))
    .description(t.label('help.cmd.completion'))
    .argument('<shell>', t.label('help.arg.shell'))
    .helpOption('-h, --help', t.label('help.opt.help'))
    .configureHelp(helpConfig)
    .configureOutput({ writeOut: output.out, writeErr: () => {}, outputError: () => {} })
    .exitOverride()
    .addHelpText(
      'after',
      `\n${t.label('help.examples')}\n  $ source <(xent completion bash)\n  $ xent completion fish | source\n`,
    )
    .action((shell: string, _options: unknown, command: Command) => {
      const input = command.optsWithGlobals().input as string | undefined;
      if (input !== undefined) throw new XentError('err.inputNotRead', { command: 'completion', file: input }, true);
      output.out(completionScript(completionSpec(program, t.label('help.opt.help')), shell));
      throw new CommanderError(0, 'commander.helpDisplayed', '(completion script written)');
    });
  return program;
}
