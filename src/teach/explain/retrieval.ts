// --explain for `xent retrieval`: one image with its own numbers — its best caption, how many
// texts score above it (its rank), and the same for one of its texts the other way — then
// how R@K and the median and mean ranks are counted.
import { rowView } from '../../core/matrix.js';
import { rankMatrix, retrievalResult } from '../../ops/retrieval/metrics.js';
import type { RetrievalSpec } from '../../ops/retrieval/spec.js';
import { textImages } from '../../ops/retrieval/validate.js';
import { type Explanation, formula, text } from './explanation.js';
import { type ExplainInput, pickRow } from './explainer.js';
import { given, num, sub } from './numbers.js';

export function explainRetrieval(x: ExplainInput<RetrievalSpec>): Explanation {
  const { t, spec, decimals: d } = x;
  const sim = x.input!;
  const owner = textImages(spec.texts, sim.rows, sim.cols);
  const r = retrievalResult(rankMatrix(sim, owner), spec.ks);
  const i = pickRow(x.row, sim.rows);
  const row = rowView(sim, i);
  const captions: number[] = [];
  for (let j = 0; j < owner.length; j++) if (owner[j] === i) captions.push(j);
  let best = captions[0];
  for (const j of captions) if (row[j] > row[best]) best = j;
  const rank = r.ranks.i2t[i];
  const textRank = r.ranks.t2i[best];
  const k = spec.ks[0];
  const hits = Array.from(r.ranks.i2t).filter((q) => q <= k).length;
  return {
    title: t.label('teach.retrieval.title', { index: i + 1, count: sim.rows }),
    steps: [
      {
        heading: t.label('teach.retrieval.step.i2t'),
        lines: [
          text(t.t('teach.retrieval.captions', { count: captions.length, best: best + 1 })),
          formula(`s${sub(i + 1)},${sub(best + 1)} = ${given(row[best])}`),
          text(t.t('teach.retrieval.ahead', { ahead: rank - 1, rank })),
        ],
      },
      {
        heading: t.label('teach.retrieval.step.t2i'),
        lines: [
          text(t.t('teach.retrieval.textRank', { text: best + 1, image: i + 1, ahead: textRank - 1, rank: textRank })),
        ],
      },
      {
        heading: t.label('teach.retrieval.step.metrics'),
        lines: [
          formula(`R@${k} = ${hits} / ${sim.rows} = ${num(r.i2t.recall.get(k)!, d)}`),
          text(t.t('teach.retrieval.median')),
          formula(`median = ${num(r.i2t.medianRank, 0)},  mean = ${num(r.i2t.meanRank, d)}`),
        ],
      },
    ],
  };
}
