import type { Language } from '../../engine/explain/explain.js';
import { formatCount, formatNumber } from '../../format/number.js';
import { displayedShares, formatPercent, formatShare } from '../../format/share.js';
import { render, t as translate } from '../../i18n/text.js';
import type { BandCount, DataProfile, DuplicateCheck } from '../../profile/types.js';
import { labelOf, t } from './labels.js';

/** One part of the report as every format shows it: a heading, sentences, and a table. */
export interface Section {
  id: string;
  title: string;
  lines: string[];
  header: string[];
  rows: string[][];
  /** Columns right-aligned as numbers. */
  numeric: boolean[];
}

/** A share standing alone (a column's completeness, the stale customers): rounded, "–" of nothing. */
export function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : formatShare(part / whole);
}

/** Shares of one whole shown side by side, rounded so that they add up (src/format/share.ts). */
function shares(parts: readonly number[], whole: number): string[] {
  const shown = displayedShares(parts, whole);
  return shown ? shown.shares.map((s) => formatPercent(s)) : parts.map(() => '–');
}

export function count(n: number): string {
  return formatCount(n);
}

/** The report as sections, in the order every format prints them. Values arrive masked. */
export function profileSections(profile: DataProfile, language: Language): Section[] {
  const l = (key: Parameters<typeof t>[0]) => t(key, language);
  const section = (
    id: Parameters<typeof t>[0],
    header: string[],
    rows: string[][],
    numeric: boolean[] = [],
    lines: string[] = [],
  ): Section => ({
    id,
    title: l(id),
    lines,
    header,
    rows,
    numeric,
  });
  const { rows } = profile;
  const sections: Section[] = [
    section(
      'overview',
      [l('item'), l('value')],
      [
        [l('policy'), `${profile.policy.name} ${profile.policy.version}`],
        [l('file'), `${profile.file}${profile.encoding ? ` (${profile.format}, ${profile.encoding})` : ''}`],
        [l('asOf'), `${profile.asOf.date} (${profile.asOf.instant}, ${profile.asOf.timezone})`],
        [l('rowsRead'), count(rows.read)],
        [l('customers'), count(rows.customers)],
        [l('malformed'), count(rows.malformed)],
        [l('withInvalid'), count(rows.withInvalid)],
        [l('withoutKey'), count(rows.withoutKey)],
        [l('duplicateKey'), count(rows.duplicateKey)],
      ],
    ),
    section(
      'columns',
      [
        l('fact'),
        l('column'),
        l('type'),
        l('filled'),
        l('empty'),
        l('invalidCount'),
        l('completeness'),
        l('flags'),
      ],
      profile.columns.map((c) => [
        c.fact,
        c.column,
        translate(language, 'profile.factType', { type: c.type }),
        count(c.filled),
        count(c.empty),
        count(c.invalid),
        percent(c.filled, rows.read),
        [c.required ? l('required') : '', c.pii ? l('pii') : ''].filter(Boolean).join(', '),
      ]),
      [false, false, false, true, true, true, true, false],
    ),
  ];
  const invalid = profile.columns.flatMap((c) =>
    c.examples.map((e) => [c.column, String(e.row), e.value, e.i18n ? render(language, e.i18n) : e.message]),
  );
  if (invalid.length > 0)
    sections.push(
      section('invalid', [l('column'), l('row'), l('value'), l('problem')], invalid, [false, true]),
    );
  if (profile.missingColumns.length > 0)
    sections.push(
      section(
        'missingColumns',
        [l('fact'), l('column'), l('flags')],
        profile.missingColumns.map((m) => [m.fact, m.column, m.required ? l('required') : '']),
      ),
    );
  sections.push(
    section(
      'duplicateKeys',
      [l('key'), l('row'), l('firstRow')],
      profile.duplicateKeys.map((d) => [d.key, String(d.row), String(d.firstRow)]),
      [false, true, true],
      rows.duplicateKey > profile.duplicateKeys.length
        ? [
            translate(language, 'profile.moreNotListed', {
              n: rows.duplicateKey - profile.duplicateKeys.length,
            }),
          ]
        : [],
    ),
    duplicates('names', profile.names, language),
    duplicates('phones', profile.phones, language),
    staleSection(profile, language),
  );
  const coverage = profile.coverage;
  if (!coverage) return sections;
  const evaluated = coverage.evaluated;
  const untiered = coverage.untiered > 0 ? [coverage.untiered] : [];
  const tierShares = shares([...coverage.tiers.map((tier) => tier.customers), ...untiered], evaluated);
  sections.push(
    section(
      'tiers',
      [l('tier'), l('label'), l('customers'), l('share')],
      [
        ...coverage.tiers.map((tier, i) => [
          tier.id,
          labelOf(tier.label, tier.id, language),
          count(tier.customers),
          tierShares[i]!,
        ]),
        ...untiered.map((n) => ['', l('untiered'), count(n), tierShares.at(-1)!]),
      ],
      [false, false, true, true],
    ),
  );
  if (coverage.rules.length > 0)
    sections.push(
      section(
        'rules',
        [l('kind'), l('id'), l('label'), l('holds'), l('decided')],
        coverage.rules.map((r) => [
          translate(language, 'profile.kindOf', { kind: r.kind }),
          r.group ? `${r.group}.${r.id}` : r.id,
          labelOf(r.label, r.id, language),
          count(r.holds),
          count(r.decided),
        ]),
        [false, false, false, true, true],
      ),
    );
  if (coverage.bands.length > 0) {
    // The bands of one metric (with "no band" and "no value") part its customers: their shares add up.
    const bandShares = new Map<BandCount, string>();
    const byMetric = new Map<string, BandCount[]>();
    for (const b of coverage.bands) {
      const key = `${b.dimension}.${b.metric}`;
      byMetric.set(key, [...(byMetric.get(key) ?? []), b]);
    }
    for (const bands of byMetric.values()) {
      const shown = shares(
        bands.map((b) => b.customers),
        evaluated,
      );
      bands.forEach((b, i) => {
        bandShares.set(b, shown[i]!);
      });
    }
    sections.push(
      section(
        'bands',
        [l('metric'), l('band'), l('range'), l('customers'), l('share')],
        coverage.bands.map((b) => [
          `${b.dimension}.${b.metric}`,
          bandName(b, language),
          bandRange(b, language),
          count(b.customers),
          bandShares.get(b)!,
        ]),
        [false, false, false, true, true],
      ),
    );
  }
  if (coverage.cells.length > 0)
    sections.push(
      section(
        'cells',
        [l('rowBand'), l('columnBand'), l('tier'), l('customers')],
        coverage.cells.map((c) => [c.row, c.column, c.tier, count(c.customers)]),
        [false, false, false, true],
      ),
    );
  sections.push(
    section(
      'unused',
      [l('kind'), l('id')],
      coverage.unused.map((u) => [translate(language, 'profile.kindOf', { kind: u.kind }), u.id]),
      [],
      coverage.unused.length === 0 ? [l('everythingReached')] : [],
    ),
  );
  if (coverage.notes.length > 0) sections.push(section('notes', [], [], [], coverage.notes));
  return sections;
}

