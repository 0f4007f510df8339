import { localizeDiagnostic } from '../../diagnostics/localize.js';
import type { Language } from '../../engine/explain/explain.js';
import { count, decimal, type Figure, money, percent, shareColumn, text } from '../../format/figure.js';
import { t as translate } from '../../i18n/text.js';
import type { Calibration, SensitivityRow, ThresholdSearch } from '../../simulate/types.js';
import { dataName } from '../data-name.js';
import type { Section } from './section.js';
import { labelOf, pair, t, tierName } from './text.js';

export function calibrationTitle(c: Calibration, language: Language): string {
  const label = c.policy.label?.[language];
  return pair(
    language,
    t('calibrationTitle', language),
    `${label ? `${label} ` : ''}${c.policy.name} ${c.policy.version}`,
  );
}

/** "vip ≥ 10.0% of customers", the search's name in headings and chart titles. */
export function searchName(s: ThresholdSearch, language: Language): string {
  return translate(language, 'simulation.search', {
    tier: tierName(s.tier, s.label, language),
    share: s.target.share,
    measure: s.target.measure,
  });
}

/**
 * A search's distribution as shown: shares of customers and of revenue rounded so that each
 * column adds up, the same figures in the table, the chart and the search's achieved share.
 */
export function searchShares(s: ThresholdSearch): Record<'customers' | 'revenue', Figure[]> {
  // Shares of everyone evaluated: customers without a tier are not a row, so the rows may add up
  // to less than 100%.
  const rows = s.distribution;
  return {
    customers: shareColumn(
      rows.map((r) => r.share),
      1,
    ).rows,
    revenue: shareColumn(
      rows.map((r) => r.revenueShare),
      1,
    ).rows,
  };
}

/** The tier's share after the search, as its distribution shows it. */
function achieved(s: ThresholdSearch, measure: 'customers' | 'revenue'): Figure {
  const i = s.distribution.findIndex((r) => r.tier === s.tier);
  if (i >= 0) return searchShares(s)[measure][i]!;
  return percent(measure === 'customers' ? s.achieved?.share : s.achieved?.revenueShare);
}

export function weightName(row: SensitivityRow, language: Language): string {
  const label = labelOf(row.label, row.weight, language);
  return label === row.weight ? label : `${label} [${row.weight}]`;
}

export function calibrationSections(c: Calibration, language: Language): Section[] {
  const l = (key: Parameters<typeof t>[0]) => t(key, language);
  const points = l('points');
  const sections: Section[] = [
    {
      id: 'overview',
      title: l('overview'),
      lines: [],
      columns: [{ title: l('item') }, { title: l('value') }],
      rows: [
        [text(l('policy')), text(`${c.policy.name} ${c.policy.version} (${c.policy.file})`)],
        [text(l('data')), text(dataName(c.data))],
        ...(c.data.transactions ? [[text(l('transactions')), text(c.data.transactions)]] : []),
        ...(c.asOf ? [[text(l('asOf')), text(`${c.asOf.date} (${c.asOf.timezone})`)]] : []),
        [text(l('customers')), count(c.customers)],
        [text(l('untiered')), count(c.untiered.customers)],
        [text(`${l('step')} (${points})`), decimal(c.sensitivity.step)],
        [text(`${l('epsilon')} (${points})`), decimal(c.stability.epsilon)],
      ],
    },
  ];
  // A suggestion is never shown without what it breaks, nor a target without why it was not searched.
  const withProblems = c.thresholds.some((s) => s.problems !== undefined);
  if (c.thresholds.length > 0)
    sections.push({
      id: 'thresholds',
      title: l('thresholds'),
      lines: [],
      columns: [
        { title: l('target') },
        { title: l('currentThreshold'), unit: points, numeric: true },
        { title: l('foundThreshold'), unit: points, numeric: true },
        { title: l('achievedCustomers'), numeric: true },
        { title: l('achievedShare'), unit: '%', numeric: true },
        { title: l('achievedRevenueShare'), unit: '%', numeric: true },
        ...(withProblems ? [{ title: translate(language, 'calibrate.problems') }] : []),
      ],
      rows: c.thresholds.map((s) => [
        text(searchName(s, language)),
        decimal(s.current, 2),
        s.value === undefined ? text(l('notFound')) : decimal(s.value, 2),
        count(s.achieved?.customers),
        s.achieved ? achieved(s, 'customers') : percent(undefined),
        s.achieved ? achieved(s, 'revenue') : percent(undefined),
        ...(withProblems
          ? [text((s.problems ?? []).map((d) => localizeDiagnostic(d, language).message).join('; '))]
          : []),
      ]),
    });
  c.thresholds.forEach((s, i) => {
    if (s.distribution.length === 0) return;
    const withRevenue = s.distribution.some((r) => r.revenue !== undefined);
    const shares = searchShares(s);
    sections.push({
      id: `threshold-${i + 1}`,
      title: pair(language, l('searchDistribution'), searchName(s, language)),
      lines: [],
      columns: [
        { title: l('tier') },
        { title: l('customers'), numeric: true },
        { title: l('share'), unit: '%', numeric: true },
        ...(withRevenue
          ? [
              { title: l('revenue'), unit: c.currency, numeric: true },
              { title: l('revenueShare'), unit: '%', numeric: true },
            ]
          : []),
      ],
      rows: s.distribution.map((r, j) => [
        text(tierName(r.tier, r.label, language)),
        count(r.customers),
        shares.customers[j]!,
        ...(withRevenue ? [money(r.revenue, { currency: c.currency }), shares.revenue[j]!] : []),
      ]),
    });
  });
  if (c.sensitivity.rows.length > 0)
    sections.push({
      id: 'sensitivity',
      title: `${l('sensitivity')} (± ${decimal(c.sensitivity.step).text} ${points})`,
      lines: [],
      columns: [
        { title: l('weight') },
        { title: l('currentWeight'), unit: points, numeric: true },
        { title: l('minusWeight'), unit: points, numeric: true },
        { title: pair(language, l('minusSide'), l('changed')), numeric: true },
        { title: pair(language, l('minusSide'), l('up')), numeric: true },
        { title: pair(language, l('minusSide'), l('down')), numeric: true },
        { title: l('plusWeight'), unit: points, numeric: true },
        { title: pair(language, l('plusSide'), l('changed')), numeric: true },
        { title: pair(language, l('plusSide'), l('up')), numeric: true },
        { title: pair(language, l('plusSide'), l('down')), numeric: true },
      ],
      rows: c.sensitivity.rows.map((r) => [
        text(weightName(r, language)),
        decimal(r.current, 2),
        decimal(r.minus.weight, 2),
        count(r.minus.changed),
        count(r.minus.up),
        count(r.minus.down),
        decimal(r.plus.weight, 2),
        count(r.plus.changed),
        count(r.plus.up),
        count(r.plus.down),
      ]),
    });
  if (c.stability.rows.length > 0)
    sections.push({
      id: 'stability',
      title: `${l('stability')} (ε = ${decimal(c.stability.epsilon).text} ${points})`,
      lines: [],
      columns: [
        { title: l('tier') },
        { title: l('threshold'), unit: points, numeric: true },
        { title: l('justBelow'), numeric: true },
        { title: l('justAbove'), numeric: true },
        { title: l('fragileShare'), unit: '%', numeric: true },
      ],
      rows: c.stability.rows.map((r) => [
        text(tierName(r.tier, r.label, language)),
        decimal(r.threshold, 2),
        count(r.justBelow),
        count(r.justAbove),
        percent(r.fragileShare),
      ]),
    });
  return sections;
}
