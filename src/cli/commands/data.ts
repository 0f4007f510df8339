import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { ENCODINGS, type EncodingOption } from '../../data/types.js';
import { DEFAULT_STALE_MONTHS } from '../../profile/types.js';
import { PROFILE_FORMATS, type ProfileFormat } from '../../report/formats.js';
import type { CliIO } from '../io.js';
import { MAPPING_HELP } from '../population.js';

export interface ProfileCommandOptions {
  policy: string;
  key?: string;
  data: string;
  transactions?: string;
  asOf: string;
  staleMonths: number;
  format: ProfileFormat;
  lang: 'en' | 'zh-CN';
  out?: string;
  encoding: EncodingOption;
  sheet?: string;
  mapping?: string;
  nameFact?: string;
  phoneFact?: string;
  activityFact?: string;
}

export function registerData(program: Command, io: CliIO): void {
  const data = program.command('data').description('look at customer data before it decides tiers');
  data
    .command('profile')
    .description(
      'profile customer data against a policy: completeness, invalid values, likely duplicates, stale customers, and the tiers, rules and bands the data never reaches',
    )
    .requiredOption(
      '--policy <file>',
      'the policy (*.tier.yaml) or a policy artifact: its columns, key, personal data and rules',
    )
    .option(
      '--key <pem>',
      'only accept policy artifacts signed with this Ed25519 public key (or $TIERWISE_VERIFY_KEY)',
    )
    .requiredOption('--data <file>', 'customer records: CSV, TSV, NDJSON, JSON or XLSX')
    .option(
      '--transactions <file>',
      'transaction log: aggregate facts, and the last purchase for stale customers',
    )
    .option(
      '--as-of <date>',
      'the date activity is measured to: 2024-03-01, a date-time with offset, or today',
      'today',
    )
    .option(
      '--stale-months <n>',
      `no activity for this many months makes a customer stale (seed 004: ${DEFAULT_STALE_MONTHS})`,
      wholeNumber,
      DEFAULT_STALE_MONTHS,
    )
    .addOption(
      new Option('--format <format>', 'output format').choices([...PROFILE_FORMATS]).default('table'),
    )
    .addOption(
      new Option('--lang <language>', 'language of headings and labels')
        .choices(['en', 'zh-CN'])
        .default('en'),
    )
    .option('--out <file>', 'write the report here (atomically) instead of stdout')
    .addOption(
      new Option('--encoding <encoding>', 'text encoding of data files')
        .choices([...ENCODINGS])
        .default('auto'),
    )
    .option('--sheet <name>', 'xlsx: the sheet to read (default: the first)')
    .option('--mapping <file>', MAPPING_HELP)
    .option(
      '--name-fact <fact>',
      'the company-name fact compared for likely duplicates (default: recognised by name)',
    )
    .option(
      '--phone-fact <fact>',
      'the phone fact compared for likely duplicates (default: recognised by name)',
    )
    .option(
      '--activity-fact <fact>',
      'a last-activity date (or months-without-activity) fact, used instead of the log',
    )
    .action(async (opts: ProfileCommandOptions) => {
      const { profile } = await import('./data/profile.js');
      process.exitCode = await profile(opts, io);
    });
}

function wholeNumber(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < 1)
    throw new InvalidArgumentError('give a whole number of months, 1 or more');
  return n;
}
