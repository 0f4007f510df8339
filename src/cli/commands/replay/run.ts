import { extname } from 'node:path';
import { hasErrors } from '../../../diagnostics/diagnostic.js';
import { escapeUnsafe } from '../../../diagnostics/render/width.js';
import { NO_UNTIERED, parseAllowance } from '../../../engine/allowance.js';
import { untieredFinding } from '../../../engine/untiered.js';
import { formatShare } from '../../../format/share.js';
import { t } from '../../../i18n/text.js';
import { type AtomicFile, openAtomicFile, writeFileAtomic } from '../../../io/atomic-write.js';
import type { Policy } from '../../../policy/schema/policy.js';
import { fileFormatOf, fileText } from '../../../report/file-format.js';
import {
  renderReplay,
  renderTimeline,
  type TimelineFormat,
  timelineCsvHeader,
  timelineLines,
} from '../../../report/replay/index.js';
import {
  isRunDates,
  type Replay,
  type RunDate,
  replayHistory,
  runDates,
  type TimelineEntry,
} from '../../../rerate/history.js';
import { rerateRules } from '../../../rerate/rules.js';
import { readState, renderState, stateOptions } from '../../../rerate/state.js';
import type { TierState } from '../../../rerate/types.js';
import { type CliIO, EXIT } from '../../io.js';
import {
  cannotWrite,
  customerDataExit,
  failedExit,
  policiesFor,
  reportRun,
  tiersExit,
  writeReport,
} from '../../population/run.js';
import type { ReplayOptions } from '../replay.js';

/** `tierwise replay`: the runs, the policies, the data; then the report, the state, the timeline. */
export async function replay(opts: ReplayOptions, io: CliIO): Promise<number> {
  const lang = opts.lang;
  const runs = runDates(opts.from, opts.to, opts.every);
  if (!isRunDates(runs)) {
    reportRun(runs, io, lang);
    return EXIT.usage;
  }
  const noData = customerDataExit(opts, io, lang);
  if (noData !== undefined) return noData;
  const paths = [...(opts.policy ?? []), ...(opts.compare ?? [])];
  if (paths.length === 0) {
    io.err(`${t(lang, 'cli.needPolicy')}\n`);
    return EXIT.usage;
  }
  if (paths.length > 1 && (opts.out || opts.timeline || opts.customer)) {
    io.err(`tierwise: ${t(lang, 'replay.onePolicyOutputs')}\n`);
    return EXIT.usage;
  }
  const policies = await policiesFor(paths, opts, io);
  if (typeof policies === 'number') return policies;
  const tierless = tiersExit(
    policies.map((policy, i) => ({ policy, file: paths[i] })),
    'replay',
    io,
    lang,
  );
  if (tierless !== undefined) return tierless;

  const replays: Replay[] = [];
  const customer: TimelineEntry[] = [];
  for (const policy of policies) {
    const state = opts.state === undefined ? undefined : await stateOf(policy, opts, io);
    if (typeof state === 'number') return state;
    const timeline = opts.timeline ? await openTimeline(opts.timeline, io, opts) : undefined;
    if (typeof timeline === 'number') return timeline;
    let result: Replay;
    try {
      result = await replayHistory(policy, {
        customers: opts.data,
        transactions: opts.transactions,
        onError: opts.onError,
        encoding: opts.encoding,
        sheet: opts.sheet,
        runs,
        state,
        engine: opts.engine,
        ...(opts.customer !== undefined
          ? { onTimeline: (entries) => void customer.push(...entries), timelineOf: new Set([opts.customer]) }
          : timeline
            ? { onTimeline: timeline.write }
            : {}),
      });
    } catch (error) {
      await timeline?.abort();
      io.err(`${cannotWrite(lang, opts.timeline, error)}\n`);
      return EXIT.usage;
    }
    reportRun(result.diagnostics, io, lang);
    if (result.failed) {
      await timeline?.abort();
      return failedExit(result.diagnostics);
    }
    if (timeline) {
      const lines = await timeline.commit();
      io.err(`${t(lang, 'replay.wroteTimeline', { file: escapeUnsafe(opts.timeline!), lines })}\n`);
    }
    replays.push(result);
  }

  const written = await writeOutputs(opts, replays, customer, io);
  if (written !== EXIT.ok) return written;
  for (const r of replays) io.err(`${summaryLine(opts, r, runs)}\n`);
  const [first] = replays as [Replay];
  if (opts.out) {
    const code = await writeState(opts.out, policies[0]!, first.states, first.timezone, io, opts);
    if (code !== EXIT.ok) return code;
  }
  const untiered = untieredExit(replays, opts, io);
  if (untiered !== EXIT.ok) return untiered;
  if (opts.customer !== undefined && customer.length === 0) return EXIT.findings;
  return replays.some((r) => hasErrors(r.diagnostics)) && opts.onError === 'fail' ? EXIT.findings : EXIT.ok;
}

