// Which columns of a table are data and which are not: row labels (pandas' index, a first
// column of words, --index-col), the targets (-y col:NAME), columns left out (--drop-cols,
// or not listed in --cols). Chosen by the user or detected as the first rows are read, and
// applied to each row as it ends, so a streamed input is shaped exactly as a whole one.
// Columns are numbered from 1 here, as in every error message (and in cut and awk).
import { XentError } from '../core/errors.js';
import type { MessageKey, MessageParam, MessageParams } from '../i18n/messages.js';

/** Columns `from`…`to` of the input (1-based, inclusive; `to` may be Infinity: to the last), or one by its header name. */
export type ColumnRef =
  | { readonly kind: 'position'; readonly from: number; readonly to: number }
  | { readonly kind: 'name'; readonly name: string };

/** What the user said about the input's columns; every field optional (auto-detection then). */
export interface ColumnOptions {
  /** --cols: the data columns, in this order. */
  readonly cols?: readonly ColumnRef[];
  /** --drop-cols: columns left out. */
  readonly dropCols?: readonly ColumnRef[];
  /** --index-col: 'auto' (detected), 'none' (never), or the columns of row labels. */
  readonly indexCol?: 'auto' | 'none' | readonly ColumnRef[];
  /** --header: 'auto' (detected), 'yes' (the first line names the columns), 'no'. */
  readonly header?: 'auto' | 'yes' | 'no';
  /** -y col:NAME: the column the targets are read from. */
  readonly target?: ColumnRef;
  /** The option that named `target`, for messages ('-y, --target'). */
  readonly targetOption?: string;
}

/** A cell of the target column: a number as read, or a word (a class name). */
export type TargetCell = number | string;

/** Something the reader decided that the user should know (printed on stderr as a warning). */
export interface InputNote {
  readonly key: MessageKey;
  readonly params: MessageParams;
}

/** Shaped rows' extras, gathered in a whole reading (a streamed one keeps none). */
export interface ShapedExtras {
  readonly rowLabels?: string[];
  /** The header's name of the row-label column, if it had one. */
  readonly rowLabelName?: string;
  readonly targetCells?: TargetCell[];
  /** The target column's number (from 1), for messages about its cells. */
  readonly targetColumn?: number;
  readonly notes: readonly InputNote[];
}

type Role = 'data' | 'label' | 'target' | 'drop';

/** A word that may be a row's name (cat, dog_2, "New"): it starts with a letter or _. */
// Made on first use, as every pattern with a Unicode property (\p{…}): V8 builds its set of
// characters with ICU when the pattern is created, a measurable part of a start that never reads a label.
let labelWord: RegExp | undefined;

export function isLabelWord(text: string): boolean {
  return (labelWord ??= /^[\p{L}_]/u).test(text);
}

/**
 * `--cols 2-4,label,"0"`: names and 1-based numbers, ranges `a-b` and `a-` (to the last),
 * separated by commas. A name that is all digits (pandas' integer names) is written in quotes.
 */
export function readColumnRefs(value: string, option: string): ColumnRef[] {
  const refs = value.split(',').map((item) => readColumnRef(item, option, value));
  if (refs.length === 0) throw new XentError('err.columnList', { option, value }, true);
  return refs;
}

