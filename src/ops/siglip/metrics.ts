// What `xent siglip` derives from its loss besides the loss: its chance level.
import { softplus } from '../../core/sigmoid.js';
import { pairMatch } from './kernel.js';

/**
 * The chance level of SigLIP's loss: every similarity equal (embeddings that carry nothing,
 * cosines of 0), so every logit is the bias b: each image's positive costs log(1 + e^−b)
 * and its N − 1 negatives log(1 + e^b) each. For a ready logits matrix, b = 0: N·ln 2.
 * With open_clip's initial b = −10 this is ≈ 10: a loss near 10 at the start is normal.
 *
 * @example
 * siglipChance(4, -10) // 10.000136…
 */
export function siglipChance(texts: number, bias: number, labels?: readonly number[]): number {
  if (!labels) return softplus(-bias) + (texts - 1) * softplus(bias);
  // With labels, image i has as many positives as rows share its label: the mean over images.
  const match = pairMatch(texts, labels);
  let total = 0;
  for (let i = 0; i < texts; i++) {
    let positives = 0;
    for (let j = 0; j < texts; j++) if (match(i, j)) positives++;
    total += positives * softplus(-bias) + (texts - positives) * softplus(bias);
  }
  return total / texts;
}
