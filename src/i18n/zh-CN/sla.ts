import type { sla as en } from '../en/sla.js';
import type { Messages } from '../text.js';

export const sla = {
  badTimeZone: (p: { zone: string }) => `${p.zone} 不是本系统识别的 IANA 时区`,
  badTimeZoneHelp: '请写 IANA 时区名，例如 Asia/Shanghai 或 Europe/Berlin',
  uncoveredYear: (p: { date: string; calendar: string; version: string; years: string }) =>
    `${p.date} 不在日历 ${p.calendar}（版本 ${p.version}）覆盖的年份内：${p.years}`,
  uncoveredYearHelp: '请依官方通知补充该年份（发布新的日历版本），或用 --calendar 指定覆盖该年份的日历文件',
  neverOpen: (p: { calendar: string; from: string }) =>
    `日历 ${p.calendar} 自 ${p.from} 起一年多没有工作时间`,
  neverOpenHelp: '请为日历设置每周工作时间，或将该时限改按自然时间计算（`clock: elapsed`）',
  badInstant: (p: { text: string }) => `${p.text} 不是带 UTC 偏移的日期时间`,
  pauseBackwards: (p: { from: string; to: string }) => `自 ${p.from} 起的暂停在开始之前结束（${p.to}）`,
  instantHelp: '请按 ISO 8601 写出偏移，例如 2025-09-30T17:00+08:00；暂停写作 起/止',
  noTargets: (p: { tier: string }) => `等级 ${p.tier} 没有规定响应或解决时限`,
  noTargetsHelp: '请为该等级设置 `sla.response.within` 或 `sla.resolution.within`，例如 PT4H',
  unknownTier: (p: { tier: string }) => `策略中没有等级 ${p.tier}`,
  unknownTierHelp: (p: { tiers: string }) => `现有等级：${p.tiers}`,
  badTarget: (p: { within: string }) => `${p.within} 无法按时钟计算：月和年的长度不固定`,
  badTargetHelp: '请以周、天、小时或分钟表示时限，例如 P5D 或 PT4H',
  unknownCalendar: (p: { calendar: string }) => `没有日历 ${p.calendar}`,
  unknownCalendarHelp: '请使用内置日历（`cn-mainland`），或用 --calendar 指定日历文件',
  heading: (p: { tier: string; opened: string }) => `等级 ${p.tier}，工单创建于 ${p.opened}`,
  calendarLine: (p: { calendar: string; version: string; zone: string }) =>
    `日历 ${p.calendar} 版本 ${p.version}（${p.zone}）`,
  nonWorkingStart: '计时始于非工作日。',
  responseDue: (p: { due: string; within: string; clock: string }) =>
    `响应截止 ${p.due}（${p.within}，${p.clock}）`,
  resolutionDue: (p: { due: string; within: string; clock: string }) =>
    `解决截止 ${p.due}（${p.within}，${p.clock}）`,
  business: '工作时间',
  elapsed: '自然时间',
  nonWorkingRule: '自然时间，非工作日时限',
} satisfies Messages<typeof en>;
