// The PyTorch reference vectors and the script that makes them (test/fixtures/oracle/README.md).
// Without PyTorch: the script is there, names every file, and every case has the fields the README's
// table lists, of the right kinds and shapes. Where /usr/bin/python3 can import torch, the script's
// --check recomputes every stored case and must agree to the README's tolerance.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ABS, REL } from './helpers/oracle.js';

const DIR = fileURLToPath(new URL('./fixtures/oracle/', import.meta.url));
const SCRIPT = join(DIR, 'generate.py');
const PYTHON = '/usr/bin/python3';

type Json = unknown;
type Case = Record<string, Json>;
/** Problems found in one case, each naming the field; empty when the case is well formed. */
type Problems = string[];

// ---- kinds of values ------------------------------------------------------------------------

const NON_FINITE = new Set(['inf', '-inf', 'nan']);
const isNum = (x: Json): boolean => (typeof x === 'number' && Number.isFinite(x)) || NON_FINITE.has(x as string);
const isInt = (x: Json): boolean => Number.isInteger(x);
const isVector = (x: Json, length?: number, item = isNum): boolean =>
  Array.isArray(x) && x.length > 0 && (length === undefined || x.length === length) && x.every(item);
const isMatrix = (x: Json, rows?: number, cols?: number): boolean =>
  Array.isArray(x) &&
  x.length > 0 &&
  (rows === undefined || x.length === rows) &&
  x.every((row) => isVector(row, cols ?? (x[0] as Json[]).length));
const rowsOf = (x: Json): number => (x as Json[][]).length;
const colsOf = (x: Json): number => (x as Json[][])[0].length;

/** Each failed test as "field: what it should be". */
function need(problems: Problems, ok: boolean, field: string, what: string): void {
  if (!ok) problems.push(`${field}: should be ${what}`);
}

// ---- the schema: per file, the fields of a case and of its expected values ------------------

interface Schema {
  /** oneOf: exactly one field of each group; together: fields that come with a one-of choice. */
  inputs: { required: string[]; optional: string[]; oneOf: string[][]; together?: Record<string, string[]> };
  /** The expected fields this case must hold, and the ones it may hold. */
  expected(c: Case): { required: string[]; optional: string[] };
  /** Kinds and shapes of inputs and expected values, given that the fields are present. */
  check(c: Case, e: Case): Problems;
}

