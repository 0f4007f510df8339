import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { ENCODINGS, type EncodingOption } from '../../data/types.js';
import { DEFAULT_STALE_MONTHS, profileData } from '../../profile/index.js';
import type { ProfileProgress } from '../../profile/types.js';
import { PROFILE_FORMATS, type ProfileFormat, renderProfile } from '../../report/profile/render.js';
import { type CliIO, EXIT } from '../io.js';
import { failedExit, policyFor, reportRun, writeReport } from '../population.js';

interface ProfileCommandOptions {
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
      process.exitCode = await profile(opts, io);
    });
}

function wholeNumber(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < 1)
    throw new InvalidArgumentError('give a whole number of months, 1 or more');
  return n;
}

async function profile(opts: ProfileCommandOptions, io: CliIO): Promise<number> {
  const policy = await policyFor(opts.policy, opts, io);
  if (typeof policy === 'number') return policy;
  const bar = progressBar(io);
  const run = await profileData(
    policy,
    {
      customers: opts.data,
      transactions: opts.transactions,
      asOf: opts.asOf,
      staleMonths: opts.staleMonths,
      encoding: opts.encoding,
      sheet: opts.sheet,
      nameFact: opts.nameFact,
      phoneFact: opts.phoneFact,
      activityFact: opts.activityFact,
    },
    bar?.update,
  ).finally(() => bar?.stop());
  reportRun(run.diagnostics, io);
  if (!run.profile) return failedExit(run.diagnostics, ['TW0601', 'TW0850']);
  const text = renderProfile(opts.format, run.profile, opts.lang);
  const written = await writeReport(
    text,
    { out: opts.out, bom: opts.format === 'csv', format: opts.format, lang: opts.lang },
    io,
  );
  if (written !== EXIT.ok) return written;
  const p = run.profile;
  io.err(
    `profiled ${p.rows.customers} customers from ${p.rows.read} rows; as of ${p.asOf.date} (${p.asOf.timezone})\n`,
  );
  return EXIT.ok;
}

const PHASES: Record<ProfileProgress['phase'], string> = {
  read: 'reading customers',
  transactions: 'reading transactions',
  evaluate: 'evaluating',
};

/**
 * A progress bar on stderr for long runs, only when both stdout and stderr are a terminal: piped
 * or redirected output, and tests, stay free of control characters.
 */
function progressBar(io: CliIO): { update: (p: ProfileProgress) => void; stop: () => void } | undefined {
  if (!io.progress) return undefined;
  const bar = new cliProgress.SingleBar(
    {
      stream: io.progress,
      format: '{phase} [{bar}] {percentage}% | {done}',
      hideCursor: true,
      clearOnComplete: true,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let phase: ProfileProgress['phase'] | undefined;
  return {
    update: (p) => {
      // Reading phases measure estimated bytes against the file's size; evaluation counts customers.
      const total = p.total ?? 0;
      const value = p.bytes !== undefined ? Math.min(p.bytes, total) : p.done;
      const payload = {
        phase: PHASES[p.phase],
        done: `${p.done.toLocaleString('en-US')} ${p.phase === 'evaluate' ? 'customers' : 'rows'}`,
      };
      if (phase !== p.phase) {
        if (phase !== undefined) bar.stop();
        phase = p.phase;
        bar.start(Math.max(total, 1), value, payload);
      } else {
        if (total > 0) bar.setTotal(total);
        bar.update(value, payload);
      }
    },
    stop: () => {
      if (phase !== undefined) bar.stop();
    },
  };
}
