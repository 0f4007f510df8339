import type { server as en } from '../en/server.js';
import type { Messages } from '../text.js';

export const server = {
  noToken: '此请求需要持有者令牌',
  noTokenHelp: '请带上请求头 `Authorization: Bearer <secret>`，令牌由 `tierwise token create` 创建',
  badToken: '持有者令牌无效，或已被吊销',
  badTokenHelp: '请向管理员申请新令牌（`tierwise token create`）',
  roleTooLow: (p: { role: string; needed: string }) =>
    `角色为 \`${p.role}\` 的令牌不能执行此操作：至少需要角色 \`${p.needed}\``,
  businessUnitDenied: (p: { businessUnit: string }) => `此令牌无权操作业务单元 ${p.businessUnit}`,
  noRoute: (p: { method: string; path: string }) => `没有接口 \`${p.method} ${p.path}\``,
  noRouteHelp: '`GET /openapi.json` 列出了全部接口',
  wrongMethod: (p: { method: string; path: string; allowed: string }) =>
    `\`${p.path}\` 不接受 \`${p.method}\`，只接受 \`${p.allowed}\``,
  tooLarge: (p: { limit: string }) => `请求体超过了 ${p.limit} 的上限`,
  tooLargeHelp: '请减少每次请求的客户数，或以流的方式发送到 `POST /v1/evaluate/batch`',
  badJson: (p: { line: number; column: number; expected: string }) =>
    `请求体不是合法的 JSON：第 ${p.line} 行第 ${p.column} 列处应为${p.expected}`,
  notUtf8: '请求体不是 `UTF-8` 文本，而 `JSON` 必须是',
  emptyBody: '请求没有请求体',
  contentType: (p: { got: string; accepted: readonly string[] }) =>
    `此处不读取类型为 \`${p.got}\` 的请求体；请发送 ${p.accepted.map((a) => `\`${a}\``).join(' 或 ')}`,
  noDecision: (p: { id: string }) => `没有决策记录 ${p.id}`,
  noCustomer: '请以事实（`facts`）或原始记录（`record`，可附交易）给出客户',
  factsAndRecord: '事实（`facts`）与原始记录（`record`）只能给出其一',
  transactionsNeedRecord: '交易（`transactions`）须与原始记录一同给出；若给出事实，请直接给出聚合事实',
  choosePolicy:
    '请指定策略：版本（`version`），或业务单元（`businessUnit`，需要时附 `policy` 与 `at`），二者只能给出其一',
  quotaNeedsPopulation: '此策略按配额在客户之间排名：单个客户无从排名，请对整个客群做模拟（`simulate`）',
  dataAndDataset: '已存数据集（`dataset`）与上传数据（`data`）只能给出其一',
  noData: '请指定已存数据集（`dataset`）或上传客户数据（`data`）',
  internal: (p: { reference: string }) => `服务器无法处理此请求（编号 ${p.reference}）`,
  unavailable: (p) => `注册中心的数据库暂时无法访问（编号 ${p.reference}）；未写入任何内容`,
  unavailableHelp: '请稍后重试；服务器日志中以该编号记录了原因',
  internalHelp: '服务器日志中以该编号记录了详情',
} satisfies Messages<typeof en>;
