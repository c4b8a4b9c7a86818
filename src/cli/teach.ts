// The teaching options every command shares: --explain (a derivation instead of the
// tables), --row K, --expect VALUES (a check table and exit code 1 when wrong; --tol and
// --rtol set how it judges) and --heatmap. run.ts calls these around a command's run; the commands know nothing of them.
import type { Command, CommandContext, CommandSpec } from '../commands/command.js';
import { COMMAND_DIRECTORY } from '../commands/directory.js';
import { XentError } from '../core/errors.js';
import { EXIT, type ExitCode } from '../core/exit-codes.js';
import type { Explanation } from '../teach/explain/explanation.js';
import type { ExplainInput } from '../teach/explain/explainer.js';
import {
  explanationWidth,
  renderExplanationLatex,
  renderExplanationMarkdown,
  renderExplanationText,
} from '../teach/explain/render.js';
import { type Format, type FormatOptions, reportPieces } from '../format/index.js';
import { jsonPieces } from '../format/json.js';
import { delimitedHeader } from '../format/delimited.js';
import { formatExact } from '../format/number.js';
import { formatLatex, needsCtex } from '../format/latex.js';
import { formatMarkdown } from '../format/markdown.js';
import { formatTable } from '../format/table.js';
import type { Translator } from '../i18n/translator.js';
import type { ParsedMatrix } from '../text/matrix-text.js';
import type { Report } from '../report/report.js';
import type { Alternative, Diagnosis } from '../teach/expect-diagnose.js';
import type { Tolerance } from '../teach/expect-judge.js';
import {
  type Claim,
  checkClaims,
  float32ScaleOf,
  readClaims,
  valueAlternatives,
  wantsGradient,
} from '../teach/expect.js';
import { readNumberOption } from '../text/option-values.js';

export interface Teaching {
  readonly explain: boolean;
  /** --row K as given (1-based). */
  readonly row?: number;
  readonly claims: readonly Claim[];
  /** --tol / --rtol: the judgement set explicitly. */
  readonly tolerance?: Tolerance;
  readonly heatmap: boolean;
}

/** The teaching options; `readFile` gives the text of a file named as `--expect @FILE`. */
export async function readTeaching(
  options: Readonly<Record<string, unknown>>,
  readFile: (path: string) => Promise<string>,
): Promise<Teaching> {
  const rowText = options.row as string | undefined;
  let row: number | undefined;
  if (rowText !== undefined) {
    row = Number(rowText.trim());
    if (!/^\s*\d+\s*$/.test(rowText) || row < 1) throw new XentError('err.teach.rowNumber', { value: rowText }, true);
    if (options.explain !== true) throw new XentError('err.teach.rowNeedsExplain', {}, true);
  }
  const expect = options.expect as string[] | string | undefined;
  const texts = expect === undefined ? [] : Array.isArray(expect) ? expect : [expect];
  const tolerance = readTolerance(options, texts.length > 0);
  const claims: Claim[] = [];
  for (const text of texts) claims.push(...(await readClaims(text, readFile))); // spread-ok: a text holds a few entries
  return {
    explain: options.explain === true,
    ...(row !== undefined ? { row } : {}),
    claims,
    ...(tolerance ? { tolerance } : {}),
    heatmap: options.heatmap === true,
  };
}

/** --tol ABS and --rtol REL (either, or both: right when |yours − correct| ≤ ABS + REL·|correct|). */
function readTolerance(options: Readonly<Record<string, unknown>>, expecting: boolean): Tolerance | undefined {
  const read = (option: string, text: unknown): number => {
    if (text === undefined) return 0;
    if (!expecting) throw new XentError('err.expect.toleranceAlone', { option }, true);
    const value = readNumberOption(text as string, option);
    if (!(value >= 0) || !Number.isFinite(value))
      throw new XentError('err.expect.tolerance', { option, value: text as string }, true);
    return value;
  };
  if (options.tol === undefined && options.rtol === undefined) return undefined;
  return { abs: read('--tol', options.tol), rel: read('--rtol', options.rtol) };
}

/** True when a teaching option needs the whole report (no row-by-row streaming). */
export function needsReport(options: Readonly<Record<string, unknown>>): boolean {
  return options.explain === true || options.expect !== undefined || options.heatmap === true;
}

/** The spec the command runs with: a checked gradient is computed even without --grad. */
export function specFor<Spec>(command: Command<Spec>, spec: Spec, teaching: Teaching): Spec {
  const { withGradient } = command.abilities;
  return wantsGradient(teaching.claims) && withGradient ? withGradient(spec) : spec;
}

export interface Taught {
  readonly report: Report;
  readonly explanation?: Explanation;
  readonly check?: Awaited<ReturnType<typeof checkClaims>>;
  readonly code: ExitCode;
  readonly t: Translator;
}

/** --explain: the command's own explainer (its `abilities.explain`), or an error for a command that has none. */
async function explain<Spec>(command: Command<Spec>, x: ExplainInput<Spec>): Promise<Explanation> {
  const own = command.abilities.explain;
  if (!own) {
    const explained = COMMAND_DIRECTORY.filter((c) => c.explains).map((c) => c.name);
    throw new XentError('err.teach.noExplain', { command: command.name, commands: { list: explained } }, true);
  }
  return own(x);
}

