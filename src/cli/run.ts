// The whole CLI as a function: arguments, environment and input in; exit code and the
// text for stdout and stderr out. Only src/main.ts touches the process.
import { CommanderError } from 'commander';
import { COMMANDS } from '../commands/index.js';
import type { CommandSpec, OptionalMatrixCommandSpec } from '../commands/command.js';
import { EXAMPLE_MATRIX } from '../commands/example.js';
import { XentError } from '../errors.js';
import { FORMATS, type Format, formatReport } from '../format/index.js';
import { LANGS, type Lang, langFromEnv } from '../i18n/lang.js';
import { type Translator, makeTranslator } from '../i18n/translator.js';
import { separateData } from './argv.js';
import { colorEnabled, makeStyle } from './color.js';
import { type InputIo, type MatrixInput, readMatrixInput, readMatrixOption } from './input.js';
import { readChoice, readPrecision } from './option-values.js';
import { type Selection, buildProgram } from './program.js';
import { suggest } from './suggest.js';

export interface CliIo extends InputIo {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTTY: boolean;
  /** Terminal width for help text. */
  readonly columns?: number;
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

declare const XENT_VERSION: string | undefined;
const VERSION = typeof XENT_VERSION === 'string' ? XENT_VERSION : '0.0.0-dev';

/** --lang is needed before commander runs (its errors are translated), so it is read first. */
function languageOf(argv: readonly string[], env: CliIo['env']): Lang {
  for (let k = 0; k < argv.length; k++) {
    const token = argv[k];
    if (token === '--') break;
    let value: string | undefined;
    if (token === '-L' || token === '--lang') value = argv[k + 1];
    else if (token.startsWith('--lang=')) value = token.slice('--lang='.length);
    else if (token.startsWith('-L') && token.length > 2) value = token.slice(2);
    if (value !== undefined) {
      const lang = value.trim().toLowerCase();
      if ((LANGS as readonly string[]).includes(lang)) return lang as Lang;
      throw Object.assign(new XentError('err.badChoice', { option: '--lang', choices: LANGS.join(', '), value }, true), {
        lang: langFromEnv(env),
      });
    }
  }
  return langFromEnv(env);
}

/** A commander error as a translated XentError; help and version are not errors. */
function fromCommander(error: CommanderError, argv: readonly string[]): XentError {
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  const names = COMMANDS.flatMap((c) => [c.name, ...(c.aliases ?? [])]);
  switch (error.code) {
    case 'commander.unknownCommand': {
      const near = suggest(quoted, [...names, 'help']);
      return new XentError('err.unknownCommand', { command: quoted, hint: hint(near) }, true);
    }
    case 'commander.unknownOption': {
      const flags = knownFlags(argv);
      const near = suggest(quoted.split('=')[0], flags);
      return new XentError('err.unknownOption', { option: quoted, hint: hint(near) }, true);
    }
    case 'commander.optionMissingArgument':
      return new XentError('err.optionNeedsValue', { option: quoted.split(/[ ,]/)[0] }, true);
    case 'commander.missingArgument':
      return new XentError('err.missingArgument', { argument: quoted }, true);
    case 'commander.excessArguments':
      return new XentError('err.excessArguments', { command: commandName(argv) ?? 'xent', token: excessToken(argv) }, true);
    default:
      return new XentError('err.internal', { message: error.message });
  }
}

function hint(near: string | undefined) {
  return near ? { key: 'err.didYouMean' as const, params: { suggestion: near } } : '';
}

function commandName(argv: readonly string[]): string | undefined {
  const names = new Map(COMMANDS.flatMap((c) => [c.name, ...(c.aliases ?? [])].map((n) => [n, c.name] as const)));
  for (const token of argv) if (names.has(token)) return names.get(token);
  return undefined;
}

function excessToken(argv: readonly string[]): string {
  const name = commandName(argv);
  const at = name ? argv.indexOf(name) : -1;
  return argv.slice(at + 1).find((a) => !a.startsWith('-')) ?? '';
}

function knownFlags(argv: readonly string[]): string[] {
  const global = ['--input', '--format', '--precision', '--lang', '--example', '--color', '--no-color', '--help', '--version'];
  const name = commandName(argv);
  const spec = COMMANDS.find((c) => c.name === name);
  const own = spec ? spec.options.flatMap((o) => o.flags.split(/[ ,]+/).filter((f) => f.startsWith('--'))) : [];
  return [...own, ...global];
}

function errorText(error: XentError, t: Translator, argv: readonly string[]): string {
  const prefix = (line: string, label: string) => `xent: ${label}: ${line}`;
  const message = t.t(error.key, error.params).split('\n');
  const labels = t.t('err.prefix').split('\n');
  const lines = message.map((line, k) => prefix(line, labels[k] ?? labels[0]));
  if (error.usage) {
    const name = commandName(argv);
    lines.push(...t.t('err.tryHelp', { command: name ? `xent ${name}` : 'xent' }).split('\n'));
  }
  return lines.join('\n') + '\n';
}

async function execute(selection: Selection, io: CliIo, t: Translator): Promise<{ stdout: string; stderr: string }> {
  const { spec, args, options } = selection;
  const format = readChoice(options.format as string | undefined, '--format', FORMATS, io.stdoutIsTTY ? 'table' : 'tsv') as Format;
  const precisionText = options.precision as string | undefined;
  const decimals = readPrecision(precisionText);
  const values = options as Record<string, string | boolean | undefined>;
  const fromOptions = spec.input === 'optional' && suppliedByOptions(spec, selection);
  const input = fromOptions ? undefined : await inputFor(spec, selection, io);
  const context = {
    t,
    inputSource: input?.source ?? { key: 'source.args' as const },
    readMatrixOption: (value: string, option: string) => readMatrixOption(io, value, option),
  };
  const report =
    spec.input === 'optional'
      ? await spec.run(input?.matrix, values, context)
      : await spec.run((input as MatrixInput).matrix, values, context);
  const color = colorEnabled(options.color as boolean | undefined, io.env, io.stdoutIsTTY);
  const stdout = formatReport(report, format, {
    decimals,
    decimalsGiven: precisionText !== undefined,
    style: makeStyle(color),
  });
  // In `both`, a warning is two lines (zh, en), each with the prefix in its own language.
  const labels = t.t('warn.prefix').split('\n');
  const lines = (report.warnings ?? []).flatMap((w) => w.split('\n').map((line, k) => `xent: ${labels[k] ?? labels[0]}: ${line}\n`));
  return { stdout, stderr: lines.join('') };
}

/** An 'optional' command whose data options are given, with no matrix given: no matrix to read. */
function suppliedByOptions(spec: OptionalMatrixCommandSpec, { args, options }: Selection): boolean {
  if (args.length > 0 || options.input !== undefined || options.example === true) return false;
  return spec.dataOptions.some((name) => options[name] !== undefined);
}

async function inputFor(spec: CommandSpec, { args, options }: Selection, io: CliIo): Promise<MatrixInput> {
  if (spec.input === 'none') {
    if (args.length > 0) throw new XentError('err.excessArguments', { command: spec.name, token: args[0] }, true);
    return { matrix: EXAMPLE_MATRIX, source: 'example' };
  }
  if (options.example === true) {
    if (args.length > 0 || options.input !== undefined) throw new XentError('err.inputTwice', {}, true);
    return { matrix: EXAMPLE_MATRIX, source: 'example' };
  }
  return readMatrixInput(io, args, options.input as string | undefined, spec.examples[0] ?? `xent ${spec.name} 2 0.5 -1`);
}

export async function runCli(io: CliIo): Promise<CliResult> {
  let t = makeTranslator(langFromEnv(io.env));
  let stdout = '';
  try {
    t = makeTranslator(languageOf(io.argv, io.env));
    let selection: Selection | undefined;
    const program = buildProgram(
      COMMANDS,
      t,
      VERSION,
      { out: (s) => (stdout += s), width: Math.min(io.columns ?? 100, 120) },
      (s) => (selection = s),
    );
    try {
      await program.parseAsync(separateData(io.argv, program), { from: 'user' });
    } catch (error) {
      if (error instanceof CommanderError) {
        const helpShown = error.code === 'commander.help' && error.exitCode === 0; // `xent help softmax`
        if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || helpShown) {
          return { code: 0, stdout, stderr: '' };
        }
        if (error.code === 'commander.help' || error.code === 'commander.executeSubCommandAsync') {
          return { code: 2, stdout: '', stderr: program.helpInformation() };
        }
        throw fromCommander(error, io.argv);
      }
      throw error;
    }
    if (!selection) return { code: 2, stdout: '', stderr: program.helpInformation() };
    return { code: 0, ...(await execute(selection, io, t)) };
  } catch (error) {
    if (error instanceof XentError) {
      const lang = (error as XentError & { lang?: Lang }).lang;
      const translator = lang ? makeTranslator(lang) : t;
      return { code: error.exitCode, stdout: '', stderr: errorText(error, translator, io.argv) };
    }
    const message = error instanceof Error ? error.message : String(error);
    const stack = io.env.XENT_DEBUG && error instanceof Error && error.stack ? `${error.stack}\n` : '';
    return { code: 70, stdout: '', stderr: errorText(new XentError('err.internal', { message }), t, io.argv) + stack };
  }
}
