// What `xent supcon` derives from its loss besides the loss: its chance level.

/**
 * The chance level of SupCon: every similarity equal (embeddings that carry nothing), so
 * each of an anchor's positives has probability 1/(M − 1) among the M − 1 other rows:
 * ln(M − 1) per anchor, whatever its number of positives; times τ/τ_b (`factor`) where
 * SupContrast's base temperature scales the loss, and times the share of the averaged
 * anchors that have a positive (`share`, below 1 where anchors without one count as 0).
 *
 * @example
 * supconChance(4) // ln 3 ≈ 1.0986
 */
export function supconChance(rows: number, factor = 1, share = 1): number {
  return factor * share * Math.log(rows - 1);
}