export async function teach<Spec>(
  command: Command<Spec>,
  run: { input: ParsedMatrix | undefined; spec: Spec; report: Report; context: CommandContext; decimals: number },
  teaching: Teaching,
): Promise<Taught> {
  const { t } = run.context;
  const explanation = teaching.explain
    ? await explain(command, {
        t,
        input: run.input,
        spec: run.spec,
        report: run.report,
        context: run.context,
        row: teaching.row,
        decimals: run.decimals,
      })
    : undefined;
  const check = teaching.claims.length > 0 ? await checkWith(command, run, teaching) : undefined;
  return {
    report: run.report,
    ...(explanation ? { explanation } : {}),
    ...(check ? { check } : {}),
    code: check && !check.allRight ? EXIT.wrong : EXIT.ok,
    t,
  };
}

type TeachRun<Spec> = Parameters<typeof teach<Spec>>[1];

/** --expect: the claims checked against the report, a wrong one diagnosed with the command's mistakes. */
async function checkWith<Spec>(command: Command<Spec>, run: TeachRun<Spec>, teaching: Teaching) {
  const { json } = run.report;
  // Asked for only when a value is wrong: a right answer costs no mistake's computation.
  const mistakes = (): Diagnosis => {
    const own = command.abilities.mistakes?.(run.spec, json) ?? {};
    const alternatives: Alternative[] = [
      ...(own.reruns ?? []).map(({ key, params, spec }) => ({
        key,
        ...(params ? { params } : {}),
        json: once(async () => (await rerun(command, run, spec)).json),
      })),
      ...valueAlternatives(own.values ?? []),
    ];
    return { alternatives, carried: own.carried ?? [] };
  };
  return checkClaims({
    claims: teaching.claims,
    headline: command.abilities.headline(run.spec, json),
    json,
    t: run.context.t,
    decimals: run.decimals,
    scale: float32ScaleOf(json, run.input),
    ...(teaching.tolerance ? { tolerance: teaching.tolerance } : {}),
    mistakes,
  });
}

/** The command run again on the same input with another spec (a mistake made on purpose); no tables. */
async function rerun<Spec>(command: Command<Spec>, run: TeachRun<Spec>, spec: Spec): Promise<Report> {
  const context: CommandContext = { ...run.context, printsTables: false, room: undefined };
  if (command.input === 'optional') return command.run(run.input, spec, context);
  return command.run(run.input as ParsedMatrix, spec, context);
}

/** A computation made when first asked for, then remembered. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

/**
 * The output with the teaching options applied, in pieces to be written in order (see
 * reportPieces). --explain prints the derivation (Markdown with -f markdown, inside the JSON
 * with -f json, else plain text); --expect adds its check tables (tsv/csv: one row per value:
 * yours, correct, 1 if right). LaTeX with Chinese in it (the texts in zh, a header's names)
 * opens with a comment saying what compiles it: xelatex with ctex, not pdflatex.
 */
export function taughtPieces(
  taught: Taught,
  format: Format,
  options: FormatOptions,
  teaching: Teaching,
): Iterable<string> {
  const pieces = piecesOf(taught, format, options, teaching);
  if (format !== 'latex') return pieces;
  const latex = Array.from(pieces).join('');
  if (!needsCtex(latex)) return [latex];
  const comment = taught.t
    .t('latex.ctex')
    .split('\n')
    .map((line) => `% ${line}\n`)
    .join('');
  return [comment + latex];
}

function piecesOf(taught: Taught, format: Format, options: FormatOptions, teaching: Teaching): Iterable<string> {
  const { report, explanation, check, t } = taught;
  const withHeat: FormatOptions = teaching.heatmap
    ? { ...options, heatmap: { legend: t.label('heat.legend') } }
    : options;
  const checkReport: Report | undefined = check
    ? {
        tables: check.tables,
        summary: check.summary,
        notes: [],
        data: { rows: [] },
        values: [],
        json: check.json,
      }
    : undefined;
  if (format === 'json') {
    return jsonPieces({
      ...report.json,
      ...(explanation ? { explanation } : {}),
      ...(check ? { expect: check.json } : {}),
    });
  }
  // The check's tables in the text format asked for (a table in a terminal, Markdown, LaTeX).
  const textOf = (shown: Report) =>
    format === 'markdown'
      ? formatMarkdown(shown, options.decimals)
      : format === 'latex'
        ? formatLatex(shown, options.decimals)
        : formatTable(shown, withHeat);
  if (explanation) {
    const text =
      format === 'markdown'
        ? renderExplanationMarkdown(explanation)
        : format === 'latex'
          ? renderExplanationLatex(explanation)
          : renderExplanationText(explanation, explanationWidth(options.width));
    if (!checkReport) return [text];
    return [`${text}\n${textOf(checkReport)}`];
  }
  if (checkReport) {
    const merged: Report = {
      ...report,
      tables: [...report.tables, ...checkReport.tables],
      summary: [...report.summary, ...checkReport.summary],
    };
    if (format === 'table' || format === 'markdown' || format === 'latex') return [textOf(merged)];
    if (format === 'tsv' || format === 'csv') {
      // The value as the user wrote it (0.6600 stays 0.6600), the correct one in full.
      const separator = format === 'tsv' ? '\t' : ',';
      const lines = check!.values.map(
        (v) => `${delimitedHeader([v.given, formatExact(v.correct), v.right ? '1' : '0'], separator)}\n`,
      );
      return [`${delimitedHeader(['yours', 'correct', 'right'], separator)}\n${lines.join('')}`];
    }
  }
  return reportPieces(report, format, withHeat);
}

/** The format when -f is not given: text for a terminal, a lesson or an explanation; else tsv. */
export function defaultFormat(
  command: CommandSpec,
  options: Readonly<Record<string, unknown>>,
  stdoutIsTTY: boolean,
): Format {
  return stdoutIsTTY || options.explain === true || command.abilities.textInPipes === true ? 'table' : 'tsv';
}
