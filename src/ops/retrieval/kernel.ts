// Retrieval ranks from an images × texts similarity matrix, in two readings of its rows and
// O(images + texts) memory: the first notes each text's score with its own image, the second
// counts, for each image, the texts ranked above its best caption and, for each text, the
// images ranked above its own. Ranks are 1-based positions in a stable descending sort (a
// tie goes to the earlier index), as torch.sort(descending=True, stable=True) orders them.

export interface RetrievalRanks {
  /** Each image's rank of its best caption among all texts (image → text). */
  readonly i2t: Int32Array;
  /** Each text's rank of its image among all images (text → image). */
  readonly t2i: Int32Array;
  /** Queries whose rank a tie decided (an equal score ahead of or behind the positive), per direction. */
  readonly i2tTies: number;
  readonly t2iTies: number;
}

export class RetrievalRanker {
  /** s[owner(j)][j]: each text's score with its own image (first reading). */
  private readonly positive: Float64Array;
  /** Images scored above text j's own (and equal ones with a smaller index), as rows come. */
  private readonly above: Int32Array;
  /** Whether text j's own score ties another image's. */
  private readonly tied: Uint8Array;
  /** The texts of each image: start offsets into `byImage`. */
  private readonly starts: Int32Array;
  private readonly byImage: Int32Array;
  private readonly i2t: Int32Array;
  private i2tTies = 0;

  /** `owner`: each text's image (checked by textImages, or not yet: a stream's first reading). */
  constructor(private readonly owner: Int32Array) {
    const texts = owner.length;
    let images = 0;
    for (let j = 0; j < texts; j++) images = Math.max(images, owner[j] + 1);
    this.positive = new Float64Array(texts);
    this.above = new Int32Array(texts);
    this.tied = new Uint8Array(texts);
    this.i2t = new Int32Array(images);
    // The texts of each image, in column order (a counting sort).
    this.starts = new Int32Array(images + 1);
    for (let j = 0; j < texts; j++) this.starts[owner[j] + 1]++;
    for (let i = 0; i < images; i++) this.starts[i + 1] += this.starts[i];
    this.byImage = new Int32Array(texts);
    const fill = this.starts.slice(0, images);
    for (let j = 0; j < texts; j++) this.byImage[fill[owner[j]]++] = j;
  }

  /** First reading: row i's scores of its own texts (none past the last image the texts name: the check says why). */
  notePositives(row: ArrayLike<number>, i: number): void {
    if (i + 1 >= this.starts.length) return;
    for (let k = this.starts[i]; k < this.starts[i + 1]; k++) this.positive[this.byImage[k]] = row[this.byImage[k]];
  }

  /** Second reading: row i ranks its texts (image → text) and is counted against every text's own image (text → image). */
  rank(row: ArrayLike<number>, i: number): void {
    // The best caption: the highest score, the earliest column on a tie (it comes first in a stable sort).
    let best = -1;
    for (let k = this.starts[i]; k < this.starts[i + 1]; k++) {
      const j = this.byImage[k];
      if (best < 0 || row[j] > row[best]) best = j;
    }
    const top = row[best];
    let ahead = 0;
    let ties = 0;
    const owner = this.owner;
    const positive = this.positive;
    for (let j = 0; j < row.length; j++) {
      const s = row[j];
      if (s > top || (s === top && j < best)) ahead++;
      if (s === top && j !== best && owner[j] !== i) ties++;
      const own = owner[j];
      if (own === i) continue;
      const p = positive[j];
      if (s > p || (s === p && i < own)) this.above[j]++;
      if (s === p) this.tied[j] = 1;
    }
    this.i2t[i] = ahead + 1;
    if (ties > 0) this.i2tTies++;
  }

  ranks(): RetrievalRanks {
    const t2i = Int32Array.from(this.above, (a) => a + 1);
    let t2iTies = 0;
    for (let j = 0; j < this.tied.length; j++) t2iTies += this.tied[j];
    return { i2t: this.i2t, t2i, i2tTies: this.i2tTies, t2iTies };
  }
}

export interface DirectionMetrics {
  /** R@K: the share of queries ranked ≤ K, for each K asked for. */
  readonly recall: ReadonlyMap<number, number>;
  /** open_clip's median rank: floor(median of the 0-based ranks) + 1. */
  readonly medianRank: number;
  /** The mean of the 1-based ranks (open_clip's preds.mean() + 1). */
  readonly meanRank: number;
}

/**
 * R@K, median and mean rank of one direction's 1-based ranks, as open_clip's get_clip_metrics
 * reports them.
 *
 * @example
 * directionMetrics(Int32Array.from([1, 3, 2, 8]), [1, 5]) // R@1 0.25, R@5 0.75, median 2 (⌊1.5⌋ + 1), mean 3.5
 */
export function directionMetrics(ranks: Int32Array, ks: readonly number[]): DirectionMetrics {
  const n = ranks.length;
  const recall = new Map<number, number>();
  for (const k of ks) {
    let hits = 0;
    for (let q = 0; q < n; q++) if (ranks[q] <= k) hits++;
    recall.set(k, hits / n);
  }
  const sorted = Int32Array.from(ranks).sort();
  const middle = n % 2 === 1 ? sorted[(n - 1) / 2] - 1 : (sorted[n / 2 - 1] - 1 + (sorted[n / 2] - 1)) / 2;
  let sum = 0;
  for (let q = 0; q < n; q++) sum += ranks[q];
  return { recall, medianRank: Math.floor(middle) + 1, meanRank: sum / n };
}
