// Central finite differences of a scalar function of a matrix (plain rows), and the check that
// a closed-form gradient agrees with them.
import { expect } from 'vitest';

/** ∂f/∂x by central differences, entry by entry. */
export function numericGradient(f: (x: number[][]) => number, x: number[][], h = 1e-6): number[][] {
  return x.map((row, i) =>
    row.map((_, j) => {
      const plus = x.map((r) => [...r]);
      const minus = x.map((r) => [...r]);
      plus[i][j] += h;
      minus[i][j] -= h;
      return (f(plus) - f(minus)) / (2 * h);
    }),
  );
}

/** The analytic gradient within 1e-6 + 1e-5·|g| of the finite differences, naming the entry that is not. */
export function expectGradientRows(analytic: number[][], approx: number[][], what: string): void {
  approx.forEach((row, i) =>
    row.forEach((g, j) => {
      const allowed = 1e-6 + 1e-5 * Math.abs(g);
      expect(Math.abs(analytic[i][j] - g) <= allowed, `${what}[${i}][${j}]: ${analytic[i][j]} vs ${g}`).toBe(true);
    }),
  );
}
