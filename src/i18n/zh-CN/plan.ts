import type { plan as en } from '../en/plan.js';
import type { Messages } from '../text.js';

export const plan = {
  review: '等级复评',
  graceEnds: '宽限期结束',
  unanchored: (p: { count: number; first: string }) =>
    `状态文件中有 ${p.count} 个客户没有等级或评级日期，未为其安排服务（第一个：${p.first}）`,
  unanchoredHelp: '请先评级（`tierwise rerate` 会写入等级和评级日期），再生成服务计划',
  badFrom: (p: { text: string }) => `--from ${p.text} 不是日期`,
  badFromHelp: '请以 `YYYY-MM-DD` 写计划的第一天，例如 2025-10-01',
  badHorizon: (p: { text: string }) => `--horizon ${p.text} 不是正的 ISO 8601 时长`,
  badHorizonHelp: '请写计划向前覆盖的时长，例如 P3M（三个月）、P6W、P1Y',
  heading: (p: { policy: string; from: string; to: string; zone: string; calendars: string }) =>
    `${p.policy} 的服务计划，${p.from} 至 ${p.to}（${p.zone}；工作日按 ${p.calendars}）`,
  empty: '此期间没有待办事项。',
  colDate: '日期',
  colManager: '客户经理',
  colCustomer: '客户',
  colTier: '等级',
  colAction: '事项',
  colChannel: '渠道',
  colNote: '备注',
  summary: (p: { items: number; customers: number; managers: number }) =>
    `共 ${p.items} 项，涉及 ${p.customers} 个客户、${p.managers} 位客户经理`,
  noteGrace: (p: { tier: string }) => `可能降至 ${p.tier}`,
  noteOverdue: (p: { due: string }) => `自 ${p.due} 起逾期`,
  noteMoved: (p: { due: string }) => `应于 ${p.due}，顺延至工作日`,
  icsCalendar: (p: { manager: string; policy: string; zone: string }) =>
    `服务计划 ${p.manager} · ${p.policy}（${p.zone}）`,
  icsCustomer: (p: { customer: string }) => `客户：${p.customer}`,
  icsTier: (p: { tier: string; id: string }) => `等级：${p.tier}（${p.id}）`,
  icsChannel: (p: { channel: string }) => `渠道：${p.channel}`,
  icsEvery: (p: { every: string }) => `周期：${p.every}`,
  icsFollowUp: (p: { within: string }) => `请在 ${p.within} 内记录跟进。`,
  icsDue: (p: { due: string }) => `应于 ${p.due}，已顺延至下一个工作日`,
  icsZone: (p: { zone: string }) => `日期为 ${p.zone} 的日历日。`,
  icsFailed: (p: { reason: string }) => `无法生成 iCalendar 文件：${p.reason}`,
  icsFailedHelp: '这是程序缺陷，请连同引起它的状态行一并报告',
} satisfies Messages<typeof en>;
