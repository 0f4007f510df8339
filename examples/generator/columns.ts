/**
 * The customer file's header: every column a bundled policy reads from it (`column:` of its
 * facts), in the order a CRM export would list them. Check with test/examples/bundled.test.ts,
 * which compares it with the policies.
 */
export const CUSTOMER_COLUMNS = [
  '客户编号',
  '客户名称',
  '所属行业',
  '联系人',
  '联系方式',
  '行业增速',
  '订单增长率',
  '新需求数量',
  '复购率',
  '推荐率',
  '投诉次数',
  '投诉率',
  '月均购买次数',
  '购买行为得分',
  '消费金额得分',
  '购买频率得分',
  '客户满意度得分',
  '客户推荐意愿得分',
  '合作产品线数',
  '战略合作协议',
  '需求-价格敏感',
  '需求-品质优先',
  '需求-服务需求',
  '促销活动参与次数',
] as const;

export type CustomerColumn = (typeof CUSTOMER_COLUMNS)[number];
export type CustomerRow = Record<CustomerColumn, string>;

/** The transaction log's header, as the policies' `sources.transactions` names it. */
export const TRANSACTION_COLUMNS = ['客户编号', '交易日期', '交易金额'] as const;
