// What `xent ntxent` derives from its loss besides the loss: its chance level.

/**
 * The chance level of NT-Xent: every similarity equal (embeddings that carry nothing), so
 * each of the 2N rows picks its partner among the 2N − 1 others at random: ln(2N − 1).
 *
 * @example
 * ntxentChance(256) // ln 255 ≈ 5.541
 */
export function ntxentChance(rows: number): number {
  return Math.log(rows - 1);
}
