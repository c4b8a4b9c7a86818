// `xent ce` and `xent bce` through the CLI: every oracle case end to end, each JSON key,
// each output format, warnings, and the error cases in both languages.
import { describe, expect, it } from 'vitest';
import { xent, expectErrorInBothLanguages } from './helpers/cli.js';
import { type CeCase, expectClose, loadOracle } from './helpers/oracle.js';

const zhEnv = { LANG: 'zh_CN.UTF-8' };
const json = (stdout: string) => JSON.parse(stdout) as Record<string, unknown>;
const lists = (m: number[][]) => m.map((r) => r.join(',')).join(';');

describe('xent ce against PyTorch, end to end', () => {
  const cases = loadOracle<CeCase>('cross_entropy').cases;
  it.each(cases.map((c) => [c.id, c] as const))('%s', async (id, c) => {
    const argv = ['ce', lists(c.logits ?? c.probs_input!), '-r', c.reduction, '-g', '-f', 'json'];
    if (c.probs_input) argv.push('--probs');
    if (c.target) argv.push('-y', c.target.join(','));
    if (c.target_probs) argv.push('--target-probs', lists(c.target_probs));
    if (c.weight) argv.push('-w', c.weight.join(','));
    if (c.ignore_index !== undefined) argv.push('--ignore-index', String(c.ignore_index));
    if (c.label_smoothing !== undefined) argv.push('--label-smoothing', String(c.label_smoothing));
    const r = await xent(argv);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = json(r.stdout);
    expectClose(out.loss, c.expected.loss, `${id} loss`);
    expectClose(out.losses, c.expected.losses, `${id} losses`);
    if (c.expected.grad)
      (out.grad as number[][]).forEach((row, i) => expectClose(row, c.expected.grad![i], `${id} grad[${i}]`));
    if (c.expected.probs)
      (out.probs as number[][]).forEach((row, i) => expectClose(row, c.expected.probs![i], `${id} probs[${i}]`));
  });
});

