import type { suggest as en } from '../en/suggest.js';
import type { Messages } from '../text.js';
import { key } from './terms.js';

export const suggest = {
  didYouMean: (p) => `是否想写 ${p.code ? key(p.guess) : `'${p.guess}'`}？`,
  noneDeclared: (p) => `未声明任何${p.what}`,
  known: (p) =>
    `已声明的${p.what}：${(p.code ? p.names.map(key) : p.names).join('、')}${p.more ? '、…' : ''}`,
  properties: '属性',
  facts: '事实',
  tiers: '等级',
  values: '取值',
  namedConditions: '命名条件',
  rowBands: '行区间',
  columnBands: '列区间',
  dimensions: '维度',
  columns: '列',
  sheets: '工作表',
  functions: '函数',
} satisfies Messages<typeof en>;
