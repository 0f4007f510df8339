import type { Language } from '../../engine/explain/explain.js';
import {
  count,
  decimal,
  EMPTY,
  type Figure,
  money,
  shareColumn,
  signedCount,
  text,
} from '../../format/figure.js';
import { sumMoney } from '../../format/money.js';
import type { Labels, PolicyDiff, PolicyRef, ServiceLoad, TierFigures } from '../../simulate/types.js';
import { dataName } from '../data-name.js';
import type { Section } from './section.js';
import { contactActions } from './simulation.js';
import { labelOf, pair, t, textIn, tierLabel, tierName } from './text.js';

/** A tier's labels from either side, the to-policy's first (it names the tiers the diff is ordered by). */
export function labelsOf(d: PolicyDiff): (tier: string) => Labels | undefined {
  const labels = new Map<string, Labels | undefined>();
  for (const x of [...d.simulations.to.tiers, ...d.simulations.from.tiers])
    if (!labels.has(x.tier)) labels.set(x.tier, x.label);
  return (tier) => labels.get(tier);
}

/** Each matrix tier's figures on one side; the matrix's no-tier row is the simulation's untiered. */
export function sideFigures(
  d: PolicyDiff,
  side: 'from' | 'to',
): (tier: string, index: number) => TierFigures | undefined {
  const s = d.simulations[side];
  const last = d.matrix.tiers.length - 1;
  return (tier, index) => (index === last ? s.untiered : s.tiers.find((x) => x.tier === tier));
}

function policyText(p: PolicyRef, language: Language): string {
  const label = p.label?.[language];
  return `${label ? `${label} ` : ''}${p.name} ${p.version} (${p.file})`;
}

export function diffTitle(d: PolicyDiff, language: Language): string {
  return pair(
    language,
    t('diffTitle', language),
    `${d.from.name} ${d.from.version} → ${d.to.name} ${d.to.version}`,
  );
}

export function diffSections(d: PolicyDiff, language: Language): Section[] {
  const l = (key: Parameters<typeof t>[0]) => t(key, language);
  const label = labelsOf(d);
  const tiers = d.matrix.tiers;
  const name = (tier: string) => tierName(tier, label(tier), language);
  const { matrix } = d;
  const sections: Section[] = [
    {
      id: 'overview',
      title: l('overview'),
      lines: [],
      columns: [{ title: l('item') }, { title: l('value') }],
      rows: [
        [text(l('fromPolicy')), text(policyText(d.from, language))],
        [text(l('toPolicy')), text(policyText(d.to, language))],
        [text(l('data')), text(dataName(d.data))],
        ...(d.data.transactions ? [[text(l('transactions')), text(d.data.transactions)]] : []),
        ...(d.asOf ? [[text(l('asOf')), text(`${d.asOf.date} (${d.asOf.timezone})`)]] : []),
        ...(d.currency ? [[text(l('currency')), text(d.currency)]] : []),
        [text(l('customers')), count(matrix.total)],
        [text(l('upgrades')), count(matrix.upgrades)],
        [text(l('downgrades')), count(matrix.downgrades)],
        [text(l('unchanged')), count(matrix.unchanged)],
        [text(l('moversTotal')), count(d.moversTotal)],
      ],
    },
    matrixSection('matrix', l('matrix'), tiers, name, language, (f, to) =>
      count(matrix.counts[f]?.[to] ?? 0),
    ),
  ];
  const revenue = matrix.revenue;
  if (revenue)
    sections.push(
      matrixSection(
        'matrix-revenue',
        l('matrixRevenue'),
        tiers,
        name,
        language,
        (f, to) => money(revenue[f]?.[to] ?? 0, { currency: d.currency }),
        d.currency,
      ),
    );
  sections.push(distributionSection(d, language), deltaSection(d, language), moversSection(d, language));
  return sections;
}

function matrixSection(
  id: string,
  title: string,
  tiers: readonly string[],
  name: (tier: string) => string,
  language: Language,
  cell: (from: string, to: string) => Figure,
  unit?: string,
): Section {
  const rowTotal = (from: string) =>
    sumMoney(
      tiers.map((to) => (cell(from, to).value as number | undefined) ?? 0),
      unit,
    );
  const total = (n: number) => (unit !== undefined ? money(n, { currency: unit }) : count(n));
  return {
    id,
    title: unit ? `${title} (${unit})` : title,
    lines: [],
    // The unit is in the section's title: repeated in every column it would crowd the matrix.
    columns: [
      { title: t('fromTo', language) },
      ...tiers.map((to) => ({ title: name(to), unit, unitInTitle: false, numeric: true })),
      { title: t('total', language), unit, unitInTitle: false, numeric: true },
    ],
    rows: tiers.map((from) => [
      text(name(from)),
      ...tiers.map((to) => cell(from, to)),
      total(rowTotal(from)),
    ]),
  };
}

