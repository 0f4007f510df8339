/**
 * Industries of the example customers, with the growth rate market research gives each (行业增速,
 * percent a year) and how common they are among the customers. The rates cover every band the
 * bundled policies use: high (≥ 10), medium (5–10), slow (0–5) and shrinking (< 0).
 */
export interface Industry {
  /** 所属行业 as the CRM holds it. */
  name: string;
  growthPercent: number;
  /** Relative number of customers in this industry. */
  weight: number;
  /** Words that end a company name in this industry (before 有限公司). */
  trades: readonly string[];
}

export const INDUSTRIES: readonly Industry[] = [
  {
    name: '制造业',
    growthPercent: 4.2,
    weight: 18,
    trades: ['精密机械', '机电设备', '五金制品', '工业设备'],
  },
  { name: '零售业', growthPercent: 2.1, weight: 14, trades: ['商贸', '百货', '连锁超市', '便利店管理'] },
  {
    name: '软件和信息技术服务业',
    growthPercent: 12.6,
    weight: 10,
    trades: ['信息科技', '软件技术', '数据科技', '网络科技'],
  },
  { name: '新能源', growthPercent: 18.5, weight: 5, trades: ['新能源科技', '光伏科技', '储能技术'] },
  { name: '医疗器械', growthPercent: 11.3, weight: 5, trades: ['医疗器械', '生物医疗科技'] },
  { name: '跨境电商', growthPercent: 15.2, weight: 4, trades: ['电子商务', '跨境贸易'] },
  { name: '汽车零部件', growthPercent: 6.8, weight: 7, trades: ['汽车零部件', '汽车配件'] },
  { name: '食品饮料', growthPercent: 5.4, weight: 7, trades: ['食品', '饮品', '食品科技'] },
  { name: '物流仓储', growthPercent: 7.9, weight: 6, trades: ['物流', '供应链管理', '仓储服务'] },
  { name: '化工', growthPercent: 3.3, weight: 5, trades: ['化工', '新材料', '精细化工'] },
  { name: '建筑建材', growthPercent: -3.1, weight: 6, trades: ['建材', '建筑工程', '装饰材料'] },
  { name: '纺织服装', growthPercent: -1.8, weight: 5, trades: ['纺织', '服饰', '服装'] },
  { name: '印刷包装', growthPercent: -2.6, weight: 4, trades: ['印刷', '包装材料', '包装制品'] },
];
