// ntXentLoss for library callers, with the options, defaults and checks of `xent ntxent`.
import { materialize } from '../../core/matrix.js';
import { type MatrixLike, choice, toList, toMatrix, toRows, inLibraryWords } from '../../core/library-input.js';
import { type Library, presetFor } from '../presets.js';
import { SINGLETONS, type Singletons } from '../supcon/kernel.js';
import { checkBaseTemperature } from '../supcon/validate.js';
import { type NtxentOptionNames, checkNtxentOptionChoice, checkTemperature } from './validate.js';
import { CONTRAST_MODES, type ContrastMode, PAIRINGS, type Pairing, ntxentLoss, pairNtxentByRow } from './kernel.js';

export type { ContrastMode, Pairing, Singletons };

/** τ when neither `temperature` nor a preset gives one. */
const DEFAULT_TEMPERATURE = 0.5;

const NAMES: NtxentOptionNames = {
  labels: 'labels',
  pairs: 'pairs',
  contrastMode: 'contrastMode',
  baseTemperature: 'baseTemperature',
  singletons: 'singletons',
  preset: 'preset',
};

export interface NtXentOptions {
  /** τ (`-t`); default 0.5, or the preset's. */
  readonly temperature?: number;
  /** Which rows are two views of one example: 'half' (i and i + N, default) or 'adjacent' (2k and 2k + 1). Not with `labels`. */
  readonly pairs?: Pairing;
  /**
   * One label per row (`--labels`): pytorch-metric-learning's NT-Xent with several positives,
   * every pair of rows with one label a positive pair against the rows of other labels only,
   * the loss the mean over pairs. Not with `pairs`, `contrastMode` or `baseTemperature`.
   */
  readonly labels?: readonly number[];
  /** With `labels`, an anchor whose label no other row has: 'drop' (left out, default, as PML) or 'zero' (a term of 0). */
  readonly singletons?: Singletons;
  /** SupContrast's base_temperature τ_b (`--base-temperature`): the loss × τ/τ_b. */
  readonly baseTemperature?: number;
  /** The anchors: 'all' rows (default) or 'one', the first view of each pair (`--contrast-mode`). */
  readonly contrastMode?: ContrastMode;
  /** Cosine similarity (default true); false: raw dot products (`--no-normalize`). */
  readonly normalize?: boolean;
  /** A library's conventions at once (`--as`): 'simclr', 'supcontrast' or 'pml'; options given still win. */
  readonly preset?: Library;
}

export interface NtXentLossResult {
  /** Cosine similarity of every pair of rows (raw dot products with `normalize: false`). */
  readonly similarity: number[][];
  /** Each row's softmax of similarity / τ over the other rows (0 on the diagonal). */
  readonly probs: number[][];
  /** Without labels: the positive partner of each row (0-based). */
  readonly partners?: number[];
  /** With labels: how many other rows share each row's label. */
  readonly positives?: number[];
  /** With labels: how many positive pairs there are. */
  readonly positivePairs?: number;
  /**
   * −log probs[i][partner(i)] (× τ/τ_b) per row, or with labels the mean of the row's pairs'
   * losses; null for a row that is no anchor (contrast mode 'one', or alone under 'drop').
   */
  readonly losses: (number | null)[];
  /** The mean over the anchors (with labels: over the positive pairs). */
  readonly loss: number;
  /** What SimCLR's add_contrastive_loss returns: loss_a + loss_b, twice `loss`. */
  readonly simclrLoss: number;
  /** The conventions applied: τ, and the rest as given or set by the preset. */
  readonly temperature: number;
  readonly baseTemperature?: number;
  readonly contrastMode?: ContrastMode;
  readonly singletons?: Singletons;
  readonly normalize: boolean;
  /** ∂loss/∂embeddings (raw, before normalisation). */
  readonly grad: number[][];
}

/**
 * SimCLR's NT-Xent loss, as `xent ntxent`: 2N embeddings (rows), L2-normalised; each row
 * classifies its partner among the other rows with logits cosine / τ. τ = 0.5 by default.
 * With `labels`, pytorch-metric-learning's multi-positive NT-Xent; `preset` sets a library's
 * conventions as `--as` does (the same table).
 *
 * @example
 * ntXentLoss([[1, 0], [0, 1]]).loss // 0: the partner is the only other row
 * ntXentLoss([[1, 0], [0.9, 0.2], [0, 1], [0.1, 1]], { pairs: 'adjacent', temperature: 0.1 }).grad
 * ntXentLoss([[1, 0], [0, 1], [0.9, 0.2], [0.1, 1]], { preset: 'simclr' }).simclrLoss // 0.00185906…
 */
export function ntXentLoss(embeddingRows: MatrixLike, options: NtXentOptions = {}): NtXentLossResult {
  return inLibraryWords(() => {
    const preset = presetFor('ntxent', options.preset, 'preset');
    const m = toMatrix(embeddingRows, 'the embeddings');
    checkNtxentOptionChoice(
      {
        labels: options.labels !== undefined,
        pairs: options.pairs !== undefined,
        contrastMode: options.contrastMode !== undefined,
        baseTemperature: options.baseTemperature !== undefined,
        singletons: options.singletons !== undefined,
        preset: options.preset,
      },
      NAMES,
    );
    const temperature = checkTemperature(options.temperature ?? preset.temperature ?? DEFAULT_TEMPERATURE);
    const normalize = options.normalize ?? preset.normalize ?? true;
    const source = 'the embeddings';
    if (options.labels !== undefined) {
      const labels = toList(options.labels, 'labels');
      const singletons = choice(options.singletons, 'singletons', SINGLETONS, preset.singletons ?? 'drop');
      const r = pairNtxentByRow(m, labels, temperature, source, normalize, singletons);
      return {
        similarity: toRows(r.similarity),
        probs: toRows(materialize(r.probs)),
        positives: [...r.positives],
        positivePairs: r.pairs,
        losses: [...r.losses],
        loss: r.loss,
        simclrLoss: 2 * r.loss,
        temperature,
        singletons,
        normalize,
        grad: toRows(r.gradient()),
      };
    }
    const pairs = choice(options.pairs, 'pairs', PAIRINGS, 'half');
    const contrastMode = choice(options.contrastMode, 'contrastMode', CONTRAST_MODES, preset.contrastMode ?? 'all');
    const base = options.baseTemperature ?? preset.baseTemperature;
    const baseTemperature = base === undefined ? undefined : checkBaseTemperature(base, 'baseTemperature');
    const r = ntxentLoss(m, temperature, pairs, source, {
      ...(baseTemperature !== undefined ? { baseTemperature } : {}),
      contrastMode,
      normalize,
    });
    return {
      similarity: toRows(r.similarity),
      probs: toRows(r.probs),
      partners: [...r.partners],
      losses: [...r.losses],
      loss: r.loss,
      simclrLoss: 2 * r.loss,
      temperature,
      ...(baseTemperature !== undefined ? { baseTemperature } : {}),
      contrastMode,
      normalize,
      grad: toRows(r.grad),
    };
  });
}
