// xent entropy, xent kl, and ce's split of each row's cross-entropy into the entropy of
// the target and the divergence from it: H(q, p) = H(q) + KL(q‖p). Expected values are
// worked out by hand (or with NumPy, offline) and written here.
import { describe, expect, it } from 'vitest';
import { entropy } from '../src/ops/entropy/kernel.js';
import { crossEntropyOf, klDivergence } from '../src/ops/kl/kernel.js';
import { tsvRows, xent, expectErrorInBothLanguages } from './helpers/cli.js';
import { expectClose } from './helpers/oracle.js';

const zhEnv = { LANG: 'zh_CN.UTF-8' };
type Json = Record<string, unknown>;

async function run(argv: string[]): Promise<Json> {
  const r = await xent([...argv, '-f', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Json;
}

describe('information maths', () => {
  it('entropy: 0·log 0 = 0, a fair coin is ln 2', () => {
    expect(entropy([1, 0, 0])).toBe(0);
    expect(entropy([0.5, 0.5])).toBeCloseTo(Math.LN2, 15);
    expect(entropy([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(Math.log(4), 15);
  });

  it('KL: 0 for equal rows, terms with p = 0 are 0, inf where p has mass and q none', () => {
    expect(klDivergence([0.3, 0.7], [0.3, 0.7])).toBe(0);
    expect(klDivergence([1, 0], [0.5, 0.5])).toBeCloseTo(Math.LN2, 15);
    expect(klDivergence([0, 1], [0, 1])).toBe(0);
    expect(klDivergence([0.5, 0.5], [1, 0])).toBe(Infinity);
    expect(crossEntropyOf([0.5, 0.5], [1, 0])).toBe(Infinity);
  });

  it('H(p, q) = H(p) + KL(p‖q), and KL ≥ 0, on many rows', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let trial = 0; trial < 200; trial++) {
      const n = 2 + (trial % 6);
      const norm = (v: number[]) => v.map((x) => x / v.reduce((a, b) => a + b, 0));
      const p = norm(Array.from({ length: n }, rand));
      const q = norm(Array.from({ length: n }, rand));
      expect(crossEntropyOf(p, q)).toBeCloseTo(entropy(p) + klDivergence(p, q), 13);
      expect(klDivergence(p, q)).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('xent entropy', () => {
  it('bits: H(½, ¼, ¼) = 1.5, H(1, 0, 0) = 0; perplexity 2^H', async () => {
    const out = await run(['entropy', '0.5,0.25,0.25; 1,0,0', '--base', '2']);
    expect(out).toEqual({
      command: 'entropy',
      base: 2,
      unit: 'bits',
      probs: [
        [0.5, 0.25, 0.25],
        [1, 0, 0],
      ],
      entropy: [1.5, 0],
      perplexity: [expect.closeTo(2 ** 1.5, 14), 1],
      mean_entropy: 0.75,
    });
  });

  it('nats by default, the same perplexity in every unit', async () => {
    const nats = await run(['entropy', '0.7856,0.1753,0.0391']);
    expect(nats).not.toHaveProperty('base');
    expectClose(nats.entropy, [0.621561294367115], 'entropy'); // NumPy: −Σ p ln p
    const bans = await run(['entropy', '0.7856,0.1753,0.0391', '--base', '10']);
    expectClose(bans.entropy, [0.621561294367115 / Math.LN10], 'entropy in bans');
    expect(bans.perplexity).toEqual(nats.perplexity);
  });

  it('table: the unit in the headers, the largest entropy in a note', async () => {
    const r = await xent(['entropy', '0.5,0.25,0.25; 1,0,0', '--base', '2', '-f', 'table']);
    expect(r.stdout).toBe(
      [
        'Entropy of each row',
        '┌─────┬─────────────┬────────────┐',
        '│ row │ H(p) [bits] │ perplexity │',
        '├─────┼─────────────┼────────────┤',
        '│ 1   │     1.5000  │    2.8284  │',
        '│ 2   │     0.0000  │    1.0000  │',
        '└─────┴─────────────┴────────────┘',
        '',
        'mean entropy [bits]  0.7500',
        '',
        'the largest entropy over 3 classes is log₂ 3 = 1.585 bits, that of the uniform distribution',
        'perplexity = e^H (nats) = 2^H (bits): the effective number of equally likely classes, the same in every unit',
        '',
      ].join('\n'),
    );
    const zh = await xent(['entropy', '0.5,0.5', '-f', 'table'], { env: zhEnv });
    expect(zh.stdout).toContain('│ 行 │ H(p) [奈特] │  困惑度 │');
    expect(zh.stdout).toContain('2 个类别上熵的最大值是 ln 2 = 0.6931 奈特，即均匀分布的熵');
  });

  it('tsv: entropy and perplexity per row; -f value: one entropy per line', async () => {
    const tsv = await xent(['entropy', '0.5,0.5; 0.9,0.1', '--base', '2', '-f', 'tsv']);
    expect(tsv.stdout.split('\n')[0]).toBe('entropy\tperplexity');
    const rows = tsvRows(tsv.stdout).slice(1);
    expect(rows[0]).toEqual([1, 2]);
    expect(rows[1][0]).toBeCloseTo(-(0.9 * Math.log2(0.9) + 0.1 * Math.log2(0.1)), 15);
    const value = await xent(['entropy', '0.5,0.5; 1,0', '--base', 'bits', '-f', 'value']);
    expect(value.stdout).toBe('1\n0\n');
  });

  it('a row pasted with 4 decimals (sum 1.0000 ± 0.001) is a distribution', async () => {
    const r = await xent(['entropy', '0.3333,0.3333,0.3333', '-f', 'value']);
    expect(r.code).toBe(0);
    expect(Number(r.stdout)).toBeCloseTo(-3 * 0.3333 * Math.log(0.3333), 14); // used as given, not renormalised
  });
});

describe('xent kl', () => {
  it('KL(P‖Q) in bits: ½·log₂(0.5/0.9) + ½·log₂(0.5/0.1) = log₂(5/3)', async () => {
    const out = await run(['kl', '--p', '0.5,0.5', '--q', '0.9,0.1', '--base', '2']);
    expect(Object.keys(out)).toEqual([
      'command',
      'base',
      'unit',
      'reduction',
      'kl',
      'entropy',
      'cross_entropy',
      'mean_kl',
      'loss',
    ]);
    expectClose(out.kl, [0.7369655941662062], 'kl');
    expectClose(out.entropy, [1], 'H(P)');
    expectClose(out.cross_entropy, [1.736965594166206], 'H(P, Q)');
    expectClose(out.mean_kl, 0.7369655941662062, 'mean');
  });

  it('not symmetric: KL(Q‖P) by swapping --p and --q', async () => {
    const pq = await run(['kl', '--p', '0.5,0.5', '--q', '0.9,0.1']);
    const qp = await run(['kl', '--p', '0.9,0.1', '--q', '0.5,0.5']);
    expectClose(qp.kl, [0.9 * Math.log(0.9 / 0.5) + 0.1 * Math.log(0.1 / 0.5)], 'KL(Q‖P)');
    expect((pq.kl as number[])[0]).not.toBeCloseTo((qp.kl as number[])[0], 3);
  });

  it('inf where P has mass and Q has none; finite the other way; 0·log(0/0) = 0', async () => {
    const out = await run(['kl', '--p', '0.5,0.5; 1,0; 0,1', '--q', '1,0; 0.5,0.5; 0,1']);
    expect(out.kl).toEqual(['inf', expect.closeTo(Math.LN2, 15), 0]);
    expect(out.cross_entropy).toEqual(['inf', expect.closeTo(Math.LN2, 15), 0]);
    expect(out.mean_kl).toBe('inf');
    const table = await xent(['kl', '--p', '0.5,0.5; 1,0', '--q', '1,0; 0.5,0.5', '-f', 'table']);
    expect(table.stdout).toContain('KL(P‖Q) = inf in row(s) 1: P has mass where Q has none\n');
    const zh = await xent(['kl', '--p', '0.5,0.5; 1,0', '--q', '1,0; 0.5,0.5', '-f', 'table'], { env: zhEnv });
    expect(zh.stdout).toContain('第 1 行的 KL(P‖Q) = inf：P 有概率的位置 Q 为 0\n');
  });

  it('H(P, Q) = H(P) + KL(P‖Q) row by row, and tsv columns kl, entropy_p, cross_entropy', async () => {
    const r = await xent(['kl', '--p', '0.7,0.2,0.1; 1,0,0', '--q', '0.6,0.3,0.1; 0.8,0.2,0', '-f', 'tsv']);
    const [header, ...rest] = r.stdout.trim().split('\n');
    expect(header).toBe('kl\tentropy_p\tcross_entropy');
    const rows = tsvRows(rest.join('\n'));
    for (const [kl, h, cross] of rows) expect(cross).toBeCloseTo(h + kl, 14);
    expect(rows[1]).toEqual([expect.closeTo(-Math.log(0.8), 15), 0, expect.closeTo(-Math.log(0.8), 15)]);
    const value = await xent(['kl', '--p', '1,0; 0.5,0.5', '--q', '0.5,0.5; 0.5,0.5', '--base', '2', '-f', 'value']);
    expect(value.stdout).toBe('1\n0\n');
  });

  it('--p and --q may be files', async () => {
    const r = await xent(['kl', '--p', '@p.csv', '--q', '@q.csv', '-f', 'value'], {
      files: { 'p.csv': '1,0\n0.5,0.5\n', 'q.csv': '0.5,0.5\n0.5,0.5\n' },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${Math.LN2}\n0\n`);
  });
});

describe("ce: H(q) and KL(q‖p) of each row's target", () => {
  it('soft targets: entropy + kl = the loss of each row (NumPy values)', async () => {
    const out = await run(['ce', '2,1; 1,3', '--target-probs', '0.9,0.1; 0.2,0.8']);
    expect(Object.keys(out)).toEqual([
      'command',
      'reduction',
      'probs',
      'losses',
      'entropy',
      'kl',
      'loss',
      'chance',
      'loss_over_chance',
      'accuracy',
      'topk',
      'perplexity',
      'target_probs',
      'log_sum_exp',
    ]);
    expectClose(out.entropy, [0.3250829733914482, 0.5004024235381879], 'entropy');
    expectClose(out.kl, [0.08817871412677436, 0.026525587504784842], 'kl');
    expectClose(out.losses, [0.41326168751822256, 0.5269280110429727], 'losses');
  });

  it("ce's KL(q‖p) is xent kl --p TARGET --q PREDICTED", async () => {
    const ce = await run(['ce', '2,0.5,-1; 0.3,1.8,0.2', '--target-probs', '0.6,0.3,0.1; 0,0.5,0.5']);
    const probs = (ce.probs as number[][]).map((r) => r.join(',')).join(';');
    const kl = await run(['kl', '--p', '0.6,0.3,0.1; 0,0.5,0.5', '--q', probs]);
    expectClose(ce.kl, kl.kl as number[], 'kl');
    expectClose(ce.entropy, kl.entropy as number[], 'entropy');
  });

  it('label smoothing with class targets: the target is (1 − ε)·onehot + ε/C', async () => {
    const out = await run(['ce', '2,0.5,-1', '-y', '0', '--label-smoothing', '0.1', '--base', '2']);
    expectClose(out.entropy, [0.29113983883196504 / Math.LN2], 'entropy');
    expectClose(out.kl, [0.1001714578251921 / Math.LN2], 'kl');
    expectClose(out.losses, [0.39131129665715714 / Math.LN2], 'losses');
  });

  it('an ignored row has no entropy and no divergence (null)', async () => {
    const out = await run(['ce', '2,0.5,-1; 1,1,1', '-y', '0,-100', '--label-smoothing', '0.2']);
    expect((out.entropy as unknown[])[1]).toBeNull();
    expect((out.kl as unknown[])[1]).toBeNull();
  });

  it('class targets without smoothing: no per-row entropy, one note saying H(q) = 0 and KL = the loss', async () => {
    const out = await run(['ce', '2,0.5,-1; 0.3,1.8,0.2', '-y', '0,1']);
    expect(out).not.toHaveProperty('entropy');
    expect(out).not.toHaveProperty('kl');
    const r = await xent(['ce', '2,0.5,-1; 0.3,1.8,0.2', '-y', '0,1', '-f', 'table']);
    const note =
      "class targets are one-hot: H(q) = 0, so each row's cross-entropy −log p(target) is all divergence, KL(q‖p) = H(q, p)";
    expect(r.stdout.split(note).length).toBe(2);
    expect(r.stdout).not.toContain('│ H(q)');
    const zh = await xent(['ce', '2,0.5,-1', '-y', '0', '-f', 'table'], { env: zhEnv });
    expect(zh.stdout).toContain(
      '类别目标是独热的：H(q) = 0，所以每行的交叉熵 −log p(目标) 完全是 KL 散度，KL(q‖p) = H(q, p)',
    );
  });

  it('table: H(q) and KL(q‖p) columns beside the loss, with the unit', async () => {
    const r = await xent(['ce', '2,1; 1,3', '--target-probs', '0.9,0.1; 0.2,0.8', '--base', '2', '-f', 'table']);
    expect(r.stdout).toContain('│ H(q) [bits] │ KL(q‖p) [bits] │ loss [bits] │');
    expect(r.stdout).toContain("each row's cross-entropy H(q, p) = H(q) + KL(q‖p)");
    const w = await xent(['ce', '2,1; 1,3', '--target-probs', '0.9,0.1; 0.2,0.8', '-w', '1,2', '-f', 'table']);
    expect(w.stdout).toContain('with class weights the loss is not H(q, p)');
  });
});

describe('entropy and kl errors, in both languages', () => {
  const cases: [string, string[], string, string][] = [
    [
      'entropy: a negative entry',
      ['entropy', '0.5,0.5; 1.2,-0.2'],
      'xent: error: the entry -0.2 at row 2, column 2 of the arguments is negative; a probability distribution has entries ≥ 0',
      'xent: 错误：命令行参数第 2 行第 2 列的 -0.2 是负数；概率分布的各项必须 ≥ 0',
    ],
    [
      'entropy: a row that sums to 0.9',
      ['entropy', '0.5,0.5; 0.5,0.4'],
      'xent: error: row 2 of the arguments sums to 0.9, off by 0.1; each row must be a probability distribution summing to 1 (within 0.001)',
      'xent: 错误：命令行参数第 2 行之和为 0.9，与 1 相差 0.1；每行必须是和为 1 的概率分布（允许误差 0.001）',
    ],
    [
      'entropy: a row with inf',
      ['entropy', '1,inf'],
      'xent: error: row 1 of the arguments sums to inf, off by inf; each row must be a probability distribution summing to 1 (within 0.001)',
      'xent: 错误：命令行参数第 1 行之和为 inf，与 1 相差 inf；每行必须是和为 1 的概率分布（允许误差 0.001）',
    ],
    [
      'kl: a row of --q that sums to 1.1',
      ['kl', '--p', '0.5,0.5', '--q', '0.5,0.6'],
      'xent: error: row 1 of option --q sums to 1.1, off by 0.1; each row must be a probability distribution summing to 1 (within 0.001)',
      'xent: 错误：选项 --q 第 1 行之和为 1.1，与 1 相差 0.1；每行必须是和为 1 的概率分布（允许误差 0.001）',
    ],
    [
      'kl: a negative entry in --p',
      ['kl', '--p', '1.5,-0.5', '--q', '0.5,0.5'],
      'xent: error: the entry -0.5 at row 1, column 2 of option --p is negative; a probability distribution has entries ≥ 0',
      'xent: 错误：选项 --p 第 1 行第 2 列的 -0.5 是负数；概率分布的各项必须 ≥ 0',
    ],
    [
      'kl: shapes differ',
      ['kl', '--p', '0.5,0.5', '--q', '0.2,0.3,0.5'],
      'xent: error: option --p is 1×2, but option --q is 1×3; give two matrices of the same shape, one pair of distributions per row',
      'xent: 错误：选项 --p 的形状是 1×2，但选项 --q 的形状是 1×3；请给出形状相同的两个矩阵，每行一对分布',
    ],
    [
      'kl: no --q',
      ['kl', '--p', '0.5,0.5'],
      "xent: error: xent kl needs two distributions: --p P and --q Q (it computes KL(P‖Q)); --q is missing\nTry 'xent kl --help'.",
      "xent: 错误：xent kl 需要两个分布：--p P 和 --q Q（计算 KL(P‖Q)）；缺少 --q\n请运行 'xent kl --help' 查看用法。",
    ],
    [
      'kl: no --p',
      ['kl', '--q', '0.5,0.5'],
      "xent: error: xent kl needs two distributions: --p P and --q Q (it computes KL(P‖Q)); --p is missing\nTry 'xent kl --help'.",
      "xent: 错误：xent kl 需要两个分布：--p P 和 --q Q（计算 KL(P‖Q)）；缺少 --p\n请运行 'xent kl --help' 查看用法。",
    ],
    [
      'kl: a matrix from -i',
      ['kl', '-i', 'p.csv', '--p', '1,0', '--q', '1,0'],
      "xent: error: xent kl reads its distributions from --p and --q only, not from arguments, -i or --example\nTry 'xent kl --help'.",
      "xent: 错误：xent kl 只从 --p 和 --q 读取分布，不从参数、-i 或 --example 读取\n请运行 'xent kl --help' 查看用法。",
    ],
  ];

  it.each(cases)('%s', async (_name, argv, en, zh) => {
    await expectErrorInBothLanguages(argv, en, zh);
  });

  it('kl takes no positional matrix', async () => {
    const r = await xent(['kl', '--p', '1,0', '--q', '1,0', '1,0']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("xent: error: 'kl' takes no arguments, got '1,0'\nTry 'xent kl --help'.\n");
  });
});
