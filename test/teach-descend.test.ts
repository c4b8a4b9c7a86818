import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromRows } from '../src/core/matrix.js';
import { descendClipEmbeddings, descendClipMatrix, descendCrossEntropy } from '../src/ops/descend/kernel.js';
import { xent } from './helpers/cli.js';

const logit = fc.double({ min: -5, max: 5, noNaN: true });

/** Non-increasing, allowing for the last bits of rounding. */
function expectFalling(losses: number[]): void {
  for (let k = 1; k < losses.length; k++) expect(losses[k]).toBeLessThanOrEqual(losses[k - 1] + 1e-12);
}

describe('descent makes the loss fall, for a small enough rate', () => {
  // The Hessian of a mean softmax cross-entropy w.r.t. the logits has norm ≤ 1/2, so any
  // lr ≤ 2 decreases it (for CLIP, ≤ 1/2 per direction too): lr = 1 is safe, and so is the default.
  it('ce on random logits and targets', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 4 })
          .chain((rows) =>
            fc
              .integer({ min: 2, max: 5 })
              .chain((cols) =>
                fc.tuple(
                  fc.array(fc.array(logit, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
                  fc.array(fc.integer({ min: 0, max: cols - 1 }), { minLength: rows, maxLength: rows }),
                  fc.double({ min: 0.01, max: 1, noNaN: true }),
                ),
              ),
          ),
        ([rows, targets, lr]) => {
          const trajectory = descendCrossEntropy(fromRows(rows), targets, lr, 8);
          expect(trajectory).toHaveLength(9);
          expectFalling(trajectory.map((p) => p.loss));
        },
      ),
      { numRuns: 200 },
    );
  });
  it('clip on random square matrices', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 5 })
          .chain((n) =>
            fc.tuple(
              fc.array(fc.array(logit, { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
              fc.double({ min: 0.01, max: 1, noNaN: true }),
            ),
          ),
        ([rows, lr]) => expectFalling(descendClipMatrix(fromRows(rows), 1, lr, 8).map((p) => p.loss)),
      ),
      { numRuns: 200 },
    );
  });
  it('the positive pair is pulled up and the negatives pushed down', () => {
    const t = descendCrossEntropy(fromRows([[2, 0.5, -1]]), [0], 1, 5);
    expect(t[0].loss).toBeCloseTo(0.2413, 4);
    expect(t[1].loss).toBeCloseTo(0.1737, 4);
    expect(t[5].positive).toBeGreaterThan(t[0].positive);
    expect(t[5].negative).toBeLessThan(t[0].negative);
    const c = descendClipMatrix(
      fromRows([
        [2, 0.5, -1],
        [0.3, 1.8, 0.2],
        [-0.5, 0.4, 1.5],
      ]),
      1,
      1,
      3,
    );
    expect(c.map((p) => Number(p.loss.toFixed(4)))).toEqual([0.3227, 0.2846, 0.2538, 0.2286]);
  });
  it('embeddings: the similarities of the pairs rise', () => {
    const t = descendClipEmbeddings(
      fromRows([
        [1, 0],
        [0.6, 0.8],
      ]),
      fromRows([
        [0.9, 0.1],
        [0, 1],
      ]),
      10,
      true,
      0.1,
      5,
    );
    expect(t[5].loss).toBeLessThan(t[0].loss);
    expect(t[5].negative).toBeLessThan(t[0].negative);
  });
});

