/**
 * A dense row-major matrix of doubles: the one shape every computation in xent works on.
 * A vector is a matrix with one row.
 */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

export function zeros(rows: number, cols: number): Matrix {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/** From plain nested arrays, e.g. `fromRows([[1, 2], [3, 4]])`. Rows must be equally long. */
export function fromRows(rows: readonly (readonly number[])[]): Matrix {
  const cols = rows[0]?.length ?? 0;
  const out = zeros(rows.length, cols);
  rows.forEach((row, i) => {
    if (row.length !== cols) throw new RangeError(`row ${i} has ${row.length} entries, expected ${cols}`);
    out.data.set(row, i * cols);
  });
  return out;
}

export function toRows(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(rowView(m, i)));
  return out;
}

/** Row i as a view (no copy). */
export function rowView(m: Matrix, i: number): Float64Array {
  return m.data.subarray(i * m.cols, (i + 1) * m.cols);
}

export function at(m: Matrix, i: number, j: number): number {
  return m.data[i * m.cols + j];
}

export function transpose(m: Matrix): Matrix {
  const out = zeros(m.cols, m.rows);
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) out.data[j * m.rows + i] = m.data[i * m.cols + j];
  }
  return out;
}

/** Element-wise map into a new matrix of the same shape. */
export function mapMatrix(m: Matrix, f: (x: number) => number): Matrix {
  const out = zeros(m.rows, m.cols);
  for (let k = 0; k < m.data.length; k++) out.data[k] = f(m.data[k]);
  return out;
}

/**
 * A matrix whose rows are computed when they are read (a softmax of a matrix already held,
 * a gradient): what would be a second, third… N×N matrix is never held whole. `row` writes
 * row i into `into` (of length `cols`); rows may be read in any order, and more than once.
 */
export interface RowSource {
  readonly rows: number;
  readonly cols: number;
  row(i: number, into: Float64Array): void;
}

/** A held matrix as a RowSource (each row copied out). */
export function asRowSource(m: Matrix): RowSource {
  return { rows: m.rows, cols: m.cols, row: (i, into) => into.set(rowView(m, i)) };
}

/** Every row of a RowSource, held: for small results and for callers that want them all. */
export function materialize(source: RowSource): Matrix {
  const out = zeros(source.rows, source.cols);
  for (let i = 0; i < source.rows; i++) source.row(i, rowView(out, i));
  return out;
}

/** Element-wise map of a RowSource, still computed row by row. */
export function mapRows(source: RowSource, f: (x: number) => number): RowSource {
  return {
    rows: source.rows,
    cols: source.cols,
    row(i, into) {
      source.row(i, into);
      for (let j = 0; j < into.length; j++) into[j] = f(into[j]);
    },
  };
}
