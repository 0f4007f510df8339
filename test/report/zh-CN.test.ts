import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { msg } from '../../src/i18n/text.js';
import { profileData } from '../../src/profile/index.js';
import { renderProfile } from '../../src/report/profile/render.js';
import {
  renderCalibration,
  renderDiff,
  renderSimulation,
  type SimulationFormat,
} from '../../src/report/simulation/index.js';
import type { Calibration, PolicyDiff, Simulation } from '../../src/simulate/types.js';
import { untranslated } from '../helpers/untranslated.js';
import { CUSTOMERS, POLICY, policyFrom, scratch } from '../profile/fixtures.js';
import { calibration, policyDiff, simulation } from './simulation/fixtures.js';

/**
 * Every report a Chinese reader gets, in every format, has no English left outside the ids of
 * the policy and the data (tier, fact, class, flag, weight ids; customer keys; file names),
 * units and numbers. The fixtures give every label in Chinese: a label the policy leaves
 * without Chinese shows its id, which is the user's own word.
 */
const IDS = [
  'vip',
  'gold',
  'silver',
  'retail',
  'wholesale',
  'industry',
  'aov',
  'repurchase',
  'spend12m',
  'value',
  'spend',
  'churn-warning',
  'visit',
  'call',
  'C002',
  'HYPERLINK',
  'Asia',
  'Shanghai',
];

function bilingualSimulation(): Simulation {
  const s = simulation();
  s.tiers[2]!.label = { 'zh-CN': '银卡', en: 'Silver' };
  s.kpiFacts[1]!.label = { 'zh-CN': '复购率', en: 'Repurchase rate' };
  s.classifiers[0]!.classes[1]!.label = { 'zh-CN': '批发', en: 'Wholesale' };
  s.flags[0]!.label = { 'zh-CN': '流失预警', en: 'Churn warning' };
  s.actionLabels = { visit: { 'zh-CN': '上门拜访', en: 'Visit' }, call: { 'zh-CN': '电话回访', en: 'Call' } };
  return s;
}

function bilingualDiff(): PolicyDiff {
  const d = policyDiff();
  for (const side of [d.simulations.from, d.simulations.to]) {
    const b = bilingualSimulation();
    side.tiers.forEach((t, i) => {
      t.label = b.tiers[i]!.label;
    });
    side.actionLabels = b.actionLabels;
  }
  // Movers' reasons are rendered in the reader's language; the metric goes by its label.
  d.movers[0]!.reason = msg('movers.reason', {
    parts: [
      msg('movers.score', {
        from: '82',
        to: '86',
        changes: [msg('movers.change', { metric: { 'zh-CN': '消费金额', en: 'Spend' }, delta: '+4' })],
      }),
    ],
  });
  d.movers[1]!.reason = msg('movers.wasNow', {
    was: msg('movers.criteria', { tier: { 'zh-CN': '金卡', en: 'Gold' } }),
    now: msg('movers.none', { reason: msg('explain.noCriteria') }),
  });
  return d;
}

function bilingualCalibration(): Calibration {
  const c = calibration();
  for (const row of [...c.thresholds.flatMap((t) => t.distribution), ...c.stability.rows])
    row.label = { 'zh-CN': row.tier === 'vip' ? '贵宾' : '金卡', en: row.tier };
  c.thresholds[1]!.label = { 'zh-CN': '贵宾', en: 'VIP' };
  c.sensitivity.rows[1]!.label = { 'zh-CN': '消费金额', en: 'Spend' };
  return c;
}