/** Bands read by their number from 1, categories by their value; "no value" and "no band" in words. */
function bandName(b: BandCount, language: Language): string {
  if (b.band === 'missing') return t('bandMissing', language);
  if (b.band === 'none') return t('bandNone', language);
  return b.band;
}

function bandRange(b: BandCount, language: Language): string {
  if (b.band === 'missing' || b.band === 'none') return '';
  const range = b.bounds ? boundsText(b.bounds, language) : b.range;
  const label = b.label?.[language];
  return label ? `${range} (${label})` : range;
}

function boundsText(bounds: NonNullable<BandCount['bounds']>, language: Language): string {
  const { min, max } = bounds;
  if (min !== undefined && min === max && bounds.minInclusive && bounds.maxInclusive)
    return `= ${formatNumber(min, 6)}`;
  const low = min === undefined ? undefined : `${bounds.minInclusive ? '≥' : '>'} ${formatNumber(min, 6)}`;
  const high = max === undefined ? undefined : `${bounds.maxInclusive ? '≤' : '<'} ${formatNumber(max, 6)}`;
  if (low && high) return translate(language, 'profile.rangeBoth', { min: low, max: high });
  return low ?? high ?? t('anyValue', language);
}

/**
 * Likely duplicates, one line a member: the group's normalised name, then the member's key, row
 * and value each in a column of its own, so that no cell runs them together.
 */
function duplicates(id: 'names' | 'phones', check: DuplicateCheck, language: Language): Section {
  const lines: string[] = [];
  if (check.fact === undefined) lines.push(translate(language, 'profile.noFact', { check: id }));
  else
    lines.push(
      translate(language, 'profile.read', {
        fact: check.fact,
        column: check.column ?? check.fact,
        groups: check.groupCount,
        customers: check.customersInGroups,
      }),
    );
  if (check.groupCount > check.groups.length)
    lines.push(translate(language, 'profile.moreNotListed', { n: check.groupCount - check.groups.length }));
  return {
    id,
    title: t(id, language),
    lines,
    header: [
      t('normalized', language),
      t('key', language),
      t('row', language),
      t(id === 'names' ? 'memberName' : 'memberPhone', language),
    ],
    rows: check.groups.flatMap((g) =>
      g.members.map((m) => [g.normalized, m.key ?? '', String(m.row), m.value ?? '']),
    ),
    numeric: [false, false, true, false],
  };
}

function staleSection(profile: DataProfile, language: Language): Section {
  const s = profile.stale;
  const lines: string[] = [];
  if (s.source === 'none') lines.push(t('staleNotComputed', language));
  else {
    const from =
      s.source === 'transactions'
        ? t('staleFromTransactions', language)
        : translate(language, 'profile.staleFromFact', { fact: s.fact ?? '' });
    const rule =
      s.source === 'months-fact'
        ? translate(language, 'profile.staleRuleMonthsFact', { fact: s.fact ?? '', months: s.months })
        : translate(language, 'profile.staleRuleNoActivity', { months: s.months, cutoff: s.cutoff ?? '' });
    lines.push(
      translate(language, 'profile.staleBasis', {
        from,
        date: profile.asOf.date,
        timezone: profile.asOf.timezone,
        rule,
      }),
      translate(language, 'profile.staleCount', {
        stale: s.stale,
        customers: s.customers,
        share: percent(s.stale, s.customers),
        none: s.noActivity,
      }),
    );
  }
  return {
    id: 'stale',
    title: t('stale', language),
    lines,
    header: [
      t('key', language),
      t('row', language),
      t(s.source === 'months-fact' ? 'monthsWithout' : 'last', language),
    ],
    rows: s.examples.map((e) => [e.key, String(e.row), e.last ?? '']),
    numeric: [false, true, false],
  };
}
