import type { ReadSummary } from '../data/index.js';
import type { EncodingOption, Format } from '../data/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Text } from '../i18n/text.js';
import type { PopulationEngine } from '../simulate/engine-choice.js';

/** Seed 004: customers without a purchase for three months are a churn warning. */
export const DEFAULT_STALE_MONTHS = 3;

export interface ProfileOptions {
  /** The customer file; without one, the customers are the transaction log's ids (TW0641). */
  customers?: string;
  transactions?: string;
  /** `--as-of`: a date, a date-time with offset, or `today`, in the policy's zone. */
  asOf?: string;
  /** No activity for this many months makes a customer stale; 3 by default (seed 004's churn rule). */
  staleMonths?: number;
  encoding?: EncodingOption;
  sheet?: string;
  /** Overrides for the facts the duplicate and stale checks read (see docs/profile.md). */
  nameFact?: string;
  phoneFact?: string;
  activityFact?: string;
  /** The clock for `--as-of today`; tests pin it. */
  now?: number;
  /** Examples kept per list (invalid values per column, groups, stale customers). */
  examples?: number;
  /** Where the tiers and rules are evaluated (the coverage part); the reading pass is this process's. */
  engine?: PopulationEngine;
}

/** Where a long run is, for a progress bar; the library never prints. */
export interface ProfileProgress {
  phase: 'read' | 'evaluate' | 'transactions';
  /** Rows (read, transactions) or customers (evaluate) done so far. */
  done: number;
  /** The total when known: customers for `evaluate`, else the file's bytes (see `bytes`). */
  total?: number;
  /** Estimated bytes read so far, to compare with `total` for the reading phases. */
  bytes?: number;
}

export interface ColumnProfile {
  fact: string;
  /** The header as the file spells it. */
  column: string;
  type: string;
  pii: boolean;
  required: boolean;
  /** Rows with a value that converts to the fact's type. */
  filled: number;
  /** Rows with an empty (or blank) cell; a default, when the fact has one, stands in for these. */
  empty: number;
  /** Rows whose value does not convert (TW0603, TW0604). */
  invalid: number;
  /** filled / rows, 0–1 (exact; renderers round it like every share, src/format/share.ts). */
  completeness: number;
  /**
   * The first invalid values: row, the value (masked for personal data), what is wrong — in
   * English, and as the diagnostic's catalogue text when it has one, for a report in another language.
   */
  examples: { row: number; value: string; message: string; i18n?: Text }[];
}

export interface MissingColumn {
  fact: string;
  column: string;
  required: boolean;
  message: string;
}

export interface DuplicateMember {
  key?: string;
  row: number;
  /** The value as written, masked for personal data. */
  value?: string;
}

export interface DuplicateGroup {
  /** The normalised name or phone they share (masked for personal data). */
  normalized: string;
  customers: number;
  /** The first members, in file order. */
  members: DuplicateMember[];
}

export interface DuplicateCheck {
  fact?: string;
  column?: string;
  /** Why the fact was chosen: `option` (--name-fact), or the rule that picked it. */
  chosenBy?: 'option' | 'declared';
  groups: DuplicateGroup[];
  /** Groups found; `groups` holds the largest ones only. */
  groupCount: number;
  /** Customers that are in some group. */
  customersInGroups: number;
}

export interface StaleProfile {
  /** What activity was read: the transaction log, a date fact, a months-without-purchase fact, or nothing. */
  source: 'transactions' | 'date-fact' | 'months-fact' | 'none';
  fact?: string;
  months: number;
  /** Activity on or before this instant (ISO 8601 with the zone's offset) is stale. */
  cutoff?: string;
  customers: number;
  stale: number;
  /** Customers with no activity on record at all (no transaction up to the as-of, an empty date). */
  noActivity: number;
  examples: { key: string; row: number; last?: string }[];
}

export interface RuleCount {
  kind: 'criteria' | 'classifier' | 'otherwise' | 'trigger';
  /** Classifier id for classifier rules; undefined otherwise. */
  group?: string;
  id: string;
  label?: { 'zh-CN'?: string; en?: string };
  /** Customers for whom the rule's condition holds. */
  holds: number;
  /** Customers the rule decided (tier taken, class given); for triggers the same as holds. */
  decided: number;
}

export interface BandCount {
  dimension: string;
  metric: string;
  fact: string;
  /** Band number from 1 (bands, as `test --coverage` counts them) or category value (categories); `missing` for no value, `none` for no match. */
  band: string;
  range: string;
  /** A band's bounds, for a report to say the range in its reader's language (unbounded sides left out). */
  bounds?: { min?: number; minInclusive?: boolean; max?: number; maxInclusive?: boolean };
  label?: { 'zh-CN'?: string; en?: string };
  customers: number;
}

export interface CellCount {
  row: string;
  column: string;
  tier: string;
  customers: number;
}

export interface CoverageProfile {
  evaluated: number;
  tiers: { id: string; label?: { 'zh-CN'?: string; en?: string }; customers: number }[];
  untiered: number;
  rules: RuleCount[];
  bands: BandCount[];
  cells: CellCount[];
  /** Everything the data never reaches: tiers, rules, bands, cells, as `kind: id`. */
  unused: {
    kind: 'tier' | 'criteria' | 'classifier' | 'trigger' | 'band' | 'category' | 'cell';
    id: string;
  }[];
  /** Why some of the coverage could not be computed. */
  notes: string[];
}

export interface DataProfile {
  policy: { name: string; version: string };
  file: string;
  format?: Format;
  encoding?: string;
  asOf: { date: string; instant: string; timezone: string };
  rows: {
    read: number;
    /** Rows that could not be read at all (TW0606). */
    malformed: number;
    /** Rows with at least one invalid value. */
    withInvalid: number;
    /** Rows without a key value: no customer. */
    withoutKey: number;
    /** Rows whose key an earlier row has (TW0607). */
    duplicateKey: number;
    customers: number;
  };
  columns: ColumnProfile[];
  missingColumns: MissingColumn[];
  duplicateKeys: { key: string; row: number; firstRow: number }[];
  names: DuplicateCheck;
  phones: DuplicateCheck;
  stale: StaleProfile;
  coverage?: CoverageProfile;
  summary?: ReadSummary;
  /** What reading the files reported (capped), and notes of the profile itself. */
  diagnostics: Diagnostic[];
}

export interface ProfileRun {
  profile?: DataProfile;
  diagnostics: Diagnostic[];
  /** The profile could not be made (a file missing, the key column absent, a bad option). */
  failed: boolean;
}
