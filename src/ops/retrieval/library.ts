// retrievalMetrics for library callers, with the options, defaults and checks of `xent
// retrieval`: the same validator (validate.ts), the same ranker.
import { type MatrixLike, toList, toMatrix, inLibraryWords } from '../../core/library-input.js';
import { retrievalResult, rankMatrix } from './metrics.js';
import { DEFAULT_KS, type RetrievalOptionNames, type RetrievalSpec, type TextImages } from './spec.js';
import { checkRetrievalOptions, checkTextImageChoice, textImages } from './validate.js';

const NAMES: RetrievalOptionNames = { captions: 'captionsPerImage', textImage: 'textImage' };

export interface RetrievalOptions {
  /** k captions per image, in order: text j is image ⌊j / k⌋ (COCO, Flickr30k: 5). */
  readonly captionsPerImage?: number;
  /** Or the image of each text (0-based). Neither: a square matrix, its diagonal the pairs. */
  readonly textImage?: readonly number[];
  /** The K of R@K (default 1, 5, 10). */
  readonly ks?: readonly number[];
}

export interface RetrievalMetricsResult {
  /** R@K per K, median and mean rank, and each query's rank, per direction. */
  readonly imageToText: {
    readonly recall: Record<string, number>;
    readonly medianRank: number;
    readonly meanRank: number;
    readonly ranks: number[];
  };
  readonly textToImage: {
    readonly recall: Record<string, number>;
    readonly medianRank: number;
    readonly meanRank: number;
    readonly ranks: number[];
  };
}

/**
 * Retrieval metrics of an images × texts similarity matrix, as `xent retrieval` and open_clip
 * report them (1-based ranks; ties to the earlier index).
 *
 * @example
 * retrievalMetrics([[0.9, 0.1], [0.8, 0.3]]).imageToText.recall['1'] // 1: both images rank their own text first
 * retrievalMetrics([[0.9, 0.1], [0.8, 0.3]]).textToImage.ranks // [1, 1]
 */
export function retrievalMetrics(similarity: MatrixLike, options: RetrievalOptions = {}): RetrievalMetricsResult {
  return inLibraryWords(() => {
    const sim = toMatrix(similarity, 'the similarities');
    checkTextImageChoice(options.captionsPerImage !== undefined, options.textImage !== undefined, NAMES);
    const texts: TextImages =
      options.captionsPerImage !== undefined
        ? { kind: 'perImage', captions: options.captionsPerImage }
        : options.textImage !== undefined
          ? { kind: 'list', images: toList(options.textImage, 'textImage') }
          : { kind: 'diagonal' };
    const spec: RetrievalSpec = { texts, ks: options.ks ? toList(options.ks, 'ks') : DEFAULT_KS };
    checkRetrievalOptions(spec, NAMES);
    const r = retrievalResult(rankMatrix(sim, textImages(spec.texts, sim.rows, sim.cols, NAMES)), spec.ks);
    const direction = (m: typeof r.i2t, ranks: Int32Array) => ({
      recall: Object.fromEntries([...m.recall].map(([k, v]) => [String(k), v])),
      medianRank: m.medianRank,
      meanRank: m.meanRank,
      ranks: Array.from(ranks),
    });
    return { imageToText: direction(r.i2t, r.ranks.i2t), textToImage: direction(r.t2i, r.ranks.t2i) };
  });
}
