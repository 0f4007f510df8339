import type { Language } from '../i18n/language.js';
import type { Policy } from '../policy/schema/policy.js';
import { escapeJsonControls } from './control.js';
import { type CsvCell, csvText } from './csv.js';
import type { FactRows } from './facts-rows.js';
import { FACTS_FORMATS, type FactsFormat } from './formats.js';

export { FACTS_FORMATS, type FactsFormat };

/** Customers as the export reads them: the key and the loaded facts. */
export interface FactsCustomer {
  id: string;
  facts: Readonly<Record<string, unknown>>;
}

export interface FactsRenderOptions {
  /** CSV: name the columns by the facts' labels in `language` (the id where a fact has none). */
  labels?: boolean;
  language?: Language;
}

/**
 * `tierwise facts` in three formats, written chunk by chunk so an export never holds the
 * population: `head` once, `chunk` for each chunk of customers, `tail` once. A missing value is
 * an empty cell in CSV and `null` in NDJSON and JSON (a key that is always there, so every row
 * has the same shape). Numbers are written as numbers, as the eval CSV writes its scores.
 */
export interface FactsRenderer {
  head(asOf?: { date: string; timezone: string }): string;
  chunk(customers: readonly FactsCustomer[]): string;
  tail(): string;
}

export function factsRenderer(
  format: FactsFormat,
  policy: Policy,
  rows: FactRows,
  options: FactsRenderOptions = {},
): FactsRenderer {
  const ids = rows.columns.map((c) => c.id);
  const object = (customer: FactsCustomer) => rows.record(customer.facts);
  switch (format) {
    case 'csv': {
      const language = options.language ?? 'en';
      const header = options.labels ? rows.columns.map((c) => c.fact.label?.[language] ?? c.id) : ids;
      let headed = false;
      const chunk = (customers: readonly FactsCustomer[]) => {
        const text = csvText(
          header,
          customers.map((c) => rows.values(c.facts).map((v) => csvCell(v))),
          { header: !headed },
        );
        headed = true;
        return text;
      };
      // A file of no customers still says which facts it would have held.
      return { head: () => '', chunk, tail: () => (headed ? '' : chunk([])) };
    }
    case 'ndjson':
      return {
        head: () => '',
        chunk: (customers) =>
          escapeJsonControls(customers.map((c) => `${JSON.stringify(object(c))}\n`).join('')),
        tail: () => '',
      };
    default: {
      let written = false;
      return {
        head: (asOf) => {
          const meta = {
            policy: { name: policy.metadata.name, version: policy.metadata.version },
            asOf: asOf?.date,
            timezone: asOf?.timezone,
            facts: rows.columns.map(({ id, fact }) => ({
              id,
              type: fact.type,
              unit: fact.unit,
              label: fact.label,
              key: fact.key || undefined,
              pii: fact.pii || undefined,
            })),
          };
          const text = JSON.stringify(meta, null, 2);
          // The customers array is left open: chunks follow, one customer a line.
          return escapeJsonControls(`${text.slice(0, -2)},\n  "customers": [`);
        },
        chunk: (customers) => {
          if (customers.length === 0) return '';
          const lines = customers.map((c) => `    ${JSON.stringify(object(c))}`).join(',\n');
          const text = `${written ? ',\n' : '\n'}${lines}`;
          written = true;
          return escapeJsonControls(text);
        },
        tail: () => (written ? '\n  ]\n}\n' : ']\n}\n'),
      };
    }
  }
}

function csvCell(value: unknown): CsvCell {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return String(value);
}
