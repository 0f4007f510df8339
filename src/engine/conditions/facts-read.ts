import type { Condition } from '../../policy/schema/condition.js';

/**
 * The facts these conditions read — `fact`, and `{ fact: other }` as a value — through `all`,
 * `any`, `not` and the named conditions they use, each followed once.
 */
export function factsRead(
  conditions: readonly (Condition | undefined)[],
  named: Readonly<Record<string, Condition>> = {},
): Set<string> {
  const out = new Set<string>();
  const seen = new Set<string>();
  const visit = (node: Condition | undefined): void => {
    if (node === undefined) return;
    if (node.fact !== undefined) out.add(node.fact);
    const other = node.value as { fact?: unknown } | undefined;
    if (other !== null && typeof other === 'object' && typeof other.fact === 'string') out.add(other.fact);
    for (const child of [...(node.all ?? []), ...(node.any ?? [])]) visit(child);
    visit(node.not);
    if (node.condition !== undefined && !seen.has(node.condition)) {
      seen.add(node.condition);
      visit(named[node.condition]);
    }
  };
  for (const c of conditions) visit(c);
  return out;
}
