import Papa from 'papaparse';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ConditionTrace } from '../engine/conditions/trace.js';
import type { Distribution } from '../engine/distribution.js';
import type { CustomerResult } from '../engine/evaluate.js';
import { explainResult, type Language } from '../engine/explain/explain.js';
import { moveUp } from '../engine/explain/next-tier.js';
import { count, fixed, money, shareColumn } from '../format/figure.js';
import type { Policy } from '../policy/schema/policy.js';
import { maskFacts, maskValue } from '../privacy/mask.js';
import { renderTable } from './table.js';

export const RESULT_FORMATS = ['table', 'json', 'ndjson', 'csv'] as const;
export type ResultFormat = (typeof RESULT_FORMATS)[number];

export interface ResultsInput {
  policy: Policy;
  results: readonly CustomerResult[];
  facts: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  distribution: Distribution;
  diagnostics: readonly Diagnostic[];
  asOf?: string;
  explain?: boolean;
  language?: Language;
  /** CSV: write the header row (the first chunk of a streamed output does, the rest do not). */
  csvHeader?: boolean;
}

/**
 * Evaluation results for a surface, in one of four formats. Personal data is masked here, once,
 * so no format can leak it: facts marked `pii` in the results, traces and explanations.
 */
export function renderResults(format: ResultFormat | 'summary', input: ResultsInput): string {
  switch (format) {
    case 'summary':
      return `${distributionText(input.distribution, input.language)}\n`;
    case 'json':
      return `${JSON.stringify(jsonReport(input), null, 2)}\n`;
    case 'ndjson':
      return input.results.map((r) => `${JSON.stringify(customerJson(input, r))}\n`).join('');
    case 'csv': {
      if (input.results.length === 0 && input.csvHeader === false) return '';
      const data = input.results.map((r) => csvRow(input, r));
      const text = Papa.unparse({ fields: CSV_FIELDS, data }, { header: input.csvHeader !== false });
      return `${text}\r\n`;
    }
    default:
      return tableText(input);
  }
}

function piiOf(policy: Policy): Set<string> {
  return new Set(
    Object.entries(policy.facts ?? {})
      .filter(([, f]) => f.pii)
      .map(([id]) => id),
  );
}

function jsonReport(input: ResultsInput) {
  const { policy } = input;
  return {
    policy: { name: policy.metadata.name, version: policy.metadata.version },
    asOf: input.asOf,
    distribution: input.distribution,
    customers: input.results.map((r) => customerJson(input, r)),
    diagnostics: input.diagnostics,
  };
}

function customerJson(input: ResultsInput, r: CustomerResult) {
  const pii = piiOf(input.policy);
  const maskTrace = (t: ConditionTrace): ConditionTrace =>
    t.kind === 'fact'
      ? { ...t, factValue: pii.has(t.fact) ? maskValue(t.factValue) : t.factValue }
      : t.kind === 'not'
        ? { ...t, child: maskTrace(t.child) }
        : { ...t, children: t.children.map(maskTrace) };
  const decision =
    r.decision.method === 'criteria'
      ? {
          ...r.decision,
          trace: r.decision.trace && maskTrace(r.decision.trace),
          rejected: r.decision.rejected.map((x) => ({ ...x, trace: maskTrace(x.trace) })),
        }
      : r.decision;
  const base = {
    customer: r.customer,
    row: r.row,
    tier: r.tier,
    score: r.score,
    classes: r.classes,
    flags: r.flags,
    rerate: r.rerate,
    sla: r.sla,
    entitlements: r.entitlements,
    diagnostics: r.diagnostics.length > 0 ? r.diagnostics : undefined,
  };
  if (!input.explain) return base;
  return {
    ...base,
    facts: maskFacts(input.facts.get(r.customer) ?? {}, pii),
    rawScore: r.breakdown?.raw,
    dimensions: r.breakdown?.dimensions,
    metrics: r.breakdown?.metrics.map((m) => (pii.has(m.fact) ? { ...m, value: maskValue(m.value) } : m)),
    decision,
    moveUp: moveUp(input.policy, r),
    explanation: explainResult(input.policy, r, input.language),
  };
}

const CSV_FIELDS = [
  'customer',
  'tier',
  'tier_zh',
  'tier_en',
  'score',
  'classes',
  'flags',
  'rerate',
  'response_within',
  'resolution_within',
  'discount_quota',
  'problems',
];

function csvRow(input: ResultsInput, r: CustomerResult): unknown[] {
  const level = input.policy.tiers?.levels.find((l) => l.id === r.tier);
  return [
    r.customer,
    r.tier ?? '',
    level?.label?.['zh-CN'] ?? '',
    level?.label?.en ?? '',
    r.score ?? '',
    Object.entries(r.classes)
      .map(([k, v]) => `${k}=${v.join('|')}`)
      .join('; '),
    r.flags.join('|'),
    r.rerate ? 'yes' : '',
    r.sla?.response?.within ?? (r.sla?.response?.availability === '24x7' ? '24x7' : ''),
    r.sla?.resolution?.within ?? '',
    r.entitlements?.discountQuota ?? '',
    r.diagnostics.map((d) => d.code).join('|'),
  ];
}

function tableText(input: ResultsInput): string {
  const language = input.language ?? 'en';
  const blocks: string[] = [];
  if (input.explain) {
    for (const r of input.results) blocks.push(explainResult(input.policy, r, language).join('\n'));
  } else {
    const rows = input.results.map((r) => {
      const level = input.policy.tiers?.levels.find((l) => l.id === r.tier);
      const classes = Object.values(r.classes).flat().join(', ');
      return [
        r.customer,
        level?.label?.[language] ?? r.tier ?? '—',
        r.score === undefined ? '' : String(r.score),
        classes,
        r.flags.join(', '),
      ];
    });
    blocks.push(
      renderTable(['customer', 'tier', 'score', 'classes', 'flags'], rows, [
        false,
        false,
        true,
        false,
        false,
      ]),
    );
  }
  blocks.push(distributionText(input.distribution, language));
  return `${blocks.join('\n\n')}\n`;
}

/** Tier shares of customers and revenue side by side (seed 001: VIPs are 5% of customers, 40% of revenue). */
export function distributionText(d: Distribution, language: Language = 'en'): string {
  const withRevenue = d.revenueFact !== undefined && d.tiers.some((t) => t.revenue !== undefined);
  const header = [
    'tier',
    'customers',
    'share',
    ...(withRevenue ? [`revenue (${d.revenueFact})`, 'revenue share'] : []),
    'avg score',
  ];
  const untiered = d.untiered > 0 ? [d.untiered] : [];
  const shares = shareColumn([...d.tiers.map((t) => t.customers), ...untiered], d.customers).rows;
  const revenueShares = shareColumn(
    [...d.tiers.map((t) => t.revenue), ...untiered.map(() => 0)],
    d.revenue,
  ).rows;
  const rows = d.tiers.map((t, i) => [
    `${t.label?.[language] ?? t.tier} [${t.tier}]`,
    count(t.customers).text,
    shares[i]!.text,
    ...(withRevenue ? [money(t.revenue ?? 0).text, revenueShares[i]!.text] : []),
    fixed(t.averageScore).text,
  ]);
  if (d.untiered > 0)
    rows.push([
      '(no tier)',
      count(d.untiered).text,
      shares.at(-1)!.text,
      ...(withRevenue ? ['', ''] : []),
      '',
    ]);
  const table = renderTable(
    header,
    rows,
    header.map((_, i) => i > 0),
  );
  return `${table}\n${d.customers} customers`;
}
