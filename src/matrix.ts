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
