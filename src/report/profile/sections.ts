import type { Language } from '../../engine/explain/explain.js';
import { formatCount } from '../../format/number.js';
import { displayedShares, formatPercent, formatShare } from '../../format/share.js';
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
        c.type,
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
    c.examples.map((e) => [c.column, String(e.row), e.value, e.message]),
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
        ? [`${count(rows.duplicateKey - profile.duplicateKeys.length)} ${l('more')}`]
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
          r.kind,
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
          b.band,
          b.label ? `${b.range} (${labelOf(b.label, '', language)})` : b.range,
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
      coverage.unused.map((u) => [u.kind, u.id]),
      [],
      coverage.unused.length === 0 ? [l('everythingReached')] : [],
    ),
  );
  if (coverage.notes.length > 0) sections.push(section('notes', [], [], [], coverage.notes));
  return sections;
}

function duplicates(id: 'names' | 'phones', check: DuplicateCheck, language: Language): Section {
  const zh = language === 'zh-CN';
  const lines: string[] = [];
  if (check.fact === undefined)
    lines.push(
      zh
        ? `策略中没有可识别的${id === 'names' ? '公司名称' : '电话'}事实；可用 --${id === 'names' ? 'name' : 'phone'}-fact 指定`
        : `no ${id === 'names' ? 'company-name' : 'phone'} fact recognised in the policy; name one with --${id === 'names' ? 'name' : 'phone'}-fact`,
    );
  else
    lines.push(
      zh
        ? `读取 ${check.fact}（列 ${check.column}）：${check.groupCount} 组，共 ${check.customersInGroups} 位客户`
        : `read ${check.fact} (column ${check.column}): ${check.groupCount} groups, ${check.customersInGroups} customers in them`,
    );
  if (check.groupCount > check.groups.length)
    lines.push(`${count(check.groupCount - check.groups.length)} ${t('more', language)}`);
  return {
    id,
    title: t(id, language),
    lines,
    header: [t('normalized', language), t('customers', language), t('members', language)],
    rows: check.groups.map((g) => [
      g.normalized,
      count(g.customers),
      g.members
        .map((m) => `${m.key ?? '?'} ${m.row}${m.value === undefined ? '' : ` ${m.value}`}`)
        .join('; '),
    ]),
    numeric: [false, true, false],
  };
}

function staleSection(profile: DataProfile, language: Language): Section {
  const s = profile.stale;
  const zh = language === 'zh-CN';
  const lines: string[] = [];
  if (s.source === 'none')
    lines.push(
      zh
        ? '未计算：没有交易明细（--transactions），策略中也没有最近活动日期事实（--activity-fact）'
        : 'not computed: no transaction log (--transactions) and no last-activity fact in the policy (--activity-fact)',
    );
  else {
    const from =
      s.source === 'transactions'
        ? zh
          ? '交易明细'
          : 'the transaction log'
        : zh
          ? `事实 ${s.fact}`
          : `fact ${s.fact}`;
    const rule =
      s.source === 'months-fact'
        ? zh
          ? `${s.fact} ≥ ${s.months} 个月`
          : `${s.fact} ≥ ${s.months} months`
        : zh
          ? `${s.months} 个月无活动（最近活动不晚于 ${s.cutoff}）`
          : `no activity for ${s.months} months (last activity on or before ${s.cutoff})`;
    lines.push(
      zh
        ? `依据${from}，基准日 ${profile.asOf.date}（${profile.asOf.timezone}）：${rule}`
        : `from ${from}, as of ${profile.asOf.date} (${profile.asOf.timezone}): ${rule}`,
      zh
        ? `长期无活动 ${count(s.stale)} / ${count(s.customers)}（${percent(s.stale, s.customers)}）；无任何活动记录 ${count(s.noActivity)}`
        : `stale ${count(s.stale)} of ${count(s.customers)} (${percent(s.stale, s.customers)}); no activity on record ${count(s.noActivity)}`,
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
