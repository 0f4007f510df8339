import { type Command, Option } from 'commander';
import type { Language } from '../../i18n/language.js';
import type { HelpText } from '../help.js';
import type { CliIO } from '../io.js';
import { languageOption } from '../options.js';

export interface OverrideCliOptions {
  server: string;
  token?: string;
  format: 'text' | 'json';
  lang: Language;
}

export interface ProposeCliOptions extends OverrideCliOptions {
  businessUnit: string;
  policy?: string;
  customer: string;
  tier?: string;
  score?: string;
  scoreDelta?: string;
  reason?: string;
  evidence?: string[];
  expires: string;
}

export interface StepCliOptions extends OverrideCliOptions {
  comment?: string;
  revision?: string;
}

export interface ListCliOptions extends OverrideCliOptions {
  businessUnit?: string;
  policy?: string;
  customer?: string;
  status?: string;
}

// The statuses as registry/overrides/view.ts lists them; spelled here so help loads no registry code.
const STATUSES = ['proposed', 'approved', 'rejected', 'withdrawn', 'revoked', 'expired'];
const STEPS = ['approve', 'reject', 'withdraw', 'revoke'] as const;
const STEP_HELP = {
  approve: 'overrideApprove',
  reject: 'overrideReject',
  withdraw: 'overrideWithdraw',
  revoke: 'overrideRevoke',
} as const;

/** --server, --token, --format and --lang: how every override command reaches the registry. */
function common(command: Command, h: HelpText): Command {
  return command
    .requiredOption('--server <url>', h('overrideServer'))
    .option('--token <secret>', h('serverToken'))
    .addOption(new Option('--format <format>', h('overrideFormat')).choices(['text', 'json']).default('text'))
    .addOption(languageOption(h));
}

export function registerOverride(program: Command, io: CliIO, h: HelpText): void {
  const override = program.command('override').description(h('override'));
  common(override.command('propose').description(h('overridePropose')), h)
    .requiredOption('--business-unit <unit>', h('overrideUnit'))
    .option('--policy <name>', h('overridePolicy'))
    .requiredOption('--customer <id>', h('overrideCustomer'))
    .addOption(new Option('--tier <id>', h('overrideTier')).conflicts(['score', 'scoreDelta']))
    .addOption(new Option('--score <n>', h('overrideScore')).conflicts(['scoreDelta']))
    .option('--score-delta <n>', h('overrideScoreDelta'))
    .option('--reason <text>', h('overrideReason'))
    .option('--evidence <ref...>', h('overrideEvidence'))
    .requiredOption('--expires <when>', h('overrideExpires'))
    .action(async (opts: ProposeCliOptions) => {
      const { propose } = await import('./override/run.js');
      process.exitCode = await propose(opts, io);
    });
  for (const step of STEPS)
    common(override.command(step).description(h(STEP_HELP[step])).argument('<id>'), h)
      .option('--comment <text>', h('overrideComment'))
      .option('--revision <n>', h('overrideRevision'))
      .action(async (id: string, opts: StepCliOptions) => {
        const { review } = await import('./override/run.js');
        process.exitCode = await review(step, id, opts, io);
      });
  common(override.command('list').description(h('overrideList')), h)
    .option('--business-unit <unit>', h('overrideUnit'))
    .option('--policy <name>', h('overridePolicy'))
    .option('--customer <id>', h('overrideCustomer'))
    .addOption(new Option('--status <status>', h('overrideStatus')).choices(STATUSES))
    .action(async (opts: ListCliOptions) => {
      const { list } = await import('./override/run.js');
      process.exitCode = await list(opts, io);
    });
  common(override.command('show').description(h('overrideShow')).argument('<id>'), h).action(
    async (id: string, opts: OverrideCliOptions) => {
      const { show } = await import('./override/run.js');
      process.exitCode = await show(id, opts, io);
    },
  );
}
