import { describe, expect, it } from 'vitest';
import { langFromEnv } from '../src/i18n/lang.js';
import { catalogue } from '../src/i18n/messages.js';
import { makeTranslator } from '../src/i18n/translator.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogue', () => {
  const enKeys = Object.keys(catalogue.en).sort();
  const zhKeys = Object.keys(catalogue.zh).sort();

  it('has every key in both languages', () => {
    expect(
      enKeys.filter((k) => !zhKeys.includes(k)),
      'missing in zh',
    ).toEqual([]);
    expect(
      zhKeys.filter((k) => !enKeys.includes(k)),
      'missing in en',
    ).toEqual([]);
  });

  it.each(enKeys)('%s has the same placeholders and no empty text in both languages', (key) => {
    const en = catalogue.en[key as keyof typeof catalogue.en];
    const zh = catalogue.zh[key as keyof typeof catalogue.zh];
    expect(en.trim(), 'en text').not.toBe('');
    expect(zh.trim(), 'zh text').not.toBe('');
    expect(placeholders(zh)).toEqual(placeholders(en));
  });
});

describe('the Chinese messages keep one style', () => {
  const zh = catalogue.zh as Record<string, string>;
  const keys = Object.keys(zh);
  // Errors, warnings and what goes inside them; the prose of help and explanations writes mathematics too.
  const stderrKeys = keys.filter((k) => /^(err|warn|suggest\.why|tensor)\./.test(k));
  it('full-width punctuation in sentences: no ASCII , ; : ? ! ( beside a Chinese character', () => {
    const ascii = /[\u4e00-\u9fff][,;:?!()]|[,;:?!(][\u4e00-\u9fff]/;
    // (Mathematics keeps its ASCII: a function's argument, KL(教师 ‖ 学生), is left out of the check.)
    const prose = (text: string) => text.replace(/\w\([^()]*\)/g, '');
    expect(stderrKeys.filter((k) => ascii.test(prose(zh[k])))).toEqual([]);
  });
  it('no space between two Chinese characters (a space stands only beside Latin text and numbers)', () => {
    expect(keys.filter((k) => /[\u4e00-\u9fff] [\u4e00-\u9fff]/.test(zh[k]))).toEqual([]);
  });
  it('what the user wrote is quoted “…”; ASCII quotes only around a command to type', () => {
    const commands = new Set(['err.tryHelp', 'err.usuallyMeant', 'demo.lead.check']);
    expect(keys.filter((k) => /'\{\w+\}'/.test(zh[k]) && !commands.has(k))).toEqual([]);
  });
  it('one word for each thing: 你 (not 您), logit (not logits, which names code), 焦点损失', () => {
    expect(keys.filter((k) => zh[k].includes('您'))).toEqual([]);
    // logits as a name: ∂loss/∂logits, F.cross_entropy(logits / T), JSON fields and --key paths.
    const fieldNames = new Set(['help.infonce.output', 'help.opt.key']);
    expect(keys.filter((k) => /(?<![\w.(∂-])logits(?!\w)/.test(zh[k]) && !fieldNames.has(k))).toEqual([]);
    expect(keys.filter((k) => /focal 损失/.test(zh[k]))).toEqual([]);
  });
});

describe('translator', () => {
  it('joins a list as each language writes one', () => {
    const params = { option: '--axis', choices: { list: ['row', 'col'] }, value: 'x' } as const;
    expect(makeTranslator('en').t('err.badChoice', params)).toBe("option --axis takes one of row, col, got 'x'");
    expect(makeTranslator('zh').t('err.badChoice', params)).toBe('选项 --axis 只能取 row、col 之一，收到的是“x”');
    expect(makeTranslator('both').t('err.badChoice', params)).toBe(
      "选项 --axis 只能取 row、col 之一，收到的是“x”\noption --axis takes one of row, col, got 'x'",
    );
  });

  it('fills placeholders, including nested messages in the same language', () => {
    const params = { source: { key: 'source.file', params: { path: 'a.csv' } }, row: 2, got: 1, expected: 3 } as const;
    expect(makeTranslator('en').t('err.ragged', params)).toBe(
      "row 2 of 'a.csv' has length 1, but row 1 has length 3; every row needs the same number of columns",
    );
    expect(makeTranslator('zh').t('err.ragged', params)).toBe(
      '“a.csv”第 2 行有 1 个数，但第 1 行有 3 个；每行的列数必须相同',
    );
  });

  it('puts labels side by side and sentences on two lines in both', () => {
    const t = makeTranslator('both');
    expect(t.label('label.row')).toBe('行 row');
    expect(t.t('err.empty', { source: { key: 'source.stdin' } })).toBe(
      '标准输入中没有找到数字\nno numbers found in standard input',
    );
  });
});

describe('language from the environment', () => {
  it.each([
    [{}, 'en'],
    [{ LANG: 'zh_CN.UTF-8' }, 'zh'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LC_ALL: 'zh_TW', LANG: 'en_US' }, 'zh'],
    [{ LC_ALL: 'C', LANG: 'zh_CN' }, 'en'],
    [{ LC_MESSAGES: 'zh_CN', LANG: 'en_US' }, 'zh'],
    [{ XENT_LANG: 'zh', LANG: 'en_US' }, 'zh'],
    [{ XENT_LANG: 'both' }, 'both'],
    [{ XENT_LANG: 'en', LC_ALL: 'zh_CN' }, 'en'],
    [{ LANG: 'zh_HK.UTF-8' }, 'zh'],
  ])('%o → %s', (env, lang) => {
    expect(langFromEnv(env)).toBe(lang);
  });
  it('Taiwan and Hong Kong locales get the Simplified Chinese texts, as the README and -L help say', async () => {
    const { xent } = await import('./helpers/cli.js');
    for (const LANG of ['zh_TW.UTF-8', 'zh_HK.UTF-8']) {
      expect((await xent(['softmax', 'abc'], { env: { LANG } })).stderr).toContain('不是数字'); // 数 and 是 are Simplified (數)
    }
    expect((await xent(['--help'], { env: { LANG: 'zh_TW' } })).stdout).toContain('简体中文');
  });
});