function distributionSection(d: PolicyDiff, language: Language): Section {
  const l = (key: Parameters<typeof t>[0]) => t(key, language);
  const before = sideFigures(d, 'from');
  const after = sideFigures(d, 'to');
  const withRevenue = d.deltas.revenueInTiers !== undefined;
  const label = labelsOf(d);
  const shares = (side: typeof before, whole: number) =>
    shareColumn(
      d.matrix.tiers.map((tier, i) => side(tier, i)?.customers),
      whole,
    ).rows;
  const sharesBefore = shares(before, d.simulations.from.customers);
  const sharesAfter = shares(after, d.simulations.to.customers);
  return {
    id: 'distribution',
    title: l('distribution'),
    lines: [],
    columns: [
      { title: l('tier') },
      { title: `${l('customers')} · ${l('before')}`, numeric: true },
      { title: `${l('customers')} · ${l('after')}`, numeric: true },
      { title: `${l('customers')} · ${l('change')}`, numeric: true },
      { title: `${l('share')} · ${l('before')}`, unit: '%', numeric: true },
      { title: `${l('share')} · ${l('after')}`, unit: '%', numeric: true },
      ...(withRevenue
        ? [
            { title: `${l('revenue')} · ${l('before')}`, unit: d.currency, numeric: true },
            { title: `${l('revenue')} · ${l('after')}`, unit: d.currency, numeric: true },
            { title: `${l('revenue')} · ${l('change')}`, unit: d.currency, numeric: true },
          ]
        : []),
    ],
    rows: d.matrix.tiers.map((tier, i) => {
      const a = before(tier, i);
      const currency = { currency: d.currency };
      const b = after(tier, i);
      const change = (b?.customers ?? 0) - (a?.customers ?? 0);
      const revenueChange =
        d.deltas.revenueInTiers?.[tier] ??
        (a?.revenue !== undefined || b?.revenue !== undefined
          ? (b?.revenue ?? 0) - (a?.revenue ?? 0)
          : undefined);
      return [
        text(tierName(tier, label(tier), language)),
        count(a?.customers ?? 0),
        count(b?.customers ?? 0),
        signedCount(change),
        sharesBefore[i]!,
        sharesAfter[i]!,
        ...(withRevenue
          ? [
              money(a?.revenue, currency),
              money(b?.revenue, currency),
              money(revenueChange, { ...currency, signed: true }),
            ]
          : []),
      ];
    }),
  };
}

function deltaSection(d: PolicyDiff, language: Language): Section {
  const l = (key: Parameters<typeof t>[0]) => t(key, language);
  const a = d.simulations.from.totals;
  const b = d.simulations.to.totals;
  const actions = contactActions([a.service, b.service, d.deltas.service]);
  const serviceRows = (pick: (x: ServiceLoad) => number, title: string, unit?: string): Figure[] => [
    text(unit ? `${title} (${unit})` : title),
    decimal(pick(a.service)),
    decimal(pick(b.service)),
    decimal(pick(d.deltas.service), 1, true),
  ];
  return {
    id: 'deltas',
    title: l('deltas'),
    lines: [],
    columns: [
      { title: l('measure') },
      { title: l('before'), numeric: true },
      { title: l('after'), numeric: true },
      { title: l('change'), numeric: true },
    ],
    rows: [
      ...(d.deltas.entitlementCost !== undefined
        ? [
            [
              text(d.currency ? `${l('entitlementCost')} (${d.currency})` : l('entitlementCost')),
              money(a.entitlementCost ?? 0, { currency: d.currency }),
              money(b.entitlementCost ?? 0, { currency: d.currency }),
              money(d.deltas.entitlementCost, { currency: d.currency, signed: true }),
            ],
          ]
        : []),
      serviceRows((x) => x.hotline24x7, l('hotline')),
      serviceRows((x) => x.dedicatedStaff, l('dedicatedStaff')),
      ...actions.map((action) =>
        serviceRows(
          (x) => x.contactsPerQuarter[action] ?? 0,
          labelOf(
            d.simulations.to.actionLabels?.[action] ?? d.simulations.from.actionLabels?.[action],
            action,
            language,
          ),
          l('contacts'),
        ),
      ),
    ],
  };
}

function moversSection(d: PolicyDiff, language: Language): Section {
  const l = (key: Parameters<typeof t>[0]) => t(key, language);
  const label = labelsOf(d);
  const tier = (id: string | undefined) =>
    text(id === undefined ? tierLabel('(none)', undefined, language) : tierName(id, label(id), language));
  return {
    id: 'movers',
    title: l('movers'),
    lines: [
      pair(language, l('moversShown'), `${count(d.movers.length).text} / ${count(d.moversTotal).text}`),
    ],
    columns: [
      { title: l('customer') },
      { title: l('row'), numeric: true },
      { title: l('from') },
      { title: l('to') },
      { title: l('fromScore'), unit: l('points'), numeric: true },
      { title: l('toScore'), unit: l('points'), numeric: true },
      { title: l('direction') },
      { title: l('reason') },
    ],
    rows: d.movers.map((m) => [
      text(m.customer),
      m.row === undefined ? EMPTY : { text: String(m.row), value: m.row },
      tier(m.from),
      tier(m.to),
      decimal(m.fromScore),
      decimal(m.toScore),
      text(l(m.direction)),
      text(textIn(m.reason, language)),
    ]),
  };
}
