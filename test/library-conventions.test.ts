// The library takes every convention the CLI takes (README, "Conventions of the libraries
// people compare with"), named in camelCase, with the CLI's defaults, checks and numbers:
// each xent command line below (and each case of test/fixtures/oracle/conventions.json, a
// library's own loss re-derived from its code) is run in-process and, translated option by
// option, through the library; every number of the CLI's JSON that the library's result
// holds (snake_case → camelCase) must agree, and the oracle's figures too.
import { describe, expect, it } from 'vitest';
import * as lib from '../src/index.js';
import { PRESETS as CLI_PRESETS } from '../src/ops/presets.js';
import { xent } from './helpers/cli.js';
import { keyOfCliError, thrown } from './helpers/error-key.js';
import { expectClose, loadOracle } from './helpers/oracle.js';

type Options = Record<string, unknown>;

/** A CLI flag and the library option it becomes; a function reads the flag's text. */
const FLAGS: Record<string, [string, (text: string) => unknown] | [string, true]> = {
  '-s': ['scale', Number],
  '-t': ['temperature', Number],
  '-b': ['bias', Number],
  '-r': ['reduction', String],
  '-w': ['weight', list],
  '--as': ['preset', String],
  '--world-size': ['worldSize', Number],
  '--rank': ['rank', Number],
  '--text-logits': ['textLogits', matrix],
  '--label-offset': ['labelOffset', Number],
  '--pairs': ['pairs', String],
  '--base-temperature': ['baseTemperature', Number],
  '--contrast-mode': ['contrastMode', String],
  '--views': ['views', Number],
  '--singletons': ['singletons', String],
  '--sample-weight': ['sampleWeight', list],
  '--label-smoothing': ['labelSmoothing', Number],
  '--smoothing-style': ['smoothingStyle', String],
  '--hessian': ['hessian', true],
  '--per-row': ['perRow', true],
  '--logits': ['logits', true],
  '--log-target': ['logTarget', true],
  '--target-probs': ['targetProbs', matrix],
};

/** Data flags: read into the call's inputs, not its options. */
const DATA: Record<string, string> = {
  '--image': 'image',
  '--text': 'text',
  '--targets': 'targets',
  '--p': 'p',
  '--q': 'q',
  '-y': 'y',
};

function list(text: string): number[] {
  return text.split(',').map(Number);
}

function matrix(text: string): number[][] {
  return JSON.parse(text) as number[][];
}

/** One xent command line as the library call it means. */
function libraryCall(argv: readonly string[]): () => Record<string, unknown> {
  const [command, ...rest] = argv;
  const data: Record<string, unknown> = {};
  const options: Options = {};
  let positional: number[][] | undefined;
  for (let k = 0; k < rest.length; k++) {
    const flag = rest[k];
    if (flag === '-g') continue; // the library always gives the gradients
    if (flag === '--no-normalize') {
      options.normalize = false;
      continue;
    }
    if (flag in DATA) {
      const text = rest[++k];
      data[DATA[flag]] = text.startsWith('[') ? matrix(text) : list(text);
      continue;
    }
    const known = FLAGS[flag];
    if (known) {
      const [name, read] = known;
      options[name] = read === true ? true : read(rest[++k]);
      continue;
    }
    if (flag.startsWith('-')) throw new Error(`the test cannot translate ${flag}`);
    positional = matrix(flag);
  }
  const pair = data.image ? { image: data.image as number[][], text: data.text as number[][] } : undefined;
  const call = (f: () => unknown) => () => f() as Record<string, unknown>;
  // -y: the pairs' or rows' labels, an option of clip, siglip and ntxent (supcon's and ce's argument).
  const labels = data.y ? { labels: data.y as number[] } : {};
  switch (command) {
    case 'clip':
      // biome-ignore lint/suspicious/noExplicitAny: options built from flags, typed by the function
      return call(() => lib.clipLoss((pair ?? positional)! as any, { ...options, ...labels } as any));
    case 'siglip':
      return call(() => lib.sigLipLoss((pair ?? positional)!, { ...options, ...labels }));
    case 'ntxent':
      return call(() => lib.ntXentLoss(positional!, { ...options, ...labels }));
    case 'supcon':
      return call(() => lib.supConLoss(positional!, data.y as number[], options));
    case 'ce': {
      const { targetProbs, ...rest } = options;
      return call(() => lib.crossEntropy(positional!, (targetProbs ?? data.y) as number[], rest));
    }
    case 'bce':
      return call(() => lib.binaryCrossEntropy(positional!, data.targets as number[][], options));
    case 'kl':
      return call(() => lib.klDivergence(data.p as number[][], data.q as number[][], options));
    default:
      throw new Error(`no library call for ${command}`);
  }
}

