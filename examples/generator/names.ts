import type { Industry } from './industries.js';
import type { Random } from './random.js';

/**
 * Made-up companies and people. Company names follow the usual pattern city + brand + trade +
 * 有限公司; contact names are common surnames and given names; phone numbers are 139-0000-xxxx
 * and 138-0000-xxxx, a block of zeros that reads as fake at a glance. The files carry personal
 * data for masking to hide, and nobody's in particular.
 */
const words = (list: string): readonly string[] => list.split(' ');

const CITIES = words(
  '北京 上海 广州 深圳 杭州 苏州 南京 成都 重庆 武汉 西安 天津 青岛 宁波 厦门 长沙 郑州 合肥 无锡 佛山 东莞 济南 福州 昆明 大连 沈阳 南昌 常州 温州 珠海',
);

// Brand words avoid the surnames below, so a contact's name never reads as part of a company name.
const BRANDS = words(
  '恒锐 华信 云帆 博远 启航 鼎盛 瑞丰 嘉禾 中科 新元 宏达 安泰 昌盛 通达 海川 锦绣 凯越 远航 天成 德润 汇通 永信 世纪 东方 众诚 聚源 同创 卓越 优品 星河 蓝海 银桥 拓普 英华 青松 辉煌 弘毅 鸿运 盛世 和润 佳禾 润泽 泰和 信达 长青 立新 创维 精诚 百川 华锦 广源 恒通 诺亚 瑞康 美达 天禾 万邦 九州 北辰 南山 中天 华美 欣悦 晨光',
);

const SUFFIXES = [
  ['有限公司', 8],
  ['股份有限公司', 1],
  ['有限责任公司', 1],
] as const;

const SURNAMES = words(
  '王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 董 袁 潘 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈',
);

const GIVEN = words(
  '伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀英 霞 平 刚 桂英 建国 晓东 海燕 志强 丽华 俊杰 雪梅 文博 思远 佳怡 子涵 雨欣 浩然 宇航 梓萱 一鸣 欣怡 嘉豪',
);

export interface CompanyName {
  /** The registered name: 杭州云帆信息科技有限公司. */
  full: string;
  /** What sales people call it: 云帆科技. */
  short: string;
}

/** A company name not yet in `taken`; the set is updated. */
export function companyName(random: Random, industry: Industry, taken: Set<string>): CompanyName {
  for (;;) {
    const brand = random.pick(BRANDS);
    const trade = random.pick(industry.trades);
    const full = `${random.pick(CITIES)}${brand}${trade}${random.weighted(SUFFIXES)}`;
    if (taken.has(full)) continue;
    taken.add(full);
    return { full, short: `${brand}${trade.slice(-2)}` };
  }
}

export function personName(random: Random): string {
  return `${random.pick(SURNAMES)}${random.pick(GIVEN)}`;
}

/**
 * Phone numbers handed out in a shuffled order, each once: 139-0000-0000 … 138-0000-9999.
 */
export function phoneBook(random: Random): () => string {
  const numbers = Array.from({ length: 20_000 }, (_, i) => i);
  for (let i = numbers.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [numbers[i], numbers[j]] = [numbers[j]!, numbers[i]!];
  }
  let next = 0;
  return () => {
    const n = numbers[next++]!;
    return `${n < 10_000 ? '139' : '138'}-0000-${String(n % 10_000).padStart(4, '0')}`;
  };
}
