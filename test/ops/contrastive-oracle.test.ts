// Every case of the PyTorch reference vectors for the contrastive losses (see
// test/fixtures/oracle/README.md: float64, autograd gradients, relative tolerance 1e-12).
import { describe, expect, it } from 'vitest';
import { fromRows, toRows } from '../../src/core/matrix.js';
import { clipFromEmbeddings, clipLoss } from '../../src/ops/clip/kernel.js';
import { ntxentLoss } from '../../src/ops/ntxent/kernel.js';
import { siglipFromEmbeddings } from '../../src/ops/siglip/kernel.js';
import { supconLoss } from '../../src/ops/supcon/kernel.js';
import { expectClose, loadOracle, type Num } from '../helpers/oracle.js';

type Rows = number[][];
const source = { key: 'source.args' } as const;

interface ClipCase {
  id: string;
  image?: Rows;
  text?: Rows;
  scale?: number;
  logits?: Rows;
  expected: Record<string, Num | Num[] | Num[][]>;
}

describe('clip matches PyTorch', () => {
  it.each(loadOracle<ClipCase>('clip').cases.map((c) => [c.id, c] as const))('%s', (id, c) => {
    const e = c.expected;
    const r =
      c.logits !== undefined
        ? clipLoss(fromRows(c.logits))
        : clipFromEmbeddings(fromRows(c.image!), fromRows(c.text!), c.scale!);
    expectClose(r.loss, e.loss, `${id} loss`);
    expectClose(r.lossI2t, e.loss_i2t, `${id} loss_i2t`);
    expectClose(r.lossT2i, e.loss_t2i, `${id} loss_t2i`);
    expectClose(r.lossesI2t, e.losses_i2t, `${id} losses_i2t`);
    expectClose(r.lossesT2i, e.losses_t2i, `${id} losses_t2i`);
    expectClose(toRows(r.gradLogits), e.grad_logits, `${id} grad_logits`);
    if (e.logits !== undefined) expectClose(toRows(r.logits), e.logits, `${id} logits`);
    if (e.probs_i2t !== undefined) expectClose(toRows(r.probsI2t), e.probs_i2t, `${id} probs_i2t`);
    if (e.probs_t2i !== undefined) expectClose(toRows(r.probsT2i), e.probs_t2i, `${id} probs_t2i`);
    if (c.image !== undefined) {
      const emb = r as ReturnType<typeof clipFromEmbeddings>;
      expectClose(toRows(emb.gradImage), e.grad_image, `${id} grad_image`);
      expectClose(toRows(emb.gradText), e.grad_text, `${id} grad_text`);
      expectClose(emb.gradScale, e.grad_scale, `${id} grad_scale`);
    }
  });
});

interface SiglipCase {
  id: string;
  image: Rows;
  text: Rows;
  scale: number;
  bias: number;
  expected: { loss: Num; logits: Num[][]; grad_image: Num[][]; grad_text: Num[][] };
}

describe('siglip matches PyTorch', () => {
  it.each(loadOracle<SiglipCase>('siglip').cases.map((c) => [c.id, c] as const))('%s', (id, c) => {
    const r = siglipFromEmbeddings(fromRows(c.image), fromRows(c.text), c.scale, c.bias);
    expectClose(r.loss, c.expected.loss, `${id} loss`);
    expectClose(toRows(r.logits), c.expected.logits, `${id} logits`);
    expectClose(toRows(r.gradImage), c.expected.grad_image, `${id} grad_image`);
    expectClose(toRows(r.gradText), c.expected.grad_text, `${id} grad_text`);
  });
});

interface NtxentCase {
  id: string;
  embeddings: Rows;
  temperature: number;
  expected: { loss: Num; losses: Num[]; grad: Num[][] };
}

describe('ntxent matches PyTorch', () => {
  it.each(loadOracle<NtxentCase>('ntxent').cases.map((c) => [c.id, c] as const))('%s', (id, c) => {
    const r = ntxentLoss(fromRows(c.embeddings), c.temperature, 'half', source);
    expectClose(r.loss, c.expected.loss, `${id} loss`);
    expectClose(r.losses, c.expected.losses, `${id} losses`);
    expectClose(toRows(r.grad), c.expected.grad, `${id} grad`);
  });
});

interface SupconCase {
  id: string;
  embeddings: Rows;
  labels: number[];
  temperature: number;
  expected: { loss: Num; losses: (Num | null)[]; grad: Num[][] };
}

describe('supcon matches PyTorch', () => {
  it.each(loadOracle<SupconCase>('supcon').cases.map((c) => [c.id, c] as const))('%s', (id, c) => {
    const r = supconLoss(fromRows(c.embeddings), c.labels, c.temperature, source);
    expectClose(r.loss, c.expected.loss, `${id} loss`);
    c.expected.losses.forEach((e, i) => {
      if (e === null) expect(r.losses[i], `${id} losses[${i}]`).toBeNull();
      else expectClose(r.losses[i], e, `${id} losses[${i}]`);
    });
    expectClose(toRows(r.grad), c.expected.grad, `${id} grad`);
  });
});
