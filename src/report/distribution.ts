import type { Distribution } from '../engine/distribution.js';
import { count, EMPTY, type Figure, fixed, money, shareColumn, text } from '../format/figure.js';
import { sumMoney } from '../format/money.js';
import type { Language } from '../i18n/language.js';
import { t } from '../i18n/text.js';
import { escapeJsonControls, terminalText } from './control.js';
import { csvText as csvTable } from './csv.js';
import { renderTable } from './table.js';

/** `eval --summary` honours --format like every output: the distribution as a table, JSON, CSV or NDJSON. */
export type DistributionFormat = 'table' | 'json' | 'csv' | 'ndjson';

interface Row {
  tier: string | null;
  label?: { 'zh-CN'?: string; en?: string };
  customers: number;
  revenue?: number;
  averageScore?: number;
  share: Figure;
  revenueShare: Figure;
}

/**
 * Tier shares of customers and revenue side by side (seed 001: VIPs are 5% of customers and 40%
 * of revenue), with the customers no tier took, and a total row in the table. Every figure is
 * the one simulate shows for the same population: shares that add up (largest remainder), money
 * to the cent for machines and in whole units for reading.
 */
export function renderDistribution(
  format: DistributionFormat,
  d: Distribution,
  options: { language?: Language } = {},
): string {
  const language = options.language ?? 'en';
  const rows = distributionRows(d);
  switch (format) {
    case 'json':
      return escapeJsonControls(`${JSON.stringify(d, null, 2)}\n`);
    case 'ndjson':
      return escapeJsonControls(rows.map((r) => `${JSON.stringify(machineRow(d, r))}\n`).join(''));
    case 'csv':
      return csvText(d, rows);
    default:
      return terminalText(`${tableText(d, rows, language)}\n`);
  }
}

function withRevenue(d: Distribution): boolean {
  return d.revenue !== undefined;
}

function distributionRows(d: Distribution): Row[] {
  const untiered = d.untiered > 0;
  const untieredRevenue =
    d.revenue === undefined
      ? undefined
      : sumMoney([d.revenue, ...d.tiers.map((x) => -(x.revenue ?? 0))], d.currency);
  const shares = shareColumn(
    [...d.tiers.map((x) => x.customers), ...(untiered ? [d.untiered] : [])],
    d.customers,
  ).rows;
  const revenueShares = shareColumn(
    [...d.tiers.map((x) => x.revenue), ...(untiered ? [untieredRevenue] : [])],
    d.revenue,
  ).rows;
  const rows: Row[] = d.tiers.map((x, i) => ({
    tier: x.tier,
    label: x.label,
    customers: x.customers,
    revenue: x.revenue,
    averageScore: x.averageScore,
    share: shares[i]!,
    revenueShare: revenueShares[i]!,
  }));
  if (untiered)
    rows.push({
      tier: null,
      customers: d.untiered,
      revenue: untieredRevenue,
      share: shares.at(-1)!,
      revenueShare: revenueShares.at(-1) ?? EMPTY,
    });
  return rows;
}

/** One row for a program: shares as the percentages shown, money to the cent. */
function machineRow(d: Distribution, r: Row) {
  return {
    tier: r.tier,
    ...(r.label ? { label: r.label } : {}),
    customers: r.customers,
    sharePercent: r.share.value,
    ...(withRevenue(d)
      ? {
          revenue: money(r.revenue ?? 0, { currency: d.currency }).value,
          revenueSharePercent: r.revenueShare.value,
        }
      : {}),
    ...(r.averageScore !== undefined ? { averageScore: fixed(r.averageScore).value } : {}),
  };
}

function tableText(d: Distribution, rows: readonly Row[], language: Language): string {
  const l = (key: Parameters<typeof t>[1]) => t(language, key);
  const currency = d.currency ? ` (${d.currency})` : '';
  const header = [
    l('report.tier'),
    l('report.customers'),
    l('report.share'),
    ...(withRevenue(d) ? [`${l('report.revenue')}${currency}`, l('report.revenueShare')] : []),
    `${l('report.averageScore')} (${l('report.points')})`,
  ];
  const name = (r: Row) => {
    if (r.tier === null) return l('report.noTier');
    const label = r.label?.[language];
    return label && label !== r.tier ? `${label} [${r.tier}]` : r.tier;
  };
  const totals = shareColumn(
    rows.map((r) => r.customers),
    d.customers,
  ).total;
  const revenueTotal = shareColumn(
    rows.map((r) => r.revenue),
    d.revenue,
  ).total;
  const cells: Figure[][] = [
    ...rows.map((r) => [
      text(name(r)),
      count(r.customers),
      r.share,
      ...(withRevenue(d) ? [money(r.revenue), r.revenueShare] : []),
      fixed(r.averageScore),
    ]),
    [
      text(l('report.total')),
      count(d.customers),
      // No rows (a policy without tiers): no share adds up to the total, so none is shown.
      rows.length === 0 ? EMPTY : totals,
      ...(withRevenue(d) ? [money(d.revenue), rows.length === 0 ? EMPTY : revenueTotal] : []),
      EMPTY,
    ],
  ];
  return renderTable(
    header,
    cells.map((row) => row.map((c) => c.text)),
    header.map((_, i) => i > 0),
  );
}

/** One header row; shares as the percentages shown, money to the cent; the untiered row's tier is empty. */
function csvText(d: Distribution, rows: readonly Row[]): string {
  const fields = [
    'tier',
    'tier_zh',
    'tier_en',
    'customers',
    'share_percent',
    ...(withRevenue(d) ? ['revenue', 'revenue_share_percent'] : []),
    'average_score',
  ];
  const data = rows.map((r) => [
    r.tier ?? '',
    r.label?.['zh-CN'] ?? '',
    r.label?.en ?? '',
    r.customers,
    r.share.value ?? '',
    ...(withRevenue(d)
      ? [money(r.revenue ?? 0, { currency: d.currency }).value ?? '', r.revenueShare.value ?? '']
      : []),
    fixed(r.averageScore).value ?? '',
  ]);
  return csvTable(fields, data);
}
