// The whole CLI as a function: arguments, environment and input in; exit code and the
// text for stdout and stderr out. Only src/main.ts touches the process.
import { CommanderError } from 'commander';
import { COMMANDS } from '../commands/index.js';
import type { CommandSpec, OptionalMatrixCommandSpec } from '../commands/command.js';
import { EXAMPLE_MATRIX } from '../commands/example.js';
import { XentError } from '../errors.js';
import { FORMATS, type Format, TEXT_FORMATS } from '../format/index.js';
import { loadTableRenderer } from '../format/table.js';
import { LANGS, type Lang, langFromEnv } from '../i18n/lang.js';
import { type Translator, makeTranslator } from '../i18n/translator.js';
import type { MessageParam, MessageParams } from '../i18n/messages.js';
import { planStream } from '../stream/index.js';
import { readInParallel } from '../stream/parallel.js';
import type { StreamPlan } from '../stream/plan.js';
import { StreamedStdout } from '../stream/output.js';
import { productHelper } from '../stream/product-thread.js';
import { shareLargeProducts } from '../math/matmul.js';
import { type Room, elideReport } from '../report/elide.js';
import { withInfNote } from '../report/inf-note.js';
import { separateData } from './argv.js';
import { colorEnabled, makeStyle } from './color.js';
import { type InputIo, type MatrixInput, type OpenedInput, openMatrixInput, parseInput, readMatrix, readMatrixOption } from './input.js';
import { readChoice, readPrecision } from './option-values.js';
import { type Selection, buildProgram } from './program.js';
import { suggest } from './suggest.js';
import { defaultFormat, needsReport, optionsFor, readTeaching, taughtPieces, teach } from './teach.js';

export interface CliIo extends InputIo {
  /**
   * Writes to stdout at once. When given, large outputs are written through it as they are
   * produced (after their first 8 MB) instead of returned at the end. The bytes are reused
   * once its promise resolves.
   */
  readonly write?: (bytes: Uint8Array) => Promise<void>;
  /** Shows a progress line on a terminal's stderr ('' clears it); absent for pipes. */
  readonly progress?: (line: string) => void;
  /**
   * The worker thread's script (dist/xent-part.cjs): given, a large file may be read by two
   * threads at once (src/stream/parallel.ts). In-process tests leave it out.
   */
  readonly workerScript?: string;
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTTY: boolean;
  /** Terminal size: the width for help text; big tables are cut to fit. */
  readonly columns?: number;
  readonly rows?: number;
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
  const global = ['--input', '--format', '--precision', '--lang', '--example', '--full', '--color', '--no-color', '--explain', '--row', '--expect', '--heatmap', '--help', '--version'];
  const name = commandName(argv);
  const spec = COMMANDS.find((c) => c.name === name);
  const own = spec ? spec.options.flatMap((o) => o.flags.split(/[ ,]+/).filter((f) => f.startsWith('--'))) : [];
  return [...own, ...global];
}

