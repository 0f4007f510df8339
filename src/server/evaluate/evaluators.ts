import { LineCounter } from 'yaml';
import { chooseEvaluator } from '../../compile/evaluate.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { type Distribution, tierDistribution } from '../../engine/distribution.js';
import type { Evaluate } from '../../engine/run.js';
import type { Policy } from '../../policy/schema/policy.js';
import { SourceMap } from '../../policy/source-map.js';
import type { ResolvedPolicy } from '../../registry/outcome.js';
import { InputBuilder, type SpecPlace } from '../../testing/inputs.js';

/** A resolved policy compiled once, with what every evaluation of it reuses. */
export interface PreparedPolicy {
  policy: Policy;
  evaluate: Evaluate;
  /** Why the compiled path was not used (a JSONPath condition): said once per response. */
  notes: Diagnostic[];
  inputs: InputBuilder;
  /** customerJson wants a distribution; one customer's output never reads it. */
  empty: Distribution;
  pii: ReadonlySet<string>;
}

/** Request bodies are JSON, not YAML: their findings carry a pointer and no line. */
export const REQUEST_PLACE: SpecPlace = {
  file: 'request',
  pointer: '',
  sourceMap: new SourceMap(new LineCounter()),
};

const MAX_ENTRIES = 64;

/**
 * Compiled policies by content: the version's digest and its bases' (a variant merged with
 * another base is another policy). compilePolicy keeps its own compilations per as-of inside
 * each entry. Least recently used entries go first.
 */
export class PreparedPolicies {
  private readonly entries = new Map<string, PreparedPolicy>();

  get(resolved: ResolvedPolicy): PreparedPolicy {
    const key = [resolved.version.digest, ...resolved.bases.map((b) => b.digest)].join('+');
    const known = this.entries.get(key);
    if (known) {
      this.entries.delete(key);
      this.entries.set(key, known);
      return known;
    }
    const { policy } = resolved;
    const { evaluate, notes } = chooseEvaluator(policy, 'compiled');
    const prepared: PreparedPolicy = {
      policy,
      evaluate,
      notes,
      inputs: new InputBuilder(policy),
      empty: tierDistribution(policy, []),
      pii: new Set(
        Object.entries(policy.facts ?? {})
          .filter(([, f]) => f.pii)
          .map(([id]) => id),
      ),
    };
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, prepared);
    return prepared;
  }
}
