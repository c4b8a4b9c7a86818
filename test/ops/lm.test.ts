// The language-model loss (src/ops/lm/) against PyTorch (test/fixtures/oracle/lm.json:
// F.cross_entropy over the scored tokens, transformers' ForCausalLMLoss shift, float64,
// autograd gradients), against finite differences, streamed and whole, in every format, and
// one bad input → one error key (CLI and library).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { languageModelLoss } from '../../src/index.js';
import { xent } from '../helpers/cli.js';
import { expectGradientRows, numericGradient } from '../helpers/finite-differences.js';
import { keyOf, keyOfCliError } from '../helpers/error-key.js';
import { type Num, expectClose, loadOracle } from '../helpers/oracle.js';

interface LmCase {
  id: string;
  logits: number[][];
  tokens: number[];
  seq_len?: number;
  breaks?: number[];
  shift: boolean;
  ignore_index?: number;
  expected: {
    loss: Num;
    losses: Num[];
    perplexity: Num;
    sequence_losses: Num[];
    sequence_loss: Num;
    grad: Num[][];
  };
}

/** The logits as a file: one row per line, a blank line before each break. */
function fileOf(logits: number[][], breaks: readonly number[] = []): string {
  return `${logits.map((row, i) => `${breaks.includes(i) ? '\n' : ''}${row.join(',')}`).join('\n')}\n`;
}

describe('lm against PyTorch', () => {
  it.each(loadOracle<LmCase>('lm').cases.map((c) => [c.id, c] as const))('%s', async (id, c) => {
    const options = {
      ...(c.seq_len !== undefined ? { seqLen: c.seq_len } : { breaks: c.breaks }),
      shift: c.shift,
      ...(c.ignore_index !== undefined ? { ignoreIndex: c.ignore_index } : {}),
    };
    const r = languageModelLoss(c.logits, c.tokens, options);
    expectClose(r.loss, c.expected.loss, `${id} loss`);
    expectClose(r.losses, c.expected.losses, `${id} losses`);
    expectClose(r.perplexity, c.expected.perplexity, `${id} perplexity`);
    expectClose(
      r.sequences.map((s) => s.loss),
      c.expected.sequence_losses,
      `${id} sequence losses`,
    );
    expectClose(r.sequenceLoss, c.expected.sequence_loss, `${id} sequence loss`);
    expectClose(r.grad, c.expected.grad, `${id} grad`);
    // The CLI, from a file whose blank lines separate the sequences (or with --seq-len), whole and streamed.
    const argv = ['lm', '-i', 'logits.csv', '-y', c.tokens.join(',')];
    if (c.seq_len !== undefined) argv.push('--seq-len', String(c.seq_len));
    if (c.shift) argv.push('--shift');
    if (c.ignore_index !== undefined) argv.push('--ignore-index', String(c.ignore_index));
    const files = { 'logits.csv': fileOf(c.logits, c.breaks) };
    const json = JSON.parse((await xent([...argv, '-g', '-f', 'json'], { files })).stdout);
    expectClose(json.loss, c.expected.loss, `${id} CLI loss`);
    expectClose(json.grad, c.expected.grad, `${id} CLI grad`);
    expectClose(json.sequence_loss, c.expected.sequence_loss, `${id} CLI sequence loss`);
    const streamed = await xent([...argv, '-f', 'value'], { files });
    expect(streamed.stdout).toBe(`${json.loss}\n`);
  });
});

