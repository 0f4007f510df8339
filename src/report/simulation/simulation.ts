import type { Language } from '../../engine/explain/explain.js';
import {
  count,
  decimal,
  EMPTY,
  type Figure,
  fixed,
  money,
  percent,
  shareColumn,
  text,
} from '../../format/figure.js';
import type { ServiceLoad, Simulation, TierFigures } from '../../simulate/types.js';
import { dataName } from '../data-name.js';
import type { Column, Section } from './section.js';
import { labelOf, pair, t, tierName } from './text.js';

/** The tiers a report shows: every policy tier, then the untiered row when someone is in it. */
export function shownTiers(s: Simulation): TierFigures[] {
  return s.untiered.customers > 0 ? [...s.tiers, s.untiered] : s.tiers;
}

export function contactActions(loads: readonly ServiceLoad[]): string[] {
  const actions = new Set<string>();
  for (const load of loads) for (const action of Object.keys(load.contactsPerQuarter)) actions.add(action);
  return [...actions];
}

export function simulationTitle(s: Simulation, language: Language): string {
  const label = s.policy.label?.[language];
  return pair(
    language,
    t('simulationTitle', language),
    `${label ? `${label} ` : ''}${s.policy.name} ${s.policy.version}`,
  );
}

export function simulationSections(s: Simulation, language: Language): Section[] {
  const l = (key: Parameters<typeof t>[0]) => t(key, language);
  const tiers = shownTiers(s);
  const currency = s.currency;
  const withRevenue = s.revenueFact !== undefined;
  const withCost = tiers.some((x) => x.entitlementCost !== undefined);
  const name = (x: TierFigures) => text(tierName(x.tier, x.label, language));
  const sections: Section[] = [];

  sections.push({
    id: 'overview',
    title: l('overview'),
    lines: [],
    columns: [{ title: l('item') }, { title: l('value') }],
    rows: [
      [text(l('policy')), text(`${s.policy.name} ${s.policy.version}`)],
      [text(l('data')), text(dataName(s.data))],
      ...(s.data.transactions ? [[text(l('transactions')), text(s.data.transactions)]] : []),
      ...(s.asOf ? [[text(l('asOf')), text(`${s.asOf.date} (${s.asOf.timezone})`)]] : []),
      ...(s.revenueFact
        ? [[text(l('revenueFact')), text(tierName(s.revenueFact, s.revenueLabel, language))]]
        : []),
      ...(currency ? [[text(l('currency')), text(currency)]] : []),
      [text(l('customers')), count(s.customers)],
    ],
  });

  const tierColumns: Column[] = [
    { title: l('tier') },
    { title: l('customers'), numeric: true },
    { title: l('share'), unit: '%', numeric: true },
    ...(withRevenue
      ? [
          { title: l('revenue'), unit: currency, numeric: true },
          { title: l('revenueShare'), unit: '%', numeric: true },
        ]
      : []),
    { title: l('averageScore'), unit: l('points'), numeric: true },
    ...(withCost
      ? [
          { title: l('discountQuota'), numeric: true },
          { title: l('entitlementCost'), unit: currency, numeric: true },
        ]
      : []),
  ];
  const shares = tierShares(s);
  const tierRow = (x: TierFigures, i: number): Figure[] => [
    name(x),
    count(x.customers),
    shares.customers.rows[i]!,
    ...(withRevenue ? [money(x.revenue, { currency }), shares.revenue.rows[i]!] : []),
    fixed(x.averageScore),
    ...(withCost ? [text(x.discountQuota ?? ''), money(x.entitlementCost, { currency })] : []),
  ];
  sections.push({
    id: 'tiers',
    title: l('tiers'),
    lines: [],
    columns: tierColumns,
    rows: [
      ...tiers.map(tierRow),
      [
        text(l('total')),
        count(s.totals.customers),
        shares.customers.total,
        ...(withRevenue ? [money(s.totals.revenue, { currency }), shares.revenue.total] : []),
        EMPTY,
        ...(withCost ? [EMPTY, money(s.totals.entitlementCost, { currency })] : []),
      ],
    ],
  });

  sections.push(serviceSection(s, language));

  if (s.kpiFacts.length > 0)
    sections.push({
      id: 'kpis',
      title: l('kpis'),
      lines: [],
      columns: [
        { title: l('tier') },
        ...s.kpiFacts.map((k) => ({ title: k.label?.[language] ?? k.id, unit: k.unit, numeric: true })),
      ],
      rows: tiers.map((x) => [name(x), ...s.kpiFacts.map((k) => decimal(x.kpis[k.id], 2))]),
    });

  if (s.flags.length > 0)
    sections.push({
      id: 'flags',
      title: l('flags'),
      lines: [],
      columns: [
        { title: l('tier') },
        ...s.flags.map((f) => ({ title: labelOf(f.label, f.flag, language), numeric: true })),
      ],
      rows: [
        ...tiers.map((x) => [name(x), ...s.flags.map((f) => count(x.flags[f.flag] ?? 0))]),
        [text(l('total')), ...s.flags.map((f) => count(f.customers))],
      ],
    });

  for (const classifier of s.classifiers) {
    const classShares = classShareColumn(
      classifier.classes.map((c) => c.customers),
      s.customers,
    );
    sections.push({
      id: `classes-${classifier.id}`,
      title: pair(language, l('classes'), labelOf(classifier.label, classifier.id, language)),
      lines: [],
      columns: [
        { title: l('class') },
        { title: l('customers'), numeric: true },
        { title: l('share'), unit: '%', numeric: true },
        ...tiers.map((x) => ({ title: tierName(x.tier, x.label, language), numeric: true })),
      ],
      rows: classifier.classes.map((c, i) => [
        text(c.label?.[language] ? `${c.label[language]} [${c.id}]` : c.id),
        count(c.customers),
        classShares[i]!,
        ...tiers.map((x) => count(x.classes[classifier.id]?.[c.id] ?? 0)),
      ]),
    });
  }
  return sections;
}

