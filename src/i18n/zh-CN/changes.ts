import type { changes as en } from '../en/changes.js';
import type { Messages } from '../text.js';
import { changeKind, key, trail } from './terms.js';

const SECTIONS: Record<string, string> = {
  metadata: '元数据',
  facts: '事实',
  sources: '数据源',
  conditions: '命名条件',
  dimensions: '维度',
  score: '评分设置',
  tiers: '等级',
  classifiers: '分类器',
  rerating: '重新评级',
};

/** A value of the policy as written; one with letters in it (a label, a duration) reads as quoted data. */
const data = (value: string) => (/[A-Za-z]/.test(value) ? key(value) : value);
const note = (why: string | undefined) => (why ? `（${why}）` : '');

export const changes = {
  fact: (p) => `事实 ${p.id}`,
  tier: (p) => `等级 ${p.id}`,
  metric: (p) => `维度 ${p.dimension} 的指标 ${p.id}`,
  dimension: (p) => `维度 ${p.id}`,
  condition: (p) => `命名条件 ${p.id}`,
  rule: (p) => `分类器 ${p.classifier} 的规则 ${p.id}`,
  classifier: (p) => `分类器 ${p.id}`,
  trigger: (p) => `重新评级触发器 ${p.id}`,
  section: (p) => SECTIONS[p.key] ?? key(p.key),
  policy: '策略',
  field: (p) => `${p.subject}：${key(p.field)}`,

  reordered: (p) => `${trail(p.where)}的顺序改变：${p.old.join('、')} → ${p.new.join('、')}${note(p.why)}`,
  added: (p) => `新增${p.subject}${note(p.why)}`,
  removed: (p) => `删除${p.subject}${note(p.why)}`,
  valueAdded: (p) => `${trail(p.where)}新增：${data(p.value)}${note(p.why)}`,
  valueRemoved: (p) => `${trail(p.where)}被删除（原为 ${data(p.value)}）${note(p.why)}`,
  changed: (p) => `${p.where} ${data(p.old)} → ${data(p.new)}${note(p.why)}`,
  renamed: (p) => `删除${p.gone}，新增${p.added}（改名在这里属于${changeKind(p.kind)}变更）`,
  newTierWhy: '新的等级 id 是每个使用等级结果的系统都必须处理的新结果',
  unclassifiedWhy: '未归类：按主版本变更计',

  newPolicy: (p) => `${p.side}：新策略，${p.ref} 中没有它；无可比较`,
  side: (p) => `${p.source}${p.version ? `（${p.version}）` : ''}`,
  heading: (p) => `从 ${p.old} 到 ${p.new} 的变更`,
  noChanges: '生效策略没有变更',
  major: '主版本变更',
  minor: '次版本变更',
  patch: '修订变更',
  line: (p) => `- ${p.message}${p.line === undefined ? '' : `（第 ${p.line} 行）`}`,
  count: (p) =>
    p.n === 0
      ? '没有变更'
      : `${p.n} 项变更（${p.counts.map((c) => `${changeKind(c.kind)} ${c.n} 项`).join('，')}）`,
  verdictNone: (p) => `没有变更：版本 ${p.version} 无需升级`,
  verdictOk: (p) => `${p.changes}：版本 ${p.old} → ${p.new} 足够`,
  verdictNotBumped: (p) => `${p.changes}：需要${changeKind(p.level)}级别的版本升级，至少为 ${p.suggested}`,
  verdictLowered: (p) => `${p.changes}：版本号降低了`,
  note: (p) => `${changeKind(p.kind)}：${p.message}`,

  lowered: (p) => `版本 ${p.version} 低于 ${p.source} 中的 ${p.old}`,
  loweredHelp: (p) => `版本号只能升高：请把 ${key('metadata.version')} 设为高于 ${p.old} 的版本`,
  stays: (p) => `版本仍为 ${p.version}`,
  allows: (p) => `版本 ${p.old} → ${p.new} 只允许${changeKind(p.allowed)}变更`,
  notBumped: (p) => `${p.step}，但策略有${changeKind(p.needed)}变更`,
  notBumpedHelp: (p) =>
    `请把 ${key('metadata.version')} 设为 ${p.suggested} 或更高（见 docs/versions.md）；${changeKind(p.needed)}变更有：${p.examples.join('；')}${p.more > 0 ? `；另有 ${p.more} 项` : ''}`,
  notARevision: (p) => `${p.ref} 在此处不是 \`git\` 修订版本`,
} satisfies Messages<typeof en>;