describe('xent descend', () => {
  it('ce from -y: a table per step', async () => {
    const r = await xent(['descend', '2', '0.5', '-1', '-y', '0', '-f', 'table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Gradient descent on the cross-entropy (lr = 1, 5 steps)');
    expect(r.stdout).toContain('│ 1    │ 0.1737  │ 0.8405  ██████▊  │      2.2144  │     -0.3572  │');
    expect(r.stdout).toMatch(/\nloss +0\.2413 → 0\.0821\n/);
    expect(r.stdout).toContain("change of the target's logit");
  });
  it('csv: one row per step with a header, ready to plot', async () => {
    const r = await xent(['descend', '--example', '--steps', '3', '-f', 'csv']);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('step,loss,p_positive,positive,negative');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['0', '1', '2', '3']);
    expect(lines.slice(1).map((l) => Number(l.split(',')[1]).toFixed(4))).toEqual([
      '0.3227',
      '0.2846',
      '0.2538',
      '0.2286',
    ]);
  });
  it('json: the whole trajectory', async () => {
    const r = await xent([
      'descend',
      '2,0.5,-1; 0.3,1.8,0.2',
      '-y',
      '0,2',
      '--lr',
      '0.5',
      '--steps',
      '10',
      '-f',
      'json',
    ]);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ command: 'descend', loss_function: 'ce', lr: 0.5, steps: 10, targets: [0, 2] });
    expect(json.trajectory).toHaveLength(11);
    expect(json.trajectory[0].logits).toEqual([
      [2, 0.5, -1],
      [0.3, 1.8, 0.2],
    ]);
    expect(json.loss).toBe(json.trajectory[10].loss);
  });
  it('clip on embeddings', async () => {
    const r = await xent(['descend', '--image', '1,0; 0.6,0.8', '--text', '0.9,0.1; 0,1', '-s', '10', '-f', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).trajectory[0].similarity).toHaveLength(2);
  });
  it('--expect checks the final loss', async () => {
    expect((await xent(['descend', '2', '0.5', '-1', '-y', '0', '--expect', '0.082'])).code).toBe(0);
  });
  it('a diverging descent stops at its last finite step, and says so in every format', async () => {
    for (const [lang, warning] of [
      [
        'en',
        'xent: warning: the descent stopped after step 0 of 5: the next step goes beyond the largest double (about 1.8e308); try a smaller --lr than 1\n',
      ],
      [
        'zh',
        'xent: 警告：梯度下降在第 0 步（共 5 步）后停止：下一步会超出双精度浮点数的最大值（约 1.8e308）；请试试比 1 更小的 --lr\n',
      ],
    ]) {
      // scale 1/τ ≈ 1.8e308: the first step moves the logits to ±4.5e307, and scale × that overflows.
      const r = await xent(['descend', '-t', '5.56268464626801e-309', '-f', 'tsv', '-L', lang, '--', '0,0; 0,0']);
      expect(r).toEqual({
        code: 0,
        stdout: 'step\tloss\tp_positive\tpositive\tnegative\n0\t0.6931471805599453\t0.5\t0\t0\n',
        stderr: warning,
      });
    }
    // Embeddings whose raw dot products overflow after a step; and logits that do under ce.
    const embeddings = await xent([
      'descend',
      '--image',
      '1,0; 0,1',
      '--text',
      '1e153,0; 0,1',
      '--no-normalize',
      '--lr',
      '1e160',
      '-f',
      'tsv',
    ]);
    expect(embeddings.stderr).toMatch(/^xent: warning: the descent stopped after step 0 of 5/);
    expect(embeddings.stdout).not.toMatch(/nan/);
    // The target's logit 1e308 rises by lr·(1 − p) = 1e308: beyond a double.
    const ce = await xent(['descend', '-y', '1', '--lr', '1e308', '-f', 'tsv', '--', '1.5e308', '1e308']);
    expect(ce.stderr).toMatch(/^xent: warning: the descent stopped after step 0 of 5/);
    expect(ce.stdout.trim().split('\n')).toHaveLength(2);
  });
  it.each([
    [['descend', '1,2,3; 4,5,6'], 'xent: error: xent descend needs -y LIST for a 2×3 matrix'],
    [
      ['descend', '1', '2', '-y', '0', '--steps', '0'],
      "xent: error: --steps takes a whole number from 1 to 10000, got '0'",
    ],
    [['descend', '1', '2', '-y', '0', '--lr', '-1'], 'xent: error: '],
    [
      ['descend', '1,2; 3,4', '-y', '0,1', '--loss', 'clip'],
      'xent: error: clip needs no -y: the positive pairs are the diagonal',
    ],
    [['descend', '1,2; 3,4', '--loss', 'kl'], 'xent: error: '],
  ])('%j: exit 2', async (argv, message) => {
    const r = await xent(argv);
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(message)).toBe(true);
  });
});
