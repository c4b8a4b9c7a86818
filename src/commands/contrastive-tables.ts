// Pieces shared by the contrastive commands (clip, siglip, ntxent, supcon): reading an
// image/text pair of embeddings and the tables they print.
import { readNumberOption } from '../text/option-values.js';
import { readNumber } from '../text/number.js';
import { normalizeText } from '../text/normalize.js';
import {
  CLI_SCALE_NAMES,
  type GivenNumber,
  type ScaleOrTemperature,
  checkScale,
  checkScaleOrTemperature,
} from '../ops/clip/validate.js';
import { checkFinite } from '../ops/siglip/validate.js';
import type { EmbeddingMatrices } from '../ops/clip/spec.js';
import { XentError } from '../core/errors.js';
import type { MessageKey } from '../i18n/messages.js';
import type { Translator } from '../i18n/translator.js';
import { type Matrix, type RowSource, asRowSource } from '../core/matrix.js';
import { type InfoUnit, inUnit, matrixInUnit } from '../core/units.js';
import { GAP, MARKED, type Room, keep } from '../report/elide.js';
import { type Cell, type ReportTable, numberCell, once, textCell } from '../report/report.js';
import type { OptionValues, SpecContext } from './command.js';

/** 1, 2, …, n: rows, texts and dimensions are counted from 1, as in error messages. */
export function numbered(n: number): string[] {
  return Array.from({ length: n }, (_, i) => String(i + 1));
}

/**
 * The --image and --text embeddings, or undefined when neither is given; one without the
 * other is an error. For a readSpec: both together with a logits matrix is checked by run
 * ({@link checkNoMatrixWithPair}), which has the input.
 */
export async function readEmbeddingPair(
  options: OptionValues,
  context: SpecContext,
): Promise<EmbeddingMatrices | undefined> {
  const image = options.image as string | undefined;
  const text = options.text as string | undefined;
  if (image === undefined && text === undefined) return undefined;
  if (image === undefined || text === undefined) {
    throw new XentError('err.imageTextPair', { option: image === undefined ? '--text' : '--image' }, true);
  }
  return {
    image: await context.readMatrixOption(image, '--image'),
    text: await context.readMatrixOption(text, '--text'),
  };
}

/** Embeddings and a logits matrix are two inputs: refused, not one ignored. */
export function checkNoMatrixWithPair(input: Matrix | undefined, pair: EmbeddingMatrices | undefined): void {
  if (input !== undefined && pair !== undefined) throw new XentError('err.matrixAndEmbeddings', {}, true);
}

/** The number an option's text holds, with the text (for errors), or undefined when not given. */
function givenNumber(options: OptionValues, name: string, option: string): GivenNumber | undefined {
  const text = options[name] as string | undefined;
  if (text === undefined) return undefined;
  const read = readNumber(normalizeText(text).trim());
  if (read.kind !== 'number') {
    // A temperature's text that is not a number is refused as checkTemperature refuses NaN.
    if (name === 'temperature') return { value: NaN, text };
    throw new XentError('err.notANumberOption', { option, value: text }, true);
  }
  return { value: read.value, text };
}

/** -s S or -t T (S = 1/T), not both; `fallback` when neither is given. For a readSpec. */
export function readScaleOrTemperature(options: OptionValues, fallback: number): ScaleOrTemperature {
  const scale = givenNumber(options, 'scale', '--scale');
  const temperature = givenNumber(options, 'temperature', '--temperature');
  return checkScaleOrTemperature({ scale, temperature }, fallback, CLI_SCALE_NAMES);
}

/** A scale option (siglip's -s): finite and above 0, as checkScale says; `fallback` when not given. For a readSpec. */
export function readScale(value: string | undefined, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  return checkScale({ value: readNumberOption(value, option), text: value }, option);
}

/** A number option that must be finite (a bias). For a readSpec. */
export function readFinite(value: string | undefined, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  return checkFinite({ value: readNumberOption(value, option), text: value }, option);
}

export interface MatrixTableSpec {
  readonly title: string;
  readonly corner: string;
  readonly rowLabels: readonly string[];
  readonly colLabels: readonly string[];
  /** How each entry is shown; `null` for a text cell "—" (a row with itself). */
  readonly cell: (
    value: number,
    i: number,
    j: number,
  ) => Omit<Extract<Cell, { kind: 'number' }>, 'kind' | 'value'> | null;
  /** An extra last column (a per-row loss), with its header; null entries show a text. */
  readonly lastColumn?: { readonly label: string; readonly values: ArrayLike<number | null>; readonly empty?: string };
  /** An extra last row (a per-column loss). */
  readonly lastRow?: { readonly label: string; readonly values: ArrayLike<number> };
  readonly footnote?: string;
  /** A terminal's room: a table larger than it is made already cut (only the rows and columns shown). */
  readonly room?: Room;
}

/** A matrix (held, or made row by row) as a report table, with an optional extra column and row. */
export function matrixTable(matrix: Matrix | RowSource, spec: MatrixTableSpec): ReportTable {
  const m = 'data' in matrix ? asRowSource(matrix) : matrix;
  const width = m.cols + (spec.lastColumn ? 1 : 0);
  const height = spec.rowLabels.length + (spec.lastRow ? 1 : 0);
  if (spec.room && (width > spec.room.cols || height > spec.room.rows)) return cutTable(m, spec, spec.room);
  const values = new Float64Array(m.cols);
  const rows = spec.rowLabels.map((label, i) => {
    m.row(i, values);
    const cells: Cell[] = [];
    for (let j = 0; j < m.cols; j++) {
      const style = spec.cell(values[j], i, j);
      cells.push(style === null ? textCell('—', 'dim') : numberCell(values[j], style));
    }
    if (spec.lastColumn) {
      const v = spec.lastColumn.values[i];
      cells.push(v === null ? textCell(spec.lastColumn.empty ?? '', 'dim') : numberCell(v));
    }
    return { label, cells };
  });
  if (spec.lastRow) {
    const cells: Cell[] = Array.from(spec.lastRow.values, (v) => numberCell(v));
    if (spec.lastColumn) cells.push(textCell(''));
    rows.push({ label: spec.lastRow.label, cells });
  }
  return {
    title: spec.title,
    corner: spec.corner,
    colLabels: spec.lastColumn ? [...spec.colLabels, spec.lastColumn.label] : spec.colLabels,
    rows,
    ...(spec.footnote ? { footnote: spec.footnote } : {}),
  };
}

