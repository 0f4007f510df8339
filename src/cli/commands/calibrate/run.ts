import { hasErrors } from '../../../diagnostics/diagnostic.js';
import { t } from '../../../i18n/text.js';
import { renderCalibration } from '../../../report/simulation/index.js';
import { type CalibrateOptions, calibrate } from '../../../simulate/calibrate.js';
import { type CliIO, EXIT } from '../../io.js';
import {
  asOfExit,
  customerDataExit,
  engineNote,
  failedExit,
  policyFor,
  populationOptions,
  reportRun,
  tiersExit,
  untieredExit,
  writeReport,
} from '../../population/run.js';
import type { CalibrateCliOptions } from '../calibrate.js';

/** vip=10% → customers; vip=40%:revenue → revenue. */
export function parseTarget(text: string): NonNullable<CalibrateOptions['targets']>[number] | undefined {
  const m = /^([A-Za-z][\w-]*)=(\d+(?:\.\d+)?)%(?::(customers|revenue))?$/.exec(text.trim());
  if (!m) return undefined;
  const share = Number(m[2]) / 100;
  if (share <= 0 || share > 1) return undefined;
  return { tier: m[1]!, share, measure: (m[3] as 'customers' | 'revenue' | undefined) ?? 'customers' };
}

export async function run(opts: CalibrateCliOptions, io: CliIO): Promise<number> {
  const targets = opts.target?.map((t) => ({ text: t, parsed: parseTarget(t) }));
  const bad = targets?.find((t) => !t.parsed);
  const step = Number(opts.step);
  const epsilon = Number(opts.epsilon);
  if (bad || !(step > 0 && step <= 100) || !(epsilon > 0)) {
    io.err(
      bad
        ? `${t(opts.lang, 'cli.calibrateTarget', { target: bad.text })}\n`
        : `${t(opts.lang, 'cli.calibrateStep', { command: 'tierwise calibrate' })}\n`,
    );
    return EXIT.usage;
  }
  const badAsOf = customerDataExit(opts, io, opts.lang) ?? asOfExit(opts.asOf, io, opts.lang);
  if (badAsOf !== undefined) return badAsOf;
  const source = await policyFor(opts.policy, opts, io);
  if (typeof source === 'number') return source;
  const tierless = tiersExit([{ policy: source, file: opts.policy }], 'calibrate', io, opts.lang);
  if (tierless !== undefined) return tierless;
  const population = populationOptions(opts, io);
  const result = await calibrate(
    { policy: source, file: opts.policy },
    { ...population, targets: targets?.map((t) => t.parsed!), step, epsilon },
  );
  population.stop();
  reportRun(result.diagnostics, io, opts.lang);
  if (result.failed) return failedExit(result.diagnostics, ['TW0601', 'TW0801']);
  const written = await writeReport(
    renderCalibration(opts.format, result, { lang: opts.lang }),
    { out: opts.out, bom: opts.format === 'csv', format: opts.format, lang: opts.lang },
    io,
  );
  if (written !== EXIT.ok) return written;
  engineNote(opts, io);
  // The report is still written, but a --target that could not be searched (TW0802) fails the
  // run, and so do customers the policy as written leaves untiered beyond --allow-untiered: the
  // search ranks only the customers the policy can score.
  const untiered = untieredExit(
    {
      untiered: result.untiered.customers,
      customers: result.customers,
      untieredCauses: result.untiered.causes,
    },
    opts.allowUntiered,
    io,
    opts.lang,
  );
  const unsearched = result.thresholds.some((search) => hasErrors(search.problems ?? []));
  return unsearched ? EXIT.findings : untiered;
}
