import type { mapping as en } from '../en/mapping.js';
import type { Messages } from '../text.js';

export const mapping = {
  notAMapping: (p) =>
    p.kind === ''
      ? '这不是列映射文件：缺少 kind'
      : `这不是列映射文件：kind 为「${p.kind}」，应为 ColumnMapping`,
  notAMappingHelp:
    '列映射文件以 `apiVersion: tierwise/v1` 和 `kind: ColumnMapping` 开头（见 docs/data.md）；策略文件本身请用 --policy 指定',
  unknownFact: (p) => `映射中的事实「${p.id}」在策略中没有声明`,
  unknownField: (p) => `映射中的交易字段「${p.id}」在策略的 sources.transactions.fields 中没有声明`,
  didYouMean: (p) => `是否想写「${p.guess}」？`,
  knownFacts: (p) => `策略中的事实：${p.list}`,
  knownFields: (p) => `策略中的交易字段：${p.list}`,
  noFacts: '策略没有声明任何事实',
  noFields: '策略没有声明任何交易字段（`sources.transactions.fields`）',
  formatNotDate: (p) => `为「${p.id}」指定了日期格式，但它是 ${p.type} 类型的事实，不是日期`,
  formatNotDateHelp: (p) => `只写列名即可（${p.id}: ${p.column}）；日期格式只适用于日期类事实`,
  sharedColumn: (p) => `按此映射，${p.ids} 都将读取列「${p.column}」`,
  sharedColumnHelp: '策略原本从不同的列读取它们；请把每个事实映射到导出文件中各自的列',
} satisfies Messages<typeof en>;
