// Builds commander's view of xent from the command table, in the user's language.
import { Command, CommanderError, type Help } from 'commander';
import type { CommandSpec } from '../commands/command.js';
import { completionScript, completionSpec } from './completion.js';
import { displayWidth, padEnd } from '../format/width.js';
import { shellLines, wrap } from '../format/wrap.js';
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
    boxWrap: (text: string, width: number) => wrapHelp(text, width),
    formatItem,
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
    .addHelpText('after', exitCodesText(t, output.width));
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
      .addHelpText('after', examplesText(spec, t, output.width));
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
