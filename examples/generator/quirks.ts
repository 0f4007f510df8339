import type { CustomerColumn, CustomerRow } from './columns.js';
import type { Profile } from './profiles.js';
import type { Random } from './random.js';

/**
 * The data-quality issues a real CRM export has (seed 004: "数据不准确导致分级错误"; DOMAIN.md: duplicates,
 * stale contacts, completeness), planted on purpose so that the examples show them. None of them
 * makes a row unreadable: `npm start` reads every row cleanly.
 *
 * 1. The same company twice: a registered name and the short name sales use (杭州云帆信息科技有限公司
 *    and 云帆信息), two ids, the same contact and phone, each with orders of its own. Nothing in a
 *    single row is wrong, so no reader can flag it; the pair is split across two tiers.
 * 2. A stale contact: the contact person has left (联系人 "…（已离职）") and nobody updated the record.
 * 3. Empty cells in optional columns (a default or `missing: exclude` covers each): new needs,
 *    complaint rate (while the complaint count is filled in), promotions, a need flag, the
 *    strategic agreement, a phone number. The order growth rate is also empty for every customer
 *    without orders the year before, which is not an error but the absence of a value.
 * 4. One industry under two labels: a few IT companies as "IT服务" rather than
 *    "软件和信息技术服务业", a few shops as "零售" rather than "零售业" (seed 000's industry tags
 *    accept both).
 */

/** The duplicate record's company: the same customer, the smaller share of its orders. */
export function twinProfile(random: Random, original: Profile): Profile {
  const share = random.between(0.2, 0.35);
  const orders = Math.max(1, Math.round(original.orders * share));
  const ordersBefore = Math.max(1, Math.round(original.ordersBefore * share));
  return {
    ...original,
    spend: original.spend * share,
    orders,
    ordersBefore,
    spendBefore: original.spendBefore * share,
  };
}

const BLANKS: readonly (readonly [CustomerColumn, number])[] = [
  ['新需求数量', 3],
  ['投诉率', 2],
  ['促销活动参与次数', 3],
  ['需求-服务需求', 2],
  ['战略合作协议', 2],
  ['联系方式', 2],
];

/** Issues 2–4 on the finished rows, at places the seed decides. */
export function plantCellQuirks(random: Random, rows: CustomerRow[]): void {
  const someRow = () => rows[random.int(0, rows.length - 1)]!;
  const stale = someRow();
  stale.联系人 = `${stale.联系人}（已离职）`;
  for (const [column, count] of BLANKS) for (let i = 0; i < count; i++) someRow()[column] = '';
  for (const row of rows) {
    if (row.所属行业 === '软件和信息技术服务业' && random.chance(0.06)) row.所属行业 = 'IT服务';
    else if (row.所属行业 === '零售业' && random.chance(0.04)) row.所属行业 = '零售';
  }
}