/**
 * The table elideReport would cut from matrixTable's, made directly: only the rows and
 * columns shown are computed, so a 5000×5000 matrix in a terminal is not 25 million cells.
 */
function cutTable(m: RowSource, spec: MatrixTableSpec, room: Room): ReportTable {
  const n = spec.rowLabels.length;
  const cols = keep(m.cols + (spec.lastColumn ? 1 : 0), room.cols);
  const values = new Float64Array(m.cols);
  const gap = () => textCell(GAP, 'dim');
  // Each shown row's marked columns (null for the gap row).
  const marks: (number[] | null)[] = [];
  const rows = keep(n + (spec.lastRow ? 1 : 0), room.rows).map((i) => {
    if (i === null) {
      marks.push(null);
      return { label: GAP, cells: cols.map(gap) };
    }
    if (i === n) {
      marks.push([]);
      // The extra last row (a loss per column), with a blank under the extra column.
      return {
        label: spec.lastRow!.label,
        cells: cols.map((j) => (j === null ? gap() : j < m.cols ? numberCell(spec.lastRow!.values[j]) : textCell(''))),
      };
    }
    m.row(i, values);
    const marked: number[] = [];
    for (let j = 0; j < m.cols; j++) if (spec.cell(values[j], i, j)?.mark === true) marked.push(j);
    marks.push(marked);
    const cells = cols.map((j): Cell => {
      if (j === null) return gap();
      if (j === m.cols) {
        const v = spec.lastColumn!.values[i];
        return v === null ? textCell(spec.lastColumn!.empty ?? '', 'dim') : numberCell(v);
      }
      const style = spec.cell(values[j], i, j);
      return style === null ? textCell('—', 'dim') : numberCell(values[j], style);
    });
    return { label: spec.rowLabels[i], cells };
  });
  const labels = spec.lastColumn ? [...spec.colLabels, spec.lastColumn.label] : spec.colLabels;
  // A marked cell left out (the positive pair) is named in a last column, as pickColumns does.
  const shown = new Set(cols);
  if (marks.some((row) => (row ?? []).some((j) => !shown.has(j)))) {
    rows.forEach((row, k) => {
      const marked = marks[k];
      row.cells.push(textCell(marked ? marked.map((j) => labels[j]).join(', ') : GAP, marked ? undefined : 'dim'));
    });
    return {
      title: spec.title,
      corner: spec.corner,
      colLabels: [...cols.map((j) => (j === null ? GAP : labels[j])), MARKED], // spread-ok: the shown columns
      rows,
      ...(spec.footnote ? { footnote: spec.footnote } : {}),
      cut: true,
      markColumn: true,
    };
  }
  return {
    title: spec.title,
    corner: spec.corner,
    colLabels: cols.map((j) => (j === null ? GAP : labels[j])),
    rows,
    ...(spec.footnote ? { footnote: spec.footnote } : {}),
    cut: true,
  };
}

/** A gradient w.r.t. embeddings (rows) as a table, coloured by sign. */
export function gradientTable(
  t: Translator,
  title: MessageKey,
  grad: Matrix,
  corner: string,
  room?: Room,
): ReportTable {
  return matrixTable(grad, {
    room,
    title: t.label(title),
    corner,
    rowLabels: numbered(grad.rows),
    colLabels: numbered(grad.cols).map((d) => `${t.label('label.dim')} ${d}`),
    cell: () => ({ signed: true }),
  });
}

/**
 * The gradient tables of a pairwise loss (clip, siglip): w.r.t. each logit, the positive
 * pair marked, and w.r.t. the raw embeddings when they were given.
 */
export function pairGradientTables(
  t: Translator,
  gradLogits: Matrix | RowSource,
  embedding: { readonly gradImage: Matrix; readonly gradText: Matrix } | undefined,
  labels: { readonly corner: string; readonly rows: readonly string[]; readonly cols: readonly string[] },
  room?: Room,
): ReportTable[] {
  const tables = [
    matrixTable(gradLogits, {
      room,
      title: t.label('title.gradLogits'),
      corner: labels.corner,
      rowLabels: labels.rows,
      colLabels: labels.cols,
      cell: (_v, i, j) => ({ signed: true, mark: i === j }),
    }),
  ];
  if (embedding) {
    tables.push(gradientTable(t, 'title.gradImage', embedding.gradImage, t.label('label.row'), room));
    tables.push(gradientTable(t, 'title.gradText', embedding.gradText, t.label('label.row'), room));
  }
  return tables;
}

/**
 * A loss's gradients w.r.t. its embeddings (matrices) and its scalars (scale, bias) in
 * `unit`, computed when first asked for: only the outputs that print them pay for them.
 */
export function gradientsInUnit<G extends { readonly [name: string]: Matrix | number }>(
  compute: () => G,
  unit: InfoUnit,
): () => G {
  return once(() => {
    const out: Record<string, Matrix | number> = {};
    for (const [name, g] of Object.entries(compute()))
      out[name] = typeof g === 'number' ? inUnit(g, unit) : matrixInUnit(g, unit);
    return out as G;
  });
}
