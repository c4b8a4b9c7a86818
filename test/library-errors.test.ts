// Every error the library can throw, rendered: each names what a library caller passed
// (`target`, `labelSmoothing`, `temperature`), never a CLI flag (`-y`, `--label-smoothing`)
// or a command line (`xent ce`) they never typed. The CLI's own words for the same keys are
// checked beside them, unchanged (test/cli-errors.test.ts and the command tests hold the rest).
import { describe, expect, it } from 'vitest';
import * as lib from '../src/index.js';
import { en } from '../src/i18n/keys.js';
import { xent } from './helpers/cli.js';

/** What a library caller never typed: a flag (`-y`, `--target-probs`; not `-inf`) or a command line. */
const CLI_WORDS = /(^|[\s(`'",/[])(--[a-z][a-z-]*|-[a-zA-Z](?![a-zA-Z]))|\bxent [a-z]/;

function thrown(call: () => unknown): InstanceType<typeof lib.XentError> {
  try {
    call();
  } catch (error) {
    if (error instanceof lib.XentError) return error;
    throw error;
  }
  throw new Error('no error was thrown');
}

const L = [
  [2, 0.5, -1],
  [0.3, 1.8, 0.2],
];
const P = [
  [0.7, 0.2, 0.1],
  [0.1, 0.1, 0.8],
];
const S = [
  [3, 1],
  [0, 2],
];
const E = [
  [1, 0],
  [0, 1],
  [1, 1],
  [1, -1],
];

/** [what, the call, its key]: every library error path we know of. */
const CASES: [string, () => unknown, string][] = [
  // Inputs, as toMatrix and toList read them.
  ['ragged rows', () => lib.softmax([[1, 2], [3]]), 'err.ragged'],
  ['a NaN', () => lib.softmax([1, Number.NaN]), 'err.nan'],
  ['a text entry', () => lib.softmax([1, 'x' as unknown as number]), 'err.lib.entry'],
  ['not a matrix', () => lib.softmax('1,2' as unknown as number[]), 'err.lib.notMatrix'],
  ['an empty matrix', () => lib.softmax([]), 'err.empty'],
  [
    'a Matrix of the wrong length',
    () => lib.softmax({ rows: 2, cols: 2, data: new Float64Array(3) }),
    'err.lib.length',
  ],
  // softmax, logSoftmax, logSumExp
  ['softmax: +inf', () => lib.softmax([1, Number.POSITIVE_INFINITY]), 'err.posInf'],
  ['softmax: every logit -inf', () => lib.softmax([Number.NEGATIVE_INFINITY]), 'err.allNegInf'],
  ['softmax: temperature 0', () => lib.softmax([1, 2], { temperature: 0 }), 'err.temperature'],
  [
    'softmax: temperature inf',
    () => lib.logSoftmax([1, 2], { temperature: Number.POSITIVE_INFINITY }),
    'err.temperature',
  ],
  ['softmax: a bad axis', () => lib.softmax([1, 2], { axis: 'x' as 'row' }), 'err.badChoice'],
  ['logSumExp: NaN', () => lib.logSumExp([1, Number.NaN]), 'err.nan'],
  // crossEntropy
  ['ce: a target out of range', () => lib.crossEntropy(L, [0, 3]), 'err.ce.targetRange'],
  ['ce: a fractional target', () => lib.crossEntropy(L, [0, 0.5]), 'err.ce.targetInteger'],
  ['ce: too many targets', () => lib.crossEntropy(L, [0, 1, 2]), 'err.ce.targetCount'],
  [
    'ce: diag past the classes',
    () =>
      lib.crossEntropy(
        [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
        'diag',
      ),
    'err.ce.diag',
  ],
  ['ce: soft targets of another shape', () => lib.crossEntropy(L, [[0.5, 0.5]]), 'err.ce.targetProbsShape'],
  [
    'ce: a negative soft target',
    () =>
      lib.crossEntropy(L, [
        [1.5, -0.5, 0],
        [1, 0, 0],
      ]),
    'err.ce.targetProbsBad',
  ],
  ['ce: a weight count', () => lib.crossEntropy(L, [0, 1], { weight: [1, 2] }), 'err.ce.weightCount'],
  ['ce: a negative weight', () => lib.crossEntropy(L, [0, 1], { weight: [1, -2, 1] }), 'err.ce.weightBad'],
  ['ce: a sample weight count', () => lib.crossEntropy(L, [0, 1], { sampleWeight: [1] }), 'err.ce.sampleWeightCount'],
  ['ce: a bad sample weight', () => lib.crossEntropy(L, [0, 1], { sampleWeight: [1, -1] }), 'err.ce.weightBad'],
  ['ce: smoothing 2', () => lib.crossEntropy(L, [0, 1], { labelSmoothing: 2 }), 'err.ce.smoothing'],
  [
    'ce: others with one class',
    () => lib.crossEntropy([[1], [2]], [0, 0], { labelSmoothing: 0.1, smoothingStyle: 'others' }),
    'err.ce.othersOneClass',
  ],
  ['ce: a bad smoothing style', () => lib.crossEntropy(L, [0, 1], { smoothingStyle: 'x' as 'torch' }), 'err.badChoice'],
  ['ce: a fractional ignore index', () => lib.crossEntropy(L, [0, 1], { ignoreIndex: 0.5 }), 'err.ce.ignoreInteger'],
  ['ce: ignoreIndex with soft targets', () => lib.crossEntropy(L, P, { ignoreIndex: 1 }), 'err.ce.ignoreSoft'],
  ['ce: every row ignored', () => lib.crossEntropy(L, [-100, -100]), 'err.ce.meanUndefined'],
  ['ce: probs out of range', () => lib.crossEntropy([[1.5, -0.5]], [0], { probs: true }), 'err.ce.probsRange'],
  [
    'ce: a temperature with probs',
    () => lib.crossEntropy(P, [0, 1], { probs: true, temperature: 2 }),
    'err.ce.probsTemperature',
  ],
  ['ce: temperature 0', () => lib.crossEntropy(L, [0, 1], { temperature: 0 }), 'err.temperature'],
  [
    'ce: a weighted target past the largest double',
    () => lib.crossEntropy(L, [0, 1], { weight: [1e308, 1e308, 1e308], sampleWeight: [10, 10] }),
    'err.ce.targetOverflow',
  ],
  ['ce: a bad reduction', () => lib.crossEntropy(L, [0, 1], { reduction: 'avg' as 'mean' }), 'err.badChoice'],
  ['ce: +inf logit', () => lib.crossEntropy([[1, Number.POSITIVE_INFINITY]], [0]), 'err.posInf'],
  // binaryCrossEntropy
  ['bce: targets of another shape', () => lib.binaryCrossEntropy(L, [[1, 0]]), 'err.bce.targetsShape'],
  ['bce: a target above 1', () => lib.binaryCrossEntropy([[1, 2]], [[2, 0]]), 'err.bce.targetsRange'],
  [
    'bce: a posWeight count',
    () => lib.binaryCrossEntropy([[1, 2]], [[1, 0]], { posWeight: [1] }),
    'err.bce.posWeightCount',
  ],
  [
    'bce: a weight shape',
    () =>
      lib.binaryCrossEntropy(
        L,
        [
          [1, 0, 1],
          [0, 1, 0],
        ],
        { weight: [[1, 2]] },
      ),
    'err.bce.weightShape',
  ],
  ['bce: a negative weight', () => lib.binaryCrossEntropy([[1, 2]], [[1, 0]], { weight: -1 }), 'err.ce.weightBad'],
  [
    'bce: a negative posWeight',
    () => lib.binaryCrossEntropy([[1, 2]], [[1, 0]], { posWeight: [1, -1] }),
    'err.ce.weightBad',
  ],
  ['bce: smoothing 2', () => lib.binaryCrossEntropy([[1, 2]], [[1, 0]], { labelSmoothing: 2 }), 'err.ce.smoothing'],
  ['bce: probs out of range', () => lib.binaryCrossEntropy([[1.5, 0]], [[1, 0]], { probs: true }), 'err.ce.probsRange'],
  ['bce: a NaN logit', () => lib.binaryCrossEntropy([[Number.NaN, 0]], [[1, 0]]), 'err.nan'],
  // focalLoss
  ['focal: no targets', () => lib.focalLoss(L, {}), 'err.focal.noTargets'],
  [
    'focal: both targets',
    () =>
      lib.focalLoss(L, {
        target: [0, 1],
        targets: [
          [1, 0, 0],
          [0, 1, 0],
        ],
      }),
    'err.focal.twoTargets',
  ],
  ['focal: a negative gamma', () => lib.focalLoss(L, { target: [0, 1], gamma: -1 }), 'err.focal.gamma'],
  [
    'focal: an alpha list with binary targets',
    () =>
      lib.focalLoss(L, {
        targets: [
          [1, 0, 0],
          [0, 1, 0],
        ],
        alpha: [0.5, 0.5],
      }),
    'err.focal.alphaList',
  ],
  [
    'focal: alpha 2 with binary targets',
    () =>
      lib.focalLoss(L, {
        targets: [
          [1, 0, 0],
          [0, 1, 0],
        ],
        alpha: 2,
      }),
    'err.focal.alphaRange',
  ],
  ['focal: an alpha count', () => lib.focalLoss(L, { target: [0, 1], alpha: [1, 2] }), 'err.focal.alphaCount'],
  ['focal: a target out of range', () => lib.focalLoss(L, { target: [0, 3] }), 'err.ce.targetRange'],
  ['focal: a target count', () => lib.focalLoss(L, { target: [0] }), 'err.ce.targetCount'],
  ['focal: binary targets of another shape', () => lib.focalLoss(L, { targets: [[1, 0]] }), 'err.bce.targetsShape'],
  [
    'focal: a binary target above 1',
    () =>
      lib.focalLoss(L, {
        targets: [
          [2, 0, 0],
          [0, 1, 0],
        ],
      }),
    'err.bce.targetsRange',
  ],
  ['focal: probs out of range', () => lib.focalLoss([[1.5, -0.5]], { target: [0], probs: true }), 'err.ce.probsRange'],
  // hingeLoss
  ['hinge: p 3', () => lib.hingeLoss(L, [0, 1], { p: 3 as 1 }), 'err.hinge.p'],
  [
    'hinge: an infinite margin',
    () => lib.hingeLoss(L, [0, 1], { margin: Number.POSITIVE_INFINITY }),
    'err.hinge.margin',
  ],
  ['hinge: an infinite score', () => lib.hingeLoss([[1, Number.POSITIVE_INFINITY]], [0]), 'err.hinge.notFinite'],
  ['hinge: one class', () => lib.hingeLoss([[1], [2]], [0, 0]), 'err.hinge.oneClass'],
  ['hinge: a weight count', () => lib.hingeLoss(L, [0, 1], { weight: [1] }), 'err.ce.weightCount'],
  ['hinge: a target count', () => lib.hingeLoss(L, [0]), 'err.ce.targetCount'],
  ['hinge: a bad style', () => lib.hingeLoss(L, [0, 1], { style: 'x' as 'ww' }), 'err.badChoice'],
  // distillationLoss
  [
    'distill: a target without alpha',
    () => lib.distillationLoss(L, L, { target: [0, 1] }),
    'err.distill.targetWithoutAlpha',
  ],
  [
    'distill: alpha without a target',
    () => lib.distillationLoss(L, L, { alpha: 0.5 }),
    'err.distill.alphaWithoutTarget',
  ],
  ['distill: alpha 2', () => lib.distillationLoss(L, L, { target: [0, 1], alpha: 2 }), 'err.distill.alpha'],
  [
    'distill: none with a target',
    () => lib.distillationLoss(L, L, { target: [0, 1], alpha: 0.5, reduction: 'none' }),
    'err.distill.noneWithTarget',
  ],
  ['distill: shapes', () => lib.distillationLoss(L, [[1, 2]]), 'err.distill.shape'],
  ['distill: temperature 0', () => lib.distillationLoss(L, L, { temperature: 0 }), 'err.temperature'],
  [
    'distill: a target out of range',
    () => lib.distillationLoss(L, L, { target: [0, 5], alpha: 0.5 }),
    'err.ce.targetRange',
  ],
  // languageModelLoss
  ['lm: a token count', () => lib.languageModelLoss(L, [0]), 'err.lm.tokenCount'],
  ['lm: a token out of range', () => lib.languageModelLoss(L, [0, 7]), 'err.lm.tokenRange'],
  ['lm: seqLen 0', () => lib.languageModelLoss(L, [0, 1], { seqLen: 0 }), 'err.lm.seqLen'],
  ['lm: every token ignored', () => lib.languageModelLoss(L, [-100, -100]), 'err.lm.noTokens'],
  [
    'lm: shifted, nothing scored',
    () => lib.languageModelLoss(L, [0, 1], { shift: true, seqLen: 1 }),
    'err.lm.noTokensShift',
  ],
  // klDivergence
  ['kl: shapes', () => lib.klDivergence(P, [[0.5, 0.5]]), 'err.kl.shape'],
  [
    'kl: logits and logTarget',
    () => lib.klDivergence(L, L, { logits: true, logTarget: true }),
    'err.kl.logitsAndLogTarget',
  ],
  [
    'kl: a temperature without logits',
    () => lib.klDivergence(P, P, { temperature: 2 }),
    'err.kl.temperatureNeedsLogits',
  ],
  ['kl: a negative probability', () => lib.klDivergence([[1.5, -0.5]], [[0.5, 0.5]]), 'err.dist.negative'],
  ['kl: a row not summing to 1', () => lib.klDivergence([[0.5, 0.2]], [[0.5, 0.5]]), 'err.dist.sum'],
  // entropy
  ['entropy: a negative probability', () => lib.entropy([[1.5, -0.5]]), 'err.dist.negative'],
  ['entropy: a row not summing to 1', () => lib.entropy([[0.5, 0.2]]), 'err.dist.sum'],
  // infoNceLoss
  ['infonce: one column', () => lib.infoNceLoss([[1], [2]]), 'err.infonce.oneColumn'],
  ['infonce: embeddings without neg', () => lib.infoNceLoss({ query: E, pos: E } as never), 'err.infonce.missing'],
  ['infonce: a pos count', () => lib.infoNceLoss({ query: E, pos: [[1, 0]], neg: E }), 'err.infonce.count'],
  ['infonce: a neg dimension', () => lib.infoNceLoss({ query: E, pos: E, neg: [[1, 0, 0]] }), 'err.infonce.dim'],
  ['infonce: temperature 0', () => lib.infoNceLoss(L, { temperature: 0 }), 'err.temperature'],
  [
    'infonce: a zero embedding',
    () => lib.infoNceLoss({ query: [[0, 0]], pos: [[1, 0]], neg: [[0, 1]] }),
    'err.zeroEmbedding',
  ],
  // retrievalMetrics
  [
    'retrieval: two layouts',
    () => lib.retrievalMetrics(S, { captionsPerImage: 1, textImage: [0, 1] }),
    'err.retrieval.twoLayouts',
  ],
  ['retrieval: captions 0', () => lib.retrievalMetrics(S, { captionsPerImage: 0 }), 'err.retrieval.captions'],
  ['retrieval: not square', () => lib.retrievalMetrics([[1, 2, 3]]), 'err.retrieval.notSquare'],
  [
    'retrieval: a caption shape',
    () => lib.retrievalMetrics([[1, 2, 3]], { captionsPerImage: 2 }),
    'err.retrieval.captionShape',
  ],
  ['retrieval: a textImage count', () => lib.retrievalMetrics(S, { textImage: [0] }), 'err.retrieval.listCount'],
  [
    'retrieval: a textImage out of range',
    () => lib.retrievalMetrics(S, { textImage: [0, 5] }),
    'err.retrieval.listRange',
  ],
  [
    'retrieval: an image without a caption',
    () => lib.retrievalMetrics(S, { textImage: [0, 0] }),
    'err.retrieval.noCaption',
  ],
  ['retrieval: a k of 0', () => lib.retrievalMetrics(S, { ks: [0] }), 'err.ce.topK'],
  // clipLoss
  ['clip: not square', () => lib.clipLoss([[1, 2, 3]]), 'err.notSquare'],
  ['clip: scale and temperature', () => lib.clipLoss(S, { scale: 2, temperature: 0.5 }), 'err.scaleAndTemperature'],
  ['clip: a scale of 0', () => lib.clipLoss(S, { scale: 0 }), 'err.positive'],
  ['clip: a tiny temperature', () => lib.clipLoss(S, { temperature: 5e-324 }), 'err.temperatureTiny'],
  ['clip: normalize with logits', () => lib.clipLoss(S, { normalize: false }), 'err.logitsOption'],
  [
    'clip: worldSize without rank',
    () => lib.clipLoss({ image: E, text: E }, { worldSize: 2 } as never),
    'err.clip.worldSizeNeeds',
  ],
  [
    'clip: textLogits with embeddings',
    () => lib.clipLoss({ image: E, text: E }, { textLogits: S } as never),
    'err.clip.textLogitsNeeds',
  ],
  ['clip: labelOffset without textLogits', () => lib.clipLoss(S, { labelOffset: 1 }), 'err.clip.offsetNeeds'],
  ['clip: labels with a local loss', () => lib.clipLoss(S, { textLogits: S, labels: [0, 1] }), 'err.clip.labelsLocal'],
  ['clip: textLogits of another shape', () => lib.clipLoss(S, { textLogits: [[1, 2, 3]] }), 'err.clip.textLogitsShape'],
  [
    'clip: a label offset past the columns',
    () => lib.clipLoss(S, { textLogits: S, labelOffset: 1 }),
    'err.clip.labelOffset',
  ],
  [
    'clip: a world size that does not divide',
    () => lib.clipLoss({ image: E, text: E }, { worldSize: 3, rank: 0 }),
    'err.clip.worldSize',
  ],
  [
    'clip: a rank past the world',
    () => lib.clipLoss({ image: E, text: E }, { worldSize: 2, rank: 2 }),
    'err.clip.rank',
  ],
  ['clip: pair counts', () => lib.clipLoss({ image: E, text: [[1, 0]] }), 'err.pairCount'],
  [
    'clip: pair dimensions',
    () =>
      lib.clipLoss({
        image: E,
        text: [
          [1, 0, 0],
          [0, 1, 0],
          [0, 0, 1],
          [1, 1, 1],
        ],
      }),
    'err.pairDim',
  ],
  ['clip: a label count', () => lib.clipLoss(S, { labels: [0] }), 'err.clip.labelCount'],
  ['clip: a bad preset', () => lib.clipLoss(S, { preset: 'x' as 'hf' }), 'err.badChoice'],
  ['clip: a preset of another loss', () => lib.clipLoss(S, { preset: 'simclr' as 'hf' }), 'err.presetNotHere'],
  [
    'clip: an overflowing logit',
    () =>
      lib.clipLoss(
        {
          image: [
            [1e200, 0],
            [0, 1],
          ],
          text: [
            [1e200, 0],
            [0, 1],
          ],
        },
        { normalize: false },
      ),
    'err.logitOverflow',
  ],
  [
    'clip: a non-finite embedding',
    () =>
      lib.clipLoss({
        image: [
          [Number.POSITIVE_INFINITY, 0],
          [0, 1],
        ],
        text: E.slice(0, 2),
      }),
    'err.embeddingNotFinite',
  ],
  // sigLipLoss
  ['siglip: not square', () => lib.sigLipLoss([[1, 2, 3]]), 'err.notSquare'],
  ['siglip: a scale with logits', () => lib.sigLipLoss(S, { scale: 2 }), 'err.logitsOption'],
  [
    'siglip: an infinite bias',
    () => lib.sigLipLoss({ image: E, text: E }, { bias: Number.POSITIVE_INFINITY }),
    'err.finiteOption',
  ],
  ['siglip: a scale of 0', () => lib.sigLipLoss({ image: E, text: E }, { scale: 0 }), 'err.positive'],
  ['siglip: a label count', () => lib.sigLipLoss(S, { labels: [0] }), 'err.clip.labelCount'],
  // ntXentLoss
  [
    'ntxent: odd rows',
    () =>
      lib.ntXentLoss([
        [1, 0],
        [0, 1],
        [1, 1],
      ]),
    'err.oddRows',
  ],
  [
    'ntxent: labels with pairs',
    () => lib.ntXentLoss(E, { labels: [0, 0, 1, 1], pairs: 'half' }),
    'err.ntxent.labelsWith',
  ],
  [
    'ntxent: labels with a preset',
    () => lib.ntXentLoss(E, { labels: [0, 0, 1, 1], preset: 'simclr' }),
    'err.ntxent.labelsWithPreset',
  ],
  [
    'ntxent: singletons without labels',
    () => lib.ntXentLoss(E, { singletons: 'drop' }),
    'err.ntxent.singletonsNeedLabels',
  ],
  ['ntxent: temperature 0', () => lib.ntXentLoss(E, { temperature: 0 }), 'err.temperature'],
  ['ntxent: a base temperature of 0', () => lib.ntXentLoss(E, { baseTemperature: 0 }), 'err.positive'],
  ['ntxent: no positives', () => lib.ntXentLoss(E, { labels: [0, 1, 2, 3] }), 'err.noPositives'],
  ['ntxent: a labels count', () => lib.ntXentLoss(E, { labels: [0, 0] }), 'err.labelsLength'],
  ['ntxent: a bad pairing', () => lib.ntXentLoss(E, { pairs: 'x' as 'half' }), 'err.badChoice'],
  // supConLoss
  ['supcon: a labels count', () => lib.supConLoss(E, [0, 0]), 'err.labelsLength'],
  ['supcon: views 1', () => lib.supConLoss(E, [0, 0, 1, 1], { views: 1 }), 'err.views'],
  [
    'supcon: views that do not divide',
    () => lib.supConLoss(E, [0, 0, 1, 1], { views: 3, contrastMode: 'one' }),
    'err.viewsRows',
  ],
  ['supcon: no positives', () => lib.supConLoss(E, [0, 1, 2, 3]), 'err.noPositives'],
  ['supcon: temperature 0', () => lib.supConLoss(E, [0, 0, 1, 1], { temperature: 0 }), 'err.temperature'],
  ['supcon: a base temperature of 0', () => lib.supConLoss(E, [0, 0, 1, 1], { baseTemperature: 0 }), 'err.positive'],
  // parseMatrix
  ['parseMatrix: a word', () => lib.parseMatrix('1, two'), 'err.notNumber'],
  ['parseMatrix: a percentage', () => lib.parseMatrix('50%, 50%'), 'err.percentNotHere'],
  ['parseMatrix: a JSON object without numbers', () => lib.parseMatrix('{"a": 1}'), 'err.json.noNumbers'],
  [
    'parseMatrix: a JSON object with two arrays',
    () => lib.parseMatrix('{"a": [1, 2], "b": [3, 4]}'),
    'err.json.ambiguous',
  ],
  ['parseMatrix: ragged rows', () => lib.parseMatrix('1,2\n3'), 'err.ragged'],
  ['parseMatrix: nothing', () => lib.parseMatrix(''), 'err.empty'],
];

describe('library errors speak the library: its parameter names, never a CLI flag', () => {
  it.each(CASES)('%s', (_what, call, key) => {
    const error = thrown(call);
    expect(error.key).toBe(key);
    expect(error.message, `${key}: ${error.message}`).not.toMatch(CLI_WORDS);
    // A stack trace shows the same words.
    expect(error.stack?.startsWith(`XentError: ${error.message}`)).toBe(true);
  });

  const catalogue = en as Record<string, string>;
  const variants = Object.keys(catalogue).filter((k) => k.startsWith('lib.'));
  const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
  it.each(variants)(
    '%s: the words of a key the CLI has, with its placeholders, no flag, and a call that shows it',
    (variant) => {
      const key = variant.slice('lib.'.length);
      expect(catalogue[key], `${key} is a key`).toBeDefined();
      for (const name of placeholders(catalogue[variant]))
        expect(placeholders(catalogue[key]).has(name), name).toBe(true);
      expect(catalogue[variant]).not.toMatch(CLI_WORDS);
      expect(CASES.some(([, , k]) => k === key)).toBe(true);
    },
  );

  it('names an option given as a flag source by the library parameter', () => {
    const error = thrown(() =>
      lib.clipLoss({
        image: [
          [Number.POSITIVE_INFINITY, 0],
          [0, 1],
        ],
        text: [
          [1, 0],
          [0, 1],
        ],
      }),
    );
    expect(error.message).toBe('row 1, column 1 of option image is inf: embeddings must be finite numbers');
    // The parameters stay as the CLI made them: a caller that prints in its own language still can.
    expect(error.params.what).toEqual({ key: 'source.option', params: { option: '--image' } });
  });
});

describe('the CLI keeps its own words for the same errors', () => {
  it.each([
    [['softmax', '1', '2', '-t', '0'], '(option -t, --temperature)'],
    [['ce', '1,2;3,4;5,6', '-y', 'diag'], '-y diag makes class i the target of row i'],
    [['ce', '1,2', '-y', '0', '--label-smoothing', '2'], '(option --label-smoothing)'],
    [
      ['ce', '0.5,0.5', '--probs', '-y', '0', '-t', '2'],
      'option -t, --temperature divides logits; it cannot be used with --probs',
    ],
    [['focal', '1,2'], 'xent focal needs targets: --targets MATRIX'],
  ])('%j', async (argv, words) => {
    const r = await xent(argv, { env: { LANG: 'C' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(words);
  });
});