const SCHEMAS: Record<string, Schema> = {
  softmax: {
    inputs: { required: ['logits', 'temperature', 'axis'], optional: [], oneOf: [] },
    expected: () => ({ required: ['probs', 'log_probs'], optional: [] }),
    check(c, e) {
      const p: Problems = [];
      need(p, isMatrix(c.logits), 'logits', 'a matrix of numbers');
      need(p, typeof c.temperature === 'number' && c.temperature > 0, 'temperature', 'a positive number');
      need(p, c.axis === 'row' || c.axis === 'col', 'axis', "'row' or 'col'");
      if (!p.length) {
        const [rows, cols] = [rowsOf(c.logits), colsOf(c.logits)];
        for (const k of ['probs', 'log_probs'])
          need(p, isMatrix(e[k], rows, cols), `expected.${k}`, 'numbers shaped as logits');
      }
      return p;
    },
  },

  cross_entropy: {
    inputs: {
      required: ['reduction'],
      optional: ['weight', 'ignore_index', 'label_smoothing'],
      oneOf: [
        ['logits', 'probs_input'],
        ['target', 'target_probs'],
      ],
    },
    expected: (c) => ({
      required: ['loss', 'losses', ...('logits' in c && c.reduction !== 'none' ? ['grad'] : [])],
      optional: 'logits' in c ? ['probs'] : [],
    }),
    check(c, e) {
      const p: Problems = [];
      const scores = c.logits ?? c.probs_input;
      const scoresName = 'logits' in c ? 'logits' : 'probs_input';
      need(p, isMatrix(scores), scoresName, 'a matrix of numbers');
      need(p, ['mean', 'sum', 'none'].includes(c.reduction as string), 'reduction', "'mean', 'sum' or 'none'");
      if (p.length) return p;
      const [rows, classes] = [rowsOf(scores), colsOf(scores)];
      if ('ignore_index' in c) need(p, isInt(c.ignore_index), 'ignore_index', 'an integer');
      if ('label_smoothing' in c) {
        const eps = c.label_smoothing as number;
        need(p, typeof eps === 'number' && eps >= 0 && eps <= 1, 'label_smoothing', 'a number in [0, 1]');
      }
      if ('weight' in c) need(p, isVector(c.weight, classes), 'weight', `${classes} numbers, one per class`);
      if ('target' in c) {
        const classIndex = (y: Json) =>
          isInt(y) && (((y as number) >= 0 && (y as number) < classes) || y === c.ignore_index);
        need(p, isVector(c.target, rows, classIndex), 'target', `${rows} class indices (or ignore_index)`);
      } else {
        need(p, isMatrix(c.target_probs, rows, classes), 'target_probs', `a ${rows}×${classes} matrix`);
      }
      const scalarLoss = c.reduction === 'none' ? isVector(e.loss, rows) : isNum(e.loss);
      need(p, scalarLoss, 'expected.loss', c.reduction === 'none' ? `${rows} numbers` : 'a number');
      need(p, isVector(e.losses, rows), 'expected.losses', `${rows} numbers, one per row`);
      for (const k of ['grad', 'probs']) {
        if (k in e) need(p, isMatrix(e[k], rows, classes), `expected.${k}`, 'numbers shaped as logits');
      }
      return p;
    },
  },

  clip: {
    inputs: { required: [], optional: [], oneOf: [['image', 'logits']], together: { image: ['text', 'scale'] } },
    expected: (c) =>
      'logits' in c
        ? {
            required: ['loss', 'loss_i2t', 'loss_t2i', 'losses_i2t', 'losses_t2i', 'grad_logits'],
            optional: ['probs_i2t', 'probs_t2i'],
          }
        : {
            required: [
              'logits',
              'loss',
              'loss_i2t',
              'loss_t2i',
              'losses_i2t',
              'losses_t2i',
              'grad_logits',
              'grad_image',
              'grad_text',
              'grad_scale',
              'probs_i2t',
              'probs_t2i',
            ],
            optional: [],
          },
    check(c, e) {
      const p: Problems = [];
      let n: number;
      if ('image' in c) {
        need(p, isMatrix(c.image), 'image', 'a matrix of numbers');
        if (p.length) return p;
        n = rowsOf(c.image);
        need(p, isMatrix(c.text, n, colsOf(c.image)), 'text', 'numbers shaped as image');
        need(p, isNum(c.scale), 'scale', 'a number');
        need(p, isMatrix(e.logits, n, n), 'expected.logits', `${n}×${n}`);
        need(p, isMatrix(e.grad_image, n, colsOf(c.image)), 'expected.grad_image', 'numbers shaped as image');
        need(p, isMatrix(e.grad_text, n, colsOf(c.image)), 'expected.grad_text', 'numbers shaped as text');
        need(p, isNum(e.grad_scale), 'expected.grad_scale', 'a number');
      } else {
        n = rowsOf(c.logits);
        need(p, isMatrix(c.logits, n, n), 'logits', 'a square matrix');
      }
      for (const k of ['loss', 'loss_i2t', 'loss_t2i']) need(p, isNum(e[k]), `expected.${k}`, 'a number');
      for (const k of ['losses_i2t', 'losses_t2i']) need(p, isVector(e[k], n), `expected.${k}`, `${n} numbers`);
      for (const k of ['grad_logits', 'probs_i2t', 'probs_t2i']) {
        if (k in e) need(p, isMatrix(e[k], n, n), `expected.${k}`, `${n}×${n}`);
      }
      return p;
    },
  },

  ntxent: {
    inputs: { required: ['embeddings', 'temperature'], optional: [], oneOf: [] },
    expected: () => ({ required: ['loss', 'losses', 'grad'], optional: [] }),
    check(c, e) {
      const p: Problems = [];
      need(p, isMatrix(c.embeddings) && rowsOf(c.embeddings) % 2 === 0, 'embeddings', '2N rows of numbers');
      need(p, typeof c.temperature === 'number' && c.temperature > 0, 'temperature', 'a positive number');
      if (p.length) return p;
      const [rows, dim] = [rowsOf(c.embeddings), colsOf(c.embeddings)];
      need(p, isNum(e.loss), 'expected.loss', 'a number');
      need(p, isVector(e.losses, rows), 'expected.losses', `${rows} numbers, one per row`);
      need(p, isMatrix(e.grad, rows, dim), 'expected.grad', 'numbers shaped as embeddings');
      return p;
    },
  },

  siglip: {
    inputs: { required: ['image', 'text', 'scale', 'bias'], optional: [], oneOf: [] },
    expected: () => ({ required: ['loss', 'logits', 'grad_image', 'grad_text'], optional: [] }),
    check(c, e) {
      const p: Problems = [];
      need(p, isMatrix(c.image), 'image', 'a matrix of numbers');
      if (p.length) return p;
      const [n, dim] = [rowsOf(c.image), colsOf(c.image)];
      need(p, isMatrix(c.text, n, dim), 'text', 'numbers shaped as image');
      need(p, isNum(c.scale) && isNum(c.bias), 'scale and bias', 'numbers');
      need(p, isNum(e.loss), 'expected.loss', 'a number');
      need(p, isMatrix(e.logits, n, n), 'expected.logits', `${n}×${n}`);
      need(p, isMatrix(e.grad_image, n, dim), 'expected.grad_image', 'numbers shaped as image');
      need(p, isMatrix(e.grad_text, n, dim), 'expected.grad_text', 'numbers shaped as text');
      return p;
    },
  },

  supcon: {
    inputs: { required: ['embeddings', 'labels', 'temperature'], optional: [], oneOf: [] },
    expected: () => ({ required: ['loss', 'losses', 'grad'], optional: [] }),
    check(c, e) {
      const p: Problems = [];
      need(p, isMatrix(c.embeddings), 'embeddings', 'a matrix of numbers');
      if (p.length) return p;
      const [rows, dim] = [rowsOf(c.embeddings), colsOf(c.embeddings)];
      need(p, isVector(c.labels, rows, isInt), 'labels', `${rows} integers`);
      need(p, typeof c.temperature === 'number' && c.temperature > 0, 'temperature', 'a positive number');
      need(p, isNum(e.loss), 'expected.loss', 'a number');
      need(p, isMatrix(e.grad, rows, dim), 'expected.grad', 'numbers shaped as embeddings');
      if (p.length) return p;
      // null exactly where the anchor's label is nobody else's: such an anchor has no positive.
      const labels = c.labels as number[];
      const nullWhere = labels.map((y, i) => !labels.some((z, j) => j !== i && z === y));
      const losses = e.losses as Json[];
      const ok =
        Array.isArray(losses) &&
        losses.length === rows &&
        losses.every((l, i) => (nullWhere[i] ? l === null : isNum(l)));
      need(p, ok, 'expected.losses', 'one number per anchor, null where the anchor has no positive');
      return p;
    },
  },

  dtype: {
    inputs: {
      required: ['op', 'dtype', 'algorithm', 'logits'],
      optional: ['temperature', 'target', 'targets', 'weight', 'reduction', 'scale'],
      oneOf: [],
    },
    expected: (c) => ({ required: ['result', ...(c.op === 'bce' ? ['losses'] : [])], optional: [] }),
    check(c, e) {
      const p: Problems = [];
      need(
        p,
        ['softmax', 'log_softmax', 'cross_entropy', 'bce', 'clip'].includes(c.op as string),
        'op',
        'an operation',
      );
      need(p, ['float32', 'float16', 'bfloat16'].includes(c.dtype as string), 'dtype', 'a format');
      need(p, ['stable', 'naive'].includes(c.algorithm as string), 'algorithm', "'stable' or 'naive'");
      need(p, isMatrix(c.logits), 'logits', 'a matrix of numbers');
      if (p.length) return p;
      const [rows, cols] = [rowsOf(c.logits), colsOf(c.logits)];
      if (c.op === 'softmax' || c.op === 'log_softmax')
        need(p, isMatrix(e.result, rows, cols), 'expected.result', 'numbers shaped as logits');
      else if (c.op === 'cross_entropy' && c.reduction === 'none')
        need(p, isVector(e.result, rows), 'expected.result', 'a loss per row');
      else need(p, isNum(e.result), 'expected.result', 'a number');
      if (c.op === 'cross_entropy') need(p, isVector(c.target, rows, isInt), 'target', 'a class per row');
      if (c.op === 'bce') need(p, isMatrix(c.targets, rows, cols), 'targets', 'numbers shaped as logits');
      if (c.op === 'clip') need(p, rows === cols, 'logits', 'a square matrix');
      return p;
    },
  },
  bce: {
    inputs: { required: ['logits', 'targets', 'reduction'], optional: ['pos_weight'], oneOf: [] },
    expected: () => ({ required: ['loss', 'losses', 'grad'], optional: [] }),
    check(c, e) {
      const p: Problems = [];
      need(p, isMatrix(c.logits), 'logits', 'a matrix of numbers');
      if (p.length) return p;
      const [rows, cols] = [rowsOf(c.logits), colsOf(c.logits)];
      const zeroOne =
        isMatrix(c.targets, rows, cols) && (c.targets as number[][]).flat().every((t) => t === 0 || t === 1);
      need(p, zeroOne, 'targets', 'numbers shaped as logits, each 0 or 1');
      need(p, ['mean', 'sum'].includes(c.reduction as string), 'reduction', "'mean' or 'sum'");
      if ('pos_weight' in c) need(p, isVector(c.pos_weight, cols), 'pos_weight', `${cols} numbers, one per column`);
      need(p, isNum(e.loss), 'expected.loss', 'a number');
      need(p, isMatrix(e.losses, rows, cols), 'expected.losses', 'numbers shaped as logits');
      need(p, isMatrix(e.grad, rows, cols), 'expected.grad', 'numbers shaped as logits');
      return p;
    },
  },

  focal: {
    inputs: { required: ['logits', 'gamma', 'reduction'], optional: ['alpha'], oneOf: [['targets', 'target']] },
    expected: () => ({ required: ['loss', 'losses', 'grad'], optional: [] }),
    check(c, e) {
      const p: Problems = [];
      need(p, isMatrix(c.logits), 'logits', 'a matrix of numbers');
      if (p.length) return p;
      const [rows, cols] = [rowsOf(c.logits), colsOf(c.logits)];
      need(p, typeof c.gamma === 'number' && c.gamma >= 0, 'gamma', 'a number ≥ 0');
      need(p, ['mean', 'sum', 'none'].includes(c.reduction as string), 'reduction', "'mean', 'sum' or 'none'");
      const none = c.reduction === 'none';
      if ('targets' in c) {
        const unit = isMatrix(c.targets, rows, cols) && (c.targets as number[][]).flat().every((t) => t >= 0 && t <= 1);
        need(p, unit, 'targets', 'numbers in [0, 1] shaped as logits');
        if ('alpha' in c) need(p, isNum(c.alpha), 'alpha', 'a number (negative: none)');
        need(p, none ? isMatrix(e.loss, rows, cols) : isNum(e.loss), 'expected.loss', none ? 'a matrix' : 'a number');
        need(p, isMatrix(e.losses, rows, cols), 'expected.losses', 'numbers shaped as logits');
      } else {
        const classIndex = (y: Json) => isInt(y) && (y as number) >= 0 && (y as number) < cols;
        need(p, isVector(c.target, rows, classIndex), 'target', `${rows} class indices`);
        if ('alpha' in c)
          need(
            p,
            isVector(c.alpha, undefined) && [1, cols].includes((c.alpha as Json[]).length),
            'alpha',
            `1 or ${cols} numbers`,
          );
        need(p, none ? isVector(e.loss, rows) : isNum(e.loss), 'expected.loss', none ? `${rows} numbers` : 'a number');
        need(p, isVector(e.losses, rows), 'expected.losses', `${rows} numbers, one per row`);
      }
      need(p, isMatrix(e.grad, rows, cols), 'expected.grad', 'numbers shaped as logits');
      return p;
    },
  },

  distill: {
    inputs: {
      required: ['student', 'teacher', 'temperature', 'reduction'],
      optional: ['target'],
      oneOf: [],
      together: { target: ['alpha'] },
    },
    expected: () => ({ required: ['loss', 'losses', 'grad'], optional: [] }),
    check(c, e) {
      const p: Problems = [];
      need(p, isMatrix(c.student), 'student', 'a matrix of numbers');
      if (p.length) return p;
      const [rows, cols] = [rowsOf(c.student), colsOf(c.student)];
      need(p, isMatrix(c.teacher, rows, cols), 'teacher', 'numbers shaped as student');
      need(p, typeof c.temperature === 'number' && c.temperature > 0, 'temperature', 'a positive number');
      const reductions = ['batchmean', 'mean', 'sum', 'none'];
      need(p, reductions.includes(c.reduction as string), 'reduction', reductions.join(', '));
      if ('target' in c) {
        const classIndex = (y: Json) => isInt(y) && (y as number) >= 0 && (y as number) < cols;
        need(p, isVector(c.target, rows, classIndex), 'target', `${rows} class indices`);
        need(p, typeof c.alpha === 'number' && c.alpha >= 0 && c.alpha <= 1, 'alpha', 'a number in [0, 1]');
        need(p, c.reduction !== 'none', 'reduction', 'not none with target');
      }
      const none = c.reduction === 'none';
      need(p, none ? isMatrix(e.loss, rows, cols) : isNum(e.loss), 'expected.loss', none ? 'a matrix' : 'a number');
      need(p, isVector(e.losses, rows), 'expected.losses', `${rows} numbers, one per row`);
      need(p, isMatrix(e.grad, rows, cols), 'expected.grad', 'numbers shaped as student');
      return p;
    },
  },

  hinge: {
    inputs: { required: ['logits', 'target', 'style', 'p', 'margin', 'reduction'], optional: ['weight'], oneOf: [] },
    expected: () => ({ required: ['loss', 'losses', 'grad'], optional: [] }),
    check(c, e) {
      const p: Problems = [];
      need(p, isMatrix(c.logits), 'logits', 'a matrix of numbers');
      if (p.length) return p;
      const [rows, cols] = [rowsOf(c.logits), colsOf(c.logits)];
      const classIndex = (y: Json) => isInt(y) && (y as number) >= 0 && (y as number) < cols;
      need(p, isVector(c.target, rows, classIndex), 'target', `${rows} class indices`);
      need(p, ['ww', 'torch', 'cs'].includes(c.style as string), 'style', "'ww', 'torch' or 'cs'");
      need(p, c.p === 1 || c.p === 2, 'p', '1 or 2');
      need(p, isNum(c.margin), 'margin', 'a number');
      if ('weight' in c) need(p, isVector(c.weight, cols), 'weight', `${cols} numbers, one per class`);
      need(p, ['mean', 'sum', 'none'].includes(c.reduction as string), 'reduction', "'mean', 'sum' or 'none'");
      const none = c.reduction === 'none';
      need(p, none ? isVector(e.loss, rows) : isNum(e.loss), 'expected.loss', none ? `${rows} numbers` : 'a number');
      need(p, isVector(e.losses, rows), 'expected.losses', `${rows} numbers, one per row`);
      need(p, isMatrix(e.grad, rows, cols), 'expected.grad', 'numbers shaped as logits');
      return p;
    },
  },

  conventions: {
    inputs: {
      required: ['library', 'convention', 'xent'],
      optional: [
        'image',
        'text',
        'logit_scale',
        'logit_bias',
        'hidden',
        'features',
        'embeddings',
        'labels',
        'temperature',
        'base_temperature',
        'contrast_mode',
        'classes',
        'target',
        'weight',
        'label_smoothing',
        'reduction',
        'p',
        'log_p',
        'q',
        'p_logits',
        'q_logits',
        'logits',
        'targets',
        'sample_weight',
        'world_size',
        'rank',
        'loss',
        'scale',
        'bias',
      ],
      oneOf: [],
    },
    expected: () => ({
      required: [],
      optional: [
        'loss',
        'grad',
        'grad_scale',
        'grad_logit_scale',
        'grad_bias',
        'grad_image',
        'grad_text',
        'simclr_loss',
        'chance',
        'elements',
        'losses',
        'row_losses',
        'target_probs',
        'log_sum_exp',
        'hessian',
        'logits_per_image',
        'logits_per_text',
      ],
    }),
    check(c, e) {
      const p: Problems = [];
      const libraries = ['open_clip', 'hf', 'simclr', 'supcontrast', 'pml', 'torch', 'keras', 'tutorial'];
      need(p, libraries.includes(c.library as string), 'library', libraries.join(', '));
      need(p, typeof c.convention === 'string', 'convention', 'the name of a loss in generate.py');
      need(
        p,
        isVector(c.xent, undefined, (x) => typeof x === 'string'),
        'xent',
        "xent's arguments, as strings",
      );
      need(p, Object.keys(e).length > 0, 'expected', 'at least one value');
      for (const [key, value] of Object.entries(e))
        need(
          p,
          isNum(value) ||
            isVector(value) ||
            isMatrix(value) ||
            (Array.isArray(value) && value.every((m) => isMatrix(m))),
          `expected.${key}`,
          'a number, or a list, matrix or list of matrices of numbers',
        );
      return p;
    },
  },
  lm: {
    inputs: {
      required: ['logits', 'tokens', 'shift'],
      optional: ['ignore_index'],
      oneOf: [['seq_len', 'breaks']],
    },
    expected: () => ({
      required: ['loss', 'losses', 'perplexity', 'sequence_losses', 'sequence_loss', 'grad'],
      optional: [],
    }),
    check(c, e) {
      const p: Problems = [];
      need(p, isMatrix(c.logits), 'logits', 'a matrix of numbers');
      if (p.length) return p;
      const [rows, cols] = [rowsOf(c.logits), colsOf(c.logits)];
      const ignore = (c.ignore_index as number | undefined) ?? -100;
      const token = (y: Json) => isInt(y) && (y === ignore || ((y as number) >= 0 && (y as number) < cols));
      need(p, isVector(c.tokens, rows, token), 'tokens', `${rows} token ids or the ignore index`);
      need(p, typeof c.shift === 'boolean', 'shift', 'true or false');
      if ('seq_len' in c)
        need(p, isInt(c.seq_len) && rows % (c.seq_len as number) === 0, 'seq_len', 'a divisor of the rows');
      if ('breaks' in c) need(p, isVector(c.breaks, undefined, isInt), 'breaks', 'row counts');
      need(p, isNum(e.loss) && isNum(e.perplexity) && isNum(e.sequence_loss), 'expected.loss', 'numbers');
      need(p, isVector(e.losses, rows), 'expected.losses', `${rows} numbers, one per row`);
      need(p, isVector(e.sequence_losses), 'expected.sequence_losses', 'one number per sequence');
      need(p, isMatrix(e.grad, rows, cols), 'expected.grad', 'numbers shaped as logits');
      return p;
    },
  },

  infonce: {
    inputs: {
      required: ['temperature'],
      optional: ['normalize'],
      oneOf: [['logits', 'query']],
      together: { query: ['pos', 'neg'] },
    },
    expected: (c) => ({
      required: ['loss', 'losses', 'logits', ...('query' in c ? ['grad_query', 'grad_pos', 'grad_neg'] : ['grad'])],
      optional: [],
    }),
    check(c, e) {
      const p: Problems = [];
      need(p, typeof c.temperature === 'number' && c.temperature > 0, 'temperature', 'a positive number');
      if ('logits' in c) {
        need(p, isMatrix(c.logits), 'logits', 'a matrix of numbers');
        if (p.length) return p;
        need(p, isMatrix(e.grad, rowsOf(c.logits), colsOf(c.logits)), 'expected.grad', 'numbers shaped as logits');
        return p;
      }
      need(p, isMatrix(c.query) && isMatrix(c.pos) && isMatrix(c.neg), 'query', 'query, pos and neg matrices');
      if (p.length) return p;
      const [n, d] = [rowsOf(c.query), colsOf(c.query)];
      need(p, isMatrix(c.pos, n, d), 'pos', 'shaped as query');
      need(p, colsOf(c.neg) === d, 'neg', `${d} columns`);
      need(p, isMatrix(e.logits, n, 1 + rowsOf(c.neg)), 'expected.logits', 'N × (1 + K)');
      need(p, isVector(e.losses, n), 'expected.losses', `${n} numbers`);
      need(p, isMatrix(e.grad_neg, rowsOf(c.neg), d), 'expected.grad_neg', 'shaped as neg');
      return p;
    },
  },

  retrieval: {
    inputs: { required: ['sim', 'text_image'], optional: [], oneOf: [] },
    expected: () => ({
      required: ['i2t', 't2i'].flatMap((d) =>
        ['ranks', 'mean_rank', 'median_rank', 'r1', 'r5', 'r10'].map((k) => `${d}_${k}`),
      ),
      optional: [],
    }),
    check(c, e) {
      const p: Problems = [];
      need(p, isMatrix(c.sim), 'sim', 'a matrix of numbers');
      if (p.length) return p;
      const [images, texts] = [rowsOf(c.sim), colsOf(c.sim)];
      const image = (y: Json) => isInt(y) && (y as number) >= 0 && (y as number) < images;
      need(p, isVector(c.text_image, texts, image), 'text_image', `${texts} image indices`);
      need(p, isVector(e.i2t_ranks, images, isInt), 'expected.i2t_ranks', `${images} ranks`);
      need(p, isVector(e.t2i_ranks, texts, isInt), 'expected.t2i_ranks', `${texts} ranks`);
      return p;
    },
  },
};

