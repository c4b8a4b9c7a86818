// supConLoss for library callers, with the options, defaults and checks of `xent supcon`.
import { type MatrixLike, choice, toList, toMatrix, toRows, inLibraryWords } from '../../core/library-input.js';
import { CONTRAST_MODES, type ContrastMode } from '../ntxent/kernel.js';
import { type Library, presetFor } from '../presets.js';
import { checkBaseTemperature, checkTemperature, checkViews, firstViewAnchors } from './validate.js';
import { SINGLETONS, type Singletons, supconLoss } from './kernel.js';

/** τ when neither `temperature` nor a preset gives one: the default of the authors' SupConLoss. */
const DEFAULT_TEMPERATURE = 0.07;

export interface SupConOptions {
  /** τ (`-t`); default 0.07, as the authors' SupConLoss, or the preset's. */
  readonly temperature?: number;
  /** SupContrast's base_temperature τ_b (`--base-temperature`): the loss × τ/τ_b. */
  readonly baseTemperature?: number;
  /** The anchors: 'all' rows (default) or 'one', the first 1/views of them (`--contrast-mode`). */
  readonly contrastMode?: ContrastMode;
  /** With contrastMode 'one': how many views of each sample the rows hold, stacked view by view (default 2). */
  readonly views?: number;
  /** An anchor without a positive: 'drop' (left out of the mean, default, as PML) or 'zero' (counted as 0, as SupContrast). */
  readonly singletons?: Singletons;
  /** Cosine similarity (default true); false: raw dot products (`--no-normalize`). */
  readonly normalize?: boolean;
  /** A library's conventions at once (`--as`): 'supcontrast' or 'pml'; options given still win. */
  readonly preset?: Library;
}

export interface SupConLossResult {
  readonly similarity: number[][];
  /** Each anchor's softmax over the other rows (0 on the diagonal). */
  readonly probs: number[][];
  /** How many other rows share each anchor's label. */
  readonly positives: number[];
  /** Per anchor (× τ/τ_b); null for an anchor without a positive (0 with singletons 'zero') and a row that is no anchor. */
  readonly losses: (number | null)[];
  /** How many anchors the mean is over: those with a positive (every anchor with singletons 'zero'). */
  readonly anchors: number;
  /** The mean over those anchors. */
  readonly loss: number;
  /** The conventions applied, as given or set by the preset. */
  readonly temperature: number;
  readonly baseTemperature?: number;
  readonly contrastMode: ContrastMode;
  readonly singletons: Singletons;
  readonly normalize: boolean;
  readonly grad: number[][];
}

/**
 * The supervised contrastive loss (Khosla et al. 2020, L_out), as `xent supcon`: one label
 * per row; each anchor's positives are the other rows with its label. τ = 0.07 by default;
 * `preset` sets a library's conventions as `--as` does (the same table).
 *
 * @example
 * const r = supConLoss([[1, 0], [2, 0], [0, 1]], [0, 0, 1], { temperature: 1 });
 * r.losses // [0.3133, 0.3133, null]: log(1 + e^-1) for each class-0 anchor
 * supConLoss([[1, 0], [0.8, 0.6], [0, 1], [0.6, 0.8]], [0, 0, 1, 1], { temperature: 0.1, preset: 'supcontrast' }).loss
 * // 1.38114532…: × τ/0.07 on raw dot products
 */
export function supConLoss(
  embeddingRows: MatrixLike,
  labels: readonly number[],
  options: SupConOptions = {},
): SupConLossResult {
  return inLibraryWords(() => {
    const preset = presetFor('supcon', options.preset, 'preset');
    const m = toMatrix(embeddingRows, 'the embeddings');
    const list = toList(labels, 'labels');
    const temperature = checkTemperature(options.temperature ?? preset.temperature ?? DEFAULT_TEMPERATURE);
    const base = options.baseTemperature ?? preset.baseTemperature;
    const baseTemperature = base === undefined ? undefined : checkBaseTemperature(base, 'baseTemperature');
    const contrastMode = choice(options.contrastMode, 'contrastMode', CONTRAST_MODES, preset.contrastMode ?? 'all');
    const views = options.views === undefined ? 2 : checkViews(options.views, 'views');
    const singletons = choice(options.singletons, 'singletons', SINGLETONS, preset.singletons ?? 'drop');
    const normalize = options.normalize ?? preset.normalize ?? true;
    const r = supconLoss(m, list, temperature, 'the embeddings', {
      ...(baseTemperature !== undefined ? { baseTemperature } : {}),
      ...(contrastMode === 'one' ? { anchors: firstViewAnchors(m.rows, views) } : {}),
      singletons,
      normalize,
    });
    return {
      similarity: toRows(r.similarity),
      probs: toRows(r.probs),
      positives: [...r.positives],
      losses: [...r.losses],
      anchors: r.anchors,
      loss: r.loss,
      temperature,
      ...(baseTemperature !== undefined ? { baseTemperature } : {}),
      contrastMode,
      singletons,
      normalize,
      grad: toRows(r.grad),
    };
  });
}
