/** Non-finite numbers the way xent writes and reads them. */
function nonFinite(x: number): string {
  return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
}

/**
 * The shortest text that reads back as exactly the same double (JavaScript's own
 * round-trip form), with `inf`, `-inf`, `nan` for non-finite values.
 */
export function formatExact(x: number): string {
  return Number.isFinite(x) ? String(x) : nonFinite(x);
}

/**
 * A fixed number of decimals for tables. A non-zero value that would show as all zeros
 * is written in exponent form instead (1.2e-20, not 0.0000), so a table never hides a
 * non-zero probability or gradient.
 */
export function formatFixed(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  decimals = Math.min(100, Math.max(0, Math.trunc(decimals))); // toFixed's range
  const abs = Math.abs(x);
  if (x !== 0 && (abs < 0.5 * 10 ** -decimals || abs >= 1e15)) {
    return x.toExponential(Math.max(1, Math.min(decimals, 4) - 1));
  }
  const text = x.toFixed(decimals);
  // -0.0000 reads as a sign error; a value that rounds to zero has no sign.
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}