/** What a reader sees of a page: its text, and every text the charts draw (titles, legends, labels, tooltips). */
function pageText(html: string): string {
  const island = /<script type="application\/json" id="tierwise-data">([\s\S]*?)<\/script>/.exec(html);
  const charts: string[] = [];
  if (island) {
    const walk = (value: unknown, key = ''): void => {
      if (typeof value === 'string') {
        if (['id', 'type', 'position', 'overflow', 'orient', 'left', 'stack', 'trigger'].includes(key))
          return;
        if (/^#[0-9a-f]{3,8}$/i.test(value) || /^\d+%$/.test(value)) return;
        charts.push(value);
      } else if (Array.isArray(value)) for (const v of value) walk(v, key);
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
    };
    walk((JSON.parse(island[1]!) as { charts: unknown }).charts);
  }
  const body = html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ');
  return [body, ...charts].join('\n');
}

const FORMATS: SimulationFormat[] = ['table', 'csv', 'md', 'html'];
const shown = (format: SimulationFormat, text: string) => (format === 'html' ? pageText(text) : text);
/**
 * What a CSV shows a reader: its header row names machine fields (section, item, measure, value,
 * unit) and its first column is the section's stable id, like an HTML element id; both stay.
 */
function csvShown(text: string): string {
  const rows = Papa.parse<string[]>(text.trim()).data.slice(1);
  return rows.map((r) => r.slice(1).join(',')).join('\n');
}
const body = (format: SimulationFormat, text: string) => (format === 'csv' ? csvShown(text) : text);

describe('reports in Chinese leave no English behind', () => {
  for (const format of FORMATS) {
    it(`simulate --format ${format}`, () => {
      const text = shown(format, renderSimulation(format, bilingualSimulation(), { lang: 'zh-CN' }));
      expect(untranslated(body(format, text), IDS)).toEqual([]);
    });
    it(`diff --format ${format}`, () => {
      const text = shown(format, renderDiff(format, bilingualDiff(), { lang: 'zh-CN' }));
      expect(untranslated(body(format, text), IDS)).toEqual([]);
    });
    it(`calibrate --format ${format}`, () => {
      const text = shown(format, renderCalibration(format, bilingualCalibration(), { lang: 'zh-CN' }));
      expect(untranslated(body(format, text), IDS)).toEqual([]);
    });
  }

  it('data profile, every format but JSON', async () => {
    const file = scratch();
    const policy = await policyFrom(file('p.tier.yaml', POLICY));
    const run = await profileData(policy, { customers: file('c.csv', CUSTOMERS), asOf: '2024-03-01' });
    const profile = run.profile!;
    // An invalid value's message comes from the data layer; it carries its catalogue text along.
    for (const column of profile.columns)
      for (const example of column.examples) example.i18n = { id: 'common.missing' };
    const ids = [
      ...Object.keys(policy.facts ?? {}),
      ...(policy.tiers?.levels.map((l) => l.id) ?? []),
      ...Object.keys(policy.classifiers ?? {}),
      ...Object.values(policy.classifiers ?? {}).flatMap((c) => [
        ...c.rules.map((r) => r.id),
        ...(c.otherwise ? [c.otherwise.id] : []),
      ]),
      ...(policy.rerating?.triggers ?? []).map((t) => t.id),
      ...Object.keys(policy.dimensions ?? {}),
      ...Object.values(policy.dimensions ?? {}).flatMap((d) => Object.keys(d.metrics ?? {})),
      ...profile.stale.examples.map((e) => e.key),
      ...profile.duplicateKeys.map((d) => d.key),
      policy.metadata.name,
      // company names as the data writes them
      ...profile.names.groups.flatMap((g) => [
        g.normalized,
        ...g.members.flatMap((m) => [m.key ?? '', ...(m.value ?? '').split(/\W+/)]),
      ]),
      ...profile.phones.groups.flatMap((g) => g.members.map((m) => m.key ?? '')),
      ...profile.columns.map((c) => c.column),
      ...profile.columns.flatMap((c) => c.examples.map((e) => e.value)),
      'Asia',
      'Shanghai',
      'utf-8',
      'csv',
    ];
    for (const format of ['table', 'csv', 'md', 'html'] as const) {
      let text = renderProfile(format, profile, 'zh-CN');
      if (format === 'html') text = pageText(text);
      if (format === 'csv') text = csvShown(text);
      expect(untranslated(text, ids), format).toEqual([]);
    }
  });
});
