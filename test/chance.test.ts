// "Is my loss normal?": every loss command reports its chance level (the loss of a model that
// knows nothing) and the loss as a fraction of it, in the unit of --base.
import { describe, expect, it } from 'vitest';
import { xent } from './helpers/cli.js';

async function json(argv: string[]): Promise<Record<string, unknown>> {
  const r = await xent([...argv, '-f', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

const zeros = (rows: number, cols: number) =>
  Array.from({ length: rows }, () => Array.from({ length: cols }, () => '0').join(',')).join(';');

describe('the chance level is the loss of equal logits', () => {
  // The general rule: whatever the options, a model that knows nothing scores the chance level.
  it.each([
    ['ce', ['ce', zeros(3, 4), '-y', '0,3,1']],
    ['ce weighted, smoothed', ['ce', zeros(3, 4), '-y', '0,3,1', '-w', '1,2,3,0.5', '--label-smoothing', '0.2']],
    ['ce sum', ['ce', zeros(3, 4), '-y', '0,3,1', '-w', '1,2,3,0.5', '-r', 'sum']],
    ['ce soft targets', ['ce', zeros(2, 3), '--target-probs', '0.2,0.3,0.5; 1,0,0', '-w', '1,2,3']],
    ['ce ignored row', ['ce', zeros(3, 2), '-y', '0,-100,1']],
    ['bce', ['bce', zeros(2, 3), '--targets', '1,0,1; 0,0,1', '--pos-weight', '2,1,3']],
    ['focal sigmoid', ['focal', zeros(2, 3), '--targets', '1,0,1; 0,0,1']],
    ['focal softmax', ['focal', zeros(2, 3), '-y', '0,2', '--alpha', '0.25,0.5,1']],
    ['hinge ww', ['hinge', zeros(2, 3), '-y', '0,2']],
    [
      'hinge torch',
      ['hinge', zeros(2, 3), '-y', '0,2', '--style', 'torch', '--p', '2', '--margin', '0.5', '-w', '1,2,3'],
    ],
    ['hinge cs', ['hinge', zeros(2, 3), '-y', '0,2', '--style', 'cs']],
    ['distill', ['distill', '--student', zeros(2, 3), '--teacher', '1,2,3; 0,0,5', '-t', '2']],
    [
      'distill with labels',
      ['distill', '--student', zeros(2, 3), '--teacher', '1,2,3; 0,0,5', '-y', '0,2', '--alpha', '0.3'],
    ],
    ['clip', ['clip', zeros(5, 5)]],
    ['siglip (logits)', ['siglip', zeros(3, 3)]],
    [
      'siglip (orthogonal embeddings: logits = b)',
      ['siglip', '--image', '1,0,0,0; 0,1,0,0', '--text', '0,0,1,0; 0,0,0,1', '-b', '-3'],
    ],
    ['ntxent (one direction for every row)', ['ntxent', '1,1; 1,1; 1,1; 1,1; 1,1; 1,1']],
    ['supcon', ['supcon', '1,1; 1,1; 1,1; 1,1; 1,1', '-y', '0,0,1,1,1']],
    ['ce with sample weights', ['ce', zeros(3, 4), '-y', '0,3,1', '--sample-weight', '1,2,0.5', '-w', '1,2,3,4']],
    ['ce, ε/(C − 1)', ['ce', zeros(3, 4), '-y', '0,3,1', '--label-smoothing', '0.3', '--smoothing-style', 'others']],
    [
      'bce per row, smoothed',
      ['bce', zeros(2, 3), '--targets', '1,0,1; 0,0,1', '--per-row', '-r', 'sum', '--label-smoothing', '0.2'],
    ],
    ['clip with labels', ['clip', zeros(4, 4), '-y', '0,0,1,2']],
    [
      'siglip with labels',
      [
        'siglip',
        '--image',
        '1,0,0,0,0; 0,1,0,0,0; 0,0,1,0,0',
        '--text',
        '0,0,0,1,0; 0,0,0,0,1; 0,0,0,0,1',
        '-y',
        '0,0,1',
      ],
    ],
    ['ntxent, PML with labels', ['ntxent', '1,1; 1,1; 1,1; 1,1; 1,1', '-y', '0,0,1,1,1']],
    ['ntxent, SupContrast', ['ntxent', '1,1; 1,1; 1,1; 1,1', '--as', 'supcontrast']],
    ['ntxent, contrast mode one', ['ntxent', '1,1; 1,1; 1,1; 1,1', '--contrast-mode', 'one']],
    [
      'supcon, SupContrast (a singleton as 0, τ/τ_b)',
      ['supcon', '1,1; 1,1; 1,1; 1,1; 1,1', '-y', '0,0,1,1,2', '--as', 'supcontrast', '-t', '0.1'],
    ],
    ['kl-free distill at T = 1', ['distill', '--student', zeros(2, 2), '--teacher', '1,2; 3,1', '-t', '1']],
  ])('%s', async (_name, argv) => {
    const out = await json(argv);
    const loss = (out.loss ?? mean(out.losses as number[])) as number;
    expect(out.chance as number).toBeCloseTo(loss, 13);
    expect(out.loss_over_chance as number).toBeCloseTo(1, 13);
  });
});

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

describe('the figures people quote', () => {
  it('ce: ln C, and log₂ C in bits', async () => {
    expect((await json(['ce', '2,0.5,-1; 0.3,1.8,0.2', '-y', '0,1'])).chance).toBe(Math.log(3));
    expect((await json(['ce', '2,0.5,-1; 0.3,1.8,0.2', '-y', '0,1', '--base', '2'])).chance).toBeCloseTo(
      Math.log2(3),
      15,
    );
  });
  it('clip: "my CLIP loss is stuck at 4.85" is ln 128', async () => {
    const out = await json(['clip', zeros(128, 128)]);
    expect(out.chance).toBe(Math.log(128));
    expect((out.chance as number).toFixed(2)).toBe('4.85');
  });
  it('ntxent: ln(2N − 1)', async () => {
    expect((await json(['ntxent', '1,0; 0,1; 0.9,0.2; 0.1,1'])).chance).toBe(Math.log(3));
  });
  it('siglip: ≈ 10 at open_clip’s initial bias −10', async () => {
    const out = await json(['siglip', '--image', '1,0; 0.6,0.8', '--text', '0.9,0.1; 0,1']);
    expect(out.chance as number).toBeCloseTo(Math.log1p(Math.exp(10)) + Math.log1p(Math.exp(-10)), 12);
  });
  it('the fraction is the same number in every unit', async () => {
    const nats = await json(['ce', '2,0.5,-1; 0.3,1.8,0.2', '-y', '0,1']);
    const bits = await json(['ce', '2,0.5,-1; 0.3,1.8,0.2', '-y', '0,1', '--base', '2']);
    expect(bits.loss_over_chance as number).toBeCloseTo(nats.loss_over_chance as number, 14);
  });
  it('every target ignored: no chance level (null), as no mean loss', async () => {
    const out = await json(['ce', '1,2;3,4', '-y', '-100,-100', '-r', 'none']);
    expect(out.chance).toBeNull();
    expect(out.loss_over_chance).toBeNull();
  });
});

describe('the table shows it, in both languages', () => {
  it('English', async () => {
    const r = await xent(['clip', '--example', '-f', 'table']);
    expect(r.stdout).toMatch(/chance level +1\.0986\nloss ÷ chance level +0\.2937/);
    expect(r.stdout).toContain('chance level: ln N = ln 3 for equal logits (a model that knows nothing)');
  });
  it('Chinese, in bits', async () => {
    const r = await xent(['ce', '2,0.5,-1; 0.3,1.8,0.2', '-y', '0,1', '-f', 'table', '--base', '2'], {
      env: { LANG: 'zh_CN.UTF-8' },
    });
    expect(r.stdout).toMatch(/随机水平 \[比特\] +1\.5850/);
    expect(r.stdout).toContain(
      '随机水平：logit 全部相等时每行 log₂ C = log₂ 3，按损失的方式加权（一个什么都不知道的模型）',
    );
  });
});