function readColumnRef(item: string, option: string, value: string): ColumnRef {
  const text = item.trim();
  const quoted = /^(["'])(.*)\1$/.exec(text);
  if (quoted) return { kind: 'name', name: quoted[2] };
  const range = /^(\d+)(?:\s*(-)\s*(\d*))?$/.exec(text);
  if (range) {
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : range[3] === '' ? Infinity : Number(range[3]);
    if (from === 0 || to === 0) throw new XentError('err.columnZero', { option }, true);
    if (to < from) throw new XentError('err.columnList', { option, value: text }, true);
    return { kind: 'position', from, to };
  }
  if (text === '' || /^[-\d]/.test(text)) throw new XentError('err.columnList', { option, value: text || value }, true);
  return { kind: 'name', name: text };
}

/** `-y col:NAME` / `--targets col:2`: the column, or undefined when the value is not of that form. */
export function targetColumnRef(value: string, option: string): ColumnRef | undefined {
  const match = /^\s*col:(.*)$/i.exec(value);
  if (!match) return undefined;
  const ref = readColumnRef(match[1], option, value);
  if (ref.kind === 'position' && ref.to !== ref.from) throw new XentError('err.columnList', { option, value }, true);
  return ref;
}

/** The option's refs as positions (names resolved in the header), for one check or role. */
interface Choice {
  readonly option: string;
  readonly refs: readonly ColumnRef[];
}

function covers(ref: ColumnRef, col: number): boolean {
  return ref.kind === 'position' && col + 1 >= ref.from && col + 1 <= ref.to;
}

/**
 * The roles of the input's columns, bound to its header once that is known (bind) and to its
 * width at the first row (settle); then it shapes each row (shape). Identity (`active`
 * false) when nothing is chosen or detected: plain input is handed on untouched.
 */
export class ColumnLayout {
  private bound = false;
  private cols: Choice | undefined;
  private drop: Choice | undefined;
  private index: Choice | undefined;
  private target: Choice | undefined;
  /** Column (0-based) → role, once the width is known. */
  private roles: Role[] = [];
  /** Data columns (0-based) in output order, once the width is known. */
  private dataOrder: number[] = [];
  private labelCols: number[] = [];
  private targetCol = -1;
  private header: readonly string[] | undefined;
  private readonly notesMade: InputNote[] = [];
  private out = new Float64Array(0);
  /** Row labels found as words (adoptLabelColumn): the error when a row begins with a number instead. */
  private refuseLabelWord: ((wholeLine: boolean) => never) | undefined;
  readonly rowLabels: string[] | undefined;
  readonly targetCells: TargetCell[] | undefined;
  /** The columns of the header as data labels (in output order), once settled. */
  colLabels: readonly string[] | undefined;
  rowLabelName: string | undefined;
  /** Something is chosen or was detected: rows are shaped. */
  active = false;
  settled = false;

  constructor(
    private readonly options: ColumnOptions,
    private readonly source: MessageParam,
    /** A whole reading keeps each row's label and target; a streamed one needs neither. */
    keep: boolean,
  ) {
    this.rowLabels = keep ? [] : undefined;
    this.targetCells = keep && options.target ? [] : undefined;
    this.active =
      options.cols !== undefined ||
      options.dropCols !== undefined ||
      options.target !== undefined ||
      Array.isArray(options.indexCol);
  }

  get headerMode(): 'auto' | 'yes' | 'no' {
    return this.options.header ?? 'auto';
  }

  get notes(): readonly InputNote[] {
    return this.notesMade;
  }

  /** Something the reader decided, for stderr. */
  note(key: MessageKey, params: MessageParams): void {
    this.notesMade.push({ key, params });
  }

  /** The header (or none) is known: names are resolved, and pandas' empty first names found. */
  bind(header: readonly string[] | undefined): void {
    if (this.bound) return;
    this.bound = true;
    this.header = header;
    const { options } = this;
    if (options.cols) this.cols = this.resolve(options.cols, '--cols');
    if (options.dropCols) this.drop = this.resolve(options.dropCols, '--drop-cols');
    if (options.target) this.target = this.resolve([options.target], options.targetOption ?? '-y, --target');
    if (Array.isArray(options.indexCol)) this.index = this.resolve(options.indexCol, '--index-col');
    else if (this.autoIndex() && !options.cols && header && header.length >= 2 && header[0] === '') {
      // pandas' to_csv writes its index under an empty name (several, for a MultiIndex).
      let leading = 0;
      while (leading < header.length - 1 && header[leading] === '' && this.roleBeforeWidth(leading) === 'data')
        leading++;
      if (leading > 0) {
        this.index = { option: '--index-col', refs: [{ kind: 'position', from: 1, to: leading }] };
        this.active = true;
        this.notesMade.push({
          key: 'warn.input.indexColumn',
          params: { source: this.source, col: leading === 1 ? '1' : `1-${leading}` },
        });
      }
    }
  }

  /** Column `col` (0-based) may hold words: it is not data. */
  isText(col: number): boolean {
    if (!this.bound) this.bind(this.header);
    if (!this.settled) return this.roleBeforeWidth(col) !== 'data';
    return this.active && (this.roles[col] ?? 'drop') !== 'data';
  }

  /**
   * A word in column 1 of the first data row (`cat 3.2`, row names): column 1 becomes the row
   * labels, unless the user said otherwise or chose the columns. True when it did. Every
   * later row must then begin with a word too: one that begins with a number (`a,2,3` above
   * `1,2,3`: a header with a typo) makes `refuse()` the error for that first word.
   */
  adoptLabelColumn(word: string, refuse: (wholeLine: boolean) => never): boolean {
    if (!this.bound) this.bind(this.header);
    if (this.settled || !this.autoIndex() || this.index || !isLabelWord(word)) return false;
    if (this.roleBeforeWidth(0) !== 'data' || this.cols) return false;
    this.index = { option: '--index-col', refs: [{ kind: 'position', from: 1, to: 1 }] };
    this.active = true;
    this.refuseLabelWord = refuse;
    this.notesMade.push({ key: 'warn.input.labelColumn', params: { source: this.source, word } });
    return true;
  }

  /** A first row of integers was a header after all (see RowBuffer): bound again to it. */
  rebind(header: readonly string[]): void {
    this.bound = false;
    this.bind(header);
  }

  /**
   * The first row's width is known: every role is fixed, each choice checked against it.
   * Returns the width of the shaped rows.
   */
  settle(width: number): number {
    if (!this.bound) this.bind(this.header);
    this.settled = true;
    if (!this.active) {
      this.colLabels = this.header;
      return width;
    }
    // A first row of one word and blank space: not a label of no data, a word where a number goes.
    if (this.refuseLabelWord && width === 1) this.refuseLabelWord(true);
    for (const choice of [this.cols, this.drop, this.index, this.target]) if (choice) this.checkWithin(choice, width);
    const chosenBy: (string | undefined)[] = new Array(width).fill(undefined);
    const claim = (col: number, role: Role, option: string) => {
      if (chosenBy[col] !== undefined && chosenBy[col] !== option) {
        throw new XentError(
          'err.columnTwice',
          { col: col + 1, source: this.source, first: chosenBy[col]!, second: option },
          true,
        );
      }
      chosenBy[col] = option;
      this.roles[col] = role;
    };
    this.roles = new Array<Role>(width).fill(this.cols ? 'drop' : 'data');
    this.forEach(this.target, width, (col) => claim(col, 'target', this.target!.option));
    this.forEach(this.index, width, (col) => claim(col, 'label', '--index-col'));
    this.forEach(this.drop, width, (col) => claim(col, 'drop', '--drop-cols'));
    if (this.cols) {
      const seen = new Set<number>();
      this.forEach(this.cols, width, (col) => {
        if (seen.has(col))
          throw new XentError(
            'err.columnTwice',
            { col: col + 1, source: this.source, first: '--cols', second: '--cols' },
            true,
          );
        seen.add(col);
        claim(col, 'data', '--cols');
        this.dataOrder.push(col);
      });
    } else {
      for (let col = 0; col < width; col++) if (this.roles[col] === 'data') this.dataOrder.push(col);
    }
    for (let col = 0; col < width; col++) {
      if (this.roles[col] === 'label') this.labelCols.push(col);
      if (this.roles[col] === 'target') this.targetCol = col;
    }
    if (this.dataOrder.length === 0) throw new XentError('err.noDataColumns', { source: this.source }, true);
    this.out = new Float64Array(this.dataOrder.length);
    this.colLabels = this.shapedLabels(width);
    return this.dataOrder.length;
  }

  /** A row of the input's width as the command reads it; `texts`: the words of its non-data columns. */
  shape(row: Float64Array, texts: readonly (string | undefined)[]): Float64Array {
    if (this.refuseLabelWord && texts[0] === undefined) this.refuseLabelWord(false);
    const { out, dataOrder } = this;
    for (let k = 0; k < dataOrder.length; k++) out[k] = row[dataOrder[k]];
    if (this.rowLabels) {
      const labels = this.labelCols;
      let label = labels.length === 1 ? cellText(row, texts, labels[0]) : '';
      if (labels.length > 1) label = labels.map((col) => cellText(row, texts, col)).join(' / ');
      if (labels.length > 0) this.rowLabels.push(label);
    }
    if (this.targetCells && this.targetCol >= 0) {
      const text = texts[this.targetCol];
      this.targetCells.push(text ?? row[this.targetCol]);
    }
    return out;
  }

  /** The extras of a whole reading, for the matrix read. */
  extras(): ShapedExtras {
    return {
      ...(this.rowLabels && this.labelCols.length > 0 ? { rowLabels: this.rowLabels } : {}),
      ...(this.rowLabelName !== undefined ? { rowLabelName: this.rowLabelName } : {}),
      ...(this.targetCells ? { targetCells: this.targetCells, targetColumn: this.targetCol + 1 } : {}),
      notes: this.notesMade,
    };
  }

  /** The target column: 0-based, and its option (for messages). */
  get targetColumn(): { readonly col: number; readonly option: string } | undefined {
    return this.target ? { col: this.targetCol, option: this.target.option } : undefined;
  }

  private autoIndex(): boolean {
    return (this.options.indexCol ?? 'auto') === 'auto';
  }

  /** A column's role before the width is known (open ranges, names resolved). */
  private roleBeforeWidth(col: number): Role {
    const has = (choice: Choice | undefined) => choice?.refs.some((ref) => covers(ref, col)) === true;
    if (has(this.target)) return 'target';
    if (has(this.index)) return 'label';
    if (has(this.drop)) return 'drop';
    if (this.cols) return has(this.cols) ? 'data' : 'drop';
    return 'data';
  }

  private forEach(choice: Choice | undefined, width: number, each: (col: number) => void): void {
    if (!choice) return;
    for (const ref of choice.refs) {
      if (ref.kind !== 'position') continue;
      for (let col = ref.from - 1; col < Math.min(ref.to, width); col++) each(col);
    }
  }

  private checkWithin(choice: Choice, width: number): void {
    for (const ref of choice.refs) {
      if (ref.kind === 'position' && ref.from > width) {
        throw new XentError(
          'err.columnBeyond',
          { option: choice.option, col: ref.from, source: this.source, width },
          true,
        );
      }
    }
  }

  /** Names resolved to positions in the header. */
  private resolve(refs: readonly ColumnRef[], option: string): Choice {
    const header = this.header;
    const resolved = refs.map((ref): ColumnRef => {
      if (ref.kind === 'position') return ref;
      if (!header) throw new XentError('err.columnNoHeader', { option, name: ref.name, source: this.source }, true);
      const first = header.indexOf(ref.name);
      if (first < 0) {
        const names = { list: header.filter((n) => n !== '') };
        throw new XentError('err.columnUnknown', { option, name: ref.name, source: this.source, names }, true);
      }
      const second = header.indexOf(ref.name, first + 1);
      if (second >= 0) {
        throw new XentError(
          'err.columnAmbiguous',
          { name: ref.name, source: this.source, first: first + 1, second: second + 1 },
          true,
        );
      }
      return { kind: 'position', from: first + 1, to: first + 1 };
    });
    return { option, refs: resolved };
  }

  /**
   * The header's names of the data columns. A header as wide as the rows names every column
   * (the row labels' own name, if any, is kept for the table's corner); one without names for
   * leading row labels (R's write.table) names the data columns alone.
   */
  private shapedLabels(width: number): readonly string[] | undefined {
    const header = this.header;
    if (!header) return undefined;
    if (header.length === width) {
      const labelName = this.labelCols.map((col) => header[col]).join(' / ');
      if (labelName.trim() !== '') this.rowLabelName = labelName;
      return this.dataOrder.map((col) => header[col]);
    }
    const leadingLabels = this.labelCols.length > 0 && this.labelCols.every((col, k) => col === k);
    const onlyLabels = leadingLabels && header.length === width - this.labelCols.length;
    const namesUsed = [
      this.options.cols,
      this.options.dropCols,
      this.options.target ? [this.options.target] : undefined,
    ].some((refs) => refs?.some((ref) => ref.kind === 'name'));
    if (onlyLabels && !namesUsed && !this.options.cols) {
      const offset = this.labelCols.length;
      return this.dataOrder.map((col) => header[col - offset]);
    }
    throw new XentError('err.headerWidth', { source: this.source, got: header.length, expected: width });
  }
}

/** A cell as a label: its word, or its number (0, 1.5). */
function cellText(row: Float64Array, texts: readonly (string | undefined)[], col: number): string {
  return texts[col] ?? String(row[col]);
}

/**
 * The global options' text (--cols, --drop-cols, --index-col, --header) and the target
 * column (-y col:NAME, already read) as ColumnOptions.
 */
export function readColumnOptions(
  text: {
    readonly cols?: string;
    readonly dropCols?: string;
    readonly indexCol?: string;
    readonly header?: string;
  },
  target?: { readonly ref: ColumnRef; readonly option: string },
): ColumnOptions {
  const header = text.header?.trim().toLowerCase();
  if (header !== undefined && header !== 'auto' && header !== 'yes' && header !== 'no') {
    throw new XentError(
      'err.badChoice',
      { option: '--header', choices: { list: ['auto', 'yes', 'no'] }, value: text.header! },
      true,
    );
  }
  const index = text.indexCol?.trim();
  const indexCol =
    index === undefined || index.toLowerCase() === 'auto'
      ? undefined
      : index.toLowerCase() === 'none'
        ? ('none' as const)
        : readColumnRefs(index, '--index-col');
  return {
    ...(text.cols !== undefined ? { cols: readColumnRefs(text.cols, '--cols') } : {}),
    ...(text.dropCols !== undefined ? { dropCols: readColumnRefs(text.dropCols, '--drop-cols') } : {}),
    ...(indexCol !== undefined ? { indexCol } : {}),
    ...(header !== undefined ? { header } : {}),
    ...(target ? { target: target.ref, targetOption: target.option } : {}),
  };
}