describe('the closed-form gradient is the finite differences', () => {
  it('token-weighted loss, with and without --shift and ignored tokens', () => {
    const logit = fc.double({ min: -5, max: 5, noNaN: true });
    fc.assert(
      fc.property(
        fc
          .record({
            b: fc.integer({ min: 1, max: 3 }),
            t: fc.integer({ min: 2, max: 4 }),
            v: fc.integer({ min: 2, max: 4 }),
          })
          .chain(({ b, t, v }) =>
            fc.tuple(
              fc.constant(t),
              fc.array(fc.array(logit, { minLength: v, maxLength: v }), { minLength: b * t, maxLength: b * t }),
              fc.array(fc.oneof(fc.integer({ min: 0, max: v - 1 }), fc.constant(-100)), {
                minLength: b * t,
                maxLength: b * t,
              }),
            ),
          ),
        fc.boolean(),
        ([seqLen, z, tokens], shift) => {
          const f = (m: number[][]) => languageModelLoss(m, tokens, { seqLen, shift }).loss;
          let scored: number;
          try {
            scored = languageModelLoss(z, tokens, { seqLen, shift }).tokens;
          } catch {
            scored = 0; // every token ignored: an error, not a loss
          }
          fc.pre(scored > 0);
          expectGradientRows(languageModelLoss(z, tokens, { seqLen, shift }).grad, numericGradient(f, z), 'lm');
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('lm: known numbers, sequences and every format', () => {
  const Z = '2,0.5,-1; 0.3,1.8,0.2; 1,0,2; 0,3,-1';

  it('with --shift the last row of each sequence predicts nothing, as ForCausalLMLoss', async () => {
    const json = JSON.parse((await xent(['lm', Z, '-y', '0,1,2,1', '--seq-len', '2', '--shift', '-f', 'json'])).stdout);
    expect(json.targets).toEqual([1, null, 1, null]);
    expect(json.tokens).toBe(2);
    // The same as scoring row 1 against token 1 and row 3 against token 1 by hand.
    const plain = languageModelLoss(
      [
        [2, 0.5, -1],
        [1, 0, 2],
      ],
      [1, 1],
    );
    expect(json.loss).toBe(plain.loss);
  });

  it('token-weighted and sequence-weighted means differ when sequences score different counts', () => {
    const r = languageModelLoss(
      [
        [2, 0],
        [0, 2],
        [1, 1],
      ],
      [0, -100, 1],
      { breaks: [2] },
    );
    const l1 = Math.log1p(Math.exp(-2));
    const l2 = Math.LN2;
    expect(r.loss).toBeCloseTo((l1 + l2) / 2, 15);
    expect(r.sequences.map((s) => s.tokens)).toEqual([1, 1]);
    expect(
      languageModelLoss(
        [
          [2, 0],
          [0, 2],
          [1, 1],
        ],
        [0, 1, 1],
        { breaks: [2] },
      ).sequenceLoss,
    ).toBeCloseTo(((l1 + l1) / 2 + l2) / 2, 15);
  });

  it('blank lines separate sequences, in a file and in the arguments, whole and streamed', async () => {
    const text = '2,0.5,-1\n0.3,1.8,0.2\n\n\n1,0,2\n   \n0,3,-1\n';
    const argv = ['lm', '-i', 'z.csv', '-y', '0,1,2,1', '--shift'];
    const json = JSON.parse((await xent([...argv, '-f', 'json'], { files: { 'z.csv': text } })).stdout);
    expect(json.sequences.map((s: { rows: number }) => s.rows)).toEqual([2, 1, 1]);
    expect(json.targets).toEqual([1, null, null, null]);
    expect((await xent([...argv, '-f', 'value'], { files: { 'z.csv': text } })).stdout).toBe(`${json.loss}\n`);
    const inline = JSON.parse((await xent(['lm', text, '-y', '0,1,2,1', '--shift', '-f', 'json'])).stdout);
    expect(inline.loss).toBe(json.loss);
  });

  it('--base 2: bits per token; the perplexity is the same', async () => {
    const nats = JSON.parse((await xent(['lm', Z, '-y', '0,1,2,1', '-f', 'json'])).stdout);
    const bits = JSON.parse((await xent(['lm', Z, '-y', '0,1,2,1', '--base', '2', '-f', 'json'])).stdout);
    expect(bits.loss).toBeCloseTo(nats.loss / Math.LN2, 14);
    expect(bits.perplexity).toBe(nats.perplexity);
    expect(bits.unit).toBe('bits');
    expect(nats.chance).toBeCloseTo(Math.log(3), 15);
  });

  it('value, tsv, csv, json, table, markdown, zh, --expect, --explain', async () => {
    const argv = ['lm', Z, '-y', '0,1,2,1', '--seq-len', '2'];
    const json = JSON.parse((await xent([...argv, '-f', 'json'])).stdout);
    expect((await xent([...argv, '-f', 'value'])).stdout).toBe(`${json.loss}\n`);
    const tsv = (await xent([...argv, '-f', 'tsv'])).stdout.trim().split('\n');
    expect(tsv[0]).toBe('sequence\tposition\ttarget\tloss');
    expect(tsv[2].split('\t').map(Number)).toEqual([1, 2, 1, json.losses[1]]);
    expect((await xent([...argv, '-f', 'csv'])).stdout.split('\n')[1]).toBe(`1,1,0,${json.losses[0]}`);
    for (const format of ['table', 'markdown']) {
      const r = await xent([...argv, '-f', format]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(json.loss.toFixed(4));
      expect(r.stdout).toContain('sequence-weighted');
    }
    const zh = await xent([...argv, '-f', 'table'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stdout).toContain('按序列加权');
    expect((await xent([...argv, '--expect', json.loss.toFixed(3)])).code).toBe(0);
    expect((await xent([...argv, '--expect', `sequence_perplexity=${json.sequence_perplexity.toFixed(2)}`])).code).toBe(
      0,
    );
    expect((await xent([...argv, '--expect', (json.loss + 0.5).toFixed(3)])).code).toBe(1);
    const explained = await xent([...argv, '--explain', '--row', '3']);
    expect(explained.code, explained.stderr).toBe(0);
    expect(explained.stdout).toContain('row 3 of 4');
    expect(explained.stdout).toContain(json.losses[2].toFixed(4));
    expect(explained.stdout).toContain(json.loss.toFixed(4));
  });
});

describe('lm: one bad input, one error key', () => {
  const Z = '2,0.5,-1; 0.3,1.8,0.2; 1,0,2; 0,3,-1';
  const cases: [string, string, string[], (() => unknown) | undefined][] = [
    ['no tokens', 'err.lm.noTarget', [Z], undefined],
    [
      'a count of tokens that differs',
      'err.lm.tokenCount',
      [Z, '-y', '0,1'],
      () => languageModelLoss([[1, 2]], [0, 1]),
    ],
    [
      'a token beyond the vocabulary',
      'err.lm.tokenRange',
      [Z, '-y', '0,1,3,1'],
      () => languageModelLoss([[1, 2]], [2]),
    ],
    ['a fractional token', 'err.lm.tokenRange', [Z, '-y', '0,1,0.5,1'], () => languageModelLoss([[1, 2]], [0.5])],
    [
      'a bad T',
      'err.lm.seqLen',
      [Z, '-y', '0,1,2,1', '--seq-len', '0'],
      () => languageModelLoss([[1, 2]], [0], { seqLen: 1.5 }),
    ],
    [
      'T that does not divide the rows',
      'err.lm.seqLenRows',
      [Z, '-y', '0,1,2,1', '--seq-len', '3'],
      () => languageModelLoss([[1, 2]], [0], { seqLen: 2 }),
    ],
    [
      'blank lines and --seq-len',
      'err.lm.breaksAndSeqLen',
      ['1,2\n\n3,4', '-y', '0,1', '--seq-len', '1'],
      () =>
        languageModelLoss(
          [
            [1, 2],
            [3, 4],
          ],
          [0, 1],
          { seqLen: 1, breaks: [1] },
        ),
    ],
    [
      'every token ignored',
      'err.lm.noTokens',
      [Z, '-y', '-100,-100,-100,-100'],
      () => languageModelLoss([[1, 2]], [-100]),
    ],
    [
      'one-row sequences under --shift',
      'err.lm.noTokensShift',
      [Z, '-y', '0,1,2,1', '--seq-len', '1', '--shift'],
      () => languageModelLoss([[1, 2]], [0], { shift: true }),
    ],
    ['+inf logit', 'err.posInf', ['1,inf', '-y', '0'], () => languageModelLoss([[1, Infinity]], [0])],
    [
      'a fractional ignore index',
      'err.ce.ignoreInteger',
      [Z, '-y', '0,1,2,1', '--ignore-index', '0.5'],
      () => languageModelLoss([[1, 2]], [0], { ignoreIndex: 0.5 }),
    ],
  ];
  it.each(cases)('%s', async (_what, key, argv, library) => {
    if (library) expect(await keyOf(library)).toBe(key);
    for (const format of ['json', 'table', 'value'])
      expect(keyOfCliError(await xent(['lm', ...argv, '-f', format])), format).toBe(key);
  });
});