/**
 * The shown tiers' shares of customers and of revenue, rounded so that each column adds up to
 * its total row; the table and the chart labels show these same figures.
 */
export function tierShares(s: Simulation): Record<'customers' | 'revenue', ReturnType<typeof shareColumn>> {
  const tiers = shownTiers(s);
  return {
    customers: shareColumn(
      tiers.map((x) => x.customers),
      s.customers,
    ),
    revenue: shareColumn(
      tiers.map((x) => x.revenue),
      s.totals.revenue,
    ),
  };
}

/**
 * Classes a customer can hold only one of (pick: first) add up like tiers; classes of a
 * classifier that picks all overlap, and each share then stands alone.
 */
function classShareColumn(customers: readonly number[], whole: number): Figure[] {
  const overlapping = customers.reduce((n, c) => n + c, 0) > whole;
  if (overlapping) return customers.map((c) => percent(whole === 0 ? undefined : c / whole));
  return shareColumn(customers, whole).rows;
}

function serviceSection(s: Simulation, language: Language): Section {
  const l = (key: Parameters<typeof t>[0]) => t(key, language);
  const tiers = shownTiers(s);
  const actions = contactActions([...tiers.map((x) => x.service), s.totals.service]);
  const row = (first: Figure, load: ServiceLoad): Figure[] => [
    first,
    count(load.hotline24x7),
    count(load.dedicatedStaff),
    ...actions.map((a) => decimal(load.contactsPerQuarter[a] ?? 0)),
  ];
  return {
    id: 'service',
    title: l('service'),
    lines: [],
    columns: [
      { title: l('tier') },
      { title: l('hotline'), numeric: true },
      { title: l('dedicatedStaff'), numeric: true },
      ...actions.map((a) => ({
        title: labelOf(s.actionLabels?.[a], a, language),
        unit: l('contacts'),
        numeric: true,
      })),
    ],
    rows: [
      ...tiers.map((x) => row(text(tierName(x.tier, x.label, language)), x.service)),
      row(text(l('total')), s.totals.service),
    ],
  };
}
