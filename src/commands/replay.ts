// --dtype and --naive, shared by softmax, ce, bce and clip: the options read into a Precision,
// the combinations a replay does not cover refused, and the report of a replay: each replayed
// value in its format beside float64 and the difference in ulps (src/core/replay.ts computes).
import { XentError } from '../core/errors.js';
import { DTYPES, type Dtype, roundTo, ulpsApart } from '../core/float-formats.js';
import type { Precision } from '../core/replay.js';
import { formatExact } from '../format/number.js';
import type { Translator } from '../i18n/translator.js';
import { LazyList, type Report, type ReportTable, type SummaryLine, textCell } from '../report/report.js';
import { readChoice } from '../text/option-values.js';
import type { OptionSpec, OptionValues } from './command.js';

export const DTYPE_OPTIONS: readonly OptionSpec[] = [
  { flags: '--dtype <float32|float16|bfloat16>', description: 'help.opt.dtype' },
  { flags: '--naive', description: 'help.opt.naive' },
];

/**
 * `--dtype F [--naive]`, or undefined without --dtype. `unsupported` lists the options given
 * that the command's replay does not cover (each refused by name: no silent float64 part).
 */
export function readDtype(
  options: OptionValues,
  command: string,
  unsupported: readonly (readonly [given: boolean, option: string])[] = [],
): Precision | undefined {
  const text = options.dtype as string | undefined;
  if (text === undefined) {
    if (options.naive === true) throw new XentError('err.dtype.naiveAlone', {}, true);
    return undefined;
  }
  const dtype = readChoice(text, '--dtype', DTYPES, 'float32');
  for (const [given, option] of unsupported)
    if (given) throw new XentError('err.dtype.unsupported', { option, command }, true);
  return { dtype, naive: options.naive === true };
}

/** The JSON key of a quantity computed in the format: probs_float16. */
export function replayKey(key: string, dtype: Dtype): string {
  return `${key}_${dtype}`;
}

/** One quantity of the report, replayed: its values in the format and in float64, row by row. */
export interface ReplayedQuantity {
  /** The JSON key of the float64 quantity ('probs', 'loss', 'losses_i2t'). */
  readonly key: string;
  readonly value: ArrayLike<number>;
  readonly exact: ArrayLike<number>;
  /** Values per row of a matrix; absent for a vector (one per row) or a single number. */
  readonly cols?: number;
}

/** The shortest decimal that reads back as the same value of the format (float16's 0.99951, not 0.99951171875). */
export function shortestIn(dtype: Dtype, x: number): string {
  if (!Number.isFinite(x)) return formatExact(x);
  for (let digits = 1; digits < 17; digits++) {
    const text = x.toPrecision(digits);
    if (roundTo(dtype, Number(text)) === x) return formatExact(Number(text));
  }
  return formatExact(x);
}

/** The difference as a table shows it: 0, 0.31, 103; overflow or NaN where the format has no number. */
function ulpsText(t: Translator, dtype: Dtype, value: number, exact: number): string {
  const ulps = ulpsApart(dtype, value, exact);
  if (!Number.isNaN(ulps)) return formatExact(Number(ulps.toPrecision(ulps < 10 ? 2 : 3)));
  if (Number.isNaN(value)) return t.label('dtype.cell.nan');
  if (!Number.isFinite(value)) return t.label('dtype.cell.overflow');
  return '—';
}

/** An entry's name as --expect reads it: probs[0][2], losses[1], loss. */
function entryName(q: ReplayedQuantity, k: number): string {
  if (q.cols !== undefined) return `${q.key}[${Math.floor(k / q.cols)}][${k % q.cols}]`;
  return q.value.length === 1 ? q.key : `${q.key}[${k}]`;
}

/** A quantity as JSON holds it: a number, a list, or rows of a matrix. */
function nested(values: ArrayLike<number>, cols: number | undefined): unknown {
  if (cols === undefined) return values.length === 1 ? values[0] : Array.from(values);
  return rowsOf(values, cols);
}

