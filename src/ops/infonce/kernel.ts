// InfoNCE with explicit negatives (van den Oord et al.; MoCo's layout): each query's logits
// are its positive in column 0 and its negatives after it, divided by T, and the loss is the
// cross-entropy toward column 0. The gradients are in closed form, through the
// normalisation of the embeddings too.
import { type Matrix, rowView, zeros } from '../../core/matrix.js';
import { dotRows } from '../../core/matmul.js';
import { type Normalized, l2Normalize, normalizeBackward } from '../../core/normalize.js';
import type { Reduction } from '../cross-entropy/kernel.js';
import { softmaxInto } from '../softmax/kernel.js';
import type { InfoNceEmbeddings } from './spec.js';

export interface InfoNceResult {
  /** The logits after ÷ T: column 0 the positive. */
  readonly logits: Matrix;
  /** softmax of each row. */
  readonly probs: Matrix;
  /** −log p₀ of each query. */
  readonly losses: Float64Array;
  /** Σ / N for 'mean', Σ for 'sum', NaN for 'none'. */
  readonly loss: number;
  readonly meanLoss: number;
  /** ∂loss/∂(the logits before ÷ T, as given); for 'none', of Σ losses. */
  readonly grad: Matrix;
}

/**
 * The InfoNCE loss of logits whose column 0 is the positive: lᵢ = logsumexp(zᵢ/T) − zᵢ₀/T,
 * F.cross_entropy(z / T, zeros) as MoCo computes it. ∂lᵢ/∂zᵢⱼ = (pᵢⱼ − [j = 0]) / T.
 *
 * @example
 * infoNceFromLogits(fromRows([[2, 0, 1]]), 1, 'mean').loss // 0.4076: −log(e² / (e² + 1 + e))
 */
export function infoNceFromLogits(given: Matrix, temperature: number, reduction: Reduction): InfoNceResult {
  const { rows, cols } = given;
  const logits = zeros(rows, cols);
  for (let k = 0; k < given.data.length; k++) logits.data[k] = given.data[k] / temperature;
  const probs = zeros(rows, cols);
  const losses = new Float64Array(rows);
  const grad = zeros(rows, cols);
  const logProbs = new Float64Array(cols);
  const scale = (reduction === 'mean' ? 1 / rows : 1) / temperature;
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const p = rowView(probs, i);
    // From the given row and T: softmaxInto shifts before dividing where z / T would overflow.
    softmaxInto(rowView(given, i), temperature, p, logProbs);
    losses[i] = -logProbs[0];
    total += losses[i];
    const g = rowView(grad, i);
    for (let j = 0; j < cols; j++) g[j] = (p[j] - (j === 0 ? 1 : 0)) * scale;
  }
  const loss = reduction === 'mean' ? total / rows : reduction === 'sum' ? total : NaN;
  return { logits, probs, losses, loss, meanLoss: total / rows, grad };
}

export interface InfoNceEmbeddingResult extends InfoNceResult {
  /** ∂loss/∂ the raw query, positive and negative embeddings. */
  readonly gradQuery: Matrix;
  readonly gradPos: Matrix;
  readonly gradNeg: Matrix;
}

/**
 * InfoNCE from embeddings, as MoCo's builder.py: q = normalize(query), k = normalize(pos), the
 * queue normalize(neg); logits = [qᵢ·kᵢ, qᵢ·negⱼ…] / T. With G = ∂loss/∂(similarities before
 * ÷ T), ∂/∂qᵢ = G_{i0}·kᵢ + Σⱼ G_{ij}·negⱼ, ∂/∂kᵢ = G_{i0}·qᵢ, ∂/∂negⱼ = Σᵢ G_{ij}·qᵢ, then through
 * the normalisation (normalizeBackward).
 *
 * @example
 * const one = (rows: number[][]) => fromRows(rows);
 * infoNceFromEmbeddings({ query: one([[1, 0]]), pos: one([[1, 0]]), neg: one([[0, 1]]) }, 1, true, 'mean').loss
 * // 0.3133 = log(1 + e^(0 − 1))
 */
export function infoNceFromEmbeddings(
  e: InfoNceEmbeddings,
  temperature: number,
  normalize: boolean,
  reduction: Reduction,
): InfoNceEmbeddingResult {
  const prepare = (m: Matrix) => (normalize ? l2Normalize(m) : undefined);
  const [nq, nk, nn] = [prepare(e.query), prepare(e.pos), prepare(e.neg)];
  const q = nq?.unit ?? e.query;
  const k = nk?.unit ?? e.pos;
  const queue = nn?.unit ?? e.neg;
  const n = q.rows;
  const negatives = queue.rows;
  const d = q.cols;
  const negSim = dotRows(q, queue);
  const similarity = zeros(n, 1 + negatives);
  for (let i = 0; i < n; i++) {
    let pos = 0;
    for (let c = 0; c < d; c++) pos += q.data[i * d + c] * k.data[i * d + c];
    similarity.data[i * (1 + negatives)] = pos;
    similarity.data.set(rowView(negSim, i), i * (1 + negatives) + 1);
  }
  const r = infoNceFromLogits(similarity, temperature, reduction);
  const g = r.grad; // ∂loss/∂similarity (÷ T is in it)
  const gq = zeros(n, d);
  const gk = zeros(n, d);
  const gneg = zeros(negatives, d);
  for (let i = 0; i < n; i++) {
    const gi = rowView(g, i);
    const qi = rowView(q, i);
    const outQ = rowView(gq, i);
    const outK = rowView(gk, i);
    for (let c = 0; c < d; c++) {
      outQ[c] = gi[0] * k.data[i * d + c];
      outK[c] = gi[0] * qi[c];
    }
    for (let j = 0; j < negatives; j++) {
      const w = gi[1 + j];
      if (w === 0) continue;
      const negJ = rowView(queue, j);
      const outNeg = rowView(gneg, j);
      for (let c = 0; c < d; c++) {
        outQ[c] += w * negJ[c];
        outNeg[c] += w * qi[c];
      }
    }
  }
  const back = (norm: Normalized | undefined, grad: Matrix) => (norm ? normalizeBackward(norm, grad) : grad);
  return { ...r, gradQuery: back(nq, gq), gradPos: back(nk, gk), gradNeg: back(nn, gneg) };
}
