// What `xent retrieval` reports, from the ranks of both directions: the same object for the
// command's JSON, its streamed JSON and value lines, and the library.
import type { Matrix } from '../../core/matrix.js';
import { rowView } from '../../core/matrix.js';
import { type DirectionMetrics, RetrievalRanker, type RetrievalRanks, directionMetrics } from './kernel.js';

export interface RetrievalResult {
  readonly images: number;
  readonly texts: number;
  readonly ks: readonly number[];
  readonly ranks: RetrievalRanks;
  readonly i2t: DirectionMetrics;
  readonly t2i: DirectionMetrics;
}

/** Both directions' metrics from the ranks. */
export function retrievalResult(ranks: RetrievalRanks, ks: readonly number[]): RetrievalResult {
  return {
    images: ranks.i2t.length,
    texts: ranks.t2i.length,
    ks,
    ranks,
    i2t: directionMetrics(ranks.i2t, ks),
    t2i: directionMetrics(ranks.t2i, ks),
  };
}

/**
 * The ranks of a held matrix (images × texts, `owner`: each text's image): the two readings
 * of its rows that the stream makes of a file.
 */
export function rankMatrix(sim: Matrix, owner: Int32Array): RetrievalRanks {
  const ranker = new RetrievalRanker(owner);
  for (let i = 0; i < sim.rows; i++) ranker.notePositives(rowView(sim, i), i);
  for (let i = 0; i < sim.rows; i++) ranker.rank(rowView(sim, i), i);
  return ranker.ranks();
}

/** The JSON keys of one direction: i2t_r1, i2t_r5, …, i2t_median_rank, i2t_mean_rank. */
function directionJson(name: 'i2t' | 't2i', m: DirectionMetrics): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of m.recall) out[`${name}_r${k}`] = v;
  out[`${name}_median_rank`] = m.medianRank;
  out[`${name}_mean_rank`] = m.meanRank;
  return out;
}

/** Every figure, flat (so that --expect can name each: `--expect t2i_r5=0.8`), the ranks last. */
export function retrievalJson(r: RetrievalResult): Record<string, unknown> {
  return {
    command: 'retrieval',
    images: r.images,
    texts: r.texts,
    ...directionJson('i2t', r.i2t),
    ...directionJson('t2i', r.t2i),
    i2t_ties: r.ranks.i2tTies,
    t2i_ties: r.ranks.t2iTies,
    i2t_ranks: Array.from(r.ranks.i2t),
    t2i_ranks: Array.from(r.ranks.t2i),
  };
}

/** `-f value`: one line per direction, R@K for each K (image → text, then text → image). */
export function retrievalValues(r: RetrievalResult): number[][] {
  return [[...r.i2t.recall.values()], [...r.t2i.recall.values()]];
}

/** tsv/csv: one line per K, "k i2t t2i". */
export function retrievalData(r: RetrievalResult): { colLabels: string[]; rows: number[][]; integerCols: number[] } {
  return {
    colLabels: ['k', 'i2t_recall', 't2i_recall'],
    rows: r.ks.map((k) => [k, r.i2t.recall.get(k)!, r.t2i.recall.get(k)!]),
    integerCols: [0],
  };
}
