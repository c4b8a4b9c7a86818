// What `xent siglip` derives from its loss besides the loss: its chance level.
import { softplus } from '../../core/sigmoid.js';

/**
 * The chance level of SigLIP's loss: every similarity equal (embeddings that carry nothing,
 * cosines of 0), so every logit is the bias b: each image's positive costs log(1 + e^−b)
 * and its N − 1 negatives log(1 + e^b) each. For a ready logits matrix, b = 0: N·ln 2.
 * With open_clip's initial b = −10 this is ≈ 10: a loss near 10 at the start is normal.
 *
 * @example
 * siglipChance(4, -10) // 10.000136…
 */
export function siglipChance(texts: number, bias: number): number {
  return softplus(-bias) + (texts - 1) * softplus(bias);
}
