import { describe, expect, it } from 'vitest';
import { normalizeCompanyName, normalizePhones } from '../../src/profile/normalize.js';

describe('normalizeCompanyName', () => {
  it.each([
    ['华东科技有限公司', '华东科技'],
    ['华东科技（集团）有限公司', '华东科技'],
    ['华东科技集团股份有限公司', '华东科技'],
    ['ＨＵＡＤＯＮＧ Ｔｅｃｈ Ｃｏ．，Ｌｔｄ．', 'huadongtech'],
    ['Huadong Tech Co., Ltd.', 'huadongtech'],
    ['huadong tech limited', 'huadongtech'],
    ['上海市东方电子有限公司', '上海东方电子'],
    ['黑龙江省哈尔滨机械有限公司', '黑龙江哈尔滨机械'],
  ])('%s → %s', (name, expected) => {
    expect(normalizeCompanyName(name)).toBe(expected);
  });

  it('keeps what tells companies apart', () => {
    expect(normalizeCompanyName('无锡瑞丰科技有限公司')).not.toBe(
      normalizeCompanyName('苏州瑞丰科技有限公司'),
    );
    // A legal form is a whole word: "disco" keeps its "co", 城市 and 超市 keep their 市.
    expect(normalizeCompanyName('Disco')).toBe('disco');
    expect(normalizeCompanyName('城市之光有限公司')).toBe('城市之光');
    expect(normalizeCompanyName('华联超市有限公司')).toBe('华联超市');
    // Nothing but a legal form is still a name, not nothing.
    expect(normalizeCompanyName('公司')).toBe('公司');
    expect(normalizeCompanyName(' ，。 ')).toBeUndefined();
  });
});

describe('normalizePhones', () => {
  it('reduces a number to its digits without the country code', () => {
    for (const written of [
      '+86 138-0000-0000',
      '13800000000',
      '0086 138 0000 0000',
      '(+86)138.0000.0000',
      '１３８００００００００',
    ])
      expect(normalizePhones(written)).toEqual(['13800000000']);
  });

  it('reads several numbers in one cell and ignores what is too short to be a phone', () => {
    expect(normalizePhones('021-1234 5678; (021)12345678 / 139-0000-1111')).toEqual([
      '02112345678',
      '13900001111',
    ]);
    expect(normalizePhones('ext. 123')).toEqual([]);
  });
});
