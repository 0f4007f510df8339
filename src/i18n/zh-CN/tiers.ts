import type { tiers as en } from '../en/tiers.js';
import type { Messages } from '../text.js';
import { factType, key, keys, tierMethod, trail, unit } from './terms.js';

const tierList = (names: string[]) => {
  const quoted = names.map((n) => `'${n}'`);
  const list =
    quoted.length > 1 ? `${quoted.slice(0, -1).join('、')} 和 ${quoted[quoted.length - 1]}` : quoted[0];
  return trail(`等级 ${list}`);
};
const forExample = (example: string | undefined) => (example ? `，例如 ${example}` : '');
const withUnit = (text: string, name: string | undefined) =>
  name === undefined ? text : name === 'percent' ? `${text}%` : `${text} ${unit(name)}`;
const AXES: Record<string, string> = { rows: '行', columns: '列' };
const axis = (name: string) => `${AXES[name] ?? key(name)}轴`;

export const tiers = {
  range: (p) =>
    p.point !== undefined
      ? `= ${p.point}`
      : [p.lower, p.upper].filter((x) => x !== undefined).join(' 且 ') || '任意值',
  quantity: (p) => withUnit(p.number, p.unit),
  rangeIn: (p) => withUnit(p.range, p.unit),
  factIs: (p) => `${p.fact} = ${p.value}`,
  factIsNot: (p) => `${p.fact} ≠ ${p.value}`,
  factIn: (p) => `${p.fact} 属于（${p.values.join('、')}）`,
  factNotIn: (p) => `${p.fact} 不属于（${p.values.join('、')}）`,
  factRange: (p) => `${p.fact} ${p.range}`,
  literal: (p) => (p.json.startsWith('"') ? p.json : key(p.json)),
  both: (p) => p.parts.join(' 且 '),

  tierIdTwice: (p) => `等级 id '${p.id}' 被使用了两次（第 ${p.first} 级和第 ${p.second} 级）`,
  quotaNoEffect: (p) => `分级方法为${tierMethod(p.method)}时，${key('quota')} 设置不起作用`,
  matrixMissing: '矩阵法需要一个包含行、列和单元格的 `matrix:`',
  matrixNoEffect: (p) => `分级方法为${tierMethod(p.method)}时，矩阵不起作用`,
  needsDimensions: (p) => `${tierMethod(p.method)}按评分给客户排序，但策略没有定义维度`,
  needsDimensionsQuotaHelp: '请添加维度，或按某个事实排序：`quota: { rankBy: spend12m }`',
  needsDimensionsHelp: '请添加带权重指标的维度',
  fieldNoEffect: (p) => `分级方法为${tierMethod(p.method)}时，${key(p.field)} 不起作用`,
  minScoreAndScore: (p) => `等级 '${p.tier}' 同时写了 ${key('minScore')} 和 ${key('score')}`,
  minScoreAndScoreHelp: '`minScore: 90` 是 `score: { atLeast: 90 }` 的简写',
  noMinScore: (p) => `等级 '${p.tier}' 没有 ${key('minScore')}；只有最后一个等级可以承接其余所有分数`,
  noMinScoreHelp: '请添加 `minScore: N`',
  noShare: (p) => `等级 '${p.tier}' 没有 ${key('share')}`,
  noShareHelp: "请添加 `share: '10%'`",
  whenAndOtherwise: (p) => `等级 '${p.tier}' 同时写了 ${key('when')} 和 ${key('otherwise')}`,
  otherwiseNotLast: (p) =>
    `等级 '${p.tier}' 是 ${key('otherwise')}，但不是最后一个等级：其后的等级永远不会被匹配`,
  noWhen: (p) => `等级 '${p.tier}' 没有 ${key('when')} 条件`,
  noWhenHelp: '请添加 `when: { all: [ … ] }`，或在最后一个等级上写 `otherwise: true`',

  tierStates: (p) => `等级 '${p.tier}' ${p.conflict}`,
  tierShadowed: (p) => `等级 '${p.tier}'（${p.range}）永远不会被匹配：更高的等级已占据它的全部分数`,
  tierShadowedHelp: '请把等级按从高到低排列，阈值依次递减',
  scoreGap: (p) => `分数 ${p.range} 不属于任何等级`,
  scoreGapHelp: (p) =>
    `得分为 ${p.example} 的客户没有等级：请降低某个阈值，或让最后一个等级承接其余分数（不写 \`minScore\`）`,
  scoreOverlap: (p) => `等级 '${p.tier}' 声明的分数 ${p.range} 已先被等级 '${p.earlier}' 占据`,
  scoreOverlapHelp: (p) => `只在一处写明边界：例如在这里写 \`below: ${p.bound}\``,

  quotaSum: (p) => `配额比例之和为 ${p.total}%，而不是 100%（${p.listed}）`,
  quotaSumShortHelp: (p) => `将有 ${p.missing}% 的客户没有等级`,
  quotaSumOverHelp: '请降低各等级的比例',
  zeroShare: (p) => `等级 '${p.tier}' 的比例为 0%，永远不会被分到`,
  rankedByNonNumber: (p) => `客户按 '${p.fact}' 排序，但它是${factType(p.type)}事实，不是数值`,

  coverageNotChecked: (p) => `未检查条件法各等级之间的缺口和重叠，因为${p.reason}`,
  coverageNotCheckedHelp:
    '覆盖分析只对“事实与常量的比较”（如 `value: 500000`）做精确判断，其他情况宁可不查也不猜测',
  coverageSampled: (p) =>
    `覆盖分析被提前截断：各等级的条件把客户分成了超过 ${p.limit} 种情形，只检查了其中的一部分；可能还有其他缺口和重叠，且不会报告无法达到的等级`,
  coverageSampledHelp: '减少每个事实上不同阈值的数量，分析就能检查所有情形',
  noTierForAny: (p) => `任何客户都不匹配任何等级${forExample(p.example)}`,
  noTierForOne: (p) => `${p.region} 的客户不匹配任何等级`,
  noTierFor: (p) => `${p.region} 的客户不匹配任何等级${forExample(p.example)}`,
  noTierHelp: (p) =>
    `请放宽某个等级的条件、为这些客户新增一个等级，或以一个 \`otherwise: true\` 的等级收尾${p.more ? '（缺口不止所列这些）' : ''}`,
  alsoMatches: (p) => `等级 '${p.tier}' 还匹配了先被${tierList(p.others)}占据的客户${forExample(p.example)}`,
  alsoMatchesHelp: '等级从高到低依次尝试，先匹配者胜出；如果这并非本意，请收窄此条件',
  neverReached: (p) => `等级 '${p.tier}' 永远不会被匹配：${p.reason}`,
  noCustomerSatisfies: '没有客户能满足它的条件',
  tiersAboveTakeAll: '它上面的等级已占据所有客户',
  takenFirstBy: (p) => `它匹配的每位客户都先被${tierList(p.others)}占据${forExample(p.example)}`,
  contradictionHelp: '它的比较条件相互矛盾；请检查边界和取值',
  takenFirstHelp: '请把它移到占据其客户的等级之上，或收窄那些等级的条件',

  tooManyNodes: (p) => `各等级的条件展开后超过 ${p.limit} 个比较和组合`,
  readsPath: (p) => `等级 '${p.tier}' 读取了 '${p.fact}' 内部的路径`,
  passesParams: (p) => `等级 '${p.tier}' 向 '${p.fact}' 传递了参数`,
  comparesFacts: (p) => `等级 '${p.tier}' 将 '${p.fact}' 与另一个事实（'${p.other}'）比较`,
  containsOnScalar: (p) => `等级 '${p.tier}' 对 '${p.fact}' 使用了 ${key(p.operator)}，但它不是列表`,
  comparesDate: (p) => `等级 '${p.tier}' 比较了日期事实 '${p.fact}'`,
  ordersNonNumber: (p) => `等级 '${p.tier}' 用 ${key(p.operator)} 比较${factType(p.type)}事实 '${p.fact}'`,
  comparesNotNumber: (p) => `等级 '${p.tier}' 将 '${p.fact}' 与非数值 ${key(p.json)} 比较`,
  inWithoutList: (p) => `等级 '${p.tier}' 对 '${p.fact}' 使用了 ${key(p.operator)}，却没有给出取值列表`,
  tooClose: (p) => `与 '${p.fact}' 比较的各个值相距太近或太大，无法区分`,

  rowBandUnknown: (p) => `单元格中的行区间 '${p.band}' 在行轴上不存在`,
  columnBandUnknown: (p) => `单元格中的列区间 '${p.band}' 在列轴上不存在`,
  cellUnknownTier: (p) => `单元格 ${p.row} × ${p.column} 中的等级 '${p.tier}' 不存在`,
  missingCell: (p) => `行 '${p.row}' × 列 '${p.column}' 没有指定等级`,
  missingCellHelp: (p) => `请添加 \`cells: { ${p.row}: { ${p.column}: <tier> } }\``,
  notInMatrix: (p) => `等级 '${p.tier}' 不在矩阵的任何单元格中`,
  axisSources: (p) =>
    `${axis(p.axis)}必须且只能读取 ${keys(['fact', 'dimension', 'score'])} 之一（现有${p.sources.length ? ` ${keys(p.sources)}` : '：无'}）`,
  boundNotNumber: (p) => `${p.json} 不是数值：只有日期事实的坐标轴才按日期分段`,
  axisFactNotNumber: (p) =>
    `${axis(p.axis)}按事实 '${p.fact}' 划分区间，但它是${factType(p.type)}事实，不是数值`,
  unknownDimension: (p) => `维度 '${p.id}' 不存在`,
  axisScoreNoDimensions: (p) => `${axis(p.axis)}读取评分，但策略没有定义维度`,
  bandIdTwice: (p) => `区间 id '${p.id}' 在${axis(p.axis)}上被使用了两次`,
  axis: (p) => axis(p.axis),

  firstResponse: '首次响应时限',
  resolution: '解决时限',
  resolutionOnNonWorkingDays: '非工作日解决时限',
  availability: '服务时间',
  discountQuota: '折扣额度',
  serviceWorse: (p) =>
    `等级 '${p.tier}' 的${p.what}为 ${key(p.value)}，比更低的等级 '${p.lower}'（${key(p.theirs)}）还差`,
  serviceWorseHelp: '等级按从高到低排列；更高的等级至少应获得下面各等级所获得的服务',
  cadenceWorse: (p) =>
    `等级 '${p.tier}' 每 ${p.every} 获得一次 '${p.action}'，比更低的等级 '${p.lower}'（每 ${p.theirs} 一次）还少`,
} satisfies Messages<typeof en>;
