import { COMMANDS } from '../src/commands/index.js';
import { describe, expect, it } from 'vitest';
import { xent } from './helpers/cli.js';
import { expectGolden } from './helpers/golden.js';
import { wrap } from '../src/format/wrap.js';
import { displayWidth } from '../src/format/width.js';
import { runCli } from '../src/cli/run.js';

const CLIP3 = '2,0.5,-1; 0.3,1.8,0.2; -0.5,0.4,1.5';

/** Colour off (a pipe), English unless told. */
async function run(argv: string[], lang = 'en') {
  return xent([...argv, '--lang', lang]);
}

describe('--explain: golden derivations in both languages', () => {
  it.each([
    ['softmax', ['softmax', '2', '0.5', '-1', '--explain']],
    ['softmax-temperature', ['softmax', '2,0.5,-1; 1000,0,-1000', '-t', '2', '--explain', '--row', '2']],
    ['ce', ['ce', '2,0.5,-1', '-y', '0', '--explain']],
    [
      'ce-options',
      [
        'ce',
        '2,0.5,-1; 0.3,1.8,0.2',
        '-y',
        '0,2',
        '-w',
        '1,1,3',
        '--label-smoothing',
        '0.1',
        '--explain',
        '--row',
        '2',
      ],
    ],
    ['clip', ['clip', CLIP3, '--explain']],
    ['clip-scale', ['clip', CLIP3, '-s', '2', '--explain', '--row', '3']],
    // Several positives: every pair of one label (row 1 has two, text→image likewise).
    ['clip-labels', ['clip', CLIP3, '--labels', '0,0,1', '--explain']],
    [
      'clip-labels-embeddings',
      [
        'clip',
        '--image',
        '1,0; 0.6,0.8; 0,1',
        '--text',
        '0.9,0.1; 0,1; 0.2,0.9',
        '--labels',
        '7,3,7',
        '-s',
        '5',
        '--explain',
        '--row',
        '3',
        '--base',
        '2',
      ],
    ],
    // One rank of open_clip's local_loss: its n rows of the batch, the positive in column offset + i.
    [
      'clip-local',
      [
        'clip',
        '--image',
        '1,0; 0.6,0.8; 0.2,0.9; 0.5,0.5; -0.3,1; 0.9,-0.4',
        '--text',
        '0.9,0.1; 0,1; 0.5,0.5; 1,0.2; -0.1,0.8; 0.7,-0.2',
        '--world-size',
        '3',
        '--rank',
        '1',
        '-s',
        '10',
        '--explain',
        '--row',
        '2',
      ],
    ],
    [
      'clip-local-logits',
      ['clip', '2,0.5,-1,0.3', '--text-logits', '1,0,0.4,-2', '--label-offset', '2', '--base', '2', '--explain'],
    ],
    ['bce', ['bce', '2,-1,0.5; -3,4,0', '--targets', '1,0,1; 0,1,0', '--pos-weight', '3,1,1', '--explain']],
    ['bce-probs', ['bce', '0.9,0.2; 0.4,0.7', '--probs', '--targets', '1,0; 0.5,1', '--base', '2', '--explain']],
    ['entropy', ['entropy', '0.5,0.25,0.25; 1,0,0', '--base', '2', '--explain']],
    ['kl', ['kl', '--p', '0.7,0.2,0.1; 1,0,0', '--q', '0.6,0.3,0.1; 0.8,0.2,0', '--explain', '--row', '2']],
    ['siglip', ['siglip', '--image', '1,0; 0.6,0.8', '--text', '0.9,0.1; 0,1', '--explain']],
    ['siglip-logits', ['siglip', '5,-12; -9,3', '--base', '2', '--explain', '--row', '2']],
    ['ntxent', ['ntxent', '1,0; 0,1; 0.9,0.2; 0.1,1', '-t', '0.5', '--explain', '--row', '2']],
    ['supcon', ['supcon', '1,0; 0.8,0.6; 0,1; 0.6,0.8', '--labels', '0,0,1,1', '-t', '0.5', '--explain']],
    ['supcon-none', ['supcon', '1,0; 0.8,0.6; 0,1', '-y', '0,0,1', '-t', '0.1', '--explain', '--row', '3']],
    // Other libraries' conventions, derived with the row's numbers too.
    ['ce-sample-weight', ['ce', '2,0.5,-1; 0.3,1.8,0.2', '-y', '0,2', '--sample-weight', '2,0.5', '--explain']],
    [
      'ntxent-supcontrast',
      [
        'ntxent',
        '1,0; 0,1; 0.9,0.2; 0.1,1',
        '-t',
        '0.5',
        '--base-temperature',
        '0.07',
        '--contrast-mode',
        'one',
        '--no-normalize',
        '--explain',
      ],
    ],
    [
      'ntxent-simclr-second-view',
      ['ntxent', '1,0; 0,1; 0.9,0.2; 0.1,1', '--as', 'simclr', '--contrast-mode', 'one', '--explain', '--row', '3'],
    ],
    [
      'ntxent-pml',
      ['ntxent', '1,0; 0.8,0.6; 0,1; 0.6,0.8; 0.7,0.7', '-y', '0,0,1,1,1', '--as', 'pml', '--explain', '--row', '3'],
    ],
    [
      'supcon-supcontrast',
      ['supcon', '1,0; 0.8,0.6; 0,1; 0.6,0.8', '-y', '0,0,1,1', '--as', 'supcontrast', '-t', '0.1', '--explain'],
    ],
    [
      'supcon-singletons-zero',
      ['supcon', '1,0; 0.8,0.6; 0,1', '-y', '0,0,1', '--singletons', 'zero', '--explain', '--row', '3'],
    ],
    ['kl-logits-mean', ['kl', '--p', '3,1,-2', '--q', '2,0.5,-1', '--logits', '-t', '4', '-r', 'mean', '--explain']],
    [
      'kl-log-target-sum',
      [
        'kl',
        '--p',
        '-0.6931471805599453,-0.6931471805599453; -0.1053605156578263,-2.3025850929940455',
        '--q',
        '0.9,0.1; 0.5,0.5',
        '--log-target',
        '-r',
        'sum',
        '--explain',
        '--row',
        '2',
      ],
    ],
    [
      'ce-smoothing-others',
      [
        'ce',
        '2,0.5,-1; 0.3,1.8,0.2',
        '-y',
        '0,2',
        '--label-smoothing',
        '0.1',
        '--smoothing-style',
        'others',
        '--explain',
      ],
    ],
  ])('%s', async (name, argv) => {
    for (const lang of ['en', 'zh']) {
      const r = await run(argv, lang);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expectGolden(`explain-${name}.${lang}.txt`, r.stdout);
    }
  });

  it("the issue's worked example, line by line", async () => {
    const r = await run(['ce', '2,0.5,-1', '-y', '0', '--explain']);
    expect(r.stdout).toContain('P(target) = exp(2.0) / (exp(2.0) + exp(0.5) + exp(−1.0))');
    expect(r.stdout).toContain('= 7.3891 / (7.3891 + 1.6487 + 0.3679)');
    expect(r.stdout).toContain('L = −log(0.7856)');
    expect(r.stdout).toContain('= 0.2413');
    expect(r.stdout).toContain('∂L/∂z₀ = 0.7856 − 1 = −0.2144');
    expect(r.stdout).toContain('z₀: 2.0 − 1 · (−0.2144) = 2.2144   (up 0.2144)');
  });

  it('Markdown writes the formulas as $$ math (KaTeX, GitHub), not code blocks', async () => {
    const r = await run(['ce', '2,0.5,-1', '-y', '0', '--explain', '-f', 'markdown']);
    expectGolden('explain-ce.en.md', r.stdout);
    expect(r.stdout).toMatch(/^### Cross-entropy of row 1 of 1/);
    expect(r.stdout).not.toContain('```');
    expect(r.stdout).toContain('$$\\partial L/\\partial z_{0} = 0.7856 - 1 = -0.2144$$');
  });

  it('--lang both: each sentence in Chinese then English, labels side by side', async () => {
    const r = await run(['softmax', '2', '0.5', '-1', '--explain'], 'both');
    expect(r.stdout).toContain('1. 公式 The formula');
    expect(r.stdout).toMatch(/先对每个 logit 取指数.*\n.*Exponentiate each logit/);
  });

  it('-f json carries the steps beside the results', async () => {
    const r = await run(['softmax', '2', '0.5', '-1', '--explain', '-f', 'json']);
    const json = JSON.parse(r.stdout);
    expect(json.probs[0][0]).toBeCloseTo(0.7856, 4);
    expect(json.explanation.steps.map((s: { heading: string }) => s.heading)).toEqual([
      'The formula',
      'Exponentiate and add up',
      'Divide each by the sum',
    ]);
  });

  it('is plain text in a pipe (not tsv) and fits 80 columns', async () => {
    for (const lang of ['en', 'zh', 'both']) {
      for (const argv of [
        ['clip', CLIP3, '--explain'],
        ['ce', '2,0.5,-1; 0.3,1.8,0.2', '-y', '0,2', '-w', '1,1,3', '--label-smoothing', '0.1', '--explain'],
        ['ce', '1,2,3,4,5,6,7,8,9,10,11,12', '-y', '11', '-t', '2', '--base', '2', '--explain', '-p', '6'],
      ]) {
        const r = await run(argv, lang);
        for (const line of r.stdout.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
      }
    }
  });

  it('wraps to the terminal when it is one (40 to 100 columns)', async () => {
    const argv = ['ce', '2,0.5,-1; 0.3,1.8,0.2', '-y', '0,2', '-w', '1,1,3', '--explain', '--lang', 'en'];
    const lines = (columns: number) =>
      runCli(
        {
          argv,
          env: { LANG: 'C' },
          stdoutIsTTY: true,
          stdinIsTTY: true,
          columns,
          readStdin: async () => new Uint8Array(),
          readFile: async () => new Uint8Array(),
        },
        COMMANDS,
      ).then((r) => r.stdout.split('\n'));
    for (const columns of [60, 100]) {
      const out = await lines(columns);
      for (const line of out) expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
      expect(Math.max(...out.map(displayWidth))).toBeGreaterThan(columns - 12);
    }
  });

  it.each([
    [
      'ce',
      '2,0.5,-1; 0.3,1.8,0.2',
      '-y',
      '0,2',
      '--sample-weight',
      '2,0.5',
      '--label-smoothing',
      '0.1',
      '--smoothing-style',
      'others',
    ],
    ['kl', '--p', '3,1,-2; 1,1,1', '--q', '2,0.5,-1; 0,0,3', '--logits', '-t', '4', '-r', 'mean'],
    ['ntxent', '1,0; 0.8,0.6; 0,1; 0.6,0.8; 0.7,0.7', '-y', '0,0,1,1,1', '--as', 'pml', '--row', '3'],
    ['ntxent', '1,0; 0,1; 0.9,0.2; 0.1,1', '--as', 'simclr', '--base-temperature', '0.07', '--contrast-mode', 'one'],
    ['supcon', '1,0; 0.8,0.6; 0,1; 0.6,0.8', '-y', '0,0,1,1', '--as', 'supcontrast', '--contrast-mode', 'one'],
    ['siglip', '--image', '1,0; 0.6,0.8', '--text', '0.9,0.1; 0,1', '--as', 'hf'],
  ])("other libraries' conventions wrap to the terminal too (60 and 100 columns): %s", async (...argv) => {
    for (const lang of ['en', 'zh']) {
      for (const columns of [60, 100]) {
        const r = await runCli(
          {
            argv: [...argv, '--explain', '--lang', lang],
            env: { LANG: 'C' },
            stdoutIsTTY: true,
            stdinIsTTY: true,
            columns,
            readStdin: async () => new Uint8Array(),
            readFile: async () => new Uint8Array(),
          },
          COMMANDS,
        );
        expect(r.stderr).toBe('');
        for (const line of r.stdout.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
      }
    }
  });

  it("--base uses the unit's logarithm", async () => {
    const r = await run(['ce', '2,0.5,-1', '-y', '0', '--explain', '--base', '2']);
    if (r.code !== 0) return; // --base arrives with issue 9
    expect(r.stdout).toContain('L = −log₂(0.7856)');
    expect(r.stdout).toContain('= 0.3481 bits');
    expect(r.stdout).toContain('∂L/∂z₀ = (0.7856 − 1) / ln 2 = −0.3093');
  });

  it('--log with a temperature so small that z / T overflows: the shifted form, no nan', async () => {
    const r = await xent(['softmax', '-t', '5e-324', '--log', '--explain', '--', '-1', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/nan/);
    expect(r.stdout).toContain('log pⱼ = (zⱼ − max z) / T − log Σₖ exp((zₖ − max z) / T),  log Σ = 0.0000');
    expect(r.stdout).toContain('log p₀ = −∞ − 0.0000 = −∞');
  });
  it('bce: each element its own binary problem, the mean over N·C elements', async () => {
    const r = await run(['bce', '1,-2', '--targets', '1,0', '--explain']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Binary cross-entropy of row 1 of 1/);
    expect(r.stdout).toContain('ℓ₀ = (1.0 · softplus(−1.0) + 0.0 · softplus(1.0)) = 0.3133');
    expect(r.stdout).toContain('∂L₁/∂z₁ = 0.1192 − 0.0 = 0.1192');
    expect(r.stdout).toContain('L = (0.4402) / 2 = 0.2201');
  });

  it.each([
    [
      ['softmax', '1', '2', '--explain', '--row', '2'],
      'xent: error: --row 2 is out of range: there are 1 rows (give a number from 1 to 1)',
    ],
    [
      ['softmax', '1', '2', '--row', '1'],
      'xent: error: --row picks the row that --explain explains; give --explain too',
    ],
    [
      ['softmax', '1', '2', '--explain', '--row', 'x'],
      "xent: error: option --row takes a row number: a whole number from 1 (the first row), got 'x'",
    ],
    [
      ['softmax', '1', '2', '--explain', '--row', '0'],
      "xent: error: option --row takes a row number: a whole number from 1 (the first row), got '0'",
    ],
    [
      ['demo', '--explain'],
      // the message lists, from the registry, every command that has an explainer
      'xent: error: xent demo has no --explain; these commands have it: softmax, ce, bce, focal, hinge, lm, clip, siglip, ntxent, supcon, infonce, retrieval, entropy, kl, distill',
    ],
  ])('%j is a usage error', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe(message);
  });
});

describe('--explain ce: the statements issue 15 found wrong', () => {
  it('class weights: the rows are divided by Σw = 4, a weighted mean, not by 2', async () => {
    const r = await run(['ce', '2,0.5,-1; 0.3,1.8,0.2', '-y', '0,2', '-w', '1,1,3', '--explain', '--row', '2']);
    expect(r.stdout).toContain('L = (0.2413 + 5.8626) / 4 = 1.5260');
    expect(r.stdout).toMatch(/divided by 4: Σ w_y, the\s+weights of the rows' target classes \(a weighted mean\)/);
    expect(r.stdout).toMatch(/this row's part\s+is divided by 4 too:/);
    expect(r.stdout).not.toMatch(/divided by 2\b/);
    expect(r.stdout).not.toContain("mean of the rows' losses");
  });

  it('an ignored row is not counted: divided by 2 rows, not 3', async () => {
    const r = await run(['ce', '2,0.5,-1; 0.3,1.8,0.2; 1,0,3', '-y', '0,-100,2', '--explain']);
    expect(r.stdout).toContain('L = (0.2413 + 0.0000 + 0.1698) / 2 = 0.2056');
    expect(r.stdout).toMatch(/the 2 rows\s+counted; an ignored row \(1 here\) adds 0/);
    expect(r.stdout).toContain('∂L₁/∂z / 2 = [−0.1072, 0.0876, 0.0196]');
  });

  it('weights and smoothing: each logit goes the way its own entry says', async () => {
    // z₁ and z₂ are not the target, yet their entries are negative (p is below their share of
    // the smoothed, weighted target), and the target's is positive (p₀ is above its share).
    const r = await run(['ce', '3,-3,0', '-y', '0', '-w', '1,5,1', '--label-smoothing', '0.3', '--explain']);
    expect(r.stdout).toContain('∂L/∂z₁ = (1.4000 · 0.0024 − 0.5000) = −0.4967');
    expect(r.stdout).toMatch(
      /it raises z₁, z₂, where the entry is\s+negative; it lowers z₀, where the entry is positive/,
    );
    expect(r.stdout).toContain('z₁: −3.0 − 1 · (−0.4967) = −2.5033   (up 0.4967)');
    expect(r.stdout).toContain('z₀: 3.0 − 1 · 0.5305 = 2.4695   (down 0.5305)');
  });

  it.each([
    [['ce', '2,0.5,-1', '-y', '0'], '4. The gradient p − y'],
    [['ce', '2,0.5,-1', '-y', '0', '-t', '2'], '4. The gradient (p − y) / T'],
    [['ce', '2,0.5,-1', '-y', '0', '--label-smoothing', '0.1'], '4. The gradient (Σa)·p − a'],
    [['ce', '2,0.5,-1', '-y', '0', '-w', '2,1,1', '-t', '3'], '4. The gradient ((Σa)·p − a) / T'],
    [['ce', '0.7,0.2,0.1', '-y', '0', '--probs'], '3. The gradient −a/p'],
  ])('the heading names the gradient it computes: %j', async (argv, heading) => {
    const r = await run([...argv, '--explain']);
    expect(r.stdout).toContain(heading);
  });

  it('the derivation through the softmax Jacobian, with the row’s numbers', async () => {
    const r = await run(['ce', '2,0.5,-1', '-y', '0', '--explain']);
    expect(r.stdout).toContain('3. Where the gradient comes from: the chain rule through the softmax');
    expect(r.stdout).toContain('∂p_c/∂zⱼ = p_c · (δ_cj − pⱼ)');
    expect(r.stdout).toContain('∂L/∂z₀ = (−1.0 / 0.7856) · 0.7856 · (1 − 0.7856) = −0.2144');
    expect(r.stdout).toContain('∂L/∂z₁ = (−1.0 / 0.7856) · 0.7856 · (0 − 0.1753) = 0.1753');
  });

  it('a step that overshoots says the loss rises', async () => {
    const r = await run(['ce', '0,0', '-y', '0', '-w', '9,9', '--label-smoothing', '0.5', '--explain']);
    expect(r.stdout).toMatch(/the loss rises\s+to 10.2244 \(before 6\.2383\): a step of η = 1 overshoots here/);
  });
});

describe("--explain ce under Keras's conventions", () => {
  it('sample weights: the row is s · ℓ, the mean divides by the rows counted, not Σ s', async () => {
    const r = await run(['ce', '2,0.5,-1; 0.3,1.8,0.2', '-y', '0,2', '--sample-weight', '2,0.5', '--explain']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('L₁ = s₁ · ℓ₁ = 2.0 · 0.2413 = 0.4826');
    expect(r.stdout).toContain('L = (0.4826 + 0.9771) / 2 = 0.7299');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('not divided by their sum Σ sₙ = 2.5');
  });
  it('ε/(C − 1): the target keeps 1 − ε, each other class ε/(C − 1)', async () => {
    const r = await run([
      'ce',
      '2,0.5,-1',
      '-y',
      '0',
      '--label-smoothing',
      '0.1',
      '--smoothing-style',
      'others',
      '--explain',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(
      'q = (1 − ε)·onehot(y) + ε/(C − 1)·(1 − onehot(y)) = [0.9000, 0.0500, 0.0500]',
    );
    expect(r.stdout).toContain('a = [0.9000, 0.0500, 0.0500]');
  });
});

describe('--explain ce: how the other rows combine', () => {
  it('--probs with p = 0 at a target: the mean divides by the rows counted, not NaN', async () => {
    const r = await xent(['ce', '--probs', '0.5,0.5;0,1', '-y', '0,0', '--explain']);
    expect(r.stdout).toContain('L = (0.6931 + ∞) / 2 = ∞');
    expect(r.stdout).not.toMatch(/nan/i);
  });

  // Each "L = (L₁ + … + L_N) / D = L" line must add up: Σ terms / D is the loss printed.
  it.each([
    [['1,2;3,4;5,6', '-y', '0,-100,1']],
    [['1,2;3,4;5,6', '-y', '0,-100,1', '-w', '2,3']],
    [['1,2;3,4;5,6', '-y', '1,-100,2', '--one-based', '-w', '2,3']],
    [['1,2;3,4;5,6', '-y', '0,1,1', '-w', '0.5,3', '--label-smoothing', '0.2']],
    [['1,2;3,4', '-y', 'diag', '-w', '1,4']],
    [['1,2;3,4;0,0', '--target-probs', '0.5,0.5;0.2,0.8;1,0', '-w', '2,1']],
    [['--probs', '0.5,0.5;0.25,0.75', '-y', '1,0', '-w', '3,1']],
  ])('%j', async (args) => {
    const r = await xent(['ce', ...args, '--explain', '-p', '6']);
    const [, terms, den, loss] = /L = \(([^)]*)\) \/ ([\d.]+) = ([\d.]+)/.exec(r.stdout) ?? [];
    const sum = terms.split(' + ').reduce((s, t) => s + Number(t), 0);
    expect(sum / Number(den)).toBeCloseTo(Number(loss), 4);
  });
});

describe('wrap', () => {
  it('breaks at spaces, never inside a formula', () => {
    expect(wrap('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
    expect(wrap('so p = 0.7856 here', 10)).toEqual(['so', 'p = 0.7856', 'here']);
  });
  it('breaks Chinese after any character, not before closing punctuation', () => {
    expect(wrap('一二三四五，六七', 10)).toEqual(['一二三四', '五，六七']);
  });
});