async function stateOf(
  policy: Policy,
  opts: ReplayOptions,
  io: CliIO,
): Promise<ReadonlyMap<string, TierState> | number> {
  const read = await readState(opts.state!, { ...stateOptions(policy), onError: opts.onError });
  reportRun(read.diagnostics, io, opts.lang);
  if (read.failed) return failedExit(read.diagnostics);
  return read.states;
}

interface TimelineFile {
  write(entries: TimelineEntry[]): Promise<void>;
  /** The lines written. */
  commit(): Promise<number>;
  abort(): Promise<void>;
}

/** `--timeline FILE`: written run by run, appearing under its name only once the replay is done. */
async function openTimeline(path: string, io: CliIO, opts: ReplayOptions): Promise<TimelineFile | number> {
  const format: TimelineFormat = /^\.(nd)?jsonl?$/i.test(extname(path)) ? 'ndjson' : 'csv';
  let file: AtomicFile;
  try {
    file = await openAtomicFile(path);
    if (format === 'csv') await file.write(`\uFEFF${timelineCsvHeader()}`);
  } catch (error) {
    io.err(`${cannotWrite(opts.lang, path, error)}\n`);
    return EXIT.usage;
  }
  let lines = 0;
  return {
    write: async (entries) => {
      lines += entries.length;
      await file.write(timelineLines(format, entries));
    },
    commit: async () => {
      await file.commit();
      return lines;
    },
    abort: () => file.abort(),
  };
}

/** The report (stdout or --report), or one customer's timeline on stdout with --customer. */
async function writeOutputs(
  opts: ReplayOptions,
  replays: Replay[],
  customer: TimelineEntry[],
  io: CliIO,
): Promise<number> {
  const lang = opts.lang;
  const report = { replays, every: opts.every };
  if (opts.customer === undefined || opts.report !== undefined) {
    const code = await writeReport(
      renderReplay(opts.format, report, { lang }),
      { out: opts.report, bom: opts.format === 'csv', format: opts.format, lang },
      io,
    );
    if (code !== EXIT.ok) return code;
  }
  if (opts.customer === undefined) return EXIT.ok;
  if (customer.length === 0) {
    io.err(`${escapeUnsafe(t(lang, 'replay.noCustomer', { id: opts.customer }))}\n`);
    return EXIT.ok;
  }
  io.out(renderTimeline(opts.format === 'html' ? 'table' : opts.format, opts.customer, customer, lang));
  return EXIT.ok;
}

async function writeState(
  path: string,
  policy: Policy,
  states: readonly TierState[],
  timezone: string,
  io: CliIO,
  opts: ReplayOptions,
): Promise<number> {
  const format = fileFormatOf(path);
  try {
    await writeFileAtomic(path, fileText(format, renderState(format, states, timezone, rerateRules(policy))));
  } catch (error) {
    io.err(`${cannotWrite(opts.lang, path, error)}\n`);
    return EXIT.usage;
  }
  io.err(`${t(opts.lang, 'replay.wroteState', { file: escapeUnsafe(path), customers: states.length })}\n`);
  return EXIT.ok;
}

function summaryLine(opts: ReplayOptions, r: Replay, runs: readonly RunDate[]): string {
  return t(opts.lang, 'replay.summary', {
    policy: `${r.policy.name} ${r.policy.version}`,
    runs: runs.length,
    customers: r.customers,
    customerMonths: r.customerMonths,
    from: runs[0]!.label,
    to: runs.at(-1)!.label,
    churn: formatShare(r.stability.averageChurn),
  });
}

/**
 * TW0704 when a run left more customers untiered than --allow-untiered allows: the worst run
 * decides, so a replay passes only when every run decided (nearly) everyone.
 */
function untieredExit(replays: readonly Replay[], opts: ReplayOptions, io: CliIO): number {
  const allowance = parseAllowance(opts.allowUntiered ?? '0');
  for (const r of replays) {
    const worst = r.runs.reduce((a, b) => (b.undecided > a.undecided ? b : a), r.runs[0]!);
    const finding = untieredFinding(
      worst.undecided,
      worst.customers,
      typeof allowance === 'string' ? NO_UNTIERED : allowance,
    );
    if (finding) {
      reportRun([finding], io, opts.lang);
      return EXIT.findings;
    }
  }
  return EXIT.ok;
}
