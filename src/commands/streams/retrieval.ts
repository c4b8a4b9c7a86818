import { formatJson } from '../../format/json.js';
import { formatDelimited, valuesPieces } from '../../format/delimited.js';
import { formatExact, formatFixed } from '../../format/number.js';
import { RetrievalRanker } from '../../ops/retrieval/kernel.js';
import { retrievalData, retrievalJson, retrievalResult, retrievalValues } from '../../ops/retrieval/metrics.js';
import type { RetrievalSpec } from '../../ops/retrieval/spec.js';
import { ownerOfTexts, textImages } from '../../ops/retrieval/validate.js';
import type { StreamContext, StreamPlan } from '../../rows/plan.js';

/**
 * `xent retrieval` for the data formats (value, json, tsv, csv) in O(images + texts) memory:
 * the input is read twice — first for each text's score with its own image, then to count
 * what ranks above it (RetrievalRanker, as the whole-matrix path uses it). A pipe is copied
 * to a temporary file during the first reading and read back from it (src/rows/spill.ts);
 * where the CLI has no such file (in-process tests), it takes the whole-matrix path.
 */
export function planRetrievalStream(spec: RetrievalSpec, context: StreamContext): StreamPlan | undefined {
  const { format, decimals, rereadable } = context;
  // The data formats only: tables, Markdown, LaTeX (and npy) take the whole-matrix path.
  if (!rereadable || (format !== 'value' && format !== 'json' && format !== 'tsv' && format !== 'csv'))
    return undefined;
  // Made at the first row, from the number of texts; checked against the rows once they are counted.
  let ranker: RetrievalRanker | undefined;
  return {
    firstPasses: [
      {
        onRow(row, i) {
          if (i === 0) {
            const owner = ownerOfTexts(spec.texts, row.length);
            ranker = owner && new RetrievalRanker(owner);
          }
          ranker?.notePositives(row, i);
        },
        // The whole-matrix path's check, with the same errors: past it, the ranker's images are the rows.
        end: (rows, cols) => void textImages(spec.texts, rows, cols),
      },
    ],
    onRow: (row, i) => ranker!.rank(row, i),
    finish() {
      const r = retrievalResult(ranker!.ranks(), spec.ks);
      if (format === 'json') return formatJson(retrievalJson(r));
      if (format === 'value') return [...valuesPieces(retrievalValues(r), formatExact)].join('');
      const number = decimals === undefined ? formatExact : (x: number) => formatFixed(x, decimals);
      return formatDelimited(retrievalData(r), format === 'csv' ? ',' : '\t', number);
    },
  };
}
