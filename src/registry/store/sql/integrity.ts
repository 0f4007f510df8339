import type { Executor } from './executor.js';

/**
 * The registry's own invariants, checked the same way in both databases: each policy's versions
 * are numbered 1..n and the audit log 1..n, without gaps. The schema's unique keys already rule out
 * duplicates, so a count equal to the largest number, with the smallest being 1, means no gap.
 */
export async function registryProblems(ex: Executor): Promise<string[]> {
  const problems: string[] = [];
  const policies = await ex.all(
    `SELECT policy, COUNT(*) AS n, MIN(sequence) AS low, MAX(sequence) AS high FROM versions
     GROUP BY policy HAVING COUNT(*) <> MAX(sequence) OR MIN(sequence) <> 1 ORDER BY policy`,
  );
  for (const row of policies)
    problems.push(
      `versions of policy ${row.policy}: ${row.n} versions numbered ${row.low} to ${row.high}, expected 1 to ${row.n}`,
    );
  const audit = await ex.all('SELECT COUNT(*) AS n, MIN(seq) AS low, MAX(seq) AS high FROM audit');
  const { n, low, high } = audit[0] ?? {};
  if (Number(n) > 0 && (Number(low) !== 1 || Number(high) !== Number(n)))
    problems.push(`audit log: ${n} entries numbered ${low} to ${high}, expected 1 to ${n}`);
  return problems;
}
