// The matrix products of the contrastive losses (similarities and their gradients), in
// Float64Array loops blocked for the cache and for registers: 4×4 entries at a time, so
// that each number loaded serves four products. Every entry is still one sum taken in
// order (k = 0, 1, 2, …, starting from 0), as the plain triple loop takes it: blocking
// changes the speed, never a digit.
import { type Matrix, type RowSource, transpose, zeros } from '../matrix.js';

/** Rows of the right-hand matrix kept in cache while every row of the left passes them. */
const TILE = 64;
/** Rows of G computed at a time by gradientProducts. */
const BLOCK = 32;

/**
 * a · bᵀ: entry (i, j) is the dot product of row i of a with row j of b. With b === a (a
 * Gram matrix) only the upper triangle is computed and mirrored: uᵢ·uⱼ and uⱼ·uᵢ are the
 * same products summed in the same order, so the mirror is exact.
 *
 * @example
 * dotRows(fromRows([[1, 0], [0, 2]]), fromRows([[3, 4]])) // [[3], [8]]
 */
export function dotRows(a: Matrix, b: Matrix): Matrix {
  const out = zeros(a.rows, b.rows);
  const symmetric = a === b;
  dotRowsInto(a.data, a.rows, b.data, b.rows, a.cols, out.data, b.rows, symmetric);
  if (symmetric) {
    const n = a.rows;
    for (let i = 1; i < n; i++) for (let j = 0; j < i; j++) out.data[i * n + j] = out.data[j * n + i];
  }
  return out;
}

/**
 * Entry (i, j) = Σₖ a[i][k]·b[j][k] for `n` rows of a and `m` rows of b of length d, written
 * to out[i·stride + j]; `upper`: only the entries with i ≤ j (and a few below, in the blocks
 * that cross the diagonal).
 */
function dotRowsInto(a: Float64Array, n: number, b: Float64Array, m: number, d: number, out: Float64Array, stride: number, upper: boolean): void {
  for (let j0 = 0; j0 < m; j0 += TILE) {
    const j1 = Math.min(m, j0 + TILE);
    const iEnd = upper ? Math.min(n, j1) : n;
    for (let i = 0; i < iEnd; i += 4) {
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
  let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
  let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
  for (let k = 0; k < d; k++) {
    const x0 = a[a0 + k];
    const x1 = a[a1 + k];
    const x2 = a[a2 + k];
    const x3 = a[a3 + k];
    const y0 = b[b0 + k];
    const y1 = b[b1 + k];
    const y2 = b[b2 + k];
    const y3 = b[b3 + k];
    s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
    s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
    s20 += x2 * y0; s21 += x2 * y1; s22 += x2 * y2; s23 += x2 * y3;
    s30 += x3 * y0; s31 += x3 * y1; s32 += x3 * y2; s33 += x3 * y3;
  }
  let o = i * m + j;
  out[o] = s00; out[o + 1] = s01; out[o + 2] = s02; out[o + 3] = s03;
  o += m;
  out[o] = s10; out[o + 1] = s11; out[o + 2] = s12; out[o + 3] = s13;
  o += m;
  out[o] = s20; out[o + 1] = s21; out[o + 2] = s22; out[o + 3] = s23;
  o += m;
  out[o] = s30; out[o + 1] = s31; out[o + 2] = s32; out[o + 3] = s33;
}

/** A block at the edge (fewer than 4 rows or columns), one entry at a time. */
function dotEdge(a: Float64Array, b: Float64Array, d: number, i: number, rows: number, j: number, cols: number, out: Float64Array, m: number): void {
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
  const gRight = zeros(n, d);
  const gtLeft = zeros(m, d);
  // G·R as dot products of G's rows with R's columns, both read in order (R's columns read
  // down its rows would touch a page per number).
  const rt = transpose(right);
  const block = new Float64Array(BLOCK * m);
  for (let i0 = 0; i0 < n; i0 += BLOCK) {
    const rows = Math.min(BLOCK, n - i0);
    for (let r = 0; r < rows; r++) g.row(i0 + r, block.subarray(r * m, (r + 1) * m));
    dotRowsInto(block, rows, rt.data, d, m, gRight.data.subarray(i0 * d), d, false);
    transposedTimesLeft(block, rows, m, left.data, d, gtLeft.data, i0);
  }
  return { gRight, gtLeft };
}

/** Adds the rows i0… of L, weighted by the rows of G in `block`, to Gᵀ·L (rows in order, so each sum stays in order). */
function transposedTimesLeft(block: Float64Array, rows: number, m: number, l: Float64Array, d: number, out: Float64Array, i0: number): void {
  const j4 = m - (m % 4);
  const k4 = d - (d % 4);
  for (let j = 0; j < j4; j += 4) {
    for (let k = 0; k < k4; k += 4) {
      let o = j * d + k;
      let s00 = out[o], s01 = out[o + 1], s02 = out[o + 2], s03 = out[o + 3];
      o += d;
      let s10 = out[o], s11 = out[o + 1], s12 = out[o + 2], s13 = out[o + 3];
      o += d;
      let s20 = out[o], s21 = out[o + 1], s22 = out[o + 2], s23 = out[o + 3];
      o += d;
      let s30 = out[o], s31 = out[o + 1], s32 = out[o + 2], s33 = out[o + 3];
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
        s00 += w0 * x0; s01 += w0 * x1; s02 += w0 * x2; s03 += w0 * x3;
        s10 += w1 * x0; s11 += w1 * x1; s12 += w1 * x2; s13 += w1 * x3;
        s20 += w2 * x0; s21 += w2 * x1; s22 += w2 * x2; s23 += w2 * x3;
        s30 += w3 * x0; s31 += w3 * x1; s32 += w3 * x2; s33 += w3 * x3;
      }
      o = j * d + k;
      out[o] = s00; out[o + 1] = s01; out[o + 2] = s02; out[o + 3] = s03;
      o += d;
      out[o] = s10; out[o + 1] = s11; out[o + 2] = s12; out[o + 3] = s13;
      o += d;
      out[o] = s20; out[o + 1] = s21; out[o + 2] = s22; out[o + 3] = s23;
      o += d;
      out[o] = s30; out[o + 1] = s31; out[o + 2] = s32; out[o + 3] = s33;
    }
  }
  // The columns of G and of L left over: one entry at a time, rows still in order.
  for (let j = 0; j < m; j++) {
    const kFrom = j < j4 ? k4 : 0;
    for (let k = kFrom; k < d; k++) {
      let s = out[j * d + k];
      for (let r = 0; r < rows; r++) s += block[r * m + j] * l[(i0 + r) * d + k];
      out[j * d + k] = s;
    }
  }
}