/**
 * The command's report replaced by the replay (its JSON kept and added to): a table of every entry (the format's value,
 * float64's, the ulps between them; single numbers in the summary), the notes saying how it
 * was computed, and in JSON each quantity under `<key>_<dtype>` (the headline --expect judges
 * against) with its ulps.
 */
export function withReplay(
  t: Translator,
  base: Report,
  precision: Precision,
  quantities: readonly ReplayedQuantity[],
  printsTables: boolean | undefined,
  /** The command's notes that still apply (a temperature, a scale); the others are about its own tables. */
  kept: readonly string[] = [],
): Report {
  const { dtype, naive } = precision;
  const algorithm = { key: naive ? 'dtype.algorithm.naive' : 'dtype.algorithm.stable' } as const;
  const entries = quantities.flatMap((q) =>
    Array.from(q.value, (value, k) => ({
      name: entryName(q, k),
      value,
      exact: q.exact[k],
      single: q.value.length === 1,
    })),
  );
  const listed = entries.filter((e) => !e.single);
  const cells = (e: (typeof entries)[number]) => [
    textCell(shortestIn(dtype, e.value)),
    textCell(formatExact(Number(e.exact.toPrecision(10)))),
    textCell(ulpsText(t, dtype, e.value, e.exact)),
  ];
  const table: ReportTable = {
    title: t.label('dtype.title', { dtype, algorithm }),
    corner: t.label('dtype.label.value'),
    colLabels: [dtype, 'float64', t.label('dtype.label.ulps', { dtype })],
    rows: listed.map((e) => ({ label: e.name, cells: cells(e) })),
  };
  const summary: SummaryLine[] = entries
    .filter((e) => e.single)
    .flatMap((e) => [
      { label: t.label('dtype.summary.value', { name: e.name, dtype }), value: shortestIn(dtype, e.value) },
      { label: t.label('dtype.summary.exact', { name: e.name }), value: e.exact },
      { label: t.label('dtype.summary.ulps', { dtype }), value: ulpsText(t, dtype, e.value, e.exact) },
    ]);
  const lost = entries.some((e) => !Number.isFinite(e.value) && Number.isFinite(e.exact));
  const notes = [t.t(naive ? 'dtype.note.naive' : 'dtype.note.stable', { dtype })];
  if (lost) notes.push(t.t('dtype.note.nonFinite', { dtype }));
  const json: Record<string, unknown> = { ...base.json, dtype, algorithm: naive ? 'naive' : 'stable' };
  for (const q of quantities) {
    json[replayKey(q.key, dtype)] = nested(q.value, q.cols);
    json[`${replayKey(q.key, dtype)}_ulps`] = nested(
      Array.from(q.value, (v, k) => ulpsApart(dtype, v, q.exact[k])),
      q.cols,
    );
  }
  const headline = quantities[0];
  return {
    tables: printsTables === false || listed.length === 0 ? [] : [table],
    summary,
    notes: [...notes, ...kept], // spread-ok: a few notes
    // dtype.note.nonFinite says why when the format lost a finite value; an inf float64 has gets the general note.
    infExplained: lost,
    data: {
      colLabels: [dtype, 'float64', 'ulps'],
      rows: new LazyList(() => entries.map((e) => [e.value, e.exact, ulpsApart(dtype, e.value, e.exact)])),
    },
    values: headline.cols === undefined ? [Array.from(headline.value)] : rowsOf(headline.value, headline.cols),
    json,
    ...(base.warnings ? { warnings: base.warnings } : {}),
  };
}

function rowsOf(values: ArrayLike<number>, cols: number): number[][] {
  return Array.from({ length: values.length / cols }, (_, i) =>
    Array.from({ length: cols }, (_, j) => values[i * cols + j]),
  );
}
