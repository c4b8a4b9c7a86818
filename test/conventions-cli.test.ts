// The library conventions through the CLI: what each option and preset changes, the figures the
// issue quotes (open_clip's gradient, SimCLR's 2×, SupContrast's ×1.43, F.kl_div's 5×), and the
// errors in both languages. The libraries' own numbers are in conventions.test.ts.
import { describe, expect, it } from 'vitest';
import { expectErrorInBothLanguages, xent } from './helpers/cli.js';

async function json(argv: string[]): Promise<Record<string, unknown>> {
  const r = await xent([...argv, '-f', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

const IMAGE = '1,0; 0.6,0.8; 0.2,0.9';
const TEXT = '0.9,0.1; 0,1; 0.5,0.5';
const VIEWS = '1,0; 0,1; 0.9,0.2; 0.1,1';

describe('clip and siglip: the gradient w.r.t. log s', () => {
  it('is s · ∂loss/∂s, with embeddings and with a logits matrix', async () => {
    const e = await json(['clip', '--image', IMAGE, '--text', TEXT, '-s', '14.29', '-g']);
    expect(e.grad_logit_scale as number).toBeCloseTo(14.29 * (e.grad_scale as number), 13);
    const m = await json(['clip', '2,0.5,-1; 0.3,1.8,0.2; -0.5,0.4,1.5', '-s', '3', '-g']);
    expect(m.grad_logit_scale as number).toBeCloseTo(3 * (m.grad_scale as number), 13);
  });
  it('∂loss/∂s of a logits matrix agrees with a finite difference', async () => {
    const at = async (s: number) =>
      (await json(['clip', '2,0.5,-1; 0.3,1.8,0.2; -0.5,0.4,1.5', '-s', String(s)])).loss as number;
    const g = (await json(['clip', '2,0.5,-1; 0.3,1.8,0.2; -0.5,0.4,1.5', '-s', '2', '-g'])).grad_scale as number;
    const h = 1e-6;
    expect(g).toBeCloseTo(((await at(2 + h)) - (await at(2 - h))) / (2 * h), 7);
  });
  it('siglip has it beside ∂loss/∂bias', async () => {
    const out = await json(['siglip', '--image', IMAGE, '--text', TEXT, '-g']);
    expect(out.grad_logit_scale as number).toBeCloseTo(10 * (out.grad_scale as number), 13);
    expect(typeof out.grad_bias).toBe('number');
  });
  it('--as open_clip and --as hf set their initial scales', async () => {
    expect((await json(['clip', '--image', IMAGE, '--text', TEXT, '--as', 'open_clip'])).scale).toBe(1 / 0.07);
    expect((await json(['clip', '--image', IMAGE, '--text', TEXT, '--as', 'hf'])).scale).toBe(Math.exp(2.6592));
    // An option given wins over the preset.
    expect((await json(['clip', '--image', IMAGE, '--text', TEXT, '--as', 'hf', '-s', '5'])).scale).toBe(5);
  });
});

describe('ntxent and supcon conventions', () => {
  it("SimCLR's figure is twice the mean, in JSON and, with --as simclr, in -f value", async () => {
    const out = await json(['ntxent', VIEWS, '-t', '0.1']);
    expect(out.simclr_loss).toBe(2 * (out.loss as number));
    const value = await xent(['ntxent', VIEWS, '--as', 'simclr', '-f', 'value']);
    expect(Number(value.stdout)).toBe(out.simclr_loss);
  });
  it("--expect checks SimCLR's figure under --as simclr, the mean without it", async () => {
    const simclr = await xent(['ntxent', VIEWS, '--as', 'simclr', '--expect', '0.00186']);
    expect(simclr.code).toBe(0);
    const mean = await xent(['ntxent', VIEWS, '-t', '0.1', '--expect', '0.00186']);
    expect(mean.code).toBe(1);
  });
  it("SupContrast's τ/base_temperature: ×1.43 at its README's τ = 0.1", async () => {
    const plain = await json(['supcon', VIEWS, '-y', '0,1,0,1', '-t', '0.1', '--no-normalize']);
    const scaled = await json([
      'supcon',
      VIEWS,
      '-y',
      '0,1,0,1',
      '-t',
      '0.1',
      '--no-normalize',
      '--base-temperature',
      '0.07',
    ]);
    expect(scaled.loss as number).toBeCloseTo(((plain.loss as number) * 0.1) / 0.07, 14);
    expect((0.1 / 0.07).toFixed(2)).toBe('1.43');
  });
  it('--singletons zero counts an anchor without positives as 0; drop leaves it out', async () => {
    const drop = await json(['supcon', '1,0; 0.8,0.6; 0,1', '-y', '0,0,1']);
    const zero = await json(['supcon', '1,0; 0.8,0.6; 0,1', '-y', '0,0,1', '--singletons', 'zero']);
    expect(zero.loss as number).toBeCloseTo(((drop.loss as number) * 2) / 3, 15);
    expect((zero.losses as unknown[])[2]).toBe(0);
    expect((drop.losses as unknown[])[2]).toBeNull();
  });
  it('--contrast-mode one takes the first view of each pair as the only anchors', async () => {
    const all = await json(['ntxent', VIEWS]);
    const one = await json(['ntxent', VIEWS, '--contrast-mode', 'one']);
    const losses = all.losses as number[];
    expect(one.loss as number).toBeCloseTo((losses[0] + losses[1]) / 2, 15);
    expect((one.losses as unknown[]).slice(2)).toEqual([null, null]);
  });
  it("with one positive per row, PML's NT-Xent is xent's", async () => {
    const xentLoss = (await json(['ntxent', VIEWS])).loss as number;
    const pml = (await json(['ntxent', VIEWS, '-y', '0,1,0,1', '-t', '0.5'])).loss as number;
    expect(pml).toBeCloseTo(xentLoss, 14);
  });
  it("with several positives, PML's denominators leave the other positives out: its loss is below SupCon's", async () => {
    const rows = '1,0; 0.8,0.6; 0.6,0.8; 0,1; 0.2,0.9';
    const pml = (await json(['ntxent', rows, '-y', '0,0,0,1,1', '-t', '0.5'])).loss as number;
    const supcon = (await json(['supcon', rows, '-y', '0,0,0,1,1', '-t', '0.5'])).loss as number;
    expect(pml).toBeLessThan(supcon);
  });
  it("--labels --singletons: PML's mean over pairs leaves an anchor alone out (drop, the default); zero counts it as a term of 0", async () => {
    const rows = '1,0; 0.8,0.6; 0,1; 0.6,0.8; 0.7,0.7';
    const drop = await json(['ntxent', rows, '-y', '0,0,1,1,2', '--as', 'pml']);
    const zero = await json(['ntxent', rows, '-y', '0,0,1,1,2', '--as', 'pml', '--singletons', 'zero']);
    expect(await json(['ntxent', rows, '-y', '0,0,1,1,2', '--as', 'pml', '--singletons', 'drop'])).toEqual(drop);
    expect([drop.singletons, zero.singletons, drop.pairs, zero.pairs]).toEqual(['drop', 'zero', 4, 4]);
    expect((drop.losses as unknown[])[4]).toBeNull();
    expect((zero.losses as unknown[])[4]).toBe(0);
    // 4 pairs, 1 anchor alone: the same sum over 5 terms, its gradient 4/5 of drop's.
    expect(zero.loss as number).toBeCloseTo(((drop.loss as number) * 4) / 5, 15);
    const g = (r: Record<string, unknown>) => (r.grad as number[][]).flat();
    g(zero).forEach((v, k) => expect(v).toBeCloseTo((g(drop)[k] * 4) / 5, 14));
    // Each pair against the 3 rows of other labels: ln 4 per pair, over 4 pairs or 5 terms.
    expect(drop.chance as number).toBeCloseTo(Math.log(4), 15);
    expect(zero.chance as number).toBeCloseTo((4 * Math.log(4)) / 5, 15);
    // Without an anchor alone, zero and drop agree.
    expect((await json(['ntxent', rows, '-y', '0,0,1,1,1', '--singletons', 'zero'])).loss).toBe(
      (await json(['ntxent', rows, '-y', '0,0,1,1,1'])).loss,
    );
    const table = (await xent(['ntxent', rows, '-y', '0,0,1,1,2', '--singletons', 'zero', '-f', 'table'])).stdout;
    expect(table).toContain('no positive for row(s) 5: counted as 0 in the mean (--singletons zero)');
    expect(table).toContain('over the pairs and the 1 anchor(s) alone counted as 0');
    const dropTable = (await xent(['ntxent', rows, '-y', '0,0,1,1,2', '-f', 'table'])).stdout;
    expect(dropTable).toContain('no positive for row(s) 5: left out of the mean (null in JSON)');
    const help = (await xent(['ntxent', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('--singletons <drop|zero>');
    expect(help).toContain("drop (left out of the mean over pairs, default, as pytorch-metric-learning's NTXentLoss)");
    const zh = (await xent(['ntxent', '--help'], { env: { LANG: 'zh_CN.UTF-8' } })).stdout.replace(/\s+/g, '');
    expect(zh).toContain('drop（不计入对正样本对的平均，默认，与pytorch-metric-learning的NTXentLoss相同）');
  });
  it("--labels with a preset of a library that has no such loss is refused, not printed beside PML's", async () => {
    for (const library of ['simclr', 'supcontrast']) {
      const run = await xent(['ntxent', VIEWS, '-y', '0,1,0,1', '--as', library, '-t', '0.1']);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`${library} has no such loss: leave out --as ${library}`);
      expect(run.stderr).toContain('xent supcon --as supcontrast');
    }
    const zh = await xent(['ntxent', VIEWS, '-y', '0,1,0,1', '--as', 'supcontrast'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stderr).toContain('supcontrast 没有这种损失');
    expect((await json(['ntxent', VIEWS, '-y', '0,1,0,1', '--as', 'pml'])).temperature).toBe(0.07);
  });
  it('the default temperatures: xent 0.5 and 0.07, SimCLR 0.1, PML 0.07 and 0.1, SupContrast 0.07', async () => {
    expect((await json(['ntxent', VIEWS])).temperature).toBe(0.5);
    expect((await json(['ntxent', VIEWS, '--as', 'simclr'])).temperature).toBe(0.1);
    expect((await json(['ntxent', VIEWS, '--as', 'pml'])).temperature).toBe(0.07);
    expect((await json(['ntxent', VIEWS, '--as', 'supcontrast'])).temperature).toBe(0.07);
    expect((await json(['supcon', VIEWS, '-y', '0,1,0,1'])).temperature).toBe(0.07);
    expect((await json(['supcon', VIEWS, '-y', '0,1,0,1', '--as', 'pml'])).temperature).toBe(0.1);
  });
  it('--help lists what each preset sets', async () => {
    const help = (await xent(['ntxent', '--help'])).stdout;
    for (const text of ['simclr (τ 0.1', 'supcontrast (τ 0.07', 'pml (pytorch-metric-learning: τ 0.07'])
      expect(help).toContain(text);
    const supcon = (await xent(['supcon', '--help'])).stdout;
    for (const text of ['--base-temperature', '--contrast-mode', '--singletons', 'supcontrast (the authors'])
      expect(supcon).toContain(text);
  });
});

describe('kl as F.kl_div computes it', () => {
  const P = '0.1,0.2,0.3,0.2,0.2';
  const Q = '0.2,0.2,0.2,0.2,0.2';
  it("'mean' (PyTorch's default) is batchmean / C: 5× smaller on 5 classes", async () => {
    const batchmean = (await json(['kl', '--p', P, '--q', Q])).loss as number;
    const mean = (await json(['kl', '--p', P, '--q', Q, '-r', 'mean'])).loss as number;
    expect(batchmean / mean).toBeCloseTo(5, 13);
  });
  it('batchmean is the mean KL, and -f value prints the reduced loss only when -r is given', async () => {
    const out = await json(['kl', '--p', `${P}; ${Q}`, '--q', `${Q}; ${P}`]);
    expect(out.loss as number).toBeCloseTo(out.mean_kl as number, 15);
    expect(
      (await xent(['kl', '--p', `${P}; ${Q}`, '--q', `${Q}; ${P}`, '-f', 'value'])).stdout.trim().split('\n'),
    ).toHaveLength(2);
    const summed = await xent(['kl', '--p', `${P}; ${Q}`, '--q', `${Q}; ${P}`, '-r', 'sum', '-f', 'value']);
    expect(Number(summed.stdout)).toBeCloseTo(2 * (out.mean_kl as number), 14);
  });
  it('--log-target and --logits give the same KL as the probabilities', async () => {
    const probs = (await json(['kl', '--p', '0.25,0.75', '--q', '0.5,0.5'])).loss as number;
    const logTarget = (
      await json(['kl', '--p', `${Math.log(0.25)},${Math.log(0.75)}`, '--q', '0.5,0.5', '--log-target'])
    ).loss;
    expect(logTarget as number).toBeCloseTo(probs, 15);
    const logits = (await json(['kl', '--p', `0,${Math.log(3)}`, '--q', '1,1', '--logits'])).loss;
    expect(logits as number).toBeCloseTo(probs, 15);
  });
  it('--help names batchmean and says what mean divides by', async () => {
    const help = (await xent(['kl', '--help'])).stdout;
    const flat = help.replace(/\s+/g, ' ');
    expect(flat).toContain('batchmean (Σ / N rows');
    expect(flat).toContain("mean (PyTorch's default: Σ / (N·C) elements");
  });
});

describe('errors, in both languages', () => {
  it.each([
    [
      ['ntxent', VIEWS, '--as', 'hf'],
      "xent: error: xent ntxent has no preset 'hf': that library has no such loss here; --as takes simclr, supcontrast, pml\nTry 'xent ntxent --help'.",
      "xent: 错误：xent ntxent 没有预设“hf”：该库在这里没有这种损失；--as 可取 simclr、supcontrast、pml\n请运行 'xent ntxent --help' 查看用法。",
    ],
    [
      ['supcon', VIEWS, '-y', '0,1,0,1', '--as', 'foo'],
      "xent: error: option --as takes one of supcontrast, pml, got 'foo'\nTry 'xent supcon --help'.",
      "xent: 错误：选项 --as 只能取 supcontrast、pml 之一，收到的是“foo”\n请运行 'xent supcon --help' 查看用法。",
    ],
    [
      ['supcon', '1,0;0,1;1,1', '-y', '0,0,1', '--contrast-mode', 'one'],
      "xent: error: --contrast-mode one with 2 views needs a number of rows that 2 divides, got 3\nTry 'xent supcon --help'.",
      "xent: 错误：--contrast-mode one 配合 2 个视图时，行数必须能被 2 整除，而这里有 3 行\n请运行 'xent supcon --help' 查看用法。",
    ],
    [
      ['ntxent', VIEWS, '-y', '0,1,0,1', '--pairs', 'adjacent'],
      "xent: error: --labels (pytorch-metric-learning's multi-positive NT-Xent) sets the positives and the anchors itself, and takes no --pairs: leave it out\nTry 'xent ntxent --help'.",
      "xent: 错误：--labels（pytorch-metric-learning 的多正样本 NT-Xent）自行决定正样本与锚点，不接受 --pairs：请去掉它\n请运行 'xent ntxent --help' 查看用法。",
    ],
    [
      ['ntxent', VIEWS, '--singletons', 'zero'],
      "xent: error: --singletons is for --labels: without labels every row has its one partner, so no anchor is alone\nTry 'xent ntxent --help'.",
      "xent: 错误：--singletons 只用于 --labels：没有标签时每一行都恰有一个配对的视图，不存在落单的锚点\n请运行 'xent ntxent --help' 查看用法。",
    ],
    [
      ['ntxent', VIEWS, '-y', '0,1,0,1', '--singletons', 'all'],
      "xent: error: option --singletons takes one of drop, zero, got 'all'\nTry 'xent ntxent --help'.",
      "xent: 错误：选项 --singletons 只能取 drop、zero 之一，收到的是“all”\n请运行 'xent ntxent --help' 查看用法。",
    ],
    [
      ['kl', '--p', '1,2', '--q', '2,1', '--logits', '--log-target'],
      "xent: error: --logits and --log-target say two things of --p: give one\nTry 'xent kl --help'.",
      "xent: 错误：--logits 与 --log-target 对 --p 的说法相互矛盾：只能给出其中一个\n请运行 'xent kl --help' 查看用法。",
    ],
    [
      ['kl', '--p', '0.5,0.5', '--q', '0.5,0.5', '-t', '2'],
      "xent: error: -t divides logits: give it with --logits (probabilities have no temperature here)\nTry 'xent kl --help'.",
      "xent: 错误：-t 把 logit 除以温度：请与 --logits 一起给出（概率在这里没有温度可言）\n请运行 'xent kl --help' 查看用法。",
    ],
  ])('%j', async (argv, en, zh) => {
    await expectErrorInBothLanguages(argv, en, zh);
  });
});

describe('ce and bce as Keras and the tutorials compute them', () => {
  const LOGITS = '2,0.5,-1; 0.3,1.8,0.2';
  it('-f value gives the same loss as JSON with --sample-weight and ε/(C − 1) (no streamed shortcut)', async () => {
    for (const options of [
      ['--sample-weight', '1,3'],
      ['--label-smoothing', '0.2', '--smoothing-style', 'others'],
    ]) {
      const out = await json(['ce', LOGITS, '-y', '0,1', ...options]);
      const value = await xent(['ce', LOGITS, '-y', '0,1', ...options, '-f', 'value']);
      expect(Number(value.stdout)).toBe(out.loss);
    }
  });
  it("sample weights: mean is Σ w·loss / N (Keras), not PyTorch's Σ / Σ w", async () => {
    const plain = await json(['ce', LOGITS, '-y', '0,1', '-r', 'none']);
    const weighted = await json(['ce', LOGITS, '-y', '0,1', '--sample-weight', '1,3']);
    const [a, b] = plain.losses as number[];
    expect(weighted.loss as number).toBeCloseTo((a + 3 * b) / 2, 15);
  });
  it('ε/(C − 1): the smoothed targets in JSON', async () => {
    const out = await json(['ce', LOGITS, '-y', '0,1', '--label-smoothing', '0.1', '--smoothing-style', 'others']);
    expect(out.target_probs).toEqual([
      [0.9, 0.05, 0.05],
      [0.05, 0.9, 0.05],
    ]);
  });
  it('--hessian: each row block is diag(p) − p·pᵀ over the rows, and is symmetric', async () => {
    const out = await json(['ce', '0,0; 1,2', '-y', '0,1', '--hessian']);
    const [first] = out.hessian as number[][][];
    expect(first).toEqual([
      [0.125, -0.125],
      [-0.125, 0.125],
    ]);
  });
  it('bce --per-row: -r sum adds the rows’ means (Keras), not every element', async () => {
    const elements = await json(['bce', '2,-1,0.5; -3,4,0', '--targets', '1,0,1; 0,1,0', '-r', 'sum']);
    const rows = await json(['bce', '2,-1,0.5; -3,4,0', '--targets', '1,0,1; 0,1,0', '-r', 'sum', '--per-row']);
    expect(rows.loss as number).toBeCloseTo((elements.loss as number) / 3, 15);
  });
  it.each([
    [
      ['ce', LOGITS, '-y', '0,1', '--sample-weight', '1,2,3'],
      "xent: error: --sample-weight has 3 weights for 2 rows: give one per row\nTry 'xent ce --help'.",
      "xent: 错误：--sample-weight 给了 3 个权重，但有 2 行：请每行给一个\n请运行 'xent ce --help' 查看用法。",
    ],
    [
      ['ce', LOGITS, '-y', '0,1', '--smoothing-style', 'keras'],
      "xent: error: option --smoothing-style takes one of torch, others, got 'keras'\nTry 'xent ce --help'.",
      "xent: 错误：选项 --smoothing-style 只能取 torch、others 之一，收到的是“keras”\n请运行 'xent ce --help' 查看用法。",
    ],
  ])('%j', async (argv, en, zh) => {
    await expectErrorInBothLanguages(argv, en, zh);
  });
});

describe("clip: open_clip's local_loss and several positives", () => {
  const IMAGES = '1,0; 0.6,0.8; 0.2,0.9; 0.5,0.5; -0.3,1; 0.9,-0.4';
  const TEXTS = '0.9,0.1; 0,1; 0.5,0.5; 1,0.2; -0.1,0.8; 0.7,-0.2';
  it('the mean of the ranks’ local losses is the whole batch’s loss', async () => {
    const whole = (await json(['clip', '--image', IMAGES, '--text', TEXTS, '-s', '10'])).loss as number;
    let sum = 0;
    for (const rank of ['0', '1', '2'])
      sum += (await json(['clip', '--image', IMAGES, '--text', TEXTS, '-s', '10', '--world-size', '3', '--rank', rank]))
        .loss as number;
    expect(sum / 3).toBeCloseTo(whole, 14);
  });
  it('a rank’s two logits matrices with --text-logits and --label-offset give the same loss', async () => {
    const rank = await json([
      'clip',
      '--image',
      IMAGES,
      '--text',
      TEXTS,
      '-s',
      '10',
      '--world-size',
      '3',
      '--rank',
      '1',
    ]);
    const matrix = (m: unknown) => (m as number[][]).map((r) => r.join(',')).join(';');
    const logits = await json([
      'clip',
      matrix(rank.logits_per_image),
      '--text-logits',
      matrix(rank.logits_per_text),
      '--label-offset',
      '2',
    ]);
    expect(logits.loss as number).toBeCloseTo(rank.loss as number, 14);
  });
  it('distinct labels are the diagonal; shared labels average over the positives', async () => {
    const logits = '2,0.5,-1; 0.3,1.8,0.2; -0.5,0.4,1.5';
    const plain = await json(['clip', logits]);
    const distinct = await json(['clip', logits, '-y', '5,6,7']);
    expect(distinct.loss).toBe(plain.loss);
    const shared = await json(['clip', logits, '-y', '0,1,1']);
    const p = Math.exp(1.8) / (Math.exp(0.3) + Math.exp(1.8) + Math.exp(0.2));
    const q = Math.exp(0.2) / (Math.exp(0.3) + Math.exp(1.8) + Math.exp(0.2));
    expect((shared.losses_i2t as number[])[1]).toBeCloseTo(-(Math.log(p) + Math.log(q)) / 2, 14);
  });
  it.each([
    [
      ['clip', '--image', IMAGES, '--text', TEXTS, '--world-size', '4', '--rank', '0'],
      "xent: error: --world-size 4 must divide the batch: --image has 6 rows and --text 6, the same number, n per rank\nTry 'xent clip --help'.",
      "xent: 错误：--world-size 4 必须整除批次：--image 有 6 行，--text 有 6 行，两者应相同，每个进程 n 行\n请运行 'xent clip --help' 查看用法。",
    ],
    [
      ['clip', '--image', IMAGES, '--text', TEXTS, '--world-size', '3'],
      "xent: error: --world-size and --rank go together, with --image and --text holding the whole batch\nTry 'xent clip --help'.",
      "xent: 错误：--world-size 与 --rank 需一起给出，并配合存放整个批次的 --image 与 --text\n请运行 'xent clip --help' 查看用法。",
    ],
    [
      ['clip', '1,2,3', '--text-logits', '1,2,3', '--label-offset', '3'],
      "xent: error: option --label-offset 3 puts the positive of row 1 past the 3 columns: it takes a whole number from 0 to M − n\nTry 'xent clip --help'.",
      "xent: 错误：选项 --label-offset 3 使第 1 行的正样本超出了 3 列：它取 0 到 M − n 之间的整数\n请运行 'xent clip --help' 查看用法。",
    ],
    [
      ['clip', '1,2;3,4', '-y', '0,1,2'],
      "xent: error: --labels has 3 labels for 2 pairs: give one per pair\nTry 'xent clip --help'.",
      "xent: 错误：--labels 给了 3 个标签，但有 2 对：请每对给一个\n请运行 'xent clip --help' 查看用法。",
    ],
  ])('%j', async (argv, en, zh) => {
    await expectErrorInBothLanguages(argv, en, zh);
  });
});