/** Control characters in what the user wrote, as escapes: a quoted token stays on its line. */
function printable(params: MessageParams): MessageParams {
  const escape = (text: string) =>
    text.replace(/[\x00-\x1f\x7f]/g, (c) => ({ '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  const out: Record<string, MessageParam> = {};
  for (const [name, value] of Object.entries(params)) {
    out[name] = typeof value === 'string' ? escape(value) : typeof value === 'object' ? { key: value.key, params: printable(value.params ?? {}) } : value;
  }
  return out;
}

function errorText(error: XentError, t: Translator, argv: readonly string[]): string {
  const prefix = (line: string, label: string) => `xent: ${label}: ${line}`;
  const message = t.t(error.key, printable(error.params)).split('\n');
  const labels = t.t('err.prefix').split('\n');
  const lines = message.map((line, k) => prefix(line, labels[k] ?? labels[0]));
  if (error.usage) {
    const name = commandName(argv);
    lines.push(...t.t('err.tryHelp', { command: name ? `xent ${name}` : 'xent' }).split('\n'));
  }
  return lines.join('\n') + '\n';
}

/** Characters of output between two chances to write it out (see StreamedStdout). */
const FLUSH_EVERY = 1 << 20;

/** A progress line on stderr for work that takes more than a second (terminals only). */
function progressReporter(io: CliIo, t: Translator, source: MessageParam) {
  const start = Date.now();
  let last = 0;
  let shown = false;
  return {
    update(bytes: number, rows: number) {
      const now = Date.now();
      if (!io.progress || now - start < 1000 || now - last < 200) return;
      last = now;
      shown = true;
      io.progress(t.label('progress.reading', { source, mb: (bytes / 1e6).toFixed(1), rows }));
    },
    done() {
      if (shown) io.progress?.('');
    },
  };
}

async function execute(selection: Selection, io: CliIo, t: Translator): Promise<{ code: number; stdout: string; stderr: string }> {
  const { spec, args, options } = selection;
  // Large matrix products (contrastive losses on embeddings) share the work with the worker.
  shareLargeProducts(io.workerScript ? productHelper(io.workerScript) : undefined);
  const format = readChoice(options.format as string | undefined, '--format', FORMATS, defaultFormat(spec, options, io.stdoutIsTTY)) as Format;
  const precisionText = options.precision as string | undefined;
  const decimals = readPrecision(precisionText);
  const teaching = readTeaching(options);
  const values = optionsFor(spec, options, teaching) as Record<string, string | boolean | undefined>;
  const fromOptions = spec.input === 'optional' && suppliedByOptions(spec, selection);
  const streamable = !fromOptions && spec.input !== 'none' && options.example !== true;
  const opened = streamable ? openMatrixInput(io, args, options.input as string | undefined, exampleOf(spec)) : undefined;
  const progress = progressReporter(io, t, opened?.source ?? '');
  try {
    const out = new StreamedStdout(io.write);
    const plan = opened && !needsReport(options)
      ? planStream(spec.name, {
          format,
          options: values,
          decimals: precisionText !== undefined ? decimals : undefined,
          source: opened.source,
          out,
        })
      : undefined;
    if (opened && plan) {
      const between = async (bytes: number, count: number) => {
        progress.update(bytes, count);
        await out.flushIfLarge();
      };
      // A large file, a plan whose sums merge, a worker to run: two threads read it at once.
      const shared =
        plan.parallel && io.workerScript && opened.path !== undefined
          ? await readInParallel(opened.path, opened.source, plan.parallel.task, io.workerScript, between)
          : undefined;
      if (shared) {
        plan.parallel!.adopt(shared.sums);
        return { code: 0, stdout: out.rest() + plan.finish(shared.rows, shared.cols), stderr: '' };
      }
      // Row by row: the input is never held whole, and large output is written as it comes.
      const { rows, cols } = await parseInput(opened, plan.onRow, between);
      return { code: 0, stdout: out.rest() + plan.finish(rows, cols), stderr: '' };
    }
    const input = opened
      ? await readMatrix(opened, (bytes, rows) => progress.update(bytes, rows))
      : fromOptions
        ? undefined
        : exampleInput(spec, selection);
    // Tables bigger than the terminal lose their middle rows and columns (--full keeps them).
    const cutsTables = format === 'table' && io.stdoutIsTTY && options.full !== true;
    const context = {
      t,
      inputSource: input?.source ?? { key: 'source.args' as const },
      readMatrixOption: (value: string, option: string) => readMatrixOption(io, value, option),
      printsTables: TEXT_FORMATS.has(format) || teaching.heatmap,
      room: cutsTables ? roomIn(io) : undefined,
    };
    const computed =
      spec.input === 'optional'
        ? await spec.run(input?.matrix, values, context)
        : await spec.run((input as MatrixInput).matrix, values, context);
    // Notes are printed with the tables only; looking for an inf would read every lazy row.
    const report = TEXT_FORMATS.has(format) ? withInfNote(computed, t) : computed;
    const color = colorEnabled(options.color as boolean | undefined, io.env, io.stdoutIsTTY);
    if (format !== 'tsv' && format !== 'csv' && format !== 'json' && format !== 'value') await loadTableRenderer();
    const shown = cutsTables ? elideReport(report, roomIn(io), t.t('note.elided')) : report;
    // --explain, --expect, --heatmap (src/cli/teach.ts): a derivation, a check (exit code 1 if wrong), shading.
    const taught = await teach(spec, { input: input?.matrix, options: values, report: shown, context, decimals }, teaching);
    const pieces = taughtPieces(
      taught,
      format,
      { decimals, decimalsGiven: precisionText !== undefined, style: await makeStyle(color) },
      teaching,
    );
    // A large output (a matrix as JSON or TSV) is written as it is made, not built whole.
    let sinceFlush = 0;
    for (const piece of pieces) {
      out.write(piece);
      sinceFlush += piece.length;
      if (sinceFlush >= FLUSH_EVERY) {
        sinceFlush = 0;
        await out.flushIfLarge();
      }
    }
    const stdout = out.rest();
    // In `both`, a warning is two lines (zh, en), each with the prefix in its own language.
    const labels = t.t('warn.prefix').split('\n');
    const lines = (report.warnings ?? []).flatMap((w) => w.split('\n').map((line, k) => `xent: ${labels[k] ?? labels[0]}: ${line}\n`));
    return { code: taught.code, stdout, stderr: lines.join('') };
  } finally {
    progress.done();
  }
}

/** How many rows and value columns of a table fit the terminal (a probability cell with its bar is ~18 wide). */
function roomIn(io: CliIo): Room {
  const rows = Math.max(6, (io.rows ?? 40) - 12);
  const cols = Math.max(4, Math.floor(((io.columns ?? 100) - 10) / 19));
  return { rows, cols };
}

function exampleOf(spec: CommandSpec): string {
  return spec.examples[0] ?? `xent ${spec.name} 2 0.5 -1`;
}

/** An 'optional' command whose data options are given, with no matrix given: no matrix to read. */
function suppliedByOptions(spec: OptionalMatrixCommandSpec, { args, options }: Selection): boolean {
  if (args.length > 0 || options.input !== undefined || options.example === true) return false;
  return spec.dataOptions.some((name) => options[name] !== undefined);
}

/** The input of a command that reads none ('none'), or of --example. */
function exampleInput(spec: CommandSpec, { args, options }: Selection): MatrixInput {
  if (spec.input === 'none' && args.length > 0) {
    throw new XentError('err.excessArguments', { command: spec.name, token: args[0] }, true);
  }
  if (spec.input !== 'none' && (args.length > 0 || options.input !== undefined)) {
    throw new XentError('err.exampleAndInput', {}, true);
  }
  return { matrix: EXAMPLE_MATRIX, source: 'example' };
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
      commandName(io.argv),
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
    return await execute(selection, io, t);
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

/**
 * An error line for the entry point (a failed write of the output), in the user's language:
 * the entry point has no translator of its own.
 */
export function errorLine(io: Pick<CliIo, 'argv' | 'env'>, key: 'err.writeFailed' | 'err.stdoutClosed', reason = ''): string {
  let lang: Lang;
  try {
    lang = languageOf(io.argv, io.env);
  } catch {
    lang = langFromEnv(io.env);
  }
  return errorText(new XentError(key, { reason }), makeTranslator(lang), io.argv);
}
