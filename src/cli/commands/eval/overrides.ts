import { diagnostic } from '../../../diagnostics/make.js';
import { escapeUnsafe } from '../../../diagnostics/render/width.js';
import { type Distribution, tierDistribution } from '../../../engine/distribution.js';
import type { CustomerResult } from '../../../engine/evaluate.js';
import { msg, t } from '../../../i18n/text.js';
import type { Policy } from '../../../policy/schema/policy.js';
import { type ApplicableOverride, applyOverrides } from '../../../registry/overrides/apply.js';
import { readOverridesFile } from '../../../registry/overrides/file.js';
import { instantOf } from '../../../registry/times.js';
import type { OverrideNote } from '../../../report/override.js';
import { type CliIO, EXIT } from '../../io.js';
import { printDiagnostics } from '../../registry.js';
import type { EvalOptions } from '../eval.js';

export interface Overridden {
  results: CustomerResult[];
  distribution: Distribution;
  notes: Map<string, OverrideNote>;
}

/**
 * `eval --overrides FILE`, before anything is evaluated: the approved overrides of an export in
 * force at --at (an instant with its offset; now by default). A file that cannot be read, or an
 * --at that names no instant, exits 2.
 */
export async function readOverrides(
  policy: Policy,
  opts: EvalOptions,
  io: CliIO,
): Promise<ReadonlyMap<string, ApplicableOverride> | number> {
  const at = opts.at === undefined ? Date.now() : instantOf(opts.at);
  if (at === undefined) {
    printDiagnostics(
      [
        diagnostic('TW1416', msg('overrides.badAt', { text: opts.at! }), {
          help: msg('overrides.badAtHelp'),
        }),
      ],
      io,
      opts.lang,
    );
    return EXIT.usage;
  }
  const found = await readOverridesFile(opts.overrides!, {
    policy: policy.metadata.name,
    ...(opts.businessUnit ? { businessUnit: opts.businessUnit } : {}),
    at,
  });
  if (found instanceof Map) return found;
  printDiagnostics([found], io, opts.lang);
  return EXIT.usage;
}

/** The overrides applied as the server applies the registry's; stderr names each customer one decided. */
export function withOverrides(
  policy: Policy,
  results: readonly CustomerResult[],
  overrides: ReadonlyMap<string, ApplicableOverride>,
  opts: EvalOptions,
  io: CliIO,
): Overridden {
  const applied = applyOverrides(policy, results, overrides);
  const noTier = t(opts.lang, 'overrides.noTier');
  const lines = [...applied.notes].map(([customer, note]) =>
    t(opts.lang, 'overrides.evalDecided', {
      customer,
      id: note.id,
      tier: note.tier ?? noTier,
      computed: note.computedTier ?? noTier,
    }),
  );
  lines.push(t(opts.lang, 'overrides.evalApplied', { n: applied.notes.size, file: opts.overrides! }));
  io.err(lines.map((line) => `${escapeUnsafe(line)}\n`).join(''));
  return { ...applied, distribution: tierDistribution(policy, applied.results) };
}
