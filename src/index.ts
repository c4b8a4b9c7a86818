// xent as a library: the numbers `xent` prints, as pure functions. Every function takes a
// Matrix, plain rows (number[][]) or, where one vector is natural, a flat number[]; every
// matrix in a result is a plain number[][] (use toMatrix to go back). Options and defaults
// are the CLI's. Bad input throws XentError, whose `message` is English and whose `key` is
// a stable code. Nothing here loads the CLI, its colours or its tables.
//
//   import { softmax, crossEntropy } from 'xent';
//   softmax([2, 0.5, -1]);                  // [0.7856, 0.1753, 0.0391] (to 4 decimals)
//   crossEntropy([[2, 0.5, -1]], [0]).loss; // 0.2413
//
// The contrastive losses take `preset: 'open_clip' | 'hf' | 'simclr' | 'supcontrast' | 'pml'`,
// the CLI's --as from the same table (PRESETS), and every other library's convention as an
// option (gradLogScale, local loss, labels, baseTemperature, contrastMode, singletons, …).

export { softmax, logSoftmax, logSumExp, type Axis, type SoftmaxOptions } from './ops/softmax/library.js';
export {
  crossEntropy,
  type Reduction,
  type SmoothingStyle,
  type CrossEntropyOptions,
  type CrossEntropyResult,
} from './ops/cross-entropy/library.js';
export {
  binaryCrossEntropy,
  type BinaryCrossEntropyOptions,
  type BinaryCrossEntropyResult,
} from './ops/bce/library.js';
export { focalLoss, type FocalLossOptions, type FocalLossResult } from './ops/focal/library.js';
export { hingeLoss, type HingeLossOptions, type HingeLossResult } from './ops/hinge/library.js';
export {
  distillationLoss,
  type DistillationOptions,
  type DistillationResult,
} from './ops/distill/library.js';
export {
  languageModelLoss,
  type LanguageModelOptions,
  type LanguageModelResult,
} from './ops/lm/library.js';
export {
  infoNceLoss,
  type InfoNceEmbeddingInput,
  type InfoNceOptions,
  type InfoNceLossResult,
} from './ops/infonce/library.js';
export {
  retrievalMetrics,
  type RetrievalOptions,
  type RetrievalMetricsResult,
} from './ops/retrieval/library.js';
export {
  clipLoss,
  type ClipOptions,
  type ClipLocalEmbeddingOptions,
  type ClipLocalLogitsOptions,
  type ClipLossResult,
  type ClipLocalLossResult,
} from './ops/clip/library.js';
export { sigLipLoss, type SigLipOptions, type SigLipLossResult } from './ops/siglip/library.js';
export {
  ntXentLoss,
  type Pairing,
  type ContrastMode,
  type Singletons,
  type NtXentOptions,
  type NtXentLossResult,
} from './ops/ntxent/library.js';
export { supConLoss, type SupConOptions, type SupConLossResult } from './ops/supcon/library.js';
export { klDivergence, type KlOptions, type KlReduction, type KlResult } from './ops/kl/library.js';
export { entropy, type EntropyResult } from './ops/entropy/library.js';
export { PRESETS, LIBRARIES, type Library, type Preset } from './ops/presets.js';
export type { EmbeddingPair } from './core/library-input.js';
export { parseMatrix, type ParsedMatrix } from './text/library.js';
export { toMatrix, toRows, type MatrixLike, type Rows, type Vector } from './core/library-input.js';
export type { Matrix } from './core/matrix.js';
export { XentError } from './core/errors.js';
export type { MessageKey, MessageParams } from './i18n/messages.js';
