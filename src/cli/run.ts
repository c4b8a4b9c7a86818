// The whole CLI as a function: arguments, environment and input in; exit code and the
// text for stdout and stderr out. Only src/main.ts touches the process.
import { type Command, CommanderError } from 'commander';
import { COMMAND_DIRECTORY } from '../commands/directory.js';
import type { CommandSpec, OptionValues, OptionalMatrixCommandSpec } from '../commands/command.js';
import { EXAMPLE_MATRIX } from '../commands/example.js';
import { XentError } from '../core/errors.js';
import { displaySafe } from '../format/display-safe.js';
import { EXIT, type ExitCode } from '../core/exit-codes.js';
import { BINARY_FORMATS, FORMATS, type Format, TEXT_FORMATS, npyPieces } from '../format/index.js';
import type { TableFit } from '../format/table.js';
import { type Translator, makeTranslator } from '../i18n/translator.js';
import type { MessageParam } from '../i18n/messages.js';
import { createSums } from '../commands/streams/sums.js';
import type { Spill } from '../rows/spill.js';
import { readInParallel } from '../rows/parallel.js';
import { readInStep } from '../rows/in-step.js';
import { StreamedStdout } from '../rows/output.js';
import { type StartWorker, productHelper } from '../rows/product-thread.js';
import { shareLargeProducts } from '../core/matmul.js';
import { type Room, elideReport } from '../report/elide.js';
import { withInfNote } from '../report/inf-note.js';
import { type Warning, warning } from '../report/report.js';
import { capWarnings } from '../report/warnings.js';
import { separateData } from './argv.js';
import { colorEnabled, makeStyle } from './color.js';
import {
  type InputIo,
  type MatrixInput,
  openMatrixInput,
  openMatrixOption,
  parseInput,
  readFileText,
  readMatrix,
  readMatrixOption,
} from '../rows/input.js';
import { DistributionRows, refuseColumnVector } from '../rows/input-checks.js';
import { rowView } from '../core/matrix.js';
import { readChoice, readPrecision } from '../text/option-values.js';
import { type ColumnOptions, type InputNote, readColumnOptions, targetColumnRef } from '../text/columns.js';
import type { MatrixTextParser, ParsedMatrix } from '../text/matrix-text.js';
import type { ReadingExtras } from '../rows/plan.js';
import { type TargetColumnUse, targetsFromColumn } from '../commands/target-column.js';
import { type Selection, buildProgram } from './program.js';
import { commandAt, commandOf, versionOnly } from './route.js';
import { decideLanguage, errorText, internalErrorText, printable } from './error-text.js';
import { VERSION } from './version.js';
import { suggest, usualMeaning } from './suggest.js';
import { defaultFormat, needsReport, readTeaching, specFor, taughtPieces, teach } from './teach.js';
import { firstTemperature, runSweep, sweepTemperatures } from './sweep.js';
import { chartLook, needsCharts, readPlotFile, withHistogram, writePlot } from './charts.js';

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
   * threads at once (src/rows/parallel.ts). In-process tests leave it out.
   */
  readonly workerScript?: string;
  /** Starts a worker thread on it (the matrix products' second thread); given with workerScript. */
  readonly startWorker?: StartWorker;
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTTY: boolean;
  /** Terminal size: the width for help text; big tables are cut to fit. */
  readonly columns?: number;
  readonly rows?: number;
  /** Writes a file the user named (--plot FILE.svg). */
  readonly writeFile?: (path: string, text: string) => Promise<void>;
  /**
   * A temporary file to copy a piped input into, for a plan that reads its input twice, or to
   * keep what a plan holds out of memory (src/rows/spill.ts). Without it, such a plan takes a
   * pipe whole, and softmax -f json holds its rows in memory.
   */
  readonly openSpill?: () => Spill;
  /** Whether a path is a regular file, which can be read twice; without it, every named file is taken to be one. */
  readonly isRegularFile?: (path: string) => boolean;
}

export interface CliResult {
  readonly code: ExitCode;
  readonly stdout: string;
  /** Binary output (-f npy), written instead of stdout. */
  readonly stdoutBytes?: Uint8Array;
  readonly stderr: string;
}

