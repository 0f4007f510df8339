import type { testing as en } from '../en/testing.js';
import type { Messages } from '../text.js';
import { key } from './terms.js';

const STATUSES = {
  written: '已写入',
  unchanged: '未变化',
  changed: '有变化',
  updated: '已更新',
  error: '出错',
};

/** ajv's keywords as the test file schema uses them; another keyword shows ajv's text as code. */
const KEYWORDS: Record<string, string> = {
  type: '的类型不对',
  minItems: '不能为空',
  minLength: '不能为空',
  enum: '不是允许的值之一',
  format: '的格式不对',
  minimum: '小于允许的最小值',
  maximum: '大于允许的最大值',
};

export const testing = {
  mismatch: (p) => `${p.name}：${key(p.field)} 预期为 ${p.expected}，实际为 ${p.actual}`,
  none: '（无）',
  coverageBelow: (p) =>
    `覆盖率为 ${p.percent}%（${p.total} 项中覆盖 ${p.covered} 项），低于阈值 ${p.threshold}%`,
  coverageBelowHelp: '请为 --coverage 列为未覆盖的项补充用例',
  noSuchPath: (p) => `无法读取 ${p.path}：文件或目录不存在`,
  noTestFile: (p) => `${p.path} 旁边没有测试文件`,
  noTestFileHelp: (p) => `请在它旁边编写 ${p.name}（见 docs/testing.md）`,
  policyNotLoaded: (p) => `无法加载策略 ${p.policy}，因此 ${p.file} 中的用例都未运行`,
  policyNotLoadedHelp: '请用 `policy: ./x.tier.yaml` 指定策略（相对于测试文件）',
  noCustomerGiven: '用例没有给出客户：请写 `facts`、`record`，或用 `customer: ID` 指定总体中的客户',
  noSuchCustomer: (p) => `文件的总体中没有客户 ${p.id}`,
  factsOrRecord: '`facts` 和 `record` 只能给出其一',
  noFact: (p) => `策略中没有事实“${p.id}”`,
  derivedNeedAsOf:
    '该策略以评估日为基准计算（`daysSince`、`{ ago: … }`）：测试需要 `asOf`，否则结果会随日期变化',
  transactionsNeedAsOf: '交易需要 `asOf`：即其窗口截止的日期',
  transactionsNeedAsOfHelp: '请在用例中加上 `asOf: 2024-03-01`，或在文件顶部统一设置一次',
  noTransactionSource: '策略没有 `sources.transactions`，因此无法读取交易',
  cannotWrite: (p) => `无法写入 ${p.file}：${key(p.detail)}`,
  cannotRead: (p) => `无法读取 ${p.file}：${key(p.detail)}`,
  snapshotDiffers: (p) => `有 ${p.n} 个客户的判定与快照 ${p.file} 不同`,
  snapshotDiffersHelp: '如果这一变化是预期的，请加上 --update-snapshots 重新运行',
  notSnapshot: (p) => `${p.file} 不是可读取的快照：${key(p.detail)}`,
  notTierwiseSnapshot: (p) => `${p.file} 不是可读取的快照：它不是 tierwise 快照`,
  notSnapshotHelp: '请删除它，或加上 --update-snapshots 运行以重新写入',

  schemaHelp: '测试文件的格式见 docs/testing.md',
  unknownProperty: (p) => `未知属性 ${key(p.key)}`,
  missingProperty: (p) => `缺少必填属性 ${key(p.name)}`,
  approxType: (p) => `${key(p.at)} 必须是数字，或 \`{ value, tolerance }\``,
  wrongType: (p) => `${key(p.at)} 的类型不对`,
  invalid: (p) => {
    const where = p.at ? key(p.at) : '文件';
    const said = KEYWORDS[p.keyword];
    return said ? `${where} ${said}` : `${where} 无效：${key(p.detail)}`;
  },

  markPass: '通过',
  markFail: '失败',
  markError: '出错',
  at: (p) => `位置 ${p.where}`,
  columnLine: '行',
  columnExpected: '预期',
  columnActual: '实际',
  decided: '策略的实际判定：',
  itemTier: (p) => `等级 ${p.tier}`,
  itemCondition: (p) => `${p.tier}：${p.comparison} 为${p.outcome ? '真' : '假'}`,
  itemBand: (p) => `${p.metric} 第 ${p.band} 档（${p.points} 分）`,
  itemCell: (p) => `单元格 ${p.row} × ${p.column}`,
  itemClass: (p) => `分类 ${p.classifier}：${p.class}`,
  coverageHeading: '覆盖率：',
  coveragePolicy: (p) => `${p.policy}：${p.percent}%（${p.total} 项中覆盖 ${p.covered} 项）`,
  reached: '✓',
  notReached: '✗ 未覆盖：',
  coverageTotal: (p) =>
    `合计：${p.percent}%（${p.total} 项中覆盖 ${p.covered} 项）${
      p.threshold === undefined ? '' : `，阈值 ${p.threshold}%：${p.met ? '已达到' : '未达到'}`
    }`,
  snapshotLine: (p) => `快照 ${p.file}：${p.status}${p.changed > 0 ? `（${p.changed} 个客户有变化）` : ''}`,
  snapshotPoint: (p) => `快照 ${p.file} ${p.status}`,
  snapshotStatus: (p) => STATUSES[p.status],
  more: (p) => `……另有 ${p.n} 个`,
  absent: '（不存在）',
  noTier: '（无等级）',
  closing: (p) =>
    `${p.passed} 个通过，${p.failed} 个失败，${p.errors} 个出错（${p.files} 个文件中共 ${p.total} 个用例）`,
  couldNotRun: (p) => `${p.file} 无法运行`,
  couldNotRunCase: (p) => `${p.file}（无法运行）`,
  coveragePoint: (p) => `覆盖率 ${p.percent}% ≥ ${p.threshold}%`,
  itemsReached: (p) => `${p.total} 项中覆盖 ${p.covered} 项`,
  coverageComment: (p) => `覆盖率 ${p.percent}% 低于 ${p.threshold}%`,
  migrationCorner: '原等级 \\ 新等级',
  migrationSummary: (p) => `共 ${p.total} 个：升级 ${p.up} 个，降级 ${p.down} 个，未变 ${p.unchanged} 个`,
} satisfies Messages<typeof en>;
