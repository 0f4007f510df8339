import type { review as en } from '../en/review.js';
import type { Messages } from '../text.js';

export const review = {
  baseNotCompany: (p) => `${p.base} 属于事业部 ${p.unit}：变体只能继承公司事业部 ${p.company} 的策略`,
  baseNotCompanyHelp: '请选择公司的一个策略（`GET /v1/policy-overview` 把它们列为基准）',
  nameProposed: (p) => `变更请求 ${p.id}（作者 ${p.author}）已经提出了名为 ${p.name} 的策略`,
  nameProposedHelp: '请换一个名称，或继续编辑那个变更请求',
  nothingToCompare: (p) =>
    `变更请求 ${p.id} 提出的新策略 ${p.policy} 没有继承任何基准：没有可与之比较客户分布的版本`,
  nothingToCompareHelp: '请单独模拟该草稿（编辑器中的假设分析，或发布后使用 `POST /v1/simulate`）',
  variantTitle: (p) => `${p.name}：${p.base} 的变体`,
  variantComment: (p) => `事业部 ${p.unit} 对 ${p.base} 的变体：只写出改动之处，其余继承自基准。`,
} satisfies Messages<typeof en>;
