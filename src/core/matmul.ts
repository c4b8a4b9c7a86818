// The matrix products of the contrastive losses (similarities and their gradients), in
// Float64Array loops blocked for the cache and for registers: 4×4 entries at a time, so
// that each number loaded serves four products. Every entry is still one sum taken in
// order (k = 0, 1, 2, …, starting from 0), as the plain triple loop takes it: blocking
// changes the speed, never a digit. A large product may share its entries with a second
// thread (ProductHelper); each entry is still one thread's sum, in order.
import { type Matrix, type RowSource, transpose, zeros } from './matrix.js';

/** Rows of the right-hand matrix kept in cache while every row of the left passes them. */
const TILE = 64;
/** Rows of G computed at a time by gradientProducts. */
const BLOCK = 32;
/** Multiply-adds below which a second thread costs more than it saves. */
const SHARE_FROM = 1 << 27;

/**
 * A second thread that takes half of a large product (src/rows/product-thread.ts, for the
 * CLI; the library has none). Each entry is still computed by one thread, in order: the
 * digits do not depend on it. The matrices it reads and writes live in SharedArrayBuffers.
 */
export interface ProductHelper {
  /** Starts a job on the helper thread; `wait` returns when it is done. */
  start(job: ProductJob): void;
  wait(): void;
}

/** A product's part, for the helper thread: plain data over shared memory. */
export type ProductJob =
  /** Rows `rows` × columns `cols` of a·bᵀ (see dotRowsInto). */
  | {
      readonly kind: 'dot';
      readonly a: Float64Array;
      readonly b: Float64Array;
      readonly d: number;
      readonly out: Float64Array;
      readonly stride: number;
      readonly upper: boolean;
      readonly rows: readonly [number, number];
      readonly cols: readonly [number, number];
    }
  /** For the rows of G in `block` (from row i0): columns `k` of G·R and rows `j` of Gᵀ·L. */
  | {
      readonly kind: 'gradient';
      readonly block: Float64Array;
      readonly rowsIn: number;
      readonly m: number;
      readonly rt: Float64Array;
      readonly left: Float64Array;
      readonly d: number;
      readonly gRight: Float64Array;
      readonly gtLeft: Float64Array;
      readonly i0: number;
      readonly k: readonly [number, number];
      readonly j: readonly [number, number];
    };

let helperOf: (() => ProductHelper | undefined) | undefined;

/** Lets large products use a second thread, started on first use by `helper` (undefined: none). */
export function shareLargeProducts(helper: (() => ProductHelper | undefined) | undefined): void {
  helperOf = helper;
}

function helperFor(work: number): ProductHelper | undefined {
  return work >= SHARE_FROM ? helperOf?.() : undefined;
}

/** A copy in shared memory (that the helper thread can read), unless it is there already. */
function shared(data: Float64Array): Float64Array {
  if (data.buffer instanceof SharedArrayBuffer) return data;
  const copy = new Float64Array(new SharedArrayBuffer(data.length * 8));
  copy.set(data);
  return copy;
}

function sharedZeros(rows: number, cols: number): Matrix {
  return { rows, cols, data: new Float64Array(new SharedArrayBuffer(rows * cols * 8)) };
}

/** What a helper thread runs: the part of a product that `job` names. */
export function runProductJob(job: ProductJob): void {
  if (job.kind === 'dot') {
    dotRowsInto(job.a, job.rows, job.b, job.cols, job.d, job.out, job.stride, job.upper);
  } else {
    const gRight = job.gRight.subarray(job.i0 * job.d);
    dotRowsInto(job.block, [0, job.rowsIn], job.rt, job.k, job.m, gRight, job.d, false);
    transposedTimesLeft(job.block, job.rowsIn, job.m, job.left, job.d, job.gtLeft, job.i0, job.j);
  }
}

/** A split point of [0, n) on a multiple of 4. */
function splitAt(n: number, share: number): number {
  return Math.min(n, Math.round((n * share) / 4) * 4);
}

/**
 * a · bᵀ: entry (i, j) is the dot product of row i of a with row j of b. With b === a (a
 * Gram matrix) only the upper triangle is computed and mirrored: uᵢ·uⱼ and uⱼ·uᵢ are the
 * same products summed in the same order, so the mirror is exact.
 *
 * @example
 * dotRows(fromRows([[1, 0], [0, 2]]), fromRows([[3, 4]])) // [[3], [8]]
 */
export function dotRows(a: Matrix, b: Matrix): Matrix {
  const symmetric = a === b;
  const helper = helperFor(a.rows * b.rows * a.cols);
  const out = helper ? sharedZeros(a.rows, b.rows) : zeros(a.rows, b.rows);
  if (helper) {
    // The helper takes the last rows: half of the work (of the upper triangle, with a Gram matrix).
    const mid = splitAt(a.rows, symmetric ? 1 - Math.SQRT1_2 : 0.5);
    const sa = shared(a.data);
    const sb = symmetric ? sa : shared(b.data);
    helper.start({
      kind: 'dot',
      a: sa,
      b: sb,
      d: a.cols,
      out: out.data,
      stride: b.rows,
      upper: symmetric,
      rows: [mid, a.rows],
      cols: [0, b.rows],
    });
    dotRowsInto(sa, [0, mid], sb, [0, b.rows], a.cols, out.data, b.rows, symmetric);
    helper.wait();
  } else {
    dotRowsInto(a.data, [0, a.rows], b.data, [0, b.rows], a.cols, out.data, b.rows, symmetric);
  }
  if (symmetric) {
    const n = a.rows;
    for (let i = 1; i < n; i++) for (let j = 0; j < i; j++) out.data[i * n + j] = out.data[j * n + i];
  }
  return out;
}

