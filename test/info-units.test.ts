// --base e|2|10 on every loss command: losses, reduced losses and gradients in bits or bans
// are the values in nats divided by ln 2 or ln 10; everything else (probabilities,
// accuracy, Recall@K, perplexity) is the same number whatever the unit.
import { describe, expect, it } from 'vitest';
import { tsvRows, xent } from './helpers/cli.js';
import { expectClose } from './helpers/oracle.js';

const zhEnv = { LANG: 'zh_CN.UTF-8' };
type Json = Record<string, unknown>;

async function run(argv: string[]): Promise<Json> {
  const r = await xent([...argv, '-f', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Json;
}

/** Every number in a JSON value times f; null, and text such as "inf", stay as they are. */
function scaled(x: unknown, f: number): unknown {
  if (typeof x === 'number') return x * f;
  if (Array.isArray(x)) return x.map((v) => scaled(v, f));
  return x;
}

const EMB = ['--image', '1,0; 0.6,0.8; 0,1', '--text', '0.9,0.1; 0,1; 0.3,0.7'];

// command, argv, the keys in the unit of --base, the keys that do not depend on it
const CASES: [string, string[], string[], string[]][] = [
  [
    'ce',
    ['ce', '2,0.5,-1; 0.3,1.8,0.2; 1,1,0', '-y', '0,2,0', '-w', '1,1,3', '-g'],
    ['losses', 'loss', 'grad'],
    ['probs', 'accuracy', 'topk', 'perplexity', 'targets'],
  ],
  [
    'ce soft targets, smoothing',
    ['ce', '2,1; 1,3', '--target-probs', '0.9,0.1; 0.2,0.8', '--label-smoothing', '0.1', '-r', 'sum', '-g'],
    ['losses', 'loss', 'grad', 'entropy', 'kl'],
    ['probs', 'accuracy', 'perplexity'],
  ],
  [
    'ce --probs',
    ['ce', '0.7,0.2,0.1; 0.1,0.1,0.8', '--probs', '-y', '0,2', '-g'],
    ['losses', 'loss', 'grad'],
    ['probs', 'perplexity'],
  ],
  [
    'bce',
    ['bce', '2,-1,0.5; -3,4,0', '--targets', '1,0,1; 0,1,0', '--pos-weight', '3,1,1', '-g'],
    ['losses', 'loss', 'grad'],
    ['probs', 'accuracy'],
  ],
  [
    'clip from logits',
    ['clip', '2,0.5,-1; 0.3,1.8,0.2; -0.5,0.4,1.5', '-g'],
    ['losses_i2t', 'losses_t2i', 'loss_i2t', 'loss_t2i', 'loss', 'grad_logits'],
    ['logits', 'probs_i2t', 'probs_t2i', 'recall_i2t', 'recall_t2i'],
  ],
  [
    'clip from embeddings',
    ['clip', ...EMB, '-t', '0.07', '-g'],
    ['losses_i2t', 'losses_t2i', 'loss', 'grad_logits', 'grad_image', 'grad_text', 'grad_scale', 'grad_temperature'],
    ['logits', 'probs_i2t', 'recall_i2t', 'scale', 'temperature'],
  ],
  ['siglip from logits', ['siglip', '5,-12; -9,3', '-g'], ['loss', 'grad_logits'], ['logits', 'probs']],
  [
    'siglip from embeddings',
    ['siglip', ...EMB, '-g'],
    ['loss', 'grad_logits', 'grad_image', 'grad_text', 'grad_scale', 'grad_bias'],
    ['logits', 'probs', 'scale', 'bias'],
  ],
  ['ntxent', ['ntxent', '1,0; 0,1; 0.9,0.2; 0.1,1', '-t', '0.5', '-g'], ['losses', 'loss', 'grad'], ['temperature']],
  [
    'supcon (an anchor without positives: null loss)',
    ['supcon', '1,0; 0.8,0.6; 0,1', '-y', '0,0,1', '-t', '0.1', '-g'],
    ['losses', 'loss', 'grad'],
    ['labels', 'anchors'],
  ],
];

describe('--base on every loss command', () => {
  it.each(CASES)('%s: bits = nats / ln 2, bans = nats / ln 10', async (_name, argv, unitKeys, sameKeys) => {
    const nats = await run(argv);
    const bits = await run([...argv, '--base', '2']);
    const bans = await run([...argv, '--base', '10']);
    expect(nats).not.toHaveProperty('base');
    expect(nats).not.toHaveProperty('unit');
    expect([bits.base, bits.unit]).toEqual([2, 'bits']);
    expect([bans.base, bans.unit]).toEqual([10, 'bans']);
    for (const key of unitKeys) {
      expect(nats, key).toHaveProperty(key);
      closeDeep(bits[key], scaled(nats[key], 1 / Math.LN2), `${key} in bits`);
      closeDeep(bans[key], scaled(nats[key], 1 / Math.LN10), `${key} in bans`);
    }
    for (const key of sameKeys) {
      expect(nats, key).toHaveProperty(key);
      expect(bits[key], key).toEqual(nats[key]);
      expect(bans[key], key).toEqual(nats[key]);
    }
    // Nothing else changes: the same keys, in the same order, apart from base and unit.
    expect(Object.keys(bits).filter((k) => k !== 'base' && k !== 'unit')).toEqual(Object.keys(nats));
  });

  it('a loss of ln 2 nats is exactly one bit (ce of a fair coin)', async () => {
    const out = await run(['ce', '0,0', '-y', '0', '--base', 'bits', '-g']);
    expect(out.loss).toBeCloseTo(1, 15);
    expect(out.grad).toEqual([[expect.closeTo(-0.5 / Math.LN2, 15), expect.closeTo(0.5 / Math.LN2, 15)]]);
  });

  it.each([
    ['e', 1],
    ['nats', 1],
    ['nat', 1],
    ['2', 1 / Math.LN2],
    ['bits', 1 / Math.LN2],
    ['BITS', 1 / Math.LN2],
    ['10', 1 / Math.LN10],
    ['bans', 1 / Math.LN10],
    ['hartleys', 1 / Math.LN10],
  ] as const)('--base %s', async (base, factor) => {
    const out = await run(['ce', '2,0.5,-1', '-y', '0', '--base', base]);
    expect(out.loss).toBeCloseTo(-Math.log(Math.exp(2) / (Math.exp(2) + Math.exp(0.5) + Math.exp(-1))) * factor, 14);
  });
});

describe('perplexity is the same in every unit', () => {
  const argv = ['ce', '2,0.5,-1; 0.3,1.8,0.2; 1,2,3', '-y', '0,2,0'];
  it('exp(mean nats) = 2^(mean bits) = 10^(mean bans)', async () => {
    const nats = await run(argv);
    const bits = await run([...argv, '--base', '2']);
    const bans = await run([...argv, '--base', '10']);
    expect(bits.perplexity).toBe(nats.perplexity);
    expect(bans.perplexity).toBe(nats.perplexity);
    expect(nats.perplexity).toBeCloseTo(Math.exp(nats.loss as number), 12);
    expect(nats.perplexity).toBeCloseTo(2 ** (bits.loss as number), 12);
    expect(nats.perplexity).toBeCloseTo(10 ** (bans.loss as number), 12);
    // NumPy: exp(−(log_softmax[0][0] + log_softmax[1][2] + log_softmax[2][0]) / 3)
    expectClose(nats.perplexity, 4.638399008302553, 'perplexity');
    expectClose(bits.loss, 2.213626930061374, 'mean loss in bits');
  });

  it('the table names it 2^(mean loss) in bits, and the losses in bits', async () => {
    const r = await xent([...argv, '--base', '2', '-f', 'table']);
    expect(r.stdout).toContain('│ loss [bits] │');
    expect(r.stdout).toContain('loss (mean) [bits]  ');
    expect(r.stdout).toMatch(/perplexity 2\^\(mean loss\) +4\.6384\n/);
    expect(r.stdout).toContain('losses and gradients are in bits (log₂): the values in nats divided by ln 2\n');
    const zh = await xent([...argv, '--base', '10', '-f', 'table'], { env: zhEnv });
    expect(zh.stdout).toContain('│ 损失 [哈特莱] │');
    expect(zh.stdout).toMatch(/困惑度 10\^\(平均损失\) +4\.6384\n/);
    expect(zh.stdout).toContain('损失和梯度以哈特莱为单位（log₁₀）：即以奈特计的值除以 ln 10\n');
  });

  it('in nats the table is as before: no unit in the headers, no note', async () => {
    const r = await xent([...argv, '-f', 'table']);
    expect(r.stdout).toContain('│    loss │ correct │');
    expect(r.stdout).toMatch(/perplexity exp\(mean loss\) +4\.6384\n/);
    expect(r.stdout).not.toContain('nats');
  });
});

describe('--base in data formats', () => {
  it('ce tsv and -f value are in bits', async () => {
    const argv = ['ce', '2,0.5,-1; 0.3,1.8,0.2', '-y', '0,1'];
    const nats = tsvRows((await xent([...argv, '-f', 'tsv'])).stdout).slice(1);
    const bits = tsvRows((await xent([...argv, '-f', 'tsv', '--base', '2'])).stdout).slice(1);
    bits.forEach((row, i) => {
      expect(row[0]).toBe(nats[i][0]); // target
      expect(row[1]).toBe(nats[i][1]); // p_target
      expect(row[2]).toBeCloseTo(nats[i][2] / Math.LN2, 14); // loss
      expect(row[3]).toBe(nats[i][3]); // correct
    });
    const value = await xent([...argv, '-f', 'value', '--base', '10']);
    const valueNats = await xent([...argv, '-f', 'value']);
    expect(Number(value.stdout)).toBeCloseTo(Number(valueNats.stdout) / Math.LN10, 14);
  });

  it('bce --grad tsv is the gradient in bits', async () => {
    const argv = ['bce', '2,-1; -3,4', '--targets', '1,0; 0,1', '-g', '-f', 'tsv'];
    const nats = tsvRows((await xent(argv)).stdout);
    const bits = tsvRows((await xent([...argv, '--base', '2'])).stdout);
    expectClose(
      bits.flat(),
      nats.flat().map((g) => g / Math.LN2),
      'grad',
    );
  });
});

describe('--base errors', () => {
  it.each([
    ['ce', ['ce', '2,0.5,-1', '-y', '0', '--base', '3']],
    ['bce', ['bce', '2', '--targets', '1', '--base', 'log']],
    ['clip', ['clip', '1,0; 0,1', '--base', '3']],
    ['siglip', ['siglip', '1,0; 0,1', '--base', '3']],
    ['ntxent', ['ntxent', '1,0; 0,1', '--base', '3']],
    ['supcon', ['supcon', '1,0; 0,1', '-y', '0,0', '--base', '3']],
    ['entropy', ['entropy', '1,0', '--base', '3']],
    ['kl', ['kl', '--p', '1,0', '--q', '1,0', '--base', '3']],
  ])('%s rejects an unknown base, in both languages', async (command, argv) => {
    const value = argv[argv.length - 1];
    const r = await xent(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `xent: error: option --base takes one of e, 2, 10, nats, bits, bans, hartleys, got '${value}'\nTry 'xent ${command} --help'.\n`,
    );
    const zh = await xent(argv, { env: zhEnv });
    expect(zh.code).toBe(2);
    expect(zh.stdout).toBe('');
    expect(zh.stderr).toBe(
      `xent: 错误：选项 --base 只能取 e、2、10、nats、bits、bans、hartleys 之一，收到的是“${value}”\n请运行 'xent ${command} --help' 查看用法。\n`,
    );
  });
});

/** Numbers within the oracle's tolerance, arrays element by element, null and text exactly. */
function closeDeep(actual: unknown, expected: unknown, where: string): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), where).toBe(true);
    expect((actual as unknown[]).length, `${where}: length`).toBe(expected.length);
    expected.forEach((e, i) => closeDeep((actual as unknown[])[i], e, `${where}[${i}]`));
  } else if (typeof expected === 'number') {
    expectClose(actual, expected, where);
  } else {
    expect(actual, where).toEqual(expected);
  }
}