describe('xent ce output', () => {
  const logits = '2,0.5,-1; 0.3,1.8,0.2; 1,1,0';

  it('json has every key, with the per-row losses as reduction none gives them', async () => {
    const r = await xent(['ce', logits, '-y', '0,2,0', '-w', '1,1,3', '-g', '-f', 'json']);
    const out = json(r.stdout);
    expect(Object.keys(out)).toEqual([
      'command',
      'reduction',
      'targets',
      'probs',
      'p_target',
      'losses',
      'loss',
      'chance',
      'loss_over_chance',
      'accuracy',
      'topk',
      'perplexity',
      'grad',
      'log_sum_exp',
    ]);
    // top-1 is the accuracy, by default the only k
    expect(out.topk).toEqual({ '1': out.accuracy });
    expect(out.command).toBe('ce');
    expect(out.reduction).toBe('mean');
    expect(out.targets).toEqual([0, 2, 0]);
    expect((out.probs as number[][])[0][0]).toBeCloseTo(0.7856, 4);
    expect(out.p_target).toEqual([0, 2, 0].map((c, i) => (out.probs as number[][])[i][c]));
    const losses = out.losses as number[];
    expect(losses[1]).toBeCloseTo(3 * -Math.log(Math.exp(0.2) / (Math.exp(0.3) + Math.exp(1.8) + Math.exp(0.2))), 12);
    // weighted mean: Σ losses / Σ w(target) = Σ / (1 + 3 + 1)
    expect(out.loss).toBeCloseTo((losses[0] + losses[1] + losses[2]) / 5, 14);
    // row 3 is a tie between classes 0 and 1: not counted as correct
    expect(out.accuracy).toBeCloseTo(1 / 3, 14);
    expect(out.perplexity).toBeCloseTo(Math.exp(out.loss as number), 12);
    expect((out.grad as number[][]).map((row) => row.reduce((a, b) => a + b, 0))).toEqual([
      expect.closeTo(0, 14),
      expect.closeTo(0, 14),
      expect.closeTo(0, 14),
    ]);
  });

  it('json: no loss for reduction none, no grad without --grad, null for an ignored target', async () => {
    const out = json((await xent(['ce', logits, '-y', '0,-100,1', '-r', 'none', '-f', 'json'])).stdout);
    expect(out).not.toHaveProperty('loss');
    expect(out).not.toHaveProperty('grad');
    expect(out.targets).toEqual([0, null, 1]);
    expect((out.losses as number[])[1]).toBe(0);
  });

  it('tsv: one line per row (target, p_target, loss, correct) under a header', async () => {
    const r = await xent(['ce', logits, '-y', '1,2,3', '--one-based', '-f', 'tsv']);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('target\tp_target\tloss\tcorrect');
    expect(lines.slice(1).map((l) => l.split('\t')[0])).toEqual(['1', '2', '3']);
    expect(lines.slice(1).map((l) => l.split('\t')[3])).toEqual(['1', '1', '0']);
    const [, p, loss] = lines[1].split('\t').map(Number);
    expect(Math.abs(loss + Math.log(p))).toBeLessThan(1e-15);
  });

  it('tsv with --grad: the gradient matrix; csv: the same with commas', async () => {
    const tsv = await xent(['ce', '2,0.5,-1', '-y', '0', '-g', '-f', 'tsv', '-p', '4']);
    expect(tsv.stdout).toBe('-0.2144\t0.1753\t0.0391\n');
    const csv = await xent(['ce', '2,0.5,-1', '-y', '0', '-f', 'csv', '-p', '4']);
    expect(csv.stdout).toBe('target,p_target,loss,correct\n0,0.7856,0.2413,1\n'); // target and correct stay integers
  });

  it('value: the reduced loss, or one loss per line for none', async () => {
    const mean = await xent(['ce', '2,0.5,-1; 0.3,1.8,0.2', '-y', '0,1', '-f', 'value']);
    expect(mean.stdout).toMatch(/^0\.2977\d+\n$/);
    const none = await xent(['ce', '2,0.5,-1; 0.3,1.8,0.2', '-y', '0,1', '-r', 'none', '-f', 'value']);
    expect(
      none.stdout
        .trim()
        .split('\n')
        .map(Number)
        .map((x) => x.toFixed(4)),
    ).toEqual(['0.2413', '0.3542']);
  });

  it('table: per-row table, summary and the gradient note', async () => {
    const r = await xent(['ce', '2,0.5,-1; 0.3,1.8,0.2', '-y', '0,2', '-g', '-f', 'table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Cross-entropy of each row');
    expect(r.stdout).toMatch(/│ 1 +│ +0 │ +0 │ 0\.7856 .*│ 0\.2413 +│ +✓ │/);
    expect(r.stdout).toContain('✗');
    expect(r.stdout).toMatch(/loss \(mean\) +1\.\d{4}\n/);
    expect(r.stdout).toMatch(/accuracy \(arg-max = target\) +0\.5000\n/);
    expect(r.stdout).toMatch(/perplexity exp\(mean loss\) +\d+\.\d{4}\n/);
    expect(r.stdout).toContain('Gradient ∂loss/∂logit');
    expect(r.stdout).toContain("the gradient is p − y: descent raises the target's logit and lowers the others");
  });

  it('markdown: the per-row table and the summary', async () => {
    const r = await xent(['ce', '2,0.5,-1', '-y', '0', '-f', 'markdown', '-L', 'zh']);
    expect(r.stdout).toContain('**每一行的交叉熵**');
    expect(r.stdout).toMatch(/\| 1 +\| +0 \| +0 \| +0\.7856 \| 0\.2413 \| +✓ \|/);
    expect(r.stdout).toContain('- 损失（平均）: **0.2413**');
  });

  it('diag targets: row i is class i', async () => {
    const out = json((await xent(['ce', '3,0,0; 0,3,0', '-y', 'diag', '-f', 'json'])).stdout);
    expect(out.targets).toEqual([0, 1]);
    expect(out.accuracy).toBe(1);
  });

  it('--probs: p = 0 at the target is an infinite loss, said honestly', async () => {
    const r = await xent(['ce', '0,1; 0.5,0.5', '--probs', '-y', '0,1', '-f', 'json', '-g']);
    expect(r.code).toBe(0);
    const out = json(r.stdout);
    expect(out.losses).toEqual(['inf', -Math.log(0.5)]);
    expect(out.loss).toBe('inf');
    expect((out.grad as unknown[][])[0]).toEqual(['-inf', 0]);
  });

  it('warns on stderr (exit 0) when --probs rows do not sum to 1', async () => {
    const r = await xent(['ce', '0.5,0.6; 0.5,0.5', '--probs', '-y', '0,1', '-f', 'value']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toBe('');
    expect(r.stderr).toBe(
      'xent: warning: row 1 of the probabilities sums to 1.1, not 1 (--probs expects one distribution per row)\n',
    );
    const zh = await xent(['ce', '0.5,0.6; 0.5,0.5', '--probs', '-y', '0,1', '-f', 'value'], { env: zhEnv });
    expect(zh.stderr).toBe('xent: 警告：概率矩阵第 1 行之和为 1.1，不是 1（--probs 要求每行是一个概率分布）\n');
  });

  // 50 000 bad rows gave 100 001 lines on stderr: each kind stops after 20, then a count.
  it.each(['value', 'json', 'tsv', 'table'])(
    '-f %s: the first 20 warnings of each kind, then how many more',
    async (format) => {
      const rows = (n: number) => Array.from({ length: n }, () => '0.5,0.6').join('\n');
      const r = await xent(['ce', '--probs', '-i', 'p.csv', '--target-probs', '@q.csv', '-f', format], {
        files: { 'p.csv': rows(500), 'q.csv': rows(500) },
      });
      expect(r.code).toBe(0);
      const lines = r.stderr.split('\n').slice(0, -1);
      expect(lines).toHaveLength(42);
      expect(lines[0]).toBe(
        'xent: warning: row 1 of the probabilities sums to 1.1, not 1 (--probs expects one distribution per row)',
      );
      expect(lines[19]).toContain('row 20 of the probabilities');
      expect(lines[20]).toBe('xent: warning: … and 480 more warnings like this');
      expect(lines[21]).toBe('xent: warning: row 1 of --target-probs sums to 1.1, not 1; the loss uses it as given');
      expect(lines[41]).toBe('xent: warning: … and 480 more warnings like this');
    },
  );

  it('21 warnings of a kind are all shown (no "1 more"); the count is translated, once per language with -L both', async () => {
    const run = (n: number) => [
      'ce',
      Array(n).fill('0.5,0.6').join('; '),
      '--probs',
      '-y',
      Array(n).fill(0).join(','),
      '-f',
      'value',
    ];
    expect((await xent(run(21))).stderr.split('\n').slice(0, -1)).toHaveLength(21);
    const argv = run(22);
    expect((await xent(argv)).stderr.split('\n').slice(-2)[0]).toBe('xent: warning: … and 2 more warnings like this');
    const zh = await xent(argv, { env: zhEnv });
    expect(zh.stderr.split('\n').slice(-2)[0]).toBe('xent: 警告：……还有 2 条同类警告');
    const both = (await xent([...argv, '-L', 'both'])).stderr.split('\n').slice(0, -1);
    expect(both).toHaveLength(42);
    expect(both.slice(-2)).toEqual([
      'xent: 警告：……还有 2 条同类警告',
      'xent: warning: … and 2 more warnings like this',
    ]);
  });

  it.each(['sum', 'none'])(
    '-r %s with every target ignored: JSON accuracy, top-k and perplexity are null, not "nan"',
    async (reduction) => {
      const r = await xent(['ce', '1,2;3,4', '-y', '-100,-100', '-r', reduction, '--top-k', '1,2', '-f', 'json']);
      expect(r.code).toBe(0);
      const out = json(r.stdout);
      expect({ accuracy: out.accuracy, topk: out.topk, perplexity: out.perplexity }).toEqual({
        accuracy: null,
        topk: { 1: null, 2: null },
        perplexity: null,
      });
      expect(r.stdout).not.toMatch(/nan/);
    },
  );

  it('--help documents the conventions and the examples run', async () => {
    const help = await xent(['ce', '--help']);
    expect(help.code).toBe(0);
    for (const text of [
      'Σ w_(y_n)',
      '0/0',
      '−a/p',
      '--label-smoothing',
      'cross-entropy',
      'target p_target loss correct',
    ]) {
      expect(help.stdout).toContain(text);
    }
    expect((await xent(['cross-entropy', '2,1', '-y', '0', '-f', 'value'])).code).toBe(0);
  });
});

describe('xent bce output', () => {
  const z = '2,-1,0.5; -3,4,0';
  const y = '1,0,1; 0,1,0';

  it('json has every key', async () => {
    const out = json((await xent(['bce', z, '--targets', y, '-g', '-f', 'json'])).stdout);
    expect(Object.keys(out)).toEqual([
      'command',
      'reduction',
      'probs',
      'losses',
      'loss',
      'chance',
      'loss_over_chance',
      'accuracy',
      'grad',
    ]);
    expect(out.command).toBe('bce');
    expect((out.losses as number[][])[0][0]).toBeCloseTo(Math.log1p(Math.exp(-2)), 15);
    expect((out.grad as number[][])[0][0]).toBeCloseTo((1 / (1 + Math.exp(-2)) - 1) / 6, 15);
    // z = 0 (σ = 0.5) with target 0 counts as right: neither side is above 0.5
    expect(out.accuracy).toBe(1);
  });

  it('is stable for saturated logits', async () => {
    const out = json((await xent(['bce', '1000,-1000,1000', '--targets', '0,1,1', '-r', 'none', '-f', 'json'])).stdout);
    expect(out.losses).toEqual([[1000, 1000, 0]]);
    expect(out).not.toHaveProperty('loss');
  });

  it('tsv: the loss matrix (or the gradient with --grad); value: the loss', async () => {
    const tsv = await xent(['bce', '0,0', '--targets', '1,0', '-f', 'tsv', '-p', '4']);
    expect(tsv.stdout).toBe('0.6931\t0.6931\n');
    const grad = await xent(['bce', '0,0', '--targets', '1,0', '-g', '-r', 'sum', '-f', 'tsv']);
    expect(grad.stdout).toBe('-0.5\t0.5\n');
    const value = await xent(['bce', '0,0', '--targets', '1,0', '--pos-weight', '3,1', '-f', 'value']);
    expect(Number(value.stdout)).toBeCloseTo(2 * Math.log(2), 15);
  });

  it('weights broadcast per row; --probs takes probabilities', async () => {
    const out = json(
      (await xent(['bce', '0,0; 0,0', '--targets', '1,0; 1,0', '-w', '1;3', '-r', 'none', '-f', 'json'])).stdout,
    );
    expect((out.losses as number[][]).map((r) => r.map((x) => x / Math.log(2)))).toEqual([
      [expect.closeTo(1, 14), expect.closeTo(1, 14)],
      [expect.closeTo(3, 14), expect.closeTo(3, 14)],
    ]);
    const p = json((await xent(['bce', '0.8,0.1', '--probs', '--targets', '1,0', '-f', 'json'])).stdout);
    expect(p.loss).toBeCloseTo(-(Math.log(0.8) + Math.log(0.9)) / 2, 15);
  });

  it('table', async () => {
    const r = await xent(['bce', z, '--targets', y, '-f', 'table']);
    expect(r.stdout).toContain('Probability σ(z) of each label');
    expect(r.stdout).toContain('0.8808*');
    expect(r.stdout).toContain('Binary cross-entropy of each element');
  });
});

describe('bad input: exit 2, empty stdout, exact message', () => {
  const tryCe = "Try 'xent ce --help'.";
  const tryCeZh = "请运行 'xent ce --help' 查看用法。";
  const cases: [string, string[], string, string][] = [
    [
      'target count',
      ['ce', '1 2 3', '-y', '0,1'],
      `xent: error: option -y, --target gives 2 target(s), but the logits have 1 row(s); give one target per row\n${tryCe}`,
      `xent: 错误：选项 -y, --target 给出了 2 个目标，但 logit 有 1 行；每行需要一个目标\n${tryCeZh}`,
    ],
    [
      'target out of range',
      ['ce', '1 2 3; 4 5 6', '-y', '0,3'],
      'xent: error: the target 3 of row 2 is out of range: with 3 classes a target is a whole number from 0 to 2',
      'xent: 错误：第 2 行的目标 3 超出范围：共有 3 个类别，目标应是 0 到 2 之间的整数',
    ],
    [
      'target out of range, one-based',
      ['ce', '1 2 3', '-y', '0', '--one-based'],
      'xent: error: the target 0 of row 1 is out of range: with 3 classes a target is a whole number from 1 to 3',
      'xent: 错误：第 1 行的目标 0 超出范围：共有 3 个类别，目标应是 1 到 3 之间的整数',
    ],
    [
      'non-integer target',
      ['ce', '1 2 3; 4 5 6', '-y', '0,1.5'],
      "xent: error: the target '1.5' of row 2 is not a whole number; a target is a class index",
      'xent: 错误：第 2 行的目标“1.5”不是整数；目标是类别的编号',
    ],
    [
      'target distribution shape',
      ['ce', '1 2 3; 4 5 6', '--target-probs', '1,0; 0,1'],
      'xent: error: option --target-probs is 2×2, but the logits are 2×3; give one distribution per row',
      'xent: 错误：选项 --target-probs 的形状是 2×2，但 logit 是 2×3；每行需要一个目标分布',
    ],
    [
      'negative target probability',
      ['ce', '1 2 3', '--target-probs', '-0.1,1.1,0'],
      'xent: error: option --target-probs has the entry -0.1 at row 1, column 1; a target distribution has finite entries ≥ 0',
      'xent: 错误：选项 --target-probs 第 1 行第 1 列的 -0.1 不合法；目标分布的各项必须是 ≥ 0 的有限数',
    ],
    [
      'an infinite target probability',
      ['ce', '--target-probs', 'inf', '--', '0'],
      'xent: error: option --target-probs has the entry inf at row 1, column 1; a target distribution has finite entries ≥ 0',
      'xent: 错误：选项 --target-probs 第 1 行第 1 列的 inf 不合法；目标分布的各项必须是 ≥ 0 的有限数',
    ],
    [
      'a weighted target beyond a double',
      ['ce', '--weight', '1e308', '--target-probs', '10', '--', '0'],
      'xent: error: the weighted target at row 1, class 0 (class weight × target probability) is beyond the largest double (about 1.8e308); use smaller weights or targets',
      'xent: 错误：第 1 行类别 0 的加权目标（类别权重 × 目标概率）超出了双精度浮点数的最大值（约 1.8e308）；请使用更小的权重或目标',
    ],
    [
      'weights of the wrong length',
      ['ce', '1 2 3', '-y', '0', '-w', '1,2'],
      `xent: error: option -w, --weight has 2 weights, but there are 3 classes; give one weight per class\n${tryCe}`,
      `xent: 错误：选项 -w, --weight 有 2 个权重，但共有 3 个类别；每个类别需要一个权重\n${tryCeZh}`,
    ],
    [
      'negative weight',
      ['ce', '1 2 3', '-y', '0', '-w', '1,-2,1'],
      `xent: error: option -w, --weight: the weight -2 at position 2 is not allowed; weights are finite numbers ≥ 0\n${tryCe}`,
      `xent: 错误：选项 -w, --weight：第 2 个权重 -2 不合法；权重必须是 ≥ 0 的有限数\n${tryCeZh}`,
    ],
    [
      'smoothing outside [0, 1]',
      ['ce', '1 2 3', '-y', '0', '--label-smoothing', '1.5'],
      `xent: error: the label smoothing ε must be a number from 0 to 1, got '1.5' (option --label-smoothing)\n${tryCe}`,
      `xent: 错误：标签平滑系数 ε 必须是 0 到 1 之间的数，收到的是“1.5”（选项 --label-smoothing）\n${tryCeZh}`,
    ],
    [
      'unknown reduction',
      ['ce', '1 2 3', '-y', '0', '-r', 'avg'],
      `xent: error: option --reduction takes one of mean, sum, none, got 'avg'\n${tryCe}`,
      `xent: 错误：选项 --reduction 只能取 mean、sum、none 之一，收到的是“avg”\n${tryCeZh}`,
    ],
    [
      'mean over nothing',
      ['ce', '1 2 3; 1 2 3', '-y', '-1,-1', '--ignore-index', '-1'],
      "xent: error: reduction 'mean' is 0/0 here: every row's target is ignored (--ignore-index) or has class weight 0, so there is nothing to average; use -r sum or -r none",
      'xent: 错误：这里 mean 归约是 0/0：每一行的目标都被忽略（--ignore-index）或类别权重为 0，没有可以平均的东西；请改用 -r sum 或 -r none',
    ],
    [
      'probability input outside [0, 1]',
      ['ce', '0.5 1.6 0', '--probs', '-y', '2'],
      'xent: error: --probs: the value 1.6 at row 1, column 2 of the arguments is not a probability (allowed: 0 to 1)',
      'xent: 错误：--probs：命令行参数第 1 行第 2 列的值 1.6 不是概率（允许 0 到 1）',
    ],
    [
      'no targets',
      ['ce', '1 2 3'],
      `xent: error: xent ce needs targets: -y LIST (one class per row), -y diag (row i is class i) or --target-probs MATRIX\n${tryCe}`,
      `xent: 错误：xent ce 需要目标：-y LIST（每行一个类别）、-y diag（第 i 行的目标是类别 i）或 --target-probs MATRIX\n${tryCeZh}`,
    ],
    [
      'bce targets outside [0, 1]',
      ['bce', '2,-1,0.5; -3,4,0', '--targets', '1,0,1; 0,2,0'],
      'xent: error: option --targets: the value 2 at row 2, column 2 is outside [0, 1]',
      'xent: 错误：选项 --targets：第 2 行第 2 列的值 2 不在 [0, 1] 内',
    ],
    [
      'bce targets of the wrong shape',
      ['bce', '2,-1,0.5; -3,4,0', '--targets', '1,0,1'],
      'xent: error: option --targets is 1×3, but the logits are 2×3; give one target per logit',
      'xent: 错误：选项 --targets 的形状是 1×3，但 logit 是 2×3；每个 logit 需要一个目标',
    ],
    [
      'bce pos_weight of the wrong length',
      ['bce', '2,-1,0.5', '--targets', '1,0,1', '--pos-weight', '1,2'],
      "xent: error: option --pos-weight has 2 values, but there are 3 columns; give one per column\nTry 'xent bce --help'.",
      "xent: 错误：选项 --pos-weight 有 2 个值，但共有 3 列；每列需要一个\n请运行 'xent bce --help' 查看用法。",
    ],
  ];

  it.each(cases)('%s', async (_name, argv, en, zh) => {
    await expectErrorInBothLanguages(argv, en, zh);
  });
});