/** Missing, doubled (one-of) and unknown fields of a case and of its expected values. */
function fieldProblems(schema: Schema, c: Case): Problems {
  const p: Problems = [];
  const { required, oneOf, together = {} } = schema.inputs;
  for (const k of required) need(p, k in c, k, 'present');
  for (const group of oneOf) {
    const given = group.filter((k) => k in c);
    need(p, given.length === 1, group.join(' | '), 'exactly one of them');
  }
  for (const [k, companions] of Object.entries(together)) {
    for (const other of companions) need(p, !(k in c) || other in c, other, `given with ${k}`);
    for (const other of companions) need(p, k in c || !(other in c), other, `given only with ${k}`);
  }
  const known = new Set(['id', 'expected', ...inputFields(schema)]);
  for (const k of Object.keys(c)) need(p, known.has(k), k, 'a field the README lists');
  need(p, typeof c.id === 'string' && c.id !== '', 'id', 'a non-empty string');
  const e = c.expected;
  if (typeof e !== 'object' || e === null || Array.isArray(e)) return [...p, 'expected: should be an object'];
  const want = schema.expected(c);
  for (const k of want.required) need(p, k in e, `expected.${k}`, 'present');
  const allowed = new Set([...want.required, ...want.optional]);
  for (const k of Object.keys(e)) need(p, allowed.has(k), `expected.${k}`, 'a field the README lists for this case');
  return p;
}

