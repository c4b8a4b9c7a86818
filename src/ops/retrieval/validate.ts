// The one check of `xent retrieval`'s inputs, on typed values: the command, its stream and
// the library's retrievalMetrics call these.
import { XentError } from '../../core/errors.js';
import { checkTopK } from '../cross-entropy/validate.js';
import { RETRIEVAL_CLI_NAMES, type RetrievalOptionNames, type RetrievalSpec, type TextImages } from './spec.js';

/** --captions-per-image and --text-image are two ways to say one thing: one of them. */
export function checkTextImageChoice(captions: boolean, list: boolean, names = RETRIEVAL_CLI_NAMES): void {
  if (captions && list)
    throw new XentError('err.retrieval.twoLayouts', { captions: names.captions, list: names.textImage }, true);
}

/** What can be checked before the input is read: k and the K of R@K. */
export function checkRetrievalOptions(spec: RetrievalSpec, names: RetrievalOptionNames = RETRIEVAL_CLI_NAMES): void {
  checkTopK(spec.ks);
  const { texts } = spec;
  if (texts.kind === 'perImage' && !(Number.isInteger(texts.captions) && texts.captions >= 1))
    throw new XentError('err.retrieval.captions', { option: names.captions, value: texts.captions }, true);
}

/**
 * The image of each text as the layout says, from the number of texts alone (before the rows
 * are counted: a stream's first reading): undefined where a list does not fit (another
 * length, or an entry that is not a whole number ≥ 0). Checked by {@link textImages}.
 */
export function ownerOfTexts(texts: TextImages, cols: number): Int32Array | undefined {
  if (texts.kind === 'diagonal') return Int32Array.from({ length: cols }, (_, j) => j);
  if (texts.kind === 'perImage') return Int32Array.from({ length: cols }, (_, j) => Math.floor(j / texts.captions));
  const fits = texts.images.length === cols && texts.images.every((v) => Number.isInteger(v) && v >= 0 && v < 2 ** 31);
  return fits ? Int32Array.from(texts.images) : undefined;
}

/**
 * The image of each text of an images × texts matrix, checked against its shape: a square
 * matrix for the diagonal, N·k columns for k captions per image, one whole image index per
 * text for a list; every image needs a caption (its image→text rank would not exist).
 */
export function textImages(
  texts: TextImages,
  images: number,
  cols: number,
  names: RetrievalOptionNames = RETRIEVAL_CLI_NAMES,
): Int32Array {
  if (texts.kind === 'diagonal' && images !== cols)
    throw new XentError('err.retrieval.notSquare', { images, texts: cols, option: names.captions }, true);
  if (texts.kind === 'perImage' && cols !== images * texts.captions) {
    const k = texts.captions;
    throw new XentError(
      'err.retrieval.captionShape',
      { images, texts: cols, k, expected: images * k, option: names.captions },
      true,
    );
  }
  if (texts.kind === 'list') {
    if (texts.images.length !== cols)
      throw new XentError(
        'err.retrieval.listCount',
        { option: names.textImage, got: texts.images.length, texts: cols },
        true,
      );
    texts.images.forEach((v, j) => {
      if (!Number.isInteger(v) || v < 0 || v >= images)
        throw new XentError(
          'err.retrieval.listRange',
          { option: names.textImage, value: v, text: j + 1, images, max: images - 1 },
          true,
        );
    });
  }
  const owner = ownerOfTexts(texts, cols)!;
  const captioned = new Uint8Array(images);
  for (let j = 0; j < cols; j++) captioned[owner[j]] = 1;
  const bare = captioned.indexOf(0);
  if (bare >= 0) throw new XentError('err.retrieval.noCaption', { image: bare + 1, option: names.textImage }, true);
  return owner;
}
