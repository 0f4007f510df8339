import { formatCount } from '../../format/number.js';
import type { cli as en } from '../en/cli.js';
import type { Messages } from '../text.js';

/** Values the user types, one by one in backticks: `table`、`json`. */
const codes = (list: string) =>
  list
    .split(', ')
    .map((v) => `\`${v}\``)
    .join('、');

export const cli = {
  evaluated: (p) => `已评估 ${formatCount(p.customers)} 位客户，读取 ${formatCount(p.rows)} 行${p.skipped}`,
  profiled: (p) => `已剖析 ${formatCount(p.customers)} 位客户，读取 ${formatCount(p.rows)} 行`,
  transactionsRead: (p) => `${formatCount(p.transactions)} 笔交易${p.skipped}`,
  skipped: (p) => `（跳过 ${formatCount(p.rows)} 行：${p.codes}）`,
  asOf: (p) => `截至 ${p.date}（${p.zone}）`,
  separator: '；',
  streamed: '（流式处理）',
  engineUsed: (p) => `在 \`${p.engine}\` 中评估`,
  parquetNeedsOut:
    'tierwise：`--format parquet` 把每个客户的结果写入文件：请用 `--out results.parquet` 指定（`--summary` 的等级分布请用 `table`、`json` 或 `csv`）',
  duckdbNoExplain:
    'tierwise：`eval --engine duckdb` 给出每个客户的等级、得分、分类、标记、SLA 和权益，但不给出原因（`--explain`）或人工调整后的等级（`--overrides`）：策略的 `SQL` 只判定等级、不留推理过程；需要这些请用 `--engine compiled`',
  noCustomer: (p) => `tierwise：${p.file} 中没有客户 ${p.ids}`,
  cannotWrite: (p) => `tierwise：无法写入 ${p.file}：${p.reason}；未写入任何内容`,
  noPolicyFiles: (p) => `tierwise：在 ${p.paths} 下没有找到策略文件（*.tier.yaml）`,
  progressReading: (p) => `读取中 ${p.bar} ${p.percentage}% | ${p.value}/~${p.total} 位客户 | 剩余 ${p.eta}`,
  phaseRead: '读取客户',
  phaseTransactions: '读取交易',
  phaseEvaluate: '评估',
  progressRows: (p) => `${formatCount(p.n)} 行`,
  progressCustomers: (p) => `${formatCount(p.n)} 位客户`,
  diffChoose: (p) =>
    `${p.command}：请选择比较方式：\`--semver OLD NEW\`（同一策略的两个版本），或 \`--from A --to B --data D\`（两个策略对客户群的影响）`,
  diffSemverFormat: (p) =>
    `tierwise diff --semver：--format 只能是 \`text\`、\`json\`、\`sarif\`、\`github\` 之一（收到 \`${p.got}\`）`,
  diffSemverNeeds: (p) =>
    `${p.command}：需要旧版和新版两个策略，例如 \`diff --semver origin/main:policies/x.tier.yaml policies/x.tier.yaml\``,
  diffPopulationNeeds: (p) =>
    `tierwise diff：客户群模式需要 \`--from A --to B --data D\`（或 \`--transactions T\`，或两者都有），--format 取 ${codes(p.formats)} 之一，--limit 为整数`,
  calibrateTarget: (p) =>
    `tierwise calibrate：--target ${p.target}：应写作 \`TIER=SHARE%\` 或 \`TIER=SHARE%:revenue\`，例如 \`vip=10%\` 或 \`vip=40%:revenue\``,
  calibrateStep: (p) => `${p.command}：--step 须为 (0, 100] 之间的分值，--epsilon 须为正的分值`,
  // the reason is JavaScript's, in English: the pattern says enough
  testRun: (p) => `tierwise：--run '${p.pattern}' 不是有效的正则表达式`,
  testThreshold: (p) => `tierwise：--threshold 须为 0 到 100 之间的百分比，例如 90 或 99.5；收到 '${p.got}'`,
  buildNameIt: (p) => `tierwise：制品包含 ${formatCount(p.policies)} 个策略；请用 \`--out FILE\` 指定文件名`,
  built: (p) => `已构建 ${p.file}（${formatCount(p.bytes)} 字节）`,
  builtExtends: (p) => `，继承 ${p.id} ${p.version}`,
  builtTests: (p) => `，${formatCount(p.n)} 个测试文件`,
  builtFiles: (p) => `${formatCount(p.n)} 个文件；构建时间 ${p.time}（${p.source}）${p.git}`,
  builtGit: (p) => `；Git 提交 \`${p.commit}\`${p.dirty ? '（有未提交的改动）' : ''}`,
  timeFlag: '取自 --time',
  timeGit: '取自 `HEAD` 的提交时间',
  timeNone: '未指定：固定为纪元起点',
  timeEnv: (p) => `取自环境变量 \`${p.source}\``,
  signedWith: (p) => `已用密钥 ${p.key} 签名`,
  unsigned: '未签名（用 `--sign KEY` 签名）',
  refused: (p) => `已拒绝 ${p.file}：${formatCount(p.problems)} 个问题`,
  verified: (p) => `已校验 ${p.file}：${formatCount(p.files)} 个文件与清单一致；${p.signature}`,
  signatureVerified: (p) => `签名已验证（密钥 ${p.key}）`,
  signatureNotChecked: (p) =>
    `未验证签名（没有 --key 或 \`$${p.env}\`；${p.signed ? '制品带有签名' : '制品未签名'}）`,
  verifiedExtends: (p) => `  继承 ${p.bases}`,
  verifiedBuilt: (p) => `构建于 ${p.time}，tierwise ${p.version}${p.git}`,
  verifiedGit: (p) => `，Git 提交 \`${p.commit}\`${p.dirty ? '（有未提交的改动）' : ''}`,
  tokenCreated: (p) => `已为 ${p.name} 创建 ${p.id}：\`${p.role}\`，事业部 ${p.units}`,
  tokenSecret: '其密钥打印在标准输出上，仅此一次：以 `Authorization: Bearer <密钥>` 发送',
  tokenRevoked: (p) => `已吊销 ${p.id}`,
  tokenRow: (p) =>
    `${p.id}  ${p.name}  \`${p.role}\`  ${p.units}  创建于 ${p.created}${p.revoked ? `  吊销于 ${p.revoked}` : ''}`,
  noTokens: '没有令牌',
  registrySound: (p) => `注册中心完好：${p.entries} 条审计记录哈希链完整，${p.versions} 个版本与其摘要一致`,
  registryBroken: (p) => `注册中心的历史被改动过：${p.n} 项发现`,
  serving: (p) => `tierwise 正在 ${p.url} 提供服务（注册中心 ${p.db}）；按 Ctrl-C 停止`,
  servingEditor: (p) =>
    `编辑器：${p.url}/（用 tierwise token create 生成的令牌登录，或用上面打印的演示令牌）`,
  servingDocs: (p) => `接口文档：${p.url}/docs 和 ${p.url}/openapi.json`,
  seededPolicies: (p) => `已向空的注册中心装入示例：发布 ${p.n} 个策略，上传 ${p.datasets} 个数据集`,
  seededToken: (p) => `  ${p.name}（\`${p.role}\`，${p.units}）：${p.secret}`,
  seededTokensHead: '可用于试用的令牌（仅显示这一次；以 `Authorization: Bearer …` 发送）：',
  notSeeded: (p) =>
    `注册中心 ${p.db} 中已有策略，未再装入示例；创建令牌：\`tierwise token create --db ${p.db} --name you --role admin\``,
  needPolicy: '请给出 `--policy` 文件，或 `--server` 地址并同时给出 `--business-unit`',
  needBusinessUnit:
    '`--server` 需要 `--business-unit`（或用 `--policy` 指定版本编号，如 `retail-scorecard@3`）',
  remoteUsing: (p) => `使用 ${p.server} 上的 ${p.version}（${p.digest}）`,
  stopping: '正在停止：等待处理中的请求完成',
  keyPrivate: (p) => `已写入 ${p.file}（私钥：用 \`tierwise build --sign ${p.file}\` 签名，请妥善保密）`,
  keyPublic: (p) => `已写入 ${p.file}（公钥：用 \`tierwise verify ARTIFACT --key ${p.file}\` 验证）`,
  keyFingerprint: (p) => `密钥 ${p.fingerprint}`,
  fmtCannotWrite: (p) => `无法写入 ${p.file}：${p.reason}；文件未改动`,
  fmtNoFiles: (p) => `${p.paths} 下没有策略文件（*.tier.yaml）`,
  fmtUnformatted: (p) => `${formatCount(p.n)} 个文件未按规范格式化；运行 \`tierwise fmt\` 重写`,
  internalError: (p) => `tierwise：内部错误：${p.stack}`,
  stalled:
    'tierwise：内部错误：命令在完成之前停在了永远不会到来的输入上，它要写出的内容都不完整。请连同引起此问题的输入一起报告。',
  servingTrust: (p) => `接受用以下密钥签名的制品：${p.keys.join('、')}`,
  servingNoTrust: '未指定 `--trust-key`：发送到 `POST /v1/artifacts` 的制品都会被拒绝',
  publishCreated: (p) => `策略 ${p.policy} 的变更请求 ${p.id}：\`${p.state}\``,
  publishUnchanged: (p) => `${p.policy} ${p.version}：没有改动，已是最新版本`,
  publishPending: (p) => `${p.policy}：变更请求 ${p.id} 已经提出了相同的内容`,
  publishSummary: (p) => `制品 ${p.digest}，签名密钥 ${p.signedBy}：${p.n} 个变更请求等待另一人批准并发布`,
} satisfies Messages<typeof en>;
