// xent clip / siglip / ntxent / supcon through the CLI: every JSON key against the PyTorch
// reference, each output format, and the errors in both languages.
import { describe, expect, it } from 'vitest';
import { expectClose, loadOracle, type Num } from './helpers/oracle.js';
import { tsvRows, xent } from './helpers/cli.js';

type Rows = number[][];
const json = (rows: unknown) => JSON.stringify(rows);
const SEED = '[[2.0, 0.5, -1.0], [0.3, 1.8, 0.2], [-0.5, 0.4, 1.5]]';

async function run(argv: string[]): Promise<Record<string, unknown>> {
  const r = await xent([...argv, '-f', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe('xent clip', () => {
  const cases = loadOracle<{
    id: string;
    image?: Rows;
    text?: Rows;
    scale?: number;
    logits?: Rows;
    expected: Record<string, unknown>;
  }>('clip').cases;
  const emb = cases.find((c) => c.id === 'clip-emb-03')!;
  const keys = [
    'logits',
    'probs_i2t',
    'probs_t2i',
    'losses_i2t',
    'losses_t2i',
    'loss_i2t',
    'loss_t2i',
    'loss',
    'grad_logits',
    'grad_image',
    'grad_text',
    'grad_scale',
  ];

  it.each(keys)('JSON key %s from embeddings matches PyTorch', async (key) => {
    const out = await run([
      'clip',
      '--image',
      json(emb.image),
      '--text',
      json(emb.text),
      '-s',
      String(emb.scale),
      '--grad',
    ]);
    expectClose(out[key], emb.expected[key], key);
  });

  it('-t T is the same as -s 1/T, and gives ∂loss/∂T', async () => {
    const c = cases.find((x) => x.id === 'clip-emb-02')!; // scale 1/0.07
    const out = await run(['clip', '--image', json(c.image), '--text', json(c.text), '-t', '0.07', '-g']);
    expectClose(out.loss, c.expected.loss as Num, 'loss');
    expectClose(out.grad_scale, c.expected.grad_scale as Num, 'grad_scale');
    expectClose(out.grad_temperature, -(c.expected.grad_scale as number) / 0.07 ** 2, 'grad_temperature');
  });

  it.each(cases.filter((c) => c.logits).map((c) => [c.id, c] as const))('logits case %s', async (_id, c) => {
    const out = await run(['clip', json(c.logits), '-g']);
    for (const key of ['loss', 'loss_i2t', 'loss_t2i', 'losses_i2t', 'losses_t2i', 'grad_logits']) {
      expectClose(out[key], c.expected[key], key);
    }
    expect(out).not.toHaveProperty('grad_image');
  });

  it('recall_i2t and recall_t2i: Recall@1 always, Recall@5 from N = 5', async () => {
    const seed = await run(['clip', '--example']);
    expect(seed.recall_i2t).toEqual({ 1: 1 });
    expect(seed.recall_t2i).toEqual({ 1: 1 });
    // Image 1 prefers text 2 (a miss); text 1 ties with every image, and ties count against it.
    const five = await run(['clip', '0,1,0,0,0; 0,2,0,0,0; 0,0,1,0,0; 0,0,0,1,0; 0,0,0,0,1']);
    expect(five.recall_i2t).toEqual({ 1: 0.8, 5: 1 });
    expect(five.recall_t2i).toEqual({ 1: 0.8, 5: 1 });
    expect(five).not.toHaveProperty('grad_logits');
  });

  it('the seed example: symmetric loss 0.32268134…', async () => {
    const r = await xent(['clip', '--example', '-f', 'value']);
    expect(r.code).toBe(0);
    expect(Number(r.stdout)).toBeCloseTo(0.32268134, 8);
    expect(await xent(['clip', SEED, '-f', 'value'])).toEqual(r);
  });

  it('tsv and csv print the image→text probabilities', async () => {
    const tsv = await xent(['clip', '--example']);
    const probs = (await run(['clip', '--example'])).probs_i2t as number[][];
    expect(tsvRows(tsv.stdout)).toEqual(probs);
    const csv = await xent(['clip', '--example', '-f', 'csv', '-p', '3']);
    expect(csv.stdout).toBe('0.786,0.175,0.039\n0.157,0.702,0.142\n0.092,0.227,0.681\n');
  });

  it('table and markdown show both directions, the losses and Recall@1', async () => {
    const table = await xent(['clip', '--example', '-g'], { tty: true, env: { LANG: 'C', NO_COLOR: '1' } });
    expect(table.stdout).toContain('Image → text: softmax of each row');
    expect(table.stdout).toContain('Text → image: softmax of each column');
    expect(table.stdout).toContain('0.7856* ');
    expect(table.stdout).toMatch(/loss \(symmetric: their average\)\s+0\.3227/);
    expect(table.stdout).toMatch(/Recall@1 image→text\s+1\.0000/);
    expect(table.stdout).toContain('∂loss/∂logits');
    const md = await xent(['clip', '--example', '-f', 'markdown']);
    expect(md.stdout).toContain('|');
    expect(md.stdout).toContain('0.3227');
  });

  it('reads embeddings from @FILE and in Chinese', async () => {
    const files = { 'img.csv': '1,0\n0.6,0.8\n', 'txt.csv': '0.9,0.1\n0,1\n' };
    const r = await xent(['clip', '--image', '@img.csv', '--text', '@txt.csv', '-s', '10', '-f', 'table', '-L', 'zh'], {
      files,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('图像 → 文本');
    expect(r.stdout).toContain('logit = 10 × L2 归一化后嵌入的余弦相似度');
  });
});

describe('xent siglip', () => {
  const c = loadOracle<{ image: Rows; text: Rows; scale: number; bias: number; expected: Record<string, unknown> }>(
    'siglip',
  ).cases[2];
  const argv = [
    'siglip',
    '--image',
    json(c.image),
    '--text',
    json(c.text),
    '-s',
    String(c.scale),
    '-b',
    String(c.bias),
    '-g',
  ];

  it.each(['logits', 'loss', 'grad_image', 'grad_text'])('JSON key %s matches PyTorch', async (key) => {
    expectClose((await run(argv))[key], c.expected[key], key);
  });

  it('grad_logits: −z·σ(−z·logit)/N; a ready logits matrix is used as given', async () => {
    const out = await run(['siglip', '0,0; 0,0', '-g']);
    expect(out.loss).toBeCloseTo((4 * Math.LN2) / 2, 15);
    expect(out.grad_logits).toEqual([
      [-0.25, 0.25],
      [0.25, -0.25],
    ]);
    expect(out).not.toHaveProperty('grad_image');
  });

  it('defaults t = 10, b = −10; -f value prints the loss', async () => {
    const r = await xent(['siglip', '--image', '1,2', '--text', '2,4', '-f', 'value']);
    expect(Number(r.stdout)).toBeCloseTo(Math.LN2, 13);
  });
});

describe('xent ntxent', () => {
  const cases = loadOracle<{ embeddings: Rows; temperature: number; expected: Record<string, unknown> }>(
    'ntxent',
  ).cases;

  it.each(['losses', 'loss', 'grad'])('JSON key %s matches PyTorch', async (key) => {
    const c = cases[1];
    const out = await run(['ntxent', json(c.embeddings), '-t', String(c.temperature)]);
    expectClose(out[key], c.expected[key], key);
  });

  it('--pairs adjacent is the same loss with the rows interleaved', async () => {
    const c = cases[0];
    const n = c.embeddings.length / 2;
    const interleaved = Array.from({ length: n }, (_, k) => [c.embeddings[k], c.embeddings[k + n]]).flat();
    const out = await run(['ntxent', json(interleaved), '-t', String(c.temperature), '--pairs', 'adjacent']);
    expectClose(out.loss, c.expected.loss, 'loss');
  });

  it('shows twice the mean, as SimCLR reports it', async () => {
    const r = await xent(['ntxent', '1,0; 0,1; 0.9,0.2; 0.1,1'], { tty: true, env: { LANG: 'C', NO_COLOR: '1' } });
    expect(r.stdout).toMatch(/2 × loss \(what SimCLR’s code reports\)\s+0\.6598/);
    expect(r.stdout).toContain('τ = 0.5');
  });
});

describe('xent supcon', () => {
  const cases = loadOracle<{
    embeddings: Rows;
    labels: number[];
    temperature: number;
    expected: Record<string, unknown>;
  }>('supcon').cases;

  it.each(['losses', 'loss', 'grad'])(
    'JSON key %s matches PyTorch (null for an anchor without positive)',
    async (key) => {
      const c = cases[1]; // labels [1, 0, 0, 0, 0]: anchor 1 has no positive
      const out = await run([
        'supcon',
        json(c.embeddings),
        '--labels',
        c.labels.join(','),
        '-t',
        String(c.temperature),
      ]);
      if (key === 'losses') {
        expect((out.losses as unknown[])[0]).toBeNull();
        expectClose((out.losses as number[]).slice(1), (c.expected.losses as Num[]).slice(1), key);
      } else {
        expectClose(out[key], c.expected[key], key);
      }
    },
  );

  it('says which anchors were left out', async () => {
    const r = await xent(['supcon', '1,0; 0.8,0.6; 0,1', '-y', '0,0,1'], {
      tty: true,
      env: { LANG: 'C', NO_COLOR: '1' },
    });
    expect(r.stdout).toContain('no positive for row(s) 3: left out of the mean (null in JSON)');
    expect(r.stdout).toMatch(/anchors with a positive\s+2 of 3/);
  });
});

describe('contrastive errors', () => {
  const cases: [string, string[], string, string][] = [
    [
      'non-square clip',
      ['clip', '1,2;3,4;5,6'],
      'xent: error: clip needs a square matrix (row i is image i, column j is text j, and the positive pairs are the diagonal), got 3×2\n',
      'xent: 错误：clip 需要一个方阵（第 i 行是图像 i，第 j 列是文本 j，正样本对在对角线上），收到的是 3×2\n',
    ],
    [
      'different counts',
      ['clip', '--image', '1,0;0,1', '--text', '1,0'],
      'xent: error: --image has 2 rows but --text has 1: row i of each is a matching pair, so the counts must be equal\n',
      'xent: 错误：--image 有 2 行，而 --text 有 1 行：两者的第 i 行构成一对匹配样本，所以行数必须相同\n',
    ],
    [
      'different dimensions',
      ['siglip', '--image', '1,0;0,1', '--text', '1,0,0;0,1,0'],
      'xent: error: the image embeddings have 2 columns but the text embeddings have 3: a dot product needs the same dimension\n',
      'xent: 错误：图像嵌入有 2 列，而文本嵌入有 3 列：做点积需要相同的维度\n',
    ],
    [
      'a zero embedding',
      ['clip', '--image', '1,0;0,0', '--text', '1,0;0,1'],
      'xent: error: row 2 of option --image is all zeros: a zero vector has no direction, so it cannot be L2-normalised\n',
      'xent: 错误：选项 --image 第 2 行全是 0：零向量没有方向，无法做 L2 归一化\n',
    ],
    [
      'raw dot products beyond a double',
      ['clip', '--image', '10', '--text', '1e308', '--no-normalize', '-f', 'tsv'],
      'xent: error: the logit of image 1 and text 1 is inf: scale × image·text (+ bias) is beyond the largest double (about 1.8e308); with --no-normalize, scale the embeddings down\n',
      'xent: 错误：图像 1 与文本 1 的 logit 是 inf：缩放 × 图像·文本（+ 偏置）超出了双精度浮点数的最大值（约 1.8e308）；使用 --no-normalize 时请把嵌入缩小\n',
    ],
    [
      'a siglip logit beyond a double',
      ['siglip', '--image', '1,0; 0,1', '--text', '-1e308,0; 0,1', '--no-normalize', '-s', '10'],
      'xent: error: the logit of image 1 and text 1 is -inf: scale × image·text (+ bias) is beyond the largest double (about 1.8e308); with --no-normalize, scale the embeddings down\n',
      'xent: 错误：图像 1 与文本 1 的 logit 是 -inf：缩放 × 图像·文本（+ 偏置）超出了双精度浮点数的最大值（约 1.8e308）；使用 --no-normalize 时请把嵌入缩小\n',
    ],
    [
      'odd rows',
      ['ntxent', '1,0;0,1;1,1'],
      'xent: error: ntxent needs an even number of rows (2N: two views of each of N examples), got 3 rows in the arguments\n',
      'xent: 错误：ntxent 需要偶数行（2N 行：N 个样本各有两个视图），而命令行参数中有 3 行\n',
    ],
    [
      'labels of the wrong length',
      ['supcon', '1,0;0,1;1,1', '--labels', '0,1'],
      'xent: error: --labels has 2 labels for 3 rows in the arguments: give one label per row\n',
      'xent: 错误：--labels 有 2 个标签，而命令行参数中有 3 行：每行需要一个标签\n',
    ],
    [
      'no anchor with a positive',
      ['supcon', '1,0;0,1;1,1', '--labels', '0,1,2'],
      'xent: error: no anchor has a positive: each of the 3 labels occurs only once, so the supervised contrastive loss is undefined (an anchor needs another row with its label)\n',
      'xent: 错误：没有任何锚点有正样本：3 个标签各只出现一次，因此监督对比损失无定义（锚点需要另一行与它标签相同）\n',
    ],
    [
      'scale 0',
      ['clip', '1,2;3,4', '-s', '0'],
      "xent: error: option --scale takes a finite number greater than 0, got '0'\nTry 'xent clip --help'.\n",
      "xent: 错误：选项 --scale 需要一个大于 0 的有限数，收到的是“0”\n请运行 'xent clip --help' 查看用法。\n",
    ],
    [
      'scale inf',
      ['siglip', '--image', '1,0', '--text', '1,0', '-s', 'inf'],
      "xent: error: option --scale takes a finite number greater than 0, got 'inf'\nTry 'xent siglip --help'.\n",
      "xent: 错误：选项 --scale 需要一个大于 0 的有限数，收到的是“inf”\n请运行 'xent siglip --help' 查看用法。\n",
    ],
    [
      'scale and temperature',
      ['clip', '1,2;3,4', '-s', '2', '-t', '0.5'],
      "xent: error: give -s, --scale or -t, --temperature, not both (the scale is 1/T)\nTry 'xent clip --help'.\n",
      "xent: 错误：-s, --scale 与 -t, --temperature 只能给出其中一个（缩放系数就是 1/T）\n请运行 'xent clip --help' 查看用法。\n",
    ],
    [
      'image without text',
      ['clip', '--image', '1,0'],
      "xent: error: --image and --text go together: --image was given without the other\nTry 'xent clip --help'.\n",
      "xent: 错误：--image 和 --text 必须同时给出：只给了 --image\n请运行 'xent clip --help' 查看用法。\n",
    ],
    [
      'a matrix and embeddings',
      ['clip', '1,2;3,4', '--image', '1,0', '--text', '1,0'],
      "xent: error: give either a logits matrix or --image and --text embeddings, not both\nTry 'xent clip --help'.\n",
      "xent: 错误：请给出 logit 矩阵，或给出 --image 与 --text 嵌入，不能两者都给\n请运行 'xent clip --help' 查看用法。\n",
    ],
    [
      'no labels',
      ['supcon', '1,0;0,1'],
      "xent: error: supcon needs --labels: one class label per row (for example --labels 0,0,1,1)\nTry 'xent supcon --help'.\n",
      "xent: 错误：supcon 需要 --labels：每行一个类别标签（例如 --labels 0,0,1,1）\n请运行 'xent supcon --help' 查看用法。\n",
    ],
  ];

  it.each(cases)('%s (English)', async (_name, argv, en) => {
    expect(await xent(argv)).toEqual({ code: 2, stdout: '', stderr: en });
  });

  it.each(cases)('%s (Chinese)', async (_name, argv, _en, zh) => {
    expect(await xent(argv, { env: { LANG: 'zh_CN.UTF-8' } })).toEqual({ code: 2, stdout: '', stderr: zh });
  });

  it('a piped stdin is not read when --image and --text supply the data', async () => {
    const r = await xent(['clip', '--image', '1,0;0,1', '--text', '1,0;0,1', '-f', 'value'], {
      stdin: 'not numbers',
      stdinTTY: false,
    });
    expect(r.code).toBe(0);
  });
});