/**
 * Entry (i, j) = Σₖ a[i][k]·b[j][k] for the rows i of a and j of b in the given ranges (rows
 * of length d), written to out[i·stride + j]; `upper`: only the entries with i ≤ j (and a
 * few below, in the blocks that cross the diagonal).
 */
function dotRowsInto(
  a: Float64Array,
  [iFrom, iTo]: readonly [number, number],
  b: Float64Array,
  [jFrom, jTo]: readonly [number, number],
  d: number,
  out: Float64Array,
  stride: number,
  upper: boolean,
): void {
  for (let j0 = jFrom; j0 < jTo; j0 += TILE) {
    const j1 = Math.min(jTo, j0 + TILE);
    const iEnd = upper ? Math.min(iTo, j1) : iTo;
    for (let i = iFrom; i < iEnd; i += 4) {
      const rows = Math.min(4, iEnd - i);
      for (let j = j0; j < j1; j += 4) {
        const cols = Math.min(4, j1 - j);
        if (upper && j + cols - 1 < i) continue; // below the diagonal: mirrored by the caller
        if (rows === 4 && cols === 4) dot4x4(a, b, d, i, j, out, stride);
        else dotEdge(a, b, d, i, rows, j, cols, out, stride);
      }
    }
  }
}

/** Entries (i..i+3, j..j+3) of a·bᵀ. */
function dot4x4(a: Float64Array, b: Float64Array, d: number, i: number, j: number, out: Float64Array, m: number): void {
  const a0 = i * d;
  const a1 = a0 + d;
  const a2 = a1 + d;
  const a3 = a2 + d;
  const b0 = j * d;
  const b1 = b0 + d;
  const b2 = b1 + d;
  const b3 = b2 + d;
  let s00 = 0,
    s01 = 0,
    s02 = 0,
    s03 = 0,
    s10 = 0,
    s11 = 0,
    s12 = 0,
    s13 = 0;
  let s20 = 0,
    s21 = 0,
    s22 = 0,
    s23 = 0,
    s30 = 0,
    s31 = 0,
    s32 = 0,
    s33 = 0;
  for (let k = 0; k < d; k++) {
    const x0 = a[a0 + k];
    const x1 = a[a1 + k];
    const x2 = a[a2 + k];
    const x3 = a[a3 + k];
    const y0 = b[b0 + k];
    const y1 = b[b1 + k];
    const y2 = b[b2 + k];
    const y3 = b[b3 + k];
    s00 += x0 * y0;
    s01 += x0 * y1;
    s02 += x0 * y2;
    s03 += x0 * y3;
    s10 += x1 * y0;
    s11 += x1 * y1;
    s12 += x1 * y2;
    s13 += x1 * y3;
    s20 += x2 * y0;
    s21 += x2 * y1;
    s22 += x2 * y2;
    s23 += x2 * y3;
    s30 += x3 * y0;
    s31 += x3 * y1;
    s32 += x3 * y2;
    s33 += x3 * y3;
  }
  let o = i * m + j;
  out[o] = s00;
  out[o + 1] = s01;
  out[o + 2] = s02;
  out[o + 3] = s03;
  o += m;
  out[o] = s10;
  out[o + 1] = s11;
  out[o + 2] = s12;
  out[o + 3] = s13;
  o += m;
  out[o] = s20;
  out[o + 1] = s21;
  out[o + 2] = s22;
  out[o + 3] = s23;
  o += m;
  out[o] = s30;
  out[o + 1] = s31;
  out[o + 2] = s32;
  out[o + 3] = s33;
}

/** A block at the edge (fewer than 4 rows or columns), one entry at a time. */
function dotEdge(
  a: Float64Array,
  b: Float64Array,
  d: number,
  i: number,
  rows: number,
  j: number,
  cols: number,
  out: Float64Array,
  m: number,
): void {
  for (let r = i; r < i + rows; r++) {
    for (let c = j; c < j + cols; c++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += a[r * d + k] * b[c * d + k];
      out[r * m + c] = s;
    }
  }
}

/**
 * G·R and Gᵀ·L for an N×M matrix G given by rows (the gradient w.r.t. a similarity matrix,
 * never held whole: BLOCK rows at a time), R of M rows and L of N rows: the two products
 * that carry ∂L/∂S back to the rows that S was made of. Entry (i, k) of G·R is Σⱼ Gᵢⱼ Rⱼₖ
 * summed over j in order, and entry (j, k) of Gᵀ·L is Σᵢ Gᵢⱼ Lᵢₖ summed over i in order.
 */