function inputFields(s: Schema): string[] {
  const { required, optional, oneOf, together = {} } = s.inputs;
  return [...required, ...optional, ...oneOf.flat(), ...Object.values(together).flat()];
}

/** Every field name a schema can use, for comparison with the README's table. */
function fieldNames(name: string): string[] {
  const s = SCHEMAS[name];
  const inputs = inputFields(s);
  // The union over the kinds of case: each schema's expected() depends only on which inputs are given.
  const probes: Case[] = [{}, ...inputs.map((k) => ({ [k]: [] }))];
  const expected = probes.flatMap((c) => {
    const w = s.expected(c);
    return [...w.required, ...w.optional];
  });
  return [...new Set([...inputs, ...expected])];
}

// ---- the tests ------------------------------------------------------------------------------

const fixtureNames = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();
const readme = readFileSync(join(DIR, 'README.md'), 'utf8');

function load(name: string): { generator: Json; cases: Case[] } {
  return JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8'));
}

describe('the PyTorch fixture generator', () => {
  it('is beside the fixtures and has an entry for every fixture file', () => {
    expect(existsSync(SCRIPT), SCRIPT).toBe(true);
    const script = readFileSync(SCRIPT, 'utf8');
    expect(script.startsWith('#!/usr/bin/python3')).toBe(true);
    for (const name of fixtureNames)
      expect(script, `LOSSES entry for ${name}`).toMatch(new RegExp(`"${name}": Loss\\(`));
  });

  it('there is a schema here for every fixture file, and a fixture file for every schema', () => {
    expect(fixtureNames).toEqual(Object.keys(SCHEMAS).sort());
  });

  it.each(fixtureNames)("the README's table lists every field of %s.json", (name) => {
    const row = readme.split('\n').find((line) => line.startsWith(`| ${name}.json |`));
    expect(row, `README row for ${name}.json`).toBeDefined();
    const listed = new Set([...row!.matchAll(/`([^`]+)`/g)].map((m) => m[1]));
    expect(
      fieldNames(name).filter((k) => !listed.has(k)),
      `fields of ${name}.json missing from the README`,
    ).toEqual([]);
  });
});

describe.each(fixtureNames)('%s.json has the fields the README lists', (name) => {
  const schema = SCHEMAS[name];
  const document = load(name);

  it('says which PyTorch made it, in float64, from which seed, and has cases with distinct ids', () => {
    expect(document.generator).toMatch(/^PyTorch \S+, float64, seed \d+$/);
    expect(document.cases.length).toBeGreaterThan(0);
    const ids = document.cases.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every case: the fields, their kinds and shapes', () => {
    const problems = document.cases.flatMap((c) => {
      const fields = fieldProblems(schema, c);
      const found = fields.length ? fields : schema.check(c, c.expected as Case);
      return found.map((problem) => `${String(c.id)}: ${problem}`);
    });
    expect(problems).toEqual([]);
  });
});

// /usr/bin/python3 by its full path: Debian's python3-torch installs there, not into a pyenv or venv.
const hasTorch = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;

interface CheckReport {
  torch: string;
  max_rel_error: number;
  max_abs_error_near_zero: number;
  ok: boolean;
  files: Record<string, { cases: number; max_rel_error: number; mismatches: string[]; byte_identical: boolean }>;
}

describe('generate.py --check', () => {
  const title = hasTorch
    ? 'recomputes every stored case with PyTorch and agrees to 1e-12'
    : `skipped: ${PYTHON} cannot import torch (apt-get install python3-torch to run it)`;
  it.skipIf(!hasTorch)(
    title,
    () => {
      const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };
      const run = spawnSync(PYTHON, [SCRIPT, '--check', '--json'], { encoding: 'utf8', env });
      expect(run.stderr).toBe('');
      const report = JSON.parse(run.stdout) as CheckReport;
      expect(Object.keys(report.files).sort()).toEqual(fixtureNames);
      for (const [name, file] of Object.entries(report.files)) {
        expect(file.cases, name).toBe(load(name).cases.length);
        expect(file.mismatches, name).toEqual([]);
      }
      expect(report.max_rel_error).toBeLessThanOrEqual(REL);
      expect(report.max_abs_error_near_zero).toBeLessThanOrEqual(ABS);
      expect(report.ok).toBe(true);
      expect(run.status).toBe(0);
    },
    120_000,
  );
});
