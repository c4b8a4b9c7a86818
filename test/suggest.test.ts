// An unknown command names the nearest command and what another library's name usually means.
import { describe, expect, it } from 'vitest';
import { plainName, suggest, usualMeaning } from '../src/cli/suggest.js';
import { COMMANDS } from '../src/commands/index.js';
import { expectErrorInBothLanguages } from './helpers/cli.js';

const names = COMMANDS.flatMap((c) => [c.name, ...(c.aliases ?? [])]);

describe('usualMeaning', () => {
  it.each([
    ['nll', 'xent ce --probs'],
    ['NLLLoss', 'xent ce --probs'],
    ['nll_loss', 'xent ce --probs'],
    ['svm', 'xent hinge'],
    ['MultiMarginLoss', 'xent hinge'],
    ['sigmoid', 'xent bce'],
    ['BCEWithLogitsLoss', 'xent bce'],
    ['kd', 'xent distill'],
    ['kl_div', 'xent kl'],
    ['KLDivLoss', 'xent kl'],
    ['SimCLR', 'xent ntxent'],
    ['NTXentLoss', 'xent ntxent'],
    ['SupConLoss', 'xent supcon'],
    ['CrossEntropyLoss', 'xent ce'],
  ])('%s → %s', (word, usage) => {
    expect(usualMeaning(word, names)?.usage).toBe(usage);
  });

  it('points to the first command of a meaning that exists', () => {
    expect(usualMeaning('infonce', ['clip', 'ce'])?.usage).toBe('xent clip');
    expect(usualMeaning('infonce', ['infonce', 'clip'])?.usage).toBe('xent infonce');
    expect(usualMeaning('perplexity', ['ce'])?.usage).toBe('xent ce');
    expect(usualMeaning('perplexity', ['lm', 'ce'])?.usage).toBe('xent lm');
    // A meaning whose commands are all missing is not offered.
    expect(usualMeaning('svm', ['ce'])).toBeUndefined();
  });

  it('offers nothing for a word it does not know', () => {
    expect(usualMeaning('bogus', names)).toBeUndefined();
    expect(usualMeaning('triplet', names)).toBeUndefined();
  });

  it('compares names without case, separators or a final "loss"', () => {
    expect(plainName('NLL_Loss')).toBe('nll');
    expect(plainName('kl-div')).toBe('kldiv');
    // "loss" alone is not emptied.
    expect(plainName('loss')).toBe('loss');
  });

  it('every meaning that names an existing command names a real command of xent', () => {
    for (const word of ['nll', 'svm', 'sigmoid', 'kd', 'kldiv', 'infonce', 'simclr', 'recall', 'focalloss']) {
      const meaning = usualMeaning(word, names)!;
      expect(names, word).toContain(meaning.usage.split(' ')[1]);
    }
  });

  it('suggest still finds typos', () => {
    expect(suggest('sofmax', names)).toBe('softmax');
  });
});

describe('xent NAME for another library’s name', () => {
  it('nll → ce --probs, in both languages', async () => {
    await expectErrorInBothLanguages(
      ['nll', '0.7,0.3'],
      "xent: error: unknown command 'nll' — try 'xent ce --probs': a negative log-likelihood of probabilities; PyTorch's F.nll_loss takes log-probabilities, which plain xent ce takes as logits (log-softmax leaves them as they are)\nTry 'xent --help'.",
      "xent: 错误：未知命令“nll”——请试试 'xent ce --probs'：概率的负对数似然；PyTorch 的 F.nll_loss 接收对数概率，而不带选项的 xent ce 把对数概率当作 logit（log-softmax 不会改变它们）\n请运行 'xent --help' 查看用法。",
    );
  });

  it('kd names the nearest command and what it usually means', async () => {
    await expectErrorInBothLanguages(
      ['kd'],
      "xent: error: unknown command 'kd' (did you mean kl?) — try 'xent distill': knowledge distillation: T²·KL(teacher ‖ student) at temperature T, as Hinton et al.\nTry 'xent --help'.",
      "xent: 错误：未知命令“kd”（你是不是想用 kl？）——请试试 'xent distill'：知识蒸馏：温度 T 下的 T²·KL(教师 ‖ 学生)，同 Hinton 等人\n请运行 'xent --help' 查看用法。",
    );
  });

  it('xent help svm says the same as xent svm', async () => {
    await expectErrorInBothLanguages(
      ['help', 'svm'],
      "xent: error: unknown command 'svm' — try 'xent hinge': multi-class margin losses: CS231n's SVM, F.multi_margin_loss and Crammer–Singer (--style)\nTry 'xent --help'.",
      "xent: 错误：未知命令“svm”——请试试 'xent hinge'：多分类间隔损失：CS231n 的 SVM、F.multi_margin_loss 与 Crammer–Singer（--style）\n请运行 'xent --help' 查看用法。",
    );
  });
});
