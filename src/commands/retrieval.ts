import { planRetrievalStream } from './streams/retrieval.js';
import { explainRetrieval } from '../teach/explain/retrieval.js';
import { type CommandSpec, type OptionValues, type SpecContext, defineCommand } from './command.js';
import { readNumberOption } from '../text/option-values.js';
import { readListOption } from './loss-options.js';
import {
  rankMatrix,
  retrievalData,
  retrievalJson,
  retrievalResult,
  retrievalValues,
} from '../ops/retrieval/metrics.js';
import { DEFAULT_KS, type RetrievalSpec, type TextImages } from '../ops/retrieval/spec.js';
import { checkRetrievalOptions, checkTextImageChoice, textImages } from '../ops/retrieval/validate.js';
import { type Report, type ReportTable, numberCell } from '../report/report.js';

/** The options of `xent retrieval` as a typed spec: the texts' images (k per image, or a list inline or @FILE) and the K of R@K. */
async function readRetrievalSpec(options: OptionValues, context: SpecContext): Promise<RetrievalSpec> {
  const text = (name: string) => options[name] as string | undefined;
  const captionsText = text('captionsPerImage');
  const listText = text('textImage');
  checkTextImageChoice(captionsText !== undefined, listText !== undefined);
  const texts: TextImages =
    captionsText !== undefined
      ? { kind: 'perImage', captions: readNumberOption(captionsText, '--captions-per-image') }
      : listText !== undefined
        ? { kind: 'list', images: await readListOption(context, listText, '--text-image') }
        : { kind: 'diagonal' };
  const ksText = text('recallAt');
  const spec: RetrievalSpec = {
    texts,
    ks:
      ksText !== undefined ? Array.from(new Set(await readListOption(context, ksText, '-k, --recall-at'))) : DEFAULT_KS,
  };
  checkRetrievalOptions(spec);
  return spec;
}

export const retrievalCommand: CommandSpec = defineCommand<RetrievalSpec>({
  name: 'retrieval',
  summary: 'help.cmd.retrieval',
  details: ['help.retrieval.ranks', 'help.retrieval.layout', 'help.retrieval.output'],
  input: 'matrix',
  options: [
    { flags: '--captions-per-image <K>', description: 'help.opt.retrieval.captions' },
    { flags: '--text-image <LIST>', description: 'help.opt.retrieval.textImage' },
    { flags: '-k, --recall-at <LIST>', description: 'help.opt.retrieval.recallAt' },
  ],
  examples: [
    'xent retrieval "0.9,0.1,0.3; 0.2,0.8,0.4; 0.5,0.6,0.7"',
    'xent retrieval "0.9,0.8,0.1,0.2; 0.3,0.4,0.7,0.6" --captions-per-image 2 -k 1,2',
    'xent retrieval -i sim.csv --captions-per-image 5 -f json',
    'xent retrieval -i sim.csv --text-image @text_image.txt -f value',
  ],
  readSpec: readRetrievalSpec,
  abilities: {
    explain: explainRetrieval,
    stream: planRetrievalStream,
    headline: () => 'i2t_r1',
  },
  run(input, spec, { t }): Report {
    const owner = textImages(spec.texts, input.rows, input.cols);
    const r = retrievalResult(rankMatrix(input, owner), spec.ks);
    const json = retrievalJson(r);
    const directions = [r.i2t, r.t2i];
    const table: ReportTable = {
      title: t.label('retrieval.title', { images: r.images, texts: r.texts }),
      corner: t.label('retrieval.label.metric'),
      colLabels: [t.label('retrieval.label.i2t'), t.label('retrieval.label.t2i')],
      rows: [
        ...spec.ks.map((k) => ({
          label: `R@${k}`,
          cells: directions.map((d) => numberCell(d.recall.get(k)!, { bar: true })),
        })),
        { label: t.label('retrieval.label.median'), cells: directions.map((d) => numberCell(d.medianRank)) },
        { label: t.label('retrieval.label.mean'), cells: directions.map((d) => numberCell(d.meanRank)) },
      ],
      footnote: t.t('retrieval.footnote'),
    };
    const notes = [
      t.t('retrieval.note.ranks'),
      t.t(`retrieval.note.${spec.texts.kind}`, { k: spec.texts.kind === 'perImage' ? spec.texts.captions : 1 }),
    ];
    const { i2tTies, t2iTies } = r.ranks;
    if (i2tTies + t2iTies > 0) notes.push(t.t('retrieval.note.ties', { i2t: i2tTies, t2i: t2iTies }));
    const tooFew = spec.ks.filter((k) => k >= Math.min(r.images, r.texts));
    if (tooFew.length > 0)
      notes.push(t.t('retrieval.note.bigK', { ks: { list: tooFew }, images: r.images, texts: r.texts }));
    return { tables: [table], summary: [], notes, data: retrievalData(r), values: retrievalValues(r), json };
  },
});