/** A commander error as a translated XentError; help and version are not errors. */
function fromCommander(error: CommanderError, argv: readonly string[], commands: readonly CommandSpec[]): XentError {
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  const names = COMMAND_DIRECTORY.flatMap((c) => [c.name, ...c.aliases]);
  switch (error.code) {
    case 'commander.unknownCommand': {
      return new XentError('err.unknownCommand', { command: quoted, hint: commandHint(quoted, names) }, true);
    }
    case 'commander.unknownOption': {
      const flags = knownFlags(argv, commands);
      const near = suggest(quoted.split('=')[0], flags);
      return new XentError('err.unknownOption', { option: quoted, hint: hint(near) }, true);
    }
    case 'commander.optionMissingArgument':
      return new XentError('err.optionNeedsValue', { option: quoted.split(/[ ,]/)[0] }, true);
    case 'commander.missingArgument':
      return new XentError('err.missingArgument', { argument: quoted }, true);
    case 'commander.excessArguments':
      return new XentError(
        'err.excessArguments',
        { command: commandOf(argv) ?? 'xent', token: excessToken(argv) },
        true,
      );
    default:
      return new XentError('err.internal', { message: error.message });
  }
}

function hint(near: string | undefined) {
  return near ? { key: 'err.didYouMean' as const, params: { suggestion: near } } : '';
}

/**
 * What an unknown command is near: the closest name, and what another library's name for a
 * loss means in xent (nll → ce --probs, svm → hinge, kd → distill).
 */
function commandHint(word: string, names: readonly string[]): MessageParam {
  const near = suggest(word, [...names, 'help']);
  const meaning = usualMeaning(word, names);
  if (!meaning) return hint(near);
  const meant = { key: 'err.usuallyMeant' as const, params: { usage: meaning.usage, why: { key: meaning.why } } };
  // "did you mean kl?" beside "try 'xent distill'" only when it names another command.
  if (!near || meaning.usage.split(' ')[1] === near) return meant;
  return { key: 'err.hintPair' as const, params: { first: hint(near), second: meant } };
}

function excessToken(argv: readonly string[]): string {
  const at = commandAt(argv)?.at ?? -1;
  return argv.slice(at + 1).find((a) => !a.startsWith('-')) ?? '';
}

function knownFlags(argv: readonly string[], commands: readonly CommandSpec[]): string[] {
  const global = [
    '--input',
    '--key',
    '--format',
    '--precision',
    '--lang',
    '--example',
    '--full',
    '--color',
    '--no-color',
    '--explain',
    '--row',
    '--expect',
    '--tol',
    '--rtol',
    '--heatmap',
    '--cols',
    '--drop-cols',
    '--index-col',
    '--header',
    '--hist',
    '--plot',
    '--help',
    '--version',
  ];
  const name = commandOf(argv);
  const spec = commands.find((c) => c.name === name);
  const own = spec ? spec.options.flatMap((o) => o.flags.split(/[ ,]+/).filter((f) => f.startsWith('--'))) : [];
  return [...own, ...global];
}

/** The words after `help` (`xent -L zh help softmax` → ['softmax']), or undefined for another command. */
function helpTopics(argv: readonly string[], program: Command): string[] | undefined {
  const words: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const token = argv[k];
    if (token === '--') {
      for (let j = k + 1; j < argv.length; j++) words.push(argv[j]);
      break;
    }
    if (token.startsWith('-') && token !== '-') {
      const option = program.options.find((o) => o.short === token || o.long === token);
      if (option?.required) k++; // its value: `-L zh`
      continue;
    }
    words.push(token);
  }
  return words[0] === 'help' ? words.slice(1) : undefined;
}

/**
 * Checks `xent help NAME` before commander, which prints the whole help for an unknown NAME
 * (exit 2, no word of why) and ignores a second word: an unknown command is an error that
 * names it, with a suggestion, as for `xent NAME`. True for `xent help help`: the program's help.
 */
