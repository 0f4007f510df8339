import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en/index.js';
import { msg, render, t } from '../../src/i18n/text.js';
import { zhCN } from '../../src/i18n/zh-CN/index.js';
import { untranslated } from '../helpers/untranslated.js';

describe('message catalogues', () => {
  it('have the same areas and entries in every language', () => {
    const shape = (c: Record<string, Record<string, unknown>>) =>
      Object.fromEntries(Object.entries(c).map(([area, entries]) => [area, Object.keys(entries).sort()]));
    expect(shape(zhCN)).toEqual(shape(en));
  });

  it('leaves no English in a Chinese text that takes no parameters', () => {
    const english: string[] = [];
    for (const [area, entries] of Object.entries(zhCN))
      for (const [key, entry] of Object.entries(entries))
        if (typeof entry === 'string')
          english.push(...untranslated(entry).map((e) => `${area}.${key}: ${e}`));
    expect(english).toEqual([]);
  });

  it('reads labels in the language of the output', () => {
    const label = { en: 'Key', 'zh-CN': '重点客户' };
    expect(render('zh-CN', msg('diagnostics.rowAt', { file: label, row: 3 }))).toBe('重点客户 第 3 行');
    expect(render('en', msg('diagnostics.rowAt', { file: label, row: 3 }))).toBe('Key row 3');
  });

  it('says one customer and many customers', () => {
    expect(t('en', 'common.customers', { n: 1 })).toBe('1 customer');
    expect(t('en', 'common.customers', { n: 3000 })).toBe('3,000 customers');
    expect(t('zh-CN', 'common.customers', { n: 3000 })).toBe('3,000 位客户');
  });
});

describe('untranslated', () => {
  it('finds English words and lets ids, codes, units, dates and flags through', () => {
    expect(
      untranslated('error[TW0102]: 12 个客户 VIP CNY 2026-02-28 PT4H --as-of policies/x.tier.yaml', []),
    ).toEqual([
      "line 1: 'error' in: error[TW0102]: 12 个客户 VIP CNY 2026-02-28 PT4H --as-of policies/x.tier.yaml",
    ]);
    expect(untranslated('等级 vip 与 spend12m', ['vip', 'spend12m'])).toEqual([]);
  });
});