/** The library's name of a JSON key: snake_case in camelCase; ∂loss/∂logit_scale is gradLogScale. */
function fieldOf(key: string): string {
  if (key === 'grad_logit_scale') return 'gradLogScale';
  return key.replace(/_([a-z0-9])/g, (_m, ch: string) => ch.toUpperCase());
}

/** JSON keys that are settings or CLI-only figures, not results the library returns under that name. */
const NOT_RESULTS = new Set(['command', 'as', 'unit', 'base', 'pairs', 'labels', 'chance', 'loss_over_chance']);

/** Compares every result of the CLI's JSON that the library's result holds; returns the keys compared. */
function compare(cli: Record<string, unknown>, result: Record<string, unknown>, where: string): string[] {
  const compared: string[] = [];
  for (const [key, value] of Object.entries(cli)) {
    if (NOT_RESULTS.has(key)) continue;
    const field = fieldOf(key);
    if (!(field in result)) continue;
    compared.push(key);
    const actual = result[field];
    if (typeof value === 'string' || typeof value === 'boolean') expect(actual, `${where}.${key}`).toBe(value);
    else if (value === null) expect(actual, `${where}.${key}`).toBeNull();
    else if (key.startsWith('recall_')) expect(actual).toEqual(Object.fromEntries(Object.entries(value as object)));
    else expectClose(nullsAsNaN(actual), nullsAsNaN(value), `${where}.${key}`);
  }
  return compared;
}

/** null (an anchor without a term, an ignored row) compared as NaN, on both sides alike. */
function nullsAsNaN(x: unknown): unknown {
  if (x === null) return Number.NaN;
  return Array.isArray(x) ? x.map(nullsAsNaN) : x;
}

