import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkPolicyText } from '../../src/policy/check.js';
import { loadPolicy } from '../../src/policy/load.js';
import { type Measurement, measure } from '../harness.js';
import { type BenchOptions, runsFor } from '../options.js';

const ROOT = new URL('../../', import.meta.url);

/** The checker: what `tierwise check` costs per policy in-process, and a cold CLI start. */
export async function checkSuite(options: BenchOptions): Promise<Measurement[]> {
  const out: Measurement[] = [];
  const dir = new URL('policies/', ROOT);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.tier.yaml'))
    .sort();
  for (const file of files) {
    const path = fileURLToPath(new URL(file, dir));
    const bytes = readFileSync(path).length;
    // loadPolicy, as `tierwise check` does: reading, a variant's base, schema, lint.
    out.push(
      await measure('check', file, 'policies', () => loadPolicy(path), {
        ...runsFor(options, { runs: 15, warmup: 3 }),
        note: `${bytes} bytes`,
      }),
    );
  }
  const bomb = [
    'a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]',
    ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
  ].join('\n');
  out.push(
    await measure('check', 'billion-laughs refusal', 'files', () => checkPolicyText(bomb, 'bomb.tier.yaml'), {
      note: 'TW0006',
    }),
  );
  const bin = fileURLToPath(new URL('dist/cli/bin.js', ROOT));
  const policies = fileURLToPath(dir);
  out.push(
    await measure(
      'check',
      'CLI cold start: check policies/',
      'runs',
      () => spawnSync(process.execPath, [bin, 'check', policies]),
      {
        ...runsFor(options, { runs: 5, warmup: 1 }, { runs: 1, warmup: 0 }),
        note: 'process spawn, ajv compile, all files',
      },
    ),
  );
  return out;
}
