import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ColumnKind } from '../duckdb/parquet-out.js';
import type { ConditionTrace } from '../engine/conditions/trace.js';
import type { Distribution } from '../engine/distribution.js';
import type { CustomerResult } from '../engine/evaluate.js';
import { explainResult, type Language } from '../engine/explain/explain.js';
import { type MoveUp, moveUp } from '../engine/explain/next-tier.js';
import { formatNumber } from '../format/number.js';
import { render, t } from '../i18n/text.js';
import type { Policy } from '../policy/schema/policy.js';
import { maskFacts, maskValue } from '../privacy/mask.js';
import { chooseProfileFacts } from '../profile/detect.js';
import { escapeJsonControls, terminalText } from './control.js';
import { type CsvCell, csvText } from './csv.js';
import { renderDistribution } from './distribution.js';
import { factRows } from './facts-rows.js';
import { RESULT_FORMATS, type ResultFormat } from './formats.js';
import { type OverrideNote, overrideLine } from './override.js';
import { renderTable } from './table.js';

export { RESULT_FORMATS, type ResultFormat };

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
  /** `eval --facts`: every fact of each customer beside its result, as `tierwise facts` writes it. */
  withFacts?: boolean;
  /** CSV for a program rather than a spreadsheet (no formula guard): the text Parquet is made from. */
  forProgram?: boolean;
  /** Customers whose tier an approved override decided (the results already carry its tier). */
  overridden?: ReadonlyMap<string, OverrideNote>;
}

/**
 * Evaluation results for a surface, in one of four formats. Personal data is masked here, once,
 * so no format can leak it: facts marked `pii` in the results, traces and explanations.
 */
export function renderResults(format: ResultFormat | 'summary', input: ResultsInput): string {
  switch (format) {
    case 'summary':
      return renderDistribution('table', input.distribution, { language: input.language });
    case 'json':
      return escapeJsonControls(`${JSON.stringify(jsonReport(input), null, 2)}\n`);
    case 'ndjson':
      return escapeJsonControls(
        input.results.map((r) => `${JSON.stringify(customerJson(input, r))}\n`).join(''),
      );
    case 'csv': {
      const nameFact = nameFactOf(input.policy);
      const facts = input.withFacts ? resultFacts(input.policy) : undefined;
      const data = input.results.map((r) => {
        const row = csvRow(input, r, nameFact);
        return facts ? [...row, ...facts.csv(input.facts.get(r.customer) ?? {})] : row;
      });
      const fields = [
        ...CSV_FIELDS,
        ...(input.explain ? ['explanation'] : []),
        ...(facts ? facts.ids.map((id) => `facts.${id}`) : []),
      ];
      return csvText(fields, data, { header: input.csvHeader !== false, guard: input.forProgram !== true });
    }
    default:
      return terminalText(tableText(input));
  }
}

/**
 * The fact holding the customer's (company) name, recognised as `data profile` recognises it;
 * none when it is personal data (a contact's name is masked everywhere, so it names no one).
 */
function nameFactOf(policy: Policy): string | undefined {
  if (nameFacts.has(policy)) return nameFacts.get(policy);
  const chosen = chooseProfileFacts(policy, { useTransactions: false });
  const id = Array.isArray(chosen) ? undefined : chosen.name;
  const fact = id !== undefined && policy.facts?.[id]?.pii !== true ? id : undefined;
  nameFacts.set(policy, fact);
  return fact;
}

/** Streamed output renders chunk after chunk of one policy: recognise its name fact once. */
const nameFacts = new WeakMap<Policy, string | undefined>();

