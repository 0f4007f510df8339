import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF } from '../../examples/generator/index.js';
import { loadPolicy } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import { tierwiseInProcess as inProcess, ROOT, tierwise } from '../e2e/cli.js';
import { LONG_TESTS } from '../helpers/runs.js';
import { evalJson, type JsonReport, MAIN_DATA } from './report.js';

/**
 * Every bundled policy on the bundled example data, through the CLI: what `npm start` shows must
 * be clean, reach every tier, and never show a contact's name or phone. The reports are made in
 * this process (runCli, as bin.ts calls it); the table goes through the built binary, and
 * test/examples/start.test.ts runs `npm start` itself.
 */
const POLICIES = readdirSync(join(ROOT, 'policies'))
  .filter((name) => name.endsWith('.tier.yaml'))
  .sort();
// The literal seed-001 levels leave most customers without a tier, on purpose (policies/README.md).
const EXPECTED_FINDINGS: Record<string, string[]> = { 'seed001-five-levels-literal.tier.yaml': ['TW0702'] };
// seed 004's re-rating triggers (spend down 50% two months running; no purchase for 3 months).
const WITH_TRIGGERS = [
  'seed004-scorecard.tier.yaml',
  'seed004-quota.tier.yaml',
  'retail-scorecard.tier.yaml',
];

interface Person {
  id: string;
  contact: string;
  phone: string;
}

/** Every 150th customer, and the ones the generator planted data-quality issues on. */
function samplePeople(): Person[] {
  const rows = Papa.parse<Record<string, string>>(
    readFileSync(join(ROOT, 'examples/data/customers.csv'), 'utf8'),
    { header: true, skipEmptyLines: true },
  ).data;
  const phones = new Map<string, number>();
  for (const row of rows) phones.set(row.联系方式!, (phones.get(row.联系方式!) ?? 0) + 1);
  const companies = rows.map((row) => row.客户名称!).join('\n');
  return rows
    .filter((row, i) => i % 150 === 0 || row.联系人!.includes('已离职') || phones.get(row.联系方式!) === 2)
    .map((row) => ({ id: row.客户编号!, contact: row.联系人!, phone: row.联系方式! }))
    .filter((p) => p.contact !== '' && p.phone !== '' && !companies.includes(p.contact));
}

/** The forms a leaked value would take: as written, the name without a note, the phone's digits. */
function leaks(text: string, people: readonly Person[]): string[] {
  return people.flatMap((p) =>
    [p.contact, p.contact.replace(/（.*）$/, ''), p.phone, p.phone.replaceAll('-', '')].filter((raw) =>
      text.includes(raw),
    ),
  );
}

const people = samplePeople();

describe('the bundled example data', () => {
  it('has a sample with the planted stale contact and duplicate company', () => {
    expect(people.length).toBeGreaterThan(20);
    expect(people.some((p) => p.contact.includes('已离职'))).toBe(true);
    expect(people.filter((p) => people.some((q) => q !== p && q.phone === p.phone))).toHaveLength(2);
  });

  describe.each(POLICIES)('with policies/%s', (file) => {
    let policy: Policy;
    let report: JsonReport;
    let reportText: string;
    beforeAll(async () => {
      const loaded = await loadPolicy(join(ROOT, 'policies', file));
      if (!loaded.policy) throw new Error(`policies/${file} does not load`);
      policy = loaded.policy;
      const args = [...MAIN_DATA, '--as-of', AS_OF];
      // Explaining all 3,000 customers is most of the work: by default only the sampled people are
      // explained, the ones whose data the leak check looks for, and only by a policy that reads
      // personal data (a fact with pii: true) at all.
      const { run, report: json } = await evalJson(`policies/${file}`, args, { explain: LONG_TESTS });
      report = json;
      reportText = JSON.stringify(json);
      expect(run.stderr).not.toMatch(/^error\[/m);
      if (!LONG_TESTS && Object.values(policy.facts ?? {}).some((fact) => fact.pii)) {
        const explained = await evalJson(`policies/${file}`, [
          ...args,
          '--customer',
          ...people.map((p) => p.id),
        ]);
        expect(explained.report.customers).toHaveLength(people.length);
        reportText += JSON.stringify(explained.report);
      }
    });

    it('evaluates all 3,000 customers with no error and no finding but the expected', () => {
      expect(report.distribution.customers).toBe(3000);
      expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      // a column the policy reads but the file lacks, or names differently, would be TW0602
      expect([...new Set(report.diagnostics.map((d) => d.code))]).toEqual(EXPECTED_FINDINGS[file] ?? []);
    });

    it('puts at least one customer in every tier and every class', () => {
      for (const tier of report.distribution.tiers)
        expect([tier.tier, tier.customers > 0]).toEqual([tier.tier, true]);
      for (const [id, classifier] of Object.entries(policy.classifiers ?? {})) {
        const reached = new Set(report.customers.flatMap((c) => c.classes[id] ?? []));
        const classes = [
          ...classifier.rules.map((r) => r.id),
          ...(classifier.otherwise ? [classifier.otherwise.id] : []),
        ];
        for (const c of classes) expect([id, c, reached.has(c)]).toEqual([id, c, true]);
      }
    });

    it.runIf(WITH_TRIGGERS.includes(file))('fires both re-rating triggers for some customers', () => {
      expect(report.customers.filter((c) => c.rerate).length).toBeGreaterThan(10);
      expect(report.customers.filter((c) => c.flags.includes('churn-warning')).length).toBeGreaterThan(10);
    });

    it('shows no contact name or phone of the sample unmasked, explanations included', () => {
      expect(leaks(reportText, people)).toEqual([]);
    });
  });

  // seed 000 reads both the contact's name and phone; JSON is covered above for every policy
  describe('masks personal data in every other output format', () => {
    // The table through the built binary, to the real stdout; the others in this process.
    it.each(['table', 'ndjson', 'csv'])('%s, with --explain', async (format) => {
      const cli = format === 'table' ? async (args: string[]) => tierwise(args) : inProcess;
      const run = await cli([
        'eval',
        '--policy',
        'policies/seed000-classifiers.tier.yaml',
        ...MAIN_DATA,
        '--as-of',
        AS_OF,
        '--format',
        format,
        '--explain',
        '--customer',
        ...people.map((p) => p.id),
      ]);
      expect(run.code).toBe(0);
      expect(run.stdout.length).toBeGreaterThan(0);
      expect(leaks(run.stdout + run.stderr, people)).toEqual([]);
    });
  });
});
