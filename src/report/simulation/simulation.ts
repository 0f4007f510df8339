import type { Language } from '../../engine/explain/explain.js';
import type { ServiceLoad, Simulation, TierFigures } from '../../simulate/types.js';
import { type Cell, count, decimal, EMPTY, money, percent, text } from './format.js';
import type { Column, Section } from './section.js';
import { t, tierName } from './text.js';

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
  return `${t('simulationTitle', language)}: ${label ? `${label} ` : ''}${s.policy.name} ${s.policy.version}`;
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
      [text(l('data')), text(s.data.customers)],
      ...(s.data.transactions ? [[text(l('transactions')), text(s.data.transactions)]] : []),
      ...(s.asOf ? [[text(l('asOf')), text(`${s.asOf.date} (${s.asOf.timezone})`)]] : []),
      ...(s.revenueFact ? [[text(l('revenueFact')), text(s.revenueFact)]] : []),
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
  const tierRow = (x: TierFigures): Cell[] => [
    name(x),
    count(x.customers),
    percent(x.share),
    ...(withRevenue ? [money(x.revenue), percent(revenueShareOf(s, x))] : []),
    decimal(x.averageScore),
    ...(withCost ? [text(x.discountQuota ?? ''), money(x.entitlementCost)] : []),
  ];
  const totalRevenue = s.totals.revenue;
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
        percent(s.customers === 0 ? undefined : s.totals.customers / s.customers),
        ...(withRevenue
          ? [
              money(totalRevenue),
              percent(
                totalRevenue === undefined || totalRevenue === 0
                  ? undefined
                  : revenueInTiers(s) / totalRevenue,
              ),
            ]
          : []),
        EMPTY,
        ...(withCost ? [EMPTY, money(s.totals.entitlementCost)] : []),
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
      columns: [{ title: l('tier') }, ...s.flags.map((f) => ({ title: f.flag, numeric: true }))],
      rows: [
        ...tiers.map((x) => [name(x), ...s.flags.map((f) => count(x.flags[f.flag] ?? 0))]),
        [text(l('total')), ...s.flags.map((f) => count(f.customers))],
      ],
    });

  for (const classifier of s.classifiers)
    sections.push({
      id: `classes-${classifier.id}`,
      title: `${l('classes')}: ${classifier.label?.[language] ?? classifier.id}`,
      lines: [],
      columns: [
        { title: l('class') },
        { title: l('customers'), numeric: true },
        { title: l('share'), unit: '%', numeric: true },
        ...tiers.map((x) => ({ title: tierName(x.tier, x.label, language), numeric: true })),
      ],
      rows: classifier.classes.map((c) => [
        text(c.label?.[language] ? `${c.label[language]} [${c.id}]` : c.id),
        count(c.customers),
        percent(s.customers === 0 ? undefined : c.customers / s.customers),
        ...tiers.map((x) => count(x.classes[classifier.id]?.[c.id] ?? 0)),
      ]),
    });
  return sections;
}

/** What the rows hold of the total: 100.0% only when they add up to it exactly. */
function revenueInTiers(s: Simulation): number {
  return [...s.tiers, s.untiered].reduce((n, x) => n + (x.revenue ?? 0), 0);
}

/** The untiered row comes without a revenue share; it is the same ratio as the tiers'. */
export function revenueShareOf(s: Simulation, x: TierFigures): number | undefined {
  if (x.revenueShare !== undefined) return x.revenueShare;
  const total = s.totals.revenue;
  return x.revenue === undefined || !total ? undefined : x.revenue / total;
}

function serviceSection(s: Simulation, language: Language): Section {
  const l = (key: Parameters<typeof t>[0]) => t(key, language);
  const tiers = shownTiers(s);
  const actions = contactActions([...tiers.map((x) => x.service), s.totals.service]);
  const row = (first: Cell, load: ServiceLoad): Cell[] => [
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
      ...actions.map((a) => ({ title: a, unit: l('contacts'), numeric: true })),
    ],
    rows: [
      ...tiers.map((x) => row(text(tierName(x.tier, x.label, language)), x.service)),
      row(text(l('total')), s.totals.service),
    ],
  };
}