async function cliJson(argv: readonly string[]): Promise<Record<string, unknown>> {
  const r = await xent([...argv, '-f', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

const M = (rows: number[][]) => JSON.stringify(rows);
const IMAGE = M([
  [1, 0],
  [0.6, 0.8],
  [0.2, 0.9],
  [0.5, -0.4],
]);
const TEXT = M([
  [0.9, 0.1],
  [0, 1],
  [0.5, 0.5],
  [0.7, -0.6],
]);
const FOUR = M([
  [1, 0],
  [0, 1],
  [0.9, 0.2],
  [0.1, 1],
]);
const SIX = M([
  [1, 0, 0.2],
  [0.8, 0.6, 0],
  [0, 1, 0.3],
  [0.6, 0.8, -0.2],
  [0.7, 0.7, 0.1],
  [-0.3, 0.4, 1],
]);
const LOGITS = M([
  [2, 0.5, -1],
  [0.3, 1.8, 0.2],
  [-0.5, 0.4, 1.5],
]);
const P = M([
  [0.1, 0.2, 0.3, 0.2, 0.2],
  [0.5, 0.1, 0.1, 0.2, 0.1],
]);
const Q = M([
  [0.2, 0.2, 0.2, 0.2, 0.2],
  [0.3, 0.3, 0.1, 0.2, 0.1],
]);

/** Each convention on one input, as a command line. */
const LINES: readonly (readonly string[])[] = [
  ['clip', '--image', IMAGE, '--text', TEXT, '-s', '14.29', '-g'],
  ['clip', '--image', IMAGE, '--text', TEXT, '--as', 'open_clip', '-g'],
  ['clip', '--image', IMAGE, '--text', TEXT, '--as', 'hf', '-t', '0.05', '-g'],
  ['clip', '--image', IMAGE, '--text', TEXT, '-y', '0,0,1,2', '-s', '10', '-g'],
  ['clip', LOGITS, '-s', '3', '-g'],
  ['clip', LOGITS, '-y', '0,1,1', '-g'],
  ['clip', '--image', IMAGE, '--text', TEXT, '--world-size', '2', '--rank', '1', '-s', '10', '-g'],
  ['clip', '--image', IMAGE, '--text', TEXT, '--world-size', '4', '--rank', '0', '--no-normalize', '-t', '0.5', '-g'],
  ['clip', M([[2, 0.5, -1, 0.3]]), '--text-logits', M([[1, 0, 0.4, -2]]), '--label-offset', '2', '-s', '2', '-g'],
  [
    'clip',
    M([
      [2, 0.5, -1],
      [0.3, 1.8, 0.2],
    ]),
    '--text-logits',
    M([
      [1, 0, 0.4],
      [-2, 0.5, 1],
    ]),
    '--label-offset',
    '1',
    '-t',
    '0.5',
    '-g',
  ],
  ['siglip', '--image', IMAGE, '--text', TEXT, '--as', 'open_clip', '-g'],
  ['siglip', '--image', IMAGE, '--text', TEXT, '-y', '0,0,1,1', '-s', '5', '-b', '-2', '-g'],
  ['siglip', LOGITS, '-y', '0,1,1', '-g'],
  ['ntxent', FOUR, '--as', 'simclr'],
  ['ntxent', FOUR, '--as', 'supcontrast'],
  ['ntxent', FOUR, '-t', '0.2', '--base-temperature', '0.07', '--contrast-mode', 'one', '--no-normalize'],
  ['ntxent', FOUR, '--pairs', 'adjacent', '--contrast-mode', 'one'],
  ['ntxent', SIX, '-y', '0,0,1,1,1,2', '--as', 'pml'],
  ['ntxent', SIX, '-y', '0,0,1,1,1,2', '--as', 'pml', '--singletons', 'zero'],
  ['ntxent', SIX, '-y', '0,0,1,1,2,3', '-t', '0.3', '--singletons', 'zero', '--no-normalize'],
  ['supcon', SIX, '-y', '0,0,1,1,1,2', '--as', 'supcontrast', '-t', '0.1'],
  ['supcon', SIX, '-y', '0,0,1,1,1,2', '--as', 'pml'],
  ['supcon', SIX, '-y', '0,1,0,1,2,2', '--contrast-mode', 'one', '--views', '2', '--singletons', 'zero'],
  ['supcon', SIX, '-y', '0,1,2,0,1,2', '--contrast-mode', 'one', '--views', '3', '--base-temperature', '0.2'],
  ['kl', '--p', P, '--q', Q, '-r', 'mean'],
  ['kl', '--p', P, '--q', Q, '-r', 'sum'],
  ['kl', '--p', P, '--q', Q, '-r', 'none'],
  [
    'kl',
    '--p',
    LOGITS,
    '--q',
    M([
      [0, 1, 2],
      [1, 1, 1],
      [3, 0, 0],
    ]),
    '--logits',
    '-t',
    '2',
    '-r',
    'batchmean',
  ],
  ['kl', '--p', M([[-Math.LN2, -Math.LN2]]), '--q', M([[0.9, 0.1]]), '--log-target'],
  ['ce', LOGITS, '-y', '0,2,1', '--sample-weight', '0.5,2,1', '-g'],
  ['ce', LOGITS, '-y', '0,2,1', '--sample-weight', '0.5,2,1', '-r', 'sum', '--label-smoothing', '0.1', '-g'],
  ['ce', LOGITS, '-y', '0,2,1', '--label-smoothing', '0.2', '--smoothing-style', 'others', '-g'],
  ['ce', LOGITS, '-y', '0,2,1', '--hessian', '-t', '2', '-w', '1,2,0.5'],
  [
    'ce',
    LOGITS,
    '--target-probs',
    M([
      [0.7, 0.2, 0.1],
      [0, 1, 0],
      [0.3, 0.3, 0.4],
    ]),
    '--hessian',
    '-g',
  ],
  [
    'bce',
    M([
      [2, -1, 0.5],
      [0.3, 0, -2],
    ]),
    '--targets',
    M([
      [1, 0, 1],
      [0, 0, 1],
    ]),
    '--per-row',
    '-g',
  ],
  [
    'bce',
    M([
      [2, -1, 0.5],
      [0.3, 0, -2],
    ]),
    '--targets',
    M([
      [1, 0, 1],
      [0, 0, 1],
    ]),
    '--per-row',
    '-r',
    'sum',
    '-g',
  ],
  [
    'bce',
    M([
      [2, -1, 0.5],
      [0.3, 0, -2],
    ]),
    '--targets',
    M([
      [1, 0, 1],
      [0, 0, 1],
    ]),
    '--label-smoothing',
    '0.1',
    '-g',
  ],
];

describe('the library gives the CLI’s numbers for each convention', () => {
  it.each(LINES.map((argv) => [argv.filter((a) => !a.startsWith('[')).join(' '), argv] as const))(
    '%s',
    async (_name, argv) => {
      const cli = await cliJson(argv);
      const result = libraryCall(argv)();
      const compared = compare(cli, result, argv[0]);
      // Every line compares its loss (or kl's elements) and what its convention changes.
      expect(compared.some((k) => k === 'loss' || k === 'elements' || k === 'losses')).toBe(true);
      const wanted: Record<string, string[]> = {
        '-g': argv[0] === 'ce' || argv[0] === 'bce' ? ['grad'] : [],
        '--hessian': ['hessian'],
        '--per-row': ['row_losses'],
        '--smoothing-style': ['target_probs'],
        '--as': argv[0] === 'clip' || argv[0] === 'siglip' ? ['grad_logit_scale'] : [],
        '--world-size': ['logits_per_image', 'logits_per_text', 'grad_logit_scale', 'grad_image'],
        '--text-logits': ['logits_per_text', 'grad_logits_per_text'],
      };
      for (const [flag, keys] of Object.entries(wanted))
        if (argv.includes(flag)) for (const key of keys) expect(compared, key).toContain(key);
    },
  );
});

interface ConventionCase {
  id: string;
  library: string;
  xent: string[];
  expected: Record<string, unknown>;
}

describe('the library prints the libraries’ own numbers (conventions.json)', () => {
  // The chance levels (torch_ce_chance) are a CLI report, not a library result.
  const cases = loadOracle<ConventionCase>('conventions').cases.filter((c) =>
    Object.keys(c.expected).some((k) => k !== 'chance'),
  );
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const result = libraryCall(c.xent)();
    for (const [key, value] of Object.entries(c.expected)) {
      expect(fieldOf(key) in result, `${c.id}: ${key}`).toBe(true);
      expectClose(nullsAsNaN(result[fieldOf(key)]), nullsAsNaN(value), `${c.id}.${key}`);
    }
  });
});

describe('presets', () => {
  it('are the table --as reads, exported as PRESETS', () => {
    expect(lib.PRESETS).toBe(CLI_PRESETS);
    expect(lib.LIBRARIES).toEqual(['open_clip', 'hf', 'simclr', 'supcontrast', 'pml']);
  });

  it('set what --as sets; an option given still wins', () => {
    const rows = JSON.parse(FOUR) as number[][];
    expect(lib.ntXentLoss(rows, { preset: 'simclr' }).temperature).toBe(0.1);
    expect(lib.ntXentLoss(rows, { preset: 'simclr', temperature: 0.5 }).loss).toBe(lib.ntXentLoss(rows).loss);
    const sc = lib.supConLoss(rows, [0, 0, 1, 1], { preset: 'supcontrast', normalize: true });
    expect([sc.normalize, sc.singletons, sc.baseTemperature]).toEqual([true, 'zero', 0.07]);
    expect(lib.clipLoss(JSON.parse(LOGITS), { preset: 'open_clip' }).scale).toBe(1 / 0.07);
    expect(lib.clipLoss(JSON.parse(LOGITS), { preset: 'hf', scale: 2 }).scale).toBe(2);
  });

  it.each([
    [() => lib.ntXentLoss([[1, 0]], { preset: 'open_clip' }), 'err.presetNotHere', /ntxent has no preset 'open_clip'/],
    [
      () => lib.clipLoss([[1]], { preset: 'torch' as never }),
      'err.badChoice',
      /option preset takes one of open_clip, hf/,
    ],
  ])('a preset the loss has not is an XentError naming the ones it has', (f, key, message) => {
    expect(f).toThrow(lib.XentError);
    expect(f).toThrow(message);
    try {
      f();
    } catch (e) {
      expect((e as lib.XentError).key).toBe(key);
    }
  });
});

describe('the library refuses what the CLI refuses, with the same key', () => {
  const rows = JSON.parse(SIX) as number[][];
  const logits = JSON.parse(LOGITS) as number[][];
  const pair = { image: JSON.parse(IMAGE) as number[][], text: JSON.parse(TEXT) as number[][] };
  it.each([
    [
      'ntxent labels with pairs',
      () => lib.ntXentLoss(rows, { labels: [0, 0, 1, 1, 1, 2], pairs: 'half' }),
      'err.ntxent.labelsWith',
      ['ntxent', SIX, '-y', '0,0,1,1,1,2', '--pairs', 'half'],
    ],
    [
      'ntxent singletons without labels',
      () => lib.ntXentLoss(rows, { singletons: 'zero' }),
      'err.ntxent.singletonsNeedLabels',
      ['ntxent', SIX, '--singletons', 'zero'],
    ],
    [
      'ntxent a bad singletons',
      () => lib.ntXentLoss(rows, { labels: [0, 0, 1, 1, 1, 2], singletons: 'keep' as never }),
      'err.badChoice',
      ['ntxent', SIX, '-y', '0,0,1,1,1,2', '--singletons', 'keep'],
    ],
    [
      'ntxent base temperature 0',
      () => lib.ntXentLoss(rows, { baseTemperature: 0 }),
      'err.positive',
      ['ntxent', SIX, '--base-temperature', '0'],
    ],
    [
      'supcon views 1',
      () => lib.supConLoss(rows, [0, 0, 1, 1, 2, 2], { contrastMode: 'one', views: 1 }),
      'err.views',
      ['supcon', SIX, '-y', '0,0,1,1,2,2', '--contrast-mode', 'one', '--views', '1'],
    ],
    [
      'supcon views not dividing',
      () => lib.supConLoss(rows, [0, 0, 1, 1, 2, 2], { contrastMode: 'one', views: 4 }),
      'err.viewsRows',
      ['supcon', SIX, '-y', '0,0,1,1,2,2', '--contrast-mode', 'one', '--views', '4'],
    ],
    [
      'clip rank without world size',
      () => lib.clipLoss(pair, { rank: 1 }),
      'err.clip.worldSizeNeeds',
      ['clip', '--image', IMAGE, '--text', TEXT, '--rank', '1'],
    ],
    [
      'clip a rank out of range',
      () => lib.clipLoss(pair, { worldSize: 2, rank: 2 }),
      'err.clip.rank',
      ['clip', '--image', IMAGE, '--text', TEXT, '--world-size', '2', '--rank', '2'],
    ],
    [
      'clip label offset alone',
      () => lib.clipLoss(logits, { labelOffset: 1 }),
      'err.clip.offsetNeeds',
      ['clip', LOGITS, '--label-offset', '1'],
    ],
    [
      'clip labels with local',
      () => lib.clipLoss(pair, { worldSize: 2, rank: 0, labels: [0, 0, 1, 1] }),
      'err.clip.labelsLocal',
      ['clip', '--image', IMAGE, '--text', TEXT, '--world-size', '2', '--rank', '0', '-y', '0,0,1,1'],
    ],
    [
      'clip text logits with embeddings',
      () => lib.clipLoss(pair, { textLogits: logits }),
      'err.clip.textLogitsNeeds',
      ['clip', '--image', IMAGE, '--text', TEXT, '--text-logits', LOGITS],
    ],
    [
      'clip a label offset past the columns',
      () => lib.clipLoss(logits, { textLogits: logits, labelOffset: 1 }),
      'err.clip.labelOffset',
      ['clip', LOGITS, '--text-logits', LOGITS, '--label-offset', '1'],
    ],
    [
      'kl logits and log target',
      () => lib.klDivergence([0, 0], [0.5, 0.5], { logits: true, logTarget: true }),
      'err.kl.logitsAndLogTarget',
      ['kl', '--p', '0,0', '--q', '0.5,0.5', '--logits', '--log-target'],
    ],
    [
      'kl a temperature without logits',
      () => lib.klDivergence([0.5, 0.5], [0.5, 0.5], { temperature: 2 }),
      'err.kl.temperatureNeedsLogits',
      ['kl', '--p', '0.5,0.5', '--q', '0.5,0.5', '-t', '2'],
    ],
    [
      'kl a bad reduction',
      () => lib.klDivergence([0.5, 0.5], [0.5, 0.5], { reduction: 'avg' as never }),
      'err.badChoice',
      ['kl', '--p', '0.5,0.5', '--q', '0.5,0.5', '-r', 'avg'],
    ],
    [
      'kl a log target that is no distribution',
      () => lib.klDivergence([0, 0], [0.5, 0.5], { logTarget: true }),
      'err.dist.sum',
      ['kl', '--p', '0,0', '--q', '0.5,0.5', '--log-target'],
    ],
    [
      'ce sample weights too few',
      () => lib.crossEntropy(logits, [0, 1, 2], { sampleWeight: [1, 2] }),
      'err.ce.sampleWeightCount',
      ['ce', LOGITS, '-y', '0,1,2', '--sample-weight', '1,2'],
    ],
    [
      'ce a negative sample weight',
      () => lib.crossEntropy(logits, [0, 1, 2], { sampleWeight: [1, -2, 1] }),
      'err.ce.weightBad',
      ['ce', LOGITS, '-y', '0,1,2', '--sample-weight', '1,-2,1'],
    ],
    [
      'bce smoothing above 1',
      () => lib.binaryCrossEntropy([[1]], [[1]], { labelSmoothing: 2 }),
      'err.ce.smoothing',
      ['bce', '1', '--targets', '1', '--label-smoothing', '2'],
    ],
    ['entropy a row that is no distribution', () => lib.entropy([0.5, 0.4]), 'err.dist.sum', ['entropy', '0.5,0.4']],
  ] as const)('%s', async (_name, f, key, argv) => {
    expect(() => f()).toThrow(lib.XentError);
    expect(thrown(f).key).toBe(key);
    expect(keyOfCliError(await xent([...argv]))).toBe(key);
  });
});

describe('kl and entropy in the library', () => {
  it('give xent kl’s and xent entropy’s numbers', async () => {
    const cli = await cliJson(['kl', '--p', P, '--q', Q]);
    const r = lib.klDivergence(JSON.parse(P), JSON.parse(Q));
    expectClose(r.kl, cli.kl, 'kl');
    expectClose(r.entropy, cli.entropy, 'entropy');
    expectClose(r.crossEntropy, cli.cross_entropy, 'cross_entropy');
    expectClose(r.meanKl, cli.mean_kl, 'mean_kl');
    expectClose(r.loss, cli.loss, 'loss (batchmean by default)');
    expect(lib.klDivergence(JSON.parse(P), JSON.parse(Q), { reduction: 'none' }).loss).toBeNaN();
    const e = await cliJson(['entropy', '0.5,0.25,0.25; 1,0,0']);
    const h = lib.entropy([
      [0.5, 0.25, 0.25],
      [1, 0, 0],
    ]);
    expectClose(h.entropy, e.entropy, 'entropy');
    expectClose(h.perplexity, e.perplexity, 'perplexity');
    expectClose(h.meanEntropy, e.mean_entropy, 'mean_entropy');
  });
});
