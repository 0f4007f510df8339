import { formatCount } from '../../format/number.js';
import type { factsout as en } from '../en/factsout.js';
import type { Messages } from '../text.js';

export const factsout = {
  noCustomerData: '没有客户数据：请提供客户文件（--data）、交易记录（--transactions），或两者都提供',
  noCustomerDataHelp: '不提供 --data 时，客户即交易记录中出现过的各个客户编号，按首次出现的顺序排列',
  customersFromLog: (p) =>
    `没有客户文件：客户取自交易记录 ${p.file} 中的 ${formatCount(p.customers)} 个不同客户编号${
      p.facts === '' ? '' : `；列事实 ${p.facts} 没有取值`
    }`,
  customersFromLogHelp:
    '没有取值的列事实使用其默认值，其指标的缺失值规则照常适用；提供 --data 即可读取这些列',
  customerNotFound: (p) => `${p.file} 中没有客户 ${p.ids}`,
  customerNotFoundHelp: '请对照主键列核对编号；已找到的客户的事实照常写出',
  nothingTiered: '该策略没有分级：它只计算事实（有分类器时还计算分类），不给任何客户定级',
  nothingTieredHelp: '`tierwise facts` 和分类只需如此；如需给客户定级，请添加 `tiers:` 一节',
  needsTiers: (p) => `\`tierwise ${p.command}\` 比较的是分级，而该策略没有分级`,
  needsTiersHelp: '请添加 `tiers:` 一节，或用 `tierwise facts`、`tierwise eval` 查看事实与分类',
  noTiersReason: '该策略没有分级',
  factsFormat: (p) =>
    `\`tierwise eval\`：--facts 只能加到 csv、ndjson 和 json 结果中，不能用于 --format ${p.format}`,
  factsSummary: '`tierwise eval`：--facts 把事实加到每位客户的结果中；--summary 不输出客户结果',
  factsWritten: (p) =>
    `已写出 ${formatCount(p.customers)} 位客户的事实（每位 ${formatCount(p.facts)} 项），读取 ${formatCount(p.rows)} 行${p.skipped}`,
} satisfies Messages<typeof en>;
