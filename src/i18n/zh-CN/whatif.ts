import type { whatif as en } from '../en/whatif.js';
import type { Messages } from '../text.js';

export const whatif = {
  draftAndStored: '策略只能以草稿（`content`）或已存选择（`version`、`businessUnit`）之一给出',
  draftAndStoredHelp: '草稿按 `POST /v1/validate` 的方式检查，并按原文运行；请删去其余字段',
  customerNotFound: (p: { customer: string; dataset: string }) =>
    `数据集 ${p.dataset} 中没有客户 ${p.customer}`,
  customerNotFoundHelp: '请核对客户编号（文件中策略主键所在的列），或选择包含该客户的数据集',
  lookupNeedsCustomer: '在数据集中查找客户需要以 `customer` 给出其编号',
  datasetAndFacts: '客户只能以待查数据集（`dataset`）或事实（`facts`）、原始记录（`record`）之一给出',
  transactionsNeedDataset: '已存交易记录（`transactionsDataset`）须与客户数据集（`dataset`）一同给出',
} satisfies Messages<typeof en>;
