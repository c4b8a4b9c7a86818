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

describe('translator', () => {
  it('fills placeholders, including nested messages in the same language', () => {
    const params = { source: { key: 'source.file', params: { path: 'a.csv' } }, row: 2, got: 1, expected: 3 } as const;
    expect(makeTranslator('en').t('err.ragged', params)).toBe(
      "row 2 of 'a.csv' has length 1, but row 1 has length 3; every row needs the same number of columns",
    );
    expect(makeTranslator('zh').t('err.ragged', params)).toBe(
      '“a.csv”第 2 行的长度是 1，但第 1 行的长度是 3；每行的列数必须相同',
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
