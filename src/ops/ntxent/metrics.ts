// What `xent ntxent` derives from its loss besides the loss: its chance level.

/**
 * The chance level of NT-Xent: every similarity equal (embeddings that carry nothing), so
 * each of the 2N rows picks its partner among the 2N − 1 others at random: ln(2N − 1),
 * times τ/τ_b where SupContrast's base temperature scales the loss.
 *
 * @example
 * ntxentChance(256) // ln 255 ≈ 5.541
 */
export function ntxentChance(rows: number, factor = 1): number {
  return factor * Math.log(rows - 1);
}

/**
 * The chance level of pytorch-metric-learning's NT-Xent with labels: every similarity equal,
 * so the pair (i, p) scores ln(1 + nᵢ) with nᵢ the rows of other labels than i's; the mean
 * over all pairs, as its loss; with `singletons` 'zero', over the pairs and the anchors alone
 * (each a term of 0).
 *
 * @example
 * pairNtxentChance([0, 0, 1, 1]) // ln 3: each of the 4 pairs against 2 negatives
 * pairNtxentChance([0, 0, 1], 'zero') // (2 · ln 2) / 3
 */
export function pairNtxentChance(labels: readonly number[], singletons: 'drop' | 'zero' = 'drop'): number {
  let total = 0;
  let pairs = 0;
  for (let i = 0; i < labels.length; i++) {
    let positives = 0;
    for (let j = 0; j < labels.length; j++) if (j !== i && labels[j] === labels[i]) positives++;
    total += positives * Math.log1p(labels.length - 1 - positives);
    pairs += positives;
    if (positives === 0 && singletons === 'zero') pairs++;
  }
  return total / pairs;
}
