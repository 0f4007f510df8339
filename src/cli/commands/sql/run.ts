import { hasErrors } from '../../../diagnostics/diagnostic.js';
import { isAsOf, parseAsOf } from '../../../facts/asof.js';
import { missingLogDiagnostics } from '../../../facts/requirements.js';
import { DEFAULT_TIMEZONE } from '../../../facts/zone.js';
import { dialectOf } from '../../../sql/dialect.js';
import { sqlHeader } from '../../../sql/header.js';
import { compileSql, isCompiledSql } from '../../../sql/query.js';
import { type CliIO, EXIT } from '../../io.js';
import { policyFor, reportRun, writeReport } from '../../population/run.js';
import type { SqlOptions } from '../sql.js';

/**
 * `tierwise sql`: the policy as one query for a data team to run where the customers are. Exit 0
 * when the query is written, 1 when a part of the policy cannot be expressed exactly in the
 * dialect (TW0730) or a fact needs a transaction table that was not named, 2 for a file that
 * cannot be read or written and an unreadable --as-of.
 */
export async function sql(opts: SqlOptions, io: CliIO): Promise<number> {
  const language = opts.lang;
  const policy = await policyFor(opts.policy, opts, io);
  if (typeof policy === 'number') return policy;
  const timezone = policy.metadata.timezone ?? DEFAULT_TIMEZONE;
  const asOf = parseAsOf(opts.asOf, { timezone });
  if (!isAsOf(asOf)) {
    reportRun(asOf, io, language);
    return EXIT.usage;
  }
  if (opts.transactions === undefined) {
    const missing = missingLogDiagnostics(policy);
    if (hasErrors(missing)) {
      reportRun(missing, io, language);
      return EXIT.findings;
    }
  }
  const dialect = dialectOf(opts.dialect);
  const compiled = compileSql(policy, {
    dialect,
    asOf,
    customers: { name: opts.customers, shape: 'source' },
    transactions:
      opts.transactions === undefined
        ? undefined
        : {
            name: opts.transactions,
            shape: 'source',
            ...(opts.rowColumn === undefined ? {} : { row: opts.rowColumn }),
          },
    summation: opts.summation,
  });
  if (!isCompiledSql(compiled)) {
    reportRun(compiled, io, language);
    return EXIT.findings;
  }
  const text = `${sqlHeader(policy, dialect.name, asOf, compiled.columns)}${compiled.sql};\n`;
  return writeReport(text, { out: opts.out, format: 'sql', lang: language }, io);
}
