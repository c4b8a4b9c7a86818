// A chart as a command hands it over: the numbers to draw and every text already in the
// user's language. src/format/chart.ts draws it in the terminal, src/format/chart-svg.ts as
// an SVG file (--plot); neither computes anything of the command's.

/** One curve: (x, y) points in the order they are joined. */
export interface ChartSeries {
  readonly label: string;
  readonly points: readonly (readonly [number, number])[];
}

/** Curves against a common x axis (a probability against T, a loss against the step). */
export interface LineChart {
  readonly kind: 'line';
  /** Absent where the chart stands under a sentence that says what it is (--explain's curve). */
  readonly title?: string;
  readonly xLabel: string;
  readonly yLabel: string;
  /** A logarithmic x axis (temperatures spread over decades). */
  readonly xLog?: boolean;
  /** The y axis from … to, whatever the data (probabilities: [0, 1]); else the data's range. */
  readonly yRange?: readonly [number, number];
  readonly series: readonly ChartSeries[];
  /** One point to point at (the row's own p and loss), with what it is. */
  readonly mark?: { readonly x: number; readonly y: number; readonly label: string };
}

/** Counts of values in consecutive bins [from, to); the last bin holds its upper end. */
export interface HistogramChart {
  readonly kind: 'histogram';
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly bins: readonly { readonly from: number; readonly to: number; readonly count: number }[];
  /** Values no bin holds (inf, nan), said under the chart. */
  readonly outside?: string;
}

export type Chart = LineChart | HistogramChart;

/**
 * Bins for a histogram of `values`: Sturges' count (⌈log₂ n⌉ + 1), at most `most`, spread
 * evenly from the smallest finite value to the largest. Non-finite values are counted apart.
 *
 * @example
 * histogramBins([0, 1, 2, 3], 10).bins.map((b) => b.count) // [1, 1, 2]
 */
export function histogramBins(
  values: Iterable<number>,
  most = 20,
): { bins: { from: number; to: number; count: number }[]; nonFinite: number; count: number } {
  let lo = Infinity;
  let hi = -Infinity;
  let count = 0;
  let nonFinite = 0;
  const finite: number[] = [];
  for (const v of values) {
    if (!Number.isFinite(v)) {
      nonFinite++;
      continue;
    }
    finite.push(v);
    count++;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (count === 0) return { bins: [], nonFinite, count };
  const n = hi > lo ? Math.max(1, Math.min(most, Math.ceil(Math.log2(count)) + 1)) : 1;
  const width = (hi - lo) / n;
  const bins = Array.from({ length: n }, (_, k) => ({
    from: lo + k * width,
    to: k === n - 1 ? hi : lo + (k + 1) * width,
    count: 0,
  }));
  for (const v of finite) bins[width > 0 ? Math.min(n - 1, Math.floor((v - lo) / width)) : 0].count++;
  return { bins, nonFinite, count };
}
