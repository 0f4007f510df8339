import type { facts as en } from '../en/facts.js';
import type { Messages } from '../text.js';
import { key } from './terms.js';

export const facts = {
  noZone: (p) => `“${key(p.zone)}”不是 IANA 时区`,
  noZoneHelp: '例如 Asia/Shanghai',
  asOfUnreadable: (p) => `基准日“${key(p.input)}”不是日期、日期时间或 \`today\``,
  asOfForms: '请给出日期（2024-03-01）、带时差的日期时间（2024-03-01T18:00:00+08:00）或 `today`',
  noSuchDate: (p) => `基准日 ${p.text} 是不存在的日期`,
  noSuchDateTime: (p) => `基准日 ${p.text} 是不存在的日期时间`,
  monthDays: (p) => `${p.year} 年 ${p.month} 月只有 ${p.days} 天`,
  monthRange: '月份为 01 至 12',
  timeRange: '小时为 00 至 23，分钟和秒为 00 至 59',
  offsetRange: '时差最多 ±18:00，其分钟为 00 至 59',

  calendarNeedsLength: '自然月窗口需要给出长度',
  calendarNeedsLengthHelp: '请加上 `window: P12M`（最近 12 个完整的自然月）',
  notDuration: (p) => `窗口“${key(p.window)}”不是 ISO 8601 时长`,
  notDurationHelp: '例如 P12M（12 个月）或 P90D（90 天）',
  zeroWindow: (p) => `窗口 ${key(p.window)} 的时长为零`,
  fractionalWindow: (p) => `窗口 ${key(p.window)} 含有非整数的年、月、周或天`,
  fractionalWindowHelp: '请使用整数单位，例如用 P45D 代替 `P1.5M`',
  calendarWhole: (p) => `自然月窗口只能按整月或整年计，不能是 ${key(p.window)}`,
  calendarWholeHelp: '例如 P12M 或 P1Y，并设 `calendar: true`',

  aggregateNeedsField: (p) => `聚合 ${key(p.aggregate)} 需要指定它读取的交易字段`,
  aggregateNeedsFieldHelp: '请加上 `of: amount`',
  noKeyFact: '策略中没有标记为 `key: true` 的事实，因此无法区分客户',
  noTransactionSource: '策略没有 `sources.transactions`：没有说明哪些列是客户、日期和金额',
  noTransactionSourceDates: '策略没有 `sources.transactions`：没有说明哪些列是客户和日期',
  unknownCustomers: (p) => `有 ${p.count} 笔交易的客户不在客户文件中（第一个：${p.first}）`,
  unknownCustomersHelp: '这些交易未计入；请检查两个文件使用的客户编号是否一致',
  duplicateKey: (p) => `客户 ${p.key} 重复出现（首次出现在第 ${p.first} 行）；本行被忽略`,
  duplicateKeyHelp: '请删除重复行，或合并这两条记录（同一家公司用了两个名称的情况很常见）',

  // 恶意输入（issue 12）
  aggregateOutOfRange: (p) => `客户 ${p.customer}：由交易流水计算的 ${p.fact} ${p.problem}`,
  aggregateOutOfRangeRowHelp: (p) =>
    `所指的行是 ${p.fact} 读取的${p.bound === 'min' ? '最小' : '最大'}值；该客户的 ${p.fact} 按缺失处理（不计入收入）：请更正这笔交易，或放宽该事实的 \`${p.bound}\``,
  aggregateOutOfRangeHelp: (p) =>
    `该客户的 ${p.fact} 按缺失处理：请检查交易流水，或放宽该事实的 \`${p.bound}\``,
} satisfies Messages<typeof en>;