function nameOf(input: ResultsInput, r: CustomerResult, fact: string | undefined): string | undefined {
  if (fact === undefined) return undefined;
  const value = input.facts.get(r.customer)?.[fact];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A policy's personal-data facts, found once per policy: customerJson asks for every row. */
const piiFacts = new WeakMap<Policy, ReadonlySet<string>>();

function piiOf(policy: Policy): ReadonlySet<string> {
  let found = piiFacts.get(policy);
  if (!found) {
    found = new Set(
      Object.entries(policy.facts ?? {})
        .filter(([, f]) => f.pii)
        .map(([id]) => id),
    );
    piiFacts.set(policy, found);
  }
  return found;
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

/** One customer's result as the JSON and NDJSON outputs write it, personal data masked. */
export function customerJson(input: ResultsInput, r: CustomerResult) {
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
      : r.decision.method === 'none'
        ? // the reason in the output's language, and as a text to render in another
          {
            ...r.decision,
            reason: render(input.language ?? 'en', r.decision.reason),
            i18n: { reason: r.decision.reason },
          }
        : r.decision;
  const base = {
    customer: r.customer,
    name: nameOf(input, r, nameFactOf(input.policy)),
    row: r.row,
    tier: r.tier,
    score: r.score,
    classes: r.classes,
    flags: r.flags,
    rerate: r.rerate,
    sla: r.sla,
    entitlements: r.entitlements,
    override: input.overridden?.get(r.customer),
    diagnostics: r.diagnostics.length > 0 ? r.diagnostics : undefined,
  };
  const own = input.facts.get(r.customer) ?? {};
  const facts = input.withFacts ? resultFacts(input.policy).object(own) : undefined;
  if (!input.explain) return facts ? { ...base, facts } : base;
  return {
    ...base,
    facts: facts ?? maskFacts(own, pii),
    rawScore: r.breakdown?.raw,
    dimensions: r.breakdown?.dimensions,
    metrics: r.breakdown?.metrics.map((m) => (pii.has(m.fact) ? { ...m, value: maskValue(m.value) } : m)),
    decision,
    moveUp: labelled(input.policy, moveUp(input.policy, r)),
    explanation: withOverride(input, r, explainResult(input.policy, r, input.language)),
  };
}

/** The override's line under the explanation's heading: it, not the lines that follow, decided the tier. */
function withOverride(input: ResultsInput, r: CustomerResult, lines: string[]): string[] {
  const note = input.overridden?.get(r.customer);
  if (!note) return lines;
  const [heading = '', ...rest] = lines;
  return [heading, `  ${overrideLine(input.policy, note, input.language ?? 'en')}`, ...rest];
}

/** The next tier's bilingual label beside its id, so a surface can name it without the policy. */
function labelled(policy: Policy, up: MoveUp | undefined): (MoveUp & { tierLabel?: unknown }) | undefined {
  if (!up) return undefined;
  const label = policy.tiers?.levels.find((l) => l.id === up.tier)?.label;
  return label ? { ...up, tierLabel: label } : up;
}

/**
 * The facts `eval --facts` adds, from the same rows as `tierwise facts` (defaults, masking, dates,
 * derived facts all decided in factRows), without the key: it is the result's customer column.
 * CSV columns are `facts.<id>` so that a fact named like a result column (`name`, `score`) stays
 * apart; NDJSON and JSON nest them under `facts`. Built once per policy, as streamed chunks reuse it.
 */
function resultFacts(policy: Policy): {
  ids: string[];
  csv(facts: Readonly<Record<string, unknown>>): CsvCell[];
  object(facts: Readonly<Record<string, unknown>>): Record<string, unknown>;
} {
  const known = factColumns.get(policy);
  if (known) return known;
  const rows = factRows(policy);
  const skip = rows.columns[0]?.fact.key ? 1 : 0;
  const ids = rows.columns.slice(skip).map((c) => c.id);
  const made = {
    ids,
    csv: (facts: Readonly<Record<string, unknown>>) =>
      rows
        .values(facts)
        .slice(skip)
        .map((v): CsvCell => (v === undefined || v === null ? '' : (v as CsvCell))),
    object: (facts: Readonly<Record<string, unknown>>) => rows.record(facts, skip),
  };
  factColumns.set(policy, made);
  return made;
}

const factColumns = new WeakMap<Policy, ReturnType<typeof resultFacts>>();

/** What a CSV column of the results holds, for a typed copy of it (Parquet): 'yes' is yes or empty. */
/** The columns renderResults('csv', …) writes for these options, each with what it holds. */
export function resultColumns(
  policy: Policy,
  options: { explain?: boolean; withFacts?: boolean },
): { name: string; kind: ColumnKind }[] {
  const typed: Record<string, ColumnKind> = { score: 'number', rerate: 'yes' };
  const columns = CSV_FIELDS.map((name) => ({ name, kind: typed[name] ?? ('text' as ColumnKind) }));
  if (options.explain) columns.push({ name: 'explanation', kind: 'text' });
  if (options.withFacts)
    for (const id of resultFacts(policy).ids) {
      const type = policy.facts?.[id]?.type;
      const kind: ColumnKind =
        type === 'number' || type === 'integer' ? 'number' : type === 'boolean' ? 'boolean' : 'text';
      columns.push({ name: `facts.${id}`, kind });
    }
  return columns;
}

const CSV_FIELDS = [
  'customer',
  'name',
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

function csvRow(input: ResultsInput, r: CustomerResult, nameFact: string | undefined): CsvCell[] {
  const level = input.policy.tiers?.levels.find((l) => l.id === r.tier);
  return [
    r.customer,
    nameOf(input, r, nameFact) ?? '',
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
    // one line of the explanation per line of the cell, as a spreadsheet wraps text
    ...(input.explain
      ? [
          explainResult(input.policy, r, input.language)
            .map((line) => line.trim())
            .join('\n'),
        ]
      : []),
  ];
}

function tableText(input: ResultsInput): string {
  const language = input.language ?? 'en';
  const l = (key: Parameters<typeof t>[1]) => t(language, key);
  const { policy } = input;
  const blocks: string[] = [];
  if (input.explain) {
    for (const r of input.results) blocks.push(explainResult(policy, r, language).join('\n'));
  } else {
    const nameFact = nameFactOf(policy);
    // A policy without tiers (facts and classes only) has no tier column; a score only if scored.
    const tiered = policy.tiers !== undefined;
    const scored = tiered || policy.dimensions !== undefined;
    const rows = input.results.map((r) => {
      const level = policy.tiers?.levels.find((x) => x.id === r.tier);
      const classes = Object.entries(r.classes).flatMap(([classifier, ids]) =>
        ids.map((id) => classLabel(policy, classifier, id, language)),
      );
      return [
        r.customer,
        ...(nameFact ? [nameOf(input, r, nameFact) ?? ''] : []),
        ...(tiered ? [r.tier === undefined ? l('report.noTier') : (level?.label?.[language] ?? r.tier)] : []),
        ...(scored ? [r.score === undefined ? '' : formatNumber(r.score)] : []),
        classes.join(', '),
        r.flags.map((flag) => flagLabel(policy, flag, language)).join(', '),
      ];
    });
    const header = [
      l('report.customer'),
      ...(nameFact ? [l('report.name')] : []),
      ...(tiered ? [l('report.tier')] : []),
      ...(scored ? [l('report.score')] : []),
      l('report.classes'),
      l('report.flags'),
    ];
    blocks.push(
      renderTable(
        header,
        rows,
        header.map((h) => h === l('report.score')),
      ),
    );
  }
  if (policy.tiers) blocks.push(distributionText(input.distribution, language));
  return `${blocks.join('\n\n')}\n`;
}

/** A class by its label in the output's language, else its id. */
function classLabel(policy: Policy, classifier: string, id: string, language: Language): string {
  const c = policy.classifiers?.[classifier];
  const rule = c?.rules.find((x) => x.id === id) ?? (c?.otherwise?.id === id ? c.otherwise : undefined);
  return rule?.label?.[language] ?? id;
}

/** A flag by the label of the trigger that sets it, else its id. */
function flagLabel(policy: Policy, flag: string, language: Language): string {
  return policy.rerating?.triggers?.find((x) => x.then.flag === flag)?.label?.[language] ?? flag;
}

/** The distribution as the table of `eval --summary` (see renderDistribution for every format). */
export function distributionText(d: Distribution, language: Language = 'en'): string {
  return renderDistribution('table', d, { language }).trimEnd();
}
