// What `xent supcon` derives from its loss besides the loss: its chance level.

/**
 * The chance level of SupCon: every similarity equal (embeddings that carry nothing), so
 * each of an anchor's positives has probability 1/(M − 1) among the M − 1 other rows:
 * ln(M − 1) per anchor, whatever its number of positives.
 *
 * @example
 * supconChance(4) // ln 3 ≈ 1.0986
 */
export function supconChance(rows: number): number {
  return Math.log(rows - 1);
}
