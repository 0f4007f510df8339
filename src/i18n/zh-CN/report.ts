import type { report as en } from '../en/report.js';
import type { Messages } from '../text.js';

export const report = {
  customer: '客户',
  name: '名称',
  tier: '等级',
  score: '得分',
  classes: '分类',
  flags: '标记',
  customers: '客户数',
  share: '占比',
  revenue: '营收',
  revenueShare: '营收占比',
  averageScore: '平均分',
  points: '分',
  total: '合计',
  noTier: '未分级',
  wrote: (p) => `已写入 ${p.file}（${p.format}，${p.size}）`,
} satisfies Messages<typeof en>;
