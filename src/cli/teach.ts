// The teaching options every command shares: --explain (a derivation instead of the
// tables), --row K, --expect VALUES (a check table and exit code 1 when wrong) and
// --heatmap. run.ts calls these around a command's run; the commands know nothing of them.
import type { Command, CommandContext, CommandSpec } from '../commands/command.js';
import { XentError } from '../core/errors.js';
import { EXIT, type ExitCode } from '../core/exit-codes.js';
import type { Explanation } from '../teach/explain/explanation.js';
import type { ExplainInput } from '../teach/explain/explainer.js';
import { explanationWidth, renderExplanationMarkdown, renderExplanationText } from '../teach/explain/render.js';
import { type Format, type FormatOptions, reportPieces } from '../format/index.js';
import { formatDelimited } from '../format/delimited.js';
import { jsonPieces } from '../format/json.js';
import { formatExact } from '../format/number.js';
import { formatMarkdown } from '../format/markdown.js';
import { formatTable } from '../format/table.js';
import type { Translator } from '../i18n/translator.js';
import type { ParsedMatrix } from '../text/matrix-text.js';
import type { Report } from '../report/report.js';
import { type Claim, checkClaims, parseClaim, wantsGradient } from '../teach/expect.js';

export interface Teaching {
  readonly explain: boolean;
  /** --row K as given (1-based). */
  readonly row?: number;
  readonly claims: readonly Claim[];
  readonly heatmap: boolean;
}

export function readTeaching(options: Readonly<Record<string, unknown>>): Teaching {
  const rowText = options.row as string | undefined;
  let row: number | undefined;
  if (rowText !== undefined) {
    row = Number(rowText.trim());
    if (!/^\s*\d+\s*$/.test(rowText) || row < 1) throw new XentError('err.teach.rowNumber', { value: rowText }, true);
    if (options.explain !== true) throw new XentError('err.teach.rowNeedsExplain', {}, true);
  }
  const expect = options.expect as string[] | string | undefined;
  const texts = expect === undefined ? [] : Array.isArray(expect) ? expect : [expect];
  return {
    explain: options.explain === true,
    ...(row !== undefined ? { row } : {}),
    claims: texts.map(parseClaim),
    heatmap: options.heatmap === true,
  };
}

/** True when a teaching option needs the whole report (no row-by-row streaming). */
export function needsReport(options: Readonly<Record<string, unknown>>): boolean {
  return options.explain === true || options.expect !== undefined || options.heatmap === true;
}

/** The spec the command runs with: a checked gradient is computed even without --grad. */
export function specFor<Spec>(command: Command<Spec>, spec: Spec, teaching: Teaching): Spec {
  const { headline, withGradient } = command.abilities;
  if (teaching.claims.length > 0 && !headline)
    throw new XentError('err.expect.notHere', { command: command.name }, true);
  return wantsGradient(teaching.claims) && withGradient ? withGradient(spec) : spec;
}

export interface Taught {
  readonly report: Report;
  readonly explanation?: Explanation;
  readonly check?: ReturnType<typeof checkClaims>;
  readonly code: ExitCode;
  readonly t: Translator;
}

/** --explain: the command's own explainer (its `abilities.explain`), or an error for a command that has none. */
async function explain<Spec>(command: Command<Spec>, x: ExplainInput<Spec>): Promise<Explanation> {
  const own = command.abilities.explain;
  if (!own) throw new XentError('err.teach.noExplain', { command: command.name }, true);
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
  const { headline } = command.abilities;
  const check =
    teaching.claims.length > 0 && headline
      ? checkClaims(teaching.claims, headline(run.spec, run.report.json), run.report.json, t, run.decimals)
      : undefined;
  return {
    report: run.report,
    ...(explanation ? { explanation } : {}),
    ...(check ? { check } : {}),
    code: check && !check.allRight ? EXIT.wrong : EXIT.ok,
    t,
  };
}

/**
 * The output with the teaching options applied, in pieces to be written in order (see
 * reportPieces). --explain prints the derivation (Markdown with -f markdown, inside the JSON
 * with -f json, else plain text); --expect adds its check tables (tsv/csv: one row per value:
 * yours, correct, 1 if right).
 */
export function taughtPieces(
  taught: Taught,
  format: Format,
  options: FormatOptions,
  teaching: Teaching,
): Iterable<string> {
  const { report, explanation, check, t } = taught;
  const withHeat: FormatOptions = teaching.heatmap
    ? { ...options, heatmap: { legend: t.label('heat.legend') } }
    : options;
  const checkReport: Report | undefined = check
    ? {
        tables: check.tables,
        summary: check.summary,
        notes: [],
        data: { rows: check.rows },
        values: check.rows,
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
  if (explanation) {
    const markdown = format === 'markdown';
    const text = markdown
      ? renderExplanationMarkdown(explanation)
      : renderExplanationText(explanation, explanationWidth(options.width));
    if (!checkReport) return [text];
    return [
      `${text}\n${markdown ? formatMarkdown(checkReport, options.decimals) : formatTable(checkReport, withHeat)}`,
    ];
  }
  if (checkReport) {
    const merged: Report = {
      ...report,
      tables: [...report.tables, ...checkReport.tables],
      summary: [...report.summary, ...checkReport.summary],
    };
    if (format === 'table') return [formatTable(merged, withHeat)];
    if (format === 'markdown') return [formatMarkdown(merged, options.decimals)];
    if (format === 'tsv' || format === 'csv') {
      return [
        formatDelimited(
          { colLabels: ['yours', 'correct', 'right'], rows: check!.rows },
          format === 'tsv' ? '\t' : ',',
          formatExact,
        ),
      ];
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