function helpOfHelp(argv: readonly string[], program: Command): boolean {
  const topics = helpTopics(argv, program);
  if (!topics || topics.length === 0) return false;
  if (topics.length > 1) throw new XentError('err.helpExtra', { token: topics[1] }, true);
  if (topics[0] === 'help') return true;
  const names = program.commands.flatMap((c) => [c.name(), ...c.aliases()]);
  if (!names.includes(topics[0])) {
    throw new XentError('err.unknownCommand', { command: topics[0], hint: commandHint(topics[0], names) }, true);
  }
  return false;
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
      // The file's name as the user wrote it, inert: the line is redrawn in place on the terminal.
      io.progress(t.label('progress.reading', printable({ source, mb: (bytes / 1e6).toFixed(1), rows })));
    },
    /** Clears the line once the reading is over: a computation after it shows none. */
    done() {
      if (shown) io.progress?.('');
      shown = false;
    },
  };
}

async function execute(selection: Selection, io: CliIo, t: Translator): Promise<CliResult> {
  const { command, args, options } = selection;
  // Large matrix products (contrastive losses on embeddings) share the work with the worker.
  shareLargeProducts(io.workerScript && io.startWorker ? productHelper(io.workerScript, io.startWorker) : undefined);
  const format = readChoice(
    options.format as string | undefined,
    '--format',
    FORMATS,
    defaultFormat(command, options, io.stdoutIsTTY),
  ) as Format;
  const precisionText = options.precision as string | undefined;
  const decimals = readPrecision(precisionText);
  const teaching = await readTeaching(options, (path) => readFileText(io, path));
  if (BINARY_FORMATS.has(format)) {
    if (io.stdoutIsTTY) throw new XentError('err.npyTerminal', {}, true);
    const taught = teaching.explain ? '--explain' : teaching.heatmap ? '--heatmap' : undefined;
    if (taught) throw new XentError('err.npyTeaching', { option: taught }, true);
  }
  // What the reader decided about the input and option matrices (a header, row labels): on stderr.
  const inputNotes: InputNote[] = [];
  const noted = (m: ParsedMatrix) => {
    if (m.notes) for (const note of m.notes) inputNotes.push(note);
    return m;
  };
  const readMatrixOptionOf = async (value: string, option: string, probabilities?: boolean) =>
    noted(await readMatrixOption(io, value, option, probabilities));
  const plotFile = readPlotFile(options as OptionValues);
  // -t with several temperatures: the spec is read at the first (src/cli/sweep.ts).
  const temperatures = sweepTemperatures(command, options as OptionValues);
  const fromOptions = command.input === 'optional' && suppliedByOptions(command, selection);
  const streamable = !fromOptions && command.input !== 'none' && options.example !== true;
  const { columns, targetUse } = columnOptionsOf(command, options);
  // Data given by options (distill's two matrices) may be read row by row, in step, when nothing needs them whole.
  const inStep =
    command.input === 'none' && !needsReport(options) && !temperatures && !needsCharts(options as OptionValues);
  // The command's options, read once into its typed spec: everything below gets the spec.
  const readSpec = async (fromColumn?: readonly number[]): Promise<unknown> =>
    specFor(
      command,
      await command.readSpec(firstTemperature(options as OptionValues, temperatures), {
        t,
        readMatrixOption: readMatrixOptionOf,
        ...(fromColumn ? { targetsFromColumn: fromColumn } : {}),
        ...(inStep
          ? { rows: { format, open: (value: string, option: string) => openMatrixOption(io, value, option) } }
          : {}),
      }),
      teaching,
    );
  // With `-y col:NAME` the spec waits for the input (below); its percentages are then refused.
  let spec = targetUse ? undefined : await readSpec();
  const key = options.key as string | undefined;
  if (key !== undefined && !streamable) throw new XentError('err.keyUnused', { command: command.name, key }, true);
  // How the input is read: a JSON field (--key), percentages where it holds probabilities.
  const reading = { key, percent: spec !== undefined && command.abilities.probabilityInput?.(spec) === true };
  const opened = streamable
    ? openMatrixInput(io, args, options.input as string | undefined, exampleOf(command), reading)
    : undefined;
  const progress = progressReporter(io, t, opened?.source ?? '');
  let spill: Spill | undefined;
  // Temporary files a plan opened (softmax -f json's rows), closed with the run.
  const kept: Spill[] = [];
  const keep = (file: Spill) => {
    kept.push(file);
    return file;
  };
  try {
    // `-y col:NAME`: the targets are in the input, read (whole) before the spec that needs them.
    let early: MatrixInput | undefined;
    if (targetUse) {
      if (!opened) throw new XentError('err.targetColumn.noInput', { option: targetUse.flag }, true);
      early = await readMatrix(opened, (bytes, rows) => progress.update(bytes, rows), columns);
      progress.done();
      noted(early.matrix);
      spec = await readSpec(targetsFromColumn(early.matrix, targetUse, options.oneBased === true, early.source));
    }
    const out = new StreamedStdout(io.write);
    // Arguments and a regular file can be read again; a pipe, a FIFO or /dev/stdin cannot.
    const rereadable = args.length > 0 || (opened?.path !== undefined && (io.isRegularFile?.(opened.path) ?? true));
    const plan =
      opened && !early && !needsReport(options) && !temperatures && !needsCharts(options as OptionValues)
        ? command.abilities.stream?.(spec, {
            format,
            decimals: precisionText !== undefined ? decimals : undefined,
            source: opened.source,
            out,
            // A regular file is read again; anything else (a pipe, a FIFO) is copied to a temporary file as it is read.
            rereadable: rereadable || io.openSpill !== undefined,
            openSpill: io.openSpill && (() => keep(io.openSpill!())),
          })
        : undefined;
    const stepPlan = inStep
      ? command.abilities.streamInStep?.(spec, {
          format,
          decimals: precisionText !== undefined ? decimals : undefined,
          out,
        })
      : undefined;
    if (stepPlan) {
      const [first, second] = stepPlan.inputs;
      const stepProgress = progressReporter(io, t, first.name);
      const read = await readInStep(first, second, stepPlan.onRows.bind(stepPlan), async (bytes, count) => {
        stepProgress.update(bytes, count);
        await out.flushIfLarge();
      });
      stepProgress.done();
      for (const note of read.notes) inputNotes.push(note);
      const finished = stepPlan.finish(read.rows, read.cols);
      return { code: EXIT.ok, stdout: out.rest() + finished, stderr: notesText(inputNotes, t) };
    }
    // Rows of one class each (a column vector) are refused, and probabilities given as
    // logits are warned of, streamed or whole.
    const classesInRows = command.classesInRows?.(spec) === true;
    const notColumn = (rows: number, cols: number, source: MessageParam) => {
      if (classesInRows) refuseColumnVector(rows, cols, source, command.name);
    };
    const logitsHint = command.logitsInRows?.(spec);
    const distributions = logitsHint ? new DistributionRows() : undefined;
    const inputWarnings = (source: MessageParam): Warning[] =>
      logitsHint && distributions?.every
        ? [
            warning(t, logitsHint === 'probs-option' ? 'warn.probsAsLogits' : 'warn.probsAsLogitsNoOption', {
              source,
              command: command.name,
            }),
          ]
        : [];
    if (opened && plan) {
      const between = async (bytes: number, count: number) => {
        progress.update(bytes, count);
        await out.flushIfLarge();
      };
      // A large file, a plan whose sums merge, a worker to run: two threads read it at once
      // (its pieces are plain lines: neither a JSON field nor percentages are looked for there).
      const shared =
        plan.parallel &&
        io.workerScript &&
        opened.path !== undefined &&
        key === undefined &&
        !reading.percent &&
        isPlainColumns(columns) &&
        opened.member === undefined
          ? await readInParallel(
              opened.path,
              opened.source,
              plan.parallel.task,
              io.workerScript,
              between,
              createSums(plan.parallel.task),
            )
          : undefined;
      if (shared) {
        progress.done();
        notColumn(shared.rows, shared.cols, opened.source);
        plan.parallel!.adopt(shared.sums);
        const done = plan.finish(shared.rows, shared.cols, {});
        return {
          code: EXIT.ok,
          stdout: out.rest() + (typeof done === 'string' ? done : Array.from(done).join('')),
          stderr: notesText(inputNotes, t),
        };
      }
      // Row by row: the input is never held whole, and large output is written as it comes.
      // The checks of the input's shape run on the first reading, before anything is written.
      const checked =
        (onRow: typeof plan.onRow): typeof plan.onRow =>
        (row, index, labels) => {
          // The second row tells, before anything of the first is written.
          if (index === 1) notColumn(2, row.length, opened.source);
          distributions?.add(row);
          onRow(row, index, labels);
        };
      const checks = classesInRows || distributions !== undefined;
      let extras: ReadingExtras = {};
      const parsing = {
        columns,
        ...(plan.keepsRowLabels
          ? {
              keepLabels: true,
              onParsed: (parser: MatrixTextParser) => {
                extras = { rowLabels: parser.extras().rowLabels };
              },
            }
          : {}),
      };
      let again = opened;
      // A plan that reads its input more than once (retrieval's ranks, JSON's lists): each reading,
      // then the file again, or what the first reading copied to a temporary file (a pipe).
      let first: { rows: number; cols: number } | undefined;
      const passes = plan.firstPasses ?? [];
      if (passes.length > 0 && !rereadable) spill = io.openSpill!();
      for (const [k, pass] of passes.entries()) {
        const input = spill && k === 0 ? { ...opened, chunks: spill.copy(opened.chunks) } : again;
        const read = await parseInput(input, checks && k === 0 ? checked(pass.onRow) : pass.onRow, between, parsing);
        sameShape(first, read, opened.source);
        first ??= read;
        pass.end(read.rows, read.cols, extras);
        again = spill
          ? { ...opened, chunks: spill.readBack() }
          : openMatrixInput(io, args, options.input as string | undefined, exampleOf(command), reading);
      }
      const onRow = checks && first === undefined ? checked(plan.onRow) : plan.onRow;
      const onBlankLine = plan.onBlankLine?.bind(plan);
      const { rows, cols, notes } = await parseInput(again, onRow, between, {
        ...parsing,
        ...(onBlankLine ? { onBlankLine } : {}),
      });
      sameShape(first, { rows, cols }, opened.source);
      progress.done();
      for (const note of notes) inputNotes.push(note);
      const finished = plan.finish(rows, cols, extras);
      if (typeof finished !== 'string') {
        // A large result in pieces: written as it is made, not built whole.
        let sinceFlush = 0;
        for (const piece of finished) {
          out.write(piece);
          sinceFlush += piece.length;
          if (sinceFlush >= FLUSH_EVERY) {
            sinceFlush = 0;
            await out.flushIfLarge();
          }
        }
      }
      const stdout = out.rest() + (typeof finished === 'string' ? finished : '');
      // The input's warnings, then the plan's (rows of --probs off 1), as the whole-matrix path orders them.
      const streamWarnings = inputWarnings(opened.source);
      for (const { key, params } of plan.warnings?.() ?? []) streamWarnings.push(warning(t, key, params));
      return {
        code: EXIT.ok,
        stdout,
        stderr: notesText(inputNotes, t) + warningLines(streamWarnings, t),
      };
    }
    const input =
      early ??
      (opened
        ? await readMatrix(opened, (bytes, rows) => progress.update(bytes, rows), columns)
        : fromOptions
          ? undefined
          : exampleInput(command, selection));
    if (input && !early) noted(input.matrix);
    progress.done();
    if (input) {
      notColumn(input.matrix.rows, input.matrix.cols, input.source);
      if (distributions) for (let i = 0; i < input.matrix.rows; i++) distributions.add(rowView(input.matrix, i));
    }
    // Tables bigger than the terminal lose their middle rows and columns (--full keeps them).
    const cutsTables = format === 'table' && io.stdoutIsTTY && options.full !== true;
    const context = {
      t,
      inputSource: input?.source ?? { key: 'source.args' as const },
      readMatrixOption: readMatrixOptionOf,
      printsTables: TEXT_FORMATS.has(format) || teaching.heatmap,
      room: cutsTables ? roomIn(io) : undefined,
    };
    const ran = temperatures
      ? await runSweep(command, input?.matrix, spec, temperatures, context)
      : command.input === 'optional'
        ? await command.run(input?.matrix, spec, context)
        : await command.run((input as MatrixInput).matrix, spec, context);
    const computed = options.hist === true ? withHistogram(ran, command.name, t) : ran;
    // Checked after the run, so that a command's own message about its input (kl's) comes first.
    if (command.input === 'none' && options.input !== undefined) {
      throw new XentError('err.inputNotRead', { command: command.name, file: options.input as string }, true);
    }
    // Notes are printed with the tables only; looking for an inf would read every lazy row.
    const report = TEXT_FORMATS.has(format) ? withInfNote(computed, t) : computed;
    const color = colorEnabled(options.color as boolean | undefined, io.env, io.stdoutIsTTY);
    const shown = cutsTables ? elideReport(report, roomIn(io), t.t('note.elided')) : report;
    // --explain, --expect, --heatmap (src/cli/teach.ts): a derivation, a check (exit code 1 if wrong), shading.
    const taught = await teach(command, { input: input?.matrix, spec, report: shown, context, decimals }, teaching);
    if (plotFile !== undefined) await writePlot(plotFile, computed.charts ?? [], io.writeFile);
    const warnings = [...inputWarnings(input?.source ?? ''), ...(report.warnings ?? [])]; // spread-ok: a few warnings
    const stderr = () => notesText(inputNotes, t) + warningLines(warnings, t);
    if (BINARY_FORMATS.has(format)) {
      let sinceFlush = 0;
      for (const piece of npyPieces(taught.report.data)) {
        out.writeBytes(piece);
        sinceFlush += piece.length;
        if (sinceFlush >= FLUSH_EVERY) {
          sinceFlush = 0;
          await out.flushIfLarge();
        }
      }
      return { code: taught.code, stdout: '', stdoutBytes: out.restBytes(), stderr: stderr() };
    }
    const pieces = taughtPieces(
      taught,
      format,
      {
        decimals,
        decimalsGiven: precisionText !== undefined,
        style: await makeStyle(color),
        ...(io.stdoutIsTTY && io.columns !== undefined ? { width: io.columns } : {}),
        chart: chartLook(io.env, io.stdoutIsTTY, io.columns),
        ...(cutsTables ? { fit: tableFit(t) } : {}),
      },
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
    return { code: taught.code, stdout: out.rest(), stderr: stderr() };
  } finally {
    spill?.close();
    for (const file of kept) file.close();
    progress.done();
  }
}

/** Warnings as stderr shows them: in `both`, a warning is two lines (zh, en), each with the prefix in its own language. */
function warningLines(warnings: readonly Warning[], t: Translator): string {
  if (warnings.length === 0) return ''; // without reading the catalogue: most runs warn of nothing
  const labels = t.t('warn.prefix').split('\n');
  const lines = capWarnings(warnings, t).flatMap((w) =>
    w.split('\n').map((line, k) => `xent: ${labels[k] ?? labels[0]}${displaySafe(line)}\n`),
  );
  return lines.join('');
}

/**
 * --cols, --drop-cols, --index-col, --header, and the command's target option when it says
 * `col:NAME` (then `targetUse` says how the command reads that column).
 */
function columnOptionsOf(
  command: CommandSpec,
  options: Record<string, unknown>,
): { columns: ColumnOptions; targetUse?: TargetColumnUse } {
  const text = (name: string) => (typeof options[name] === 'string' ? (options[name] as string) : undefined);
  const use = command.abilities.targetColumn as TargetColumnUse | undefined;
  const targetText = use ? text(use.option) : undefined;
  const ref = use && targetText !== undefined ? targetColumnRef(targetText, use.flag) : undefined;
  const columns = readColumnOptions(
    { cols: text('cols'), dropCols: text('dropCols'), indexCol: text('indexCol'), header: text('header') },
    ref && use ? { ref, option: use.flag } : undefined,
  );
  return ref ? { columns, targetUse: use } : { columns };
}

/**
 * A reading of a file after the first must find the rows and columns the first found: a
 * file written to between the two readings is refused, not printed half old and half new.
 */
function sameShape(
  first: { rows: number; cols: number } | undefined,
  read: { rows: number; cols: number },
  source: MessageParam,
): void {
  if (first && (first.rows !== read.rows || first.cols !== read.cols)) {
    throw new XentError('err.inputChanged', {
      source,
      before: `${first.rows}×${first.cols}`,
      after: `${read.rows}×${read.cols}`,
    });
  }
}

/** No column chosen by the user: the input may be read in parallel pieces (auto-detection bails out of them itself). */
function isPlainColumns(columns: ColumnOptions): boolean {
  return Object.keys(columns).length === 0;
}

/** The reader's notes (a header of integers, row labels found) as warning lines, in the user's language. */
function notesText(notes: readonly InputNote[], t: Translator): string {
  return warningLines(
    notes.map((note) => ({ kind: note.key, text: t.t(note.key, printable(note.params)) })),
    t,
  );
}

/** What a table made narrower for the terminal says, in the user's language. */
function tableFit(t: Translator): TableFit {
  return {
    dropped: (columns) => t.t('note.droppedColumns', { columns: { list: columns } }),
    elided: t.t('note.elided'),
    marked: t.t('note.markColumn'),
  };
}

/**
 * How many rows and value columns of a table may fit the terminal: at most one column per 5
 * of its width (the narrowest a number takes); the formatter then fits the table to the
 * width it measures (src/format/fit-table.ts).
 */
function roomIn(io: CliIo): Room {
  const rows = Math.max(6, (io.rows ?? 40) - 12);
  const cols = Math.max(4, Math.floor(((io.columns ?? 100) - 10) / 5));
  return { rows, cols };
}

function exampleOf(spec: CommandSpec): string {
  return spec.examples[0] ?? `xent ${spec.name} 2 0.5 -1`;
}

/** An 'optional' command whose data options are given, with no matrix given: no matrix to read. */
function suppliedByOptions(command: OptionalMatrixCommandSpec, { args, options }: Selection): boolean {
  if (args.length > 0 || options.input !== undefined || options.example === true) return false;
  return command.dataOptions.some((name) => options[name] !== undefined);
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

/**
 * Runs a command line. `commands` are the commands this build holds: every one (COMMANDS), or
 * only the one the line runs in that command's own bundle (scripts/build.mjs); the others are
 * known by name (src/commands/directory.ts).
 */
export async function runCli(io: CliIo, commands: readonly CommandSpec[]): Promise<CliResult> {
  const { lang, badLang } = decideLanguage(io.argv, io.env);
  const t = makeTranslator(lang);
  let stdout = '';
  try {
    if (badLang) throw badLang;
    let selection: Selection | undefined;
    const program = buildProgram(
      commands,
      t,
      VERSION,
      { out: (s) => (stdout += s), width: Math.min(io.columns ?? 100, 120) },
      (s) => (selection = s),
      commandOf(io.argv) ?? (versionOnly(io.argv) ? '' : undefined),
    );
    if (helpOfHelp(io.argv, program)) {
      program.outputHelp(); // with the text added after it (the exit codes), unlike helpInformation()
      return { code: EXIT.ok, stdout, stderr: '' };
    }
    try {
      await program.parseAsync(separateData(io.argv, program), { from: 'user' });
    } catch (error) {
      if (error instanceof CommanderError) {
        const helpShown = error.code === 'commander.help' && error.exitCode === 0; // `xent help softmax`
        if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || helpShown) {
          return { code: EXIT.ok, stdout, stderr: '' };
        }
        if (error.code === 'commander.help' || error.code === 'commander.executeSubCommandAsync') {
          return { code: EXIT.usage, stdout: '', stderr: program.helpInformation() };
        }
        throw fromCommander(error, io.argv, commands);
      }
      throw error;
    }
    if (!selection) return { code: EXIT.usage, stdout: '', stderr: program.helpInformation() };
    return await execute(selection, io, t);
  } catch (error) {
    if (error instanceof XentError) {
      return { code: error.exitCode, stdout: '', stderr: errorText(error, t, io.argv) };
    }
    return { code: EXIT.internal, stdout: '', stderr: internalErrorText(io, error, t) };
  }
}
