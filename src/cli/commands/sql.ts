import type { Command } from 'commander';
import { Option } from 'commander';
import type { Language } from '../../i18n/language.js';
import { DIALECTS, type DialectName } from '../../sql/dialect-names.js';
import type { HelpText } from '../help.js';
import type { CliIO } from '../io.js';
import { languageOption } from '../options.js';

export interface SqlOptions {
  policy: string;
  dialect: DialectName;
  customers: string;
  transactions?: string;
  rowColumn?: string;
  summation: 'exact' | 'fast';
  asOf: string;
  out?: string;
  key?: string;
  mapping?: string;
  lang: Language;
}

export function registerSql(program: Command, io: CliIO, h: HelpText): void {
  program
    .command('sql')
    .description(h('sql'))
    .requiredOption('--policy <file>', h('sqlPolicy'))
    .addOption(new Option('--dialect <name>', h('sqlDialect')).choices([...DIALECTS]).default('duckdb'))
    .option('--customers <table>', h('sqlCustomers'), 'customers')
    .option('--transactions <table>', h('sqlTransactions'))
    .option('--row-column <column>', h('sqlRowColumn'))
    .addOption(new Option('--summation <how>', h('sqlSummation')).choices(['exact', 'fast']).default('exact'))
    .option('--as-of <date>', h('asOf'), 'today')
    .option('--out <file>', h('sqlOut'))
    .option('--mapping <file>', h('mapping'))
    .option('--key <pem>', h('keyArtifact'))
    .addOption(languageOption(h))
    .action(async (opts: SqlOptions) => {
      const { sql } = await import('./sql/run.js');
      process.exitCode = await sql(opts, io);
    });
}
