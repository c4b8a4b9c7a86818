// The one check of CLIP's inputs, on typed values. `xent clip` (its readSpec and run), the
// library's clipLoss, `descend`'s clip path and the streaming sums (ClipSums) all call these,
// so the same bad input gets the same error key, whichever way it came in.
import { XentError } from '../../core/errors.js';
import type { MessageParam } from '../../i18n/messages.js';
import type { Matrix } from '../../core/matrix.js';
import { checkInvertibleTemperature, checkSoftmaxInput } from '../softmax/validate.js';

/** The names of the scale and temperature options, as each caller spells them in errors. */
export interface ScaleNames {
  readonly scale: string;
  readonly temperature: string;
}

export const CLI_SCALE_NAMES: ScaleNames = { scale: '--scale', temperature: '--temperature' };
export const LIBRARY_SCALE_NAMES: ScaleNames = { scale: 'scale', temperature: 'temperature' };

/** A scale or temperature as given: the number, and the text the user wrote (quoted by errors). */
export interface GivenNumber {
  readonly value: number;
  readonly text?: string;
}

/** The logits' multiplier: scale s, or 1/T with the temperature T it came from. */
export interface ScaleOrTemperature {
  readonly scale: number;
  readonly temperature?: number;
}

/** A scale s: finite and above 0. */
export function checkScale(given: GivenNumber, option: string): number {
  const s = given.value;
  if (!(s > 0) || !Number.isFinite(s)) throw new XentError('err.positive', { option, value: given.text ?? s }, true);
  return s;
}

/**
 * -s S or -t T (S = 1/T), not both; `fallback` when neither is given. T is a temperature
 * (finite, > 0) whose 1/T is finite too: a subnormal T (5e-324) makes 1/T = inf, and inf · 0
 * = NaN in the logits.
 */
export function checkScaleOrTemperature(
  given: { readonly scale?: GivenNumber; readonly temperature?: GivenNumber },
  fallback: number,
  names: ScaleNames,
): ScaleOrTemperature {
  if (given.scale !== undefined && given.temperature !== undefined)
    throw new XentError('err.scaleAndTemperature', {}, true);
  if (given.temperature !== undefined) {
    const T = checkInvertibleTemperature(given.temperature.value, given.temperature.text);
    return { scale: 1 / T, temperature: T };
  }
  return { scale: given.scale === undefined ? fallback : checkScale(given.scale, names.scale) };
}

/** The error for a logits matrix of `rows` × `cols` that is not square (`command` names the caller). */
export function notSquareError(rows: number, cols: number, command = 'clip'): XentError {
  return new XentError('err.notSquare', { command, rows, cols });
}

/** CLIP's logits are N×N: image i's positive is text i. */
export function checkClipShape(rows: number, cols: number, command = 'clip'): void {
  if (rows !== cols) throw notSquareError(rows, cols, command);
}

/**
 * Scaled logits (scale · x, as the loss takes them): square, and every row and column a
 * line softmax can normalise (no NaN or +inf, not all −inf). 1e308 × 10 is +inf: checked
 * after the scale.
 */
export function checkClipLogits(logits: Matrix, source: MessageParam, command = 'clip'): void {
  checkSoftmaxInput(logits, 'row', source);
  checkSoftmaxInput(logits, 'col', source);
  checkClipShape(logits.rows, logits.cols, command);
}

/**
 * Which of clip's inputs go together: open_clip's local_loss is one rank's rows, either from
 * the whole batch's embeddings (world size and rank, together) or from the rank's two logits
 * matrices (the text→image logits beside the input, with the label offset); labels are for a
 * whole batch's square logits.
 */
export function checkClipInputChoice(given: {
  readonly embeddings: boolean;
  readonly worldSize: boolean;
  readonly rank: boolean;
  readonly textLogits: boolean;
  readonly labelOffset: boolean;
  readonly labels: boolean;
}): void {
  if ((given.worldSize || given.rank) && (!given.worldSize || !given.rank || !given.embeddings))
    throw new XentError('err.clip.worldSizeNeeds', {}, true);
  if (given.textLogits && given.embeddings) throw new XentError('err.clip.textLogitsNeeds', {}, true);
  if (given.labelOffset && !given.textLogits) throw new XentError('err.clip.offsetNeeds', {}, true);
  if (given.labels && (given.worldSize || given.textLogits)) throw new XentError('err.clip.labelsLocal', {}, true);
}
