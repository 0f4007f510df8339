import { escapeUnsafe } from '../../../diagnostics/render/width.js';
import { type Distribution, tierDistribution } from '../../../engine/distribution.js';
import type { CustomerResult } from '../../../engine/evaluate.js';
import { t } from '../../../i18n/text.js';
import type { Policy } from '../../../policy/schema/policy.js';
import { applyOverride } from '../../../registry/overrides/apply.js';
import { readOverridesFile } from '../../../registry/overrides/file.js';
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
 * `eval --overrides FILE`: the approved overrides of an export applied offline, as the server
 * applies the registry's (those in force at --at, default now); stderr names each customer an
 * override decided. A file that cannot be read exits 2.
 */
export async function withOverrides(
  policy: Policy,
  results: readonly CustomerResult[],
  opts: EvalOptions,
  io: CliIO,
): Promise<Overridden | number> {
  const at = opts.at ? Date.parse(opts.at) : Date.now();
  const found = await readOverridesFile(opts.overrides!, {
    policy: policy.metadata.name,
    ...(opts.businessUnit ? { businessUnit: opts.businessUnit } : {}),
    at: Number.isFinite(at) ? at : Date.now(),
  });
  if (!(found instanceof Map)) {
    printDiagnostics([found], io, opts.lang);
    return EXIT.usage;
  }
  const notes = new Map<string, OverrideNote>();
  const lines: string[] = [];
  const overridden = results.map((result) => {
    const override = found.get(result.customer);
    if (!override) return result;
    const applied = applyOverride(policy, result, override);
    if ('diagnostic' in applied)
      return { ...result, diagnostics: [...result.diagnostics, applied.diagnostic] };
    notes.set(result.customer, applied.note);
    lines.push(
      t(opts.lang, 'overrides.evalDecided', {
        customer: result.customer,
        id: override.id,
        tier: applied.note.tier ?? t(opts.lang, 'overrides.noTier'),
        computed: applied.note.computedTier ?? t(opts.lang, 'overrides.noTier'),
      }),
    );
    return applied.result;
  });
  lines.push(t(opts.lang, 'overrides.evalApplied', { n: notes.size, file: opts.overrides! }));
  io.err(lines.map((line) => `${escapeUnsafe(line)}\n`).join(''));
  return { results: overridden, distribution: tierDistribution(policy, overridden), notes };
}