export function gradientProducts(g: RowSource, right: Matrix, left: Matrix): { gRight: Matrix; gtLeft: Matrix } {
  const n = g.rows;
  const m = g.cols;
  const d = right.cols;
  const helper = helperFor(2 * n * m * d);
  const gRight = helper ? sharedZeros(n, d) : zeros(n, d);
  const gtLeft = helper ? sharedZeros(m, d) : zeros(m, d);
  // G·R as dot products of G's rows with R's columns, both read in order (R's columns read
  // down its rows would touch a page per number).
  const rt = helper ? shared(transpose(right).data) : transpose(right).data;
  const l = helper ? shared(left.data) : left.data;
  const block = helper ? new Float64Array(new SharedArrayBuffer(BLOCK * m * 8)) : new Float64Array(BLOCK * m);
  // With a helper, each block's products are split: it takes the last columns of G·R and the
  // last rows of Gᵀ·L.
  const kMid = helper ? splitAt(d, 0.5) : d;
  const jMid = helper ? splitAt(m, 0.5) : m;
  for (let i0 = 0; i0 < n; i0 += BLOCK) {
    const rows = Math.min(BLOCK, n - i0);
    for (let r = 0; r < rows; r++) g.row(i0 + r, block.subarray(r * m, (r + 1) * m));
    helper?.start({
      kind: 'gradient',
      block,
      rowsIn: rows,
      m,
      rt,
      left: l,
      d,
      gRight: gRight.data,
      gtLeft: gtLeft.data,
      i0,
      k: [kMid, d],
      j: [jMid, m],
    });
    dotRowsInto(block, [0, rows], rt, [0, kMid], m, gRight.data.subarray(i0 * d), d, false);
    transposedTimesLeft(block, rows, m, l, d, gtLeft.data, i0, [0, jMid]);
    helper?.wait();
  }
  return { gRight, gtLeft };
}

/**
 * Adds the rows i0… of L, weighted by the rows of G in `block`, to the rows jFrom…jTo of Gᵀ·L
 * (rows in order, so each sum stays in order).
 */
function transposedTimesLeft(
  block: Float64Array,
  rows: number,
  m: number,
  l: Float64Array,
  d: number,
  out: Float64Array,
  i0: number,
  [jFrom, jTo]: readonly [number, number],
): void {
  const j4 = jFrom + (jTo - jFrom) - ((jTo - jFrom) % 4);
  const k4 = d - (d % 4);
  for (let j = jFrom; j < j4; j += 4) {
    for (let k = 0; k < k4; k += 4) {
      let o = j * d + k;
      let s00 = out[o],
        s01 = out[o + 1],
        s02 = out[o + 2],
        s03 = out[o + 3];
      o += d;
      let s10 = out[o],
        s11 = out[o + 1],
        s12 = out[o + 2],
        s13 = out[o + 3];
      o += d;
      let s20 = out[o],
        s21 = out[o + 1],
        s22 = out[o + 2],
        s23 = out[o + 3];
      o += d;
      let s30 = out[o],
        s31 = out[o + 1],
        s32 = out[o + 2],
        s33 = out[o + 3];
      for (let r = 0; r < rows; r++) {
        const gj = r * m + j;
        const w0 = block[gj];
        const w1 = block[gj + 1];
        const w2 = block[gj + 2];
        const w3 = block[gj + 3];
        const lk = (i0 + r) * d + k;
        const x0 = l[lk];
        const x1 = l[lk + 1];
        const x2 = l[lk + 2];
        const x3 = l[lk + 3];
        s00 += w0 * x0;
        s01 += w0 * x1;
        s02 += w0 * x2;
        s03 += w0 * x3;
        s10 += w1 * x0;
        s11 += w1 * x1;
        s12 += w1 * x2;
        s13 += w1 * x3;
        s20 += w2 * x0;
        s21 += w2 * x1;
        s22 += w2 * x2;
        s23 += w2 * x3;
        s30 += w3 * x0;
        s31 += w3 * x1;
        s32 += w3 * x2;
        s33 += w3 * x3;
      }
      o = j * d + k;
      out[o] = s00;
      out[o + 1] = s01;
      out[o + 2] = s02;
      out[o + 3] = s03;
      o += d;
      out[o] = s10;
      out[o + 1] = s11;
      out[o + 2] = s12;
      out[o + 3] = s13;
      o += d;
      out[o] = s20;
      out[o + 1] = s21;
      out[o + 2] = s22;
      out[o + 3] = s23;
      o += d;
      out[o] = s30;
      out[o + 1] = s31;
      out[o + 2] = s32;
      out[o + 3] = s33;
    }
  }
  // The columns of G and of L left over: one entry at a time, rows still in order.
  for (let j = jFrom; j < jTo; j++) {
    const kFrom = j < j4 ? k4 : 0;
    for (let k = kFrom; k < d; k++) {
      let s = out[j * d + k];
      for (let r = 0; r < rows; r++) s += block[r * m + j] * l[(i0 + r) * d + k];
      out[j * d + k] = s;
    }
  }
}
