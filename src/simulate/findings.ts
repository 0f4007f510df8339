import type { BatchResult } from '../compile/batch.js';
import { type CompiledPolicy, compilePolicy } from '../compile/policy.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import type { CustomerInput } from '../engine/evaluate.js';
import { type UntieredCause, UntieredTally } from '../engine/untiered.js';
import type { AsOf } from '../facts/asof.js';
import type { CustomerColumns } from '../facts/columnar.js';
import { msg } from '../i18n/text.js';
import type { Policy } from '../policy/schema/policy.js';

const MAX_CUSTOMER_DIAGNOSTICS = 1000;

/**
 * Diagnostics for the customers the batch form left without a tier, from the object path, so
 * they read as `eval` reports them; capped, as a million untiered customers must not fill memory.
 */
export class CustomerFindings {
  private readonly objects: CompiledPolicy;
  private readonly list: Diagnostic[] = [];
  private readonly tally: UntieredTally;
  private omitted = 0;

  /** `asOf`: what the run's derived facts and `{ ago }` dates measure from. */
  constructor(
    policy: Policy,
    private readonly asOf?: AsOf,
  ) {
    this.objects = compilePolicy(policy);
    this.tally = new UntieredTally(policy);
  }

  /** Every untiered customer is re-evaluated, so that each is counted by cause; findings are capped. */
  add(chunk: CustomerColumns, result: BatchResult): void {
    const untiered: CustomerInput[] = [];
    for (let i = 0; i < chunk.length; i++) if (result.tier[i] === -1) untiered.push(customerAt(chunk, i));
    if (untiered.length === 0) return;
    const results = this.objects.evaluate(untiered, { asOf: this.asOf });
    results.forEach((r, i) => {
      this.tally.add(r, untiered[i]!.facts);
      for (const d of r.diagnostics) {
        if (this.list.length < MAX_CUSTOMER_DIAGNOSTICS) this.list.push(d);
        else this.omitted++;
      }
    });
  }

  causes(): UntieredCause[] {
    return this.tally.causes();
  }

  diagnostics(): Diagnostic[] {
    if (this.omitted === 0) return this.list;
    return [
      ...this.list,
      diagnostic('TW0702', msg('findings.moreNotListed', { n: this.omitted }), { severity: 'info' }),
    ];
  }
}

/** Customer i of a chunk as the object path takes it: missing values left out. */
export function customerAt(chunk: CustomerColumns, i: number): CustomerInput {
  const facts: Record<string, unknown> = {};
  for (const [id, column] of Object.entries(chunk.facts)) {
    const v = column[i];
    if (v !== undefined && !(typeof v === 'number' && Number.isNaN(v))) facts[id] = v;
  }
  return { id: chunk.keys[i]!, facts, row: chunk.rows[i] };
}
