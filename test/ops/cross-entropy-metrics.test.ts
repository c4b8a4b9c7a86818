// ce --top-k: the share of rows whose target is among the k most probable classes. It is
// the computation behind clip's Recall@K (src/ops/cross-entropy/metrics.ts), so the two must agree.
import { describe, expect, it } from 'vitest';
import { fromRows } from '../../src/core/matrix.js';
import { topKAccuracy } from '../../src/ops/cross-entropy/metrics.js';
import { xent, expectErrorInBothLanguages } from '../helpers/cli.js';

const zhEnv = { LANG: 'zh_CN.UTF-8' };
type Json = Record<string, unknown>;

async function run(argv: string[]): Promise<Json> {
  const r = await xent([...argv, '-f', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Json;
}

// Ranks by hand: row 1's target 0 (2) is first; row 2's target 0 (0.3) is second after
// 1.8; row 3's target 1 (2) is second after 3.
const LOGITS = '2,0.5,-1; 0.3,1.8,0.2; 1,2,3';

describe('ce --top-k', () => {
  it('top-1 = 1/3, top-2 = 1, top-3 = 1 (JSON topk keyed by k)', async () => {
    const out = await run(['ce', LOGITS, '-y', '0,0,1', '--top-k', '1,2,3']);
    expect(out.topk).toEqual({ '1': 1 / 3, '2': 1, '3': 1 });
    expect(out.accuracy).toBe(1 / 3);
  });

  it('by default only top-1, which is the accuracy', async () => {
    const out = await run(['ce', LOGITS, '-y', '0,0,1']);
    expect(out.topk).toEqual({ '1': 1 / 3 });
  });

  it('without 1 in the list, the accuracy is still there, and the keys follow the order given, once each', async () => {
    const out = await run(['ce', LOGITS, '-y', '0,0,1', '--top-k', '3,2,2']);
    expect(out.topk).toEqual({ '3': 1, '2': 1 });
    expect(Object.keys(out.topk as object)).toEqual(['2', '3']); // JSON orders integer keys ascending
    expect(out.accuracy).toBe(1 / 3);
  });

  it('a tie with the target counts against it', async () => {
    // row 1: classes 0 and 1 tie at the top; the target 0 is not top-1, but is top-2
    const out = await run(['ce', '1,1,0', '-y', '0', '--top-k', '1,2']);
    expect(out.topk).toEqual({ '1': 0, '2': 1 });
  });

  it('ignored rows are left out; soft targets count their most probable class', async () => {
    const ignored = await run(['ce', LOGITS, '-y', '0,-100,1', '--top-k', '1,2']);
    expect(ignored.topk).toEqual({ '1': 0.5, '2': 1 });
    const soft = await run(['ce', LOGITS, '--target-probs', '0.8,0.1,0.1; 0.1,0.1,0.8; 0.3,0.3,0.4', '--top-k', '1,2']);
    // targets 0, 2, 2: row 1 first; row 2's class 2 (0.2) third; row 3's class 2 (3) first
    expect(soft.topk).toEqual({ '1': 2 / 3, '2': 2 / 3 });
  });

  it('--probs ranks the given probabilities; --one-based changes the targets, not k', async () => {
    const out = await run(['ce', '0.2,0.5,0.3', '--probs', '-y', '3', '--one-based', '--top-k', '1,2']);
    expect(out.topk).toEqual({ '1': 0, '2': 1 });
  });

  it('is the same computation as clip Recall@K (image → text = rows, targets on the diagonal)', async () => {
    const m = '2,0.5,-1,0,0.1; 0.3,1.8,0.2,2,0; -0.5,0.4,1.5,0,0; 1,1,1,0.2,3; 0,0,2,1,0.5';
    const clip = await run(['clip', m]);
    const ce = await run(['ce', m, '-y', 'diag', '--top-k', '1,5']);
    expect(ce.topk).toEqual(clip.recall_i2t);
    expect(
      topKAccuracy(
        fromRows([
          [2, 1, 0],
          [0, 1, 2],
        ]),
        [0, 1],
        [1, 2],
      ),
    ).toEqual(
      new Map([
        [1, 0.5],
        [2, 1],
      ]),
    );
  });

  it('the table shows a line per k > 1, in both languages', async () => {
    const r = await xent(['ce', LOGITS, '-y', '0,0,1', '--top-k', '1,2', '-f', 'table']);
    expect(r.stdout).toMatch(/\naccuracy \(arg-max = target\) +0\.3333\n/);
    expect(r.stdout).toMatch(/\ntop-2 accuracy \(target among the 2 most probable\) +1\.0000\n/);
    const zh = await xent(['ce', LOGITS, '-y', '0,0,1', '--top-k', '1,2', '-f', 'table'], { env: zhEnv });
    expect(zh.stdout).toMatch(/\ntop-2 准确率（目标位于概率最大的 2 个类别之中） +1\.0000\n/);
  });

  const errors: [string, string[], string, string][] = [
    [
      'k larger than the number of classes',
      ['ce', LOGITS, '-y', '0,0,1', '--top-k', '1,5'],
      "xent: error: option --top-k: top-5 accuracy needs at least 5 classes, but there are 3 (every row would count as a hit)\nTry 'xent ce --help'.",
      "xent: 错误：选项 --top-k：top-5 准确率至少需要 5 个类别，但只有 3 个（每一行都会算作命中）\n请运行 'xent ce --help' 查看用法。",
    ],
    [
      'k = 0',
      ['ce', LOGITS, '-y', '0,0,1', '--top-k', '0'],
      "xent: error: option --top-k takes whole numbers ≥ 1, got '0'\nTry 'xent ce --help'.",
      "xent: 错误：选项 --top-k 需要 ≥ 1 的整数，收到的是“0”\n请运行 'xent ce --help' 查看用法。",
    ],
    [
      'k not whole',
      ['ce', LOGITS, '-y', '0,0,1', '--top-k', '1,2.5'],
      "xent: error: option --top-k takes whole numbers ≥ 1, got '2.5'\nTry 'xent ce --help'.",
      "xent: 错误：选项 --top-k 需要 ≥ 1 的整数，收到的是“2.5”\n请运行 'xent ce --help' 查看用法。",
    ],
  ];

  it.each(errors)('error: %s', async (_name, argv, en, zh) => {
    await expectErrorInBothLanguages(argv, en, zh);
  });
});
